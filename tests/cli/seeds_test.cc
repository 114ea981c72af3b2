// Issue 6's "done when" on the seed articles in ../shared/seeds: one event
// told by five outlets, ingested as five outlets' pages. The seeds carry
// no outlet or address, so each gets a sidecar naming an invented outlet;
// nothing in newsdesk knows these texts. Skips where ../shared is absent
// (a user's clone).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "tests/support/test_support.h"

namespace newsdesk {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::RunNewsdesk;
using testing::TempDir;

class Seeds : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const fs::path seeds = fs::path(NEWSDESK_SOURCE_DIR) / ".." / "shared" / "seeds";
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(seeds, ec))
      if (e.path().extension() == ".txt") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    if (files.size() != 5) return;
    tmp_ = new TempDir;
    const fs::path pages = tmp_->Sub("pages");
    fs::create_directories(pages);
    for (std::size_t i = 0; i < files.size(); ++i) {
      const std::string name = "seed-" + std::to_string(i);
      fs::copy_file(files[i], pages / (name + ".txt"));
      std::ofstream(pages / (name + ".meta.json")) << json{
          {"url", "https://outlet" + std::to_string(i) + ".example/alibaba-token-hub"},
          {"outlet", "Outlet " + std::string(1, static_cast<char>('A' + i))},
          {"published", "2026-03-17T08:00:00Z"}}.dump();
    }
    auto ingest = RunNewsdesk({"ingest", pages.string(), "--db", Db()});
    ingested_ = ingest.exit_code == 0;
    EXPECT_EQ(ingest.exit_code, 0) << ingest.out << ingest.err;
  }
  static void TearDownTestSuite() {
    delete tmp_;
    tmp_ = nullptr;
  }
  void SetUp() override {
    if (tmp_ == nullptr) GTEST_SKIP() << "the five seed articles are not at ../shared/seeds";
    ASSERT_TRUE(ingested_);
  }
  static std::string Db() { return tmp_->Sub("db"); }
  static json Run(const std::vector<std::string>& args) {
    std::vector<std::string> all = args;
    for (const char* a : {"--json", "--db"}) all.push_back(a);
    all.push_back(Db());
    auto r = RunNewsdesk(all);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    json j = json::parse(r.out, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << r.out;
    return j;
  }

 private:
  static TempDir* tmp_;
  static bool ingested_;
};
TempDir* Seeds::tmp_ = nullptr;
bool Seeds::ingested_ = false;

TEST_F(Seeds, TheFiveOutletsAreOneStory) {
  json j = Run({"stories"});
  ASSERT_EQ(j.at("stories").size(), 1u) << j.dump(1);
  EXPECT_EQ(j.at("stories").at(0).at("sources"), 5);
}

TEST_F(Seeds, AllFiveSupportThatEddieWuLeadsTheTokenHub) {
  json j = Run({"verify", "Eddie Wu leads the Alibaba Token Hub"});
  ASSERT_FALSE(j.at("matches").empty()) << j.dump(1);
  const json& fact = j.at("matches").at(0);
  EXPECT_EQ(fact.at("sources"), 5) << fact.dump(1);
  std::set<std::string> outlets;
  for (const json& e : fact.at("support")) outlets.insert(e.at("outlet").get<std::string>());
  EXPECT_EQ(outlets.size(), 5u);
}

TEST_F(Seeds, TenToTwentyTimesCheaperIsOneIndependentOriginReuters) {
  // Two outlets say it: one "according to Reuters", one from "the report".
  json j = Run({"verify", "DeepSeek costs 10 to 20 times less than U.S. models"});
  ASSERT_FALSE(j.at("matches").empty()) << j.dump(1);
  const json& fact = j.at("matches").at(0);
  EXPECT_EQ(fact.at("sources"), 2) << fact.dump(1);
  EXPECT_EQ(fact.at("independent"), 1);
  for (const json& e : fact.at("support")) EXPECT_EQ(e.at("origin"), "Reuters") << e.dump(1);
}

}  // namespace
}  // namespace newsdesk
