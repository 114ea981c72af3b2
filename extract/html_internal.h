// Private to extract/: the pieces of the HTML extractor (article_html.cc
// drives them; main_text.cc finds the article's text; html_metadata.cc reads
// everything else a page says about itself).
//
// Everything here works on a libxml2 tree the caller owns and keeps alive;
// nothing keeps state between calls.
#ifndef NEWSDESK_EXTRACT_HTML_INTERNAL_H_
#define NEWSDESK_EXTRACT_HTML_INTERNAL_H_

#include <libxml/tree.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extract.h"

namespace newsdesk::html_internal {

inline std::string_view Name(const xmlNode* n) {
  return n->name ? reinterpret_cast<const char*>(n->name) : std::string_view();
}

// The attribute's value, or empty. HTML attribute names arrive lower-cased.
std::string Attr(const xmlNode* n, std::string_view name);

// The text of a subtree, whitespace collapsed, at most `max_bytes` long
// (cut on a character boundary). Script and style text is left out.
std::string NodeText(const xmlNode* n, std::size_t max_bytes = 4096);

std::string AsciiLower(std::string_view s);

// The elements a walk over the page sets aside for the metadata reader, in
// document order.
struct PageElements {
  const xmlNode* title = nullptr;         // the first <title> outside <svg>
  std::vector<const xmlNode*> metas;      // <meta>
  std::vector<const xmlNode*> links;      // <link>
  std::vector<const xmlNode*> json_ld;    // <script type="application/ld+json">
  std::vector<const xmlNode*> h1s;        // <h1>, first few
  std::vector<const xmlNode*> times;      // <time>, first few
  std::vector<const xmlNode*> authors;    // rel=author, itemprop=author, class/id "byline"…
  std::vector<const xmlNode*> itemprops;  // elements with an itemprop of a date or section
  std::vector<const xmlNode*> dates;      // elements whose class or id says date or time
  // Short lines that start like a byline ("By Jane Roe · 3 min read").
  std::vector<std::string> by_lines;
};

// The main text of a page and where it was found.
struct MainText {
  std::string text;  // paragraphs separated by a blank line; empty when none
  // The element the text was taken from (its top candidate); null when none.
  const xmlNode* container = nullptr;
  // The first image inside what the text was taken from (data-src or src,
  // as written); empty when none.
  std::string first_image;
  // Lines left out at either end of the text because they only gave a date
  // ("Updated 1:39 am EST, Wednesday, November 20, 2019").
  std::vector<std::string> timestamp_lines;
};

struct MainTextOptions {
  // The page's headline: a line repeating it is not text, and of several
  // <article>s the one with a heading saying it is the page's story.
  std::string title;
};

// The page as the main-text finder sees it, built by one walk over the tree:
// a table of its elements in document order and of its runs of text. Holds
// pointers into the tree, which must outlive it.
class PageModel {
 public:
  // Walks the tree under `root` no deeper than `max_depth` and over no more
  // than `max_elements` elements, setting aside in *elements what the
  // metadata reader needs. `input_bytes`, the size of the page parsed, only
  // sizes the tables up front.
  PageModel(const xmlNode* root, std::size_t input_bytes, int max_depth, std::size_t max_elements,
            PageElements* elements);
  ~PageModel();
  PageModel(const PageModel&) = delete;  // large, and points into the tree
  PageModel& operator=(const PageModel&) = delete;

  // The article's text (main_text.cc says how it is found); empty text when
  // the page has none.
  MainText FindMainText(const MainTextOptions& options) const;

  // The walk stopped at max_elements.
  bool truncated() const;

  struct Data;

 private:
  std::unique_ptr<Data> data_;
};

// What a page says about itself, read from its <head>, JSON-LD and
// microdata (html_metadata.cc). Strings are whitespace-collapsed; URLs are
// absolute.
struct PageMetadata {
  std::string title;  // without the site name
  std::string outlet, canonical_url, language, image, section;
  std::vector<std::string> authors;
  std::vector<std::string> keywords;
  std::optional<UnixSeconds> published, modified;
  std::optional<int> published_offset, modified_offset;  // minutes east of UTC
  std::string linked_data_body;                          // JSON-LD articleBody
};

// Reads the metadata. `outlet_hint` (a caller's override) helps strip the
// site name from the title. JSON-LD scripts over max_json_ld_bytes are
// skipped.
PageMetadata ReadMetadata(const xmlNode* root, const PageElements& elements,
                          std::string_view page_url, std::string_view outlet_hint,
                          std::size_t max_json_ld_bytes);

// What the page's text and URL add when its metadata said nothing: the
// first image of the article; a publication date from the URL's path
// (/2026/10/14/), from a date shown by the article (a byline's or a dated
// element's text near its text), from a dateline opening the text
// ("WASHINGTON, Oct. 14, 2026 —") or from a date line left out of it, in
// that order. Dates found in text are days (00:00 UTC, offset unknown).
void FillFromPage(const MainText& text, const PageElements& elements, std::string_view page_url,
                  PageMetadata* meta);

}  // namespace newsdesk::html_internal

#endif  // NEWSDESK_EXTRACT_HTML_INTERNAL_H_
