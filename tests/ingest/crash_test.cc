// Crash safety and concurrency of a real ingest: a loopback server serves a
// sitemap of generated articles (invented events, four outlets each); an
// ingest is killed with SIGKILL at seeded random points, the database is
// checked after every kill (`newsdesk check`: every index entry points to an
// existing record and back, counters equal recounts, stories and fact
// support agree with their articles) and the ingest resumed. The end state
// must equal an uninterrupted run's. While an ingest runs, a second process
// reads consistent results and a second writer is refused.
//
// NEWSDESK_CRASH_ARTICLES (default 2000) and NEWSDESK_CRASH_KILLS (default
// 20) size it; `make sanitize` runs it smaller.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/http_server.h"
#include "tests/support/test_support.h"

namespace newsdesk {
namespace {

using nlohmann::json;
using testing::RunNewsdesk;
using testing::TempDir;

std::size_t FromEnv(const char* name, std::size_t fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && std::atoi(v) > 0 ? static_cast<std::size_t>(std::atoi(v)) : fallback;
}

// A made-up word from syllables, different for every n.
std::string Word(std::size_t n, std::size_t syllables) {
  static const char* kSyl[] = {"ta", "ren", "vo", "lis", "mar", "ko",  "bel", "dun", "sa",  "per",
                               "go", "hal", "ni", "fro", "wen", "tor", "lu",  "cam", "ber", "ost"};
  std::string w;
  for (std::size_t i = 0; i < syllables; ++i) {
    w += kSyl[n % 20];
    n /= 20;
  }
  w[0] = static_cast<char>(w[0] - 'a' + 'A');
  return w;
}

// Article i: event i / 4 told by four outlets, each in its own words.
std::string Page(std::size_t i) {
  const std::size_t event = i / 4, telling = i % 4;
  static const char* kKinds[] = {"Freight", "Mills", "Power", "Foods", "Rail", "Water"};
  static const char* kActs[] = {"opened a depot",      "closed a plant",  "sold a terminal",
                                "bought a ferry line", "cut a bus route", "raised prices"};
  static const char* kOutlets[] = {"The Harrow Courier", "Quayside Post",        "Ashcombe Ledger",
                                   "Northfold Herald",   "The Tollbridge Times", "Greyhaven Wire"};
  const std::string org = Word(event, 3) + " " + kKinds[event % 6];
  const std::string person = Word(event * 7 + 3, 2) + " " + Word(event * 13 + 5, 3);
  const std::string place = Word(event * 3 + 1, 2) + "ford";
  const std::string act = kActs[(event / 6) % 6];
  const std::string outlet = kOutlets[(event + telling) % 6];
  std::mt19937 rng(static_cast<unsigned>(i));
  std::vector<std::string> sentences = {
      org + " " + act + " in " + place + ", chief executive " + person + " said on Monday.",
      "The decision affects " + std::to_string(20 + rng() % 900) + " workers in " + place +
          ", according to the local council.",
      person + " told staff that the change followed a long review of costs at " + org + ".",
      "Union officials in " + place + " said they had not been consulted about the plan.",
      "Shares in " + org + " moved little after the announcement, traders said."};
  std::shuffle(sentences.begin() + 1, sentences.end(), rng);
  char date[32];
  const long minutes = static_cast<long>(event) * 360 + static_cast<long>(telling) * 25;
  std::snprintf(date, sizeof date, "2026-%02ld-%02ldT%02ld:%02ld:00Z", 1 + minutes / 43200 % 12,
                1 + minutes / 1440 % 28, minutes / 60 % 24, minutes % 60);
  std::string html = "<!doctype html><html><head><title>" + org + " " + act + " in " + place +
                     " (" + outlet + ")</title><meta property=\"og:site_name\" content=\"" +
                     outlet + "\"><meta property=\"article:published_time\" content=\"" + date +
                     "\"></head><body><article><h1>" + org + " " + act + " in " + place + "</h1>";
  for (const std::string& s : sentences) html += "<p>" + s + "</p>";
  return html + "</article></body></html>";
}

class CrashTest : public ::testing::Test {
 protected:
  // Serves a sitemap of `articles` generated pages.
  void Serve(std::size_t articles) {
    articles_ = articles;
    std::string sitemap = "<?xml version=\"1.0\"?><urlset>";
    for (std::size_t i = 0; i < articles_; ++i)
      sitemap += "<url><loc>" + server_.Url("/a?id=" + std::to_string(i)) + "</loc></url>";
    server_.Serve("/sitemap.xml",
                  testing::ScriptedResponse::Ok(sitemap + "</urlset>", "application/xml"));
    server_.Route("/a", [](const testing::RecordedRequest& r) {
      const std::size_t i = std::stoul(r.target.substr(r.target.find('=') + 1));
      return testing::ScriptedResponse::Ok(Page(i), "text/html; charset=utf-8");
    });
  }
  std::vector<std::string> Ingest(const std::string& db) const {
    return {"ingest", server_.Url("/sitemap.xml"), "--allow-private", "--delay", "0", "--db", db};
  }
  // What a user sees of a database: its counts and its stories as sets of
  // article URLs (ids depend on commit order; the grouping must not).
  static json State(const std::string& db) {
    auto stats = RunNewsdesk({"stats", "--json", "--db", db});
    EXPECT_EQ(stats.exit_code, 0) << stats.err;
    json s = json::parse(stats.out, nullptr, false);
    json out;
    for (const char* key : {"articles", "stories", "entities", "outlets", "multi_source_stories"})
      if (s.contains(key)) out[key] = s.at(key);
    out["story_groups"] = testing::StoryUrlSets(db);
    return out;
  }
  static void ExpectChecked(const std::string& db, const std::string& when) {
    auto check = RunNewsdesk({"check", "--db", db});
    // Killed before the database was made, there is none yet: that is
    // the right answer too.
    if (check.exit_code == 1 && check.err.find("no newsdesk database at") != std::string::npos &&
        !std::filesystem::exists(db + "/CURRENT"))
      return;
    EXPECT_EQ(check.exit_code, 0) << when << "\n" << check.out << check.err;
  }

