// Entity linking across articles: every name below is invented.
#include <gtest/gtest.h>
#include <rocksdb/db.h>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "store/store.h"
#include "tests/support/test_support.h"

namespace newsdesk {
namespace {

using testing::TempDir;

constexpr UnixSeconds kDay = 86400;
constexpr UnixSeconds kT0 = 1791963000;

DocumentEntity Entity(std::string name, EntityType type, std::vector<std::string> aliases = {},
                      std::uint32_t mentions = 1, std::vector<std::string> tickers = {}) {
  DocumentEntity e;
  e.name = std::move(name);
  e.type = type;
  e.aliases = std::move(aliases);
  e.tickers = std::move(tickers);
  e.mention_count = mentions;
  return e;
}

DocumentEntity Per(std::string name, std::vector<std::string> aliases = {}, std::uint32_t n = 1) {
  return Entity(std::move(name), EntityType::kPerson, std::move(aliases), n);
}
DocumentEntity Org(std::string name, std::vector<std::string> aliases = {}, std::uint32_t n = 1,
                   std::vector<std::string> tickers = {}) {
  return Entity(std::move(name), EntityType::kOrganization, std::move(aliases), n,
                std::move(tickers));
}

// Each article its own text, so that none is a duplicate of another; the
// texts share no words, so that each starts a story of its own unless a test
// says otherwise.
Article MakeArticle(const std::string& slug, const std::string& outlet, UnixSeconds published,
                    std::vector<DocumentEntity> entities, const std::string& text = "") {
  Article a;
  a.url = "https://" + outlet + ".example/" + slug;
  a.canonical_url = a.url;
  a.outlet = outlet;
  a.title = "Report " + slug;
  a.text = text.empty() ? "Body of " + slug + " as filed by " + outlet + "." : text;
  a.published = published;
  a.entities.entities = std::move(entities);
  return a;
}

void ExpectConsistent(const Store& store) {
  auto problems = store.Verify();
  ASSERT_TRUE(problems.ok()) << problems.status().message();
  for (const std::string& p : *problems) ADD_FAILURE() << p;
}

class EntityLinking : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = Store::OpenForWrite(tmp_.path());
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = std::move(s).value();
  }
  void TearDown() override {
    if (store_) ExpectConsistent(*store_);
  }

  CommitOutcome Commit(const Article& a) {
    auto r = store_->Commit(a);
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? *r : CommitOutcome{};
  }
  // The entities that have `name`; fails the test on an error.
  std::vector<EntitySummary> Find(const std::string& name) {
    auto r = store_->FindEntities(name);
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? r->matches : std::vector<EntitySummary>{};
  }
  std::vector<EntitySummary> All() {
    auto r = store_->ListEntities({});
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? *r : std::vector<EntitySummary>{};
  }
  // The single entity found by `name`.
  EntitySummary One(const std::string& name) {
    auto found = Find(name);
    EXPECT_EQ(found.size(), 1u) << name;
    return found.empty() ? EntitySummary{} : found.front();
  }

  TempDir tmp_;
  std::unique_ptr<Store> store_;
};

std::vector<std::string> Names(const std::vector<NameCount>& counts) {
  std::vector<std::string> names;
  for (const NameCount& c : counts) names.push_back(c.name);
  std::sort(names.begin(), names.end());
  return names;
}

TEST_F(EntityLinking, LabLabsAndLaboratoryAcrossArticlesAreOneOrganisation) {
  Commit(MakeArticle("a", "harbourline", kT0, {Org("Quillan Labs")}));
  Commit(MakeArticle("b", "westvale", kT0 + kDay, {Org("Quillan Laboratory")}));
  Commit(MakeArticle("c", "westvale", kT0 + 2 * kDay, {Org("QUILLAN LAB")}));
  ASSERT_EQ(All().size(), 1u);
  EntitySummary e = One("quillan labs");
  EXPECT_EQ(e.type, EntityType::kOrganization);
  EXPECT_EQ(e.articles, 3u);
  EXPECT_EQ(Names(e.aliases),
            (std::vector<std::string>{"QUILLAN LAB", "Quillan Laboratory", "Quillan Labs"}));
}

