// The main text of an HTML page: Readability's algorithm, and what it lacks
// for news pages.
//
// One walk over the libxml2 tree builds a flat table of the elements (in
// document order, so a subtree is an index range) and of the text blocks:
// each block is a run of inline content owned by its nearest block-level
// element, with its length, the part of it inside links and its commas.
// Lengths count characters, not bytes, and a Han, kana or Hangul character
// counts two, so that text in scripts written without spaces weighs about
// what the same sentence would in English; commas include the Arabic and
// the ideographic ones.
//
// Finding the text then needs no more passes over the tree. Readability's
// steps:
//   1. every paragraph of 25 characters or more scores its ancestors, five
//      levels up, by its commas and length (the parent in full, the
//      grandparent half, the rest a third of their level);
//   2. a candidate starts from its tag and its class and id words, and its
//      score is cut by its link density; the best one wins, moved up to a
//      common ancestor when other good candidates share one, and up through
//      ancestors that score better or that it is the only child of;
//   3. siblings of the winner that score well, and paragraph siblings that
//      read like prose, join it;
//   4. inside, navigation, asides, footers, share bars and bylines go, and
//      lists, tables, forms and divisions go when their link density, image,
//      input and embed counts say they are not prose;
//   5. if less than kMinArticleLength characters remain, the page is tried
//      again, first without dropping the elements whose class or id says
//      boilerplate, then without class weights, then without step 4, and the
//      longest text wins.
// Added to them:
//   - a page without one scoring paragraph has no text (Readability would
//     take the whole body);
//   - a retry does not win with text that is mostly what the first try left
//     out as boilerplate (the comments under a short post);
//   - a winner made of other <article>s than the headline's (teasers, the
//     next story of an endless page) is looked for again without them;
//   - a sibling with the winner's class joins it when it holds a scoring
//     paragraph, however deep (an article split by figures into sections);
//   - captions and photo credits, lists of links (items that each link to
//     another page), boxes headed like furniture ("Related stories",
//     "Subscribe to our newsletter", "About the author") and <article>s
//     nested in the text go; embedded posts (a <blockquote> with its
//     author's links) stay whatever their class or links say;
//   - a paragraph whose links are a fifth of it stays when it reads as
//     sentences.
// The blocks left are the text, in document order, minus short furniture
// ("Advertisement", "3 min read", "Share this"), the headline repeated,
// short lines that are mostly a link, at either end lines that only give a
// date or a copyright notice, and above the text a byline no class marks
// ("By Jane Roe, Reporter · 2 min read") and the section as a link.
#include <libxml/tree.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "extract/html_internal.h"

