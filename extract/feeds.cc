// Feeds: RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and CDF on pugixml, JSON Feed 1.0/1.1
// on simdjson, with Dublin Core, content:encoded and Media RSS.
//
// XML goes through three steps. DecodeXml (charset.cc) turns the bytes into
// UTF-8. XmlRepairer rewrites what pugixml would refuse or misread, so one
// recovering pass replaces the strict-then-loose pair of parsers feed readers
// usually carry: HTML named entities become numeric references, bare '&' and
// '<' are escaped, illegal control characters dropped, attributes quoted, the
// DOCTYPE removed (its literal internal entities substituted, never
// recursively), stray end tags dropped and unclosed ones closed. Then
// FeedReader walks the tree, resolving namespaces, xml:base and xml:lang per
// element, and maps elements to Feed and FeedEntry fields the way feed
// readers agree on (feedparser being the reference: its test corpus is what
// tools/feed_conformance measures against).
#include <curl/curl.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlIO.h>
#include <simdjson.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/extract.h"
#include "extract/feeds_internal.h"

namespace newsdesk {
namespace feeds_internal {
namespace {

// Longest entity name looked at after '&' (the longest HTML5 name has 31).
constexpr std::size_t kMaxEntityName = 40;
// DOCTYPE internal entities substituted: how many and how long each may be.
constexpr std::size_t kMaxDtdEntities = 256;
constexpr std::size_t kMaxDtdEntityValue = 1024;

bool IsNameStart(unsigned char c) { return std::isalpha(c) || c == '_' || c == ':' || c >= 0x80; }
bool IsNameChar(unsigned char c) {
  return IsNameStart(c) || std::isdigit(c) || c == '-' || c == '.';
}
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool IsXmlChar(uint32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// The digits of a numeric character reference: `s` from `pos` holds
// "38;" or "x26;" (what follows "&#"). Its value and the position of the ';'
// when there are 1 to max_digits digits and then ';'.
struct NumericReference {
  uint64_t value = 0;
  std::size_t semicolon = 0;
};
std::optional<NumericReference> ReadNumericReference(std::string_view s, std::size_t pos,
                                                     std::size_t max_digits) {
  std::size_t p = pos;
  bool hex = p < s.size() && (s[p] == 'x' || s[p] == 'X');
  if (hex) ++p;
  std::size_t digits = p;
  uint64_t value = 0;
  while (p < s.size() && p - digits < max_digits &&
         (hex ? std::isxdigit(static_cast<unsigned char>(s[p]))
              : std::isdigit(static_cast<unsigned char>(s[p])))) {
    char d = static_cast<char>(std::tolower(static_cast<unsigned char>(s[p])));
    value = value * (hex ? 16 : 10) + static_cast<uint64_t>(d <= '9' ? d - '0' : d - 'a' + 10);
    ++p;
  }
  if (p == digits || p >= s.size() || s[p] != ';') return std::nullopt;
  return NumericReference{value, p};
}

// Whether `s` starts with a well-formed reference to a character XML allows
// ("&#38;", "&#x26;").
bool IsCharacterReference(std::string_view s) {
  if (s.size() < 4 || s[0] != '&' || s[1] != '#') return false;
  auto ref = ReadNumericReference(s, 2, 8);
  return ref && ref->value <= 0x10FFFF && IsXmlChar(static_cast<uint32_t>(ref->value));
}

// Rewrites UTF-8 text that is almost XML into XML that pugixml reads the way
// a forgiving reader would. See the file comment for what it repairs.
class XmlRepairer {
 public:
  explicit XmlRepairer(std::string_view in) : in_(in) {}
  XmlRepairer(const XmlRepairer&) = delete;  // holds views into its input
  XmlRepairer& operator=(const XmlRepairer&) = delete;

  std::string Run() {
    out_.reserve(in_.size() + in_.size() / 8);
    std::size_t first = in_.find('<');
    if (first == std::string_view::npos) return {};
    for (std::size_t i = 0; i < first; ++i) {
      if (!IsSpace(in_[i])) {
        Note("text before the first element");
        break;
      }
    }
    pos_ = first;
    while (pos_ < in_.size()) {
      char c = in_[pos_];
      if (c == '<') {
        Markup();
      } else if (c == '&') {
        Reference(out_, false, !open_.empty());
      } else {
        Text();
      }
    }
    if (!open_.empty()) Note("unclosed elements at the end of the document (truncated?)");
    while (!open_.empty()) PopOpen();
    return std::move(out_);
  }

  const std::string& problem() const { return problem_; }

 private:
  void Note(std::string what) {
    if (problem_.empty()) problem_ = std::move(what);
  }

  bool StartsWith(std::string_view prefix) const {
    return in_.compare(pos_, prefix.size(), prefix) == 0;
  }

  // Character data up to the next '<' or '&', illegal characters dropped.
  // Text outside the root element is dropped.
  void Text() {
    std::size_t end = in_.find_first_of("<&", pos_);
    if (end == std::string_view::npos) end = in_.size();
    std::string_view run = in_.substr(pos_, end - pos_);
    pos_ = end;
    if (open_.empty()) {
      for (char ch : run) {
        if (!IsSpace(ch)) {
          Note("text outside the root element");
          break;
        }
      }
      return;
    }
    AppendLegal(out_, run, false);
  }

  // Appends `run` without the characters XML forbids; in attribute values
  // '<' and '"' are escaped too.
  void AppendLegal(std::string& out, std::string_view run, bool attribute) {
    auto special = [attribute](unsigned char c) {
      return c < 0x20 || c == 0xEF || c == '>' || (attribute && (c == '<' || c == '"'));
    };
    for (std::size_t i = 0; i < run.size(); ++i) {
      auto c = static_cast<unsigned char>(run[i]);
      if (!special(c)) {
        std::size_t end = i + 1;
        while (end < run.size() && !special(static_cast<unsigned char>(run[end]))) ++end;
        out.append(run.substr(i, end - i));
        i = end - 1;
        continue;
      }
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        Note("illegal control character");
        continue;
      }
      // U+FFFE and U+FFFF are not characters.
      if (c == 0xEF && i + 2 < run.size() && static_cast<unsigned char>(run[i + 1]) == 0xBF &&
          (static_cast<unsigned char>(run[i + 2]) & 0xFE) == 0xBE) {
        Note("illegal character U+FFFE/U+FFFF");
        i += 2;
        continue;
      }
      if (attribute && c == '<') {
        out += "&lt;";
      } else if (attribute && c == '"') {
        out += "&quot;";
      } else if (!attribute && c == '>' && i >= 2 && run[i - 1] == ']' && run[i - 2] == ']') {
        out += "&gt;";  // "]]>" may not appear in character data
      } else {
        out += static_cast<char>(c);
      }
    }
  }

  // A reference at in_[pos_] == '&', appended to `out` as XML.
  void Reference(std::string& out, bool attribute, bool keep) {
    std::size_t start = pos_;
    std::size_t p = pos_ + 1;
    auto bare = [&](const char* why) {
      Note(why);
      if (keep) out += "&amp;";
      pos_ = start + 1;
    };
    if (p < in_.size() && in_[p] == '#') {
      auto ref = ReadNumericReference(in_, p + 1, 10);
      if (!ref) return bare("bare '&' in text");
      uint64_t value = ref->value;
      pos_ = ref->semicolon + 1;
      // C1 references (&#150;) stay as they are: the text fields map them
      // to windows-1252 after undoing double encoding (FeedReader::Clean).
      uint32_t c = value > 0x10FFFF ? 0 : static_cast<uint32_t>(value);
      if (!IsXmlChar(c)) {
        Note("character reference to an illegal character");
        return;
      }
      if (keep) out += "&#" + std::to_string(c) + ";";
      return;
    }
    std::size_t name_start = p;
    while (p < in_.size() && p - name_start <= kMaxEntityName &&
           (std::isalnum(static_cast<unsigned char>(in_[p])) || in_[p] == '_' || in_[p] == '-' ||
            in_[p] == '.')) {
      ++p;
    }
    if (p == name_start || p >= in_.size() || in_[p] != ';') return bare("bare '&' in text");
    std::string_view name = in_.substr(name_start, p - name_start);
    pos_ = p + 1;
    if (!keep) return;
    if (name == "lt" || name == "gt" || name == "amp" || name == "quot" || name == "apos") {
      out.append(in_.substr(start, p + 1 - start));
      return;
    }
    if (auto it = dtd_entities_.find(std::string(name)); it != dtd_entities_.end()) {
      AppendLegal(out, it->second, attribute);
      return;
    }
    if (auto html = LookupHtmlEntity(name)) {
      Note("HTML entity &" + std::string(name) + "; is not defined in XML");
      AppendNumericReferences(out, *html);
      return;
    }
    Note("undefined entity &" + std::string(name) + ";");
    out += "&amp;";
    out.append(name);
    out += ';';
  }

  void Markup() {
    if (StartsWith("<!--")) {
      std::size_t end = in_.find("-->", pos_ + 4);
      if (end == std::string_view::npos) {
        Note("unterminated comment (truncated?)");
        pos_ = in_.size();
      } else {
        pos_ = end + 3;
      }
    } else if (StartsWith("<![CDATA[")) {
      std::size_t begin = pos_ + 9;
      std::size_t end = in_.find("]]>", begin);
      std::string_view data;
      if (end == std::string_view::npos) {
        Note("unterminated CDATA section (truncated?)");
        data = in_.substr(begin);
        pos_ = in_.size();
      } else {
        data = in_.substr(begin, end - begin);
        pos_ = end + 3;
      }
      if (open_.empty()) return;
      out_ += "<![CDATA[";
      AppendLegal(out_, data, false);
      out_ += "]]>";
    } else if (StartsWith("<!")) {
      Declaration();
    } else if (StartsWith("<?")) {
      if (StartsWith("<?xml") && pos_ + 5 < in_.size() && IsSpace(in_[pos_ + 5]) &&
          (pos_ != in_.find('<'))) {
        Note("XML declaration not at the start of the document");
      }
      std::size_t end = in_.find("?>", pos_ + 2);
      pos_ = end == std::string_view::npos ? in_.size() : end + 2;
    } else if (pos_ + 1 < in_.size() && in_[pos_ + 1] == '/') {
      EndTag();
    } else if (pos_ + 1 < in_.size() && IsNameStart(static_cast<unsigned char>(in_[pos_ + 1]))) {
      StartTag();
    } else {
      Note("bare '<' in text");
      if (!open_.empty()) out_ += "&lt;";
      ++pos_;
    }
  }

  // <!DOCTYPE …> and other declarations are dropped; literal internal
  // general entities are kept for substitution.
  void Declaration() {
    std::size_t p = pos_ + 2;
    int brackets = 0;
    char quote = 0;
    std::size_t subset_begin = std::string_view::npos, subset_end = std::string_view::npos;
    for (; p < in_.size(); ++p) {
      char c = in_[p];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[') {
        if (brackets++ == 0) subset_begin = p + 1;
      } else if (c == ']') {
        if (--brackets == 0) subset_end = p;
      } else if (c == '>' && brackets <= 0) {
        break;
      }
    }
    if (p >= in_.size()) Note("unterminated declaration (truncated?)");
    if (subset_begin != std::string_view::npos && subset_end != std::string_view::npos &&
        subset_end > subset_begin) {
      ReadInternalSubset(in_.substr(subset_begin, subset_end - subset_begin));
    }
    pos_ = std::min(p + 1, in_.size());
  }

  void ReadInternalSubset(std::string_view subset) {
    std::size_t at = 0;
    while ((at = subset.find("<!ENTITY", at)) != std::string_view::npos) {
      at += 8;
      std::size_t p = at;
      while (p < subset.size() && IsSpace(subset[p])) ++p;
      if (p < subset.size() && subset[p] == '%') continue;  // parameter entity
      std::size_t name_start = p;
      while (p < subset.size() && IsNameChar(static_cast<unsigned char>(subset[p]))) ++p;
      std::string name(subset.substr(name_start, p - name_start));
      while (p < subset.size() && IsSpace(subset[p])) ++p;
      if (name.empty() || p >= subset.size() || (subset[p] != '"' && subset[p] != '\'')) {
        continue;  // external (SYSTEM/PUBLIC) or malformed
      }
      char quote = subset[p++];
      std::size_t end = subset.find(quote, p);
      if (end == std::string_view::npos) break;
      std::string_view value = subset.substr(p, end - p);
      at = end;
      // Only literal text and character references: an entity that refers
      // to other entities (the "billion laughs" shape) is never expanded.
      bool literal = value.size() <= kMaxDtdEntityValue && value.find('<') == std::string::npos;
      for (std::size_t amp = value.find('&'); literal && amp != std::string_view::npos;
           amp = value.find('&', amp + 1)) {
        literal = IsCharacterReference(value.substr(amp));
      }
      if (!literal) {
        Note("DOCTYPE entity &" + name + "; refers to other entities and is not expanded");
        continue;
      }
      if (dtd_entities_.size() < kMaxDtdEntities) dtd_entities_.emplace(name, std::string(value));
    }
  }

  std::string_view ReadName(std::size_t& p) const {
    std::size_t start = p;
    while (p < in_.size() && IsNameChar(static_cast<unsigned char>(in_[p]))) ++p;
    return in_.substr(start, p - start);
  }

  void EndTag() {
    std::size_t p = pos_ + 2;
    std::string_view name = ReadName(p);
    std::size_t close = in_.find('>', p);
    std::size_t next_open = in_.find('<', p);
    if (close == std::string_view::npos) {
      Note("truncated end tag");
      pos_ = in_.size();
      return;
    }
    if (next_open < close) {
      Note("end tag without '>'");
      close = next_open - 1;
    }
    pos_ = close + 1;
    if (name.empty()) {
      Note("end tag without a name");
      return;
    }
    // The nearest open element of that name, exact case first. The counts
    // keep a stray end tag from costing a walk down a deep stack.
    std::string exact(name);
    std::string folded = Lower(name);
    bool fold = open_exact_[exact] == 0;
    if (fold && open_folded_[folded] == 0) {
      Note("end tag </" + exact + "> matches no open element");
      return;
    }
    bool first = true;
    while (!open_.empty()) {
      bool match = fold ? Lower(open_.back()) == folded : open_.back() == exact;
      if (!match && first) Note("mismatched end tag </" + exact + ">");
      first = false;
      PopOpen();
      if (match) break;
    }
  }

  void PopOpen() {
    out_ += "</";
    out_ += open_.back();
    out_ += '>';
    --open_exact_[open_.back()];
    --open_folded_[Lower(open_.back())];
    open_.pop_back();
  }

  void StartTag() {
    std::size_t p = pos_ + 1;
    std::string_view name = ReadName(p);
    std::string tag = "<";
    tag.append(name);
    std::unordered_set<std::string> seen;
    bool self_closing = false;
    while (true) {
      while (p < in_.size() && IsSpace(in_[p])) ++p;
      if (p >= in_.size()) {
        Note("truncated start tag");
        pos_ = in_.size();
        return;
      }
      char c = in_[p];
      if (c == '>') {
        ++p;
        break;
      }
      if (c == '/' && p + 1 < in_.size() && in_[p + 1] == '>') {
        self_closing = true;
        p += 2;
        break;
      }
      if (c == '<') {
        Note("start tag without '>'");
        break;
      }
      std::size_t name_start = p;
      while (p < in_.size() && !IsSpace(in_[p]) && in_[p] != '=' && in_[p] != '>' &&
             in_[p] != '<' && !(in_[p] == '/' && p + 1 < in_.size() && in_[p + 1] == '>')) {
        ++p;
      }
      std::string_view attr = in_.substr(name_start, p - name_start);
      bool valid_name = !attr.empty() && IsNameStart(static_cast<unsigned char>(attr[0])) &&
                        std::all_of(attr.begin(), attr.end(), [](char ch) {
                          return IsNameChar(static_cast<unsigned char>(ch));
                        });
      if (attr.empty()) {
        ++p;  // a stray character such as '/' or '='
        Note("stray character in a start tag");
        continue;
      }
      std::size_t q = p;
      while (q < in_.size() && IsSpace(in_[q])) ++q;
      std::string value;
      bool has_value = q < in_.size() && in_[q] == '=';
      if (has_value) {
        ++q;
        while (q < in_.size() && IsSpace(in_[q])) ++q;
        if (q < in_.size() && (in_[q] == '"' || in_[q] == '\'')) {
          char quote = in_[q++];
          std::size_t end = in_.find(quote, q);
          if (end == std::string_view::npos) {
            // The closing quote is missing: the value runs to the next
            // white space or '>'.
            Note("attribute value without a closing quote");
            end = q;
            while (end < in_.size() && !IsSpace(in_[end]) && in_[end] != '>') ++end;
            value = AttributeValue(q, end);
            p = end;
          } else {
            value = AttributeValue(q, end);
            p = end + 1;
          }
        } else {
          Note("unquoted attribute value");
          std::size_t end = q;
          while (end < in_.size() && !IsSpace(in_[end]) && in_[end] != '>') ++end;
          value = AttributeValue(q, end);
          p = end;
        }
      } else {
        Note("attribute without a value");
        value = std::string(attr);
      }
      if (!valid_name) {
        Note("invalid attribute name");
        continue;
      }
      std::string key(attr);
      if (!seen.insert(key).second) {
        Note("duplicate attribute " + key);
        continue;
      }
      tag += ' ';
      tag += key;
      tag += "=\"";
      tag += value;
      tag += '"';
    }
    pos_ = p;
    if (open_.empty() && root_closed_) Note("more than one root element");
    tag += self_closing ? "/>" : ">";
    out_ += tag;
    if (!self_closing) {
      open_.emplace_back(name);
      ++open_exact_[open_.back()];
      ++open_folded_[Lower(name)];
    } else if (open_.empty()) {
      root_closed_ = true;
    }
  }

  // The attribute value in_[begin, end) as XML attribute text.
  std::string AttributeValue(std::size_t begin, std::size_t end) {
    std::string value;
    std::size_t saved = pos_;
    pos_ = begin;
    while (pos_ < end) {
      std::size_t amp = in_.find('&', pos_);
      if (amp == std::string_view::npos || amp >= end) {
        AppendLegal(value, in_.substr(pos_, end - pos_), true);
        pos_ = end;
        break;
      }
      AppendLegal(value, in_.substr(pos_, amp - pos_), true);
      pos_ = amp;
      // A reference running past the value's end is a bare '&'.
      std::string piece;
      Reference(piece, true, true);
      if (pos_ > end) {
        value += "&amp;";
        pos_ = amp + 1;
      } else {
        value += piece;
      }
    }
    pos_ = saved;
    return value;
  }

  std::string_view in_;
  std::size_t pos_ = 0;
  std::string out_;
  std::string problem_;
  std::vector<std::string> open_;  // names of the open elements, innermost last
  std::unordered_map<std::string, int> open_exact_, open_folded_;  // how many of each are open
  bool root_closed_ = false;
  std::map<std::string, std::string> dtd_entities_;
};

}  // namespace

bool LoadXml(std::string_view bytes, std::string_view content_type, XmlDocument& out,
             std::string* encoding) {
  DecodedXml decoded = DecodeXml(bytes, content_type);
  if (encoding != nullptr) *encoding = decoded.encoding;
  XmlRepairer repairer(decoded.utf8);
  std::string xml = repairer.Run();
  if (!decoded.problem.empty()) {
    out.ill_formed = true;
    out.ill_formed_reason = decoded.problem;
  }
  if (!repairer.problem().empty() && !out.ill_formed) {
    out.ill_formed = true;
    out.ill_formed_reason = repairer.problem();
  }
  if (xml.empty()) return false;
  pugi::xml_parse_result result = out.doc.load_buffer(
      xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_fragment,
      pugi::encoding_utf8);
  if (!result && !out.ill_formed) {
    out.ill_formed = true;
    out.ill_formed_reason = std::string("XML error: ") + result.description() + " at byte " +
                            std::to_string(result.offset);
  }
  for (pugi::xml_node n : out.doc.children()) {
    if (n.type() == pugi::node_element) return true;
  }
  return false;
}

void AppendNumericReferences(std::string& out, std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t len = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < len) {
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c >= 0) out += "&#" + std::to_string(c) + ";";
  }
}

}  // namespace feeds_internal

