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
#include "extract/entities.h"
#include "extract/facts.h"

namespace newsdesk {

// Seconds since 1970-01-01T00:00:00Z.
using UnixSeconds = std::int64_t;

// One news article as newsdesk sees it. A plain value.
struct Article {
  std::string url;                   // where the bytes were read from (http(s) or file URL)
  std::string canonical_url;         // the page's own idea of its address, normalized
  std::string outlet;                // who published it
  std::string title;                 // the headline, without the site-name suffix
  std::string byline;                // authors, comma-separated; may be empty
  std::vector<std::string> authors;  // the byline's names one by one; may be empty
  std::optional<UnixSeconds> published;
  std::optional<UnixSeconds> modified;
  // The zone the page wrote each time in, in minutes east of UTC
  // ("2026-10-14T09:30:00+02:00" → 120); nullopt when it named none (a
  // date alone, or a time taken as UTC).
  std::optional<int> published_utc_offset_minutes;
  std::optional<int> modified_utc_offset_minutes;
  std::string language;               // BCP 47 tag as the page declares it; may be empty
  std::string image;                  // the lead image, an absolute URL; may be empty
  std::string section;                // the page's own section name ("Business"); may be empty
  std::vector<std::string> keywords;  // as the page lists them, duplicates dropped
  // The charset the page's bytes were read as ("utf-8", "windows-1251");
  // empty for articles that were not read from bytes (feeds, sidecars).
  std::string charset;
  std::string text;  // the main text: paragraphs separated by a blank line
  // The text is what a feed said of the article (its summary or content),
  // because the page itself could not be fetched or read.
  bool from_feed = false;
  // The entities of `title + "\n\n" + text` (mention offsets are into that
  // string). Filled by RecognizeEntities at ingestion, not by the extractors.
  DocumentEntities entities;
  // The facts of the same string (ExtractFacts with the published time),
  // its citations and declared source count. Filled at ingestion too.
  ArticleFacts facts;
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
  // Elements nested deeper than this are not read (the HTML reader recurses
  // this deep). Default: 256.
  int max_dom_depth = 256;
  // Pages with an element of more attributes, or a tag of more bytes, are
  // refused with kTooLarge (parsing them takes quadratic time).
  // Defaults: 1,000 attributes, 64 KiB.
  std::size_t max_attributes_per_element = 1000;
  std::size_t max_tag_bytes = 64u << 10;
  // Elements read from one page: the text is looked for in the first this
  // many (in document order), and a page with none there fails with
  // kTooLarge. Default: 1,000,000.
  std::size_t max_elements = 1'000'000;
  // JSON-LD scripts larger than this are not read. Default: 1 MiB.
  std::size_t max_json_ld_bytes = 1u << 20;
  // The charset the transport declared (HTTP Content-Type), which wins over
  // the page's own <meta charset> (a byte-order mark wins over both).
  // Default: empty, the page decides.
  std::string charset;
};

// The article in an HTML page.
//
// `url` is where the page came from; relative links resolve against it, the
// outlet falls back to its registrable domain and the publication date to a
// date in its path (then to a date the page shows near the text, or a
// dateline). The bytes are read in the charset of a byte-order mark,
// else options.charset, else the page's <meta>, else UTF-8 when they are
// valid UTF-8, else the one ICU's detector names; the article's `charset`
// says which. The text is the article's headings, paragraphs, lists and
// quotes in order, without the page's navigation, share bars, related links,
// captions, comments and other furniture; metadata comes from JSON-LD,
// OpenGraph and other <meta> tags, microdata, <time> and the page's byline.
//
// On success the article has a non-empty title, text and canonical_url.
// Fails with kTooLarge over options.max_input_bytes, for a tag over the
// attribute limits or without text in the first max_elements elements,
// kInvalidInput for empty or binary input, and kNotFound ("no article
// text") when the page has no main text (a script-only page, a paywall's
// prompt, a page of links).
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

// A term and where its word is in the text: bytes [start, end).
struct TermSpan {
  std::string term;
  std::uint32_t start = 0;
  std::uint32_t end = 0;
};
// The terms of a text in order, as Terms(text) lists them, each with its
// word's place (for marking search matches).
std::vector<TermSpan> TermSpans(std::string_view text);

// Term counts of an article: its title counts kTitleWeight times.
struct TermCount {
  std::string term;
  std::uint32_t count;
};
inline constexpr std::uint32_t kTitleWeight = 3;
std::vector<TermCount> ArticleTerms(const Article& article);  // sorted by term

// An article's terms in order, its title's and its text's, as Terms lists
// them: the store reads them four times per article (counts, SimHash,
// search postings, story lead), and tokenizes and stems once.
struct ArticleTermLists {
  std::vector<std::string> title;
  std::vector<std::string> text;
};
ArticleTermLists ListArticleTerms(const Article& article);
// ArticleTerms(article) from ListArticleTerms(article).
std::vector<TermCount> ArticleTerms(const ArticleTermLists& lists);

// Equal for two copies of one article from one outlet, whatever their URLs:
// a hash of outlet, title and text after case folding and whitespace
// collapsing. Copies of one text at two outlets differ on purpose (they are
// two sources of the same text, not one article).
std::uint64_t ContentFingerprint(const Article& article);

// Near-duplicate detection (syndication): a 64-bit SimHash over the text's
// overlapping runs of kShingleTerms terms, each hashed with xxHash. Two
// copies of one text, with a different headline, a credit line or a
// changed word, differ in a few bits; two texts on one event written apart
// differ in about half. Texts with fewer terms than a shingle give 0.
inline constexpr std::size_t kShingleTerms = 4;
std::uint64_t TextSimhash(std::string_view text);
// TextSimhash(text) from Terms(text).
std::uint64_t TermsSimhash(const std::vector<std::string>& terms);
// Bits in which two SimHashes differ.
int SimhashDistance(std::uint64_t a, std::uint64_t b);

// What storing an article derives from its outlet, title and text alone,
// so that it can be computed on the thread that read the article: ingest
// reads on several threads and commits on one (Store::Commit).
struct ArticleDigest {
  std::uint64_t fingerprint = 0;  // ContentFingerprint
  ArticleTermLists term_lists;    // ListArticleTerms
  std::vector<TermCount> terms;   // ArticleTerms
  std::uint64_t simhash = 0;      // TermsSimhash of the text's terms
};
ArticleDigest DigestArticle(const Article& article);

// Collapses runs of white space (ASCII and Unicode) to one space and trims.
std::string CollapseWhitespace(std::string_view text);

// Byte offset of the first ill-formed UTF-8 sequence; text.size() if none.
std::size_t FirstInvalidUtf8(std::string_view text);

// Sets up the HTML parser's process-wide state. Call once before extracting
// on several threads at once (every extractor is then safe to call
// concurrently); calling it again does nothing.
void PrepareExtractionThreads();

// ---------------------------------------------------------------------------
// Feeds, sitemaps, OPML and URL lists (extract/feeds.cc, extract/sitemaps.cc,
// extract/charset.cc). Pure functions like everything in this header.

struct FeedEnclosure {
  std::string url;   // absolute
  std::string type;  // MIME type; may be empty
  std::optional<std::uint64_t> length;
  std::string medium;  // Media RSS medium ("image", "video", …); may be empty
};

// One entry of a feed. Text fields come twice: as plain text (markup
// stripped, entities decoded, whitespace collapsed) and as HTML.
struct FeedEntry {
  std::string title, title_html;
  // Absolute: resolved against xml:base and the feed URL. Without a link
  // element, a permalink guid (or Atom id) that is an http(s) URL.
  std::string link;
  std::string id;  // guid, Atom id or rdf:about, as written (permalinks resolved)
  std::optional<UnixSeconds> published;
  std::optional<UnixSeconds> updated;
  std::string author;
  std::string summary, summary_html;
  std::string content, content_html;
  std::vector<FeedEnclosure> enclosures;  // enclosures and media:content
  std::vector<std::string> thumbnails;    // media:thumbnail URLs
  std::vector<std::string> tags;
};

struct Feed {
  // "rss090", "rss091", "rss092", "rss10", "rss20", "atom03", "atom10",
  // "json10", "json11", or "" when unknown.
  std::string version;
  std::string title, link, id, language;
  // When the feed last changed; its publication date when it gives no other.
  std::optional<UnixSeconds> updated;
  // The input was not well-formed (bad XML, wrong encoding, truncation):
  // what could be recovered is here, and ill_formed_reason says what was wrong.
  bool ill_formed = false;
  std::string ill_formed_reason;
  std::vector<FeedEntry> entries;
};

struct FeedOptions {
  // Inputs larger than this are refused with kTooLarge. Default: 16 MiB.
  std::size_t max_input_bytes = 16u << 20;
  // Entries read from one feed; the rest are dropped and the feed marked
  // ill-formed. Default: 10,000.
  std::size_t max_entries = 10000;
  // Deepest element or JSON nesting read. Default: 64.
  int max_depth = 64;
};

// RSS 0.9x/1.0/2.0, Atom 0.3/1.0 (pugixml) and JSON Feed 1.0/1.1 (simdjson),
// with Dublin Core, content:encoded and Media RSS. `url` is the feed's own
// URL (relative links resolve against it); `content_type` is the HTTP
// Content-Type when there was one (its charset is weighed against the BOM and
// the XML declaration). Ill-formed feeds are recovered where possible and
// marked; fails with kInvalidInput only when nothing feed-like is there.
Result<Feed> ParseFeed(std::string_view bytes, std::string_view url,
                       std::string_view content_type = {}, const FeedOptions& options = {});

struct SitemapUrl {
  std::string loc;  // absolute
  std::optional<UnixSeconds> lastmod;
  // Google News sitemap fields; empty when absent.
  std::string news_title;
  std::string news_publication;
  std::optional<UnixSeconds> news_published;
};

struct Sitemap {
  bool is_index = false;  // a sitemap index: `urls` are further sitemaps
  std::vector<SitemapUrl> urls;
  bool ill_formed = false;
  std::string ill_formed_reason;
};

// <urlset> and <sitemapindex>, plain-text sitemaps (one URL a line). Fails
// with kInvalidInput when the input is neither.
Result<Sitemap> ParseSitemap(std::string_view bytes, std::string_view url,
                             const FeedOptions& options = {});

// A source named in an OPML file or a URL list.
struct SourceSpec {
  std::string url;       // the feed (xmlUrl) or page/sitemap URL, absolute
  std::string html_url;  // OPML htmlUrl; may be empty
  std::string title;
  std::vector<std::string> tags;  // titles of the enclosing OPML outlines
};

// OPML outlines with xmlUrl (or url/htmlUrl when there is no xmlUrl).
Result<std::vector<SourceSpec>> ParseOpml(std::string_view bytes, std::string_view url,
                                          const FeedOptions& options = {});
// One URL a line; blank lines and `#` comments skipped; relative lines are
// refused (kInvalidInput names the line number).
Result<std::vector<SourceSpec>> ParseUrlList(std::string_view text);

// What a fetched or local document is, from its first bytes and the HTTP
// Content-Type.
enum class DocumentKind { kFeed, kSitemap, kOpml, kHtml, kUnknown };
DocumentKind SniffDocument(std::string_view bytes, std::string_view content_type = {});

// The charset parameter of an HTTP Content-Type ("text/html; Charset=\"ISO-8859-1\"" →
// "iso-8859-1"), unquoted and lower-cased; empty when there is none.
std::string CharsetOfContentType(std::string_view content_type);

// Converts `bytes` in `charset` (an IANA name: "windows-1252", "gb2312",
// "shift_jis", …) to UTF-8 with ICU. Fails with kUnsupported for an unknown
// charset; malformed sequences become U+FFFD.
Result<std::string> ToUtf8(std::string_view bytes, std::string_view charset);

// Plain text of an HTML fragment: markup stripped, entities decoded,
// whitespace collapsed.
std::string HtmlToText(std::string_view html);

}  // namespace newsdesk

#endif  // NEWSDESK_EXTRACT_EXTRACT_H_
