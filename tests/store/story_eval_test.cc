// Scores story clustering on the stories-dev corpus (../shared/data/
// stories-dev: real news in gold event clusters) with B-cubed. The metric is
// the one tools/story_eval prints, compiled in from that file so that the
// test and the tool cannot drift apart.
#define NEWSDESK_STORY_EVAL_NO_MAIN
#include "tools/story_eval.cc"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/support/test_support.h"

namespace newsdesk {
namespace {

// A regression guard, not the target: a little under the 0.899 the
// clustering reached on this set when it was last tuned (the target, 0.95,
// is measured on held-out news).
constexpr double kMinimumF1 = 0.87;

TEST(StoryEval, BCubedOfAKnownClustering) {
  using story_eval::ScoreBCubed;
  // Gold {a,b,c} {d,e}; predicted {a,b} {c,d,e}.
  std::vector<int> predicted = {1, 1, 2, 2, 2};
  std::vector<std::string> gold = {"x", "x", "x", "y", "y"};
  auto b = ScoreBCubed(predicted, gold);
  // Precision: a,b 2/2; c,d,e 1/3, 2/3, 2/3 → (1+1+1/3+2/3+2/3)/5.
  EXPECT_NEAR(b.precision, (1 + 1 + 1.0 / 3 + 2.0 / 3 + 2.0 / 3) / 5, 1e-12);
  // Recall: a,b 2/3; c 1/3; d,e 2/2 → (2/3+2/3+1/3+1+1)/5.
  EXPECT_NEAR(b.recall, (2.0 / 3 + 2.0 / 3 + 1.0 / 3 + 1 + 1) / 5, 1e-12);
  EXPECT_EQ(b.predicted_clusters, 2u);
  EXPECT_EQ(b.gold_clusters, 2u);
  auto perfect = ScoreBCubed(std::vector<int>{7, 7, 9}, std::vector<int>{1, 1, 2});
  EXPECT_DOUBLE_EQ(perfect.f1(), 1.0);
}

TEST(StoryEval, StoriesOfTheDevSetStayAboveTheFloor) {
  std::string path =
      std::string(NEWSDESK_SOURCE_DIR) + "/../shared/data/stories-dev/ecbplus-dev.jsonl";
  if (!std::filesystem::exists(path)) {
    GTEST_SKIP() << "stories dev set not found at " << path
                 << " (it lives in the shared data folder, outside the repository)";
  }
  auto docs = story_eval::LoadDocuments(path);
  ASSERT_TRUE(docs.ok()) << docs.status().message();
  testing::TempDir tmp;
  auto run =
      story_eval::ClusterAndScore(story_eval::Arrange(*docs, story_eval::Order::kShuffled, 1),
                                  tmp.path() + "/db", StoreOptions{});
  ASSERT_TRUE(run.ok()) << run.status().message();
  EXPECT_GE(run->score.f1(), kMinimumF1)
      << "precision " << run->score.precision << " recall " << run->score.recall;

  // A writer that keeps few term statistics and story records in memory
  // (starting over, or dropping the oldest, many times in the run) puts
  // every article in the same story.
  StoreOptions small_cache;
  small_cache.writer_term_cache = 2000;
  small_cache.writer_story_cache_bytes = 256u << 10;
  auto again = story_eval::ClusterAndScore(
      story_eval::Arrange(std::move(*docs), story_eval::Order::kShuffled, 1),
      tmp.path() + "/db-small-cache", small_cache);
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(again->assignment, run->assignment);
}

std::string StoriesFixture(const std::string& name) {
  return std::string(NEWSDESK_SOURCE_DIR) + "/fixtures/stories/" + name;
}

// One ferry runs aground at one harbour twice, in March and in May, and
// three outlets report each time in nearly the same words: only the dates
// tell the two events apart.
TEST(StoryEval, LikeEventsMonthsApartAreTwoStoriesWhenDated) {
  testing::TempDir tmp;
  auto dated = story_eval::LoadDocuments(StoriesFixture("recurring-grounding.jsonl"));
  ASSERT_TRUE(dated.ok()) << dated.status().message();
  for (const story_eval::Document& d : *dated) ASSERT_TRUE(d.date) << d.id;

  // The premise: without their dates the words make them one story.
  std::vector<story_eval::Document> undated = *dated;
  for (story_eval::Document& d : undated) d.date.reset();
  auto words_only = story_eval::ClusterAndScore(
      story_eval::Arrange(undated, story_eval::Order::kShuffled, 1), tmp.path() + "/u", {});
  ASSERT_TRUE(words_only.ok()) << words_only.status().message();
  ASSERT_EQ(words_only->score.predicted_clusters, 1u);

  int n = 0;
  for (story_eval::Order order :
       {story_eval::Order::kTime, story_eval::Order::kShuffled, story_eval::Order::kFile}) {
    auto run = story_eval::ClusterAndScore(story_eval::Arrange(*dated, order, 3),
                                           tmp.path() + "/d" + std::to_string(n++), {});
    ASSERT_TRUE(run.ok()) << run.status().message();
    EXPECT_EQ(run->score.predicted_clusters, 2u);
    EXPECT_DOUBLE_EQ(run->score.f1(), 1.0);
    for (std::size_t i = 0; i < run->published.size(); ++i)
      EXPECT_TRUE(run->published[i]) << "document " << run->assignment[i].first << " undated";
  }
}

TEST(StoryEval, ReadsDatesInEachFormAndLeavesUnreadableOnesUndated) {
  testing::TempDir tmp;
  const std::string path = tmp.path() + "/dates.jsonl";
  {
    std::ofstream out(path);
    out << R"({"doc_id": "iso", "subtopic": "a", "text": "t", "date": "2026-03-10T09:40:00Z"})"
        << "\n"
        << R"({"doc_id": "rfc", "subtopic": "a", "text": "t", "published": "Tue, 10 Mar 2026 09:40:00 GMT"})"
        << "\n"
        << R"({"doc_id": "space", "subtopic": "a", "text": "t", "published_at": "2026-03-10 09:40:00"})"
        << "\n"
        << R"({"doc_id": "seconds", "subtopic": "a", "text": "t", "timestamp": 1773135600})"
        << "\n"
        << R"({"doc_id": "millis", "subtopic": "a", "text": "t", "time": 1773135600000})"
        << "\n"
        << R"({"doc_id": "junk", "subtopic": "a", "text": "t", "date": "soon"})"
        << "\n"
        << R"({"doc_id": "none", "subtopic": "a", "text": "t", "date": null})"
        << "\n"
        << R"({"doc_id": "second", "subtopic": "a", "text": "t", "date": "soon", "time": 1773135600})"
        << "\n";
  }
  auto docs = story_eval::LoadDocuments(path);
  ASSERT_TRUE(docs.ok()) << docs.status().message();
  ASSERT_EQ(docs->size(), 8u);
  const UnixSeconds march_10 = 1773135600;  // 2026-03-10T09:40:00Z
  for (std::size_t i = 0; i < 5; ++i) {
    ASSERT_TRUE((*docs)[i].date) << (*docs)[i].id;
    EXPECT_EQ(*(*docs)[i].date, march_10) << (*docs)[i].id;
  }
  EXPECT_FALSE((*docs)[5].date);
  ASSERT_TRUE((*docs)[5].unreadable_date);
  EXPECT_EQ(*(*docs)[5].unreadable_date, "soon");
  EXPECT_FALSE((*docs)[6].date);
  EXPECT_FALSE((*docs)[6].unreadable_date);
  // An unreadable field gives way to a readable one after it.
  ASSERT_TRUE((*docs)[7].date);
  EXPECT_EQ(*(*docs)[7].date, march_10);
  EXPECT_FALSE((*docs)[7].unreadable_date);
}

TEST(StoryEval, TimeOrderKeepsUndatedDocumentsWhereTheFilePutThem) {
  std::vector<story_eval::Document> docs(4);
  docs[0].id = "late";
  docs[0].date = 500;
  docs[1].id = "after-late";  // undated: at the time of "late"
  docs[2].id = "early";
  docs[2].date = 100;
  docs[3].id = "middle";
  docs[3].date = 300;
  std::vector<std::string> ids;
  for (const auto& d : story_eval::Arrange(docs, story_eval::Order::kTime, 1)) ids.push_back(d.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"early", "middle", "late", "after-late"}));
}

}  // namespace
}  // namespace newsdesk