namespace {

using feeds_internal::Lower;

constexpr int kMaxHtmlDepth = 256;
// Namespace declarations read on one element: real feeds declare a dozen.
constexpr std::size_t kMaxNamespacesPerElement = 64;

struct XmlDocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

bool IsHtmlBlock(std::string_view name) {
  static const std::unordered_set<std::string_view> kBlocks = {
      "address",  "article",    "aside",    "blockquote", "br",    "dd",    "div", "dl",    "dt",
      "fieldset", "figcaption", "figure",   "footer",     "form",  "h1",    "h2",  "h3",    "h4",
      "h5",       "h6",         "header",   "hr",         "li",    "main",  "nav", "ol",    "p",
      "pre",      "section",    "table",    "tbody",      "td",    "tfoot", "th",  "thead", "tr",
      "ul",       "caption",    "frameset", "frame",      "iframe"};
  return kBlocks.count(name) > 0;
}

void AppendHtmlText(const xmlNode* n, int depth, std::string& out) {
  if (depth > kMaxHtmlDepth) return;
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content != nullptr) out += reinterpret_cast<const char*>(c->content);
    } else if (c->type == XML_ELEMENT_NODE) {
      std::string_view name = c->name ? reinterpret_cast<const char*>(c->name) : "";
      if (name == "script" || name == "style" || name == "template" || name == "head") continue;
      bool block = IsHtmlBlock(name);
      if (block) out += ' ';
      AppendHtmlText(c, depth + 1, out);
      if (block) out += ' ';
    }
  }
}