namespace newsdesk::html_internal {
namespace {

// What an element is, as far as finding the text goes.
enum class Tag : std::uint8_t {
  kInline,  // span, em, b, font and unknown elements: part of the text around them
  kA,
  kArticle,
  kAside,
  kBlockquote,
  kBody,
  kBr,
  kCode,
  kDd,
  kDiv,
  kDl,
  kDt,
  kFieldset,
  kFigcaption,
  kFigure,
  kFooter,
  kForm,
  kH1,
  kH2,
  kH3,
  kH4,
  kH5,
  kH6,
  kHeader,
  kHr,
  kHtml,
  kImg,
  kInput,
  kLi,
  kMain,
  kNav,
  kOl,
  kP,
  kPre,
  kSection,
  kTable,
  kTd,
  kTh,
  kTr,
  kUl,
  kBlock,   // other block-level elements: address, center, details, caption, tbody…
  kEmbed,   // iframe, object, embed, video, audio: no text, counted as embeds
  kSkip,    // never text and never holding any: style, noscript, svg, select…
  kMeta,    // <meta>
  kLink,    // <link>
  kScript,  // <script>
  kTitle,   // <title>
  kTime,    // <time>: inline, set aside for the metadata reader
};

// By length, then by name: cheaper than hashing for names this short.
// (libxml2's HTML parser copies each element's name, so the pointers cannot
// be cached.)
Tag TagOf(std::string_view name) {
  struct Entry {
    const char* name;
    Tag tag;
  };
  static constexpr Entry kLength1[] = {
      {"a", Tag::kA}, {"p", Tag::kP}, {"b", Tag::kInline}, {"i", Tag::kInline}};
  static constexpr Entry kLength2[] = {
      {"li", Tag::kLi}, {"br", Tag::kBr}, {"td", Tag::kTd},    {"tr", Tag::kTr}, {"ul", Tag::kUl},
      {"h2", Tag::kH2}, {"h3", Tag::kH3}, {"h1", Tag::kH1},    {"h4", Tag::kH4}, {"ol", Tag::kOl},
      {"th", Tag::kTh}, {"dd", Tag::kDd}, {"dt", Tag::kDt},    {"dl", Tag::kDl}, {"h5", Tag::kH5},
      {"h6", Tag::kH6}, {"hr", Tag::kHr}, {"em", Tag::kInline}};
  static constexpr Entry kLength3[] = {
      {"div", Tag::kDiv},  {"img", Tag::kImg},   {"nav", Tag::kNav}, {"pre", Tag::kPre},
      {"svg", Tag::kSkip}, {"dir", Tag::kBlock}, {"map", Tag::kSkip}};
  static constexpr Entry kLength4[] = {
      {"span", Tag::kInline}, {"meta", Tag::kMeta},  {"link", Tag::kLink}, {"body", Tag::kBody},
      {"html", Tag::kHtml},   {"head", Tag::kBlock}, {"form", Tag::kForm}, {"main", Tag::kMain},
      {"code", Tag::kCode},   {"time", Tag::kTime},  {"math", Tag::kSkip}};
  static constexpr Entry kLength5[] = {
      {"table", Tag::kTable}, {"input", Tag::kInput}, {"style", Tag::kSkip},
      {"title", Tag::kTitle}, {"aside", Tag::kAside}, {"tbody", Tag::kBlock},
      {"thead", Tag::kBlock}, {"tfoot", Tag::kBlock}, {"video", Tag::kEmbed},
      {"audio", Tag::kEmbed}, {"embed", Tag::kEmbed}};
  static constexpr Entry kLength6[] = {
      {"script", Tag::kScript}, {"header", Tag::kHeader}, {"footer", Tag::kFooter},
      {"figure", Tag::kFigure}, {"iframe", Tag::kEmbed},  {"button", Tag::kSkip},
      {"select", Tag::kSkip},   {"object", Tag::kEmbed},  {"canvas", Tag::kSkip},
      {"center", Tag::kBlock},  {"dialog", Tag::kBlock},  {"hgroup", Tag::kBlock},
      {"legend", Tag::kBlock}};
  static constexpr Entry kLength7[] = {{"article", Tag::kArticle}, {"section", Tag::kSection},
                                       {"address", Tag::kBlock},   {"caption", Tag::kBlock},
                                       {"details", Tag::kBlock},   {"summary", Tag::kBlock}};
  static constexpr Entry kLength8[] = {{"noscript", Tag::kSkip}, {"template", Tag::kSkip},
                                       {"textarea", Tag::kSkip}, {"fieldset", Tag::kFieldset},
                                       {"datalist", Tag::kSkip}, {"frameset", Tag::kSkip},
                                       {"noframes", Tag::kSkip}};
  static constexpr Entry kLength10[] = {{"blockquote", Tag::kBlockquote},
                                        {"figcaption", Tag::kFigcaption}};
  auto find = [&](const auto& table) {
    for (const Entry& e : table) {
      if (std::memcmp(e.name, name.data(), name.size()) == 0) return e.tag;
    }
    return Tag::kInline;
  };
  switch (name.size()) {
    case 1:
      return find(kLength1);
    case 2:
      return find(kLength2);
    case 3:
      return find(kLength3);
    case 4:
      return find(kLength4);
    case 5:
      return find(kLength5);
    case 6:
      return find(kLength6);
    case 7:
      return find(kLength7);
    case 8:
      return find(kLength8);
    case 10:
      return find(kLength10);
    default:
      return Tag::kInline;
  }
}

bool IsHeading(Tag t) { return t >= Tag::kH1 && t <= Tag::kH6; }

// Elements that end the run of inline text before them and start a new one.
bool BreaksText(Tag t) {
  switch (t) {
    case Tag::kInline:
    case Tag::kA:
    case Tag::kBr:
    case Tag::kCode:
    case Tag::kImg:
    case Tag::kInput:
    case Tag::kTime:
      return false;
    default:
      return true;
  }
}

// Readability's DIV_TO_P_ELEMS: a <div> holding none of these, at any depth,
// is a paragraph.
bool IsDivToPBlocker(Tag t) {
  switch (t) {
    case Tag::kBlockquote:
    case Tag::kDl:
    case Tag::kDiv:
    case Tag::kImg:
    case Tag::kOl:
    case Tag::kP:
    case Tag::kPre:
    case Tag::kTable:
    case Tag::kUl:
      return true;
    default:
      return false;
  }
}

// Readability's initial score of a candidate, by its tag.
double TagScore(Tag t) {
  switch (t) {
    case Tag::kDiv:
      return 5;
    case Tag::kPre:
    case Tag::kTd:
    case Tag::kBlockquote:
      return 3;
    case Tag::kOl:
    case Tag::kUl:
    case Tag::kDl:
    case Tag::kDd:
    case Tag::kDt:
    case Tag::kLi:
    case Tag::kForm:
      return -3;
    case Tag::kH1:
    case Tag::kH2:
    case Tag::kH3:
    case Tag::kH4:
    case Tag::kH5:
    case Tag::kH6:
    case Tag::kTh:
      return -5;
    default:
      return 0;
  }
}

// What the class and id words of an element say, after Readability's
// regular expressions; a few words it lacks for newer page furniture
// (newsletter and cookie boxes, recommendation widgets) are added to them.
enum HintBits : std::uint16_t {
  kHintUnlikely = 1 << 0,  // unlikelyCandidates: boilerplate…
  kHintMaybe = 1 << 1,     // okMaybeItsACandidate: …unless this says otherwise
  kHintPositive = 1 << 2,  // +25
  kHintNegative = 1 << 3,  // -25
  kHintShare = 1 << 4,     // a share bar
  kHintByline = 1 << 5,    // a byline or dateline
  kHintCaption = 1 << 6,   // a caption or a photo credit
  kHintDate = 1 << 7,      // a date or time (for the metadata reader only)
};

const RE2::Set& HintSet() {
  static const RE2::Set* set = [] {
    RE2::Options o;
    o.set_case_sensitive(false);
    o.set_log_errors(false);
    auto* s = new RE2::Set(o, RE2::UNANCHORED);
    // The order matches the bits of HintBits.
    const char* patterns[] = {
        "-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|"
        "footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|"
        "social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote",
        "and|article|body|column|content|main|shadow",
        "article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story",
        "-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|"
        "footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|"
        "skyscraper|sponsor|shopping|tags|tool|widget",
        "(^|[^a-z0-9])(share|sharedaddy)([^a-z0-9]|$)",
        "byline|author|dateline|writtenby|p-author",
        "caption|credit",
        "date|time|publish|posted",
    };
    for (const char* p : patterns) s->Add(p, nullptr);
    s->Compile();
    return s;
  }();
  return *set;
}

std::string WithoutTaxonomyClasses(std::string_view value);

// The hint bits of one class or id value. CMS taxonomy classes
// ("category-advertising", "tag-social-media") name the article's topic, not
// the element's role, and are left out.
std::uint16_t ClassifyHints(std::string_view value) {
  thread_local std::vector<int> matched;  // reused: this runs for every distinct class
  matched.clear();
  if (value.find("category-") == std::string_view::npos &&
      value.find("tag-") == std::string_view::npos) {
    HintSet().Match(value, &matched);
  } else {
    std::string kept = WithoutTaxonomyClasses(value);
    if (!kept.empty()) HintSet().Match(kept, &matched);
  }
  std::uint16_t bits = 0;
  for (int m : matched) bits |= static_cast<std::uint16_t>(1u << m);
  return bits;
}

std::string WithoutTaxonomyClasses(std::string_view value) {
  std::string kept;
  kept.reserve(value.size());
  std::size_t pos = 0;
  while (pos < value.size()) {
    std::size_t end = value.find_first_of(" \t\n\r\f", pos);
    if (end == std::string_view::npos) end = value.size();
    std::string_view token = value.substr(pos, end - pos);
    pos = end + 1;
    if (token.empty() || token.rfind("category-", 0) == 0 || token.rfind("tag-", 0) == 0) continue;
    if (!kept.empty()) kept += ' ';
    kept.append(token);
  }
  return kept;
}

enum NodeFlags : std::uint16_t {
  kUnlikely = 1 << 0,    // class/id or role says boilerplate (Readability's unlikely)
  kShare = 1 << 1,       // class/id says share bar
  kBylineHint = 1 << 2,  // class/id, rel or itemprop says byline
  kHasDivToPBlocker = 1 << 3,
  kInTable = 1 << 4,   // has a <table> ancestor
  kInCode = 1 << 5,    // has a <code> or <pre> ancestor
  kInFigure = 1 << 6,  // has a <figure> ancestor
  kCaption = 1 << 7,   // <figcaption>, or class/id says caption or credit
  kInQuote = 1 << 8,   // has a <blockquote> ancestor, or is one
};

struct Node {
  const xmlNode* xml;
  std::int32_t parent;  // -1 for the root
  std::int32_t end;     // index of the last node of the subtree
  Tag tag;
  std::uint16_t flags = 0;
  std::int8_t class_weight = 0;  // Readability's getClassWeight: -50…50
  std::string_view class_attr;   // for the sibling bonus
  // The blocks started inside the element: [block_begin, block_end). Those
  // of a block-level element are exactly its text; an inline element's
  // range may also hold blocks of the element around it.
  std::uint32_t block_begin = 0, block_end = 0;
};

struct Block {
  std::int32_t owner;                 // the block-level element holding the run
  std::uint32_t begin = 0, size = 0;  // bytes of the run in PageModel::Data::text
  float length = 0;                   // characters (wide ones count two), collapsed
  float link_length = 0;              // of which inside links; a "#…" link counts 0.3
  float page_link_length = 0;         // of which inside links to other pages (not "#…")
  std::uint16_t commas = 0;
};

// Characters of Han, kana and Hangul count this many.
constexpr float kWideCharWeight = 2.0f;
// Readability's thresholds, in characters.
constexpr float kMinParagraphLength = 25;
constexpr double kMinArticleLength = 500;
constexpr int kScoredAncestorLevels = 5;
constexpr int kTopCandidates = 5;
constexpr int kMinTopCandidatesSharingAncestor = 3;
// Blocks at most this long may be page furniture ("Advertisement").
constexpr std::size_t kMaxFurnitureBytes = 80;
// A line that may be a byline ("By Jane Roe, Staff Reporter").
constexpr std::size_t kMaxBylineBytes = 160;

// "By " and names (capitalized words, with "and", "&" and the particles of
// names between them), then labels after commas, middle dots, bars or dashes
// that each open with a capital or a digit (a job, a date, "2 min read").
const RE2& BylineLine() {
  static const RE2 re(
      "By \\p{Lu}[\\p{L}\\p{M}'’.\\-]*"
      "(?: (?:\\p{Lu}[\\p{L}\\p{M}'’.\\-]*|and|&|de|da|del|der|van|von|bin|al|di|du|le|la))*"
      "(?:\\s*[,·|—–]\\s*(?:\\p{Lu}|\\d)[^,·|—–]*)*");
  return re;
}

// Boxes of page furniture are shorter than this.
constexpr float kMaxBoxLength = 1000;

const RE2& FurnitureBlock() {
  static const RE2 re(
      "(?i)^(advertisement|advertising|ad|sponsored|sponsored content|loading\\.*|…|"
      "\\d+\\s*min(ute)?s?\\s*read|share( this)?( article| story| on \\w+)?|read more|"
      "continue reading|copy link|link copied|sign up.*newsletter.*|subscribe.*|follow us.*|"
      "(click|tap) here.*|.*\\bnewsletters?\\b.*|comments?|\\d+ comments?|"
      "leave a (comment|reply)|comments are closed\\.?|"
      "(photo|image)( credit)?:.*|related( stories| articles| content)?:?|"
      "pub|publicité|werbung|anzeige|anuncio|广告|реклама|正在加载.*|загрузка.*|chargement.*|"
      "cargando.*)$");
  return re;
}

// The title of a box of page furniture: what a block of related links, a
// newsletter sign-up, the comments or an author's bio is headed with.
constexpr std::size_t kMaxBoxTitleBytes = 60;
const RE2& BoxTitle() {
  static const RE2 re(
      "(?i)^((more|related|other|latest|top|popular|recommended|trending|similar|recent|"
      "featured|further)( \\pL+)? (stories|articles|news|posts|videos|headlines|reads|reading|"
      "content|coverage|links|topics|tags)|(more|latest) (from|on|in|about) .{1,40}|related|"
      "read (more|next|also)|see also|also read|recommended( for you)?|"
      "you (may|might) (also )?(like|enjoy)|most (read|popular|viewed|shared|emailed)|"
      "trending( now)?|editor'?s'? picks|(subscribe|sign up|register) (to|for|now).*|"
      ".*newsletters?|newsletters?.*|\\d* ?comments?|leave a (comment|reply)|"
      "join the (conversation|discussion)|share( this)?( article| story)?|follow us.*|tags|"
      "about the authors?|sponsored( content| stories)?|advertisement|promoted( stories)?|"
      "what to read next|don'?t miss|in case you missed it|get (the|our) .*(app|newsletter).*)"
      "[:.!]?$");
  return re;
}

bool IsSpaceByte(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Length of a Unicode space at s (U+00A0, U+2000–U+200B, U+202F, U+205F,
// U+3000), or 0.
std::size_t UnicodeSpaceLength(const unsigned char* s, std::size_t left) {
  if (left >= 2 && s[0] == 0xC2 && s[1] == 0xA0) return 2;
  if (left >= 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] <= 0x8B || s[2] == 0xAF)) return 3;
  if (left >= 3 && s[0] == 0xE2 && s[1] == 0x81 && s[2] == 0x9F) return 3;
  if (left >= 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80) return 3;
  return 0;
}

// The per-attempt sums over a subtree.
struct Totals {
  float length = 0, link_length = 0, heading_length = 0, list_length = 0, page_link_length = 0;
  float quote_length = 0;  // inside <blockquote>s
  std::uint32_t commas = 0;
  std::uint32_t p = 0, img = 0, li = 0, input = 0, embed = 0;
  std::uint32_t children = 0;  // element children that count (Readability's children.length)
  std::uint32_t items = 0, linked_items = 0;  // <li> children, and those holding a link
};

// Readability's flags; a retry clears them one by one.
struct Attempt {
  bool strip_unlikely = true;
  bool weight_classes = true;
  bool clean_conditionally = true;
};

}  // namespace

struct PageModel::Data {
  std::vector<Node> nodes;
  std::vector<Block> blocks;
  std::string text;  // every block's collapsed text, back to back
  std::int32_t body = -1;
  bool truncated = false;  // max_elements was reached
};

namespace {

// Builds the node and block tables in one walk.
class Walker {
 public:
  Walker(PageModel::Data& d, PageElements& e, int max_depth, std::size_t max_elements)
      : d_(d), e_(e), max_depth_(max_depth), max_elements_(max_elements) {}

