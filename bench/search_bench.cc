// Search latency on generated corpora of real news sentences.
//
//   search_bench build --data DIR --articles N --db DBDIR [--seed S]
//   search_bench query --data DIR [--queries Q] [--seed S] [--max-candidates N] DBDIR...
//
// `build` makes N articles by recombining real text: each takes a real
// headline and 5–15 sentences drawn from all the articles of
// DIR/wikinews/docs.jsonl and DIR/stories-dev/ecbplus-dev.jsonl, one of 50
// invented outlets, and a time that rises evenly over two years from
// 2024-01-01. Everything follows from the seed (std::mt19937_64, whose
// output the standard fixes). They are committed one by one through
// Store::Commit, as ingest does, into DBDIR; a DBDIR holding a complete
// build of the same N and seed is reused if this newsdesk opens it (one by
// an older layout or schema is built again). Articles name no entities
// (RecognizeEntities is not what this measures), and story assignment runs
// with a window of 3600 s × 100,000 / N (from when a commit compared an
// article with every story in the window; kept so that the corpora stay
// the same), which the output says.
//
// `query` opens each DBDIR read-only, as the CLI does, and runs the same
// reproducible workload on each: headline words (1–3 of one headline),
// quoted phrases from the sentences, and the same with a 30-day --since/
// --until window or an --outlet, limit 10 with snippets. One untimed pass
// warms the caches, a second is timed query by query. Prints per corpus
// p50/p99/max latency, queries/s on one thread and peak RSS so far, the
// same percentiles of the thread's CPU time per query (on a shared machine,
// the latency without the time other processes held the core), then how
// the latency grew from the first corpus to the last.
#include <simdjson.h>
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "extract/tokenizer.h"
#include "store/store.h"

