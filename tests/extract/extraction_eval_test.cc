// Scores the main text of the 80 pages of the extraction dev set
// (../shared/data/extraction-dev) with the benchmark's shingle metric. The
// metric is the one tools/extraction_eval prints, compiled in from that file
// so that the tool and the test cannot drift apart.
#define NEWSDESK_EXTRACTION_EVAL_NO_MAIN
#include "tools/extraction_eval.cc"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <set>

namespace newsdesk {
namespace {

// A regression guard, not the target: a few points under the 0.989 the
// extractor reached on this set when it was last tuned. The target (F1 0.97)
// is measured on held-out sites, which this set must not be tuned to.
constexpr double kMinimumF1 = 0.96;

std::string DevSetDir() {
  return std::string(NEWSDESK_SOURCE_DIR) + "/../shared/data/extraction-dev";
}

TEST(ExtractionEval, TokensAreLowerCasedUnicodeWordRuns) {
  using extraction_eval::Tokens;
  EXPECT_EQ(Tokens("Héllo, WORLD_2 — 3.5%"),
            (std::vector<std::string>{"héllo", "world_2", "3", "5"}));
  EXPECT_EQ(Tokens("Привет мир"), (std::vector<std::string>{"привет", "мир"}));
  EXPECT_EQ(Tokens("北京今天下雨。"), (std::vector<std::string>{"北京今天下雨"}));
}

TEST(ExtractionEval, ScoresShinglesWithMultiplicity) {
  using extraction_eval::CompareTexts;
  extraction_eval::PageScore same = CompareTexts("a b c d e", "A B C D E");
  EXPECT_DOUBLE_EQ(same.precision(), 1.0);
  EXPECT_DOUBLE_EQ(same.recall(), 1.0);
  // Truth has 2 shingles; we give them plus 2 more: precision 1/2, recall 1.
  extraction_eval::PageScore extra = CompareTexts("a b c d e", "a b c d e x y");
  EXPECT_DOUBLE_EQ(extra.precision(), 0.5);
  EXPECT_DOUBLE_EQ(extra.recall(), 1.0);
  // Short texts are one shingle of all their tokens.
  EXPECT_DOUBLE_EQ(CompareTexts("a b", "a b").precision(), 1.0);
  extraction_eval::PageScore none = CompareTexts("a b c d", "");
  EXPECT_TRUE(none.empty_output);
  EXPECT_DOUBLE_EQ(none.recall(), 0.0);
}

TEST(ExtractionEval, MainTextOfTheDevSetStaysAboveTheFloor) {
  std::string dir = DevSetDir();
  if (!std::filesystem::exists(dir + "/ground-truth.json")) {
    GTEST_SKIP() << "extraction dev set not found at " << dir
                 << " (it lives in the shared data folder, outside the repository)";
  }
  std::string error;
  std::vector<extraction_eval::DevPage> pages = extraction_eval::LoadDevSet(dir, "", &error);
  ASSERT_TRUE(error.empty()) << error;
  ASSERT_FALSE(pages.empty());
  extraction_eval::Summary s = extraction_eval::Evaluate(pages);
  std::string worst;
  for (const auto& p : s.scores) {
    if (p.f1() < 0.8) {
      worst += "  " + p.id + ": P " + std::to_string(p.precision()) + " R " +
               std::to_string(p.recall()) + "\n";
    }
  }
  EXPECT_GE(s.f1, kMinimumF1) << "precision " << s.precision << ", recall " << s.recall
                              << "; pages under F1 0.8:\n"
                              << worst;
}

// The datePublished that a page's JSON-LD gives its article, read here on
// its own (string search and simdjson, no libxml2 and none of the
// extractor's code); empty when the page has none, or several that differ.
std::string JsonLdDatePublished(const std::string& html) {
  static const std::set<std::string_view> kArticleTypes = {
      "NewsArticle",           "Article",         "ReportageNewsArticle",
      "AnalysisNewsArticle",   "BlogPosting",     "OpinionNewsArticle",
      "BackgroundNewsArticle", "LiveBlogPosting", "Report"};
  std::set<std::string> dates;
  std::function<void(simdjson::dom::element, int)> visit = [&](simdjson::dom::element e,
                                                               int depth) {
    if (depth > 8) return;
    simdjson::dom::array arr;
    if (!e.get(arr)) {
      for (auto item : arr) visit(item, depth + 1);
      return;
    }
    simdjson::dom::object obj;
    if (e.get(obj)) return;
    simdjson::dom::element graph;
    if (!obj["@graph"].get(graph)) visit(graph, depth + 1);
    std::string_view type, date;
    if (!obj["@type"].get(type) && kArticleTypes.count(type) && !obj["datePublished"].get(date)) {
      dates.insert(std::string(date));
    }
  };
  std::string lower = html;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  simdjson::dom::parser parser;
  std::size_t pos = 0;
  while ((pos = lower.find("application/ld+json", pos)) != std::string::npos) {
    std::size_t open = lower.find('>', pos);
    std::size_t close = lower.find("</script", pos);
    pos += 1;
    if (open == std::string::npos || close == std::string::npos || close < open) continue;
    simdjson::dom::element root;
    if (parser.parse(html.substr(open + 1, close - open - 1)).get(root)) continue;
    visit(root, 0);
  }
  return dates.size() == 1 ? *dates.begin() : std::string();
}

TEST(ExtractionEval, PublishedTimeAgreesWithTheDevPagesJsonLd) {
  std::string dir = DevSetDir();
  if (!std::filesystem::exists(dir + "/ground-truth.json")) {
    GTEST_SKIP() << "extraction dev set not found at " << dir;
  }
  std::string error;
  std::vector<extraction_eval::DevPage> pages = extraction_eval::LoadDevSet(dir, "", &error);
  ASSERT_TRUE(error.empty()) << error;
  int checked = 0;
  for (const extraction_eval::DevPage& page : pages) {
    std::string date = JsonLdDatePublished(page.html);
    std::optional<UnixSeconds> expected = ParseDateTime(date);
    // Placeholders ("0001-01-01T00:00:00Z") say nothing.
    constexpr UnixSeconds kYear1990 = 631152000;
    if (!expected || *expected < kYear1990) continue;
    ++checked;
    auto a = ExtractHtmlArticle(page.html, page.url);
    ASSERT_TRUE(a.ok()) << page.id << ": " << a.status().message();
    ASSERT_TRUE(a->published.has_value()) << page.id << ": JSON-LD says " << date;
    EXPECT_EQ(FormatIsoUtc(*a->published), FormatIsoUtc(*expected))
        << page.id << ": JSON-LD says " << date;
  }
  EXPECT_GE(checked, 10) << "fewer dev pages with a JSON-LD datePublished than expected";
}

}  // namespace
}  // namespace newsdesk
