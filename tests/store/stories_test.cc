// Story assignment: articles about one event join one story; other events,
// also of the same kind in the same week, and the same kind of text far
// apart in time, start stories of their own; stories an article bridges
// merge, and the old id finds the merged story.
#include <gtest/gtest.h>

#include <set>

#include "store/store.h"
#include "tests/support/test_support.h"

namespace newsdesk {
namespace {

using testing::TempDir;

constexpr UnixSeconds kDay = 86400;
constexpr UnixSeconds kT0 = 1791963000;  // 2026-10-14T07:30:00Z

Article Make(const std::string& outlet, const std::string& slug, const std::string& title,
             const std::string& text, UnixSeconds published) {
  Article a;
  a.url = a.canonical_url = "https://" + outlet + ".example/" + slug;
  a.outlet = outlet;
  a.title = title;
  a.text = text;
  a.published = published;
  return a;
}

// Three outlets on a warehouse fire in Brennock, two on a school vote in
// Lindow, one on a cycling race: invented events.
std::vector<Article> Corpus() {
  return {
      Make("brennock-post", "fire", "Warehouse fire closes Brennock docks",
           "A fire at a timber warehouse on Brennock docks burned through the night. Crews from "
           "three fire stations fought the blaze, and the harbour master closed the docks to "
           "shipping. No one was hurt, the fire service said.",
           kT0),
      Make("coast-news", "brennock-blaze", "Blaze at Brennock timber warehouse shuts harbour",
           "Firefighters spent the night tackling a blaze at a timber warehouse in Brennock, and "
           "the harbour was closed to ships. The fire service said nobody was injured in the "
           "warehouse fire on the docks.",
           kT0 + 3600),
      Make("lindow-gazette", "school-vote", "Lindow school board votes to merge two primaries",
           "The Lindow school board voted five to two on Tuesday to merge Oakfield and Greyhill "
           "primary schools. Parents protested outside the board meeting, saying the merger "
           "would mean longer journeys for young pupils.",
           kT0 + 7200),
      Make("shire-times", "docks-fire", "Brennock docks reopen after warehouse fire",
           "Brennock docks reopened to shipping on Wednesday after a fire destroyed a timber "
           "warehouse. Fire crews from three stations had fought the blaze overnight; no one "
           "was injured.",
           kT0 + kDay),
      Make("county-voice", "merger", "Parents protest as Lindow board merges primary schools",
           "Parents protested outside a Lindow school board meeting on Tuesday as members voted "
           "to merge the Oakfield and Greyhill primaries. The board said falling pupil numbers "
           "left it no choice.",
           kT0 + kDay),
      Make("velo-weekly", "race", "Marra wins hill stage of the coastal cycling tour",
           "Ines Marra won the fourth stage of the coastal cycling tour, attacking on the final "
           "climb to take the leader's jersey by eleven seconds.",
           kT0 + kDay),
  };
}

struct Fixture {
  TempDir tmp;
  std::unique_ptr<Store> store;
  std::vector<CommitOutcome> outcomes;

