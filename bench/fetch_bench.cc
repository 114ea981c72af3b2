// End-to-end fetch throughput: a loopback server serves a feed of N article
// pages; newsdesk ingests it into a fresh RocksDB with politeness off (no
// per-host delay, robots.txt served empty). Prints pages/s fetched and stored.
// Usage: fetch_bench [PAGES] [JOBS]
#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "ingest/ingest.h"
#include "tests/support/http_server.h"

using newsdesk::testing::LoopbackHttpServer;
using newsdesk::testing::ScriptedResponse;

int main(int argc, char** argv) {
  int pages = argc > 1 ? std::atoi(argv[1]) : 2000;
  int jobs = argc > 2 ? std::atoi(argv[2]) : 8;
  LoopbackHttpServer server;
  std::string items;
  for (int i = 0; i < pages; ++i) {
    std::string path = fmt::format("/story/{}", i);
    items +=
        fmt::format("<item><title>Item {0}</title><link>{1}</link></item>", i, server.Url(path));
    server.Serve(
        path,
        ScriptedResponse::Ok(
            fmt::format(
                "<html><head><meta property=\"og:site_name\" content=\"Bench Gazette\">"
                "<title>Harbour report number {0} | Bench Gazette</title></head><body><article>"
                "<p>Harbour report number {0}: the tide gauge read {0} centimetres above the "
                "mean at noon, the harbour master said.</p><p>Shipping was not affected by the "
                "reading, and the next report is due tomorrow morning at {1} o'clock.</p>"
                "</article></body></html>",
                i, i % 12 + 1),
            "text/html; charset=utf-8"));
  }
  server.Serve("/feed.xml",
               ScriptedResponse::Ok(
                   "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Bench</title>" +
                       items + "</channel></rss>",
                   "application/rss+xml"));
  server.Serve("/robots.txt", ScriptedResponse::Ok("User-agent: *\nDisallow:\n"));

  auto dir =
      std::filesystem::temp_directory_path() / fmt::format("newsdesk-fetch-bench-{}", getpid());
  std::filesystem::remove_all(dir);
  auto store = newsdesk::Store::OpenForWrite(dir.string());
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().message().c_str());
    return 1;
  }
  newsdesk::IngestOptions options;
  options.fetch.allowed_addresses = {"127.0.0.1"};
  options.fetch.host_delay_s = 0;
  options.fetch.max_concurrent = jobs;
  auto start = std::chrono::steady_clock::now();
  auto summary = newsdesk::Ingest({{server.Url("/feed.xml")}, {}}, **store, options);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  store->reset();
  std::filesystem::remove_all(dir);
  if (!summary.ok()) {
    std::fprintf(stderr, "%s\n", summary.status().message().c_str());
    return 1;
  }
  std::printf(
      "cores: %u\npages: %d stored: %zu failed: %zu jobs: %d seconds: %.2f pages_per_s: %.0f\n",
      std::thread::hardware_concurrency(), pages, summary->stored(), summary->failures.size(), jobs,
      secs, static_cast<double>(summary->stored()) / secs);
  return 0;
}
