// The fetcher against a real HTTP server on 127.0.0.1: what the caller gets
// back, and what the server saw (politeness, robots.txt, conditional GET).
//
// Network rules: servers listen on 127.0.0.1 only; the private-address guard
// is tested by allowing exactly 127.0.0.1 and redirecting to 127.0.0.2. Every
// fetch is bounded by small timeouts and retry counts.
#include "ingest/fetcher.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <string>
#include <vector>

#include "tests/support/http_server.h"
#include "tests/support/test_support.h"

namespace newsdesk {
namespace {

using testing::FixturePath;
using testing::LoopbackHttpServer;
using testing::ReadFileOrDie;
using testing::RecordedRequest;
using testing::ScriptedResponse;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// Timing checks allow this much for clock reads on either side.
constexpr double kSlackS = 0.02;

// Fast and bounded, and allowed to reach the test server's address.
FetchOptions LoopbackOptions() {
  FetchOptions o;
  o.allowed_addresses = {"127.0.0.1"};
  o.host_delay_s = 0.05;
  o.retry_base_delay_s = 0.05;
  o.max_retry_delay_s = 2;
  o.connect_timeout_ms = 2000;
  o.total_timeout_ms = 5000;
  return o;
}

double SecondsBetween(Clock::time_point from, Clock::time_point to) {
  return std::chrono::duration<double>(to - from).count();
}

// Fetches every request with one Fetcher; checks each callback ran once.
std::vector<FetchResponse> FetchAll(const FetchOptions& options,
                                    const std::vector<FetchRequest>& requests) {
  Fetcher fetcher(options);
  std::vector<FetchResponse> responses(requests.size());
  std::vector<int> calls(requests.size(), 0);
  for (std::size_t i = 0; i < requests.size(); ++i) {
    fetcher.Add(requests[i], [&responses, &calls, i](FetchResponse r) {
      responses[i] = std::move(r);
      ++calls[i];
    });
  }
  fetcher.Run();
  for (std::size_t i = 0; i < calls.size(); ++i) {
    EXPECT_EQ(calls[i], 1) << requests[i].url;
  }
  return responses;
}

FetchResponse FetchOne(const FetchOptions& options, const std::string& url) {
  return FetchAll(options, {FetchRequest{url}}).front();
}

// `chunk` repeated `times`, gzip-compressed.
std::string Gzip(const std::string& chunk, std::size_t times) {
  z_stream zs{};
  EXPECT_EQ(deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY),
            Z_OK);
  std::string out;
  char buf[1 << 16];
  for (std::size_t i = 0; i < times; ++i) {
    const int flush = i + 1 == times ? Z_FINISH : Z_NO_FLUSH;
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(chunk.data()));
    zs.avail_in = static_cast<uInt>(chunk.size());
    do {
      zs.next_out = reinterpret_cast<Bytef*>(buf);
      zs.avail_out = sizeof buf;
      deflate(&zs, flush);
      out.append(buf, sizeof buf - zs.avail_out);
    } while (zs.avail_out == 0);
  }
  deflateEnd(&zs);
  return out;
}

TEST(Fetcher, ReturnsBodyTypeAndValidatorsOfA200) {
  LoopbackHttpServer server;
  server.Serve("/feed.xml", ScriptedResponse::Ok("<rss/>", "application/rss+xml")
                                .With("ETag", "\"abc\"")
                                .With("Last-Modified", "Tue, 03 Nov 2026 10:00:00 GMT"));
  FetchResponse r = FetchOne(LoopbackOptions(), server.Url("/feed.xml"));
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.http_status, 200);
  EXPECT_EQ(r.body, "<rss/>");
  EXPECT_EQ(r.content_type, "application/rss+xml");
  EXPECT_EQ(r.etag, "\"abc\"");
  EXPECT_EQ(r.last_modified, "Tue, 03 Nov 2026 10:00:00 GMT");
  EXPECT_FALSE(r.not_modified);
  EXPECT_EQ(r.attempts, 1);
  EXPECT_EQ(r.url, server.Url("/feed.xml"));
  EXPECT_EQ(r.final_url, server.Url("/feed.xml"));
}