  explicit Fixture(const std::vector<Article>& articles, StoreOptions options = {}) {
    auto s = Store::OpenForWrite(tmp.path(), options);
    EXPECT_TRUE(s.ok()) << s.status().message();
    store = std::move(s).value();
    for (const Article& a : articles) {
      auto o = store->Commit(a);
      EXPECT_TRUE(o.ok()) << o.status().message();
      outcomes.push_back(*o);
    }
  }
};

TEST(Stories, ArticlesAboutOneEventJoinOneStoryAndOthersDoNot) {
  Fixture f(Corpus());
  const auto& o = f.outcomes;
  EXPECT_EQ(o[0].story, o[1].story);
  EXPECT_EQ(o[0].story, o[3].story);
  EXPECT_EQ(o[2].story, o[4].story);
  EXPECT_NE(o[0].story, o[2].story);
  EXPECT_NE(o[5].story, o[0].story);
  EXPECT_NE(o[5].story, o[2].story);
  auto fire = f.store->GetStory(o[0].story);
  ASSERT_TRUE(fire.ok() && fire->has_value());
  EXPECT_EQ((*fire)->summary.sources(), 3u);
  EXPECT_EQ((*fire)->summary.outlets,
            (std::vector<std::string>{"brennock-post", "coast-news", "shire-times"}));
  // The headline is one of its articles' (which one: RepresentativeHeadline).
  std::set<std::string> titles = {Corpus()[0].title, Corpus()[1].title, Corpus()[3].title};
  EXPECT_TRUE(titles.count((*fire)->summary.title)) << (*fire)->summary.title;
  EXPECT_EQ((*fire)->summary.first_seen, kT0);
  EXPECT_EQ((*fire)->summary.last_seen, kT0 + kDay);
  ASSERT_EQ((*fire)->articles.size(), 3u);
  EXPECT_EQ((*fire)->articles.front().article.outlet, "brennock-post");  // oldest first
}

TEST(Stories, TheWriterForgettingTermStatisticsChangesNoStory) {
  // A writer that starts its term statistics over after every commit, and
  // keeps no more than the last story record and headline it read, reads
  // them back from the database: the same stories as one that keeps them.
  StoreOptions forgetful;
  forgetful.writer_term_cache = 1;
  forgetful.writer_story_cache_bytes = 1;
  Fixture kept(Corpus()), forgot(Corpus(), forgetful);
  ASSERT_EQ(kept.outcomes.size(), forgot.outcomes.size());
  for (std::size_t i = 0; i < kept.outcomes.size(); ++i) {
    EXPECT_EQ(kept.outcomes[i].story, forgot.outcomes[i].story) << "article " << i;
  }
  auto a = kept.store->ListStories({}), b = forgot.store->ListStories({});
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_EQ(a->size(), b->size());
  for (std::size_t i = 0; i < a->size(); ++i) {
    EXPECT_EQ((*a)[i].id, (*b)[i].id);
    EXPECT_EQ((*a)[i].title, (*b)[i].title);
    EXPECT_EQ((*a)[i].article_count, (*b)[i].article_count);
  }
}

TEST(Stories, ListsMostCoveredFirstAndFilters) {
  Fixture f(Corpus());
  auto all = f.store->ListStories({});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].sources(), 3u);
  EXPECT_EQ((*all)[1].sources(), 2u);
  EXPECT_EQ((*all)[2].sources(), 1u);
  StoryQuery q;
  q.min_sources = 2;
  EXPECT_EQ(f.store->ListStories(q)->size(), 2u);
  q = {};
  q.since = kT0 + kDay;  // the school vote was last seen at kT0 + kDay too
  EXPECT_EQ(f.store->ListStories(q)->size(), 3u);
  q.since = kT0 + kDay + 1;
  EXPECT_EQ(f.store->ListStories(q)->size(), 0u);
  q = {};
  q.limit = 1;
  EXPECT_EQ(f.store->ListStories(q)->size(), 1u);
}

TEST(Stories, TheSameKindOfNewsFarApartInTimeIsAnotherStory) {
  auto corpus = Corpus();
  Article later = corpus[1];
  later.url = later.canonical_url = "https://coast-news.example/brennock-blaze-again";
  later.published = kT0 + 60 * kDay;
  later.text += " It was the second fire there in two months.";
  corpus.push_back(later);
  Fixture f(corpus);
  EXPECT_NE(f.outcomes.back().story, f.outcomes[0].story);
}

TEST(Stories, AnUpdateThatChangesTheSubjectMovesTheArticleAndDropsAnEmptyStory) {
  Fixture f(Corpus());
  Article race = Corpus()[5];
  StoryId race_story = f.outcomes[5].story;
  Article rewritten = Corpus()[4];  // the school vote, under the race article's URL
  rewritten.url = rewritten.canonical_url = race.canonical_url;
  rewritten.outlet = race.outlet;
  auto o = f.store->Commit(rewritten);
  ASSERT_TRUE(o.ok()) << o.status().message();
  EXPECT_EQ(o->kind, CommitKind::kUpdated);
  EXPECT_EQ(o->story, f.outcomes[2].story);
  EXPECT_FALSE(f.store->GetStory(race_story)->has_value());
  auto stats = f.store->Stats();
  EXPECT_EQ(stats->stories, 2u);
  EXPECT_EQ(stats->articles, 6u);
  EXPECT_EQ((*f.store->GetStory(o->story))->summary.sources(), 3u);
}

