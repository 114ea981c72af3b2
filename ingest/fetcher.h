// Private to ingest/: HTTP fetching on libcurl's multi interface.
//
// A Fetcher takes requests and runs them concurrently across hosts while
// being polite to each host: one connection at a time per host, a delay
// between requests to it (robots.txt Crawl-delay honoured up to a cap),
// robots.txt obeyed for our User-Agent. It retries what is worth retrying,
// refuses to connect to private addresses, and bounds every transfer in time
// and size. It is single-threaded: Run() drives all transfers and calls the
// completion callbacks on the calling thread; callbacks may Add() more
// requests. Not thread-safe; one Fetcher per thread.
#ifndef NEWSDESK_INGEST_FETCHER_H_
#define NEWSDESK_INGEST_FETCHER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"

namespace newsdesk {

struct FetchOptions {
  // Sent with every request. Default: "newsdesk/0.1 (+https://example.invalid/newsdesk)";
  // set a contact URL or address of your own.
  std::string user_agent = "newsdesk/0.1 (+https://example.invalid/newsdesk)";
  // Transfers running at once, across hosts. Default: 8.
  int max_concurrent = 8;
  // Seconds between two requests to one host. Default: 1.
  double host_delay_s = 1.0;
  // Largest robots.txt Crawl-delay honoured, in seconds. Default: 30.
  double max_crawl_delay_s = 30.0;
  // Fetch and obey robots.txt. Default: true.
  bool obey_robots = true;
  // Connect timeout, ms. Default: 10,000.
  long connect_timeout_ms = 10000;
  // Whole-transfer timeout, ms. Default: 60,000.
  long total_timeout_ms = 60000;
  // Abort a transfer slower than low_speed_bytes_per_s for low_speed_time_s.
  // Defaults: 512 bytes/s for 20 s.
  long low_speed_bytes_per_s = 512;
  long low_speed_time_s = 20;
  // Largest body accepted, counted on decoded bytes, so a decompression bomb
  // stops early. Default: 10 MiB.
  std::size_t max_body_bytes = 10u << 20;
  // Largest part of a robots.txt read; rules past it are ignored (RFC 9309
  // asks crawlers to read at least 500 KiB). Default: 512 KiB.
  std::size_t max_robots_bytes = 512u << 10;
  // Redirects followed (http and https only). Default: 5.
  int max_redirects = 5;
  // Retries after the first attempt on 429, 5xx, timeouts and connection
  // failures, with exponential backoff and jitter, honouring Retry-After.
  // Default: 3.
  int max_retries = 3;
  // First backoff delay, seconds; doubles each retry. Default: 1.
  double retry_base_delay_s = 1.0;
  // Longest wait for one retry (Retry-After included), seconds. Default: 120.
  double max_retry_delay_s = 120.0;
  // Allow loopback, private, link-local and multicast addresses. Default: false.
  bool allow_private = false;
  // Addresses allowed even when allow_private is false ("127.0.0.1"): for
  // tests that serve on loopback. Default: none.
  std::vector<std::string> allowed_addresses;
};

struct FetchRequest {
  std::string url;
  // Validators from the last fetch: a 304 answer costs nothing.
  std::string etag;
  std::string last_modified;
};

struct FetchResponse {
  std::string url;        // as requested
  std::string final_url;  // after redirects
  long http_status = 0;   // 0 when no response was received
  bool not_modified = false;
  std::string body;  // decoded (gzip, deflate, br); empty unless status is ok
  std::string content_type;
  std::string etag;
  std::string last_modified;
  int attempts = 0;
  // ok() for a 2xx or 304 answer. Otherwise: kTransient when retries ran
  // out on a retryable failure (or a Retry-After asked for more than
  // max_retry_delay_s), and for every request to a host whose robots.txt
  // answered 5xx or could not be reached (disallowed for this run);
  // kInvalidInput for 4xx, redirect loops and non-http(s) redirects;
  // kUnsupported when a private address or robots.txt forbade the fetch, or
  // the URL is not http(s); kTooLarge over max_body_bytes. The message names
  // the URL and the limit or rule that was hit.
  Status status;
};

class Fetcher {
 public:
  explicit Fetcher(FetchOptions options = {});
  ~Fetcher();
  // Owns curl handles.
  Fetcher(const Fetcher&) = delete;
  Fetcher& operator=(const Fetcher&) = delete;

  // Queues a request; `done` is called exactly once, from Run().
  void Add(FetchRequest request, std::function<void(FetchResponse)> done);
  // Runs until every queued request, including those added by callbacks,
  // has completed.
  void Run();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsdesk

#endif  // NEWSDESK_INGEST_FETCHER_H_