TEST(Fetcher, SendsUserAgentAndAcceptEncodingOnEveryRequest) {
  LoopbackHttpServer server;
  server.Serve("/a", ScriptedResponse::Ok("a"));
  FetchOptions options = LoopbackOptions();
  options.user_agent = "newsdesk-test/9.9 (+mailto:tests@example.invalid)";
  FetchResponse r = FetchOne(options, server.Url("/a"));
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  const auto requests = server.Requests();
  ASSERT_EQ(requests.size(), 2u);  // robots.txt, then the page
  for (const RecordedRequest& req : requests) {
    EXPECT_EQ(req.Header("User-Agent"), options.user_agent) << req.path;
    EXPECT_NE(req.Header("Accept-Encoding").find("gzip"), std::string::npos) << req.path;
  }
}

TEST(Fetcher, RetriesA500AndReturnsTheSuccess) {
  LoopbackHttpServer server;
  server.Script("/item", {ScriptedResponse::Status(500), ScriptedResponse::Ok("second time")});
  FetchResponse r = FetchOne(LoopbackOptions(), server.Url("/item"));
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.attempts, 2);
  EXPECT_EQ(r.body, "second time");
  EXPECT_EQ(server.RequestsFor("/item").size(), 2u);
}

TEST(Fetcher, ReportsTransientNamingMaxRetriesWhen5xxPersists) {
  LoopbackHttpServer server;
  server.Serve("/down", ScriptedResponse::Status(503));
  FetchOptions options = LoopbackOptions();
  options.max_retries = 2;
  FetchResponse r = FetchOne(options, server.Url("/down"));
  EXPECT_EQ(r.status.code(), Status::Code::kTransient);
  EXPECT_NE(r.status.message().find("max_retries"), std::string::npos) << r.status.message();
  EXPECT_NE(r.status.message().find(server.Url("/down")), std::string::npos);
  EXPECT_EQ(r.attempts, 3);
  EXPECT_EQ(r.http_status, 503);
  EXPECT_EQ(server.RequestsFor("/down").size(), 3u);
}

TEST(Fetcher, WaitsRetryAfterSecondsBeforeRetryingA429) {
  LoopbackHttpServer server;
  server.Script("/busy", {ScriptedResponse::Status(429).With("Retry-After", "1"),
                          ScriptedResponse::Ok("done")});
  FetchResponse r = FetchOne(LoopbackOptions(), server.Url("/busy"));
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.attempts, 2);
  const auto requests = server.RequestsFor("/busy");
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_GE(SecondsBetween(requests[0].finished, requests[1].received), 1.0 - kSlackS);
}

TEST(Fetcher, WaitsUntilRetryAfterHttpDate) {
  LoopbackHttpServer server;
  // Two seconds ahead: HTTP dates have whole seconds, so the wait is 1 to 2 s.
  const std::time_t when = std::time(nullptr) + 2;
  char date[64];
  std::tm tm{};
  gmtime_r(&when, &tm);
  std::strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  server.Script("/busy", {ScriptedResponse::Status(503).With("Retry-After", date),
                          ScriptedResponse::Ok("done")});
  FetchResponse r = FetchOne(LoopbackOptions(), server.Url("/busy"));
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  const auto requests = server.RequestsFor("/busy");
  ASSERT_EQ(requests.size(), 2u);
  const double waited = SecondsBetween(requests[0].finished, requests[1].received);
  EXPECT_GE(waited, 0.9);
  EXPECT_LT(waited, 3.0);
}

