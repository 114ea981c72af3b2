// Plain-text articles, sidecar metadata, and the checks every extractor shares.
#include <simdjson.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <string>

#include "extract/extract.h"
#include "extract/internal.h"

namespace newsdesk {
namespace extract_internal {

Status CheckInput(std::string_view bytes, const ExtractOptions& options) {
  if (bytes.size() > options.max_input_bytes) {
    return Status::TooLarge("input is " + std::to_string(bytes.size()) +
                            " bytes, over the limit of " + std::to_string(options.max_input_bytes) +
                            " bytes (max_input_bytes)");
  }
  if (CollapseWhitespace(bytes.substr(0, 4096)).empty() && CollapseWhitespace(bytes).empty()) {
    return Status::InvalidInput("empty input");
  }
  // Text never holds NUL bytes; binary formats almost always do early on.
  std::string_view head = bytes.substr(0, 8192);
  std::size_t controls = 0;
  for (unsigned char c : head) {
    if (c == 0) return Status::InvalidInput("binary data (NUL bytes), not a text or HTML document");
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++controls;
  }
  if (controls * 10 > head.size()) {
    return Status::InvalidInput("binary data (control characters), not a text or HTML document");
  }
  return Status::Ok();
}

Status FinishArticle(Article& a, const ArticleOverrides& o) {
  if (o.url) {
    if (auto u = CanonicalUrl(*o.url)) {
      a.canonical_url = *u;
    } else {
      return Status::InvalidInput("the given url '" + *o.url + "' is not an http(s) or file URL");
    }
  }
  if (o.outlet) a.outlet = *o.outlet;
  if (o.title) a.title = *o.title;
  if (o.byline) a.byline = *o.byline;
  if (o.published) a.published = *o.published;
  if (o.language) a.language = *o.language;

  if (a.canonical_url.empty()) {
    if (auto u = CanonicalUrl(a.url)) a.canonical_url = *u;
  }
  if (a.canonical_url.empty()) {
    return Status::InvalidInput("no URL for the article: give one in a sidecar .meta.json");
  }
  a.outlet = CollapseWhitespace(a.outlet);
  if (a.outlet.empty()) a.outlet = RegistrableDomain(a.canonical_url);
  if (a.outlet.empty()) a.outlet = RegistrableDomain(a.url);
  if (a.outlet.empty()) a.outlet = "unknown";
  a.title = CollapseWhitespace(a.title);
  if (a.text.empty()) return Status::NotFound("no article text");
  if (a.title.empty()) return Status::InvalidInput("no title");
  return Status::Ok();
}

}  // namespace extract_internal

namespace {

// Whether the sentence of `line` (collapsed) goes on in `next`: `next` opens
// in lower case or with a closing mark, or `line` stops on a comma, a hyphen
// or a word that cannot end a sentence. A line that ends without a full stop
// and is followed by a capital is a headline or a list item: it ends there.
bool LineRunsOn(std::string_view line, std::string_view next) {
  if (next.empty() || line.empty()) return true;
  const unsigned char first = static_cast<unsigned char>(next.front());
  if ((first >= 'a' && first <= 'z') || first == ',' || first == ';' || first == ')') return true;
  const char last = line.back();
  if (last == ',' || last == '-' || last == '(' || last == ':' || last == ';') return true;
  const auto space = line.find_last_of(' ');
  const std::string_view word = space == std::string_view::npos ? line : line.substr(space + 1);
  for (std::string_view w : {"and", "or", "of", "the", "a", "an", "to", "in", "by", "for", "with"})
    if (word == w) return true;
  return false;
}

}  // namespace

std::size_t FirstInvalidUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t len = static_cast<int32_t>(std::min<std::size_t>(text.size(), INT32_MAX));
  int32_t i = 0;
  while (i < len) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c < 0) return static_cast<std::size_t>(start);
  }
  return text.size();
}

Result<Article> ExtractTextArticle(std::string_view text, std::string_view url,
                                   const ArticleOverrides& overrides,
                                   const ExtractOptions& options) {
  if (Status s = extract_internal::CheckInput(text, options); !s.ok()) return s;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (!simdjson::validate_utf8(text.data(), text.size())) {
    return Status::InvalidInput("not valid UTF-8 (first bad byte at offset " +
                                std::to_string(FirstInvalidUtf8(text)) +
                                "); convert it first, e.g. iconv -f windows-1252 -t utf-8");
  }

  Article a;
  a.url = std::string(url);
  std::string paragraph;
  bool have_title = false;
  auto flush = [&] {
    std::string p = CollapseWhitespace(paragraph);
    paragraph.clear();
    if (p.empty()) return;
    if (!a.text.empty()) a.text += "\n\n";
    a.text += p;
  };
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    std::string collapsed = CollapseWhitespace(line);
    if (!have_title) {
      if (!collapsed.empty()) {
        a.title = collapsed;
        have_title = true;
      }
    } else if (collapsed.empty()) {
      flush();
    } else {
      // A line break inside a paragraph is a wrap only when the sentence
      // runs on across it; a headline, a list item or a paragraph written
      // on one line ends there.
      if (!paragraph.empty() && !LineRunsOn(paragraph, collapsed)) flush();
      paragraph += ' ';
      paragraph += collapsed;
    }
    if (end == text.size()) break;
  }
  flush();
  if (Status s = extract_internal::FinishArticle(a, overrides); !s.ok()) return s;
  return a;
}

Result<ArticleOverrides> ParseSidecar(std::string_view json) {
  simdjson::dom::parser parser;
  simdjson::padded_string padded(json);
  simdjson::dom::element root;
  if (auto err = parser.parse(padded).get(root); err) {
    return Status::InvalidInput(std::string("malformed JSON: ") + simdjson::error_message(err));
  }
  simdjson::dom::object obj;
  if (root.get(obj)) return Status::InvalidInput("expected a JSON object");
  ArticleOverrides o;
  for (auto field : obj) {
    std::string_view key = field.key;
    std::optional<std::string>* slot = nullptr;
    if (key == "url") slot = &o.url;
    if (key == "outlet") slot = &o.outlet;
    if (key == "title") slot = &o.title;
    if (key == "byline") slot = &o.byline;
    if (key == "language") slot = &o.language;
    if (slot == nullptr && key != "published") continue;
    std::string_view value;
    if (field.value.get(value)) {
      return Status::InvalidInput("\"" + std::string(key) + "\" must be a string");
    }
    if (key == "published") {
      o.published = ParseDateTime(value);
      if (!o.published) {
        return Status::InvalidInput("\"published\" is not a date: '" + std::string(value) + "'");
      }
    } else {
      *slot = std::string(value);
    }
  }
  return o;
}

}  // namespace newsdesk