TEST_F(EntityLinking, CorporateSuffixesDoNotSplitAnOrganisation) {
  Commit(MakeArticle("a", "harbourline", kT0, {Org("Velmora Group Holding Ltd.")}));
  Commit(MakeArticle("b", "westvale", kT0, {Org("Velmora")}));
  ASSERT_EQ(All().size(), 1u);
  EXPECT_EQ(One("velmora holdings inc").articles, 2u);
}

TEST_F(EntityLinking, AnAcronymOneArticleDefinesLinksLaterArticles) {
  Commit(MakeArticle("a", "harbourline", kT0, {Org("Harrow Tide Exchange", {"HTX"}, 3)}));
  Commit(MakeArticle("b", "westvale", kT0 + kDay, {Org("HTX", {}, 2)}));
  ASSERT_EQ(All().size(), 1u);
  EntitySummary e = One("HTX");
  EXPECT_EQ(e.name, "Harrow Tide Exchange");  // the full name, though "HTX" is used more
  EXPECT_EQ(e.mentions, 5u);
  EXPECT_EQ(e.articles, 2u);
}

TEST_F(EntityLinking, AnAcronymDoesNotJoinTwoLongNames) {
  // Both define "HTX": a long name identifies, the shared short form does not.
  Commit(MakeArticle("a", "harbourline", kT0, {Org("Harrow Tide Exchange", {"HTX"})}));
  Commit(MakeArticle("b", "westvale", kT0, {Org("Hexley Trust Xenon", {"HTX"})}));
  EXPECT_EQ(All().size(), 2u);
  EXPECT_EQ(Find("HTX").size(), 2u);
}

TEST_F(EntityLinking, ASharedOpeningDoesNotJoinTwoLongNames) {
  // Two institutions named after one town, each also called by the town's
  // name in its article: a long name identifies, the shared opening does not.
  Commit(MakeArticle("a", "harbourline", kT0,
                     {Org("Tallow Reach General Hospital", {"Tallow Reach"})}));
  Commit(MakeArticle("b", "westvale", kT0 + kDay,
                     {Org("Tallow Reach Community College", {"Tallow Reach"})}));
  EXPECT_EQ(All().size(), 2u);
  EXPECT_EQ(One("tallow reach general hospital").articles, 1u);
  EXPECT_EQ(One("tallow reach community college").articles, 1u);
  // An opening alone still finds the one organisation it opens, and an
  // article that gives the long name with its opening joins that name's.
  Commit(MakeArticle("c", "westvale", kT0 + 2 * kDay, {Org("Brackley Rowe Therapeutics", {})}));
  Commit(MakeArticle("d", "harbourline", kT0 + 3 * kDay,
                     {Org("Brackley Rowe Therapeutics", {"Brackley Rowe"})}));
  Commit(MakeArticle("e", "harbourline", kT0 + 4 * kDay, {Org("Brackley Rowe", {})}));
  EXPECT_EQ(One("brackley rowe therapeutics").articles, 3u);
}

TEST_F(EntityLinking, ASharedOpeningStillJoinsLongNamesThatAreNoInstitutions) {
  // One organisation said two ways, each article also using the short
  // name: only institutions named after a place are told apart so.
  Commit(MakeArticle("a", "harbourline", kT0, {Org("Corrin Reserve Board", {"Corrin Reserve"})}));
  Commit(
      MakeArticle("b", "westvale", kT0 + kDay, {Org("Corrin Reserve System", {"Corrin Reserve"})}));
  ASSERT_EQ(All().size(), 1u);
  EXPECT_EQ(One("corrin reserve").articles, 2u);
}

TEST_F(EntityLinking, ATickerFindsTheCompanyThatHasIt) {
  Commit(MakeArticle("a", "harbourline", kT0,
                     {Org("Velmora Group Holding", {}, 2, {"NYSE:VLMR", "HKEX:7781"})}));
  // A later article gives the ticker alone.
  Commit(MakeArticle("b", "westvale", kT0 + kDay,
                     {Entity("VLMR", EntityType::kTicker, {}, 1, {"VLMR"})}));
  ASSERT_EQ(All().size(), 1u);
  EntitySummary e = One("VLMR");
  EXPECT_EQ(e.type, EntityType::kOrganization);
  EXPECT_EQ(e.articles, 2u);
  EXPECT_EQ(One("NYSE:VLMR").id, e.id);
  EXPECT_EQ(One("7781").id, e.id);
  EXPECT_EQ(Names(e.tickers), (std::vector<std::string>{"HKEX:7781", "NYSE:VLMR", "VLMR"}));
}