// Named references become numeric ones, so that HTML5's table (not
// libxml2's HTML 4 one, which differs on a few like &lang;) decides.
std::string NumericEntities(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  std::size_t i = 0;
  while (i < html.size()) {
    std::size_t amp = html.find('&', i);
    if (amp == std::string_view::npos) {
      out.append(html.substr(i));
      break;
    }
    out.append(html.substr(i, amp - i));
    std::size_t p = amp + 1;
    while (p < html.size() && p - amp <= 40 && std::isalnum(static_cast<unsigned char>(html[p]))) {
      ++p;
    }
    std::string name(html.substr(amp + 1, p - amp - 1));
    if (!name.empty() && p < html.size() && html[p] == ';' && name != "lt" && name != "gt" &&
        name != "amp" && name != "quot") {
      if (auto chars = feeds_internal::LookupHtmlEntity(name)) {
        feeds_internal::AppendNumericReferences(out, *chars);
        i = p + 1;
        continue;
      }
    }
    out += '&';
    i = amp + 1;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Reading a feed document.

enum class TextKind { kPlain, kHtml, kBinary };

struct TextValue {
  std::string value;
  TextKind kind = TextKind::kPlain;
  std::string base;  // what relative links in HTML resolve against
};

std::string_view TrimView(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}
std::string Trim(std::string_view s) { return std::string(TrimView(s)); }

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

std::string EscapeHtml(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// "text" → "text/plain" and so on, as Atom 1.0 spells its content types.
std::string MapContentType(std::string_view type) {
  std::string t = Lower(TrimView(type));
  if (t == "text" || t == "plain") return "text/plain";
  if (t == "html") return "text/html";
  if (t == "xhtml") return "application/xhtml+xml";
  return t;
}

bool IsHtmlType(std::string_view t) { return t == "text/html" || t == "application/xhtml+xml"; }

// Text that was read as ISO-8859-1 after being written as UTF-8 ("Ã©"):
// the original when every character fits in a byte and the bytes are UTF-8.
std::string RepairDoubleEncoded(const std::string& s) {
  std::string bytes;
  bool high = false;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t len = static_cast<int32_t>(std::min<std::size_t>(s.size(), INT32_MAX));
  int32_t i = 0;
  while (i < len) {
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c < 0 || c > 0xFF) return s;
    if (c >= 0x80) high = true;
    bytes += static_cast<char>(c);
  }
  if (!high) return s;
  const auto* b = reinterpret_cast<const uint8_t*>(bytes.data());
  int32_t blen = static_cast<int32_t>(bytes.size());
  i = 0;
  while (i < blen) {
    UChar32 c;
    U8_NEXT(b, i, blen, c);
    if (c < 0) return s;
  }
  return bytes;
}

// Elements an HTML fragment in a nominally plain-text RSS field may use.
bool IsHtmlElementName(std::string_view name) {
  static const std::unordered_set<std::string_view> kNames = {"a",          "abbr",
                                                              "acronym",    "address",
                                                              "area",       "article",
                                                              "aside",      "audio",
                                                              "b",          "big",
                                                              "blockquote", "br",
                                                              "button",     "canvas",
                                                              "caption",    "center",
                                                              "cite",       "code",
                                                              "col",        "colgroup",
                                                              "command",    "datagrid",
                                                              "datalist",   "dd",
                                                              "del",        "details",
                                                              "dfn",        "dialog",
                                                              "dir",        "div",
                                                              "dl",         "dt",
                                                              "em",         "event-source",
                                                              "fieldset",   "figcaption",
                                                              "figure",     "font",
                                                              "footer",     "form",
                                                              "h1",         "h2",
                                                              "h3",         "h4",
                                                              "h5",         "h6",
                                                              "header",     "hr",
                                                              "i",          "img",
                                                              "input",      "ins",
                                                              "kbd",        "keygen",
                                                              "label",      "legend",
                                                              "li",         "m",
                                                              "map",        "menu",
                                                              "meter",      "multicol",
                                                              "nav",        "nextid",
                                                              "noscript",   "ol",
                                                              "optgroup",   "option",
                                                              "output",     "p",
                                                              "pre",        "progress",
                                                              "q",          "s",
                                                              "samp",       "section",
                                                              "select",     "small",
                                                              "sound",      "source",
                                                              "spacer",     "span",
                                                              "strike",     "strong",
                                                              "sub",        "sup",
                                                              "table",      "tbody",
                                                              "td",         "textarea",
                                                              "tfoot",      "th",
                                                              "thead",      "time",
                                                              "tr",         "tt",
                                                              "u",          "ul",
                                                              "var",        "video"};
  return kNames.count(name) > 0;
}

// Whether nominally plain text is really HTML: it has an end tag or an
// entity reference, and all its tags and entities are HTML ones. Errs on the
// side of plain text, since reading text as HTML loses what looks like tags.
bool LooksLikeHtml(std::string_view s) {
  bool end_tag = false, reference = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '<') {
      std::size_t p = i + 1;
      bool closing = p < s.size() && s[p] == '/';
      if (closing) ++p;
      std::size_t start = p;
      while (p < s.size() && (std::isalnum(static_cast<unsigned char>(s[p])) || s[p] == '_')) ++p;
      if (p == start) continue;
      std::string name = Lower(s.substr(start, p - start));
      if (!IsHtmlElementName(name)) return false;
      if (closing && p < s.size() && s[p] == '>') end_tag = true;
    } else if (s[i] == '&') {
      std::size_t p = i + 1;
      bool numeric = p < s.size() && s[p] == '#';
      if (numeric) ++p;
      std::size_t start = p;
      while (p < s.size() && (std::isalnum(static_cast<unsigned char>(s[p])) || s[p] == '_')) ++p;
      if (p == start || p >= s.size() || s[p] != ';') continue;
      if (!numeric && !htmlEntityLookup(reinterpret_cast<const xmlChar*>(
                          std::string(s.substr(start, p - start)).c_str()))) {
        return false;
      }
      reference = true;
    }
  }
  return end_tag || reference;
}

