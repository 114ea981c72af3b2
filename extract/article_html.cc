// HTML → Article on libxml2's HTML parser.
//
// The bytes are read as UTF-8 first (charset.cc decides the charset: BOM,
// transport, <meta>, detection), parsed once, and walked once
// (main_text.cc): the walk builds the table the main text is found in and
// sets aside the elements metadata is read from (html_metadata.cc).
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <cctype>
#include <cstring>
#include <memory>
#include <string>

#include "extract/extract.h"
#include "extract/html_internal.h"
#include "extract/internal.h"

namespace newsdesk {
namespace {

struct DocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

// Prepares the page for libxml2. Two jobs, one scan:
//  - A page with an element of more than max_attributes attributes, or a
//    tag of more than max_tag_bytes bytes, is refused (returns false):
//    libxml2's duplicate-attribute check is quadratic. An attribute takes a
//    byte at least, so only a tag longer than max_attributes has its
//    attributes counted.
//  - What libxml2 would only store and nothing here reads is left out of
//    *out: the text of scripts other than JSON-LD, of style sheets, and
//    comments. They are half the bytes of a typical news page; libxml2
//    ends them the same way (at "</script", "</style", "-->").
bool PrepareForParse(std::string_view html, std::size_t max_attributes, std::size_t max_tag_bytes,
                     std::string* out) {
  const char* const begin = html.data();
  const char* const end = begin + html.size();
  auto lower = [](char c) { return static_cast<char>(c | 0x20); };
  auto starts_with = [&](const char* at, std::string_view word) {
    if (static_cast<std::size_t>(end - at) < word.size()) return false;
    for (std::size_t k = 0; k < word.size(); ++k) {
      if (lower(at[k]) != word[k]) return false;
    }
    return true;
  };
  auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  };
  out->clear();
  out->reserve(html.size());
  const char* copied = begin;  // what precedes this is in *out
  auto skip = [&](const char* from, const char* to) {
    out->append(copied, static_cast<std::size_t>(from - copied));
    copied = to;
  };
  const char* p = begin;
  while ((p = static_cast<const char*>(std::memchr(p, '<', static_cast<std::size_t>(end - p)))) !=
         nullptr) {
    if (end - p < 2) break;
    char next = p[1];
    if (next == '!') {
      std::string_view rest(p, static_cast<std::size_t>(end - p));
      bool comment = rest.compare(0, 4, "<!--") == 0;
      std::size_t close = comment ? rest.find("-->", 4) : rest.find('>');
      if (close == std::string_view::npos) break;
      const char* after = p + close + (comment ? 3 : 1);
      if (comment) skip(p, after);
      p = after;
      continue;
    }
    if (!std::isalpha(static_cast<unsigned char>(next)) && next != '/') {
      ++p;  // "a < b" in text
      continue;
    }
    // The tag's end: the first '>' outside an attribute value's quotes.
    const char* q = p + 1;
    for (; q < end; ++q) {
      char c = *q;
      if (c == '>') break;
      if (c != '"' && c != '\'') continue;
      const char* before = q - 1;
      while (before > p && is_space(*before)) --before;
      if (*before != '=') continue;  // quotes open a value only after '='
      const void* close = std::memchr(q + 1, c, static_cast<std::size_t>(end - q - 1));
      if (close == nullptr) {
        q = end;
        break;
      }
      q = static_cast<const char*>(close);
    }
    std::size_t tag_bytes = static_cast<std::size_t>(q - p);
    if (tag_bytes > max_tag_bytes) return false;
    if (tag_bytes > max_attributes) {
      std::size_t attributes = 0;  // the tag's name counts once too
      bool in_name = false;
      char quote = 0;
      char last = 0;
      for (const char* k = p + 1; k < q; ++k) {
        char c = *k;
        if (quote != 0) {
          if (c == quote) quote = 0;
          continue;
        }
        if ((c == '"' || c == '\'') && last == '=') {
          quote = c;
          in_name = false;
          continue;
        }
        if (!is_space(c)) last = c;
        if (is_space(c) || c == '/') {
          in_name = false;
        } else if (!in_name && c != '=') {
          in_name = true;
          ++attributes;
        }
      }
      if (attributes > max_attributes + 1) return false;
    }
    if (q >= end) break;
    // Raw text: up to the element's end tag, left out unless it is JSON-LD.
    bool script = starts_with(p + 1, "script") && !std::isalnum(static_cast<unsigned char>(p[7]));
    bool style = starts_with(p + 1, "style") && !std::isalnum(static_cast<unsigned char>(p[6]));
    if (script || style) {
      std::string_view close = script ? "</script" : "</style";
      const char* at = q + 1;
      while ((at = static_cast<const char*>(
                  std::memchr(at, '<', static_cast<std::size_t>(end - at)))) != nullptr &&
             !starts_with(at, close)) {
        ++at;
      }
      if (at == nullptr) at = end;
      std::string_view tag(p, tag_bytes);
      bool json_ld = false;
      for (std::size_t k = 0; script && k + 7 <= tag.size() && !json_ld; ++k) {
        json_ld = starts_with(p + k, "ld+json");
      }
      if (!json_ld) skip(q + 1, at);
      p = at;
      continue;
    }
    p = q + 1;
  }
  out->append(copied, static_cast<std::size_t>(end - copied));
  return true;
}

// Whether CheckInput would surely pass `text`: it is within the size limit,
// has a visible ASCII character early on, and its head holds no NUL and
// few control characters. CheckInput's own test for emptiness reads the
// head character by character; this spares most pages that.
bool SurelyPassesCheckInput(std::string_view text, const ExtractOptions& options) {
  constexpr std::size_t kHead = 8192;  // what CheckInput inspects for control characters
  constexpr std::size_t kVisibleWithin = 4096;
  if (text.size() > options.max_input_bytes) return false;
  std::string_view head = text.substr(0, kHead);
  bool visible = false;
  std::size_t controls = 0;
  for (std::size_t i = 0; i < head.size(); ++i) {
    auto c = static_cast<unsigned char>(head[i]);
    if (c == 0) return false;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++controls;
    if (i < kVisibleWithin && c > 0x20 && c < 0x7F) visible = true;
  }
  return visible && controls * 10 <= head.size();
}

// JSON-LD's articleBody as text: plain text with a line per paragraph, or
// HTML (some CMSs put the body's markup there).
std::string LinkedDataText(std::string_view body) {
  std::string text;
  auto add = [&](std::string_view piece) {
    std::string paragraph = HtmlToText(piece);
    if (paragraph.empty()) return;
    if (!text.empty()) text += "\n\n";
    text += paragraph;
  };
  // Paragraphs end at a line break, "</p>" or "<br>".
  std::size_t start = 0;
  for (std::size_t i = 0; i < body.size(); ++i) {
    std::size_t skip = 0;
    if (body[i] == '\n') {
      skip = 1;
    } else if (body[i] == '<' && i + 3 < body.size()) {
      std::string tag = html_internal::AsciiLower(body.substr(i, 6));
      if (tag.rfind("</p>", 0) == 0) skip = 4;
      if (tag.rfind("<br", 0) == 0) {
        std::size_t close = body.find('>', i);
        skip = close == std::string_view::npos ? 0 : close - i + 1;
      }
    }
    if (skip == 0) continue;
    add(body.substr(start, i - start));
    i += skip - 1;
    start = i + 1;
  }
  add(body.substr(start));
  return text;
}

}  // namespace

