// What an HTML page says about itself: JSON-LD (schema.org NewsArticle and
// its kin, read with simdjson), OpenGraph and article:* properties, the other
// <meta> names CMSs use for dates and authors, <link rel=canonical>,
// <title>/<h1>, microdata (itemprop) and <time>; and, when all of that is
// silent, the date in the URL or in the text's dateline.
#include <libxml/tree.h>
#include <re2/re2.h>
#include <simdjson.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "extract/feeds_internal.h"
#include "extract/html_internal.h"

namespace newsdesk::html_internal {

std::string Attr(const xmlNode* n, std::string_view name) {
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    if (a->name && reinterpret_cast<const char*>(a->name) == name) {
      std::string v;
      for (const xmlNode* c = a->children; c != nullptr; c = c->next) {
        if (c->content) v += reinterpret_cast<const char*>(c->content);
      }
      return v;
    }
  }
  return {};
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

namespace {

void AppendNodeText(const xmlNode* n, int depth, std::string& out, std::size_t max_bytes) {
  constexpr int kMaxDepth = 64;
  if (depth > kMaxDepth) return;
  for (const xmlNode* c = n->children; c != nullptr && out.size() < max_bytes; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content) out += reinterpret_cast<const char*>(c->content);
    } else if (c->type == XML_ELEMENT_NODE) {
      std::string_view name = Name(c);
      if (name == "script" || name == "style" || name == "noscript" || name == "template") {
        continue;
      }
      out += ' ';
      AppendNodeText(c, depth + 1, out, max_bytes);
      out += ' ';
    }
  }
}

}  // namespace

std::string NodeText(const xmlNode* n, std::size_t max_bytes) {
  std::string raw;
  AppendNodeText(n, 0, raw, max_bytes);
  std::string text = CollapseWhitespace(raw);
  if (text.size() > max_bytes) {
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text.resize(cut);
  }
  return text;
}

namespace {

// Character references left in metadata text: JSON-LD is not HTML, yet
// CMSs write "&#8211;" and "&amp;" into it, and some escape <title> twice.
std::string DecodeReferences(std::string_view s) {
  if (s.find('&') == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    std::size_t semi = s[i] == '&' ? s.find(';', i + 1) : std::string_view::npos;
    constexpr std::size_t kMaxReferenceBytes = 32;
    if (semi == std::string_view::npos || semi - i > kMaxReferenceBytes) {
      out += s[i];
      continue;
    }
    std::string_view ref = s.substr(i + 1, semi - i - 1);
    if (!ref.empty() && ref[0] == '#') {
      bool hex = ref.size() > 1 && (ref[1] == 'x' || ref[1] == 'X');
      std::string digits(ref.substr(hex ? 2 : 1));
      char* end = nullptr;
      unsigned long cp = digits.empty() ? 0 : std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
      if (cp > 0 && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF) && end != nullptr &&
          *end == '\0') {
        char buf[4];
        int32_t len = 0;
        U8_APPEND_UNSAFE(buf, len, static_cast<UChar32>(cp));
        out.append(buf, static_cast<std::size_t>(len));
        i = semi;
        continue;
      }
    } else if (auto named = feeds_internal::LookupHtmlEntity(ref)) {
      out += *named;
      i = semi;
      continue;
    }
    out += s[i];
  }
  return out;
}

// A metadata string as text: references decoded, white space collapsed.
std::string Clean(std::string_view s) { return CollapseWhitespace(DecodeReferences(s)); }

// ---------------------------------------------------------------------------
// JSON-LD

struct LinkedData {
  std::string headline, date_published, date_modified, publisher, language, url, body, section,
      image;
  std::vector<std::string> authors, keywords;
  // A ClaimReview: a fact check says of itself what an article would, and
  // is read when the page has no article object.
  bool review = false;
};

bool IsArticleType(std::string_view t) {
  // "https://schema.org/NewsArticle" and "schema:NewsArticle" name it too.
  std::size_t cut = t.find_last_of("/:");
  if (cut != std::string_view::npos) t = t.substr(cut + 1);
  return t == "NewsArticle" || t == "Article" || t == "ReportageNewsArticle" ||
         t == "AnalysisNewsArticle" || t == "BlogPosting" || t == "OpinionNewsArticle" ||
         t == "Report" || t == "LiveBlogPosting" || t == "BackgroundNewsArticle" ||
         t == "ReviewNewsArticle" || t == "AskPublicNewsArticle" || t == "SatiricalArticle" ||
         t == "ScholarlyArticle" || t == "TechArticle" || t == "SocialMediaPosting" ||
         t == "Review";
}

