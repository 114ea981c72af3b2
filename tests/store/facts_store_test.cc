// Facts across articles: support is counted per outlet and per origin,
// updates take an article's support back exactly, and `Verify` checks it.
// Stories count their articles' origins the same way.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "store/store.h"
#include "tests/support/test_support.h"

namespace newsdesk {
namespace {

using testing::TempDir;

constexpr UnixSeconds kT0 = 1793000000;  // 2026-10-26

// An article as ingestion leaves it: entities and facts of title + text.
Article Annotated(const std::string& outlet, const std::string& slug, const std::string& title,
                  const std::string& text, UnixSeconds published) {
  Article a;
  a.url = a.canonical_url = "https://" + outlet + ".example/" + slug;
  a.outlet = outlet;
  a.title = title;
  a.text = text;
  a.published = a.modified = published;
  const std::string all = title + "\n\n" + text;
  auto entities = RecognizeEntities(all);
  EXPECT_TRUE(entities.ok());
  a.entities = *entities;
  auto facts = ExtractFacts(all, a.entities, published);
  EXPECT_TRUE(facts.ok());
  a.facts = *facts;
  return a;
}

// The outlets and the independent origins of the store's one story.
std::pair<std::size_t, std::size_t> OnlyStoryCounts(const Store& store) {
  auto stories = store.ListStories(StoryQuery{});
  EXPECT_TRUE(stories.ok());
  if (!stories.ok() || stories->size() != 1) {
    ADD_FAILURE() << "not one story";
    return {0, 0};
  }
  return {stories->front().sources(), stories->front().independent};
}
using Counts = std::pair<std::size_t, std::size_t>;

const std::string kLeads =
    "Tarrant Group has set up Veloria Signal Hub. Daniel Okafor will lead Veloria Signal Hub, the "
    "new data unit. The unit opens in the spring.";

std::optional<FactSummary> LeadFact(const Store& store) {
  auto check = store.VerifyClaim("Daniel Okafor will lead Veloria Signal Hub");
  EXPECT_TRUE(check.ok());
  if (!check.ok() || check->matches.empty()) return std::nullopt;
  return check->matches.front();
}

TEST(Facts, AnUpdateTakesItsSupportBackAndTheLastOneRemovesTheFact) {
  TempDir tmp;
  auto store = Store::OpenForWrite(tmp.Sub("db"));
  ASSERT_TRUE(store.ok());
  Store& s = **store;
  ASSERT_TRUE(s.Commit(Annotated("harbour-post", "okafor", "Okafor to run hub", kLeads, kT0)).ok());
  ASSERT_TRUE(s.Commit(Annotated("quay-times", "hub", "A new hub for Tarrant",
                                 "Tarrant Group has a new data unit. " + kLeads + " More soon.",
                                 kT0 + 3600))
                  .ok());
  auto fact = LeadFact(s);
  ASSERT_TRUE(fact.has_value());
  EXPECT_EQ(fact->sources, 2u);
  EXPECT_EQ(fact->independent, 2u);  // two outlets in their own voice, different texts

  // Quay Times corrects its story: it no longer says who leads the unit.
  ASSERT_TRUE(s.Commit(Annotated("quay-times", "hub", "A new hub for Tarrant",
                                 "Tarrant Group has a new data unit. Its head is not named yet.",
                                 kT0 + 7200))
                  .ok());
  fact = LeadFact(s);
  ASSERT_TRUE(fact.has_value());
  EXPECT_EQ(fact->sources, 1u);
  EXPECT_EQ(fact->support.at(0).outlet, "harbour-post");
  auto problems = s.Verify();
  ASSERT_TRUE(problems.ok());
  EXPECT_TRUE(problems->empty()) << problems->front();

  ASSERT_TRUE(s.Commit(Annotated("harbour-post", "okafor", "Okafor to run hub",
                                 "Tarrant Group has a new data unit. Its head is not named yet.",
                                 kT0 + 9000))
                  .ok());
  EXPECT_FALSE(LeadFact(s).has_value());
  auto all = s.ListFacts(FactQuery{});
  ASSERT_TRUE(all.ok());
  for (const FactSummary& f : *all) EXPECT_NE(f.subject, "Daniel Okafor");
  problems = s.Verify();
  ASSERT_TRUE(problems.ok());
  EXPECT_TRUE(problems->empty()) << problems->front();
}

TEST(Facts, CopiesOfOneTextAtThreeOutletsAreOneOrigin) {
  TempDir tmp;
  auto store = Store::OpenForWrite(tmp.Sub("db"));
  ASSERT_TRUE(store.ok());
  Store& s = **store;
  const std::string text =
      kLeads +
      " Tarrant Group said the hub would sell weather data to shipping firms along the coast, "
      "starting with the ports of Marlow and Eastwick, and would hire forty people by the end "
      "of the year.";
  for (const char* outlet : {"harbour-post", "quay-times", "coast-daily"}) {
    ASSERT_TRUE(s.Commit(Annotated(outlet, "okafor", "Okafor to run hub", text, kT0)).ok());
  }
  auto fact = LeadFact(s);
  ASSERT_TRUE(fact.has_value());
  EXPECT_EQ(fact->sources, 3u);
  EXPECT_EQ(fact->independent, 1u);
  ASSERT_EQ(fact->support.size(), 3u);
  EXPECT_EQ(fact->support[0].origin_kind, "own");  // the first stored copy
  EXPECT_EQ(fact->support[1].origin_kind, "syndicated");
  EXPECT_EQ(fact->support[1].origin, fact->support[0].outlet);
  // And their story has three sources, one independent.
  EXPECT_EQ(OnlyStoryCounts(s), Counts(3, 1));
}

TEST(Facts, AnUnnamedReportIsTheUpstreamAnotherArticleNames) {
  const std::string cites =
      "According to Lantern Wire, route planners from budget firms such as Fleetwise Systems, "
      "Trackmere Labs, and Haulio Logistics can cost 5 to 8 times less than comparable European "
      "products.";
  const std::string relays =
      "The report notes that Haulio Logistics can cost 5 to 8 times less than older suites.";
  auto price = [](const Store& s) -> std::optional<FactSummary> {
    auto check = s.VerifyClaim("Haulio Logistics costs 5 to 8 times less than rivals");
    EXPECT_TRUE(check.ok());
    if (!check.ok() || check->matches.empty()) return std::nullopt;
    return check->matches.front();
  };
  {
    // Alone, the relaying article is the only origin there is: its own.
    TempDir tmp;
    auto store = Store::OpenForWrite(tmp.Sub("db"));
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE(
        (*store)->Commit(Annotated("quay-times", "planners", "Cheap planners", relays, kT0)).ok());
    auto fact = price(**store);
    ASSERT_TRUE(fact.has_value());
    EXPECT_EQ(fact->independent, 1u);
    ASSERT_EQ(fact->support.size(), 1u);
    EXPECT_EQ(fact->support[0].origin_kind, "report");
    EXPECT_EQ(fact->support[0].origin, "quay-times");
  }
  TempDir tmp;
  auto store = Store::OpenForWrite(tmp.Sub("db"));
  ASSERT_TRUE(store.ok());
  Store& s = **store;
  ASSERT_TRUE(s.Commit(Annotated("harbour-post", "planners", "Budget planners", cites, kT0)).ok());
  ASSERT_TRUE(
      s.Commit(Annotated("quay-times", "planners", "Cheap planners", relays, kT0 + 3600)).ok());
  auto fact = price(s);
  ASSERT_TRUE(fact.has_value());
  EXPECT_EQ(fact->sources, 2u);
  EXPECT_EQ(fact->independent, 1u);  // both are Lantern Wire's report
  ASSERT_EQ(fact->support.size(), 2u);
  EXPECT_EQ(fact->support[0].origin, "Lantern Wire");
  EXPECT_EQ(fact->support[0].origin_kind, "according_to");
  EXPECT_EQ(fact->support[1].origin, "Lantern Wire");
  EXPECT_EQ(fact->support[1].origin_kind, "report");
}

TEST(Facts, AWireStoryAndItsCopiesAreNearAndARewriteIsFar) {
  const std::string wire = testing::ReadFileOrDie(
      testing::FixturePath("corroboration/lanternwire.com/"
                           "corvane-systems-sets-up-route-planning-unit-for-small-hauliers.txt"));
  const std::string rewrite = testing::ReadFileOrDie(
      testing::FixturePath("corroboration/ledgerlinedaily.com/"
                           "corvane-systems-puts-its-ceo-in-charge-of-new-routing-business.txt"));
  EXPECT_EQ(SimhashDistance(TextSimhash(wire), TextSimhash(wire + "\n")), 0);
  // A credit line under a 130-word story: still within the default 3 bits.
  EXPECT_LE(
      SimhashDistance(TextSimhash(wire), TextSimhash(wire + "\n\nReporting by the Lantern desk.")),
      StoreOptions{}.near_duplicate_bits);
  EXPECT_GE(SimhashDistance(TextSimhash(wire), TextSimhash(rewrite)), 16);
  EXPECT_EQ(TextSimhash("too short"), 0u);
}

// The fixture wire story (fixtures/corroboration): Lantern Wire's report,
// two outlets' copies of it (with its dateline), a rewrite that cites it in
// every sentence and two outlets' own reports.
std::vector<Article> CorroborationArticles() {
  std::vector<Article> out;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(testing::FixturePath("corroboration"))) {
    if (entry.path().extension() != ".txt") continue;
    const std::string file = testing::ReadFileOrDie(entry.path().string());
    const auto meta = nlohmann::json::parse(testing::ReadFileOrDie(
        entry.path().parent_path() / (entry.path().stem().string() + ".meta.json")));
    const std::size_t title_end = file.find('\n');
    Article a = Annotated(meta.at("outlet"), entry.path().stem().string(),
                          file.substr(0, title_end), file.substr(title_end + 2), kT0);
    a.url = a.canonical_url = meta.at("url");
    a.published = a.modified = ParseDateTime(meta.at("published").get<std::string>());
    EXPECT_TRUE(a.published.has_value()) << entry.path();
    out.push_back(std::move(a));
  }
  std::sort(out.begin(), out.end(),
            [](const Article& a, const Article& b) { return *a.published < *b.published; });
  return out;
}

TEST(StoryOrigins, AWireReportAndItsCopiesAreOneIndependentSourceOfTheStory) {
  std::vector<Article> articles = CorroborationArticles();
  ASSERT_EQ(articles.size(), 6u);
  // In time order, and with the copies stored before the wire's own text.
  for (bool copies_first : {false, true}) {
    SCOPED_TRACE(copies_first ? "copies first" : "in time order");
    if (copies_first) {
      std::stable_partition(articles.begin(), articles.end(),
                            [](const Article& a) { return a.outlet != "Lantern Wire"; });
    }
    TempDir tmp;
    auto store = Store::OpenForWrite(tmp.Sub("db"));
    ASSERT_TRUE(store.ok());
    Store& s = **store;
    for (const Article& a : articles) ASSERT_TRUE(s.Commit(a).ok()) << a.outlet;
    auto stories = s.ListStories(StoryQuery{});
    ASSERT_TRUE(stories.ok());
    ASSERT_EQ(stories->size(), 1u);
    const StorySummary& story = stories->front();
    EXPECT_EQ(story.sources(), 6u);
    // Lantern Wire with its two copies; Ledgerline's rewrite, Northfold's
    // and Freight Desk's reports are their outlets' own texts.
    EXPECT_EQ(story.independent, 4u);
    auto detail = s.GetStory(story.id);
    ASSERT_TRUE(detail.ok() && detail->has_value());
    std::map<std::string, std::string> origin_of;
    for (const StoredArticle& a : (*detail)->articles) origin_of[a.article.outlet] = a.Origin();
    EXPECT_EQ(origin_of["The Ashcombe Standard"], "Lantern Wire");
    EXPECT_EQ(origin_of["Greyhaven Business Journal"], "Lantern Wire");
    EXPECT_EQ(origin_of["Lantern Wire"], "Lantern Wire");
    EXPECT_EQ(origin_of["Ledgerline Daily"], "Ledgerline Daily");
    EXPECT_EQ(origin_of["Freight Desk Weekly"], "Freight Desk Weekly");
    auto problems = s.Verify();
    ASSERT_TRUE(problems.ok());
    EXPECT_TRUE(problems->empty()) << problems->front();
  }
}

TEST(StoryOrigins, CopiesThatCreditDifferentlyAreOneOriginInEitherOrder) {
  // One wire text at two outlets; only one kept the dateline in capitals,
  // where it reads as a credit. The copy takes its root's origin.
  const std::string text =
      " — Marlow Ferries will run a night crossing from Eastwick to Marlow from May, the "
      "operator said on Tuesday. The crossing leaves Eastwick at 23:40 and takes two hours. "
      "Tickets go on sale in April, and the company expects the night boat to carry lorries as "
      "well as cars, freeing daytime sailings for foot passengers.";
  const Article credited = Annotated("Quay Times", "ferry", "Night ferry for Eastwick",
                                     "EASTWICK (Lantern Wire)" + text, kT0);
  const Article plain = Annotated("Coast Daily", "ferry", "Night ferry for Eastwick",
                                  "Eastwick (Lantern Wire)" + text, kT0 + 600);
  ASSERT_EQ(credited.facts.credit, "Lantern Wire");
  ASSERT_EQ(plain.facts.credit, "");
  for (bool credited_first : {true, false}) {
    SCOPED_TRACE(credited_first ? "the credited copy first" : "the plain copy first");
    TempDir tmp;
    auto store = Store::OpenForWrite(tmp.Sub("db"));
    ASSERT_TRUE(store.ok());
    Store& s = **store;
    ASSERT_TRUE(s.Commit(credited_first ? credited : plain).ok());
    ASSERT_TRUE(s.Commit(credited_first ? plain : credited).ok());
    EXPECT_EQ(OnlyStoryCounts(s), Counts(2, 1));
  }
}

TEST(StoryOrigins, ACreditThatNamesTheOutletItselfIsItsOwn) {
  TempDir tmp;
  auto store = Store::OpenForWrite(tmp.Sub("db"));
  ASSERT_TRUE(store.ok());
  Store& s = **store;
  auto outcome =
      s.Commit(Annotated("The Harbour Press", "ferry", "Night ferry for Eastwick",
                         "EASTWICK (HP) — Marlow Ferries will run a night crossing.", kT0));
  ASSERT_TRUE(outcome.ok());
  auto article = s.GetArticle(outcome->article);
  ASSERT_TRUE(article.ok() && article->has_value());
  EXPECT_EQ((*article)->article.facts.credit, "HP");
  EXPECT_EQ((*article)->origin, "");
  EXPECT_EQ((*article)->Origin(), "The Harbour Press");
  // Initials across a hyphen.
  outcome = s.Commit(Annotated("Agence Kestria-Presse", "ferry", "Night ferry for Eastwick",
                               "EASTWICK (AKP) — Marlow Ferries will run a night crossing.", kT0));
  ASSERT_TRUE(outcome.ok());
  article = s.GetArticle(outcome->article);
  ASSERT_TRUE(article.ok() && article->has_value());
  EXPECT_EQ((*article)->origin, "");
}

TEST(StoryOrigins, ACreditLineMakesAnotherTextTheUpstreamsAndAnUpdateTakesItBack) {
  TempDir tmp;
  auto store = Store::OpenForWrite(tmp.Sub("db"));
  ASSERT_TRUE(store.ok());
  Store& s = **store;
  const std::string own =
      "Marlow Ferries will run a night crossing from Eastwick to Marlow from May, the operator "
      "said on Tuesday. The crossing leaves Eastwick at 23:40 and takes two hours. Tickets go on "
      "sale in April, and the company expects the night boat to carry lorries as well as cars.";
  // Quay Times shortens the Harbour Post's report and says whose it is: not
  // a near copy, but the Harbour Post's text.
  const std::string credited =
      "A night ferry will link Eastwick and Marlow from May. Marlow Ferries said the crossing "
      "leaves Eastwick at 23:40 and takes two hours, with tickets on sale in April.\n\n"
      "This story was originally published by the Harbour Post.";
  const std::string reported =
      "A night ferry will link Eastwick and Marlow from May. Marlow Ferries told the Quay Times "
      "the crossing leaves Eastwick at 23:40 and takes two hours, with tickets on sale in April.";
  ASSERT_TRUE(s.Commit(Annotated("Harbour Post", "ferry", "Night ferry to link Eastwick and Marlow",
                                 own, kT0))
                  .ok());
  ASSERT_TRUE(s.Commit(Annotated("Quay Times", "ferry", "Night ferry for Eastwick from May",
                                 credited, kT0 + 3600))
                  .ok());
  EXPECT_EQ(OnlyStoryCounts(s), Counts(2, 1));
  StoryQuery two_independent;
  two_independent.min_independent = 2;
  auto listed = s.ListStories(two_independent);
  ASSERT_TRUE(listed.ok());
  EXPECT_TRUE(listed->empty());

  // The Quay Times replaces it with its own reporting.
  ASSERT_TRUE(s.Commit(Annotated("Quay Times", "ferry", "Night ferry for Eastwick from May",
                                 reported, kT0 + 7200))
                  .ok());
  EXPECT_EQ(OnlyStoryCounts(s), Counts(2, 2));
  listed = s.ListStories(two_independent);
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->size(), 1u);
  auto problems = s.Verify();
  ASSERT_TRUE(problems.ok());
  EXPECT_TRUE(problems->empty()) << problems->front();
}

}  // namespace
}  // namespace newsdesk