Result<Article> ExtractHtmlArticle(std::string_view html, std::string_view url,
                                   const ArticleOverrides& overrides,
                                   const ExtractOptions& options) {
  if (html.size() > options.max_input_bytes) {
    return extract_internal::CheckInput(html, options);  // says kTooLarge with the limit
  }
  extract_internal::DecodedHtml decoded = extract_internal::DecodeHtml(html, options.charset);
  std::string_view text = decoded.Text(html);
  if (!SurelyPassesCheckInput(text, options)) {
    if (Status s = extract_internal::CheckInput(text, options); !s.ok()) return s;
  }
  std::string prepared;
  if (!PrepareForParse(text, options.max_attributes_per_element, options.max_tag_bytes,
                       &prepared)) {
    return Status::TooLarge("an element has more than " +
                            std::to_string(options.max_attributes_per_element) +
                            " attributes or a tag over " + std::to_string(options.max_tag_bytes) +
                            " bytes (max_attributes_per_element, max_tag_bytes)");
  }
  std::string base(url);
  // XML_PARSE_HUGE: libxml2 otherwise drops everything nested deeper than
  // 256 elements without a word; our own walk stops at max_dom_depth. The
  // text is UTF-8 by now, whatever the page's <meta> says.
  std::unique_ptr<xmlDoc, DocDeleter> doc(htmlReadMemory(
      prepared.data(), static_cast<int>(prepared.size()), base.empty() ? nullptr : base.c_str(),
      "UTF-8",
      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
          HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE));
  if (!doc) return Status::InvalidInput("not an HTML document (libxml2 could not parse it)");
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (root == nullptr) return Status::InvalidInput("not an HTML document (no root element)");

  html_internal::PageElements elements;
  html_internal::PageModel page(root, prepared.size(), options.max_dom_depth, options.max_elements,
                                &elements);
  html_internal::PageMetadata meta = html_internal::ReadMetadata(
      root, elements, base, overrides.outlet.value_or(std::string()), options.max_json_ld_bytes);
  html_internal::MainTextOptions text_options;
  text_options.title = overrides.title.value_or(meta.title);
  html_internal::MainText main = page.FindMainText(text_options);
  // JSON-LD's articleBody, when the page has one, checks what was found:
  // text much shorter than it means the page's markup hid the article (a
  // page its scripts fill in, a template the finder misread).
  if (!meta.linked_data_body.empty()) {
    constexpr std::size_t kMinBodyBytes = 500;
    constexpr std::size_t kShortFactor = 4;
    std::string body = LinkedDataText(meta.linked_data_body);
    if (main.text.empty() ||
        (body.size() >= kMinBodyBytes && main.text.size() * kShortFactor < body.size())) {
      main.text = std::move(body);
    }
  }
  html_internal::FillFromPage(main, elements, base, &meta);

  Article a;
  a.url = base;
  a.canonical_url = meta.canonical_url;
  a.outlet = meta.outlet;
  a.title = meta.title;
  a.authors = meta.authors;
  for (const std::string& name : a.authors) {
    if (!a.byline.empty()) a.byline += ", ";
    a.byline += name;
  }
  a.published = meta.published;
  a.published_utc_offset_minutes = meta.published_offset;
  a.modified = meta.modified;
  a.modified_utc_offset_minutes = meta.modified_offset;
  a.language = meta.language;
  a.image = meta.image;
  a.section = meta.section;
  a.keywords = meta.keywords;
  a.charset = decoded.charset;
  a.text = std::move(main.text);
  if (a.text.empty() && page.truncated()) {
    return Status::TooLarge("no article text in the first " + std::to_string(options.max_elements) +
                            " elements of the page (max_elements)");
  }
  if (Status s = extract_internal::FinishArticle(a, overrides); !s.ok()) return s;
  return a;
}

void PrepareExtractionThreads() { xmlInitParser(); }

}  // namespace newsdesk