bool TypeIsArticle(simdjson::dom::element type) {
  std::string_view s;
  if (!type.get(s)) return IsArticleType(s);
  simdjson::dom::array arr;
  if (!type.get(arr)) {
    for (auto t : arr) {
      if (!t.get(s) && IsArticleType(s)) return true;
    }
  }
  return false;
}

// A string, or an object's name (or url, for images), or the first such of
// an array.
std::string FirstString(simdjson::dom::element e, const char* object_key = "name") {
  std::string_view s;
  if (!e.get(s)) return std::string(s);
  simdjson::dom::object o;
  if (!e.get(o)) {
    if (!o[object_key].get(s)) return std::string(s);
    if (!o["@id"].get(s)) return std::string(s);
    return {};
  }
  simdjson::dom::array a;
  if (!e.get(a)) {
    for (auto item : a) {
      std::string one = FirstString(item, object_key);
      if (!one.empty()) return one;
    }
  }
  return {};
}

// Every string or name in a value (authors, keywords).
void AllStrings(simdjson::dom::element e, std::vector<std::string>& out, int depth = 0) {
  if (depth > 3) return;
  std::string_view s;
  if (!e.get(s)) {
    out.emplace_back(s);
    return;
  }
  simdjson::dom::object o;
  if (!e.get(o)) {
    if (!o["name"].get(s)) out.emplace_back(s);
    return;
  }
  simdjson::dom::array a;
  if (!e.get(a)) {
    for (auto item : a) AllStrings(item, out, depth + 1);
  }
}

void ReadArticleObject(simdjson::dom::object obj, LinkedData& ld) {
  simdjson::dom::element v;
  if (!obj["headline"].get(v)) ld.headline = FirstString(v);
  if (ld.headline.empty() && !obj["name"].get(v)) ld.headline = FirstString(v);
  if (!obj["datePublished"].get(v)) ld.date_published = FirstString(v);
  if (ld.date_published.empty() && !obj["dateCreated"].get(v)) {
    ld.date_published = FirstString(v);
  }
  if (!obj["dateModified"].get(v)) ld.date_modified = FirstString(v);
  if (!obj["author"].get(v)) AllStrings(v, ld.authors);
  if (ld.authors.empty() && !obj["creator"].get(v)) AllStrings(v, ld.authors);
  if (!obj["publisher"].get(v)) ld.publisher = FirstString(v);
  if (!obj["inLanguage"].get(v)) ld.language = FirstString(v);
  if (!obj["url"].get(v)) ld.url = FirstString(v);
  if (ld.url.empty() && !obj["mainEntityOfPage"].get(v)) ld.url = FirstString(v, "@id");
  if (!obj["articleBody"].get(v)) ld.body = FirstString(v);
  if (!obj["articleSection"].get(v)) ld.section = FirstString(v);
  if (!obj["image"].get(v)) ld.image = FirstString(v, "url");
  if (ld.image.empty() && !obj["thumbnailUrl"].get(v)) ld.image = FirstString(v, "url");
  if (!obj["keywords"].get(v)) {
    std::string_view s;
    if (!v.get(s)) {
      // "a, b, c": one string of keywords.
      std::size_t pos = 0;
      while (pos <= s.size()) {
        std::size_t comma = s.find(',', pos);
        if (comma == std::string_view::npos) comma = s.size();
        ld.keywords.emplace_back(s.substr(pos, comma - pos));
        pos = comma + 1;
      }
    } else {
      AllStrings(v, ld.keywords);
    }
  }
}

