// Ingest over HTTP from a real loopback server: feeds → pages → store,
// conditional GET, fallback to feed text, and resuming after a kill.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <set>
#include <thread>

#include "ingest/ingest.h"
#include "tests/support/http_server.h"
#include "tests/support/test_support.h"

extern char** environ;

namespace newsdesk {
namespace {

using testing::FixturePath;
using testing::LoopbackHttpServer;
using testing::ReadFileOrDie;
using testing::ScriptedResponse;
using testing::TempDir;

IngestOptions LoopbackOptions() {
  IngestOptions o;
  o.fetch.allowed_addresses = {"127.0.0.1"};
  o.fetch.host_delay_s = 0;
  o.fetch.retry_base_delay_s = 0.05;
  o.fetch.max_retries = 1;
  o.fetch.total_timeout_ms = 5000;
  return o;
}

// An RSS 2.0 feed whose items link to `paths` on the server, each with a
// description the feed itself gives.
std::string Rss(const LoopbackHttpServer& server, const std::vector<std::string>& paths) {
  std::string items;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    items += fmt::format(
        "<item><title>Feed headline {0}</title><link>{1}</link><guid>{1}</guid>"
        "<pubDate>Wed, 14 Oct 2026 0{2}:30:00 GMT</pubDate>"
        "<description>What the feed says of item {0}: the river flooded the lower town "
        "and the ferry stopped running.</description></item>",
        i, server.Url(paths[i]), i % 10);
  }
  return "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel>"
         "<title>Loopback Ledger</title><link>" +
         server.Url("/") + "</link>" + items + "</channel></rss>";
}

// A small article page of our own, distinct per n.
std::string Page(int n) {
  return fmt::format(
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta property=\"og:site_name\" content=\"Loopback Ledger\">"
      "<meta property=\"og:title\" content=\"Council approves plan number {0} for the harbour\">"
      "<meta property=\"article:published_time\" content=\"2026-10-14T0{1}:00:00Z\"></head>"
      "<body><nav><a href=\"/\">Home</a></nav><article>"
      "<p>The council approved plan number {0} for the harbour on Wednesday, after a debate that "
      "ran late into the night.</p><p>Supporters of plan {0} said it would bring {0}00 jobs to the "
      "waterfront within five years.</p></article></body></html>",
      n, n % 10);
}

std::unique_ptr<Store> OpenOrDie(const std::string& dir) {
  auto s = Store::OpenForWrite(dir);
  EXPECT_TRUE(s.ok()) << s.status().message();
  return std::move(s).value();
}

std::size_t RequestsFor(const LoopbackHttpServer& server, const std::string& path) {
  std::size_t n = 0;
  for (const auto& r : server.Requests()) n += r.path == path;
  return n;
}

TEST(IngestRemote, StoresTheArticlePagesAFeedLinksTo) {
  LoopbackHttpServer server;
  server.Serve("/feed.xml",
               ScriptedResponse::Ok(Rss(server, {"/a0", "/a1", "/a2"}), "application/rss+xml"));
  for (int i = 0; i < 3; ++i) {
    server.Serve(fmt::format("/a{}", i), ScriptedResponse::Ok(Page(i), "text/html; charset=utf-8"));
  }
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  auto summary = Ingest({{server.Url("/feed.xml")}, {}}, *store, LoopbackOptions());
  ASSERT_TRUE(summary.ok()) << summary.status().message();
  EXPECT_TRUE(summary->failures.empty())
      << summary->failures[0].input << ": " << summary->failures[0].status.message();
  EXPECT_EQ(summary->sources, 1u);
  EXPECT_EQ(summary->added, 3u);
  EXPECT_EQ(summary->from_feed, 0u);
  auto id = store->FindArticleByUrl(server.Url("/a1"));
  ASSERT_TRUE(id.ok() && id->has_value());
  auto a = store->GetArticle(**id);
  EXPECT_EQ((*a)->article.title, "Council approves plan number 1 for the harbour");
  EXPECT_EQ((*a)->article.outlet, "Loopback Ledger");
  EXPECT_FALSE((*a)->article.from_feed);
  auto source = store->GetSource(server.Url("/feed.xml"));
  ASSERT_TRUE(source.ok() && source->has_value());
  EXPECT_EQ((*source)->kind, "feed");
  EXPECT_EQ((*source)->title, "Loopback Ledger");
  EXPECT_EQ((*source)->articles_found, 3u);
  EXPECT_EQ((*source)->last_status, 200);
  auto frontier = store->Frontier();
  EXPECT_TRUE(frontier.ok() && frontier->empty());
}

TEST(IngestRemote, ASecondRunAsksConditionallyAndFetchesNothingStoredAgain) {
  LoopbackHttpServer server;
  std::string feed = Rss(server, {"/a0", "/a1"});
  server.Route("/feed.xml", [feed](const testing::RecordedRequest& r) {
    if (r.Header("If-None-Match") == "\"v1\"") return ScriptedResponse::Status(304);
    return ScriptedResponse::Ok(feed, "application/rss+xml").With("ETag", "\"v1\"");
  });
  for (int i = 0; i < 2; ++i)
    server.Serve(fmt::format("/a{}", i), ScriptedResponse::Ok(Page(i), "text/html"));
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  ASSERT_TRUE(Ingest({{server.Url("/feed.xml")}, {}}, *store, LoopbackOptions()).ok());
  auto second = Ingest({{server.Url("/feed.xml")}, {}}, *store, LoopbackOptions());
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->not_modified, 1u);
  EXPECT_EQ(second->added, 0u);
  EXPECT_EQ(RequestsFor(server, "/a0"), 1u);
  EXPECT_EQ(RequestsFor(server, "/feed.xml"), 2u);
  EXPECT_EQ(store->Stats()->articles, 2u);
}

