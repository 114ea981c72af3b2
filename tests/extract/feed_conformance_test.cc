// Runs the core tier of the feed conformance corpus (../shared/data/
// feeds-conformance) through ParseFeed. The comparison is the one
// tools/feed_conformance prints, compiled in from that file so that the tool
// and the test cannot drift apart.
#define NEWSDESK_FEED_CONFORMANCE_NO_MAIN
#include "tools/feed_conformance.cc"

#include <gtest/gtest.h>

#include <filesystem>

namespace newsdesk {
namespace {

// The share of core-tier cases that must agree with the oracle.
constexpr double kRequiredAgreement = 0.97;

TEST(FeedConformance, AgreesWithTheOracleOnTheCoreTier) {
  std::string dir = std::string(NEWSDESK_SOURCE_DIR) + "/../shared/data/feeds-conformance";
  if (!std::filesystem::exists(dir + "/manifest.json")) {
    GTEST_SKIP() << "feed conformance corpus not found at " << dir
                 << " (it lives in the shared data folder, outside the repository)";
  }
  std::string error;
  std::vector<conformance::CaseResult> results = conformance::RunCorpus(dir, "core", &error);
  ASSERT_TRUE(error.empty()) << error;
  ASSERT_FALSE(results.empty());
  int agreed = 0, crashes = 0, timeouts = 0;
  std::string disagreements;
  for (const conformance::CaseResult& r : results) {
    if (r.outcome == conformance::Outcome::kAgree) {
      ++agreed;
      continue;
    }
    if (r.outcome == conformance::Outcome::kCrash) ++crashes;
    if (r.outcome == conformance::Outcome::kTimeout) ++timeouts;
    disagreements += "  " + r.name + ": " + r.difference + "\n";
  }
  EXPECT_EQ(crashes, 0) << disagreements;
  EXPECT_EQ(timeouts, 0) << disagreements;
  double share = static_cast<double>(agreed) / static_cast<double>(results.size());
  EXPECT_GE(share, kRequiredAgreement)
      << agreed << " of " << results.size() << " core cases agree; disagreements:\n"
      << disagreements;
}

}  // namespace
}  // namespace newsdesk
