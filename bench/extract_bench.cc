// Main-text extraction throughput on one thread: loads every *.html.gz of a
// folder (the extraction-dev pages) into memory, then runs
// ExtractHtmlArticle over all of them repeatedly for at least --seconds, and
// does the same with libxml2's htmlReadMemory alone as a reference for the
// parse that extraction starts with. Prints two lines:
//   newsdesk ExtractHtmlArticle: pages=N mb=M rounds=R seconds=S ... pages_per_s=X
//   libxml2 htmlReadMemory:      pages=N mb=M rounds=R seconds=S ... pages_per_s=X
// Usage: extract_bench DIR [--seconds S] [--dump OUT_DIR]
// --dump writes the decompressed pages to OUT_DIR, one NAME.html each, so that
// bench/extract.sh runs the peer on exactly the same bytes.
#include <libxml/HTMLparser.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "extract/extract.h"

namespace fs = std::filesystem;

namespace {

struct Page {
  std::string name;  // file name without .html.gz
  std::string url;   // from ground-truth.json when it has one
  std::string html;
  const char* encoding = nullptr;  // what the libxml2 reference loop passes
};

constexpr std::string_view kSuffix = ".html.gz";

bool Gunzip(const fs::path& path, std::string& out) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
  bool ok = n == 0;
  gzclose(f);
  return ok;
}

// The page URLs of the corpus' ground truth ({"HASH": {"url": ...}}), so
// relative links resolve as they would after a fetch. Empty when absent.
std::map<std::string, std::string> PageUrls(const fs::path& dir) {
  std::map<std::string, std::string> urls;
  std::ifstream in(dir.parent_path() / "ground-truth.json");
  if (!in) return urls;
  nlohmann::json truth = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!truth.is_object()) return urls;
  for (const auto& [name, entry] : truth.items()) {
    if (entry.is_object() && entry.contains("url") && entry["url"].is_string()) {
      urls[name] = entry["url"].get<std::string>();
    }
  }
  return urls;
}

// The encoding article_html.cc hands libxml2, computed once per page here
// so the reference loop times the parse alone: none when the page declares
// one near the top, else UTF-8 (every dev page that declares nothing is
// UTF-8; article_html.cc also checks and falls back to windows-1252).
const char* DeclaredOrUtf8(const std::string& html) {
  std::string head = html.substr(0, 2048);
  std::transform(head.begin(), head.end(), head.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  bool declared =
      head.find("charset") != std::string::npos || head.find("encoding=") != std::string::npos;
  return declared ? nullptr : "UTF-8";
}

struct Timing {
  std::size_t rounds = 0;
  double seconds = 0;
};

template <typename F>
Timing RunFor(double min_seconds, const std::vector<Page>& pages, F&& per_page) {
  Timing t;
  auto start = std::chrono::steady_clock::now();
  do {
    for (const Page& p : pages) per_page(p);
    ++t.rounds;
    t.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  } while (t.seconds < min_seconds);
  return t;
}

void Print(const char* label, const std::vector<Page>& pages, std::size_t bytes, const Timing& t,
           const std::string& extra) {
  double pages_done = static_cast<double>(pages.size() * t.rounds);
  std::printf("%s pages=%zu mb=%.1f rounds=%zu seconds=%.2f%s mb_per_s=%.1f pages_per_s=%.0f\n",
              label, pages.size(), static_cast<double>(bytes) / 1e6, t.rounds, t.seconds,
              extra.c_str(), static_cast<double>(bytes * t.rounds) / 1e6 / t.seconds,
              pages_done / t.seconds);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: extract_bench DIR [--seconds S] [--dump OUT_DIR]\n");
    return 2;
  }
  fs::path dir = argv[1];
  double min_seconds = 5.0;
  fs::path dump;
  for (int i = 2; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--seconds") == 0) {
      min_seconds = std::atof(argv[i + 1]);
    } else if (std::strcmp(argv[i], "--dump") == 0) {
      dump = argv[i + 1];
    } else {
      std::fprintf(stderr, "extract_bench: unknown option %s\n", argv[i]);
      return 2;
    }
  }

  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    std::string n = e.path().filename().string();
    if (n.size() > kSuffix.size() && n.ends_with(kSuffix)) files.push_back(e.path());
  }
  if (ec) {
    std::fprintf(stderr, "extract_bench: %s: %s\n", dir.c_str(), ec.message().c_str());
    return 1;
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    std::fprintf(stderr, "extract_bench: no *.html.gz in %s\n", dir.c_str());
    return 1;
  }

  std::map<std::string, std::string> urls = PageUrls(dir);
  std::vector<Page> pages;
  std::size_t bytes = 0;
  for (const fs::path& f : files) {
    Page p;
    std::string n = f.filename().string();
    p.name = n.substr(0, n.size() - kSuffix.size());
    auto u = urls.find(p.name);
    p.url = u != urls.end() ? u->second : "https://example.invalid/" + p.name + ".html";
    if (!Gunzip(f, p.html)) {
      std::fprintf(stderr, "extract_bench: %s: not a readable gzip file\n", f.c_str());
      return 1;
    }
    bytes += p.html.size();
    pages.push_back(std::move(p));
  }
  if (!dump.empty()) {
    fs::create_directories(dump);
    for (const Page& p : pages) {
      std::ofstream(dump / (p.name + ".html"), std::ios::binary) << p.html;
    }
  }

  xmlInitParser();
  for (Page& p : pages) p.encoding = DeclaredOrUtf8(p.html);

  // One untimed pass: warms caches and counts how many pages give an article.
  std::size_t ok = 0, text_bytes = 0;
  for (const Page& p : pages) {
    auto a = newsdesk::ExtractHtmlArticle(p.html, p.url);
    if (a.ok()) {
      ++ok;
      text_bytes += a->text.size();
    }
  }
  Timing ours = RunFor(min_seconds, pages, [](const Page& p) {
    auto a = newsdesk::ExtractHtmlArticle(p.html, p.url);
    (void)a;  // only the time matters here; the untimed pass counted failures
  });
  Print("newsdesk ExtractHtmlArticle:", pages, bytes, ours,
        " articles=" + std::to_string(ok) + " text_kb=" + std::to_string(text_bytes / 1000));

  // Same flags as extract/article_html.cc.
  constexpr int kFlags = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                         HTML_PARSE_NONET | HTML_PARSE_COMPACT | XML_PARSE_HUGE;
  Timing parse = RunFor(min_seconds, pages, [](const Page& p) {
    xmlDocPtr doc = htmlReadMemory(p.html.data(), static_cast<int>(p.html.size()), p.url.c_str(),
                                   p.encoding, kFlags);
    xmlFreeDoc(doc);
  });
  Print("libxml2 htmlReadMemory:     ", pages, bytes, parse, "");
  xmlCleanupParser();
  return 0;
}
