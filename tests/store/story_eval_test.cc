// Scores story clustering on the stories-dev corpus (../shared/data/
// stories-dev: real news in gold event clusters) with B-cubed. The metric is
// the one tools/story_eval prints, compiled in from that file so that the
// test and the tool cannot drift apart.
#define NEWSDESK_STORY_EVAL_NO_MAIN
#include "tools/story_eval.cc"

#include <gtest/gtest.h>

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
  auto run = story_eval::ClusterAndScore(story_eval::Arrange(*docs, true, 1), tmp.path() + "/db",
                                         StoreOptions{});
  ASSERT_TRUE(run.ok()) << run.status().message();
  EXPECT_GE(run->score.f1(), kMinimumF1)
      << "precision " << run->score.precision << " recall " << run->score.recall;

  // A writer that keeps few term statistics and story records in memory
  // (starting over, or dropping the oldest, many times in the run) puts
  // every article in the same story.
  StoreOptions small_cache;
  small_cache.writer_term_cache = 2000;
  small_cache.writer_story_cache_bytes = 256u << 10;
  auto again = story_eval::ClusterAndScore(story_eval::Arrange(std::move(*docs), true, 1),
                                           tmp.path() + "/db-small-cache", small_cache);
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(again->assignment, run->assignment);
}

}  // namespace
}  // namespace newsdesk
