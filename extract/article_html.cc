// HTML → Article on libxml2's HTML parser.
//
// Metadata comes from JSON-LD, OpenGraph and other <meta> tags, <link
// rel=canonical>, <title>, <h1> and <time>. The main text is found the way
// Readability does it: paragraphs score their parent and grandparent by
// length and commas, the best-scoring container wins, and its paragraphs,
// headings, lists and quotes are kept in order while subtrees that are
// navigation, share bars, related links, comments or ads are left out.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <re2/re2.h>
#include <simdjson.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "extract/extract.h"
#include "extract/internal.h"

namespace newsdesk {
namespace {

struct DocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

std::string_view Name(const xmlNode* n) {
  return n->name ? reinterpret_cast<const char*>(n->name) : std::string_view();
}

bool IsElement(const xmlNode* n, std::string_view name) {
  return n->type == XML_ELEMENT_NODE && Name(n) == name;
}

// The attribute's value, or empty. HTML attribute names arrive lower-cased.
std::string Attr(const xmlNode* n, const char* name) {
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    if (a->name && std::strcmp(reinterpret_cast<const char*>(a->name), name) == 0) {
      std::string v;
      for (const xmlNode* c = a->children; c != nullptr; c = c->next) {
        if (c->content) v += reinterpret_cast<const char*>(c->content);
      }
      return v;
    }
  }
  return {};
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool IsOneOf(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Never part of an article's text.
bool IsNonContentTag(std::string_view name) {
  return IsOneOf(name,
                 {"script", "style",  "noscript", "template", "nav",    "footer",   "aside",
                  "form",   "button", "iframe",   "svg",      "select", "textarea", "input",
                  "header", "menu",   "dialog",   "object",   "embed",  "canvas",   "figcaption"});
}

bool IsBlockTag(std::string_view name) {
  return IsOneOf(name, {"p",     "div", "section", "article", "main",  "li", "ul",         "ol",
                        "h1",    "h2",  "h3",      "h4",      "h5",    "h6", "blockquote", "pre",
                        "table", "tr",  "td",      "th",      "dl",    "dd", "dt",         "figure",
                        "br",    "hr",  "header",  "footer",  "aside", "nav"});
}

// Class and id words of boilerplate containers, after Readability's
// unlikelyCandidates. Strong ones are never article text; weak ones are
// unless the same class or id also says it holds content.
const RE2& StrongBoilerplateHint() {
  static const RE2 re(
      "(?i)(share|sharing|social|newsletter|subscri|signup|sign-up|related|recommend|comment|"
      "cookie|consent|promo|advert|ad-slot|ad-container|adslot|sponsor|popular|most-read|"
      "mostread|trending|outbrain|taboola|paywall|breadcrumb|read-more|readmore|more-stories|"
      "next-article|author-bio)");
  return re;
}
const RE2& WeakBoilerplateHint() {
  static const RE2 re(
      "(?i)(banner|sidebar|side-bar|ticker|masthead|menu|navbar|navigation|pagination|footer|"
      "header|skip|disclaimer|modal|popup|tags|toolbar|timestamp|byline|dateline|meta|"
      "reading-time|caption)");
  return re;
}
const RE2& ContentHint() {
  static const RE2 re("(?i)(article|body|content|main|column|story|entry)");
  return re;
}
// Whole paragraphs that are page furniture, not text; only short blocks are
// furniture ("Subscribers to the scheme said…" is a sentence).
constexpr std::size_t kMaxFurnitureBytes = 80;
const RE2& BoilerplateParagraph() {
  static const RE2 re(
      "(?i)^(advertisement|sponsored|loading\\.*|\\d+\\s*min(ute)?s?\\s*read|share( this)?"
      "( article| story)?|read more|continue reading|copy link|sign up.*newsletter.*|"
      "subscribe.*|follow us.*|(photo|image)( credit)?:.*|related( stories| articles)?:?)$");
  return re;
}

bool IsHidden(const xmlNode* n) {
  if (n->properties == nullptr) return false;
  if (xmlHasProp(n, reinterpret_cast<const xmlChar*>("hidden")) != nullptr ||
      Lower(Attr(n, "aria-hidden")) == "true") {
    return true;
  }
  std::string style = Lower(Attr(n, "style"));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

// The class and id words that say what an element is for. CMS taxonomy
// classes ("category-advertising", "tag-social-media") name the article's
// topic, not the element's role, and are left out.
std::string RoleHints(const xmlNode* n) {
  std::string hints;
  std::string classes = Attr(n, "class") + " " + Attr(n, "id");
  std::size_t pos = 0;
  while (pos < classes.size()) {
    std::size_t end = classes.find_first_of(" \t\n", pos);
    if (end == std::string::npos) end = classes.size();
    std::string_view token(classes.data() + pos, end - pos);
    pos = end + 1;
    if (token.empty() || token.rfind("category-", 0) == 0 || token.rfind("tag-", 0) == 0) continue;
    hints += token;
    hints += ' ';
  }
  return hints;
}

bool IsBoilerplateContainer(const xmlNode* n) {
  std::string_view name = Name(n);
  if (IsOneOf(name, {"html", "body", "article", "main"})) return false;
  if (!Attr(n, "itemprop").empty() && Lower(Attr(n, "itemprop")) == "articlebody") return false;
  std::string role = Lower(Attr(n, "role"));
  if (IsOneOf(role, {"navigation", "complementary", "banner", "contentinfo", "menu", "dialog"})) {
    return true;
  }
  std::string hints = RoleHints(n);
  if (hints.empty()) return false;
  if (RE2::PartialMatch(hints, StrongBoilerplateHint())) return true;
  return RE2::PartialMatch(hints, WeakBoilerplateHint()) &&
         !RE2::PartialMatch(hints, ContentHint());
}

// Text of a subtree with entities decoded, collapsed later by the caller.
// Counts the characters inside links into *link_chars.
void AppendText(const xmlNode* n, int depth, int max_depth, std::string& out,
                std::size_t* link_chars, bool in_link) {
  if (depth > max_depth) return;
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content == nullptr) continue;
      std::size_t len = std::strlen(reinterpret_cast<const char*>(c->content));
      out.append(reinterpret_cast<const char*>(c->content), len);
      if (in_link && link_chars) *link_chars += len;
    } else if (c->type == XML_ELEMENT_NODE) {
      std::string_view name = Name(c);
      if (IsOneOf(name, {"script", "style", "noscript", "template", "button", "svg"}) ||
          IsHidden(c)) {
        continue;
      }
      bool block = IsBlockTag(name);
      if (block) out += ' ';
      AppendText(c, depth + 1, max_depth, out, link_chars, in_link || name == "a");
      if (block) out += ' ';
    }
  }
}

struct Block {
  const xmlNode* node;
  std::string text;
  double link_density;
  bool paragraph_like;  // p, pre, div-as-paragraph: the blocks that score
};

bool HasBlockChild(const xmlNode* n) {
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (c->type == XML_ELEMENT_NODE && IsBlockTag(Name(c)) && Name(c) != "br") return true;
  }
  return false;
}