TEST(Fetcher, GivesUpWhenRetryAfterIsOverMaxRetryDelay) {
  LoopbackHttpServer server;
  server.Serve("/busy", ScriptedResponse::Status(429).With("Retry-After", "3600"));
  FetchOptions options = LoopbackOptions();
  options.max_retry_delay_s = 1;
  const auto start = Clock::now();
  FetchResponse r = FetchOne(options, server.Url("/busy"));
  EXPECT_EQ(r.status.code(), Status::Code::kTransient);
  EXPECT_NE(r.status.message().find("max_retry_delay_s"), std::string::npos) << r.status.message();
  EXPECT_EQ(server.RequestsFor("/busy").size(), 1u);
  EXPECT_LT(SecondsBetween(start, Clock::now()), 1.0);
}

TEST(Fetcher, AbortsABodyDrippingBelowTheLowSpeedLimit) {
  LoopbackHttpServer server;
  ScriptedResponse drip = ScriptedResponse::Ok(std::string(2000, 'd'));
  drip.drip_bytes = 10;  // 100 bytes/s
  drip.drip_interval = milliseconds(100);
  server.Serve("/slow", drip);
  FetchOptions options = LoopbackOptions();
  options.low_speed_bytes_per_s = 1000;
  options.low_speed_time_s = 1;
  options.max_retries = 1;
  const auto start = Clock::now();
  FetchResponse r = FetchOne(options, server.Url("/slow"));
  EXPECT_EQ(r.status.code(), Status::Code::kTransient);
  EXPECT_NE(r.status.message().find("timed out"), std::string::npos) << r.status.message();
  EXPECT_EQ(r.attempts, 2);
  EXPECT_TRUE(r.body.empty());
  EXPECT_LT(SecondsBetween(start, Clock::now()), 5.0);  // not the 20 s a whole body takes
}

TEST(Fetcher, StopsAtTheTotalTimeout) {
  LoopbackHttpServer server;
  ScriptedResponse late = ScriptedResponse::Ok("late");
  late.delay_before_headers = milliseconds(3000);
  server.Serve("/late", late);
  FetchOptions options = LoopbackOptions();
  options.total_timeout_ms = 300;
  options.max_retries = 0;
  const auto start = Clock::now();
  FetchResponse r = FetchOne(options, server.Url("/late"));
  EXPECT_EQ(r.status.code(), Status::Code::kTransient);
  EXPECT_NE(r.status.message().find("total_timeout_ms 300"), std::string::npos)
      << r.status.message();
  EXPECT_EQ(r.attempts, 1);
  EXPECT_LT(SecondsBetween(start, Clock::now()), 2.0);
}

TEST(Fetcher, RetriesAConnectionDroppedMidBody) {
  LoopbackHttpServer server;
  ScriptedResponse dropped = ScriptedResponse::Ok(std::string(1000, 'b'));
  dropped.close_after_bytes = 100;
  server.Script("/flaky", {dropped, ScriptedResponse::Ok(std::string(1000, 'b'))});
  FetchResponse r = FetchOne(LoopbackOptions(), server.Url("/flaky"));
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.attempts, 2);
  EXPECT_EQ(r.body, std::string(1000, 'b'));
}

TEST(Fetcher, FollowsRedirectsAndReportsTheFinalUrl) {
  LoopbackHttpServer server;
  server.Serve("/old", ScriptedResponse::Redirect("/new", 301));
  server.Serve("/new", ScriptedResponse::Ok("moved here"));
  FetchResponse r = FetchOne(LoopbackOptions(), server.Url("/old"));
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.body, "moved here");
  EXPECT_EQ(r.url, server.Url("/old"));
  EXPECT_EQ(r.final_url, server.Url("/new"));
}

TEST(Fetcher, NamesTheRedirectLimitOnARedirectLoop) {
  LoopbackHttpServer server;
  server.Serve("/loop", ScriptedResponse::Redirect("/loop"));
  FetchOptions options = LoopbackOptions();
  options.max_redirects = 3;
  FetchResponse r = FetchOne(options, server.Url("/loop"));
  EXPECT_EQ(r.status.code(), Status::Code::kInvalidInput);
  EXPECT_NE(r.status.message().find("max_redirects (3)"), std::string::npos) << r.status.message();
  EXPECT_EQ(r.attempts, 1);
  EXPECT_EQ(server.RequestsFor("/loop").size(), 4u);  // the first and 3 redirects
}

