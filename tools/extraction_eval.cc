// extraction_eval DIR [--verbose] [--half even|odd] [--repeat N] [--out OUT_DIR]
//
// Measures ExtractHtmlArticle's main text against a corpus of saved news
// pages with hand-checked article bodies (../shared/data/extraction-dev:
// html/<id>.html.gz and ground-truth.json {id: {articleBody, url}}), with the
// metric of the public article-extraction benchmark:
//   - tokens are runs of Unicode word characters (letters, numbers and "_",
//     Python's \w), lower-cased;
//   - each text is a multiset of 4-token shingles (a text of fewer than four
//     tokens is one shingle of all of them);
//   - per page, true positives are the shingles both texts share (counted
//     with multiplicity), false positives the extra ones in our text, false
//     negatives the ones we missed;
//   - precision is averaged over the pages where we gave some text, recall
//     over all pages; F1 = 2PR/(P+R) of those two averages.
// Each page's ground-truth URL is passed as the page URL. Prints precision,
// recall, F1, the pages with no output and pages per second of extraction
// (reading and gunzipping excluded); --verbose adds each page's precision and
// recall, worst F1 first. --half keeps the pages whose index in id order is
// even or odd (to check that a change helps on both halves); --repeat runs
// the extraction N times for a steadier speed figure; --out writes each
// page's extracted text to OUT_DIR/<id>.txt for reading.
//
// tests/extract/extraction_eval_test.cc compiles this file in (without its
// main) so the test and the tool share the metric.
#include <simdjson.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/extract.h"

namespace newsdesk::extraction_eval {

// One page of the corpus.
struct DevPage {
  std::string id;
  std::string url;
  std::string truth;  // the article body a reader sees
  std::string html;   // the saved page, gunzipped
};

// One page's outcome, tp + fp + fn normalized to 1 as the benchmark does.
struct PageScore {
  std::string id;
  double tp = 0, fp = 0, fn = 0;
  bool empty_output = false;
  std::string status;  // why extraction failed, when it did
  double precision() const { return tp + fp > 0 ? tp / (tp + fp) : 0.0; }
  double recall() const { return tp + fn > 0 ? tp / (tp + fn) : 0.0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

struct Summary {
  double precision = 0, recall = 0, f1 = 0;
  std::size_t pages = 0, empty_pages = 0;
  double seconds = 0;  // extraction only
  std::vector<PageScore> scores;
  std::vector<std::string> outputs;  // the extracted text of each page, in page order
};

// Python's \w on a code point: letters, numbers and the underscore.
inline bool IsWordChar(UChar32 c) {
  if (c == '_') return true;
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK)) != 0;
}

// Lower-cased runs of word characters, in order.
inline std::vector<std::string> Tokens(std::string_view text) {
  std::vector<std::string> tokens;
  std::string current;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t len = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < len) {
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c >= 0 && IsWordChar(c)) {
      UChar32 lower = u_tolower(c);
      char buf[4];
      int32_t n = 0;
      U8_APPEND_UNSAFE(buf, n, lower);
      current.append(buf, static_cast<std::size_t>(n));
    } else if (!current.empty()) {
      tokens.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) tokens.push_back(std::move(current));
  return tokens;
}

// Shingle → count. A shingle is its tokens joined by a separator that no
// token contains.
inline std::unordered_map<std::string, int> Shingles(std::string_view text) {
  constexpr std::size_t kShingleTokens = 4;
  std::vector<std::string> tokens = Tokens(text);
  std::unordered_map<std::string, int> shingles;
  std::size_t starts = tokens.size() >= kShingleTokens ? tokens.size() - kShingleTokens + 1 : 1;
  for (std::size_t i = 0; i < starts && i < tokens.size(); ++i) {
    std::string key;
    for (std::size_t j = i; j < std::min(tokens.size(), i + kShingleTokens); ++j) {
      key += tokens[j];
      key += ' ';
    }
    ++shingles[key];
  }
  return shingles;
}

// The benchmark's per-page comparison.
inline PageScore CompareTexts(std::string_view truth, std::string_view predicted) {
  std::unordered_map<std::string, int> t = Shingles(truth), p = Shingles(predicted);
  PageScore s;
  for (const auto& [key, tc] : t) {
    auto it = p.find(key);
    int pc = it == p.end() ? 0 : it->second;
    s.tp += std::min(tc, pc);
    s.fn += std::max(0, tc - pc);
    s.fp += std::max(0, pc - tc);
  }
  for (const auto& [key, pc] : p) {
    if (t.find(key) == t.end()) s.fp += pc;
  }
  double sum = s.tp + s.fp + s.fn;
  if (sum > 0) {
    s.tp /= sum;
    s.fp /= sum;
    s.fn /= sum;
  }
  s.empty_output = p.empty();
  return s;
}

inline bool ReadGzip(const std::string& path, std::string* out) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out->append(buf, static_cast<std::size_t>(n));
  bool ok = n == 0;
  gzclose(f);
  return ok;
}