// Walks the body collecting text blocks, skipping non-content subtrees.
class BlockCollector {
 public:
  explicit BlockCollector(int max_depth) : max_depth_(max_depth) {}

  void Walk(const xmlNode* n, int depth) {
    if (depth > max_depth_) return;
    std::string loose;  // text and inline elements between blocks: a paragraph of its own
    const xmlNode* loose_first = nullptr;
    std::size_t loose_links = 0;
    auto flush_loose = [&] {
      std::string text = CollapseWhitespace(loose);
      if (text.size() >= 25 && loose_first != nullptr) {
        double density = static_cast<double>(loose_links) / static_cast<double>(loose.size());
        blocks_.push_back({loose_first, std::move(text), std::min(density, 1.0), true});
      }
      loose.clear();
      loose_first = nullptr;
      loose_links = 0;
    };
    bool after_br = false;  // <br><br> ends a paragraph
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (c->type == XML_ELEMENT_NODE && Name(c) == "br") {
        if (after_br) flush_loose();
        after_br = true;
        continue;
      }
      bool blank_text = c->type == XML_TEXT_NODE &&
                        (c->content == nullptr ||
                         CollapseWhitespace(reinterpret_cast<const char*>(c->content)).empty());
      if (!blank_text) after_br = false;
      bool inline_node = c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE ||
                         (c->type == XML_ELEMENT_NODE && !IsBlockTag(Name(c)) &&
                          !IsNonContentTag(Name(c)) && !IsHidden(c));
      if (inline_node && Name(n) != "body" && Name(n) != "html") {
        if (loose_first == nullptr) loose_first = c;
        if (c->type == XML_ELEMENT_NODE) {
          std::string part;
          AppendText(c, depth, max_depth_, part, &loose_links, Name(c) == "a");
          loose += part;
        } else if (c->content != nullptr) {
          loose += reinterpret_cast<const char*>(c->content);
        }
        continue;
      }
      flush_loose();
      if (c->type != XML_ELEMENT_NODE) continue;
      std::string_view name = Name(c);
      if (IsNonContentTag(name) || IsHidden(c) || IsBoilerplateContainer(c)) continue;
      bool heading = IsOneOf(name, {"h2", "h3", "h4", "h5", "h6"});
      bool paragraph = IsOneOf(name, {"p", "pre"}) || (name == "div" && !HasBlockChild(c));
      if (paragraph || heading || name == "li" || name == "blockquote" || name == "h1") {
        if (name == "blockquote" && HasBlockChild(c)) {
          Walk(c, depth + 1);  // its paragraphs are blocks of their own
          continue;
        }
        if (name == "li" && HasBlockChild(c)) {
          Walk(c, depth + 1);
          continue;
        }
        Add(c, depth, paragraph, name == "h1");
        continue;
      }
      Walk(c, depth + 1);
    }
    flush_loose();
  }

  std::vector<Block>& blocks() { return blocks_; }

 private:
  void Add(const xmlNode* n, int depth, bool paragraph_like, bool is_h1) {
    if (is_h1) return;  // the headline is the title, not part of the text
    std::string raw;
    std::size_t link_chars = 0;
    AppendText(n, depth, max_depth_, raw, &link_chars, false);
    std::string text = CollapseWhitespace(raw);
    if (text.empty()) return;
    double density = raw.empty() ? 0.0 : static_cast<double>(link_chars) / raw.size();
    blocks_.push_back({n, std::move(text), std::min(density, 1.0), paragraph_like});
  }

  int max_depth_;
  std::vector<Block> blocks_;
};