  void WalkRoot(const xmlNode* root, std::size_t input_bytes) {
    // Guesses from the size of pages, to spare most of the regrowing.
    d_.nodes.reserve(std::min<std::size_t>(input_bytes / 256 + 64, max_elements_));
    d_.blocks.reserve(input_bytes / 512 + 64);
    d_.text.reserve(input_bytes / 16 + 256);
    hint_cache_.reserve(256);
    AddNode(root, -1, Tag::kHtml, 0);
    Children(root, 0, 0, 0, false, false);
    Finish(0);
    d_.nodes[0].block_end = static_cast<std::uint32_t>(d_.blocks.size());
    Close();
    // Lines that read "By Jane Roe …": the byline of a page that marks it
    // with no class, rel or itemprop.
    constexpr std::size_t kMaxByLines = 8;
    for (const Block& b : d_.blocks) {
      if (b.size > kMaxBylineBytes || b.size < 4 || e_.by_lines.size() >= kMaxByLines) continue;
      std::string_view t = std::string_view(d_.text).substr(b.begin, b.size);
      // A capital beyond ASCII too ("By Élodie Roe"), as BylineLine reads
      // it: a byline dropped from the text must have given its authors.
      static const RE2 capital("^\\p{Lu}");
      if ((t[0] == 'B' || t[0] == 'b') && t[1] == 'y' && t[2] == ' ' &&
          RE2::PartialMatch(t.substr(3, 4), capital)) {
        e_.by_lines.emplace_back(t);
      }
    }
  }

 private:
  struct Attrs {
    std::string_view cls, id, style, role, itemprop, rel, href, aria_hidden, aria_modal;
    bool hidden = false;
  };

  static std::string_view Value(const xmlAttr* a) {
    const xmlNode* c = a->children;
    if (c == nullptr || c->content == nullptr) return {};
    if (c->next == nullptr) return reinterpret_cast<const char*>(c->content);
    return {};  // a value split into several nodes (entity references): rare, ignored
  }

  static Attrs ReadAttrs(const xmlNode* n) {
    Attrs a;
    for (const xmlAttr* p = n->properties; p != nullptr; p = p->next) {
      if (p->name == nullptr) continue;
      std::string_view name = reinterpret_cast<const char*>(p->name);
      switch (name.size()) {
        case 2:
          if (name == "id") a.id = Value(p);
          break;
        case 3:
          if (name == "rel") a.rel = Value(p);
          break;
        case 4:
          if (name == "role") {
            a.role = Value(p);
          } else if (name == "href") {
            a.href = Value(p);
          }
          break;
        case 5:
          if (name == "class") {
            a.cls = Value(p);
          } else if (name == "style") {
            a.style = Value(p);
          }
          break;
        case 6:
          if (name == "hidden") a.hidden = true;
          break;
        case 8:
          if (name == "itemprop") a.itemprop = Value(p);
          break;
        case 10:
          if (name == "aria-modal") a.aria_modal = Value(p);
          break;
        case 11:
          if (name == "aria-hidden") a.aria_hidden = Value(p);
          break;
        default:
          break;
      }
    }
    return a;
  }

  // Readability's _isProbablyVisible, and its removal of modal dialogs.
  static bool IsHidden(const Attrs& a) {
    if (a.hidden) return true;
    if (a.aria_hidden == "true" && a.cls.find("fallback-image") == std::string_view::npos) {
      return true;
    }
    if (a.aria_modal == "true" && a.role == "dialog") return true;
    if (a.style.empty()) return false;
    std::string style;
    for (char c : a.style) {
      if (c != ' ' && c != '\t' && c != '\n') style += static_cast<char>(std::tolower(c));
    }
    return style.find("display:none") != std::string::npos ||
           style.find("visibility:hidden") != std::string::npos;
  }

  std::uint16_t Hints(std::string_view value) {
    if (value.empty()) return 0;
    auto it = hint_cache_.find(value);
    if (it != hint_cache_.end()) return it->second;
    std::uint16_t bits = ClassifyHints(value);
    hint_cache_.emplace(value, bits);
    return bits;
  }

  std::int32_t AddNode(const xmlNode* x, std::int32_t parent, Tag tag, std::uint16_t inherited) {
    Node n;
    n.xml = x;
    n.parent = parent;
    n.end = static_cast<std::int32_t>(d_.nodes.size());
    n.tag = tag;
    n.flags = inherited;
    d_.nodes.push_back(n);
    return static_cast<std::int32_t>(d_.nodes.size() - 1);
  }

  void Finish(std::int32_t i) { d_.nodes[i].end = static_cast<std::int32_t>(d_.nodes.size() - 1); }

  // Ends the open run of text; what follows starts a new block.
  void Close() {
    open_ = -1;
    after_br_ = false;
  }