TEST_F(EntityLinking, TwoPeopleWhoShareASurnameStayApart) {
  Commit(MakeArticle("a", "harbourline", kT0, {Per("Ana Wu", {"Wu"}, 4)}));
  Commit(MakeArticle("b", "westvale", kT0, {Per("Bo Wu", {"Wu"}, 2)}));
  ASSERT_EQ(All().size(), 2u);
  EXPECT_NE(One("Ana Wu").id, One("Bo Wu").id);
  // "Wu" alone could be either: it links to neither.
  Commit(MakeArticle("c", "eastmoor", kT0, {Per("Wu")}));
  EXPECT_EQ(All().size(), 3u);
  EXPECT_EQ(One("Ana Wu").articles, 1u);
  EXPECT_EQ(One("Bo Wu").articles, 1u);
  // Later articles that say "Wu" alone join that Wu, not a new one each.
  Commit(MakeArticle("d", "harbourline", kT0 + kDay, {Per("Wu", {}, 2)}));
  Commit(MakeArticle("e", "westvale", kT0 + kDay, {Per("Wu")}));
  ASSERT_EQ(All().size(), 3u);
  EXPECT_EQ(One("Ana Wu").articles, 1u);
  EXPECT_EQ(One("Bo Wu").articles, 1u);
  auto bare = Find("wu");
  ASSERT_EQ(bare.size(), 3u);  // the name finds all three
  std::uint64_t bare_articles = 0;
  for (const EntitySummary& e : bare) {
    if (e.name == "Wu") bare_articles = e.articles;
  }
  EXPECT_EQ(bare_articles, 3u);
}

TEST_F(EntityLinking, ASurnameAloneNeverLinksByContainment) {
  Commit(MakeArticle("a", "harbourline", kT0, {Per("Renny Kaul Dastor")}));
  Commit(MakeArticle("b", "westvale", kT0, {Per("Dastor")}));
  EXPECT_EQ(All().size(), 2u);
}

TEST_F(EntityLinking, AShorterNameJoinsTheOnePersonWhoseNameContainsIt) {
  Commit(MakeArticle("a", "harbourline", kT0, {Per("Renny Kaul Dastor", {"Renny Kaul"}, 3)}));
  Commit(MakeArticle("b", "westvale", kT0 + kDay, {Per("Kaul Dastor", {}, 2)}));
  ASSERT_EQ(All().size(), 1u);
  EntitySummary e = One("kaul dastor");
  EXPECT_EQ(e.articles, 2u);
  EXPECT_EQ(e.mentions, 5u);
  EXPECT_EQ(One("Renny Kaul").id, e.id);
}

TEST_F(EntityLinking, ALongerNameJoinsTheOnePersonItContains) {
  Commit(MakeArticle("a", "harbourline", kT0, {Per("Kaul Dastor")}));
  Commit(MakeArticle("b", "westvale", kT0, {Per("Renny Kaul Dastor")}));
  ASSERT_EQ(All().size(), 1u);
}

TEST_F(EntityLinking, ContainmentThatFitsTwoPeopleLinksNeither) {
  Commit(MakeArticle("a", "harbourline", kT0, {Per("Renny Kaul Dastor")}));
  Commit(MakeArticle("b", "westvale", kT0, {Per("Mira Kaul Dastor")}));
  Commit(MakeArticle("c", "eastmoor", kT0, {Per("Kaul Dastor")}));
  EXPECT_EQ(All().size(), 3u);
}

TEST_F(EntityLinking, ContainmentIsRefusedWhenTheDocumentFoundItsShortFormAmbiguous) {
  Commit(MakeArticle("a", "harbourline", kT0, {Per("Renny Kaul Dastor")}));
  DocumentEntity d = Per("Kaul Dastor", {"Dastor"});
  d.ambiguous_short_form = true;
  Commit(MakeArticle("b", "westvale", kT0, {d}));
  EXPECT_EQ(All().size(), 2u);
}