bool IsInside(const xmlNode* n, const xmlNode* ancestor) {
  for (; n != nullptr; n = n->parent) {
    if (n == ancestor) return true;
  }
  return false;
}

std::size_t CountCommas(std::string_view s) {
  return static_cast<std::size_t>(std::count(s.begin(), s.end(), ',')) +
         (s.find("\xEF\xBC\x8C") != std::string_view::npos ? 1 : 0);
}

// The main text: the Readability-style best container and its good blocks.
std::string MainText(std::vector<Block>& blocks, const std::string& title) {
  std::unordered_map<const xmlNode*, double> score;
  std::unordered_map<const xmlNode*, std::size_t> contained;  // good paragraph bytes inside
  std::size_t order = 0;
  std::unordered_map<const xmlNode*, std::size_t> first_seen;
  for (const Block& b : blocks) {
    if (!b.paragraph_like || b.text.size() < 25 || b.link_density > 0.5) continue;
    double s = 1.0 + static_cast<double>(CountCommas(b.text)) +
               std::min(3.0, static_cast<double>(b.text.size()) / 100.0);
    const xmlNode* parent = b.node->parent;
    if (parent == nullptr) continue;
    score[parent] += s;
    first_seen.emplace(parent, order++);
    if (parent->parent != nullptr) {
      score[parent->parent] += s / 2;
      first_seen.emplace(parent->parent, order++);
    }
    for (const xmlNode* a = parent; a != nullptr; a = a->parent) contained[a] += b.text.size();
  }
  const xmlNode* best = nullptr;
  double best_score = 0;
  for (auto& [node, s] : score) {
    if (s > best_score || (s == best_score && first_seen[node] < first_seen[best])) {
      best = node;
      best_score = s;
    }
  }
  if (best == nullptr) return {};

  // Pages that wrap every paragraph in a container of its own make the
  // winner a fragment: move up to the lowest ancestor that holds much more
  // of the page's paragraph text, as long as there is one.
  constexpr double kClimbGain = 1.5;
  for (bool climbed = true; climbed;) {
    climbed = false;
    for (const xmlNode* a = best->parent; a != nullptr; a = a->parent) {
      if (static_cast<double>(contained[a]) >= kClimbGain * static_cast<double>(contained[best])) {
        best = a;
        best_score = std::max(best_score, score[a]);
        climbed = true;
        break;
      }
    }
  }

  // Siblings of the winner that score well belong to the article too (a body
  // split by an inline ad or a figure into several containers).
  std::vector<const xmlNode*> roots = {best};
  if (best->parent != nullptr) {
    for (const xmlNode* s = best->parent->children; s != nullptr; s = s->next) {
      if (s == best || s->type != XML_ELEMENT_NODE) continue;
      auto it = score.find(s);
      if (it != score.end() && it->second >= std::max(2.0, best_score * 0.2)) roots.push_back(s);
    }
  }

  std::string text;
  std::string folded_title = Lower(title);
  for (const Block& b : blocks) {
    bool inside = false;
    for (const xmlNode* r : roots) inside = inside || IsInside(b.node, r);
    if (!inside) continue;
    if (b.link_density > 0.5 && b.text.size() < 400) continue;
    std::string_view name = Name(b.node);
    if (name == "li" && b.link_density > 0.3) continue;
    if (b.text.size() <= kMaxFurnitureBytes && RE2::FullMatch(b.text, BoilerplateParagraph())) {
      continue;
    }
    if (!folded_title.empty() && Lower(b.text) == folded_title) continue;
    if (!text.empty()) text += "\n\n";
    text += b.text;
  }
  return text;
}