namespace {

namespace fs = std::filesystem;
using newsdesk::Article;
using newsdesk::SearchQuery;
using newsdesk::Store;
using newsdesk::UnixSeconds;

constexpr UnixSeconds kStart = 1704067200;  // 2024-01-01T00:00:00Z
constexpr UnixSeconds kSpan = 2 * 365 * 86400;
constexpr std::size_t kMinSentences = 5, kMaxSentences = 15;
constexpr const char* kMarker = "bench-complete";

struct Corpus {
  std::vector<std::string> titles;
  std::vector<std::string> sentences;
  std::vector<std::string> outlets;
};

// n in [0, bound): a plain modulo of the generator's fixed output, so that
// the corpus is the same with any standard library.
std::uint64_t Below(std::mt19937_64& rng, std::uint64_t bound) { return rng() % bound; }

void AddSentences(std::string_view text, std::vector<std::string>& out) {
  using newsdesk::extract_internal::Tokenize;
  const auto t = Tokenize(text);
  for (const auto& s : t.sentences) {
    // Datelines and bylines are short; keep real sentences.
    if (s.end_token - s.first_token < 6) continue;
    const auto begin = t.tokens[s.first_token].start, end = t.tokens[s.end_token - 1].end;
    out.emplace_back(text.substr(begin, end - begin));
  }
}

bool LoadCorpus(const std::string& data, Corpus* corpus) {
  simdjson::ondemand::parser parser;
  for (const char* file : {"/wikinews/docs.jsonl", "/stories-dev/ecbplus-dev.jsonl"}) {
    std::ifstream in(data + file);
    if (!in) {
      std::fprintf(stderr, "search_bench: cannot read %s%s\n", data.c_str(), file);
      return false;
    }
    std::string line;
    while (std::getline(in, line)) {
      simdjson::padded_string padded(line);
      auto doc = parser.iterate(padded);
      std::string_view title, text;
      if (doc["title"].get_string().get(title) == simdjson::SUCCESS && !title.empty())
        corpus->titles.emplace_back(title);
      if (doc["text"].get_string().get(text) == simdjson::SUCCESS)
        AddSentences(text, corpus->sentences);
    }
  }
  const char* places[] = {"Harrow",    "Kestrel", "Marsh",   "Northgate", "Oakridge",
                          "Pinecrest", "Quarry",  "Redfern", "Saltmere",  "Thornbury"};
  const char* kinds[] = {"Times", "Ledger", "Courier", "Herald", "Dispatch"};
  for (const char* p : places)
    for (const char* k : kinds) corpus->outlets.push_back(std::string(p) + " " + k);
  return !corpus->titles.empty() && !corpus->sentences.empty();
}

std::string Slug(const std::string& outlet) {
  std::string s;
  for (char c : outlet)
    if (c != ' ') s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

UnixSeconds StoryWindow(std::uint64_t articles) {
  return std::max<UnixSeconds>(60, static_cast<UnixSeconds>(3600 * 100000 / articles));
}

std::string MarkerText(std::uint64_t articles, std::uint64_t seed) {
  return "articles=" + std::to_string(articles) + " seed=" + std::to_string(seed) + "\n";
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// This thread's CPU time (user and system): on a shared machine, the
// latency without the time other processes took the core.
double ThreadCpuMs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1000 + static_cast<double>(t.tv_nsec) / 1e6;
}

long PeakRssMb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;
}

int Build(const Corpus& corpus, std::uint64_t articles, const std::string& dir,
          std::uint64_t seed) {
  std::error_code ec;
  {
    std::ifstream marker(fs::path(dir) / kMarker);
    std::string text((std::istreambuf_iterator<char>(marker)), std::istreambuf_iterator<char>());
    if (text == MarkerText(articles, seed)) {
      // A build by an older layout is refused on opening: build it again.
      auto old = Store::OpenForRead(dir);
      if (old.ok()) {
        std::printf("reusing %s (%llu articles, seed %llu)\n", dir.c_str(),
                    static_cast<unsigned long long>(articles),
                    static_cast<unsigned long long>(seed));
        return 0;
      }
      std::printf("rebuilding %s: %s\n", dir.c_str(), old.status().message().c_str());
    }
  }
  fs::remove_all(dir, ec);
  const UnixSeconds window = StoryWindow(articles);
  newsdesk::StoreOptions options;
  options.story_window = window;
  options.now = [] { return kStart + kSpan; };
  auto store = Store::OpenForWrite(dir, options);
  if (!store.ok()) {
    std::fprintf(stderr, "search_bench: %s\n", store.status().message().c_str());
    return 1;
  }
  std::mt19937_64 rng(seed);
  const auto start = std::chrono::steady_clock::now();
  std::uint64_t duplicates = 0;
  std::size_t text_bytes = 0;
  for (std::uint64_t i = 0; i < articles; ++i) {
    Article a;
    a.outlet = corpus.outlets[Below(rng, corpus.outlets.size())];
    a.url = a.canonical_url = "https://" + Slug(a.outlet) + ".example/a/" + std::to_string(i);
    a.title = corpus.titles[Below(rng, corpus.titles.size())];
    const std::size_t n = kMinSentences + Below(rng, kMaxSentences - kMinSentences + 1);
    for (std::size_t s = 0; s < n; ++s) {
      if (s > 0) a.text += s % 4 == 0 ? "\n\n" : " ";
      a.text += corpus.sentences[Below(rng, corpus.sentences.size())];
    }
    const UnixSeconds step = kSpan / static_cast<UnixSeconds>(articles);
    a.published = kStart + static_cast<UnixSeconds>(i) * step +
                  static_cast<UnixSeconds>(Below(rng, static_cast<std::uint64_t>(step)));
    text_bytes += a.title.size() + a.text.size();
    auto outcome = (*store)->Commit(a);
    if (!outcome.ok()) {
      std::fprintf(stderr, "search_bench: article %llu: %s\n", static_cast<unsigned long long>(i),
                   outcome.status().message().c_str());
      return 1;
    }
    duplicates += outcome->kind == newsdesk::CommitKind::kDuplicate;
    if ((i + 1) % 50000 == 0) {
      std::fprintf(stderr, "  %llu articles, %.0f s\n", static_cast<unsigned long long>(i + 1),
                   Seconds(start));
    }
  }
  const double secs = Seconds(start);
  auto stats = (*store)->Stats();
  store->reset();
  std::ofstream(fs::path(dir) / kMarker) << MarkerText(articles, seed);
  std::printf(
      "built %s: %llu articles (%llu duplicates) through Store::Commit in %.0f s (%.0f "
      "articles/s; story window %lld s), %.0f MB of text, %.0f MB on disk, peak RSS %ld MB\n",
      dir.c_str(), static_cast<unsigned long long>(articles),
      static_cast<unsigned long long>(duplicates), secs, static_cast<double>(articles) / secs,
      static_cast<long long>(window), static_cast<double>(text_bytes) / 1e6,
      stats.ok() ? static_cast<double>(stats->bytes_on_disk) / 1e6 : 0.0, PeakRssMb());
  return 0;
}

// Words of a text that are terms (not stop words), as written.
std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> out;
  for (const newsdesk::TermSpan& t : newsdesk::TermSpans(text))
    out.push_back(text.substr(t.start, t.end - t.start));
  return out;
}