TEST_F(EntityLinking, TypesMustAgree) {
  Commit(MakeArticle("a", "harbourline", kT0, {Org("Marlow Fenn")}));
  Commit(MakeArticle("b", "westvale", kT0, {Entity("Marlow Fenn", EntityType::kLocation)}));
  Commit(MakeArticle("c", "eastmoor", kT0, {Per("Marlow Fenn")}));
  auto found = Find("marlow fenn");
  ASSERT_EQ(found.size(), 3u);
  std::vector<EntityType> types;
  for (const auto& e : found) types.push_back(e.type);
  std::sort(types.begin(), types.end());
  EXPECT_EQ(types, (std::vector<EntityType>{EntityType::kPerson, EntityType::kOrganization,
                                            EntityType::kLocation}));
  // A ticker joins an organisation by its ticker only, never a person.
  Commit(MakeArticle("d", "eastmoor", kT0, {Per("Tobin Ask", {}, 1)}));
  Commit(MakeArticle("e", "westvale", kT0, {Entity("TOBIN", EntityType::kTicker)}));
  EXPECT_EQ(All().size(), 5u);
}

TEST_F(EntityLinking, OfSeveralCandidatesTheMostMentionedWins) {
  Commit(MakeArticle("a", "harbourline", kT0, {Org("Harrow Tide Exchange", {"HTX"}, 1)}));
  Commit(MakeArticle("b", "westvale", kT0, {Org("Hexley Trust Xenon", {"HTX"}, 9)}));
  Commit(MakeArticle("c", "eastmoor", kT0, {Org("HTX")}));
  EXPECT_EQ(One("Hexley Trust Xenon").articles, 2u);
  EXPECT_EQ(One("Harrow Tide Exchange").articles, 1u);
}

TEST_F(EntityLinking, KeepsCountsOutletsAndFirstAndLastSeen) {
  Commit(MakeArticle("a", "harbourline", kT0 + kDay, {Per("Orrin Vasque", {"Vasque"}, 3)}));
  Commit(MakeArticle("b", "westvale", kT0, {Per("Orrin Vasque", {}, 2)}));
  Commit(MakeArticle("c", "harbourline", kT0 + 5 * kDay, {Per("Orrin Vasque", {}, 1)}));
  EntitySummary e = One("Orrin Vasque");
  EXPECT_EQ(e.mentions, 6u);
  EXPECT_EQ(e.articles, 3u);
  EXPECT_EQ(e.first_seen, kT0);
  EXPECT_EQ(e.last_seen, kT0 + 5 * kDay);
  EXPECT_EQ(e.outlets, (std::vector<NameCount>{{"harbourline", 2}, {"westvale", 1}}));
  EXPECT_EQ(e.aliases, (std::vector<NameCount>{{"Orrin Vasque", 3}, {"Vasque", 1}}));
}

TEST_F(EntityLinking, TwoEntitiesOfOneArticleThatResolveAlikeCountTheArticleOnce) {
  Commit(MakeArticle("a", "harbourline", kT0,
                     {Org("Quillan Labs", {}, 2), Org("Quillan Laboratory", {}, 3)}));
  EntitySummary e = One("Quillan Lab");
  EXPECT_EQ(e.articles, 1u);
  EXPECT_EQ(e.mentions, 5u);
  EXPECT_EQ(e.outlets, (std::vector<NameCount>{{"harbourline", 1}}));
}

// The fields of an entity that an update must give back exactly.
std::string Describe(const EntitySummary& e) {
  std::string s = e.name + "|" + std::to_string(static_cast<int>(e.type)) + "|" +
                  std::to_string(e.mentions) + "|" + std::to_string(e.articles) + "|" +
                  std::to_string(e.first_seen) + "|" + std::to_string(e.last_seen);
  for (const auto* list : {&e.aliases, &e.tickers, &e.outlets}) {
    s += "|";
    for (const NameCount& c : *list) s += c.name + "=" + std::to_string(c.count) + ",";
  }
  return s;
}