// Metadata read from JSON-LD.
struct LinkedData {
  std::string headline, date_published, date_modified, byline, publisher, language, url, body;
  bool found = false;
};

bool TypeIsArticle(simdjson::dom::element type) {
  auto is_article = [](std::string_view t) {
    return t == "NewsArticle" || t == "Article" || t == "ReportageNewsArticle" ||
           t == "AnalysisNewsArticle" || t == "BlogPosting" || t == "OpinionNewsArticle" ||
           t == "Report" || t == "LiveBlogPosting" || t == "BackgroundNewsArticle";
  };
  std::string_view s;
  if (!type.get(s)) return is_article(s);
  simdjson::dom::array arr;
  if (!type.get(arr)) {
    for (auto t : arr) {
      if (!t.get(s) && is_article(s)) return true;
    }
  }
  return false;
}

std::string StringOrName(simdjson::dom::element e) {
  std::string_view s;
  if (!e.get(s)) return std::string(s);
  simdjson::dom::object o;
  if (!e.get(o)) {
    if (!o["name"].get(s)) return std::string(s);
    if (!o["@id"].get(s)) return std::string(s);
  }
  simdjson::dom::array a;
  if (!e.get(a)) {
    std::string joined;
    for (auto item : a) {
      std::string one = StringOrName(item);
      if (one.empty()) continue;
      if (!joined.empty()) joined += ", ";
      joined += one;
    }
    return joined;
  }
  return {};
}