// Collects the article objects of a JSON-LD value: top-level, in arrays,
// in @graph and under mainEntity.
void FindArticles(simdjson::dom::element e, std::vector<LinkedData>& out, int depth) {
  constexpr int kMaxDepth = 8;
  constexpr std::size_t kMaxArticles = 16;
  if (depth > kMaxDepth || out.size() >= kMaxArticles) return;
  simdjson::dom::array arr;
  if (!e.get(arr)) {
    for (auto item : arr) FindArticles(item, out, depth + 1);
    return;
  }
  simdjson::dom::object obj;
  if (e.get(obj)) return;
  simdjson::dom::element type;
  std::string_view type_name;
  bool review = !obj["@type"].get(type) && !type.get(type_name) && type_name == "ClaimReview";
  if (!obj["@type"].get(type) && (TypeIsArticle(type) || review)) {
    LinkedData ld;
    ReadArticleObject(obj, ld);
    ld.review = review;
    out.push_back(std::move(ld));
  }
  simdjson::dom::element inner;
  if (!obj["@graph"].get(inner)) FindArticles(inner, out, depth + 1);
  if (!obj["mainEntity"].get(inner)) FindArticles(inner, out, depth + 1);
}

// JSON-LD as pages write it: wrapped in HTML comments or CDATA markers,
// with raw control characters (newlines) inside strings, which JSON forbids.
std::string RepairJson(std::string_view s) {
  auto trim = [](std::string_view& v) {
    while (!v.empty() && static_cast<unsigned char>(v.front()) <= ' ') v.remove_prefix(1);
    while (!v.empty() && static_cast<unsigned char>(v.back()) <= ' ') v.remove_suffix(1);
  };
  trim(s);
  for (std::string_view open : {"<!--", "//<![CDATA[", "<![CDATA["}) {
    if (s.substr(0, open.size()) == open) s.remove_prefix(open.size());
  }
  trim(s);
  for (std::string_view close : {"-->", "//]]>", "]]>"}) {
    if (s.size() >= close.size() && s.substr(s.size() - close.size()) == close) {
      s.remove_suffix(close.size());
    }
  }
  std::string out(s);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  }
  return out;
}

// ---------------------------------------------------------------------------
// Dates

// The zone of a date as written, in minutes east of UTC; nullopt when it
// names none (the time was then taken as UTC, but that is a guess).
std::optional<int> UtcOffsetMinutes(std::string_view date) {
  std::string d = CollapseWhitespace(date);
  if (d.empty()) return std::nullopt;
  // ISO 8601 only has a time zone after a time.
  static const RE2 iso(
      "(?i)^\\d{4}-\\d{2}-\\d{2}[t ]\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?\\s*"
      "(z|[+-]\\d{2}(?::?\\d{2})?)$");
  std::string zone;
  if (!RE2::FullMatch(d, iso, &zone)) {
    static const RE2 trailing(
        "(?i)\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s*[ap]\\.?m\\.?)?\\s+\\(?([a-z]{1,5}|[+-]\\d{4}|"
        "(?:gmt|utc)[+-]\\d{1,2}(?::?\\d{2})?)\\)?$");
    if (!RE2::PartialMatch(d, trailing, &zone)) return std::nullopt;
  }
  zone = AsciiLower(zone);
  if (zone == "z" || zone == "gmt" || zone == "utc" || zone == "ut") return 0;
  struct Named {
    const char* name;
    int minutes;
  };
  static constexpr Named kZones[] = {{"est", -300}, {"edt", -240}, {"cst", -360}, {"cdt", -300},
                                     {"mst", -420}, {"mdt", -360}, {"pst", -480}, {"pdt", -420},
                                     {"bst", 60},   {"cet", 60},   {"cest", 120}, {"eet", 120},
                                     {"eest", 180}, {"ist", 330},  {"jst", 540},  {"kst", 540},
                                     {"aest", 600}, {"aedt", 660}, {"nzst", 720}, {"nzdt", 780}};
  for (const Named& z : kZones) {
    if (zone == z.name) return z.minutes;
  }
  if (zone.rfind("gmt", 0) == 0 || zone.rfind("utc", 0) == 0) zone = zone.substr(3);
  if (zone.size() < 2 || (zone[0] != '+' && zone[0] != '-')) return std::nullopt;
  int sign = zone[0] == '-' ? -1 : 1;
  std::string digits;
  for (char c : zone.substr(1)) {
    if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
  }
  int hours = 0, minutes = 0;
  if (digits.size() <= 2) {
    hours = std::stoi(digits);
  } else if (digits.size() == 4) {
    hours = std::stoi(digits.substr(0, 2));
    minutes = std::stoi(digits.substr(2));
  } else {
    return std::nullopt;
  }
  if (hours > 14 || minutes > 59) return std::nullopt;
  return sign * (hours * 60 + minutes);
}

struct Dated {
  std::optional<UnixSeconds> time;
  std::optional<int> offset;
};

