// extract: pure functions from bytes to articles. No I/O, no global state
// that a caller can observe; every function here is thread-safe.
//
// The module owns the Article type, HTML and plain-text article extraction,
// date parsing, URL canonicalization and the terms and fingerprints that the
// store links articles by. It depends on no other newsdesk module.
#ifndef NEWSDESK_EXTRACT_EXTRACT_H_
#define NEWSDESK_EXTRACT_EXTRACT_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace newsdesk {

// Seconds since 1970-01-01T00:00:00Z.
using UnixSeconds = std::int64_t;

// One news article as newsdesk sees it. A plain value.
struct Article {
  std::string url;            // where the bytes were read from (http(s) or file URL)
  std::string canonical_url;  // the page's own idea of its address, normalized
  std::string outlet;         // who published it
  std::string title;          // the headline, without the site-name suffix
  std::string byline;         // authors, comma-separated; may be empty
  std::optional<UnixSeconds> published;
  std::optional<UnixSeconds> modified;
  std::string language;  // BCP 47 tag as the page declares it; may be empty
  std::string text;      // the main text: paragraphs separated by a blank line
};

// What a caller knows about a page from outside it (an HTTP response, a
// sidecar file). A field that is set wins over what the page says.
struct ArticleOverrides {
  std::optional<std::string> url;
  std::optional<std::string> outlet;
  std::optional<std::string> title;
  std::optional<std::string> byline;
  std::optional<UnixSeconds> published;
  std::optional<std::string> language;
};

struct ExtractOptions {
  // Inputs larger than this are refused with kTooLarge. Default: 16 MiB.
  std::size_t max_input_bytes = 16u << 20;
  // Elements nested deeper than this are not read. Default: 256.
  int max_dom_depth = 256;
};

// The article in an HTML page.
//
// `url` is where the page came from; relative links resolve against it and
// the outlet falls back to its registrable domain. On success the article has
// a non-empty title, text and canonical_url. Fails with kTooLarge over
// options.max_input_bytes, kInvalidInput for empty or binary input, and
// kNotFound ("no article text") when the page has no main text.
Result<Article> ExtractHtmlArticle(std::string_view html, std::string_view url,
                                   const ArticleOverrides& overrides = {},
                                   const ExtractOptions& options = {});

// The article in a plain-text file: the first non-empty line is the title,
// the rest is the text, paragraphs separated by blank lines. The input must
// be UTF-8 (a BOM is skipped). Fails like ExtractHtmlArticle, and with
// kInvalidInput naming the byte offset of the first invalid UTF-8 sequence.
Result<Article> ExtractTextArticle(std::string_view text, std::string_view url,
                                   const ArticleOverrides& overrides = {},
                                   const ExtractOptions& options = {});

// Parses a sidecar `NAME.meta.json`: {"url", "outlet", "title", "byline",
// "published" (ISO 8601 or RFC 822), "language"}, every key optional.
// Unknown keys are ignored. Fails with kInvalidInput on malformed JSON, a
// value of the wrong type or an unreadable date.
Result<ArticleOverrides> ParseSidecar(std::string_view json);

// ISO 8601 / RFC 3339 ("2026-10-14", "2026-10-14T09:30:00+02:00") and the
// forms curl_getdate reads (RFC 822/1123/850, "October 14, 2026 09:30 GMT").
// A time without a zone is taken as UTC. nullopt when unreadable.
std::optional<UnixSeconds> ParseDateTime(std::string_view text);

// "2026-10-14T07:30:00Z".
std::string FormatIsoUtc(UnixSeconds t);

// Normalizes an absolute http(s) or file URL, resolving `url` against `base`
// when it is relative: lower-case scheme and host, no fragment, no default
// port. nullopt when it is not a URL newsdesk stores.
std::optional<std::string> CanonicalUrl(std::string_view url, std::string_view base = {});

// "file:///path/to/x.html" for an absolute path, percent-encoded as needed.
std::string FileUrl(std::string_view absolute_path);

// "www.example.co.uk" → "example.co.uk" by the public suffix list; the host
// itself when it has no registrable part; empty for URLs without a host.
std::string RegistrableDomain(std::string_view url);

// A term: a case-folded, stemmed word that is not a stop word.
// Terms(text) lists the terms of a text in order.
std::vector<std::string> Terms(std::string_view text);

// Term counts of an article: its title counts kTitleWeight times.
struct TermCount {
  std::string term;
  std::uint32_t count;
};
inline constexpr std::uint32_t kTitleWeight = 3;
std::vector<TermCount> ArticleTerms(const Article& article);  // sorted by term

// Equal for two copies of one article from one outlet, whatever their URLs:
// a hash of outlet, title and text after case folding and whitespace
// collapsing. Copies of one text at two outlets differ on purpose (they are
// two sources of the same text, not one article).
std::uint64_t ContentFingerprint(const Article& article);

// Collapses runs of white space (ASCII and Unicode) to one space and trims.
std::string CollapseWhitespace(std::string_view text);

}  // namespace newsdesk

#endif  // NEWSDESK_EXTRACT_EXTRACT_H_