bool HasScheme(std::string_view u) {
  if (u.empty() || !std::isalpha(static_cast<unsigned char>(u[0]))) return false;
  for (std::size_t i = 1; i < u.size(); ++i) {
    char c = u[i];
    if (c == ':') return true;
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') {
      return false;
    }
  }
  return false;
}

// Schemes that may not be followed from a feed.
bool IsUnsafeScheme(std::string_view u) {
  std::string lower = Lower(u.substr(0, 12));
  return StartsWith(lower, "javascript:") || StartsWith(lower, "vbscript:") ||
         StartsWith(lower, "data:");
}

// A permalink guid or an Atom id stands in for a missing link only when it
// is a web address ("tag:" and "urn:" ids are names, not places).
bool IsWebUrl(std::string_view u) {
  std::string lower = Lower(u.substr(0, 8));
  return StartsWith(lower, "http://") || StartsWith(lower, "https://");
}

struct CurlUrlDeleter {
  void operator()(CURLU* u) const { curl_url_cleanup(u); }
};

// `uri` resolved against `base` by curl's URL API. An absolute URI comes
// back as written; one with a script scheme comes back empty.
std::string ResolveUri(std::string_view base, std::string_view uri) {
  std::string u = Trim(uri);
  if (u.empty()) return u;
  if (HasScheme(u)) {
    if (IsUnsafeScheme(u)) return {};
    // An http(s) URL curl cannot parse (a broken host) is no link at all.
    std::string lower = Lower(u.substr(0, 8));
    if (StartsWith(lower, "http://") || StartsWith(lower, "https://")) {
      std::unique_ptr<CURLU, CurlUrlDeleter> h(curl_url());
      if (h && curl_url_set(h.get(), CURLUPART_URL, u.c_str(), 0) != CURLUE_OK &&
          curl_url_set(h.get(), CURLUPART_URL, u.c_str(), CURLU_URLENCODE) != CURLUE_OK) {
        return {};
      }
    }
    return u;
  }
  if (base.empty()) return u;
  std::unique_ptr<CURLU, CurlUrlDeleter> h(curl_url());
  std::string b(base);
  if (!h ||
      curl_url_set(h.get(), CURLUPART_URL, b.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK) {
    return u;
  }
  const unsigned flags[] = {CURLU_NON_SUPPORT_SCHEME, CURLU_NON_SUPPORT_SCHEME | CURLU_URLENCODE};
  for (unsigned f : flags) {
    std::unique_ptr<CURLU, CurlUrlDeleter> copy(curl_url_dup(h.get()));
    if (!copy || curl_url_set(copy.get(), CURLUPART_URL, u.c_str(), f) != CURLUE_OK) continue;
    char* out = nullptr;
    if (curl_url_get(copy.get(), CURLUPART_URL, &out, 0) != CURLUE_OK || out == nullptr) continue;
    std::string resolved(out);
    curl_free(out);
    return resolved;
  }
  return u;
}

bool ContainsNoCase(std::string_view s, std::string_view needle) {
  auto it = std::search(s.begin(), s.end(), needle.begin(), needle.end(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == b;
  });
  return it != s.end();
}

// Attributes of HTML elements that hold a URL.
bool IsUrlAttribute(std::string_view name) {
  return name == "href" || name == "src" || name == "cite" || name == "poster" ||
         name == "longdesc" || name == "background" || name == "action";
}

// Rewrites relative URLs in the attributes of `n` and below; true if any.
bool ResolveLinksBelow(xmlNode* n, const std::string& base, int depth) {
  if (depth > kMaxHtmlDepth) return false;
  bool changed = false;
  for (xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    for (xmlAttr* a = c->properties; a != nullptr; a = a->next) {
      if (a->name == nullptr || !IsUrlAttribute(reinterpret_cast<const char*>(a->name))) continue;
      xmlChar* raw = xmlNodeGetContent(reinterpret_cast<xmlNode*>(a));
      if (raw == nullptr) continue;
      std::string value(reinterpret_cast<const char*>(raw));
      xmlFree(raw);
      std::string resolved = ResolveUri(base, value);
      if (resolved != value) {
        xmlSetProp(c, a->name, reinterpret_cast<const xmlChar*>(resolved.c_str()));
        changed = true;
      }
    }
    changed = ResolveLinksBelow(c, base, depth + 1) || changed;
  }
  return changed;
}

// `html` with relative links made absolute against `base` (libxml2 parses
// and writes it back); `html` itself when there is nothing to resolve.
std::string ResolveHtmlLinks(const std::string& html, const std::string& base) {
  if (base.empty() || (!ContainsNoCase(html, "href") && !ContainsNoCase(html, "src")) ||
      html.size() > static_cast<std::size_t>(INT32_MAX)) {
    return html;
  }
  std::unique_ptr<xmlDoc, XmlDocDeleter> doc(
      htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                         HTML_PARSE_NONET | HTML_PARSE_COMPACT));
  if (!doc) return html;
  xmlNode* root = xmlDocGetRootElement(doc.get());
  if (root == nullptr || !ResolveLinksBelow(root, base, 0)) return html;
  xmlNode* body = nullptr;
  for (xmlNode* c = root->children; c != nullptr; c = c->next) {
    if (c->type == XML_ELEMENT_NODE && c->name != nullptr &&
        std::string_view(reinterpret_cast<const char*>(c->name)) == "body") {
      body = c;
    }
  }
  if (body == nullptr) return html;
  // libxml2 writes the text of an HTML document as UTF-8 when no encoder is set.
  std::unique_ptr<xmlOutputBuffer, decltype(&xmlOutputBufferClose)> out(
      xmlAllocOutputBuffer(nullptr), &xmlOutputBufferClose);
  if (!out) return html;
  for (xmlNode* c = body->children; c != nullptr; c = c->next) {
    htmlNodeDumpFormatOutput(out.get(), doc.get(), c, "UTF-8", 0);
  }
  xmlOutputBufferFlush(out.get());
  const xmlChar* content = xmlOutputBufferGetContent(out.get());
  if (content == nullptr) return html;
  return std::string(reinterpret_cast<const char*>(content), xmlOutputBufferGetSize(out.get()));
}

// The feedparser-style prefix of a namespace: "" for the namespaces of RSS
// and Atom themselves, "dc", "content", "media", … for the extensions read
// here, nullopt for any other.
std::optional<std::string> CanonicalPrefix(std::string_view uri_in) {
  std::string uri = Lower(TrimView(uri_in));
  static const std::unordered_set<std::string_view> kCore = {
      "",
      "http://backend.userland.com/rss",
      "http://blogs.law.harvard.edu/tech/rss",
      "http://purl.org/rss/1.0/",
      "http://my.netscape.com/rdf/simple/0.9/",
      "http://example.com/newformat#",
      "http://example.com/necho",
      "http://purl.org/echo/",
      "uri/of/echo/namespace#",
      "http://purl.org/pie/",
      "http://purl.org/atom/ns#",
      "http://www.w3.org/2005/atom",
      "http://purl.org/rss/1.0/modules/rss091#"};
  if (kCore.count(uri) || uri.find("backend.userland.com/rss") != std::string::npos) return "";
  static const std::map<std::string_view, std::string_view> kPrefixes = {
      {"http://purl.org/dc/elements/1.1/", "dc"},
      {"http://purl.org/dc/terms/", "dcterms"},
      {"http://purl.org/rss/1.0/modules/content/", "content"},
      {"http://search.yahoo.com/mrss", "media"},
      {"http://search.yahoo.com/mrss/", "media"},
      {"http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdf"},
      {"http://www.w3.org/1999/xhtml", "xhtml"},
      {"http://www.itunes.com/dtds/podcast-1.0.dtd", "itunes"},
      {"http://example.com/dtds/podcast-1.0.dtd", "itunes"},
      {"http://rssnamespace.org/feedburner/ext/1.0", "feedburner"},
      {"http://www.w3.org/xml/1998/namespace", "xml"},
      {"http://purl.org/rss/1.0/modules/slash/", "slash"},
      {"http://wellformedweb.org/commentapi/", "wfw"},
      {"http://www.georss.org/georss", "georss"},
      {"http://purl.org/rss/1.0/modules/syndication/", "sy"}};
  auto it = kPrefixes.find(uri);
  if (it != kPrefixes.end()) return std::string(it->second);
  return std::nullopt;
}