TEST_F(EntityLinking, AnUpdateReplacesExactlyWhatTheOldVersionContributed) {
  Article a = MakeArticle("a", "harbourline", kT0 + 3 * kDay,
                          {Per("Orrin Vasque", {"Vasque"}, 3), Org("Quillan Labs", {}, 1)});
  a.modified = kT0 + 3 * kDay;
  Commit(a);
  Commit(MakeArticle("b", "westvale", kT0, {Per("Orrin Vasque", {}, 2)}));
  const EntitySummary vasque = One("Orrin Vasque");
  const EntitySummary quillan = One("Quillan Labs");
  const std::string before = Describe(vasque);

  // The new version drops Quillan, renames Vasque, names someone new.
  Article a2 = MakeArticle("a", "harbourline", kT0 + 3 * kDay,
                           {Per("Orrin J. Vasque", {"Orrin Vasque"}, 7), Per("Ilse Marrow")},
                           "A corrected body of the report.");
  a2.modified = kT0 + 4 * kDay;
  CommitOutcome o = Commit(a2);
  EXPECT_EQ(o.kind, CommitKind::kUpdated);
  EntitySummary v2 = One("Orrin Vasque");
  EXPECT_EQ(v2.id, vasque.id);
  EXPECT_EQ(v2.mentions, 9u);
  EXPECT_EQ(v2.articles, 2u);
  EXPECT_EQ(v2.aliases, (std::vector<NameCount>{{"Orrin Vasque", 2}, {"Orrin J. Vasque", 1}}));
  EXPECT_TRUE(Find("Vasque").empty());  // no article calls him that now
  EXPECT_TRUE(Find("Quillan Labs").empty());
  EXPECT_EQ(All().size(), 2u);
  ExpectConsistent(*store_);

  // Back to the first version's entities: the counts are what they were.
  Article a3 = a;
  a3.text = "The body of the report as first filed, once more.";
  a3.modified = kT0 + 5 * kDay;
  Commit(a3);
  EXPECT_EQ(Describe(One("Orrin Vasque")), before);
  EXPECT_EQ(One("Orrin Vasque").id, vasque.id);
  EntitySummary q = One("Quillan Labs");
  EXPECT_EQ(Describe(q), Describe(quillan));
  EXPECT_TRUE(Find("Ilse Marrow").empty());
  EXPECT_EQ(All().size(), 2u);
}

TEST_F(EntityLinking, AnUpdateTakesBackTheTickersItGave) {
  Article a = MakeArticle("a", "harbourline", kT0, {Org("Velmora Group", {}, 1, {"NYSE:VLMR"})});
  Commit(a);
  Commit(MakeArticle("b", "westvale", kT0, {Org("Velmora Group")}));
  EXPECT_EQ(One("VLMR").name, "Velmora Group");
  a.text = "A corrected body.";
  a.entities.entities = {Org("Velmora Group")};
  Commit(a);
  EXPECT_TRUE(Find("VLMR").empty());
  EXPECT_TRUE(One("Velmora Group").tickers.empty());
  EXPECT_EQ(One("Velmora Group").articles, 2u);
}

TEST_F(EntityLinking, AnUpdateThatMovesAnArticleInTimeMovesTheSpan) {
  Commit(MakeArticle("a", "harbourline", kT0, {Per("Orrin Vasque")}));
  Article b = MakeArticle("b", "westvale", kT0 + 9 * kDay, {Per("Orrin Vasque")});
  b.modified = kT0 + 9 * kDay;
  Commit(b);
  EXPECT_EQ(One("Orrin Vasque").last_seen, kT0 + 9 * kDay);
  b.published = kT0 + 2 * kDay;  // the first version's date was wrong
  b.modified = kT0 + 10 * kDay;
  b.text = "A corrected body.";
  Commit(b);
  EXPECT_EQ(One("Orrin Vasque").first_seen, kT0);
  EXPECT_EQ(One("Orrin Vasque").last_seen, kT0 + 2 * kDay);
}

TEST_F(EntityLinking, AnEntityOnlyOneArticleNamesKeepsItsIdWhenTheArticleIsUpdated) {
  Article a = MakeArticle("a", "harbourline", kT0, {Per("Ilse Marrow", {}, 1)});
  Commit(a);
  EntityId id = One("Ilse Marrow").id;
  a.text = "A corrected body.";
  a.entities.entities = {Per("Ilse Marrow", {}, 2)};
  Commit(a);
  EXPECT_EQ(One("Ilse Marrow").id, id);
  EXPECT_EQ(One("Ilse Marrow").mentions, 2u);
}