TEST(Fetcher, RefusesARedirectToAnotherLoopbackAddress) {
  LoopbackHttpServer server;
  const std::string elsewhere = "http://127.0.0.2:" + std::to_string(server.port()) + "/inside";
  server.Serve("/start", ScriptedResponse::Redirect(elsewhere));
  FetchResponse r = FetchOne(LoopbackOptions(), server.Url("/start"));
  EXPECT_EQ(r.status.code(), Status::Code::kUnsupported);
  EXPECT_NE(r.status.message().find("private address 127.0.0.2"), std::string::npos)
      << r.status.message();
  EXPECT_NE(r.status.message().find("--allow-private"), std::string::npos);
  EXPECT_EQ(r.attempts, 1);  // a refusal is not retried
  // 127.0.0.1 is allowed, so the first hop was served.
  EXPECT_EQ(server.RequestsFor("/start").size(), 1u);
}

TEST(Fetcher, RefusesLoopbackUnlessAllowed) {
  LoopbackHttpServer server;
  server.Serve("/a", ScriptedResponse::Ok("a"));
  FetchOptions options = LoopbackOptions();
  options.allowed_addresses.clear();
  FetchResponse r = FetchOne(options, server.Url("/a"));
  EXPECT_EQ(r.status.code(), Status::Code::kUnsupported);
  EXPECT_NE(r.status.message().find("private address 127.0.0.1"), std::string::npos)
      << r.status.message();
  EXPECT_TRUE(server.Requests().empty());  // not even robots.txt
}

TEST(Fetcher, RefusesARedirectToAFileUrl) {
  LoopbackHttpServer server;
  server.Serve("/start", ScriptedResponse::Redirect("file:///etc/passwd"));
  FetchResponse r = FetchOne(LoopbackOptions(), server.Url("/start"));
  EXPECT_EQ(r.status.code(), Status::Code::kInvalidInput);
  EXPECT_NE(r.status.message().find("not http or https"), std::string::npos) << r.status.message();
  EXPECT_TRUE(r.body.empty());
  EXPECT_EQ(r.attempts, 1);
}

TEST(Fetcher, RejectsAUrlThatIsNotHttp) {
  FetchResponse r = FetchOne(LoopbackOptions(), "file:///etc/passwd");
  EXPECT_EQ(r.status.code(), Status::Code::kUnsupported);
  EXPECT_EQ(r.attempts, 0);
  EXPECT_TRUE(r.body.empty());
}

TEST(Fetcher, StopsAnUndeclaredBodyEarlyAtMaxBodyBytes) {
  LoopbackHttpServer server;
  ScriptedResponse big;
  big.content_type = "application/octet-stream";
  big.generated_body_bytes = 20u << 20;
  big.chunked = true;  // no Content-Length: the limit is hit while reading
  // Paced, so socket buffers stay near empty and what the server managed to
  // send shows where the client stopped.
  big.drip_bytes = 1u << 20;
  big.drip_interval = milliseconds(10);
  server.Serve("/big", big);
  FetchOptions options = LoopbackOptions();
  options.max_body_bytes = 10u << 20;
  FetchResponse r = FetchOne(options, server.Url("/big"));
  EXPECT_EQ(r.status.code(), Status::Code::kTooLarge);
  EXPECT_NE(r.status.message().find("max_body_bytes (10485760 bytes)"), std::string::npos)
      << r.status.message();
  EXPECT_TRUE(r.body.empty());
  EXPECT_EQ(r.attempts, 1);
  const auto requests = server.RequestsFor("/big");
  ASSERT_EQ(requests.size(), 1u);
  // The client hung up after 10 MiB; a slack of some MiB for what was in flight.
  EXPECT_LT(requests[0].body_bytes_sent, 15u << 20);
}