void ReadLinkedData(simdjson::dom::element e, LinkedData& ld, int depth) {
  if (depth > 8 || ld.found) return;
  simdjson::dom::array arr;
  if (!e.get(arr)) {
    for (auto item : arr) ReadLinkedData(item, ld, depth + 1);
    return;
  }
  simdjson::dom::object obj;
  if (e.get(obj)) return;
  simdjson::dom::element graph;
  if (!obj["@graph"].get(graph)) ReadLinkedData(graph, ld, depth + 1);
  if (ld.found) return;
  simdjson::dom::element type;
  if (obj["@type"].get(type) || !TypeIsArticle(type)) return;
  ld.found = true;
  simdjson::dom::element v;
  if (!obj["headline"].get(v)) ld.headline = StringOrName(v);
  if (!obj["datePublished"].get(v)) ld.date_published = StringOrName(v);
  if (!obj["dateModified"].get(v)) ld.date_modified = StringOrName(v);
  if (!obj["author"].get(v)) ld.byline = StringOrName(v);
  if (!obj["publisher"].get(v)) ld.publisher = StringOrName(v);
  if (!obj["inLanguage"].get(v)) ld.language = StringOrName(v);
  if (!obj["url"].get(v)) ld.url = StringOrName(v);
  if (ld.url.empty() && !obj["mainEntityOfPage"].get(v)) ld.url = StringOrName(v);
  if (!obj["articleBody"].get(v)) ld.body = StringOrName(v);
}

// Everything in the page other than the main text.
struct PageFacts {
  std::map<std::string, std::string> meta;  // lower-cased name/property → first content
  std::string canonical, title_tag, h1, lang, time_datetime, rel_author;
  LinkedData ld;
};

void ReadPageFacts(const xmlNode* n, int depth, int max_depth, PageFacts& f,
                   simdjson::dom::parser& json) {
  if (depth > max_depth) return;
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    std::string_view name = Name(c);
    if (name == "meta") {
      std::string key = Attr(c, "property");
      if (key.empty()) key = Attr(c, "name");
      if (key.empty()) key = Attr(c, "itemprop");
      if (key.empty()) key = Attr(c, "http-equiv");
      std::string content = Attr(c, "content");
      if (!key.empty() && !content.empty()) f.meta.emplace(Lower(key), content);
    } else if (name == "link") {
      std::string rel = Lower(Attr(c, "rel"));
      if (rel == "canonical" && f.canonical.empty()) f.canonical = Attr(c, "href");
    } else if (name == "title" && f.title_tag.empty()) {
      std::string t;
      AppendText(c, 0, 2, t, nullptr, false);
      // <title> inside <svg> is not the page's title.
      if (c->parent == nullptr || Name(c->parent) != "svg") f.title_tag = CollapseWhitespace(t);
    } else if (name == "h1" && f.h1.empty()) {
      std::string t;
      AppendText(c, depth, max_depth, t, nullptr, false);
      f.h1 = CollapseWhitespace(t);
    } else if (name == "time" && f.time_datetime.empty()) {
      f.time_datetime = Attr(c, "datetime");
    } else if (name == "script" && Lower(Attr(c, "type")) == "application/ld+json" && !f.ld.found) {
      std::string body;
      for (const xmlNode* t = c->children; t != nullptr; t = t->next) {
        if (t->content) body += reinterpret_cast<const char*>(t->content);
      }
      simdjson::dom::element root;
      if (!json.parse(body).get(root)) ReadLinkedData(root, f.ld, 0);
      continue;
    }
    if (name == "a" && f.rel_author.empty() && Lower(Attr(c, "rel")) == "author") {
      std::string t;
      AppendText(c, depth, max_depth, t, nullptr, false);
      f.rel_author = CollapseWhitespace(t);
    }
    ReadPageFacts(c, depth + 1, max_depth, f, json);
  }
}

std::string FirstMeta(const PageFacts& f, std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    auto it = f.meta.find(k);
    if (it != f.meta.end()) {
      std::string v = CollapseWhitespace(it->second);
      if (!v.empty()) return v;
    }
  }
  return {};
}