// Two earthquakes in one week, each told by three outlets in the same words
// of the trade ("magnitude", "epicentre", "aftershocks", "rescue teams"):
// the places, people and numbers tell them apart.
std::vector<Article> TwoQuakes() {
  return {
      Make("quake-wire", "varn-1", "Magnitude 6.4 earthquake strikes Varnholt valley",
           "A magnitude 6.4 earthquake struck the Varnholt valley early on Monday, collapsing "
           "houses in Esker Ford and cutting the road to Tallow Pass. The epicentre was 12 "
           "kilometres below Esker Ford, the Varnholt Seismic Office said. Rescue teams searched "
           "the rubble through the night and at least 14 people died. Aftershocks of magnitude "
           "4.8 followed. Governor Ilse Brannvik declared an emergency.",
           kT0),
      Make("valley-news", "varn-2", "Esker Ford counts its dead after 6.4 quake",
           "Rescue teams in Esker Ford pulled survivors from collapsed houses after Monday's "
           "magnitude 6.4 earthquake in the Varnholt valley. The death toll rose to 14. Governor "
           "Ilse Brannvik said the road to Tallow Pass would stay closed while aftershocks "
           "continued. The epicentre lay beneath Esker Ford.",
           kT0 + 5 * 3600),
      Make("daily-ledger", "varn-3", "Varnholt earthquake: 14 dead, Tallow Pass road cut",
           "Fourteen people died when a magnitude 6.4 earthquake hit the Varnholt valley, the "
           "Varnholt Seismic Office said. Houses collapsed in Esker Ford, near the epicentre, and "
           "rescue teams worked through aftershocks. Governor Ilse Brannvik asked for army help.",
           kT0 + kDay),
      Make("quake-wire", "corran-1", "Magnitude 5.9 earthquake hits Corran coast",
           "A magnitude 5.9 earthquake hit the Corran coast on Thursday, damaging the harbour at "
           "Pellow Bay and the old bridge at Marrick. The epicentre was 30 kilometres offshore, "
           "the Corran Geological Survey said. Rescue teams reached Pellow Bay by boat; 3 people "
           "died. Aftershocks of magnitude 4.1 followed. Mayor Tobin Ashgrove opened schools as "
           "shelters.",
           kT0 + 3 * kDay),
      Make("valley-news", "corran-2", "Pellow Bay harbour wrecked by 5.9 quake",
           "Thursday's magnitude 5.9 earthquake off the Corran coast wrecked the harbour at Pellow "
           "Bay and cracked the Marrick bridge. Three people died. Mayor Tobin Ashgrove said "
           "rescue teams had reached every village, though aftershocks continued. The epicentre "
           "was offshore.",
           kT0 + 3 * kDay + 4 * 3600),
      Make("daily-ledger", "corran-3", "Corran earthquake: 3 dead as Pellow Bay harbour collapses",
           "Three people died after a magnitude 5.9 earthquake struck off the Corran coast, the "
           "Corran Geological Survey said. The harbour at Pellow Bay collapsed and the Marrick "
           "bridge was closed. Rescue teams worked through aftershocks; Mayor Tobin Ashgrove "
           "opened schools as shelters.",
           kT0 + 4 * kDay),
  };
}

// The entities an article names, as ingestion would find them.
std::vector<Article> Recognized(std::vector<Article> articles) {
  for (Article& a : articles) a.entities = RecognizeEntities(a.title + "\n\n" + a.text).value();
  return articles;
}

TEST(Stories, TwoSimilarEventsInOneWeekAreTwoStories) {
  Fixture f(Recognized(TwoQuakes()));
  const auto& o = f.outcomes;
  EXPECT_EQ(o[0].story, o[1].story);
  EXPECT_EQ(o[0].story, o[2].story);
  EXPECT_EQ(o[3].story, o[4].story);
  EXPECT_EQ(o[3].story, o[5].story);
  EXPECT_NE(o[0].story, o[3].story);
  auto stats = f.store->Stats();
  EXPECT_EQ(stats->stories, 2u);
  auto varnholt = f.store->GetStory(o[0].story);
  ASSERT_TRUE(varnholt.ok() && varnholt->has_value());
  EXPECT_EQ((*varnholt)->summary.sources(), 3u);
  // Its main entities are the Varnholt event's, not the Corran one's.
  std::set<std::string> names;
  for (const StoryEntity& e : (*varnholt)->summary.entities) names.insert(e.name);
  EXPECT_TRUE(names.count("Esker Ford") || names.count("Ilse Brannvik")) << names.size();
  EXPECT_FALSE(names.count("Pellow Bay"));
  EXPECT_TRUE(f.store->Verify()->empty());
}

TEST(Stories, AHeadlineOnlyItemAndAVeryLongArticleJoinTheirStory) {
  auto corpus = Corpus();
  // A feed item with no body: its text is its headline.
  Article headline = Make("harbour-alerts", "brennock", "Brennock docks closed by warehouse fire",
                          "Brennock docks closed by warehouse fire", kT0 + 2 * 3600);
  // A long report: the event, then many paragraphs of background.
  const std::vector<std::string> background = {
      "Brennock grew around its timber quay, where ships from the northern forests unloaded.",
      "The warehouses along the docks were built of brick and oak and stored sawn planks.",
      "Older residents remember the great storm that flooded the harbour a generation ago.",
      "The harbour master's office keeps the records of every ship that has used the quay.",
      "Insurance for the timber trade has risen as the warehouses have aged.",
      "The town council has debated moving the timber stores away from the houses for years.",
      "Fire safety inspections of the docks were last carried out in the spring.",
      "Dock workers say the sprinklers in the older warehouses were rarely tested.",
  };
  std::string text = corpus[0].text;
  for (int i = 0; i < 40; ++i) text += "\n\n" + background[i % background.size()];
  Article long_report =
      Make("harbour-review", "history", "Brennock warehouse fire: the docks and their history",
           text, kT0 + 3 * 3600);
  corpus.push_back(headline);
  corpus.push_back(long_report);
  Fixture f(corpus);
  const auto& o = f.outcomes;
  EXPECT_EQ(o[6].story, o[0].story);
  EXPECT_EQ(o[7].story, o[0].story);
  EXPECT_EQ((*f.store->GetStory(o[0].story))->summary.sources(), 5u);
  EXPECT_TRUE(f.store->Verify()->empty());
}

