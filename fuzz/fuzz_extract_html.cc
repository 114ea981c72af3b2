// ExtractHtmlArticle on arbitrary bytes: libxml2's parse, the page-facts and
// JSON-LD walk, main-text selection and the article's final checks. The
// transport charset (ExtractOptions::charset) is usually absent and
// sometimes one of a few, chosen by the input's size.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/extract.h"
#include "fuzz/fuzz_checks.h"

namespace {
constexpr std::array<std::string_view, 8> kCharsets = {
    "", "", "", "", "utf-8", "windows-1252", "shift_jis", "utf-16le"};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsdesk::fuzz;
  newsdesk::ExtractOptions options;
  options.charset = PickBySize<std::string_view>(kCharsets, size);
  auto article = newsdesk::ExtractHtmlArticle(
      AsText(data, size), "https://www.example.com/news/2026/story.html", {}, options);
  if (!article.ok()) return 0;
  // extract.h: on success the article has a non-empty title, text and canonical_url.
  Require(!article->title.empty(), "ExtractHtmlArticle: empty title on success");
  Require(!article->text.empty(), "ExtractHtmlArticle: empty text on success");
  Require(!article->canonical_url.empty(), "ExtractHtmlArticle: empty canonical_url on success");
  RequireUtf8(article->title, "ExtractHtmlArticle: title is not UTF-8");
  RequireUtf8(article->text, "ExtractHtmlArticle: text is not UTF-8");
  RequireUtf8(article->outlet, "ExtractHtmlArticle: outlet is not UTF-8");
  RequireUtf8(article->byline, "ExtractHtmlArticle: byline is not UTF-8");
  RequireUtf8(article->language, "ExtractHtmlArticle: language is not UTF-8");
  RequireUtf8(article->canonical_url, "ExtractHtmlArticle: canonical_url is not UTF-8");
  return 0;
}