TEST_F(EntityLinking, AnUpdateToASharedSurnameAloneJoinsNeitherPerson) {
  // Ana Wu's only article is corrected to say "Wu" alone: her entity is
  // vacated in that commit, and is no more the bare "Wu" than Bo Wu is.
  Article a = MakeArticle("a", "harbourline", kT0, {Per("Ana Wu", {"Wu"}, 2)});
  Commit(a);
  Commit(MakeArticle("b", "westvale", kT0, {Per("Bo Wu", {"Wu"}, 2)}));
  const EntityId ana = One("Ana Wu").id;
  a.text = "A corrected body.";
  a.entities.entities = {Per("Wu")};
  Commit(a);
  EntitySummary bare{};
  for (const EntitySummary& e : Find("wu")) {
    if (e.name == "Wu") bare = e;
  }
  EXPECT_EQ(bare.articles, 1u);
  EXPECT_NE(bare.id, ana);
  EXPECT_EQ(One("Bo Wu").articles, 1u);
}

TEST_F(EntityLinking, LookupIgnoresCaseDiacriticsAndPossessives) {
  Commit(MakeArticle("a", "harbourline", kT0, {Org("Société Brunelle")}));
  Commit(MakeArticle("b", "westvale", kT0, {Per("Zoë Ångström")}));
  EntityId brunelle = One("Société Brunelle").id;
  EXPECT_EQ(One("SOCIETE BRUNELLE").id, brunelle);
  EXPECT_EQ(One("societe brunelle's").id, brunelle);
  EXPECT_EQ(One("Societe Brunelle S.A.").id, brunelle);
  EXPECT_EQ(One("zoe angstrom").type, EntityType::kPerson);
  EXPECT_EQ(One("ZOË  ÅNGSTRÖM").type, EntityType::kPerson);
}

TEST_F(EntityLinking, SuggestsNearNamesWhenNothingMatches) {
  Commit(MakeArticle("a", "harbourline", kT0, {Org("Quillan Labs", {}, 5)}));
  Commit(MakeArticle("b", "westvale", kT0, {Org("Quillford Bank", {}, 9)}));
  Commit(MakeArticle("c", "eastmoor", kT0, {Per("Orrin Vasque")}));
  auto typo = store_->FindEntities("Quilan Labs");
  ASSERT_TRUE(typo.ok());
  EXPECT_TRUE(typo->matches.empty());
  ASSERT_EQ(typo->suggestions.size(), 1u);
  EXPECT_EQ(typo->suggestions[0].name, "Quillan Labs");

  auto prefix = store_->FindEntities("quil");
  ASSERT_TRUE(prefix.ok());
  EXPECT_TRUE(prefix->matches.empty());
  ASSERT_EQ(prefix->suggestions.size(), 2u);
  EXPECT_EQ(prefix->suggestions[0].name, "Quillford Bank");  // most mentions first
  EXPECT_EQ(prefix->suggestions[1].name, "Quillan Labs");

  auto none = store_->FindEntities("Zzyzx Pantechnicon");
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->matches.empty());
  EXPECT_TRUE(none->suggestions.empty());
}

TEST_F(EntityLinking, CompletesNamesByPrefixWithCounts) {
  Commit(MakeArticle("a", "harbourline", kT0, {Org("Quillan Labs", {"QL"})}));
  Commit(MakeArticle("b", "westvale", kT0, {Org("Quillan Laboratory")}));
  Commit(MakeArticle("c", "eastmoor", kT0, {Org("Quillford Bank")}));
  auto got = store_->CompleteEntityName("QUILL");
  ASSERT_TRUE(got.ok()) << got.status().message();
  ASSERT_EQ(got->size(), 2u);
  EXPECT_EQ((*got)[0].entity_name, "Quillan Laboratory");
  EXPECT_EQ((*got)[0].count, 2u);  // both spellings are the key "quillan lab"
  EXPECT_EQ((*got)[1].alias, "Quillford Bank");
  EXPECT_EQ((*got)[1].count, 1u);
  auto whole = store_->CompleteEntityName("Quillan Labs");
  ASSERT_TRUE(whole.ok());
  ASSERT_EQ(whole->size(), 1u);
  EXPECT_EQ((*whole)[0].count, 2u);
  auto ql = store_->CompleteEntityName("ql", 1);
  ASSERT_TRUE(ql.ok());
  ASSERT_EQ(ql->size(), 1u);
  EXPECT_EQ((*ql)[0].alias, "QL");
}