// "Headline | Outlet" → "Headline", using what else the page says.
std::string StripSiteName(const std::string& title, const std::string& outlet,
                          const std::string& h1) {
  static const std::vector<std::string> kSeparators = {
      " | ", " - ", " — ", " – ", " :: ", " · ", " // ", " « ", " » "};
  std::string lower_outlet = Lower(outlet);
  for (const std::string& sep : kSeparators) {
    std::size_t at = title.rfind(sep);
    if (at != std::string::npos && !lower_outlet.empty() &&
        Lower(title.substr(at + sep.size())) == lower_outlet) {
      return title.substr(0, at);
    }
    at = title.find(sep);
    if (at != std::string::npos && !lower_outlet.empty() &&
        Lower(title.substr(0, at)) == lower_outlet) {
      return title.substr(at + sep.size());
    }
  }
  if (!h1.empty() && title.find(h1) != std::string::npos) return h1;
  for (const std::string& sep : kSeparators) {
    std::size_t at = title.rfind(sep);
    if (at == std::string::npos) continue;
    std::string tail = title.substr(at + sep.size());
    std::string head = title.substr(0, at);
    auto words = [](const std::string& s) { return std::count(s.begin(), s.end(), ' ') + 1; };
    if (words(tail) <= 4 && words(head) > words(tail)) return head;
  }
  return title;
}

// A canonical URL that is a site's home page, declared by a page that is
// not the home page: a CMS default, not the article's address.
bool IsSiteRootOfAnotherPage(const std::string& canonical, const std::string& page_url) {
  std::size_t scheme = canonical.find("://");
  if (scheme == std::string::npos) return false;
  std::size_t path = canonical.find('/', scheme + 3);
  bool is_root = path == std::string::npos || canonical.substr(path) == "/";
  if (!is_root) return false;
  auto page = CanonicalUrl(page_url);
  return !page || *page != canonical;
}

// More attributes than this on one element, or more bytes inside one tag,
// and the page is refused: libxml2's duplicate-attribute check is quadratic.
bool HasMonstrousTag(std::string_view html, std::size_t max_attributes, std::size_t max_tag_bytes) {
  std::size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    std::size_t end = html.find('>', i);
    if (end == std::string_view::npos) end = html.size();
    if (end - i > max_tag_bytes) return true;
    std::size_t attributes = 0;
    for (std::size_t j = i; j < end; ++j) attributes += html[j] == '=';
    if (attributes > max_attributes) return true;
    i = end;
  }
  return false;
}

// A declared charset near the top of the page means libxml2 should follow
// it; otherwise UTF-8 when the bytes are UTF-8, else windows-1252, the
// encoding undeclared legacy pages are nearly always in.
const char* EncodingFor(std::string_view html) {
  std::string head = Lower(html.substr(0, 2048));
  if (head.find("charset") != std::string::npos || head.find("encoding=") != std::string::npos) {
    return nullptr;
  }
  if (simdjson::validate_utf8(html.data(), html.size())) return "UTF-8";
  return "windows-1252";
}

}  // namespace