std::optional<std::string_view> Attr(pugi::xml_node n, std::string_view name) {
  for (pugi::xml_attribute a : n.attributes()) {
    std::string_view an = a.name();
    if (an.size() == name.size() &&
        std::equal(an.begin(), an.end(), name.begin(), [](char x, char y) {
          return std::tolower(static_cast<unsigned char>(x)) == y;
        })) {
      return std::string_view(a.value());
    }
  }
  return std::nullopt;
}

std::string AttrOr(pugi::xml_node n, std::string_view name, std::string_view fallback = {}) {
  auto v = Attr(n, name);
  return std::string(v ? *v : fallback);
}

bool HasElementChild(pugi::xml_node n) {
  for (pugi::xml_node c : n.children()) {
    if (c.type() == pugi::node_element) return true;
  }
  return false;
}

// The character data of `n` and its descendants.
void AppendTextContent(pugi::xml_node n, int depth, std::string& out) {
  if (depth > kMaxHtmlDepth) return;
  for (pugi::xml_node c : n.children()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      out += c.value();
    } else if (c.type() == pugi::node_element) {
      AppendTextContent(c, depth + 1, out);
    }
  }
}

// The character data directly inside `n`, not inside its child elements.
std::string OwnText(pugi::xml_node n) {
  std::string out;
  for (pugi::xml_node c : n.children()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
  }
  return out;
}

std::string TextContent(pugi::xml_node n) {
  std::string out;
  AppendTextContent(n, 0, out);
  return out;
}

// Whether every element below `n` is a <div>.
bool OnlyDivElements(pugi::xml_node n, int depth) {
  if (depth > kMaxHtmlDepth) return false;
  for (pugi::xml_node c : n.children()) {
    if (c.type() != pugi::node_element) continue;
    if (feeds_internal::LocalName(c.name()) != "div" || !OnlyDivElements(c, depth + 1)) {
      return false;
    }
  }
  return true;
}

bool IsVoidElement(std::string_view name) {
  static const std::unordered_set<std::string_view> kVoid = {
      "area",  "base", "br",   "col",   "embed",  "hr",    "img",
      "input", "link", "meta", "param", "source", "track", "wbr"};
  return kVoid.count(name) > 0;
}

// Inline XHTML as an HTML string: namespace prefixes and declarations
// dropped, text escaped.
void SerializeChildren(pugi::xml_node n, int depth, std::string& out) {
  if (depth > kMaxHtmlDepth) return;
  for (pugi::xml_node c : n.children()) {
    switch (c.type()) {
      case pugi::node_pcdata:
      case pugi::node_cdata:
        out += EscapeHtml(c.value());
        break;
      case pugi::node_element: {
        std::string_view qname = c.name();
        std::size_t colon = qname.find(':');
        std::string name(colon == std::string_view::npos ? qname : qname.substr(colon + 1));
        out += '<';
        out += name;
        for (pugi::xml_attribute a : c.attributes()) {
          std::string_view an = a.name();
          if (an == "xmlns" || StartsWith(an, "xmlns:")) continue;
          out += ' ';
          out.append(an);
          out += "=\"";
          out += EscapeHtml(a.value());
          out += '"';
        }
        if (!c.first_child() && IsVoidElement(Lower(name))) {
          out += " />";
          break;
        }
        out += '>';
        SerializeChildren(c, depth + 1, out);
        out += "</";
        out += name;
        out += '>';
        break;
      }
      default:
        break;
    }
  }
}

// An Atom 1.0 xhtml construct wraps its content in one <div>: drop it.
pugi::xml_node SingleDivChild(pugi::xml_node n) {
  pugi::xml_node div;
  for (pugi::xml_node c : n.children()) {
    if (c.type() == pugi::node_element) {
      if (div || feeds_internal::LocalName(c.name()) != "div") return {};
      div = c;
    } else if ((c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) &&
               !TrimView(c.value()).empty()) {
      return {};
    }
  }
  return div;
}

std::optional<std::string> DecodeBase64(std::string_view in) {
  static constexpr std::string_view kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  uint32_t buf = 0;
  int bits = 0;
  for (char c : in) {
    if (std::isspace(static_cast<unsigned char>(c))) continue;
    if (c == '=') break;
    std::size_t v = kAlphabet.find(c);
    if (v == std::string_view::npos) return std::nullopt;
    buf = (buf << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buf >> bits) & 0xFF);
    }
  }
  return out;
}

bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t len = static_cast<int32_t>(std::min<std::size_t>(s.size(), INT32_MAX));
  int32_t i = 0;
  while (i < len) {
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c < 0) return false;
  }
  return true;
}

struct Scope {
  std::string base;
  std::string lang;
};

// One entry while it is read, with what the field precedence rules need.
struct EntryState {
  FeedEntry entry;
  int title_depth = -1;  // depth of the title that was kept; -1 when none
  bool has_link = false;
  std::string link;       // from <link>, the last one
  std::string guid_link;  // from the first permalink guid/id, used when there is no link
  bool has_summary = false;
  bool has_content = false;
  bool content_set = false;
  std::map<std::string, int, std::less<>> depth_of;  // field → depth it was read at
};

class FeedReader {
 public:
  FeedReader(Feed& feed, const FeedOptions& options, bool utf8_document)
      : feed_(feed), options_(options), utf8_document_(utf8_document) {}
  FeedReader(const FeedReader&) = delete;  // holds references to the feed being built
  FeedReader& operator=(const FeedReader&) = delete;

  void Read(pugi::xml_node root, const std::string& url) {
    Scope scope{url, {}};
    Visit(root, scope, 1);
    feed_.link = has_feed_link_ ? feed_link_ : feed_guid_link_;
  }

  const std::string& root_key() const { return root_key_; }
  const std::string& problem() const { return problem_; }

 private:
  void Problem(std::string what) {
    if (problem_.empty()) problem_ = std::move(what);
  }

  bool atom() const { return StartsWith(feed_.version, "atom") || root_key_ == "feed"; }

  std::optional<std::string> LookupNamespace(std::string_view prefix) const {
    for (auto it = namespaces_.rbegin(); it != namespaces_.rend(); ++it) {
      if (it->first == prefix) return it->second;
    }
    return std::nullopt;
  }

  // "dc:creator", "title", "media:content": the element's name with its
  // namespace replaced by the canonical prefix, lower-cased.
  std::string KeyOf(pugi::xml_node n) {
    std::string_view q = n.name();
    std::size_t colon = q.find(':');
    if (colon == std::string_view::npos) return Lower(q);
    std::string_view prefix = q.substr(0, colon);
    std::string local = Lower(q.substr(colon + 1));
    std::optional<std::string> uri = LookupNamespace(prefix);
    if (!uri) {
      if (prefix != "xml") Problem("undeclared namespace prefix '" + std::string(prefix) + "'");
      return Lower(prefix) + ":" + local;
    }
    std::optional<std::string> canonical = CanonicalPrefix(*uri);
    std::string p = canonical ? *canonical : Lower(prefix);
    return p.empty() ? local : p + ":" + local;
  }

  void Visit(pugi::xml_node n, Scope scope, int depth) {
    if (depth > options_.max_depth) {
      Problem("elements nested deeper than " + std::to_string(options_.max_depth) +
              " (max_depth) were not read");
      return;
    }
    std::size_t namespaces_mark = namespaces_.size();
    std::size_t declared = 0;
    for (pugi::xml_attribute a : n.attributes()) {
      std::string_view an = a.name();
      if (an != "xmlns" && !StartsWith(an, "xmlns:")) continue;
      if (++declared > kMaxNamespacesPerElement) {
        Problem("more than " + std::to_string(kMaxNamespacesPerElement) +
                " namespace declarations on one element; the rest were ignored");
        break;
      }
      namespaces_.emplace_back(an == "xmlns" ? std::string_view() : an.substr(6), a.value());
    }
    auto base = Attr(n, "xml:base");
    if (!base) base = Attr(n, "base");
    if (base) {
      std::string resolved = ResolveUri(scope.base, *base);
      if (!resolved.empty()) scope.base = resolved;
    }
    if (auto lang = Attr(n, "xml:lang")) {
      scope.lang = Trim(*lang);
      std::replace(scope.lang.begin(), scope.lang.end(), '_', '-');
    }

    std::string key = KeyOf(n);
    if (depth == 1) root_key_ = key;
    if (Handle(n, key, scope, depth)) {
      for (pugi::xml_node c : n.children()) {
        if (c.type() == pugi::node_element) Visit(c, scope, depth + 1);
      }
    }
    namespaces_.resize(namespaces_mark);
  }