TEST(Fetcher, RefusesADeclaredContentLengthOverMaxBodyBytes) {
  LoopbackHttpServer server;
  ScriptedResponse big;
  big.content_type = "application/octet-stream";
  big.generated_body_bytes = 20u << 20;
  big.drip_bytes = 1u << 20;
  big.drip_interval = milliseconds(10);
  server.Serve("/big", big);
  FetchOptions options = LoopbackOptions();
  options.max_body_bytes = 10u << 20;
  FetchResponse r = FetchOne(options, server.Url("/big"));
  EXPECT_EQ(r.status.code(), Status::Code::kTooLarge);
  EXPECT_NE(r.status.message().find("max_body_bytes"), std::string::npos) << r.status.message();
  const auto requests = server.RequestsFor("/big");
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_LT(requests[0].body_bytes_sent, 5u << 20);  // refused on the headers
}

TEST(Fetcher, DecodesAGzipBody) {
  LoopbackHttpServer server;
  server.Serve(
      "/page",
      ScriptedResponse::Ok(Gzip("<p>hello</p>", 3), "text/html").With("Content-Encoding", "gzip"));
  FetchResponse r = FetchOne(LoopbackOptions(), server.Url("/page"));
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.body, "<p>hello</p><p>hello</p><p>hello</p>");
}

TEST(Fetcher, StopsAGzipBombAtMaxBodyBytesOfDecodedBody) {
  LoopbackHttpServer server;
  // About 32 KiB on the wire that decode to 32 MiB.
  const std::string bomb = Gzip(std::string(1 << 20, '\0'), 32);
  ASSERT_LT(bomb.size(), 1u << 20);
  server.Serve(
      "/bomb",
      ScriptedResponse::Ok(bomb, "application/octet-stream").With("Content-Encoding", "gzip"));
  FetchOptions options = LoopbackOptions();
  options.max_body_bytes = 1u << 20;
  FetchResponse r = FetchOne(options, server.Url("/bomb"));
  EXPECT_EQ(r.status.code(), Status::Code::kTooLarge);
  EXPECT_NE(r.status.message().find("max_body_bytes (1048576 bytes)"), std::string::npos)
      << r.status.message();
  EXPECT_TRUE(r.body.empty());
  EXPECT_EQ(r.attempts, 1);
}

TEST(Fetcher, PassesAnUnknownCharsetThroughUntouched) {
  LoopbackHttpServer server;
  const std::string page = ReadFileOrDie(FixturePath("http/page-unknown-charset.html"));
  server.Serve("/page", ScriptedResponse::Ok(page, "text/html; charset=x-no-such-charset"));
  FetchResponse r = FetchOne(LoopbackOptions(), server.Url("/page"));
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.content_type, "text/html; charset=x-no-such-charset");
  EXPECT_EQ(r.body, page);  // the Latin-1 byte is still there: decoding is the parser's job
}

TEST(Fetcher, SendsValidatorsAndReportsA304AsNotModified) {
  LoopbackHttpServer server;
  const std::string last_modified = "Mon, 02 Nov 2026 08:00:00 GMT";
  server.Route("/feed.xml", [&](const RecordedRequest& req) {
    if (req.Header("If-None-Match") == "\"v1\"") return ScriptedResponse::Status(304);
    return ScriptedResponse::Ok("<rss/>", "application/rss+xml")
        .With("ETag", "\"v1\"")
        .With("Last-Modified", last_modified);
  });
  FetchOptions options = LoopbackOptions();
  FetchResponse first = FetchOne(options, server.Url("/feed.xml"));
  ASSERT_TRUE(first.status.ok()) << first.status.message();
  ASSERT_EQ(first.etag, "\"v1\"");
  ASSERT_EQ(first.last_modified, last_modified);

  FetchResponse second =
      FetchAll(options, {FetchRequest{server.Url("/feed.xml"), first.etag, first.last_modified}})
          .front();
  ASSERT_TRUE(second.status.ok()) << second.status.message();
  EXPECT_EQ(second.http_status, 304);
  EXPECT_TRUE(second.not_modified);
  EXPECT_TRUE(second.body.empty());
  EXPECT_EQ(second.etag, "\"v1\"");
  EXPECT_EQ(second.last_modified, last_modified);
  const auto requests = server.RequestsFor("/feed.xml");
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_FALSE(requests[0].HasHeader("If-None-Match"));
  EXPECT_EQ(requests[1].Header("If-None-Match"), "\"v1\"");
  EXPECT_EQ(requests[1].Header("If-Modified-Since"), last_modified);
}