  testing::LoopbackHttpServer server_;
  std::size_t articles_ = 0;
};

TEST_F(CrashTest, KilledAtRandomPointsItResumesToTheSameStateAsAnUninterruptedRun) {
  Serve(FromEnv("NEWSDESK_CRASH_ARTICLES", 2000));
  TempDir tmp;
  const auto started = std::chrono::steady_clock::now();
  auto reference = RunNewsdesk(Ingest(tmp.Sub("reference")));
  ASSERT_EQ(reference.exit_code, 0) << reference.out << reference.err;
  const auto full = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - started)
                        .count();
  const json expected = State(tmp.Sub("reference"));
  ASSERT_EQ(expected.at("articles"), articles_) << expected.dump();

  // Kill points spread over the first 1.5 runs' worth of time, so that
  // kills land in start-up, in the sitemap, mid-batch and near the end.
  const std::size_t kills = FromEnv("NEWSDESK_CRASH_KILLS", 20);
  std::mt19937 rng(20261122);
  std::uniform_int_distribution<long> delay(
      0, std::max<long>(1, full * 3 / 2 / static_cast<long>(kills)));
  const std::string db = tmp.Sub("crashed");
  std::size_t killed = 0;
  for (std::size_t k = 0; k < kills; ++k) {
    const int pid = testing::StartNewsdesk(Ingest(db));
    std::this_thread::sleep_for(std::chrono::milliseconds(delay(rng) + 30));
    testing::KillNewsdesk(pid);
    ++killed;
    ExpectChecked(db, "after kill " + std::to_string(k + 1));
    if (HasFailure()) break;
  }
  EXPECT_EQ(killed, kills);
  auto resumed = RunNewsdesk(Ingest(db));
  ASSERT_EQ(resumed.exit_code, 0) << resumed.out << resumed.err;
  ExpectChecked(db, "after the resumed run");
  EXPECT_EQ(State(db), expected);
}

TEST_F(CrashTest, ASecondProcessReadsConsistentResultsAndASecondWriterIsRefused) {
  Serve(std::min<std::size_t>(FromEnv("NEWSDESK_CRASH_ARTICLES", 2000), 600));
  TempDir tmp;
  const std::string db = tmp.Sub("db");
  // A first run to have something to read.
  ASSERT_EQ(RunNewsdesk(Ingest(db)).exit_code, 0);
  const json before = State(db);
  // The same ingest into a new database, read and challenged while it runs.
  const std::string live = tmp.Sub("live");
  const int pid = testing::StartNewsdesk(Ingest(live));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  int reads = 0;
  bool refused = false;
  for (int round = 0; round < 5; ++round) {
    // Reads during the ingest see a consistent snapshot.
    auto check = RunNewsdesk({"check", "--db", live});
    if (check.exit_code == 0) ++reads;
    EXPECT_TRUE(check.exit_code == 0 ||
                check.out.find("no newsdesk database") != std::string::npos ||
                check.err.find("no newsdesk database") != std::string::npos)
        << check.out << check.err;
    auto stories = RunNewsdesk({"stories", "--json", "--db", live});
    if (stories.exit_code == 0) {
      json j = json::parse(stories.out, nullptr, false);
      EXPECT_FALSE(j.is_discarded()) << stories.out;
    }
    // A second writer is refused with a message that says why.
    auto second = RunNewsdesk(Ingest(live));
    if (second.exit_code != 0 &&
        (second.out + second.err).find("in use by another newsdesk writer") != std::string::npos)
      refused = true;
  }
  EXPECT_EQ(testing::WaitNewsdesk(pid), 0);
  EXPECT_GT(reads, 0);
  EXPECT_TRUE(refused) << "a second writer during the ingest was not refused";
  ExpectChecked(live, "after the concurrent run");
  EXPECT_EQ(State(live), before);
}

}  // namespace
}  // namespace newsdesk