  void AppendText(const char* s, std::int32_t owner, bool in_link, bool hash_link) {
    const auto* p = reinterpret_cast<const unsigned char*>(s);
    std::size_t n = std::strlen(s);
    float link_weight = in_link ? (hash_link ? 0.3f : 1.0f) : 0.0f;
    float page_link_weight = in_link && !hash_link ? 1.0f : 0.0f;
    std::size_t i = 0;
    while (i < n) {
      // White space: remembered, written once before the next word.
      std::size_t space;
      while (i < n && (space = IsSpaceByte(p[i]) ? 1
                               : p[i] >= 0xC2    ? UnicodeSpaceLength(p + i, n - i)
                                                 : 0) > 0) {
        if (open_ >= 0) pending_space_ = true;
        i += space;
      }
      if (i >= n) break;
      if (open_ < 0 || d_.blocks[open_].owner != owner) {
        Block b;
        b.owner = owner;
        b.begin = static_cast<std::uint32_t>(d_.text.size());
        d_.blocks.push_back(b);
        open_ = static_cast<std::int32_t>(d_.blocks.size() - 1);
        pending_space_ = false;
        pending_newline_ = false;
      }
      Block& b = d_.blocks[open_];
      if (pending_space_ || pending_newline_) {
        d_.text += pending_newline_ ? '\n' : ' ';
        b.length += 1;
        b.link_length += link_weight;
        b.page_link_length += page_link_weight;
        pending_space_ = pending_newline_ = false;
      }
      after_br_ = false;
      // A word: up to the next white space, counted as it goes.
      std::size_t start = i;
      float length = 0;
      while (i < n) {
        unsigned char c = p[i];
        if (c < 0x80) {
          if (IsSpaceByte(c)) break;
          if (c == ',') ++b.commas;
          length += 1;
          ++i;
          continue;
        }
        if (c >= 0xC2 && UnicodeSpaceLength(p + i, n - i) > 0) break;
        std::size_t len = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (len > n - i) len = n - i;
        float weight = 1.0f;
        if (len == 3) {
          std::uint32_t cp = ((c & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu);
          // Readability's commas above U+0800, and the ideographic comma.
          if (cp == 0xFF0C || cp == 0x3001 || cp == 0xFE50 || cp == 0xFE10 || cp == 0xFE11 ||
              cp == 0x2E41 || cp == 0x2E34 || cp == 0x2E32) {
            ++b.commas;
          }
          if ((cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x2E80 && cp <= 0x9FFF) ||
              (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF)) {
            weight = kWideCharWeight;
          }
        } else if (len == 2 && c == 0xD8 && p[i + 1] == 0x8C) {
          ++b.commas;  // U+060C, the Arabic comma
        } else if (len == 4) {
          weight = kWideCharWeight;  // mostly CJK extensions
        }
        length += weight;
        i += len;
      }
      d_.text.append(s + start, i - start);
      b.length += length;
      b.link_length += length * link_weight;
      b.page_link_length += length * page_link_weight;
      b.size = static_cast<std::uint32_t>(d_.text.size() - b.begin);
    }
  }

  // Walks the children of node `self` (index `self_index`). `owner`: the
  // nearest block-level element, which inline text belongs to.
  void Children(const xmlNode* self, std::int32_t self_index, std::int32_t owner, int depth,
                bool in_link, bool hash_link) {
    for (const xmlNode* c = self->children; c != nullptr; c = c->next) {
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
        if (c->content != nullptr)
          AppendText(reinterpret_cast<const char*>(c->content), owner, in_link, hash_link);
        continue;
      }
      if (c->type != XML_ELEMENT_NODE) continue;
      if (d_.nodes.size() >= max_elements_) {
        d_.truncated = true;
        return;
      }
      Tag tag = TagOf(Name(c));
      switch (tag) {
        case Tag::kMeta:
          e_.metas.push_back(c);
          continue;
        case Tag::kLink:
          e_.links.push_back(c);
          continue;
        case Tag::kTitle:
          if (e_.title == nullptr) e_.title = c;
          continue;
        case Tag::kScript: {
          std::string_view type;
          for (const xmlAttr* p = c->properties; p != nullptr; p = p->next) {
            if (p->name && std::strcmp(reinterpret_cast<const char*>(p->name), "type") == 0) {
              type = Value(p);
            }
          }
          if (type.size() == 19 && AsciiLower(type) == "application/ld+json") {
            e_.json_ld.push_back(c);
          }
          continue;
        }
        case Tag::kSkip:
          continue;
        default:
          break;
      }
      Attrs a = ReadAttrs(c);
      if (IsHidden(a)) continue;

      if (tag == Tag::kBr) {
        // Two line breaks in a row end a paragraph; one is a line break in it.
        if (after_br_) {
          Close();
        } else if (open_ >= 0) {
          pending_newline_ = true;
          after_br_ = true;
        }
        continue;
      }

      std::uint16_t inherited =
          d_.nodes[self_index].flags & (kInTable | kInCode | kInFigure | kInQuote);
      std::uint16_t flags = inherited;
      std::uint16_t class_hints = Hints(a.cls);
      std::uint16_t id_hints = Hints(a.id);
      std::uint16_t hints = class_hints | id_hints;
      int weight = 0;
      if (class_hints & kHintNegative) weight -= 25;
      if (class_hints & kHintPositive) weight += 25;
      if (id_hints & kHintNegative) weight -= 25;
      if (id_hints & kHintPositive) weight += 25;
      if ((hints & kHintUnlikely) && !(hints & kHintMaybe) && !(inherited & (kInTable | kInCode)) &&
          tag != Tag::kBody && tag != Tag::kA) {
        flags |= kUnlikely;
      }
      if (!a.role.empty()) {
        std::string role = AsciiLower(a.role);
        if (role == "menu" || role == "menubar" || role == "complementary" ||
            role == "navigation" || role == "alert" || role == "alertdialog" || role == "dialog" ||
            role == "banner" || role == "contentinfo") {
          flags |= kUnlikely;
        }
      }
      if (hints & kHintShare) flags |= kShare;
      if ((hints & kHintCaption) || tag == Tag::kFigcaption) flags |= kCaption;
      bool author_prop = a.itemprop.find("author") != std::string_view::npos;
      if ((hints & kHintByline) || author_prop || a.rel == "author") {
        flags |= kBylineHint;
        if (e_.authors.size() < 16) e_.authors.push_back(c);
      }
      if ((hints & kHintDate) && e_.dates.size() < 16) e_.dates.push_back(c);
      if (!a.itemprop.empty() && !author_prop && e_.itemprops.size() < 32) {
        e_.itemprops.push_back(c);
      }
      // An inline element that may be left out holds text of its own.
      bool breaks = BreaksText(tag) || (flags & (kUnlikely | kShare | kBylineHint | kCaption));
      if (breaks) Close();

      std::int32_t i = AddNode(c, self_index, tag, flags);
      Node& n = d_.nodes[i];
      n.class_attr = a.cls;
      n.class_weight = static_cast<std::int8_t>(weight);
      bool link = in_link, hash = hash_link;
      switch (tag) {
        case Tag::kTable:
          n.flags |= kInTable;
          break;
        case Tag::kCode:
        case Tag::kPre:
          n.flags |= kInCode;
          break;
        case Tag::kFigure:
          n.flags |= kInFigure;
          break;
        case Tag::kBlockquote:
          n.flags |= kInQuote;
          break;
        case Tag::kA:
          link = true;
          hash = !a.href.empty() && a.href[0] == '#';
          break;
        case Tag::kH1:
          if (e_.h1s.size() < 8) e_.h1s.push_back(c);
          break;
        case Tag::kTime:
          if (e_.times.size() < 16) e_.times.push_back(c);
          break;
        case Tag::kBody:
          if (d_.body < 0) d_.body = i;
          break;
        default:
          break;
      }
      d_.nodes[i].block_begin = static_cast<std::uint32_t>(d_.blocks.size());
      if (depth + 1 < max_depth_ && tag != Tag::kEmbed && tag != Tag::kImg) {
        Children(c, i, breaks ? i : owner, depth + 1, link, hash);
      }
      Finish(i);
      d_.nodes[i].block_end = static_cast<std::uint32_t>(d_.blocks.size());
      if (breaks) Close();
      // Readability's _hasChildBlockElement, bottom-up.
      if (IsDivToPBlocker(tag) || (d_.nodes[i].flags & kHasDivToPBlocker)) {
        d_.nodes[self_index].flags |= kHasDivToPBlocker;
      }
    }
  }

  PageModel::Data& d_;
  PageElements& e_;
  int max_depth_;
  std::size_t max_elements_;
  std::int32_t open_ = -1;  // the block inline text goes to, or -1
  bool pending_space_ = false, pending_newline_ = false, after_br_ = false;
  std::unordered_map<std::string_view, std::uint16_t> hint_cache_;
};

// Readability's isDataTable, on what the table holds.
bool IsDataTable(const PageModel::Data& d, std::int32_t t) {
  const Node& n = d.nodes[t];
  std::string role = AsciiLower(Attr(n.xml, "role"));
  if (role == "presentation") return false;
  if (Attr(n.xml, "datatable") == "0") return false;
  if (!Attr(n.xml, "summary").empty()) return true;
  int rows = 0, max_cells = 0, cells = 0;
  for (std::int32_t i = t + 1; i <= n.end; ++i) {
    Tag tag = d.nodes[i].tag;
    if (tag == Tag::kTable) return false;  // tables of tables lay out a page
    if (tag == Tag::kTh) return true;
    std::string_view name = Name(d.nodes[i].xml);
    if (name == "caption" || name == "thead" || name == "tfoot" || name == "colgroup") return true;
    if (tag == Tag::kTr) {
      ++rows;
      max_cells = std::max(max_cells, cells);
      cells = 0;
    } else if (tag == Tag::kTd) {
      ++cells;
    }
  }
  max_cells = std::max(max_cells, cells);
  if (rows >= 10 || max_cells > 4) return true;
  return rows * max_cells > 10;
}

class Finder {
 public:
  Finder(const PageModel::Data& d, const MainTextOptions& o) : d_(d) {
    std::size_t n = d.nodes.size();
    // data_table_[i]: node i is a table of data or inside one.
    data_table_.assign(n, 0);
    for (std::size_t i = 1; i < n; ++i) {
      data_table_[i] =
          data_table_[d.nodes[i].parent] ||
          (d.nodes[i].tag == Tag::kTable && IsDataTable(d, static_cast<std::int32_t>(i)));
    }
    title_ = FoldForCompare(o.title);
    for (std::size_t i = 0; i < n && title_node_ < 0; ++i) {
      Tag t = d.nodes[i].tag;
      if (t != Tag::kH1 && t != Tag::kH2) continue;
      const Node& node = d.nodes[i];
      for (std::uint32_t k = node.block_begin; k < node.block_end; ++k) {
        if (MatchesTitle(BlockText(d.blocks[k]))) {
          title_node_ = static_cast<std::int32_t>(i);
          break;
        }
      }
    }
    // An element its class calls boilerplate ("social-embed") that only
    // wraps a quoted post is a quote in the story: it stays.
    std::vector<Totals> all;
    ComputeTotals(std::vector<char>(n, 0), all);
    unlikely_self_.assign(n, 0);
    for (std::size_t i = 1; i < n; ++i) {
      unlikely_self_[i] = (d.nodes[i].flags & kUnlikely) && !IsQuoteWrapper(all[i]);
    }
    unlikely_.assign(n, 0);
    for (std::size_t i = 1; i < n; ++i) {
      unlikely_[i] = unlikely_[d.nodes[i].parent] || unlikely_self_[i];
    }
  }

  // Whether an element with these sums holds a quoted post: most of its
  // text inside a <blockquote>.
  static bool IsQuoteWrapper(const Totals& t) {
    constexpr float kMinQuoteShare = 0.8f;
    return t.length > 0 && t.quote_length >= kMinQuoteShare * t.length;
  }

  MainText Run() {
    MainText best;
    double best_length = -1;
    for (int round = 0; round < 4; ++round) {
      Attempt attempt;
      attempt.strip_unlikely = round < 1;
      attempt.weight_classes = round < 2;
      attempt.clean_conditionally = round < 3;
      double length = 0, boilerplate_length = 0;
      MainText m = Try(attempt, &length, &boilerplate_length);
      // A retry exists to find an article the boilerplate hints hid; text
      // that is mostly what they marked (the comments under a short post)
      // does not beat what the first try found.
      bool mostly_boilerplate = boilerplate_length > 0.5 * length;
      if (length > best_length && !(round > 0 && best_length > 0 && mostly_boilerplate)) {
        best_length = length;
        best = std::move(m);
      }
      if (length >= kMinArticleLength) break;
    }
    return best;
  }

