// End-to-end ingest from a loopback HTTP server: the server (in this process,
// on 127.0.0.1) serves RSS feeds of article pages; newsdesk fetches the feeds
// and the pages, extracts, links and commits them into a fresh RocksDB, with
// politeness off (no per-host delay, robots.txt served empty). Prints the
// articles stored per second (wall).
// Usage: fetch_bench [PAGES] [JOBS]          synthetic one-paragraph pages
//        fetch_bench --pages DIR [--jobs N]  the *.html files under DIR (read
//                                            from disk at each request)
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>
#include <thread>

#include "ingest/ingest.h"
#include "tests/support/http_server.h"

using newsdesk::testing::LoopbackHttpServer;
using newsdesk::testing::RecordedRequest;
using newsdesk::testing::ScriptedResponse;
namespace fs = std::filesystem;

namespace {

constexpr int kItemsPerFeed = 500;

std::string SyntheticPage(int i) {
  return fmt::format(
      "<html><head><meta property=\"og:site_name\" content=\"Bench Gazette\">"
      "<title>Harbour report number {0} | Bench Gazette</title></head><body><article>"
      "<p>Harbour report number {0}: the tide gauge read {0} centimetres above the "
      "mean at noon, the harbour master said.</p><p>Shipping was not affected by the "
      "reading, and the next report is due tomorrow morning at {1} o'clock.</p>"
      "</article></body></html>",
      i, i % 12 + 1);
}

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

int main(int argc, char** argv) {
  int pages = 2000, jobs = 8;
  std::string dir_arg;
  std::vector<std::string_view> args(argv + 1, argv + argc);
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--pages" && i + 1 < args.size()) {
      dir_arg = args[++i];
    } else if (args[i] == "--jobs" && i + 1 < args.size()) {
      jobs = std::atoi(std::string(args[++i]).c_str());
    } else if (i == 0 && dir_arg.empty()) {
      pages = std::atoi(std::string(args[i]).c_str());
    } else if (i == 1 && dir_arg.empty()) {
      jobs = std::atoi(std::string(args[i]).c_str());
    } else {
      std::fprintf(stderr, "usage: fetch_bench [PAGES] [JOBS] | --pages DIR [--jobs N]\n");
      return 2;
    }
  }
  std::vector<fs::path> files;
  if (!dir_arg.empty()) {
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir_arg, ec), end; it != end; it.increment(ec)) {
      if (ec) break;
      if (it->is_regular_file() && it->path().extension() == ".html") files.push_back(it->path());
    }
    if (ec || files.empty()) {
      std::fprintf(stderr, "fetch_bench: no *.html pages under %s\n", dir_arg.c_str());
      return 1;
    }
    std::sort(files.begin(), files.end());
    pages = static_cast<int>(files.size());
  }

  LoopbackHttpServer server;
  std::vector<std::string> feeds;
  std::string items;
  for (int i = 0; i < pages; ++i) {
    std::string path = fmt::format("/story/{}", i);
    items +=
        fmt::format("<item><title>Item {0}</title><link>{1}</link></item>", i, server.Url(path));
    if (files.empty()) {
      server.Serve(path, ScriptedResponse::Ok(SyntheticPage(i), "text/html; charset=utf-8"));
    } else {
      server.Route(path, [file = files[static_cast<std::size_t>(i)]](const RecordedRequest&) {
        return ScriptedResponse::Ok(ReadFile(file), "text/html; charset=utf-8");
      });
    }
    if ((i + 1) % kItemsPerFeed == 0 || i + 1 == pages) {
      std::string feed = fmt::format("/feed/{}.xml", feeds.size());
      server.Serve(feed,
                   ScriptedResponse::Ok("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                                        "<title>Bench</title>" +
                                            items + "</channel></rss>",
                                        "application/rss+xml"));
      feeds.push_back(server.Url(feed));
      items.clear();
    }
  }
  server.Serve("/robots.txt", ScriptedResponse::Ok("User-agent: *\nDisallow:\n"));

  auto dir = fs::temp_directory_path() / fmt::format("newsdesk-fetch-bench-{}", getpid());
  fs::remove_all(dir);
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
  auto summary = newsdesk::Ingest({feeds, {}}, **store, options);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  store->reset();
  fs::remove_all(dir);
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