TEST(Fetcher, NeverRequestsWhatRobotsTxtDisallows) {
  LoopbackHttpServer server;
  server.Serve("/robots.txt", ScriptedResponse::Ok(
                                  ReadFileOrDie(FixturePath("http/robots-disallow-private.txt"))));
  server.Serve("/private/report", ScriptedResponse::Ok("secret"));
  server.Serve("/public", ScriptedResponse::Ok("open"));
  auto r = FetchAll(LoopbackOptions(), {FetchRequest{server.Url("/private/report")},
                                        FetchRequest{server.Url("/public")}});
  EXPECT_EQ(r[0].status.code(), Status::Code::kUnsupported);
  EXPECT_NE(r[0].status.message().find("disallowed by robots.txt"), std::string::npos)
      << r[0].status.message();
  EXPECT_EQ(r[0].attempts, 0);
  ASSERT_TRUE(r[1].status.ok()) << r[1].status.message();
  EXPECT_TRUE(server.RequestsFor("/private/report").empty());
  EXPECT_EQ(server.RequestsFor("/robots.txt").size(), 1u);
}

TEST(Fetcher, AppliesOurRobotsGroupWithLongestMatchAndWildcards) {
  LoopbackHttpServer server;
  server.Serve(
      "/robots.txt",
      ScriptedResponse::Ok(ReadFileOrDie(FixturePath("http/robots-groups-and-wildcards.txt"))));
  const std::vector<std::pair<std::string, bool>> cases = {
      {"/news", true},                  // our group does not forbid it ("*" would)
      {"/drafts/x", false},             // Disallow: /drafts/
      {"/drafts/public", true},         // the longer Allow wins
      {"/drafts/public/x", false},      // ... but it is anchored with $
      {"/files/report.pdf", false},     // Disallow: /*.pdf$
      {"/files/report.pdf?x=1", true},  // the query is part of what is matched
      {"/archive/2019/a", false},       // Disallow: /archive/20 beats Allow: /archive/
      {"/archive/old", true},
  };
  std::vector<FetchRequest> requests;
  for (const auto& [path, allowed] : cases) {
    server.Serve(path.substr(0, path.find('?')), ScriptedResponse::Ok("page"));
    requests.push_back({server.Url(path)});
  }
  auto r = FetchAll(LoopbackOptions(), requests);
  for (std::size_t i = 0; i < cases.size(); ++i) {
    EXPECT_EQ(r[i].status.ok(), cases[i].second) << cases[i].first << ": " << r[i].status.message();
    const auto log = server.Requests();
    const auto asked = std::count_if(log.begin(), log.end(), [&](const RecordedRequest& req) {
      return req.target == cases[i].first;
    });
    EXPECT_EQ(asked, cases[i].second ? 1 : 0) << cases[i].first;
  }
}

TEST(Fetcher, SpacesRequestsToAHostByRobotsCrawlDelay) {
  LoopbackHttpServer server;
  server.Serve("/robots.txt",
               ScriptedResponse::Ok(ReadFileOrDie(FixturePath("http/robots-crawl-delay-1.txt"))));
  server.Serve("/a", ScriptedResponse::Ok("a"));
  server.Serve("/b", ScriptedResponse::Ok("b"));
  auto r =
      FetchAll(LoopbackOptions(), {FetchRequest{server.Url("/a")}, FetchRequest{server.Url("/b")}});
  ASSERT_TRUE(r[0].status.ok() && r[1].status.ok());
  const auto requests = server.Requests();
  ASSERT_EQ(requests.size(), 3u);
  for (std::size_t i = 1; i < requests.size(); ++i) {
    EXPECT_GE(SecondsBetween(requests[i - 1].finished, requests[i].received), 1.0 - kSlackS)
        << requests[i].path;
  }
}