 private:
  // Letters and digits, lower-cased where ASCII; punctuation, spaces and
  // the general punctuation block (dashes, curly quotes, "…") dropped.
  static std::string FoldForCompare(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
      auto c = static_cast<unsigned char>(s[i]);
      if (c == 0xE2 && i + 1 < s.size() &&
          (static_cast<unsigned char>(s[i + 1]) == 0x80 ||
           static_cast<unsigned char>(s[i + 1]) == 0x81)) {
        i += 2;
        continue;
      }
      if (std::isalnum(c) || c >= 0x80) out += static_cast<char>(std::tolower(c));
    }
    return out;
  }

  // Whether a heading says what the title says: the same, or one holding
  // the other when they differ by little (a site name, a kicker).
  bool MatchesTitle(std::string_view text) const {
    if (title_.empty()) return false;
    std::string folded = FoldForCompare(text);
    if (folded.empty()) return false;
    if (folded == title_) return true;
    const std::string& longer = folded.size() > title_.size() ? folded : title_;
    const std::string& shorter = folded.size() > title_.size() ? title_ : folded;
    constexpr double kMinShare = 0.6;
    return shorter.size() >= kMinShare * static_cast<double>(longer.size()) &&
           longer.find(shorter) != std::string::npos;
  }

  std::string_view BlockText(const Block& b) const {
    return std::string_view(d_.text).substr(b.begin, b.size);
  }

  bool IsInside(std::int32_t i, std::int32_t ancestor) const {
    return i >= ancestor && i <= d_.nodes[ancestor].end;
  }

  // Sums over every subtree under `root` (the whole page by default),
  // leaving out the subtrees removed[] marks. Sums outside `root` are zero.
  void ComputeTotals(const std::vector<char>& removed, std::vector<Totals>& t,
                     std::int32_t root = 0) const {
    std::size_t n = d_.nodes.size();
    t.assign(n, Totals{});
    const Node& top = d_.nodes[root];
    for (std::uint32_t k = top.block_begin; k < top.block_end; ++k) {
      const Block& b = d_.blocks[k];
      if (!IsInside(b.owner, root)) continue;
      Totals& o = t[b.owner];
      o.length += b.length;
      o.link_length += b.link_length;
      o.page_link_length += b.page_link_length;
      o.commas += b.commas;
    }
    for (std::size_t k = static_cast<std::size_t>(top.end) + 1;
         k-- > static_cast<std::size_t>(root) + 1;) {
      const Node& node = d_.nodes[k];
      if (removed[k]) continue;
      Totals& c = t[k];
      Totals& p = t[node.parent];
      p.length += c.length;
      p.link_length += c.link_length;
      p.page_link_length += c.page_link_length;
      p.commas += c.commas;
      p.heading_length += IsHeading(node.tag) ? c.length : c.heading_length;
      p.list_length += (node.tag == Tag::kUl || node.tag == Tag::kOl) ? c.length : c.list_length;
      p.quote_length += node.tag == Tag::kBlockquote ? c.length : c.quote_length;
      p.p += c.p + (node.tag == Tag::kP);
      p.img += c.img + (node.tag == Tag::kImg);
      p.li += c.li + (node.tag == Tag::kLi);
      if (node.tag == Tag::kLi) {
        ++p.items;
        if (c.page_link_length > 0) ++p.linked_items;
      }
      p.input += c.input + (node.tag == Tag::kInput);
      p.embed += c.embed + (node.tag == Tag::kEmbed);
      // Readability removes empty divisions and headings before it counts.
      bool empty = c.length == 0 && c.children == 0 && c.img == 0 && c.embed == 0 &&
                   (node.tag == Tag::kDiv || node.tag == Tag::kSection ||
                    node.tag == Tag::kHeader || IsHeading(node.tag));
      if (!empty) ++p.children;
    }
  }

  double LinkDensity(const Totals& t) const {
    return t.length > 0 ? std::min(1.0, static_cast<double>(t.link_length) / t.length) : 0.0;
  }

  // A block that Readability scores: a paragraph, or a run of inline text
  // that it would wrap in one.
  bool IsScoredBlock(const Block& b, std::int32_t* first_ancestor) const {
    const Node& owner = d_.nodes[b.owner];
    switch (owner.tag) {
      case Tag::kP:
      case Tag::kPre:
      case Tag::kH2:
      case Tag::kH3:
      case Tag::kH4:
      case Tag::kH5:
      case Tag::kH6:
        *first_ancestor = owner.parent;
        return true;
      case Tag::kDiv:
        // A division without block elements in it is a paragraph; one with
        // them has its loose text wrapped in paragraphs of its own.
        *first_ancestor = (owner.flags & kHasDivToPBlocker) ? b.owner : owner.parent;
        return true;
      case Tag::kLi:
      case Tag::kDd:
      case Tag::kDt:
      case Tag::kBlockquote:
      case Tag::kFigcaption:
      case Tag::kH1:
      case Tag::kA:
      case Tag::kHtml:
        return false;
      default:
        *first_ancestor = b.owner;
        return true;
    }
  }

  // Whether node i is a paragraph in Readability's eyes (a <p>, or a
  // division it turned into one).
  bool IsParagraphNode(std::int32_t i) const {
    const Node& n = d_.nodes[i];
    return n.tag == Tag::kP || (n.tag == Tag::kDiv && !(n.flags & kHasDivToPBlocker));
  }

  MainText Try(const Attempt& attempt, double* text_length, double* boilerplate_length,
               const std::vector<std::int32_t>& also_removed = {}) {
    const std::size_t n = d_.nodes.size();
    // Removed before scoring: boilerplate by class, id or role.
    std::vector<char> removed(n, 0);
    for (std::int32_t i : also_removed) removed[i] = 1;
    for (std::size_t i = 1; i < n; ++i) {
      const Node& node = d_.nodes[i];
      removed[i] =
          removed[i] || removed[node.parent] || (attempt.strip_unlikely && unlikely_self_[i]);
    }
    std::vector<Totals> totals;
    ComputeTotals(removed, totals);

    // 1. Paragraphs score their ancestors.
    std::vector<double> score(n, 0.0);
    std::vector<char> candidate(n, 0);
    auto init = [&](std::int32_t a) {
      if (candidate[a]) return;
      candidate[a] = 1;
      score[a] =
          TagScore(d_.nodes[a].tag) + (attempt.weight_classes ? d_.nodes[a].class_weight : 0);
    };
    for (const Block& b : d_.blocks) {
      std::int32_t a;
      if (removed[b.owner] || b.length < kMinParagraphLength || !IsScoredBlock(b, &a)) continue;
      double s = 1.0 + (b.commas + 1) + std::min(std::floor(b.length / 100.0), 3.0);
      for (int level = 0; a > 0 && level < kScoredAncestorLevels; ++level) {
        // Readability stops below the document element.
        init(a);
        double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
        score[a] += s / divider;
        a = d_.nodes[a].parent;
      }
    }

    // 2. The best candidate, its score cut by its link density.
    std::vector<std::int32_t> top;
    for (std::size_t i = 1; i < n; ++i) {
      if (!candidate[i] || removed[i]) continue;
      score[i] *= 1.0 - LinkDensity(totals[i]);
      top.push_back(static_cast<std::int32_t>(i));
    }
    std::stable_sort(top.begin(), top.end(),
                     [&](std::int32_t x, std::int32_t y) { return score[x] > score[y]; });
    if (top.size() > kTopCandidates) top.resize(kTopCandidates);

    std::int32_t body = d_.body >= 0 ? d_.body : 0;
    std::int32_t best = top.empty() ? -1 : top[0];
    std::vector<std::int32_t> roots;
    if (best < 0) {
      // Not one paragraph of 25 characters: menus, a script-only page or a
      // paywall's prompt. Readability would take the whole body; that is
      // never an article.
      *text_length = 0;
      *boilerplate_length = 0;
      return {};
    }
    if (d_.nodes[best].tag == Tag::kBody) {
      roots.push_back(body);
    } else {
      best = RefineTop(best, top, score, candidate, totals, attempt);
      // A winner made of several <article>s is a list of stories; the one
      // the page is about is looked for again without them, unless one of
      // them carries the headline.
      if (also_removed.empty()) {
        std::vector<std::int32_t> stories = OtherStories(best, totals, removed);
        if (!stories.empty()) return Try(attempt, text_length, boilerplate_length, stories);
      }
      roots = JoinSiblings(best, score, candidate, totals, removed);
    }

    // 4. Cleaning inside what was chosen.
    std::vector<char> dropped = removed;
    for (std::int32_t r : roots) Clean(r, best, attempt, dropped);

    MainText m;
    m.container = d_.nodes[best >= 0 ? best : body].xml;
    std::vector<std::uint32_t> chosen = loose_parent_blocks_;
    for (std::int32_t r : roots) {
      for (std::uint32_t k = d_.nodes[r].block_begin; k < d_.nodes[r].block_end; ++k) {
        if (IsInside(d_.blocks[k].owner, r)) chosen.push_back(k);
      }
    }
    std::sort(chosen.begin(), chosen.end());
    std::vector<std::uint32_t> kept;
    for (std::uint32_t k : chosen) {
      if (!dropped[d_.blocks[k].owner] && KeepBlock(d_.blocks[k])) kept.push_back(k);
    }
    TrimEdges(kept, &m.timestamp_lines);
    *text_length = 0;
    *boilerplate_length = 0;
    for (std::uint32_t k : kept) {
      const Block& b = d_.blocks[k];
      if (!m.text.empty()) m.text += "\n\n";
      m.text.append(BlockText(b));
      *text_length += b.length;
      if (unlikely_[b.owner]) *boilerplate_length += b.length;
    }
    for (std::int32_t r : roots) {
      if (m.first_image.empty()) {
        for (std::int32_t i = r; i <= d_.nodes[r].end; ++i) {
          if (d_.nodes[i].tag != Tag::kImg || dropped[i]) continue;
          m.first_image = ImageSource(d_.nodes[i].xml);
          if (!m.first_image.empty()) break;
        }
      }
    }
    return m;
  }

