// Feed-parsing throughput: parses every file named on stdin (one path a
// line) repeatedly for at least --seconds, and prints one line:
//   files=N bytes=B seconds=S mb_per_s=X
// bench/feeds.sh runs it beside python3-feedparser on the same files.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "extract/extract.h"

int main(int argc, char** argv) {
  double min_seconds = 3.0;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--seconds") == 0) min_seconds = std::atof(argv[i + 1]);
  }
  std::vector<std::string> docs;
  std::size_t bytes = 0;
  for (std::string path; std::getline(std::cin, path);) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    docs.push_back(ss.str());
    bytes += docs.back().size();
  }
  if (docs.empty()) {
    std::fprintf(stderr, "feed_bench: no files on stdin\n");
    return 2;
  }
  auto start = std::chrono::steady_clock::now();
  std::size_t rounds = 0, entries = 0;
  double secs = 0;
  do {
    for (const std::string& d : docs) {
      auto feed = newsdesk::ParseFeed(d, "http://127.0.0.1:8097/feed.xml");
      if (feed.ok()) entries += feed->entries.size();
    }
    ++rounds;
    secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  } while (secs < min_seconds);
  std::printf("files=%zu bytes=%zu rounds=%zu entries=%zu seconds=%.2f mb_per_s=%.2f\n",
              docs.size(), bytes, rounds, entries / rounds, secs,
              static_cast<double>(bytes * rounds) / 1e6 / secs);
}