TEST(Fetcher, CapsCrawlDelayAtMaxCrawlDelay) {
  LoopbackHttpServer server;
  server.Serve("/robots.txt",
               ScriptedResponse::Ok(ReadFileOrDie(FixturePath("http/robots-crawl-delay-30.txt"))));
  server.Serve("/a", ScriptedResponse::Ok("a"));
  FetchOptions options = LoopbackOptions();
  options.max_crawl_delay_s = 0.3;
  const auto start = Clock::now();
  FetchResponse r = FetchOne(options, server.Url("/a"));
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  const auto requests = server.Requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_GE(SecondsBetween(requests[0].finished, requests[1].received), 0.3 - kSlackS);
  EXPECT_LT(SecondsBetween(start, Clock::now()), 3.0);
}

TEST(Fetcher, TreatsTheHostAsDisallowedWhenRobotsTxtAnswers500) {
  LoopbackHttpServer server;
  server.Serve("/robots.txt", ScriptedResponse::Status(500));
  server.Serve("/a", ScriptedResponse::Ok("a"));
  FetchOptions options = LoopbackOptions();
  options.max_retries = 1;
  FetchResponse r = FetchOne(options, server.Url("/a"));
  EXPECT_FALSE(r.status.ok());
  EXPECT_EQ(r.status.code(), Status::Code::kTransient);  // a later run may be allowed
  EXPECT_NE(r.status.message().find("robots.txt"), std::string::npos) << r.status.message();
  EXPECT_EQ(r.attempts, 0);
  EXPECT_TRUE(server.RequestsFor("/a").empty());
  EXPECT_EQ(server.RequestsFor("/robots.txt").size(), 2u);  // retried like any request
}

TEST(Fetcher, AllowsEverythingWhenRobotsTxtIs404AndAsksForItOnce) {
  LoopbackHttpServer server;  // nothing at /robots.txt: 404
  server.Serve("/a", ScriptedResponse::Ok("a"));
  server.Serve("/b", ScriptedResponse::Ok("b"));
  auto r =
      FetchAll(LoopbackOptions(), {FetchRequest{server.Url("/a")}, FetchRequest{server.Url("/b")}});
  EXPECT_TRUE(r[0].status.ok()) << r[0].status.message();
  EXPECT_TRUE(r[1].status.ok()) << r[1].status.message();
  EXPECT_EQ(server.RequestsFor("/robots.txt").size(), 1u);
}