  static std::string ImageSource(const xmlNode* img) {
    for (const char* attr : {"data-src", "data-lazy-src", "data-original", "src"}) {
      std::string v = Attr(img, attr);
      if (!v.empty() && v.rfind("data:", 0) != 0) return v;
    }
    return {};
  }

  // The <article>s that are other stories than the page's, when the winner
  // is one or holds them: when the headline sits in an <article> and the
  // winner is in or holds another, every <article> apart from the
  // headline's; else the <article>s inside `best` without the headline,
  // when there are two or more and they hold most of its text. Else none.
  std::vector<std::int32_t> OtherStories(std::int32_t best, const std::vector<Totals>& totals,
                                         const std::vector<char>& removed) const {
    std::int32_t title_article = -1;
    for (std::int32_t a = title_node_; a > 0; a = d_.nodes[a].parent) {
      if (d_.nodes[a].tag == Tag::kArticle) {
        title_article = a;
        break;
      }
    }
    if (title_article >= 0 && !IsInside(best, title_article)) {
      std::vector<std::int32_t> others;
      bool best_is_other = false;
      for (std::int32_t i = 1; i < static_cast<std::int32_t>(d_.nodes.size());) {
        const Node& node = d_.nodes[i];
        if (node.tag != Tag::kArticle || removed[i] || i == title_article ||
            IsInside(title_article, i)) {
          ++i;
          continue;
        }
        others.push_back(i);
        best_is_other = best_is_other || IsInside(best, i) || IsInside(i, best);
        i = node.end + 1;
      }
      if (best_is_other) return others;
    }
    std::vector<std::int32_t> stories;
    float length = 0;
    for (std::int32_t i = best + 1; i <= d_.nodes[best].end;) {
      if (d_.nodes[i].tag != Tag::kArticle || removed[i]) {
        ++i;
        continue;
      }
      bool has_title = title_node_ >= 0 && IsInside(title_node_, i);
      if (!has_title) {
        stories.push_back(i);
        length += totals[i].length;
      }
      i = d_.nodes[i].end + 1;
    }
    constexpr double kMinShare = 0.8;
    if (stories.size() < 2 || length < kMinShare * totals[best].length) return {};
    return stories;
  }

  std::int32_t RefineTop(std::int32_t best, const std::vector<std::int32_t>& top,
                         const std::vector<double>& score, const std::vector<char>& candidate,
                         const std::vector<Totals>& totals, const Attempt& attempt) const {
    std::int32_t body = d_.body;
    // Other good candidates below a shared ancestor: the ancestor holds the
    // article, split into parts.
    std::vector<std::vector<std::int32_t>> alternatives;
    for (std::size_t k = 1; k < top.size(); ++k) {
      if (score[top[k]] / score[best] < 0.75) continue;
      std::vector<std::int32_t> ancestors;
      for (std::int32_t a = d_.nodes[top[k]].parent; a > 0; a = d_.nodes[a].parent) {
        ancestors.push_back(a);
      }
      alternatives.push_back(std::move(ancestors));
    }
    if (alternatives.size() >= kMinTopCandidatesSharingAncestor) {
      for (std::int32_t a = d_.nodes[best].parent; a > 0 && a != body; a = d_.nodes[a].parent) {
        int sharing = 0;
        for (const auto& list : alternatives) {
          if (std::find(list.begin(), list.end(), a) != list.end()) ++sharing;
        }
        if (sharing >= kMinTopCandidatesSharingAncestor) {
          best = a;
          break;
        }
      }
    }
    auto score_of = [&](std::int32_t i) {
      if (candidate[i]) return score[i];
      return TagScore(d_.nodes[i].tag) + (attempt.weight_classes ? d_.nodes[i].class_weight : 0);
    };
    // Up through ancestors that score better than what they hold.
    double last = score_of(best);
    double threshold = last / 3;
    for (std::int32_t a = d_.nodes[best].parent; a > 0 && a != body; a = d_.nodes[a].parent) {
      if (!candidate[a]) continue;
      if (score[a] < threshold) break;
      if (score[a] > last) {
        best = a;
        break;
      }
      last = score[a];
    }
    // Up through ancestors it is the only child of.
    for (std::int32_t p = d_.nodes[best].parent; p > 0 && p != body && totals[p].children == 1;
         p = d_.nodes[best].parent) {
      best = p;
    }
    return best;
  }

  // 3. The top candidate and the siblings that belong with it.
  std::vector<std::int32_t> JoinSiblings(std::int32_t best, const std::vector<double>& score,
                                         const std::vector<char>& candidate,
                                         const std::vector<Totals>& totals,
                                         const std::vector<char>& removed) {
    std::vector<std::int32_t> roots;
    loose_parent_blocks_.clear();
    std::int32_t parent = d_.nodes[best].parent;
    if (parent < 0) return {best};
    double best_score = candidate[best] ? score[best] : 0;
    double threshold = std::max(10.0, best_score * 0.2);
    std::string_view best_class = d_.nodes[best].class_attr;
    for (std::int32_t s = parent + 1; s <= d_.nodes[parent].end; s = d_.nodes[s].end + 1) {
      if (s == best) {
        roots.push_back(s);
        continue;
      }
      if (removed[s]) continue;
      double bonus =
          !best_class.empty() && d_.nodes[s].class_attr == best_class ? best_score * 0.2 : 0.0;
      if (candidate[s] && score[s] + bonus >= threshold) {
        roots.push_back(s);
        continue;
      }
      if (IsParagraphNode(s) && LooksLikeProse(totals[s], s)) {
        roots.push_back(s);
        continue;
      }
      // A part of the article wrapped deeper than paragraphs score: a
      // sibling of the winner's class holding a paragraph that scores.
      if (bonus > 0 && LinkDensity(totals[s]) < 0.25) {
        constexpr double kMinParagraphScore = 10;
        for (std::int32_t k = s + 1; k <= d_.nodes[s].end; ++k) {
          if (candidate[k] && !removed[k] && score[k] >= kMinParagraphScore) {
            roots.push_back(s);
            break;
          }
        }
      }
    }
    // Loose text directly in a <div> parent is a paragraph sibling too.
    if (d_.nodes[parent].tag == Tag::kDiv) {
      for (std::uint32_t k = d_.nodes[parent].block_begin; k < d_.nodes[parent].block_end; ++k) {
        const Block& b = d_.blocks[k];
        Totals t;
        t.length = b.length;
        t.link_length = b.link_length;
        if (b.owner == parent && LooksLikeProse(t, -1, &b)) loose_parent_blocks_.push_back(k);
      }
    }
    return roots;
  }