Result<Article> ExtractHtmlArticle(std::string_view html, std::string_view url,
                                   const ArticleOverrides& overrides,
                                   const ExtractOptions& options) {
  if (Status s = extract_internal::CheckInput(html, options); !s.ok()) return s;
  if (HasMonstrousTag(html, options.max_attributes_per_element, options.max_tag_bytes)) {
    return Status::TooLarge("an element has more than " +
                            std::to_string(options.max_attributes_per_element) +
                            " attributes or a tag over " + std::to_string(options.max_tag_bytes) +
                            " bytes (max_attributes_per_element, max_tag_bytes)");
  }
  std::string base(url);
  // XML_PARSE_HUGE: libxml2 otherwise drops everything nested deeper than
  // 256 elements without a word; our own walks stop at max_dom_depth.
  std::unique_ptr<xmlDoc, DocDeleter> doc(htmlReadMemory(
      html.data(), static_cast<int>(html.size()), base.empty() ? nullptr : base.c_str(),
      options.charset.empty() ? EncodingFor(html) : options.charset.c_str(),
      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
          HTML_PARSE_COMPACT | XML_PARSE_HUGE));
  if (!doc) return Status::InvalidInput("not an HTML document (libxml2 could not parse it)");
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (root == nullptr) return Status::InvalidInput("not an HTML document (no root element)");

  PageFacts f;
  simdjson::dom::parser json;
  {
    // The root itself (<html lang>) is not among its children.
    f.lang = Attr(root, "lang");
    ReadPageFacts(root, 0, options.max_dom_depth, f, json);
  }

  Article a;
  a.url = base;
  a.outlet = FirstMeta(f, {"og:site_name", "application-name"});
  if (a.outlet.empty()) a.outlet = CollapseWhitespace(f.ld.publisher);
  std::string outlet_for_title = overrides.outlet ? *overrides.outlet : a.outlet;

  if (!f.ld.headline.empty()) {
    a.title = StripSiteName(CollapseWhitespace(f.ld.headline), outlet_for_title, f.h1);
  } else if (std::string og = FirstMeta(f, {"og:title", "twitter:title"}); !og.empty()) {
    a.title = StripSiteName(og, outlet_for_title, f.h1);
  } else if (!f.title_tag.empty()) {
    a.title = StripSiteName(f.title_tag, outlet_for_title, f.h1);
  } else {
    a.title = f.h1;
  }

  for (const std::string& candidate :
       {f.canonical, FirstMeta(f, {"og:url"}), CollapseWhitespace(f.ld.url)}) {
    if (candidate.empty()) continue;
    auto u = CanonicalUrl(candidate, base);
    if (!u || u->rfind("file:", 0) == 0 || IsSiteRootOfAnotherPage(*u, base)) continue;
    a.canonical_url = *u;
    break;
  }

  std::string published = CollapseWhitespace(f.ld.date_published);
  if (published.empty()) {
    published =
        FirstMeta(f, {"article:published_time", "og:published_time", "datepublished", "pubdate",
                      "publishdate", "publish-date", "date", "dc.date", "dc.date.issued",
                      "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published"});
  }
  if (published.empty()) published = f.time_datetime;
  a.published = ParseDateTime(published);
  std::string modified = CollapseWhitespace(f.ld.date_modified);
  if (modified.empty()) {
    modified = FirstMeta(f, {"article:modified_time", "og:updated_time", "datemodified",
                             "dcterms.modified", "last-modified"});
  }
  a.modified = ParseDateTime(modified);

  a.byline = CollapseWhitespace(f.ld.byline);
  if (a.byline.empty()) {
    std::string author = FirstMeta(f, {"author", "article:author", "byl", "dc.creator"});
    if (author.rfind("http", 0) != 0) a.byline = author;
  }
  if (a.byline.empty()) a.byline = f.rel_author;
  if (a.byline.size() > 3 && Lower(a.byline.substr(0, 3)) == "by ") a.byline = a.byline.substr(3);

  a.language = CollapseWhitespace(f.lang);
  if (a.language.empty()) a.language = CollapseWhitespace(f.ld.language);
  if (a.language.empty()) a.language = FirstMeta(f, {"content-language", "og:locale"});
  std::replace(a.language.begin(), a.language.end(), '_', '-');

  const xmlNode* body = root;
  for (const xmlNode* c = root->children; c != nullptr; c = c->next) {
    if (IsElement(c, "body")) body = c;
  }
  BlockCollector collector(options.max_dom_depth);
  collector.Walk(body, 0);
  a.text = MainText(collector.blocks(), a.title);
  if (a.text.empty() && !f.ld.body.empty()) a.text = CollapseWhitespace(f.ld.body);

  if (Status s = extract_internal::FinishArticle(a, overrides); !s.ok()) return s;
  return a;
}

}  // namespace newsdesk