TEST(Fetcher, Returns404AsInvalidInputWithoutRetrying) {
  LoopbackHttpServer server;
  FetchResponse r = FetchOne(LoopbackOptions(), server.Url("/gone"));
  EXPECT_EQ(r.status.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(r.http_status, 404);
  EXPECT_NE(r.status.message().find("HTTP 404"), std::string::npos) << r.status.message();
  EXPECT_EQ(r.attempts, 1);
  EXPECT_EQ(server.RequestsFor("/gone").size(), 1u);
}

TEST(Fetcher, KeepsOneRequestAtATimePerHostWhileHostsRunConcurrently) {
  LoopbackHttpServer a;
  LoopbackHttpServer b;
  ScriptedResponse slow = ScriptedResponse::Ok("page");
  slow.delay_before_headers = milliseconds(300);
  std::vector<FetchRequest> requests;
  for (const std::string path : {"/1", "/2", "/3"}) {
    a.Serve(path, slow);
    b.Serve(path, slow);
    requests.push_back({a.Url(path)});
    requests.push_back({b.Url(path)});
  }
  FetchOptions options = LoopbackOptions();
  options.host_delay_s = 0.2;
  const auto start = Clock::now();
  auto r = FetchAll(options, requests);
  const double elapsed = SecondsBetween(start, Clock::now());
  for (const FetchResponse& one : r) EXPECT_TRUE(one.status.ok()) << one.status.message();

  for (const LoopbackHttpServer* server : {&a, &b}) {
    const auto log = server->Requests();
    ASSERT_EQ(log.size(), 4u);  // robots.txt and three pages
    for (std::size_t i = 1; i < log.size(); ++i) {
      EXPECT_GE(SecondsBetween(log[i - 1].finished, log[i].received), 0.2 - kSlackS)
          << "port " << server->port() << " " << log[i].path;
    }
  }
  // One host alone takes about 0.2 + 3 * (0.3 + 0.2) s; in turn they would take twice that.
  EXPECT_LT(elapsed, 2.8);
  const auto la = a.RequestsFor("/1");
  const auto lb = b.RequestsFor("/1");
  EXPECT_LT(la[0].received, lb[0].finished);
  EXPECT_LT(lb[0].received, la[0].finished);
}

TEST(Fetcher, RunsAtMostMaxConcurrentTransfers) {
  LoopbackHttpServer a;
  LoopbackHttpServer b;
  ScriptedResponse slow = ScriptedResponse::Ok("page");
  slow.delay_before_headers = milliseconds(200);
  a.Serve("/1", slow);
  b.Serve("/1", slow);
  FetchOptions options = LoopbackOptions();
  options.obey_robots = false;
  options.max_concurrent = 1;
  auto r = FetchAll(options, {FetchRequest{a.Url("/1")}, FetchRequest{b.Url("/1")}});
  for (const FetchResponse& one : r) EXPECT_TRUE(one.status.ok()) << one.status.message();
  const RecordedRequest first = a.RequestsFor("/1").at(0);
  const RecordedRequest second = b.RequestsFor("/1").at(0);
  EXPECT_TRUE(first.finished <= second.received || second.finished <= first.received);
  EXPECT_TRUE(a.RequestsFor("/robots.txt").empty());  // obey_robots = false
}

TEST(Fetcher, WaitingToRetryOneHostDoesNotHoldUpOthers) {
  LoopbackHttpServer a;
  LoopbackHttpServer b;
  a.Script("/busy",
           {ScriptedResponse::Status(429).With("Retry-After", "1"), ScriptedResponse::Ok("done")});
  b.Serve("/1", ScriptedResponse::Ok("1"));
  b.Serve("/2", ScriptedResponse::Ok("2"));
  auto r = FetchAll(LoopbackOptions(), {FetchRequest{a.Url("/busy")}, FetchRequest{b.Url("/1")},
                                        FetchRequest{b.Url("/2")}});
  for (const FetchResponse& one : r) EXPECT_TRUE(one.status.ok()) << one.status.message();
  const auto retried = a.RequestsFor("/busy");
  ASSERT_EQ(retried.size(), 2u);
  EXPECT_LT(b.RequestsFor("/2").at(0).finished, retried[1].received);
}

TEST(Fetcher, CallsEachCallbackOnceAndLetsCallbacksAddRequests) {
  LoopbackHttpServer server;
  server.Serve("/feed", ScriptedResponse::Ok("/item"));
  server.Serve("/item", ScriptedResponse::Ok("item body"));
  Fetcher fetcher(LoopbackOptions());
  int feed_calls = 0;
  int item_calls = 0;
  std::string item_body;
  fetcher.Add({server.Url("/feed")}, [&](FetchResponse feed) {
    ++feed_calls;
    ASSERT_TRUE(feed.status.ok()) << feed.status.message();
    fetcher.Add({server.Url(feed.body)}, [&](FetchResponse item) {
      ++item_calls;
      item_body = item.body;
    });
  });
  fetcher.Run();
  EXPECT_EQ(feed_calls, 1);
  EXPECT_EQ(item_calls, 1);
  EXPECT_EQ(item_body, "item body");
}

}  // namespace
}  // namespace newsdesk