Dated ReadDate(std::string_view text) {
  Dated d;
  std::string t = CollapseWhitespace(text);
  if (t.empty()) return d;
  d.time = ParseDateTime(t);
  // CMS placeholders: "0001-01-01T00:00:00Z", the Unix epoch itself.
  constexpr UnixSeconds kYear1800 = -5364662400;
  constexpr UnixSeconds kYear2200 = 7258118400;
  if (d.time && (*d.time < kYear1800 || *d.time >= kYear2200 || *d.time == 0)) d.time.reset();
  if (d.time) d.offset = UtcOffsetMinutes(t);
  return d;
}

std::optional<UnixSeconds> DateFromParts(int y, int m, int d) {
  using namespace std::chrono;
  year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (y < 1990 || y > 2100 || !ymd.ok()) return std::nullopt;
  return static_cast<UnixSeconds>(sys_days(ymd).time_since_epoch().count()) * 86400;
}

int MonthNumber(std::string_view name) {
  static constexpr const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                            "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string lower = AsciiLower(name.substr(0, 3));
  for (int i = 0; i < 12; ++i) {
    if (lower == kMonths[i]) return i + 1;
  }
  return 0;
}

// A day written out in text: "Oct. 14, 2026", "14 October 2026",
// "2026-10-14". `at` is where it starts.
struct TextDate {
  UnixSeconds time;
  std::size_t at;
};
std::optional<TextDate> FindDateInText(std::string_view text) {
  static const RE2 month_first(
      "(((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)\\.?\\s+(\\d{1,2})(?:st|nd|rd|"
      "th)?,?"
      "\\s+((?:19|20)\\d{2}))\\b");
  static const RE2 day_first(
      "((\\d{1,2})\\s+((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)\\.?,?\\s+"
      "((?:19|20)\\d{2}))\\b");
  static const RE2 iso("(((?:19|20)\\d{2})-(\\d{2})-(\\d{2}))\\b");
  re2::StringPiece date, month;
  int y = 0, mo = 0, d = 0;
  bool found = RE2::PartialMatch(text, month_first, &date, &month, &d, &y) ||
               RE2::PartialMatch(text, day_first, &date, &d, &month, &y);
  if (found) {
    mo = MonthNumber(std::string_view(month.data(), month.size()));
  } else if (!RE2::PartialMatch(text, iso, &date, &y, &mo, &d)) {
    return std::nullopt;
  }
  std::optional<UnixSeconds> t = mo > 0 ? DateFromParts(y, mo, d) : std::nullopt;
  if (!t) return std::nullopt;
  return TextDate{*t, static_cast<std::size_t>(date.data() - text.data())};
}

// ---------------------------------------------------------------------------
// Names