  // Readability's test for a paragraph sibling: long with few links, or
  // short, without links and with a sentence end.
  bool LooksLikeProse(const Totals& t, std::int32_t node, const Block* block = nullptr) const {
    double density = LinkDensity(t);
    if (t.length > 80 && density < 0.25) return true;
    if (t.length >= 80 || t.length <= 0 || density > 0) return false;
    auto has_sentence_end = [](std::string_view s) {
      for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '.' && (i + 1 == s.size() || s[i + 1] == ' ')) return true;
      }
      return false;
    };
    if (block != nullptr) return has_sentence_end(BlockText(*block));
    for (std::uint32_t k = d_.nodes[node].block_begin; k < d_.nodes[node].block_end; ++k) {
      if (IsInside(d_.blocks[k].owner, node) && has_sentence_end(BlockText(d_.blocks[k]))) {
        return true;
      }
    }
    return false;
  }

  // 4. Marks in dropped[] what inside root is not article text.
  void Clean(std::int32_t root, std::int32_t best, const Attempt& attempt,
             std::vector<char>& dropped) {
    const std::int32_t end = d_.nodes[root].end;
    // Always dropped: navigation, asides, footers, bylines, share bars.
    for (std::int32_t i = root + 1; i <= end; ++i) {
      const Node& node = d_.nodes[i];
      if (dropped[node.parent]) dropped[i] = 1;
      if (dropped[i]) continue;
      switch (node.tag) {
        case Tag::kNav:
        case Tag::kAside:
        case Tag::kFooter:
        case Tag::kH1:
          dropped[i] = 1;
          continue;
        default:
          break;
      }
    }
    std::vector<Totals> t;
    ComputeTotals(dropped, t, root);
    for (std::int32_t i = root + 1; i <= end; ++i) {
      const Node& node = d_.nodes[i];
      if (dropped[node.parent]) dropped[i] = 1;
      if (dropped[i]) continue;
      constexpr float kMaxShareLength = 500;
      constexpr float kMaxBylineLength = 100;
      if ((node.flags & kShare) && t[i].length < kMaxShareLength) dropped[i] = 1;
      if ((node.flags & kBylineHint) && t[i].length < kMaxBylineLength) dropped[i] = 1;
      // Captions describe a picture, not the story. (An element whose class
      // says caption may hold more than one when it is long.)
      constexpr float kMaxCaptionLength = 400;
      if (node.tag == Tag::kFigcaption ||
          ((node.flags & kCaption) && t[i].length < kMaxCaptionLength)) {
        dropped[i] = 1;
      }
      if ((node.tag == Tag::kH2 || node.tag == Tag::kH1) && attempt.weight_classes &&
          node.class_weight < 0) {
        dropped[i] = 1;
      }
    }
    // A box headed like furniture ("Related stories", "Subscribe to our
    // newsletter", "About the author") is furniture, heading and all; so is
    // a box of furniture lines and headings only ("Get the Gazette daily" /
    // "Sign up for our newsletter").
    for (std::int32_t i = root + 1; i <= end; ++i) {
      const Node& node = d_.nodes[i];
      if (dropped[i] || !IsBoxElement(node.tag) || t[i].length >= kMaxBoxLength) continue;
      const Block* first = nullptr;
      bool furniture = false, prose = false;
      for (std::uint32_t k = node.block_begin; k < node.block_end; ++k) {
        const Block& b = d_.blocks[k];
        if (!IsInside(b.owner, i) || dropped[b.owner]) continue;
        if (first == nullptr) first = &b;
        if (IsFurniture(b)) {
          furniture = true;
        } else if (!IsHeadingLike(b)) {
          prose = true;
        }
      }
      if (first == nullptr) continue;
      std::string_view title = BlockText(*first);
      bool titled = IsHeadingLike(*first) && title.size() <= kMaxBoxTitleBytes &&
                    RE2::FullMatch(title, BoxTitle());
      if (titled || (furniture && !prose)) {
        for (std::int32_t k = i; k <= node.end; ++k) dropped[k] = 1;
        i = node.end;
      }
    }
    // Other <article>s inside the one chosen are other stories (teasers, a
    // "more" box) when enough text is left without them; a live blog whose
    // updates are all <article>s keeps them.
    std::vector<std::int32_t> nested;
    float nested_length = 0;
    for (std::int32_t i = root + 1; i <= end;
         i = nested.empty() || nested.back() != i ? i + 1 : d_.nodes[i].end + 1) {
      if (d_.nodes[i].tag != Tag::kArticle || dropped[i] || IsInside(best, i)) continue;
      nested.push_back(i);
      nested_length += t[i].length;
    }
    if (!nested.empty() && t[root].length - nested_length >= kMinArticleLength) {
      for (std::int32_t i : nested) dropped[i] = 1;
      for (std::int32_t i = root + 1; i <= end; ++i) {
        if (dropped[d_.nodes[i].parent]) dropped[i] = 1;
      }
    }
    if (!attempt.clean_conditionally) return;
    // Conditional cleaning, bottom-up so that what a list or division lost
    // counts when its container is judged.
    ComputeTotals(dropped, t, root);
    std::vector<Totals> kept = t;  // recomputed as nodes go
    for (std::int32_t i = end; i > root; --i) {
      const Node& node = d_.nodes[i];
      if (dropped[i]) continue;
      if (ShouldCleanConditionally(i, node, kept[i], attempt)) {
        dropped[i] = 1;
        // Take it out of every ancestor's sums.
        for (std::int32_t a = node.parent; a >= root && a >= 0; a = d_.nodes[a].parent) {
          Subtract(kept[a], kept[i], node.tag);
        }
      }
    }
    // Descendants of dropped nodes are dropped.
    for (std::int32_t i = root + 1; i <= end; ++i) {
      if (dropped[d_.nodes[i].parent]) dropped[i] = 1;
    }
  }

  static bool IsBoxElement(Tag t) {
    return t == Tag::kDiv || t == Tag::kSection || t == Tag::kAside || t == Tag::kBlock ||
           t == Tag::kHeader || t == Tag::kFooter;
  }

  // A heading, or a short line set apart like one (bold, a division of
  // its own).
  bool IsHeadingLike(const Block& b) const {
    constexpr float kMaxLength = 60;
    if (IsHeading(d_.nodes[b.owner].tag)) return true;
    return b.length <= kMaxLength && !EndsSentence(BlockText(b));
  }

  // a -= b, where b is the sums of a removed descendant with tag `tag`.
  static void Subtract(Totals& a, const Totals& b, Tag tag) {
    auto sub = [](auto& x, auto y) { x = x > y ? x - y : 0; };
    sub(a.length, b.length);
    sub(a.link_length, b.link_length);
    sub(a.page_link_length, b.page_link_length);
    sub(a.commas, b.commas);
    sub(a.heading_length, IsHeading(tag) ? b.length : b.heading_length);
    sub(a.list_length, (tag == Tag::kUl || tag == Tag::kOl) ? b.length : b.list_length);
    sub(a.quote_length, tag == Tag::kBlockquote ? b.length : b.quote_length);
    sub(a.p, b.p + (tag == Tag::kP));
    sub(a.img, b.img + (tag == Tag::kImg));
    sub(a.li, b.li + (tag == Tag::kLi));
    sub(a.input, b.input + (tag == Tag::kInput));
    sub(a.embed, b.embed + (tag == Tag::kEmbed));
  }

  // Whether every run of text in node i is a sentence (ends like one) and
  // there is some: a paragraph with a link in it, not a teaser or a menu.
  bool IsProse(std::int32_t i) const {
    constexpr float kMinProseLength = 80;
    const Node& node = d_.nodes[i];
    float length = 0;
    for (std::uint32_t k = node.block_begin; k < node.block_end; ++k) {
      const Block& b = d_.blocks[k];
      if (!IsInside(b.owner, i)) continue;
      if (!EndsSentence(BlockText(b))) return false;
      length += b.length;
    }
    return length >= kMinProseLength;
  }

  bool ShouldCleanConditionally(std::int32_t i, const Node& node, const Totals& t,
                                const Attempt& attempt) const {
    bool is_list = node.tag == Tag::kUl || node.tag == Tag::kOl;
    switch (node.tag) {
      case Tag::kForm:
      case Tag::kFieldset:
      case Tag::kTable:
      case Tag::kUl:
      case Tag::kOl:
      case Tag::kDiv:
        break;
      default:
        return false;
    }
    // Tables of data, and what is in them, stay; so does code.
    if (data_table_[i] || (node.flags & kInCode)) return false;
    // A quoted post (an embedded tweet) links its author and date.
    if (IsQuoteWrapper(t)) return false;
    if (!is_list && t.length > 0 && t.list_length / t.length > 0.9) is_list = true;
    int weight = attempt.weight_classes ? node.class_weight : 0;
    if (weight < 0) return true;
    constexpr std::uint32_t kManyCommas = 10;
    if (t.commas >= kManyCommas) return false;
    double p = t.p, img = t.img, li = static_cast<double>(t.li) - 100, input = t.input;
    double heading_density = t.length > 0 ? t.heading_length / t.length : 0;
    double density = LinkDensity(t);
    double length = t.length;
    bool in_figure = node.flags & kInFigure;
    if (img > 1 && p / img < 0.5 && !in_figure) return true;
    if (!is_list && li > p) return true;
    if (input > std::floor(p / 3)) return true;
    if (!is_list && heading_density < 0.9 && length < 25 && (img == 0 || img > 2) && !in_figure) {
      return true;
    }
    if (!is_list && weight < 25 && density > 0.2 && !(density <= 0.5 && IsProse(i))) return true;
    if (weight >= 25 && density > 0.5) return true;
    // Readability keeps lists whatever their links; a list of links is a
    // list of other pages (related stories, tags), not text. So is a list
    // of short items that each link to another page, however much of them
    // the links cover (links within the page make a table of contents).
    if (is_list && density > 0.5) return true;
    constexpr std::uint32_t kMinLinkListItems = 3;
    constexpr double kMaxLinkListItemLength = 150;
    if (t.items >= kMinLinkListItems && t.linked_items * 5 >= t.items * 4 &&
        length / t.items < kMaxLinkListItemLength) {
      return true;
    }
    if ((t.embed == 1 && length < 75) || t.embed > 1) return true;
    return false;
  }

  static bool EndsSentence(std::string_view text) {
    while (!text.empty() && (text.back() == '"' || text.back() == ')' || text.back() == '\'')) {
      text.remove_suffix(1);
    }
    if (text.empty()) return false;
    char c = text.back();
    if (c == '.' || c == '!' || c == '?') return true;
    // 。！？ and the closing quotes ” ’ »
    for (std::string_view end :
         {"\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F", "\xE2\x80\x9D", "\xE2\x80\x99"}) {
      if (text.size() >= end.size() && text.substr(text.size() - end.size()) == end) {
        if (end[1] == '\x80' && end[0] == '\xE2')
          return EndsSentence(text.substr(0, text.size() - 3));
        return true;
      }
    }
    return false;
  }

  // A line that only says when (and maybe by whom): "Updated 1:39 am EST,
  // Wednesday, November 20, 2019", "By Jane Roe - 11/18/19 11:04 PM".
  static bool IsTimestampLine(std::string_view text) {
    constexpr std::size_t kMaxBytes = 120;
    constexpr int kMaxWords = 8;
    if (text.size() > kMaxBytes) return false;
    // A time, a numeric date, or a day and a year around a word (a month).
    static const RE2 when(
        "\\b\\d{1,2}:\\d{2}\\b|\\b\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{2,4}\\b|"
        "\\b\\d{1,2}(st|nd|rd|th)?,? (de )?\\pL+\\.?,? (de )?(19|20)\\d{2}\\b|"
        "\\b\\pL+\\.? \\d{1,2}(st|nd|rd|th)?, (19|20)\\d{2}\\b");
    if (!RE2::PartialMatch(text, when)) return false;
    std::string_view end = text;
    for (std::string_view suffix : {"a.m.", "p.m.", "A.M.", "P.M."}) {
      if (end.size() >= suffix.size() && end.substr(end.size() - suffix.size()) == suffix) {
        end.remove_suffix(suffix.size());
      }
    }
    if (!end.empty() && end.back() == '.') return false;  // a sentence
    // Words other than the ones dates are written with.
    static const RE2 date_words(
        "(?i)\\b(by|on|at|th|st|nd|rd|am|pm|a\\.m|p\\.m|updated|published|posted|last|first|"
        "(mon|tues|wednes|thurs|fri|satur|sun)day|(jan|febr)uary|march|april|may|june|july|"
        "august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|"
        "dec|[ecmp][sd]t|[ecmp]t|bst|cet|cest|ist|jst|aest|amt|gmt|utc|de|às|um|le|el)\\b");
    std::string rest(text);
    RE2::GlobalReplace(&rest, date_words, "");
    int words = 0;
    bool in_word = false;
    for (unsigned char c : rest) {
      bool letter = std::isalpha(c) || c >= 0x80;
      if (letter && !in_word) ++words;
      in_word = letter;
    }
    return words <= kMaxWords;
  }

  // Lines around the text that are not part of it: timestamps and calls to
  // the reader at either end, a copyright notice at the end, an unmarked
  // byline and a section link at the start.
  void TrimEdges(std::vector<std::uint32_t>& kept, std::vector<std::string>* timestamps) const {
    constexpr std::size_t kEdgeBlocks = 2;
    constexpr std::size_t kMaxNoticeBytes = 120;
    static const RE2 notice("(?i)©|ⓒ|\\(c\\) ?\\d{4}|\\bcopyright\\b|all rights reserved");
    std::vector<char> drop(kept.size(), 0);
    for (std::size_t i = 0; i < kept.size(); ++i) {
      bool head = i < kEdgeBlocks, tail = i + kEdgeBlocks >= kept.size();
      if (!head && !tail) continue;
      const Block& b = d_.blocks[kept[i]];
      std::string_view text = BlockText(b);
      // A quoted post ends with its author and date: it stays.
      if (IsTimestampLine(text) && !(d_.nodes[b.owner].flags & kInQuote) &&
          !IsHeading(d_.nodes[b.owner].tag)) {
        drop[i] = 1;
        timestamps->emplace_back(text);
      }
      if (tail && text.size() <= kMaxNoticeBytes && text.find('\n') == std::string_view::npos &&
          RE2::PartialMatch(text, notice)) {
        drop[i] = 1;
      }
      // Above the text, a byline that no class marks and that reads as names
      // and then labels ("By Jane Roe, Climate Reporter · 29 October 2026 ·
      // 2 min read"; not "By Friday, three things had changed:") and, first
      // of all, the section as a link ("Community"; a list's first item is
      // judged with its list).
      if (head && !(d_.nodes[b.owner].flags & kInQuote) && !IsHeading(d_.nodes[b.owner].tag)) {
        if (text.size() <= kMaxBylineBytes && text.find('\n') == std::string_view::npos &&
            RE2::FullMatch(text, BylineLine())) {
          drop[i] = 1;
        }
        constexpr std::size_t kMaxSectionBytes = 40;
        constexpr float kSectionLinkShare = 0.9f;
        if (i == 0 && kept.size() > 1 && d_.nodes[b.owner].tag != Tag::kLi &&
            text.size() <= kMaxSectionBytes && b.length > 0 &&
            b.link_length >= kSectionLinkShare * b.length && !EndsSentence(text)) {
          drop[i] = 1;
        }
      }
      // A call to act, opening a sentence ("Sign up for our daily
      // newsletter", "Follow her on Twitter"), or a note on the comments: said
      // to the reader, not told about the story.
      static const RE2 call(
          "(?i)(^|[.!?:] +)(sign up|subscribe|download (the|our) app|(follow|find) (us|him|her|"
          "them|me) on|get (the|our) .{0,30}newsletter)\\b|\\bcomments? (are|is) "
          "(closed|moderated)\\b|"
          "\\bmoderating (all )?comments\\b|\\bcomentários\\b|\\bcommentaires\\b");
      constexpr std::size_t kMaxCallBytes = 300;
      if (text.size() <= kMaxCallBytes && !(d_.nodes[b.owner].flags & kInQuote) &&
          RE2::PartialMatch(text, call)) {
        drop[i] = 1;
      }
    }
    std::size_t out = 0;
    for (std::size_t i = 0; i < kept.size(); ++i) {
      if (!drop[i]) kept[out++] = kept[i];
    }
    kept.resize(out);
  }

  // Whether a block is a line of page furniture ("Advertisement", "3 min
  // read"). Asked of a block once per box around it, so remembered.
  bool IsFurniture(const Block& b) const {
    std::size_t k = static_cast<std::size_t>(&b - d_.blocks.data());
    if (furniture_.empty()) furniture_.assign(d_.blocks.size(), -1);
    if (furniture_[k] < 0) {
      std::string_view text = BlockText(b);
      furniture_[k] = text.size() <= kMaxFurnitureBytes && RE2::FullMatch(text, FurnitureBlock());
    }
    return furniture_[k] != 0;
  }

  // The last word on a block: furniture and the headline repeated go.
  bool KeepBlock(const Block& b) const {
    std::string_view text = BlockText(b);
    if (text.empty()) return false;
    if (IsFurniture(b)) return false;
    // A list of the page's tags ("Tags: a, b, c", "Filed under …").
    static const RE2 tags(
        "(?i)^(tags|topics|categories|related tags|filed under|keywords)\\s*[:\\n]");
    constexpr std::size_t kMaxTagListBytes = 400;
    if (text.size() <= kMaxTagListBytes && RE2::PartialMatch(text, tags)) return false;
    Tag owner = d_.nodes[b.owner].tag;
    // The headline again, as a heading or as loose text (broken markup).
    // Folding only shortens, so a line shorter than the folded title is not
    // it.
    constexpr std::size_t kMaxHeadlineBytes = 400;
    if (!title_.empty() && text.size() >= title_.size() && text.size() <= kMaxHeadlineBytes &&
        text.size() <= 2 * title_.size() + 16 && FoldForCompare(text) == title_) {
      return false;
    }
    // A line that is mostly a link points elsewhere ("Related: …", "Click
    // here to subscribe"). List items are judged with their list; headings
    // that link, a source's name in brackets ("[CNET]"), sentences with a
    // link in them and the signature of a quoted post are kept.
    constexpr float kMaxLinkLineLength = 200;
    if (owner != Tag::kLi && !IsHeading(owner) && !(d_.nodes[b.owner].flags & kInQuote) &&
        b.length >= kMinParagraphLength && b.length < kMaxLinkLineLength &&
        b.link_length > 0.5f * b.length && !EndsSentence(text)) {
      return false;
    }
    return true;
  }

  const PageModel::Data& d_;
  std::vector<char> data_table_;
  mutable std::vector<signed char> furniture_;  // per block: -1 not yet asked, 0 or 1
  std::vector<std::uint32_t> loose_parent_blocks_;
  std::vector<char> unlikely_self_;  // its class, id or role calls it boilerplate
  std::vector<char> unlikely_;       // it or an ancestor is unlikely_self_
  std::string title_;
  std::int32_t title_node_ = -1;  // the first <h1> or <h2> that says the title
};

}  // namespace

PageModel::PageModel(const xmlNode* root, std::size_t input_bytes, int max_depth,
                     std::size_t max_elements, PageElements* elements)
    : data_(std::make_unique<Data>()) {
  PageElements ignored;
  Walker w(*data_, elements ? *elements : ignored, max_depth, max_elements);
  if (root != nullptr) w.WalkRoot(root, input_bytes);
}

PageModel::~PageModel() = default;

bool PageModel::truncated() const { return data_->truncated; }

MainText PageModel::FindMainText(const MainTextOptions& options) const {
  if (data_->nodes.empty()) return {};
  Finder f(*data_, options);
  return f.Run();
}

}  // namespace newsdesk::html_internal