TEST_F(EntityLinking, ListsEntitiesByTypeTimeAndMentions) {
  Commit(MakeArticle("a", "harbourline", kT0,
                     {Per("Orrin Vasque", {}, 2), Org("Quillan Labs", {}, 7)}));
  Commit(MakeArticle("b", "westvale", kT0 + 10 * kDay, {Per("Ilse Marrow", {}, 4)}));
  auto people = store_->ListEntities({EntityType::kPerson, std::nullopt, 0});
  ASSERT_TRUE(people.ok());
  ASSERT_EQ(people->size(), 2u);
  EXPECT_EQ((*people)[0].name, "Ilse Marrow");
  auto recent = store_->ListEntities({std::nullopt, kT0 + kDay, 0});
  ASSERT_TRUE(recent.ok());
  ASSERT_EQ(recent->size(), 1u);
  EXPECT_EQ((*recent)[0].name, "Ilse Marrow");
  auto top = store_->ListEntities({std::nullopt, std::nullopt, 1});
  ASSERT_TRUE(top.ok());
  ASSERT_EQ(top->size(), 1u);
  EXPECT_EQ((*top)[0].name, "Quillan Labs");
}

TEST_F(EntityLinking, DetailListsArticlesNewestFirstCoMentionsAndStories) {
  Commit(MakeArticle("a", "harbourline", kT0, {Per("Orrin Vasque"), Org("Quillan Labs")}));
  Commit(MakeArticle("b", "westvale", kT0 + 20 * kDay,
                     {Per("Orrin Vasque"), Org("Quillan Labs"), Per("Ilse Marrow")}));
  Commit(MakeArticle("c", "eastmoor", kT0 + 40 * kDay, {Per("Orrin Vasque", {}, 4)}));
  EntityId id = One("Orrin Vasque").id;
  EntityDetailOptions options;
  options.article_limit = 2;
  auto d = store_->GetEntityDetail(id, options);
  ASSERT_TRUE(d.ok()) << d.status().message();
  ASSERT_TRUE(d->has_value());
  const EntityDetail& detail = **d;
  ASSERT_EQ(detail.articles.size(), 2u);
  EXPECT_EQ(detail.articles[0].title, "Report c");
  EXPECT_EQ(detail.articles[0].outlet, "eastmoor");
  EXPECT_EQ(detail.articles[0].mentions, 4u);
  EXPECT_EQ(detail.articles[1].title, "Report b");
  ASSERT_EQ(detail.co_mentioned.size(), 2u);
  EXPECT_EQ(detail.co_mentioned[0].name, "Quillan Labs");
  EXPECT_EQ(detail.co_mentioned[0].shared_articles, 2u);
  EXPECT_EQ(detail.co_mentioned[1].name, "Ilse Marrow");
  EXPECT_EQ(detail.co_mentioned[1].shared_articles, 1u);
  ASSERT_EQ(detail.stories.size(), 3u);  // far apart in time: three stories
  EXPECT_EQ(detail.stories[0].title, "Report c");

  auto missing = store_->GetEntityDetail(9999);
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
}

TEST_F(EntityLinking, ArticlesKeepTheirEntitiesAndReadersSeeTheLinks) {
  Article a = MakeArticle("a", "harbourline", kT0, {Per("Orrin Vasque", {"Vasque"}, 2)});
  a.entities.mentions = {Mention{7, 19, EntityType::kPerson, 0}};
  CommitOutcome o = Commit(a);
  auto got = store_->GetArticle(o.article);
  ASSERT_TRUE(got.ok() && got->has_value());
  ASSERT_EQ((*got)->article.entities.entities.size(), 1u);
  EXPECT_EQ((*got)->article.entities.entities[0].aliases, std::vector<std::string>{"Vasque"});
  ASSERT_EQ((*got)->article.entities.mentions.size(), 1u);
  EXPECT_EQ((*got)->article.entities.mentions[0].end, 19u);
  ExpectConsistent(*store_);
  store_.reset();

  auto reader = Store::OpenForRead(tmp_.path());
  ASSERT_TRUE(reader.ok()) << reader.status().message();
  auto found = (*reader)->FindEntities("vasque");
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->matches.size(), 1u);
  EXPECT_EQ(found->matches[0].name, "Orrin Vasque");
  auto stats = (*reader)->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->entities, 1u);
  auto problems = (*reader)->Verify();
  ASSERT_TRUE(problems.ok());
  EXPECT_TRUE(problems->empty());
}