TEST(Stories, TheHeadlineIsTheMostRepresentativeOneNotTheFirst) {
  std::vector<Article> corpus = {
      Make("shouty", "1", "DOCKS DRAMA: BLAZE SHUTS BRENNOCK HARBOUR",
           "A fire at a timber warehouse on Brennock docks burned through the night and the "
           "harbour master closed the docks to shipping. Fire crews from three stations fought "
           "the blaze; the fire service said no one was hurt.",
           kT0),
      Make("live", "2", "Live: what we know so far",
           "A fire at a timber warehouse on Brennock docks burned overnight. Fire crews from three "
           "stations fought the blaze and the harbour master closed the docks to shipping.",
           kT0 + 600),
      Make("coast-news", "3", "Timber warehouse fire closes Brennock docks to shipping",
           "Fire crews from three stations fought a blaze at a timber warehouse on Brennock docks "
           "through the night. The harbour master closed the docks to shipping; no one was hurt.",
           kT0 + 1200),
  };
  Fixture f(corpus);
  ASSERT_EQ(f.outcomes[0].story, f.outcomes[1].story);
  ASSERT_EQ(f.outcomes[0].story, f.outcomes[2].story);
  auto story = f.store->GetStory(f.outcomes[0].story);
  EXPECT_EQ((*story)->summary.title, "Timber warehouse fire closes Brennock docks to shipping");
  EXPECT_TRUE(f.store->Verify()->empty());
}

TEST(Stories, AnArticleThatBridgesTwoStoriesMergesThemAndTheOldIdStillResolves) {
  // The first report is a bare headline that shares too little with the
  // fuller reports to join them; a later report that says both merges the
  // two. The merge threshold is lowered so that a story of one headline is
  // close enough (the default, 0.5, is tuned on real news and merges
  // rarely): this is about what a merge does.
  std::vector<Article> corpus = {
      Make("harbour-alerts", "1", "Brennock quay blaze", "Brennock quay blaze", kT0),
      Make("coast-news", "2", "Timber warehouse fire closes docks to shipping",
           "Fire crews from three stations fought a blaze at a timber warehouse through the "
           "night. The harbour master closed the docks to shipping; no one was hurt.",
           kT0 + 600),
      Make("shire-times", "3", "Docks closed to shipping after timber warehouse fire",
           "The harbour master closed the docks to shipping after a timber warehouse fire. Crews "
           "from three fire stations fought the blaze overnight and no one was hurt.",
           kT0 + 1200),
  };
  StoreOptions options;
  options.story_merge_threshold = 0.2;
  Fixture f(corpus, options);
  const StoryId headline_story = f.outcomes[0].story;
  ASSERT_NE(headline_story, f.outcomes[1].story) << "the bare headline joined at once";
  ASSERT_EQ(f.outcomes[1].story, f.outcomes[2].story);
  Article bridge =
      Make("brennock-post", "4", "Brennock quay blaze: timber warehouse fire closes docks",
           "The Brennock quay blaze destroyed a timber warehouse. Fire crews from three "
           "stations fought the fire through the night and the harbour master closed "
           "the docks to shipping. No one was hurt.",
           kT0 + 1800);
  auto o = f.store->Commit(bridge);
  ASSERT_TRUE(o.ok()) << o.status().message();
  EXPECT_EQ(f.store->Stats()->stories, 1u);
  // The larger story took the other's articles; both ids find it.
  auto merged = f.store->GetStory(f.outcomes[1].story);
  ASSERT_TRUE(merged.ok() && merged->has_value());
  EXPECT_EQ((*merged)->summary.article_count, 4u);
  EXPECT_EQ((*merged)->summary.sources(), 4u);
  auto old = f.store->GetStory(headline_story);
  ASSERT_TRUE(old.ok() && old->has_value());
  EXPECT_EQ((*old)->summary.id, (*merged)->summary.id);
  for (const StoredArticle& a : (*merged)->articles) EXPECT_EQ(a.story, (*merged)->summary.id);
  EXPECT_TRUE(f.store->Verify()->empty()) << (*f.store->Verify())[0];
}

}  // namespace
}  // namespace newsdesk