TEST(IngestRemote, APageThatFailsIsStoredFromTheFeedTextAndMarked) {
  LoopbackHttpServer server;
  server.Serve("/feed.xml",
               ScriptedResponse::Ok(Rss(server, {"/a0", "/gone"}), "application/rss+xml"));
  server.Serve("/a0", ScriptedResponse::Ok(Page(0), "text/html"));
  server.Serve("/gone", ScriptedResponse::Status(404));
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  auto summary = Ingest({{server.Url("/feed.xml")}, {}}, *store, LoopbackOptions());
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->added, 2u);
  EXPECT_EQ(summary->from_feed, 1u);
  auto id = store->FindArticleByUrl(server.Url("/gone"));
  ASSERT_TRUE(id.ok() && id->has_value());
  auto a = store->GetArticle(**id);
  EXPECT_TRUE((*a)->article.from_feed);
  EXPECT_EQ((*a)->article.title, "Feed headline 1");
  EXPECT_NE((*a)->article.text.find("the river flooded the lower town"), std::string::npos);
}

TEST(IngestRemote, AFailingSourceIsListedAndTheOthersAreStored) {
  LoopbackHttpServer server;
  server.Serve("/feed.xml", ScriptedResponse::Ok(Rss(server, {"/a0"}), "application/rss+xml"));
  server.Serve("/a0", ScriptedResponse::Ok(Page(0), "text/html"));
  server.Serve("/broken.xml", ScriptedResponse::Status(500));
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  auto summary =
      Ingest({{server.Url("/broken.xml"), server.Url("/feed.xml")}, {}}, *store, LoopbackOptions());
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->added, 1u);
  ASSERT_EQ(summary->failures.size(), 1u);
  EXPECT_EQ(summary->failures[0].input, server.Url("/broken.xml"));
  auto source = store->GetSource(server.Url("/broken.xml"));
  ASSERT_TRUE(source.ok() && source->has_value());
  EXPECT_EQ((*source)->failures, 1u);
  EXPECT_EQ((*source)->last_status, 500);
  ASSERT_FALSE((*source)->recent_errors.empty());
}

TEST(IngestRemote, SourcesComeFromAnOpmlFileOrAUrlList) {
  LoopbackHttpServer server;
  server.Serve("/feed.xml", ScriptedResponse::Ok(Rss(server, {"/a0"}), "application/rss+xml"));
  server.Serve("/a0", ScriptedResponse::Ok(Page(0), "text/html"));
  server.Serve("/other.xml", ScriptedResponse::Ok(Rss(server, {"/a1"}), "application/rss+xml"));
  server.Serve("/a1", ScriptedResponse::Ok(Page(1), "text/html"));
  TempDir tmp;
  testing::WriteFileOrDie(tmp.Sub("feeds.opml"),
                          "<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>mine</title>"
                          "</head><body><outline text=\"Harbours\"><outline type=\"rss\" "
                          "text=\"Loopback Ledger\" xmlUrl=\"" +
                              server.Url("/feed.xml") + "\"/></outline></body></opml>");
  testing::WriteFileOrDie(tmp.Sub("feeds.txt"), "# my list\n\n" + server.Url("/other.xml") + "\n");
  auto store = OpenOrDie(tmp.Sub("db"));
  auto summary =
      Ingest({{}, {tmp.Sub("feeds.opml"), tmp.Sub("feeds.txt")}}, *store, LoopbackOptions());
  ASSERT_TRUE(summary.ok());
  EXPECT_TRUE(summary->failures.empty());
  EXPECT_EQ(summary->added, 2u);
  auto source = store->GetSource(server.Url("/feed.xml"));
  ASSERT_TRUE(source.ok() && source->has_value());
  EXPECT_EQ((*source)->tags, std::vector<std::string>{"Harbours"});
}