struct Workload {
  std::vector<SearchQuery> queries;
  std::vector<std::string> kinds;
};

Workload MakeWorkload(const Corpus& corpus, std::size_t count, std::uint64_t seed,
                      std::size_t max_candidates) {
  std::mt19937_64 rng(seed ^ 0x5eedULL);
  Workload w;
  while (w.queries.size() < count) {
    SearchQuery q;
    q.max_candidates = max_candidates;
    const std::uint64_t kind = Below(rng, 100);
    std::string label;
    if (kind < 75) {
      const auto words = Words(corpus.titles[Below(rng, corpus.titles.size())]);
      if (words.empty()) continue;
      const std::size_t k = std::min<std::size_t>(words.size(), 1 + Below(rng, 3));
      std::vector<std::size_t> picked;
      while (picked.size() < k) {
        const std::size_t p = Below(rng, words.size());
        if (std::find(picked.begin(), picked.end(), p) == picked.end()) picked.push_back(p);
      }
      std::sort(picked.begin(), picked.end());
      for (std::size_t p : picked) q.text += (q.text.empty() ? "" : " ") + words[p];
      label = std::to_string(k) + (k == 1 ? " word" : " words");
    } else {
      const auto words = Words(corpus.sentences[Below(rng, corpus.sentences.size())]);
      if (words.size() < 3) continue;
      const std::size_t k = 2 + Below(rng, 2);
      const std::size_t at = Below(rng, words.size() - k + 1);
      q.text = "\"";
      for (std::size_t i = at; i < at + k; ++i) q.text += (i == at ? "" : " ") + words[i];
      q.text += "\"";
      label = "phrase";
    }
    const std::uint64_t filter = Below(rng, 100);
    if (filter < 15) {
      q.since = kStart + static_cast<UnixSeconds>(Below(rng, kSpan - 30 * 86400));
      q.until = *q.since + 30 * 86400;
      label += " +30 days";
    } else if (filter < 30) {
      q.outlets = {corpus.outlets[Below(rng, corpus.outlets.size())]};
      label += " +outlet";
    }
    w.queries.push_back(std::move(q));
    w.kinds.push_back(std::move(label));
  }
  return w;
}

double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  const std::size_t i =
      std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())));
  return v[i];
}

struct Latency {
  std::uint64_t articles = 0;
  double p50 = 0, p99 = 0;
};