TEST_F(EntityLinking, EntityIdsAreNeverReused) {
  Article a = MakeArticle("a", "harbourline", kT0, {Per("Ilse Marrow")});
  Commit(a);
  EntityId first = One("Ilse Marrow").id;
  a.text = "A corrected body.";
  a.entities.entities = {Per("Orrin Vasque")};
  Commit(a);
  EXPECT_GT(One("Orrin Vasque").id, first);
  EXPECT_TRUE(Find("Ilse Marrow").empty());
}

// Changes one column family behind the store's back.
void Damage(const std::string& dir, const std::string& family,
            const std::function<void(rocksdb::DB*, rocksdb::ColumnFamilyHandle*)>& fn) {
  std::vector<std::string> names;
  ASSERT_TRUE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir, &names).ok());
  std::vector<rocksdb::ColumnFamilyDescriptor> cfs;
  for (auto& n : names) cfs.emplace_back(n, rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* db = nullptr;
  ASSERT_TRUE(rocksdb::DB::Open(rocksdb::DBOptions(), dir, cfs, &handles, &db).ok());
  auto at = std::find(names.begin(), names.end(), family) - names.begin();
  ASSERT_LT(static_cast<std::size_t>(at), names.size()) << family;
  fn(db, handles[static_cast<std::size_t>(at)]);
  for (auto* h : handles) db->DestroyColumnFamilyHandle(h).PermitUncheckedError();
  db->Close().PermitUncheckedError();
  delete db;
}

// Deletes the first entry of `family`.
void DeleteFirst(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* h) {
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), h));
  it->SeekToFirst();
  ASSERT_TRUE(it->Valid());
  ASSERT_TRUE(db->Delete(rocksdb::WriteOptions(), h, it->key()).ok());
}

class EntityVerify : public ::testing::TestWithParam<const char*> {};

TEST_P(EntityVerify, ReportsAMissingEntry) {
  TempDir tmp;
  {
    auto store = Store::OpenForWrite(tmp.path());
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)
                    ->Commit(MakeArticle("a", "harbourline", kT0,
                                         {Per("Renny Kaul Dastor", {"Dastor"}, 2)}))
                    .ok());
    auto problems = (*store)->Verify();
    ASSERT_TRUE(problems.ok());
    EXPECT_TRUE(problems->empty());
  }
  Damage(tmp.path(), GetParam(), DeleteFirst);
  auto store = Store::OpenForRead(tmp.path());
  ASSERT_TRUE(store.ok());
  auto problems = (*store)->Verify();
  ASSERT_TRUE(problems.ok());
  EXPECT_FALSE(problems->empty()) << GetParam();
}

INSTANTIATE_TEST_SUITE_P(Store, EntityVerify,
                         ::testing::Values("entities", "aliases", "alias_words", "mentions"));

TEST(EntityVerifyCounts, ReportsAMentionCountThatDiffersFromTheLinks) {
  TempDir tmp;
  {
    auto store = Store::OpenForWrite(tmp.path());
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE(
        (*store)->Commit(MakeArticle("a", "harbourline", kT0, {Per("Ilse Marrow", {}, 2)})).ok());
  }
  Damage(tmp.path(), "mentions", [](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* h) {
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), h));
    it->SeekToFirst();
    ASSERT_TRUE(it->Valid());
    ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), h, it->key(), std::string(7, '\0') + "\x05").ok());
  });
  auto store = Store::OpenForRead(tmp.path());
  ASSERT_TRUE(store.ok());
  auto problems = (*store)->Verify();
  ASSERT_TRUE(problems.ok());
  ASSERT_EQ(problems->size(), 1u);
  EXPECT_NE((*problems)[0].find("mention entries differ"), std::string::npos);
}

}  // namespace
}  // namespace newsdesk