  // A text construct: its value and whether that is plain text or HTML.
  TextValue ReadText(pugi::xml_node n, std::string_view default_type, const Scope& scope) {
    std::string type = MapContentType(AttrOr(n, "type", default_type));
    if (type.empty()) type = std::string(default_type);
    std::string mode = Lower(AttrOr(n, "mode"));
    bool base64 = mode == "base64" ||
                  !(StartsWith(type, "text/") || EndsWith(type, "+xml") || EndsWith(type, "/xml"));
    TextValue v;
    v.base = scope.base;
    // Escaped markup wrapped in a <div> (as TypePad writes it) is still
    // escaped markup: the div is not what makes it markup.
    bool only_divs = type != "application/xhtml+xml" && HasElementChild(n) && OnlyDivElements(n, 0);
    if (!base64 && !only_divs && (type == "application/xhtml+xml" || HasElementChild(n))) {
      pugi::xml_node inner = n;
      if (feed_.version == "atom10" && type == "application/xhtml+xml") {
        if (pugi::xml_node div = SingleDivChild(n)) inner = div;
      }
      SerializeChildren(inner, 0, v.value);
      v.value = Trim(v.value);
      v.kind = TextKind::kHtml;
      return v;
    }
    if (!IsHtmlType(type) && type != "text/plain" && (EndsWith(type, "xml"))) {
      v.kind = TextKind::kBinary;  // some other XML vocabulary: not text
      return v;
    }
    v.value = Trim(TextContent(n));
    if (base64) {
      std::optional<std::string> decoded = DecodeBase64(v.value);
      if (decoded && IsValidUtf8(*decoded)) v.value = Trim(*decoded);
    }
    if (type == "text/plain") {
      v.kind = !atom() && LooksLikeHtml(v.value) ? TextKind::kHtml : TextKind::kPlain;
    } else if (IsHtmlType(type)) {
      v.kind = TextKind::kHtml;
    } else {
      v.kind = TextKind::kBinary;
    }
    return v;
  }

  std::string Clean(const std::string& s) const {
    std::string fixed = utf8_document_ ? RepairDoubleEncoded(s) : s;
    return feeds_internal::FixC1Controls(fixed);
  }

  void ToFields(const TextValue& v, std::string& plain, std::string& html) const {
    switch (v.kind) {
      case TextKind::kPlain: {
        std::string clean = Clean(v.value);
        plain = CollapseWhitespace(clean);
        html = EscapeHtml(clean);
        break;
      }
      case TextKind::kHtml:
        html = ResolveHtmlLinks(Clean(v.value), v.base);
        plain = HtmlToText(html);
        break;
      case TextKind::kBinary:
        plain.clear();
        html.clear();
        break;
    }
  }

  std::string PlainText(const TextValue& v) const {
    std::string plain, html;
    ToFields(v, plain, html);
    return plain;
  }

  // The depth rule of feed readers: a value read at the same depth as, or
  // shallower than, the one before replaces it; a deeper one does not.
  bool Claim(std::string_view field, int depth) {
    auto it = cur_->depth_of.find(field);
    if (it != cur_->depth_of.end() && depth > it->second) return false;
    cur_->depth_of[std::string(field)] = depth;
    return true;
  }

  bool Handle(pugi::xml_node n, const std::string& key, const Scope& scope, int depth) {
    if (key == "item" || key == "entry") {
      if (cur_) return true;  // nested: read as part of the entry around it
      if (feed_.entries.size() >= options_.max_entries) {
        Problem("more than " + std::to_string(options_.max_entries) +
                " entries (max_entries); the rest were dropped");
        return false;
      }
      cur_.emplace();
      if (auto about = Attr(n, "rdf:about")) cur_->entry.id = Trim(*about);
      if (auto href = Attr(n, "href")) {
        cur_->link = ResolveUri(scope.base, *href);
        cur_->has_link = true;
      }
      if (auto lastmod = Attr(n, "lastmod")) cur_->entry.updated = ParseDateTime(*lastmod);
      for (pugi::xml_node c : n.children()) {
        if (c.type() == pugi::node_element) Visit(c, scope, depth + 1);
      }
      FinishEntry();
      return false;
    }
    return cur_ ? HandleEntryElement(n, key, scope, depth)
                : HandleFeedElement(n, key, scope, depth);
  }

  void FinishEntry() {
    EntryState& s = *cur_;
    s.entry.link = s.has_link ? s.link : s.guid_link;
    feed_.entries.push_back(std::move(s.entry));
    cur_.reset();
  }

  bool HandleFeedElement(pugi::xml_node n, const std::string& key, const Scope& scope, int depth) {
    if (key == "rss") {
      std::string v = Trim(AttrOr(n, "version"));
      if (v == "0.90")
        feed_.version = "rss090";
      else if (v == "0.91")
        feed_.version = "rss091";
      else if (v == "0.92" || v == "0.93" || v == "0.94")
        feed_.version = "rss092";
      else if (StartsWith(v, "2."))
        feed_.version = "rss20";
      if (!scope.lang.empty()) feed_.language = scope.lang;
      return true;
    }
    if (key == "rdf:rdf") {
      std::string ns = Lower(LookupNamespace("").value_or(""));
      feed_.version = ns == "http://my.netscape.com/rdf/simple/0.9/" ? "rss090" : "rss10";
      if (!scope.lang.empty()) feed_.language = scope.lang;
      return true;
    }
    if (key == "feed") {
      std::string ns = Lower(LookupNamespace("").value_or(""));
      if (ns == "http://www.w3.org/2005/atom") {
        feed_.version = "atom10";
      } else if (Trim(AttrOr(n, "version")) == "0.3" || ns == "http://purl.org/atom/ns#") {
        feed_.version = "atom03";
      }
      if (!scope.lang.empty()) feed_.language = scope.lang;
      return true;
    }
    if (key == "channel") {
      if (auto lastmod = Attr(n, "lastmod")) {
        feed_updated_ = ParseDateTime(*lastmod);
        feed_.updated = feed_updated_;
      }
      if (auto href = Attr(n, "href")) {
        feed_link_ = ResolveUri(scope.base, *href);
        has_feed_link_ = true;
      }
      return true;
    }
    if (key == "image" || key == "textinput") return false;
    if (key == "title" || key == "dc:title") {
      TextValue v = ReadText(n, "text/plain", scope);
      if (feed_title_depth_ < 0 || depth < feed_title_depth_) {
        feed_.title = PlainText(v);
        if (!v.value.empty()) feed_title_depth_ = depth;
      }
      return false;
    }
    if (key == "link") {
      ReadLink(n, scope, feed_link_, has_feed_link_, nullptr);
      return false;
    }
    if (key == "id" || key == "guid") {
      bool permalink = Lower(Trim(AttrOr(n, "ispermalink", "true"))) == "true";
      std::string value = Trim(TextContent(n));
      if (permalink && !value.empty()) value = ResolveUri(scope.base, value);
      feed_.id = value;
      if (permalink && !has_feed_link_ && !feed_guid_link_set_ && IsWebUrl(value)) {
        feed_guid_link_ = value;
        feed_guid_link_set_ = true;
      }
      return false;
    }
    if (key == "language" || key == "dc:language") {
      feed_.language = Trim(TextContent(n));
      std::replace(feed_.language.begin(), feed_.language.end(), '_', '-');
      return false;
    }
    if (key == "updated" || key == "modified" || key == "lastbuilddate" || key == "dc:date" ||
        key == "dcterms:modified") {
      feed_updated_ = ParseDateTime(TextContent(n));
      feed_.updated = feed_updated_ ? feed_updated_ : feed_published_;
      return false;
    }
    if (key == "pubdate" || key == "published" || key == "issued" || key == "dcterms:issued") {
      feed_published_ = ParseDateTime(TextContent(n));
      feed_.updated = feed_updated_ ? feed_updated_ : feed_published_;
      return false;
    }
    if (IsTextElement(key)) return false;
    return true;
  }

  static bool IsTextElement(std::string_view key) {
    return key == "description" || key == "summary" || key == "abstract" || key == "content" ||
           key == "content:encoded" || key == "fullitem" || key == "body" || key == "xhtml:body" ||
           key == "subtitle" || key == "tagline" || key == "rights" || key == "copyright" ||
           key == "info" || key == "dc:description" || key == "media:description" ||
           key == "dc:rights";
  }