// "By Jane Doe and John Roe, Reuters" → {"Jane Doe", "John Roe", "Reuters"}.
// What follows the names in a byline is cut: a date or time ("November 15,
// 2019", "1 day ago", "Published 11:02 a.m."), and after the first name a
// job title ("AP Auto Writer", "CNN Editor-at-large").
void AddAuthors(std::string_view raw, std::vector<std::string>& out) {
  constexpr std::size_t kMaxAuthorBytes = 80;
  constexpr std::size_t kMaxAuthors = 16;
  std::string s = Clean(raw);
  static const RE2 by(
      "(?i)^((analysis|opinion|commentary|story|words|text|reporting|written|photos?|"
      "interview|review)\\s+)?(by|from|von|par|por|di)\\s*:?\\s+");
  RE2::Replace(&s, by, "");
  // Where the names end.
  static const RE2 tail(
      "(?i)(\\s+[|•·–—-]\\s+|\\s*[|•·]|\\s+(published|updated|posted|last updated|"
      "on "
      "(mon|tue|wed|thu|fri|sat|sun)\\w*)\\b|\\s+\\d+\\s+(second|minute|hour|day|week|month|year)s?"
      "\\s+ago\\b|,?\\s+(mon|tue|wed|thu|fri|sat|sun)\\w*,|,?\\s+(jan|feb|mar|apr|may|jun|jul|"
      "aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2}\\b|,?\\s+\\d{1,2}\\s+(jan|feb|mar|apr|may|jun|"
      "jul|aug|"
      "sep|oct|nov|dec)[a-z]*\\b|,?\\s+\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{1,4}|\\s+\\d{1,2}:\\d{2})");
  re2::StringPiece cut;
  if (RE2::PartialMatch(s, tail, &cut) && cut.data() != nullptr) {
    s.resize(static_cast<std::size_t>(cut.data() - s.data()));
  }
  // Segments between commas; a segment after the first that names a job
  // ("Staff Reporters", "Climate and Community Reporter") goes whole.
  static const RE2 job_title(
      "(?i)\\b(editor|writer|reporter|correspondent|columnist|contributor|producer|analyst|"
      "bureau|chief|intern|photographer|critic|editor-at-large)s?\\b|\\bfor\\s");
  static const RE2 names_separator("(?i)\\s+(and|&|und|et|y)\\s+|\\s*&\\s*");
  std::size_t pos = 0;
  bool first = true;
  while (pos <= s.size() && out.size() < kMaxAuthors) {
    std::size_t end = s.find_first_of(",;", pos);
    if (end == std::string::npos) end = s.size();
    std::string segment = CollapseWhitespace(s.substr(pos, end - pos));
    pos = end + 1;
    if (segment.empty()) continue;
    bool job = !first && RE2::PartialMatch(segment, job_title);
    first = false;
    if (job) continue;
    RE2::GlobalReplace(&segment, names_separator, "\x1F");
    std::size_t at = 0;
    while (at <= segment.size() && out.size() < kMaxAuthors) {
      std::size_t stop = segment.find('\x1F', at);
      if (stop == std::string::npos) stop = segment.size();
      std::string name = CollapseWhitespace(segment.substr(at, stop - at));
      at = stop + 1;
      RE2::Replace(&name, by, "");
      if (name.empty() || name.size() > kMaxAuthorBytes || name.rfind("http", 0) == 0 ||
          name.find('@') != std::string::npos || name.find('/') != std::string::npos) {
        continue;
      }
      bool duplicate = false;
      for (const std::string& have : out) {
        duplicate = duplicate || AsciiLower(have) == AsciiLower(name);
      }
      if (!duplicate) out.push_back(std::move(name));
    }
  }
}