TEST(IngestRemote, RefusesPrivateAddressesUnlessAllowed) {
  LoopbackHttpServer server;
  server.Serve("/feed.xml", ScriptedResponse::Ok(Rss(server, {"/a0"}), "application/rss+xml"));
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  IngestOptions options = LoopbackOptions();
  options.fetch.allowed_addresses.clear();
  auto summary = Ingest({{server.Url("/feed.xml")}, {}}, *store, options);
  ASSERT_TRUE(summary.ok());
  ASSERT_EQ(summary->failures.size(), 1u);
  EXPECT_NE(summary->failures[0].status.message().find("private"), std::string::npos)
      << summary->failures[0].status.message();
  EXPECT_TRUE(server.Requests().empty());
}

TEST(IngestRemote, ARunKilledHalfwayIsFinishedByTheNextWithoutDuplicates) {
  constexpr int kPages = 30;
  LoopbackHttpServer server;
  std::vector<std::string> paths;
  for (int i = 0; i < kPages; ++i) paths.push_back(fmt::format("/p{}", i));
  server.Serve("/feed.xml", ScriptedResponse::Ok(Rss(server, paths), "application/rss+xml"));
  for (int i = 0; i < kPages; ++i) {
    ScriptedResponse page = ScriptedResponse::Ok(Page(i), "text/html");
    page.delay_before_headers = std::chrono::milliseconds(60);
    server.Serve(paths[i], page);
  }
  TempDir tmp;
  std::vector<std::string> args = {NEWSDESK_BINARY,
                                   "ingest",
                                   server.Url("/feed.xml"),
                                   "--db",
                                   tmp.Sub("killed"),
                                   "--allow-private",
                                   "--delay",
                                   "0",
                                   "-j",
                                   "2",
                                   "-q"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid;
  ASSERT_EQ(posix_spawn(&pid, NEWSDESK_BINARY, nullptr, nullptr, argv.data(), environ), 0);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    std::size_t pages = 0;
    for (const auto& r : server.Requests()) pages += r.path.rfind("/p", 0) == 0;
    if (pages >= kPages / 3) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the run ended before it was killed";

  std::set<std::string> stored_before;
  {
    auto store = Store::OpenForRead(tmp.Sub("killed"));
    ASSERT_TRUE(store.ok()) << store.status().message();
    for (const auto& p : paths) {
      auto id = (*store)->FindArticleByUrl(server.Url(p));
      if (id.ok() && id->has_value()) stored_before.insert(p);
    }
    EXPECT_LT(stored_before.size(), static_cast<std::size_t>(kPages));
  }
  std::size_t requests_before = server.Requests().size();
  auto resumed = testing::RunNewsdesk({"ingest", server.Url("/feed.xml"), "--db", tmp.Sub("killed"),
                                       "--allow-private", "--delay", "0", "--json"});
  EXPECT_EQ(resumed.exit_code, 0) << resumed.out << resumed.err;
  auto after = server.Requests();
  for (std::size_t i = requests_before; i < after.size(); ++i) {
    EXPECT_FALSE(stored_before.count(after[i].path)) << after[i].path << " was fetched again";
  }
  auto whole = testing::RunNewsdesk({"ingest", server.Url("/feed.xml"), "--db", tmp.Sub("whole"),
                                     "--allow-private", "--delay", "0", "-q"});
  EXPECT_EQ(whole.exit_code, 0) << whole.err;
  EXPECT_EQ(testing::StoryUrlSets(tmp.Sub("killed")), testing::StoryUrlSets(tmp.Sub("whole")));
  auto stats = testing::RunNewsdesk({"stats", "--json", "--db", tmp.Sub("killed")});
  EXPECT_EQ(nlohmann::json::parse(stats.out).at("articles"), kPages);
}

}  // namespace
}  // namespace newsdesk