int Query(const Corpus& corpus, std::size_t count, std::uint64_t seed, std::size_t max_candidates,
          const std::vector<std::string>& dirs) {
  const Workload w = MakeWorkload(corpus, count, seed, max_candidates);
  std::printf(
      "workload: %zu queries (seed %llu), limit 10 with snippets, max_candidates %zu, one "
      "thread\n",
      w.queries.size(), static_cast<unsigned long long>(seed), max_candidates);
  std::vector<Latency> sizes;
  for (const std::string& dir : dirs) {
    auto store = Store::OpenForRead(dir);
    if (!store.ok()) {
      std::fprintf(stderr, "search_bench: %s\n", store.status().message().c_str());
      return 1;
    }
    auto stats = (*store)->Stats();
    if (!stats.ok()) return 1;
    std::vector<double> ms, cpu_ms;
    std::uint64_t hits = 0, capped = 0, empty = 0;
    for (int pass = 0; pass < 2; ++pass) {
      ms.clear();
      cpu_ms.clear();
      for (const SearchQuery& q : w.queries) {
        const double cpu_start = ThreadCpuMs();
        const auto start = std::chrono::steady_clock::now();
        auto r = (*store)->Search(q);
        ms.push_back(Seconds(start) * 1000);
        cpu_ms.push_back(ThreadCpuMs() - cpu_start);
        if (!r.ok()) {
          std::fprintf(stderr, "search_bench: %s: %s\n", q.text.c_str(),
                       r.status().message().c_str());
          return 1;
        }
        if (pass == 1) {
          hits += r->total;
          capped += !r->complete;
          empty += r->total == 0;
        }
      }
    }
    double sum = 0;
    for (double m : ms) sum += m;
    Latency l{stats->articles, Percentile(ms, 0.50), Percentile(ms, 0.99)};
    std::printf(
        "%llu articles (%.0f MB on disk): p50 %.2f ms, p99 %.2f ms, max %.2f ms, mean %.2f ms, "
        "%.0f queries/s; mean matches %.0f, no match %llu, capped by max_candidates %llu; peak "
        "RSS %ld MB\n",
        static_cast<unsigned long long>(l.articles),
        static_cast<double>(stats->bytes_on_disk) / 1e6, l.p50, l.p99,
        *std::max_element(ms.begin(), ms.end()), sum / static_cast<double>(ms.size()),
        1000.0 * static_cast<double>(ms.size()) / sum,
        static_cast<double>(hits) / static_cast<double>(ms.size()),
        static_cast<unsigned long long>(empty), static_cast<unsigned long long>(capped),
        PeakRssMb());
    std::printf("    CPU time per query: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
                Percentile(cpu_ms, 0.50), Percentile(cpu_ms, 0.99),
                *std::max_element(cpu_ms.begin(), cpu_ms.end()));
    // The slowest kinds of query, for where the time goes.
    std::vector<std::pair<std::string, std::vector<double>>> by_kind;
    for (std::size_t i = 0; i < ms.size(); ++i) {
      auto it = std::find_if(by_kind.begin(), by_kind.end(),
                             [&](const auto& k) { return k.first == w.kinds[i]; });
      if (it == by_kind.end()) it = by_kind.insert(by_kind.end(), {w.kinds[i], {}});
      it->second.push_back(ms[i]);
    }
    std::sort(by_kind.begin(), by_kind.end());
    for (const auto& [kind, v] : by_kind) {
      std::printf("    %-20s %5zu queries: p50 %6.2f ms, p99 %6.2f ms\n", kind.c_str(), v.size(),
                  Percentile(v, 0.5), Percentile(v, 0.99));
    }
    sizes.push_back(l);
  }
  if (sizes.size() > 1) {
    const Latency& a = sizes.front();
    const Latency& b = sizes.back();
    std::printf("growth %llu → %llu articles (%.1f×): p50 %.2f×, p99 %.2f×\n",
                static_cast<unsigned long long>(a.articles),
                static_cast<unsigned long long>(b.articles),
                static_cast<double>(b.articles) / static_cast<double>(a.articles), b.p50 / a.p50,
                b.p99 / a.p99);
  }
  return 0;
}

int Usage() {
  std::fprintf(stderr,
               "usage: search_bench build --data DIR --articles N --db DBDIR [--seed S]\n"
               "       search_bench query --data DIR [--queries Q] [--seed S] "
               "[--max-candidates N] DBDIR...\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return Usage();
  const std::string mode = argv[1];
  std::string data, db;
  std::uint64_t articles = 0, seed = 7;
  std::size_t queries = 2000, max_candidates = SearchQuery().max_candidates;
  std::vector<std::string> dirs;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    const bool has_value = i + 1 < argc;
    if (a == "--data" && has_value) {
      data = argv[++i];
    } else if (a == "--db" && has_value) {
      db = argv[++i];
    } else if (a == "--articles" && has_value) {
      articles = std::strtoull(argv[++i], nullptr, 10);
    } else if (a == "--seed" && has_value) {
      seed = std::strtoull(argv[++i], nullptr, 10);
    } else if (a == "--queries" && has_value) {
      queries = std::strtoull(argv[++i], nullptr, 10);
    } else if (a == "--max-candidates" && has_value) {
      max_candidates = std::strtoull(argv[++i], nullptr, 10);
    } else if (a.rfind("--", 0) == 0) {
      return Usage();
    } else {
      dirs.push_back(a);
    }
  }
  std::printf("cores: %u\n", std::thread::hardware_concurrency());
  Corpus corpus;
  if (data.empty() || !LoadCorpus(data, &corpus)) return Usage();
  std::printf("source: %zu headlines, %zu sentences, %zu outlets\n", corpus.titles.size(),
              corpus.sentences.size(), corpus.outlets.size());
  if (mode == "build" && articles > 0 && !db.empty()) return Build(corpus, articles, db, seed);
  if (mode == "query" && !dirs.empty() && queries > 0)
    return Query(corpus, queries, seed, max_candidates, dirs);
  return Usage();
}
