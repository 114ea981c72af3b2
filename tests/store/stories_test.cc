// Story assignment v1: articles about one event join one story; other events,
// and the same kind of text far apart in time, start stories of their own.
#include <gtest/gtest.h>

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

  explicit Fixture(const std::vector<Article>& articles) {
    auto s = Store::OpenForWrite(tmp.path());
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
  EXPECT_EQ((*fire)->summary.title, "Warehouse fire closes Brennock docks");  // the earliest
  EXPECT_EQ((*fire)->summary.first_seen, kT0);
  EXPECT_EQ((*fire)->summary.last_seen, kT0 + kDay);
  ASSERT_EQ((*fire)->articles.size(), 3u);
  EXPECT_EQ((*fire)->articles.front().article.outlet, "brennock-post");  // oldest first
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

}  // namespace
}  // namespace newsdesk
