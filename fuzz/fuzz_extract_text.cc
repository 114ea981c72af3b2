// ParseSidecar (simdjson, dates) and ExtractTextArticle on the same bytes;
// the overrides a sidecar gives are applied to the text article, so both
// the plain path and the override path of FinishArticle are reached.
#include <cstddef>
#include <cstdint>

#include "extract/extract.h"
#include "fuzz/fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsdesk::fuzz;
  std::string_view input = AsText(data, size);
  newsdesk::ArticleOverrides overrides;
  if (auto sidecar = newsdesk::ParseSidecar(input); sidecar.ok()) overrides = *sidecar;
  auto article = newsdesk::ExtractTextArticle(input, "file:///fuzz/article.txt", overrides);
  if (!article.ok()) return 0;
  Require(!article->title.empty(), "ExtractTextArticle: empty title on success");
  Require(!article->text.empty(), "ExtractTextArticle: empty text on success");
  RequireUtf8(article->title, "ExtractTextArticle: title is not UTF-8");
  RequireUtf8(article->text, "ExtractTextArticle: text is not UTF-8");
  return 0;
}
