// Private to extract/: steps shared by the HTML and the plain-text extractor.
#ifndef NEWSDESK_EXTRACT_INTERNAL_H_
#define NEWSDESK_EXTRACT_INTERNAL_H_

#include <string_view>

#include "extract/extract.h"

namespace newsdesk::extract_internal {

// kInvalidInput for empty or binary input, kTooLarge over the limit.
Status CheckInput(std::string_view bytes, const ExtractOptions& options);

// Byte offset of the first ill-formed UTF-8 sequence; text.size() if none.
std::size_t FirstInvalidUtf8(std::string_view text);

// Applies the overrides, fills the canonical URL and the outlet from the URL
// where the page gave none, and checks that the article has a title and text.
Status FinishArticle(Article& article, const ArticleOverrides& overrides);

}  // namespace newsdesk::extract_internal

#endif  // NEWSDESK_EXTRACT_INTERNAL_H_