  // <link>: Atom's href form, or RSS's text form.
  void ReadLink(pugi::xml_node n, const Scope& scope, std::string& link, bool& has_link,
                FeedEntry* entry) {
    std::optional<std::string_view> href = Attr(n, "url");
    if (!href) href = Attr(n, "uri");
    if (!href) href = Attr(n, "href");
    if (href) {
      std::string rel = Trim(AttrOr(n, "rel", "alternate"));
      std::string type =
          MapContentType(AttrOr(n, "type", rel == "self" ? "application/atom+xml" : "text/html"));
      std::string resolved = ResolveUri(scope.base, *href);
      if (resolved.empty() && !scope.base.empty() && Trim(*href).empty()) resolved = scope.base;
      if (rel == "enclosure" && entry != nullptr && !resolved.empty()) {
        FeedEnclosure e;
        e.url = resolved;
        e.type = Trim(AttrOr(n, "type"));
        e.length = ParseLength(AttrOr(n, "length"));
        entry->enclosures.push_back(std::move(e));
      }
      if (rel == "alternate" && IsHtmlType(type)) {
        link = resolved;
        has_link = true;
      }
      return;
    }
    std::string text = Trim(TextContent(n));
    link = text.empty() ? text : ResolveUri(scope.base, text);
    has_link = true;
  }

  static std::optional<std::uint64_t> ParseLength(std::string_view s) {
    std::string t = Trim(s);
    if (t.empty() || t.size() > 19 || !std::all_of(t.begin(), t.end(), [](char c) {
          return std::isdigit(static_cast<unsigned char>(c));
        })) {
      return std::nullopt;
    }
    return std::stoull(t);
  }

  void AddTag(std::string tag) {
    tag = CollapseWhitespace(tag);
    if (tag.empty()) return;
    auto& tags = cur_->entry.tags;
    if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(std::move(tag));
  }

  void SetSummary(const TextValue& v, int depth) {
    if (!Claim("summary", depth)) return;
    ToFields(v, cur_->entry.summary, cur_->entry.summary_html);
    cur_->has_summary = true;
  }

  void SetContent(const TextValue& v) {
    cur_->has_content = true;
    if (v.kind != TextKind::kBinary) cur_->has_summary = true;
    if (cur_->content_set) return;  // the first content is the content
    cur_->content_set = true;
    ToFields(v, cur_->entry.content, cur_->entry.content_html);
  }

  bool HandleEntryElement(pugi::xml_node n, const std::string& key, const Scope& scope, int depth) {
    EntryState& s = *cur_;
    FeedEntry& e = s.entry;
    if (key == "source" || key == "textinput") return false;
    // An entry's <image> may lend it a title or an id (at lower precedence,
    // being deeper), never a link.
    if (key == "image") {
      ++in_image_;
      for (pugi::xml_node c : n.children()) {
        if (c.type() == pugi::node_element) Visit(c, scope, depth + 1);
      }
      --in_image_;
      return false;
    }
    if (in_image_ > 0 && (key == "link" || key == "url")) return false;
    if (key == "title" || key == "dc:title" || key == "media:title") {
      TextValue v = ReadText(n, "text/plain", scope);
      if (s.title_depth < 0 || depth < s.title_depth) {
        ToFields(v, e.title, e.title_html);
        if (!v.value.empty() && key != "media:title") s.title_depth = depth;
      }
      return false;
    }
    if (key == "link") {
      ReadLink(n, scope, s.link, s.has_link, &e);
      return false;
    }
    if (key == "description" || key == "dc:description" || key == "media:description" ||
        key == "summary" || key == "abstract") {
      TextValue v =
          ReadText(n, key == "summary" || key == "abstract" ? "text/plain" : "text/html", scope);
      if (s.has_summary && !s.has_content) {
        SetContent(v);
      } else {
        SetSummary(v, depth);
      }
      return false;
    }
    if (key == "content") {
      SetContent(ReadText(n, "text/plain", scope));
      return false;
    }
    if (key == "content:encoded" || key == "fullitem") {
      SetContent(ReadText(n, "text/html", scope));
      return false;
    }
    if (key == "body" || key == "xhtml:body") {
      SetContent(ReadText(n, "application/xhtml+xml", scope));
      return false;
    }
    if (key == "guid" || key == "id") {
      bool permalink = Lower(Trim(AttrOr(n, "ispermalink", "true"))) == "true";
      std::string value = Trim(TextContent(n));
      if (permalink && !value.empty()) value = ResolveUri(scope.base, value);
      if (Claim("id", depth)) e.id = value;
      if (permalink && !s.has_link && s.guid_link.empty() && IsWebUrl(value)) s.guid_link = value;
      return false;
    }
    if (key == "pubdate" || key == "published" || key == "issued" || key == "dcterms:issued") {
      if (Claim("published", depth)) e.published = ParseDateTime(TextContent(n));
      return false;
    }
    if (key == "updated" || key == "modified" || key == "lastbuilddate" || key == "dc:date" ||
        key == "dcterms:modified") {
      if (Claim("updated", depth)) e.updated = ParseDateTime(TextContent(n));
      return false;
    }
    if (key == "author" || key == "managingeditor" || key == "dc:creator" || key == "dc:author" ||
        key == "itunes:author") {
      std::string name;
      if (HasElementChild(n)) {
        std::string email;
        for (pugi::xml_node c : n.children()) {
          if (c.type() != pugi::node_element) continue;
          std::string local = feeds_internal::LocalName(c.name());
          if (local == "name") name = CollapseWhitespace(TextContent(c));
          if (local == "email") email = CollapseWhitespace(TextContent(c));
        }
        if (name.empty()) name = email;
      } else {
        name = CollapseWhitespace(Clean(TextContent(n)));
      }
      if (!name.empty() && Claim("author", depth)) e.author = name;
      return false;
    }
    if (key == "category" || key == "dc:subject" || key == "media:category") {
      std::string term = Trim(AttrOr(n, "term"));
      AddTag(term.empty() ? Clean(OwnText(n)) : term);
      return false;
    }
    if (key == "keywords" || key == "media:keywords" || key == "itunes:keywords") {
      std::string text = TextContent(n);
      std::size_t start = 0;
      while (start <= text.size()) {
        std::size_t comma = text.find(',', start);
        if (comma == std::string::npos) comma = text.size();
        AddTag(text.substr(start, comma - start));
        start = comma + 1;
      }
      return false;
    }
    if (key == "enclosure") {
      std::string url = Trim(AttrOr(n, "url", AttrOr(n, "href")));
      if (!url.empty()) {
        FeedEnclosure enc;
        enc.url = ResolveUri(scope.base, url);
        enc.type = Trim(AttrOr(n, "type"));
        enc.length = ParseLength(AttrOr(n, "length"));
        if (!enc.url.empty()) e.enclosures.push_back(std::move(enc));
      }
      return false;
    }
    if (key == "media:content") {
      std::string url = Trim(AttrOr(n, "url"));
      if (!url.empty()) {
        FeedEnclosure enc;
        enc.url = ResolveUri(scope.base, url);
        enc.type = Trim(AttrOr(n, "type"));
        enc.length = ParseLength(AttrOr(n, "filesize"));
        enc.medium = Trim(AttrOr(n, "medium"));
        if (!enc.url.empty()) e.enclosures.push_back(std::move(enc));
      }
      return true;  // may hold media:title, media:thumbnail, …
    }
    if (key == "media:thumbnail") {
      std::string url = Trim(AttrOr(n, "url"));
      if (url.empty()) url = Trim(TextContent(n));
      if (!url.empty()) {
        std::string resolved = ResolveUri(scope.base, url);
        if (!resolved.empty() &&
            std::find(e.thumbnails.begin(), e.thumbnails.end(), resolved) == e.thumbnails.end()) {
          e.thumbnails.push_back(std::move(resolved));
        }
      }
      return false;
    }
    if (IsTextElement(key)) return false;
    return true;
  }

  Feed& feed_;
  const FeedOptions& options_;
  bool utf8_document_;
  std::string root_key_;
  std::string problem_;
  std::vector<std::pair<std::string, std::string>> namespaces_;  // (prefix, URI), innermost last
  std::optional<EntryState> cur_;
  int in_image_ = 0;  // inside an entry's <image>
  int feed_title_depth_ = -1;
  std::string feed_link_;
  bool has_feed_link_ = false;
  std::string feed_guid_link_;
  bool feed_guid_link_set_ = false;
  std::optional<UnixSeconds> feed_updated_, feed_published_;
};

// ---------------------------------------------------------------------------
// JSON Feed.

