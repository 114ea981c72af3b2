// Private to extract/: steps shared by the HTML and the plain-text extractor.
#ifndef NEWSDESK_EXTRACT_INTERNAL_H_
#define NEWSDESK_EXTRACT_INTERNAL_H_

#include <optional>
#include <string>
#include <string_view>

#include "extract/extract.h"

namespace newsdesk::extract_internal {

// kInvalidInput for empty or binary input, kTooLarge over the limit.
Status CheckInput(std::string_view bytes, const ExtractOptions& options);

// Applies the overrides, fills the canonical URL and the outlet from the URL
// where the page gave none, and checks that the article has a title and text.
Status FinishArticle(Article& article, const ArticleOverrides& overrides);

// An HTML page's bytes as UTF-8 (charset.cc). The charset is, in order: a
// byte-order mark; the transport's (`transport_charset`, e.g. HTTP
// Content-Type); a <meta charset> or http-equiv Content-Type near the top;
// UTF-8 when the bytes are valid UTF-8; ICU's detector; windows-1252. A
// declared Latin-1 page whose bytes are valid UTF-8 (with non-ASCII
// characters) is read as UTF-8, as is a declared UTF-8 page with a few bad
// bytes (they become U+FFFD).
struct DecodedHtml {
  // The page converted to UTF-8; nullopt when the input was UTF-8 already
  // and needs only its first `bom_length` bytes (a byte-order mark) cut.
  std::optional<std::string> converted;
  std::size_t bom_length = 0;
  std::string charset;  // what the bytes were read as ("utf-8", "windows-1251", …)
  std::string source;   // what said so ("transport", "meta", "detected", …)

  std::string_view Text(std::string_view input) const {
    return converted ? std::string_view(*converted) : input.substr(bom_length);
  }
};
DecodedHtml DecodeHtml(std::string_view bytes, std::string_view transport_charset);

}  // namespace newsdesk::extract_internal

#endif  // NEWSDESK_EXTRACT_INTERNAL_H_