// "Headline | Outlet" → "Headline", using what else the page says.
std::string StripSiteName(const std::string& title, const std::string& outlet,
                          const std::string& h1) {
  static const std::vector<std::string> kSeparators = {
      " | ", " - ", " — ", " – ", " :: ", " · ", " // ", " « ", " » "};
  std::string lower_outlet = AsciiLower(outlet);
  for (const std::string& sep : kSeparators) {
    std::size_t at = title.rfind(sep);
    if (at != std::string::npos && !lower_outlet.empty() &&
        AsciiLower(title.substr(at + sep.size())) == lower_outlet) {
      return title.substr(0, at);
    }
    at = title.find(sep);
    if (at != std::string::npos && !lower_outlet.empty() &&
        AsciiLower(title.substr(0, at)) == lower_outlet) {
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
bool IsSiteRootOfAnotherPage(const std::string& canonical, std::string_view page_url) {
  std::size_t scheme = canonical.find("://");
  if (scheme == std::string::npos) return false;
  std::size_t path = canonical.find('/', scheme + 3);
  bool is_root = path == std::string::npos || canonical.substr(path) == "/";
  if (!is_root) return false;
  auto page = CanonicalUrl(page_url);
  return !page || *page != canonical;
}

std::string AbsoluteUrl(const std::string& url, std::string_view base) {
  if (url.empty()) return {};
  auto u = CanonicalUrl(url, base);
  if (!u || u->rfind("file:", 0) == 0) return {};
  return *u;
}

// <meta> name/property/itemprop/http-equiv → content, in page order.
struct Metas {
  std::vector<std::pair<std::string, std::string>> items;

  std::string First(std::initializer_list<const char*> keys) const {
    for (const char* k : keys) {
      for (const auto& [key, value] : items) {
        if (key != k) continue;
        std::string v = Clean(value);
        if (!v.empty()) return v;
      }
    }
    return {};
  }
  std::vector<std::string> All(const char* key) const {
    std::vector<std::string> out;
    for (const auto& [k, value] : items) {
      if (k == key) out.push_back(Clean(value));
    }
    return out;
  }
};

void AddKeywords(std::string_view list, std::vector<std::string>& out) {
  constexpr std::size_t kMaxKeywords = 64;
  constexpr std::size_t kMaxKeywordBytes = 100;
  std::size_t pos = 0;
  while (pos <= list.size() && out.size() < kMaxKeywords) {
    std::size_t end = list.find_first_of(",;", pos);
    if (end == std::string_view::npos) end = list.size();
    std::string k = Clean(list.substr(pos, end - pos));
    pos = end + 1;
    if (k.empty() || k.size() > kMaxKeywordBytes) continue;
    bool duplicate = false;
    for (const std::string& have : out) duplicate = duplicate || AsciiLower(have) == AsciiLower(k);
    if (!duplicate) out.push_back(std::move(k));
  }
}

// The part of a dateline before its date: empty, or a place in a few
// capitalized words, maybe with an agency in parentheses, ending in a
// separator ("WASHINGTON, ", "Kyiv, Ukraine (Reuters) — ").
bool LooksLikeDatelinePlace(std::string_view prefix) {
  constexpr int kMaxWords = 6;
  int words = 0;
  bool in_parens = false;
  std::size_t pos = 0;
  while (pos < prefix.size()) {
    std::size_t end = prefix.find(' ', pos);
    if (end == std::string_view::npos) end = prefix.size();
    std::string_view w = prefix.substr(pos, end - pos);
    pos = end + 1;
    if (w.empty()) continue;
    if (w.front() == '(') in_parens = true;
    bool separator = w == "—" || w == "–" || w == "-" || w == ":" || w == ",";
    if (!in_parens && !separator) {
      unsigned char c = static_cast<unsigned char>(w.front());
      if (c < 0x80 && !std::isupper(c)) return false;
      if (++words > kMaxWords) return false;
    }
    if (w.back() == ')') in_parens = false;
  }
  return true;
}

}  // namespace

PageMetadata ReadMetadata(const xmlNode* root, const PageElements& e, std::string_view page_url,
                          std::string_view outlet_hint, std::size_t max_json_ld_bytes) {
  PageMetadata m;
  Metas metas;
  for (const xmlNode* n : e.metas) {
    std::string key = Attr(n, "property");
    if (key.empty()) key = Attr(n, "name");
    if (key.empty()) key = Attr(n, "itemprop");
    if (key.empty()) key = Attr(n, "http-equiv");
    std::string content = Attr(n, "content");
    if (!key.empty() && !content.empty()) metas.items.emplace_back(AsciiLower(key), content);
  }

  std::vector<LinkedData> articles;
  // A parser keeps its buffers between documents; one per thread spares
  // allocating them for every page.
  thread_local simdjson::dom::parser json;
  for (const xmlNode* script : e.json_ld) {
    std::string body;
    for (const xmlNode* t = script->children; t != nullptr; t = t->next) {
      if (t->content) body += reinterpret_cast<const char*>(t->content);
    }
    if (body.size() > max_json_ld_bytes) continue;
    simdjson::dom::element doc;
    if (json.parse(RepairJson(body)).get(doc)) continue;
    FindArticles(doc, articles, 0);
  }
  // The article object whose URL is the page's, else the first; a
  // ClaimReview only when there is no article object.
  std::stable_partition(articles.begin(), articles.end(),
                        [](const LinkedData& a) { return !a.review; });
  LinkedData ld;
  if (!articles.empty()) {
    ld = articles[0];
    auto page = CanonicalUrl(page_url);
    for (const LinkedData& a : articles) {
      auto u = CanonicalUrl(a.url, page_url);
      if (page && u && *u == *page && a.review == ld.review) {
        ld = a;
        break;
      }
    }
  }
  m.linked_data_body = ld.body;

  m.outlet = metas.First({"og:site_name", "application-name"});
  if (m.outlet.empty()) m.outlet = Clean(ld.publisher);
  std::string outlet_for_title = outlet_hint.empty() ? m.outlet : std::string(outlet_hint);

  std::string h1 = e.h1s.empty() ? std::string() : NodeText(e.h1s[0]);
  std::string title_tag;
  if (e.title != nullptr) title_tag = NodeText(e.title);
  if (!ld.headline.empty()) {
    m.title = StripSiteName(Clean(ld.headline), outlet_for_title, h1);
  } else if (std::string og = metas.First({"og:title", "twitter:title"}); !og.empty()) {
    m.title = StripSiteName(og, outlet_for_title, h1);
  } else if (!title_tag.empty()) {
    m.title = StripSiteName(Clean(title_tag), outlet_for_title, h1);
  } else {
    m.title = h1;
  }

  std::string canonical_link;
  for (const xmlNode* l : e.links) {
    if (AsciiLower(CollapseWhitespace(Attr(l, "rel"))) == "canonical") {
      canonical_link = CollapseWhitespace(Attr(l, "href"));
      if (!canonical_link.empty()) break;
    }
  }
  for (const std::string& candidate :
       {canonical_link, metas.First({"og:url"}), CollapseWhitespace(ld.url)}) {
    if (candidate.empty()) continue;
    std::string u = AbsoluteUrl(candidate, page_url);
    if (u.empty() || IsSiteRootOfAnotherPage(u, page_url)) continue;
    m.canonical_url = u;
    break;
  }

  // Microdata dates and sections: content, datetime or text.
  std::string item_published, item_modified, item_section;
  for (const xmlNode* n : e.itemprops) {
    std::string prop = Attr(n, "itemprop");
    std::string* target = prop == "datePublished"    ? &item_published
                          : prop == "dateModified"   ? &item_modified
                          : prop == "articleSection" ? &item_section
                                                     : nullptr;
    if (target == nullptr || !target->empty()) continue;
    std::string v = Attr(n, "content");
    if (v.empty()) v = Attr(n, "datetime");
    if (v.empty()) v = NodeText(n, 200);
    *target = CollapseWhitespace(v);
  }
  // <time>: one marked as the publication time, else the first.
  std::string time_published;
  for (const xmlNode* t : e.times) {
    std::string dt = CollapseWhitespace(Attr(t, "datetime"));
    if (dt.empty()) continue;
    bool marked = xmlHasProp(t, reinterpret_cast<const xmlChar*>("pubdate")) != nullptr ||
                  AsciiLower(Attr(t, "class")).find("publish") != std::string::npos;
    if (time_published.empty() || marked) time_published = dt;
    if (marked) break;
  }

  Dated published;
  for (const std::string& candidate : {ld.date_published,
                                       metas.First({"article:published_time",
                                                    "og:published_time",
                                                    "datepublished",
                                                    "pubdate",
                                                    "publishdate",
                                                    "publish-date",
                                                    "publish_date",
                                                    "date",
                                                    "dc.date",
                                                    "dc.date.issued",
                                                    "dc.date.created",
                                                    "dcterms.created",
                                                    "dcterms.issued",
                                                    "dcterms.date",
                                                    "sailthru.date",
                                                    "parsely-pub-date",
                                                    "article.published",
                                                    "article:published",
                                                    "datecreated",
                                                    "original-publish-date",
                                                    "publication_date",
                                                    "citation_publication_date",
                                                    "cxenseparse:recs:publishtime",
                                                    "timestamp"}),
                                       item_published, time_published}) {
    published = ReadDate(candidate);
    if (published.time) break;
  }
  m.published = published.time;
  m.published_offset = published.offset;
  Dated modified;
  for (const std::string& candidate :
       {ld.date_modified,
        metas.First({"article:modified_time", "og:updated_time", "datemodified", "dcterms.modified",
                     "last-modified", "article.updated", "lastmod", "dc.date.modified", "revised"}),
        item_modified}) {
    modified = ReadDate(candidate);
    if (modified.time) break;
  }
  m.modified = modified.time;
  m.modified_offset = modified.offset;

  // Authors: JSON-LD, else <meta>, else the page's byline elements. A
  // fact check's review names its outlet as author: the people the page
  // names come first.
  if (!ld.review) {
    for (const std::string& a : ld.authors) AddAuthors(a, m.authors);
  }
  if (m.authors.empty()) {
    for (const char* key : {"author", "article:author", "byl", "dc.creator", "dcterms.creator",
                            "parsely-author", "sailthru.author", "citation_author"}) {
      for (const std::string& v : metas.All(key)) AddAuthors(v, m.authors);
      if (!m.authors.empty()) break;
    }
  }
  if (m.authors.empty()) {
    constexpr std::size_t kMaxBylineBytes = 200;
    for (const xmlNode* n : e.authors) {
      std::string text = NodeText(n, kMaxBylineBytes + 1);
      if (text.empty() || text.size() > kMaxBylineBytes) continue;
      AddAuthors(text, m.authors);
      if (!m.authors.empty()) break;
    }
  }
  if (m.authors.empty()) {
    for (const std::string& line : e.by_lines) {
      AddAuthors(line, m.authors);
      if (!m.authors.empty()) break;
    }
  }
  if (m.authors.empty()) {
    for (const std::string& a : ld.authors) AddAuthors(a, m.authors);
  }

  m.language = CollapseWhitespace(Attr(root, "lang"));
  if (m.language.empty()) m.language = CollapseWhitespace(Attr(root, "xml:lang"));
  if (m.language.empty()) m.language = CollapseWhitespace(ld.language);
  if (m.language.empty()) m.language = metas.First({"content-language", "og:locale", "language"});
  std::replace(m.language.begin(), m.language.end(), '_', '-');

  for (const std::string& candidate :
       {metas.First({"og:image:secure_url", "og:image:url", "og:image", "twitter:image",
                     "twitter:image:src"}),
        CollapseWhitespace(ld.image), metas.First({"image", "thumbnailurl"})}) {
    m.image = AbsoluteUrl(candidate, page_url);
    if (!m.image.empty()) break;
  }

  m.section = metas.First({"article:section", "section", "parsely-section", "og:section"});
  if (m.section.empty()) m.section = Clean(ld.section);
  if (m.section.empty()) m.section = item_section;

  for (const std::string& v : metas.All("news_keywords")) AddKeywords(v, m.keywords);
  for (const std::string& v : metas.All("keywords")) AddKeywords(v, m.keywords);
  for (const std::string& k : ld.keywords) AddKeywords(k, m.keywords);
  for (const std::string& v : metas.All("article:tag")) AddKeywords(v, m.keywords);
  return m;
}

void FillFromPage(const MainText& text, const PageElements& e, std::string_view page_url,
                  PageMetadata* m) {
  if (m->image.empty()) m->image = AbsoluteUrl(text.first_image, page_url);
  if (m->published) return;
  // /2026/10/14/, /2026-10-14- and the like in the URL's path.
  std::string path(page_url);
  std::size_t scheme = path.find("://");
  if (scheme != std::string::npos) {
    std::size_t slash = path.find('/', scheme + 3);
    path = slash == std::string::npos ? std::string() : path.substr(slash);
  }
  static const RE2 url_date("[/_-]((?:19|20)\\d{2})[/_-](\\d{1,2})[/_-](\\d{1,2})(?:[/_.-]|$)");
  int y = 0, mo = 0, d = 0;
  if (RE2::PartialMatch(path, url_date, &y, &mo, &d)) {
    if (auto t = DateFromParts(y, mo, d)) {
      m->published = t;
      return;
    }
  }
  // A date the article shows: in a byline, a <time> or an element whose
  // class says date, when it sits near the text (a date in the site's
  // header is today's).
  constexpr int kNearLevels = 3;
  const xmlNode* near = text.container;
  for (int level = 0; near != nullptr && near->parent != nullptr && level < kNearLevels; ++level) {
    near = near->parent;
  }
  auto is_near = [&](const xmlNode* n) {
    if (near == nullptr) return false;
    for (const xmlNode* a = n; a != nullptr; a = a->parent) {
      if (a == near) return true;
    }
    return false;
  };
  constexpr std::size_t kMaxDateTextBytes = 200;
  for (const auto* list : {&e.dates, &e.times, &e.authors}) {
    for (const xmlNode* n : *list) {
      if (!is_near(n)) continue;
      if (auto found = FindDateInText(NodeText(n, kMaxDateTextBytes))) {
        m->published = found->time;
        return;
      }
    }
  }
  // A dateline: "WASHINGTON, Oct. 14, 2026 —", "Oct 14, 2026 (Reuters) -",
  // "LONDON, 14 October 2026:". What comes before the date must look like
  // a place (a few capitalized words) or a news agency in parentheses.
  std::string_view first = std::string_view(text.text).substr(0, text.text.find("\n\n"));
  constexpr std::size_t kMaxDatelineBytes = 80;
  if (auto found = FindDateInText(first.substr(0, kMaxDatelineBytes))) {
    if (LooksLikeDatelinePlace(first.substr(0, found->at))) {
      m->published = found->time;
      return;
    }
  }
  for (const std::string& line : text.timestamp_lines) {
    if (auto found = FindDateInText(line)) {
      m->published = found->time;
      return;
    }
  }
}

}  // namespace newsdesk::html_internal