// Reads DIR/ground-truth.json and each DIR/html/<id>.html.gz, in id order.
// `half`: "" for all pages, "even" or "odd" for every other page. On
// failure returns no pages and says why in *error.
inline std::vector<DevPage> LoadDevSet(const std::string& dir, std::string_view half,
                                       std::string* error) {
  std::vector<DevPage> pages;
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (auto err = parser.load(dir + "/ground-truth.json").get(root)) {
    *error = dir + "/ground-truth.json: " + simdjson::error_message(err);
    return {};
  }
  simdjson::dom::object obj;
  if (root.get(obj)) {
    *error = dir + "/ground-truth.json: not a JSON object";
    return {};
  }
  for (auto field : obj) {
    DevPage p;
    p.id = std::string(field.key);
    std::string_view v;
    if (!field.value["url"].get(v)) p.url = std::string(v);
    if (!field.value["articleBody"].get(v)) p.truth = std::string(v);
    pages.push_back(std::move(p));
  }
  std::sort(pages.begin(), pages.end(),
            [](const DevPage& a, const DevPage& b) { return a.id < b.id; });
  std::vector<DevPage> kept;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    if ((half == "even" && i % 2 != 0) || (half == "odd" && i % 2 != 1)) continue;
    std::string path = dir + "/html/" + pages[i].id + ".html.gz";
    if (!ReadGzip(path, &pages[i].html)) {
      *error = path + ": cannot read or gunzip";
      return {};
    }
    kept.push_back(std::move(pages[i]));
  }
  return kept;
}

// Extracts every page `repeat` times and scores the last run.
inline Summary Evaluate(const std::vector<DevPage>& pages, int repeat = 1) {
  Summary sum;
  sum.pages = pages.size();
  std::vector<std::string> outputs(pages.size());
  std::vector<std::string> statuses(pages.size());
  auto start = std::chrono::steady_clock::now();
  for (int r = 0; r < std::max(1, repeat); ++r) {
    for (std::size_t i = 0; i < pages.size(); ++i) {
      auto a = ExtractHtmlArticle(pages[i].html, pages[i].url);
      if (a.ok()) {
        outputs[i] = std::move(a->text);
      } else {
        outputs[i].clear();
        statuses[i] = a.status().message();
      }
    }
  }
  sum.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() /
                std::max(1, repeat);
  double p_total = 0, r_total = 0;
  std::size_t p_pages = 0, r_pages = 0;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    PageScore s = CompareTexts(pages[i].truth, outputs[i]);
    s.id = pages[i].id;
    s.status = statuses[i];
    if (s.tp + s.fp > 0) {
      p_total += s.precision();
      ++p_pages;
    }
    if (s.tp + s.fn > 0) {
      r_total += s.recall();
      ++r_pages;
    }
    if (s.empty_output) ++sum.empty_pages;
    sum.scores.push_back(std::move(s));
  }
  sum.outputs = std::move(outputs);
  sum.precision = p_pages ? p_total / static_cast<double>(p_pages) : 0.0;
  sum.recall = r_pages ? r_total / static_cast<double>(r_pages) : 0.0;
  sum.f1 = sum.precision + sum.recall > 0
               ? 2 * sum.precision * sum.recall / (sum.precision + sum.recall)
               : 0.0;
  return sum;
}

}  // namespace newsdesk::extraction_eval

#ifndef NEWSDESK_EXTRACTION_EVAL_NO_MAIN
int main(int argc, char** argv) {
  using namespace newsdesk::extraction_eval;
  std::string dir, half, out;
  bool verbose = false;
  int repeat = 1;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--verbose") {
      verbose = true;
    } else if (arg == "--half" && i + 1 < argc) {
      half = argv[++i];
    } else if (arg == "--out" && i + 1 < argc) {
      out = argv[++i];
    } else if (arg == "--repeat" && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else if (!arg.empty() && arg[0] != '-' && dir.empty()) {
      dir = std::string(arg);
    } else {
      dir.clear();
      break;
    }
  }
  if (dir.empty() || (!half.empty() && half != "even" && half != "odd")) {
    std::fprintf(stderr,
                 "usage: extraction_eval DIR [--verbose] [--half even|odd] [--repeat N] "
                 "[--out OUT_DIR]\n"
                 "  DIR holds ground-truth.json and html/<id>.html.gz\n");
    return 2;
  }
  std::string error;
  std::vector<DevPage> pages = LoadDevSet(dir, half, &error);
  if (!error.empty()) {
    std::fprintf(stderr, "extraction_eval: %s\n", error.c_str());
    return 1;
  }
  std::size_t bytes = 0;
  for (const DevPage& p : pages) bytes += p.html.size();
  Summary s = Evaluate(pages, repeat);
  for (std::size_t i = 0; !out.empty() && i < pages.size(); ++i) {
    std::string path = out + "/" + pages[i].id + ".txt";
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr) {
      std::fprintf(stderr, "extraction_eval: cannot write %s\n", path.c_str());
      return 1;
    }
    std::fwrite(s.outputs[i].data(), 1, s.outputs[i].size(), f);
    std::fclose(f);
  }
  if (verbose) {
    std::vector<PageScore> worst = s.scores;
    std::stable_sort(worst.begin(), worst.end(),
                     [](const PageScore& a, const PageScore& b) { return a.f1() < b.f1(); });
    for (const PageScore& p : worst) {
      std::string note;
      if (p.empty_output) note = p.status.empty() ? "  (empty)" : "  (empty: " + p.status + ")";
      std::printf("%-64s P %.3f R %.3f%s\n", p.id.c_str(), p.precision(), p.recall(), note.c_str());
    }
  }
  std::printf("pages %zu  precision %.4f  recall %.4f  F1 %.4f  empty %zu\n", s.pages, s.precision,
              s.recall, s.f1, s.empty_pages);
  std::printf("%.0f pages/s, %.1f MB/s (extraction only, one thread)\n",
              s.seconds > 0 ? static_cast<double>(s.pages) / s.seconds : 0.0,
              s.seconds > 0 ? static_cast<double>(bytes) / s.seconds / 1e6 : 0.0);
  return 0;
}
#endif
