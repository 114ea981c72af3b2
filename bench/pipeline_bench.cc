// Stage benchmarks of the local pipeline on the bundled fixture pages:
// extraction (pages/s, MB/s) and commits into a real RocksDB (articles/s).
// Run with `make bench`; prints the machine's core count first.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "ingest/ingest.h"
#include "ingest/internal.h"
#include "store/records.h"

namespace newsdesk {
namespace {

namespace fs = std::filesystem;

struct Page {
  std::string url, html;
};

const std::vector<Page>& FixturePages() {
  static const std::vector<Page> pages = [] {
    std::vector<Page> out;
    for (const auto& e : fs::recursive_directory_iterator(NEWSDESK_FIXTURES "/news")) {
      if (e.path().extension() != ".html") continue;
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      out.push_back({FileUrl(e.path().string()), ss.str()});
    }
    return out;
  }();
  return pages;
}

void BM_ExtractHtmlArticle(benchmark::State& state) {
  const auto& pages = FixturePages();
  std::size_t bytes = 0, done = 0;
  for (auto _ : state) {
    for (const Page& p : pages) {
      auto a = ExtractHtmlArticle(p.html, p.url);
      benchmark::DoNotOptimize(a);
      bytes += p.html.size();
      ++done;
    }
  }
  state.counters["pages/s"] =
      benchmark::Counter(static_cast<double>(done), benchmark::Counter::kIsRate);
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
BENCHMARK(BM_ExtractHtmlArticle)->Unit(benchmark::kMillisecond);

// Commits the fixture articles under fresh URLs, so every commit is a new
// article that goes through story assignment.
void BM_StoreCommit(benchmark::State& state) {
  std::vector<Article> articles;
  for (const Page& p : FixturePages()) {
    auto a = ExtractHtmlArticle(p.html, p.url);
    if (a.ok()) articles.push_back(std::move(a).value());
  }
  fs::path dir = fs::temp_directory_path() / ("newsdesk-bench-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  auto store = Store::OpenForWrite(dir.string());
  if (!store.ok()) {
    state.SkipWithError(store.status().message().c_str());
    return;
  }
  std::size_t n = 0;
  for (auto _ : state) {
    Article a = articles[n % articles.size()];
    a.canonical_url += "?copy=" + std::to_string(n);
    a.text += " Copy " + std::to_string(n) + ".";  // a new fingerprint
    auto outcome = (*store)->Commit(a);
    if (!outcome.ok()) state.SkipWithError(outcome.status().message().c_str());
    ++n;
  }
  state.counters["articles/s"] =
      benchmark::Counter(static_cast<double>(n), benchmark::Counter::kIsRate);
  store->reset();
  fs::remove_all(dir);
}
BENCHMARK(BM_StoreCommit)->Unit(benchmark::kMicrosecond);

// Reading the record of a search hit: the whole record (DecodeArticle, as
// search did before) against the fields a hit shows (DecodeArticleGlance),
// over the fixture articles annotated as ingest annotates them (Arg 1: the
// glance).
void BM_DecodeArticleRecord(benchmark::State& state) {
  std::vector<std::string> records;
  for (const Page& p : FixturePages()) {
    auto a = ExtractHtmlArticle(p.html, p.url);
    if (!a.ok()) continue;
    ingest_internal::AnnotateArticle(*a, EntityOptions{});
    store_internal::ArticleRecord r;
    r.stored.article = std::move(a).value();
    r.terms = ArticleTerms(r.stored.article);
    records.push_back(store_internal::EncodeArticle(r));
  }
  const bool glance = state.range(0) == 1;
  std::size_t done = 0;
  for (auto _ : state) {
    for (const std::string& bytes : records) {
      if (glance) {
        auto g = store_internal::DecodeArticleGlance(bytes);
        if (!g.ok()) state.SkipWithError(g.status().message().c_str());
        benchmark::DoNotOptimize(g);
      } else {
        auto r = store_internal::DecodeArticle(bytes);
        if (!r.ok()) state.SkipWithError(r.status().message().c_str());
        benchmark::DoNotOptimize(r);
      }
      ++done;
    }
  }
  state.counters["records/s"] =
      benchmark::Counter(static_cast<double>(done), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_DecodeArticleRecord)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace newsdesk

int main(int argc, char** argv) {
  std::printf("cores: %u, fixture pages: %zu\n", std::thread::hardware_concurrency(),
              newsdesk::FixturePages().size());
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
}