// A string value trimmed; other scalars as their JSON text (an id of 200.0
// is "200.0"); null, objects and arrays as nullopt.
std::optional<std::string> JsonScalar(simdjson::dom::element e) {
  std::string_view s;
  if (!e.get(s)) return Trim(s);
  int64_t i;
  if (!e.get(i)) return std::to_string(i);
  uint64_t u;
  if (!e.get(u)) return std::to_string(u);
  double d;
  if (!e.get(d)) {
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
    if (ec != std::errc()) return std::nullopt;
    std::string text(buf, end);
    if (text.find_first_of(".en") == std::string::npos) text += ".0";
    return text;
  }
  bool b;
  if (!e.get(b)) return std::string(b ? "true" : "false");
  return std::nullopt;
}

std::string JsonString(simdjson::dom::element e) {
  std::string_view s;
  if (!e.get(s)) return Trim(s);
  return {};
}

std::string JsonField(simdjson::dom::object o, std::string_view key) {
  simdjson::dom::element v;
  if (o[key].get(v)) return {};
  return JsonString(v);
}

std::string JsonAuthor(simdjson::dom::object o) {
  simdjson::dom::object author;
  if (!o["author"].get(author)) {
    std::string name = JsonField(author, "name");
    if (!name.empty()) return name;
  }
  simdjson::dom::array authors;
  if (!o["authors"].get(authors)) {
    std::string joined;
    for (simdjson::dom::element a : authors) {
      simdjson::dom::object ao;
      if (a.get(ao)) continue;
      std::string name = JsonField(ao, "name");
      if (name.empty()) continue;
      if (!joined.empty()) joined += ", ";
      joined += name;
    }
    return joined;
  }
  return {};
}

Result<Feed> ParseJsonFeed(const std::string& text, std::string_view url,
                           const FeedOptions& options) {
  simdjson::dom::parser parser;
  if (parser.allocate(text.size() + simdjson::SIMDJSON_PADDING,
                      static_cast<std::size_t>(std::max(options.max_depth, 1))) !=
      simdjson::SUCCESS) {
    return Status::InvalidInput("JSON Feed: could not allocate a parser");
  }
  simdjson::dom::element root;
  if (auto err = parser.parse(text).get(root)) {
    if (err == simdjson::DEPTH_ERROR) {
      return Status::InvalidInput("JSON nested deeper than " + std::to_string(options.max_depth) +
                                  " (max_depth)");
    }
    return Status::InvalidInput(std::string("not JSON: ") + simdjson::error_message(err));
  }
  simdjson::dom::object feed_obj;
  if (root.get(feed_obj)) return Status::InvalidInput("JSON, but not a JSON Feed object");
  Feed feed;
  std::string version = JsonField(feed_obj, "version");
  if (StartsWith(version, "https://jsonfeed.org/version/1.1")) {
    feed.version = "json11";
  } else if (StartsWith(version, "https://jsonfeed.org/version/1")) {
    feed.version = "json10";
  }
  simdjson::dom::array items;
  bool has_items = !feed_obj["items"].get(items);
  feed.title = CollapseWhitespace(JsonField(feed_obj, "title"));
  std::string base(url);
  feed.link = ResolveUri(base, JsonField(feed_obj, "home_page_url"));
  feed.id = ResolveUri(base, JsonField(feed_obj, "feed_url"));
  feed.language = JsonField(feed_obj, "language");
  if (!has_items) return feed;
  for (simdjson::dom::element item : items) {
    simdjson::dom::object o;
    if (item.get(o)) continue;
    if (feed.entries.size() >= options.max_entries) {
      feed.ill_formed = true;
      feed.ill_formed_reason = "more than " + std::to_string(options.max_entries) +
                               " entries (max_entries); the rest were dropped";
      break;
    }
    FeedEntry e;
    simdjson::dom::element id;
    if (!o["id"].get(id)) {
      if (id.is_object() || id.is_array()) continue;  // an item must have a scalar id
      e.id = JsonScalar(id).value_or(std::string());
    }
    e.link = ResolveUri(base, JsonField(o, "url"));
    std::string title = JsonField(o, "title");
    e.title = CollapseWhitespace(title);
    e.title_html = EscapeHtml(title);
    std::string html = JsonField(o, "content_html");
    std::string plain = JsonField(o, "content_text");
    if (!html.empty()) {
      e.content_html = html;
      e.content = HtmlToText(html);
    } else if (!plain.empty()) {
      e.content = CollapseWhitespace(plain);
      e.content_html = EscapeHtml(plain);
    }
    std::string summary = JsonField(o, "summary");
    e.summary = CollapseWhitespace(summary);
    e.summary_html = EscapeHtml(summary);
    e.published = ParseDateTime(JsonField(o, "date_published"));
    e.updated = ParseDateTime(JsonField(o, "date_modified"));
    e.author = JsonAuthor(o);
    if (e.author.empty()) e.author = JsonAuthor(feed_obj);
    simdjson::dom::array tags;
    if (!o["tags"].get(tags)) {
      for (simdjson::dom::element t : tags) {
        std::string tag = CollapseWhitespace(JsonString(t));
        if (!tag.empty() && std::find(e.tags.begin(), e.tags.end(), tag) == e.tags.end()) {
          e.tags.push_back(tag);
        }
      }
    }
    simdjson::dom::array attachments;
    if (!o["attachments"].get(attachments)) {
      for (simdjson::dom::element a : attachments) {
        simdjson::dom::object ao;
        if (a.get(ao)) continue;
        FeedEnclosure enc;
        enc.url = ResolveUri(base, JsonField(ao, "url"));
        if (enc.url.empty()) continue;
        enc.type = JsonField(ao, "mime_type");
        uint64_t size = 0;
        if (!ao["size_in_bytes"].get(size)) enc.length = size;
        e.enclosures.push_back(std::move(enc));
      }
    }
    for (std::string_view key : {"image", "banner_image"}) {
      std::string image = ResolveUri(base, JsonField(o, key));
      if (!image.empty()) e.thumbnails.push_back(image);
    }
    feed.entries.push_back(std::move(e));
  }
  return feed;
}

bool IsFeedRoot(std::string_view key) {
  return key == "rss" || key == "rdf:rdf" || key == "feed" || key == "channel";
}

}  // namespace

std::string HtmlToText(std::string_view html) {
  if (html.find_first_of("<&") == std::string_view::npos) {
    return CollapseWhitespace(feeds_internal::FixC1Controls(html));
  }
  std::string prepared = NumericEntities(html);
  if (prepared.size() > static_cast<std::size_t>(INT32_MAX)) return {};
  std::unique_ptr<xmlDoc, XmlDocDeleter> doc(
      htmlReadMemory(prepared.data(), static_cast<int>(prepared.size()), nullptr, "UTF-8",
                     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                         HTML_PARSE_NONET | HTML_PARSE_COMPACT));
  if (!doc) return CollapseWhitespace(html);
  std::string text;
  for (const xmlNode* n = doc->children; n != nullptr; n = n->next) {
    if (n->type == XML_TEXT_NODE && n->content != nullptr) {
      text += reinterpret_cast<const char*>(n->content);
    } else if (n->type == XML_ELEMENT_NODE) {
      std::string_view name = n->name ? reinterpret_cast<const char*>(n->name) : "";
      if (name == "script" || name == "style" || name == "head") continue;
      text += ' ';
      AppendHtmlText(n, 1, text);
      text += ' ';
    }
  }
  return CollapseWhitespace(feeds_internal::FixC1Controls(text));
}

Result<Feed> ParseFeed(std::string_view bytes, std::string_view url, std::string_view content_type,
                       const FeedOptions& options) {
  if (bytes.size() > options.max_input_bytes) {
    return Status::TooLarge("feed is " + std::to_string(bytes.size()) +
                            " bytes, over the limit of " + std::to_string(options.max_input_bytes) +
                            " bytes (max_input_bytes)");
  }
  std::string head = feeds_internal::SniffableText(bytes, 1024);
  std::size_t first = head.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return Status::InvalidInput("empty feed");
  if (head[first] == '{') {
    feeds_internal::DecodedXml decoded = feeds_internal::DecodeXml(bytes, content_type);
    return ParseJsonFeed(decoded.utf8, url, options);
  }
  feeds_internal::XmlDocument xml;
  std::string encoding;
  if (!feeds_internal::LoadXml(bytes, content_type, xml, &encoding)) {
    return Status::InvalidInput("not a feed: no XML element found");
  }
  pugi::xml_node root;
  for (pugi::xml_node n : xml.doc.children()) {
    if (n.type() == pugi::node_element) {
      root = n;
      break;
    }
  }
  Feed feed;
  FeedReader reader(feed, options, encoding == "utf-8");
  reader.Read(root, std::string(url));
  if (!IsFeedRoot(reader.root_key()) && feed.entries.empty()) {
    return Status::InvalidInput("not a feed: the root element is <" + std::string(root.name()) +
                                ">");
  }
  feed.ill_formed = xml.ill_formed || !reader.problem().empty();
  feed.ill_formed_reason = xml.ill_formed ? xml.ill_formed_reason : reader.problem();
  return feed;
}

}  // namespace newsdesk
