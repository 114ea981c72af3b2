// ExtractFacts and ParseClaim: rules over the tokens of each sentence, the
// entity mentions in it and a verb lexicon. A sentence becomes a row of
// items (an entity mention, or one word); a fact is read off that row by a
// few patterns (active, passive, reduced passive, relative clause,
// comparison, change by a quantity) and a sentence's attribution, dates and
// qualifiers are read off it once for all its facts.
#include "extract/facts.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <utility>

#include "extract/entity_rules.h"
#include "extract/extract.h"
#include "extract/gazetteers.h"
#include "extract/tokenizer.h"

namespace newsdesk {
namespace {

using extract_internal::LowerCase;
using extract_internal::TokenizedText;

// ---- the verb lexicon -------------------------------------------------------

// One written form of a verb: its words (lower case, as the tokenizer splits
// them), its lemma and synonym class, and whether it is a past participle
// (and so can head a passive: "was led by", "a unit led by").
struct VerbForm {
  std::string_view words;
  std::string_view lemma;
  std::string_view predicate_class;
  bool participle;
};

// Every verb the extractor reads. A verb not listed here gives no fact.
// "including" is left out on purpose: it introduces a list ("units,
// including A and B"), handled by the include pattern.
constexpr VerbForm kVerbLexicon[] = {
    // lead: lead, head, run, helm, oversee
    {"lead", "lead", "lead", false},
    {"leads", "lead", "lead", false},
    {"leading", "lead", "lead", false},
    {"led", "lead", "lead", true},
    {"head", "head", "lead", false},
    {"heads", "head", "lead", false},
    {"heading", "head", "lead", false},
    {"headed", "head", "lead", true},
    {"run", "run", "lead", true},
    {"runs", "run", "lead", false},
    {"running", "run", "lead", false},
    {"ran", "run", "lead", false},
    {"helm", "helm", "lead", false},
    {"helms", "helm", "lead", false},
    {"helmed", "helm", "lead", true},
    {"at the helm of", "helm", "lead", false},
    {"oversee", "oversee", "lead", false},
    {"oversees", "oversee", "lead", false},
    {"overseeing", "oversee", "lead", false},
    {"oversaw", "oversee", "lead", false},
    {"overseen", "oversee", "lead", true},
    // create: form, create, establish, set up, unveil, launch
    {"form", "form", "create", false},
    {"forms", "form", "create", false},
    {"formed", "form", "create", true},
    {"create", "create", "create", false},
    {"creates", "create", "create", false},
    {"created", "create", "create", true},
    {"establish", "establish", "create", false},
    {"establishes", "establish", "create", false},
    {"established", "establish", "create", true},
    {"set up", "set up", "create", true},
    {"sets up", "set up", "create", false},
    {"unveil", "unveil", "create", false},
    {"unveils", "unveil", "create", false},
    {"unveiled", "unveil", "create", true},
    {"launch", "launch", "create", false},
    {"launches", "launch", "create", false},
    {"launched", "launch", "create", true},
    // include: include, combine, bundle, consolidate, merge, encompass,
    // comprise, bring together
    {"include", "include", "include", false},
    {"includes", "include", "include", false},
    {"included", "include", "include", true},
    {"combine", "combine", "include", false},
    {"combines", "combine", "include", false},
    {"combined", "combine", "include", true},
    {"bundle", "bundle", "include", false},
    {"bundles", "bundle", "include", false},
    {"bundled", "bundle", "include", true},
    {"consolidate", "consolidate", "include", false},
    {"consolidates", "consolidate", "include", false},
    {"consolidated", "consolidate", "include", true},
    {"merge", "merge", "include", false},
    {"merges", "merge", "include", false},
    {"merged", "merge", "include", true},
    {"encompass", "encompass", "include", false},
    {"encompasses", "encompass", "include", false},
    {"comprise", "comprise", "include", false},
    {"comprises", "comprise", "include", false},
    {"bring together", "bring together", "include", false},
    {"brings together", "bring together", "include", false},
    {"brought together", "bring together", "include", true},
    // leave: leave, depart, exit, quit, resign from, step down from
    {"leave", "leave", "leave", false},
    {"leaves", "leave", "leave", false},
    {"left", "leave", "leave", false},
    {"depart", "depart", "leave", false},
    {"departs", "depart", "leave", false},
    {"departed", "depart", "leave", false},
    {"exit", "exit", "leave", false},
    {"exits", "exit", "leave", false},
    {"exited", "exit", "leave", false},
    {"quit", "quit", "leave", false},
    {"quits", "quit", "leave", false},
    {"resign from", "resign", "leave", false},
    {"resigns from", "resign", "leave", false},
    {"resigned from", "resign", "leave", false},
    {"step down from", "step down", "leave", false},
    {"steps down from", "step down", "leave", false},
    {"stepped down from", "step down", "leave", false},
    // appoint: appoint, name
    {"appoint", "appoint", "appoint", false},
    {"appoints", "appoint", "appoint", false},
    {"appointed", "appoint", "appoint", true},
    {"names", "name", "appoint", false},
    {"named", "name", "appoint", true},
    // acquire: acquire, buy
    {"acquire", "acquire", "acquire", false},
    {"acquires", "acquire", "acquire", false},
    {"acquired", "acquire", "acquire", true},
    {"buy", "buy", "acquire", false},
    {"buys", "buy", "acquire", false},
    {"bought", "buy", "acquire", true},
    // cost and price: the object is an amount
    {"cost", "cost", "cost", false},
    {"costs", "cost", "cost", false},
    {"priced at", "cost", "cost", false},
    // report (earnings): the object is an amount
    {"reported", "report", "report", false},
    {"reports", "report", "report", false},
    // rise and fall: the object is a change
    {"rose", "rise", "rise", false},
    {"rise", "rise", "rise", false},
    {"rises", "rise", "rise", false},
    {"grew", "grow", "rise", false},
    {"grow", "grow", "rise", false},
    {"grows", "grow", "rise", false},
    {"jumped", "jump", "rise", false},
    {"surged", "surge", "rise", false},
    {"increased", "increase", "rise", false},
    {"fell", "fall", "fall", false},
    {"falls", "fall", "fall", false},
    {"dropped", "drop", "fall", false},
    {"declined", "decline", "fall", false},
};

// Classes whose object is an amount, not an entity.
bool TakesAmount(std::string_view cls) {
  return cls == "cost" || cls == "report" || cls == "rise" || cls == "fall";
}

template <std::size_t N>
bool OneOf(std::string_view w, const std::array<std::string_view, N>& list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}
bool OneOf(std::string_view w, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

constexpr std::array<std::string_view, 7> kWeekdays = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

bool IsNegation(std::string_view w) {
  return OneOf(w, {"not", "n't", "never", "no", "longer"}) && w != "longer";
}
bool IsHedge(std::string_view w) {
  return OneOf(
      w, {"reportedly", "allegedly", "expected", "likely",      "may",      "might", "could",
          "rumored",    "rumoured",  "possibly", "probably",    "plans",    "plan",  "planned",
          "aims",       "intends",   "intended", "considering", "reported", "said"});
}

// "directly", "personally": a word of manner between a name and its verb.
bool IsAdverb(std::string_view w) {
  return w.size() > 4 && w.ends_with("ly") && w != "only" && w != "early" &&
         std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Words that may stand between a subject and its verb ("will personally
// lead", "on Tuesday unveiled", "is expected to head", "did not leave").
bool IsVerbGroupWord(std::string_view w) {
  static constexpr std::array<std::string_view, 64> kWords = {
      "will",      "would", "shall",    "should",   "can",      "could",  "may",      "might",
      "must",      "has",   "have",     "had",      "is",       "are",    "was",      "were",
      "be",        "been",  "being",    "do",       "does",     "did",    "not",      "n't",
      "never",     "no",    "longer",   "also",     "now",      "then",   "still",    "just",
      "already",   "soon",  "to",       "expected", "set",      "going",  "plans",    "plan",
      "planned",   "aims",  "intends",  "intended", "reported", "said",   "likely",   "on",
      "last",      "this",  "next",     "week",     "month",    "year",   "earlier",  "later",
      "yesterday", "today", "tomorrow", "himself",  "herself",  "itself", "formally", "reportedly"};
  if (OneOf(w, kWords) || OneOf(w, kWeekdays) || OneOf(w, kMonths)) return true;
  if (IsAdverb(w)) return true;  // "personally", "quietly", "officially"
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsBeForm(std::string_view w) {
  return OneOf(w, {"is", "are", "was", "were", "be", "been", "being"});
}

// Words that may come between "by" and the agent ("by CEO Eddie Wu"), or
// between a verb and its object ("leads the new", "joined its").
bool IsTitleWord(std::string_view w) {
  return OneOf(
      w, {"ceo",       "cfo",      "cto",        "coo",    "chief",    "executive",  "officer",
          "president", "chairman", "chairwoman", "chair",  "founder",  "co-founder", "head",
          "director",  "vice",     "the",        "its",    "his",      "her",        "their",
          "new",       "a",        "an",         "senior", "managing", "general",    "manager"});
}
bool IsDeterminer(std::string_view w) {
  return OneOf(w, {"the", "a", "an", "its", "their", "his", "her", "new", "newly", "formed",
                   "created", "all", "both"});
}

// A definite noun phrase that refers back to a unit the text has created:
// "the new top-level business group", "the unit", "the division".
bool IsUnitNoun(std::string_view w) {
  return OneOf(
      w, {"unit", "group", "division", "venture", "business", "arm", "hub", "entity", "team", "lab",
          "laboratory", "subsidiary", "company", "exchange", "platform", "department", "segment"});
}

// Prepositions: an entity right after one is not a subject ("the team in
// Singapore unveiled").
bool IsPreposition(std::string_view w) {
  return OneOf(w,
               {"of",    "in",      "at",     "for",    "from", "with",   "by",      "on",
                "to",    "under",   "within", "about",  "into", "than",   "like",    "between",
                "among", "through", "over",   "across", "via",  "behind", "against", "alongside"});
}

// Words a list member may be followed by: the list goes on or the clause
// ends. Anything else ("A and B leads …") means the member starts a clause.
bool EndsListMember(std::string_view w) {
  return OneOf(w, {",",  "and",      ".",  ";",     ":",    "!",  "?",  "(",    ")",
                   "—",  "–",        "-",  "under", "into", "in", "as", "from", "within",
                   "to", "together", "on", "under", "'",    "\"", "”",  "’"});
}

int NumberWord(std::string_view w) {
  static constexpr std::array<std::string_view, 21> kWords = {
      "zero",     "one",     "two",     "three",     "four",     "five",     "six",
      "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",   "thirteen",
      "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
  for (std::size_t i = 0; i < kWords.size(); ++i)
    if (w == kWords[i]) return static_cast<int>(i);
  return -1;
}

// "3", "three" → 3; -1 when neither.
int ReadCount(std::string_view w) {
  if (!w.empty() && w.size() <= 6 &&
      std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::stoi(std::string(w));
  }
  return NumberWord(LowerCase(w));
}

int Ordinal(std::string_view w) {
  static constexpr std::array<std::string_view, 11> kWords = {
      "",      "first",   "second", "third", "fourth", "fifth",
      "sixth", "seventh", "eighth", "ninth", "tenth"};
  for (std::size_t i = 1; i < kWords.size(); ++i)
    if (w == kWords[i]) return static_cast<int>(i);
  // "3rd", "21st"
  std::size_t digits = 0;
  while (digits < w.size() && w[digits] >= '0' && w[digits] <= '9') ++digits;
  if (digits > 0 && digits <= 4 && w.size() == digits + 2 &&
      OneOf(w.substr(digits), {"st", "nd", "rd", "th"})) {
    return std::stoi(std::string(w.substr(0, digits)));
  }
  return -1;
}

std::string FormatNumber(double v) {
  char buf[64];
  if (std::fabs(v - std::round(v)) < 1e-9 && std::fabs(v) < 1e15) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
  } else {
    std::snprintf(buf, sizeof buf, "%g", v);
  }
  return buf;
}

// ---- dates ------------------------------------------------------------------

using Days = std::chrono::sys_days;

std::string FormatDay(Days d) {
  const std::chrono::year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

std::optional<Days> MakeDay(int y, int m, int d) {
  const std::chrono::year_month_day ymd{std::chrono::year{y},
                                        std::chrono::month{static_cast<unsigned>(m)},
                                        std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return Days{ymd};
}

int MonthOf(std::string_view word) {
  const std::string w = LowerCase(word);
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    if (w == kMonths[i]) return static_cast<int>(i) + 1;
    // "Mar", "Sept."
    std::string_view abbr = w;
    if (abbr.ends_with(".")) abbr.remove_suffix(1);
    if (abbr.size() >= 3 && kMonths[i].starts_with(abbr) && abbr != "ma")
      return static_cast<int>(i) + 1;
  }
  return 0;
}

// The one date a sentence gives its event, resolved against the publication
// day; nullopt when it gives none, more than one, or one that needs a
// publication date the caller did not give.
//
// Weekdays: "last Tuesday" is the latest Tuesday strictly before the
// publication day, "next Tuesday" the first strictly after; a bare or "on"
// weekday is the latest on or before it, or the first on or after it when
// the sentence speaks of the future ("will"). A month and day without a
// year take the year that puts them closest to the publication day.
std::optional<std::string> SentenceDate(std::string_view sentence, std::optional<Days> published,
                                        bool future) {
  static const RE2 kFull(
      R"((?i)\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?)");
  static const RE2 kDayFirst(
      R"((?i)\b(\d{1,2})\s+(january|february|march|april|may|june|july|august|september|october|november|december)\b(?:\s+(\d{4})\b)?)");
  static const RE2 kWeekday(
      R"((?i)\b(last|next|this|on)?\s*(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)");
  static const RE2 kRelative(R"((?i)\b(yesterday|today|tomorrow)\b)");
  std::vector<std::string> found;
  auto add = [&](std::optional<Days> d) {
    if (!d) return;
    std::string s = FormatDay(*d);
    if (std::find(found.begin(), found.end(), s) == found.end()) found.push_back(std::move(s));
  };
  auto month_day = [&](int month, int day, std::string_view year) {
    if (month == 0) return;
    if (!year.empty()) {
      add(MakeDay(std::stoi(std::string(year)), month, day));
      return;
    }
    if (!published) return;
    const int y = static_cast<int>(std::chrono::year_month_day{*published}.year());
    std::optional<Days> best;
    for (int cy : {y - 1, y, y + 1}) {
      auto d = MakeDay(cy, month, day);
      if (d &&
          (!best || std::abs((*d - *published).count()) < std::abs((*best - *published).count())))
        best = d;
    }
    add(best);
  };
  re2::StringPiece in(sentence);
  re2::StringPiece mon, day, year;
  while (RE2::FindAndConsume(&in, kFull, &mon, &day, &year))
    month_day(MonthOf(mon), std::stoi(std::string(day)), year);
  in = sentence;
  while (RE2::FindAndConsume(&in, kDayFirst, &day, &mon, &year))
    month_day(MonthOf(mon), std::stoi(std::string(day)), year);
  if (published) {
    in = sentence;
    re2::StringPiece modifier, weekday;
    const unsigned pub_wd = std::chrono::weekday{*published}.c_encoding();  // 0 = Sunday
    while (RE2::FindAndConsume(&in, kWeekday, &modifier, &weekday)) {
      const std::string w = LowerCase(weekday), m = LowerCase(modifier);
      unsigned target = 0;
      for (unsigned i = 0; i < 7; ++i)
        if (kWeekdays[i] == w) target = (i + 1) % 7;
      const int back = static_cast<int>((pub_wd + 7 - target) % 7);   // days back to it
      const int ahead = static_cast<int>((target + 7 - pub_wd) % 7);  // days ahead to it
      int offset;
      if (m == "last") {
        offset = -(back == 0 ? 7 : back);
      } else if (m == "next") {
        offset = ahead == 0 ? 7 : ahead;
      } else {
        offset = future ? ahead : -back;
      }
      add(*published + std::chrono::days{offset});
    }
    in = sentence;
    re2::StringPiece rel;
    while (RE2::FindAndConsume(&in, kRelative, &rel)) {
      const std::string r = LowerCase(rel);
      add(*published + std::chrono::days{r == "yesterday" ? -1 : r == "tomorrow" ? 1 : 0});
    }
  }
  if (found.size() != 1) return std::nullopt;
  return found.front();
}

// ---- quantities ----------------------------------------------------------------

struct QuantitySpan {
  Quantity quantity;
  std::uint32_t start = 0, end = 0;  // bytes in the sentence
};

double ReadNumber(std::string_view s) {
  std::string digits;
  for (char c : s)
    if (c != ',') digits += c;
  return std::strtod(digits.c_str(), nullptr);
}

std::string UnitOf(std::string_view written) {
  const std::string u = LowerCase(written);
  if (u == "x" || u == "×" || u == "times" || u == "fold") return "times";
  if (u == "%" || u == "percent" || u == "per cent" || u == "percentage points") return "%";
  if (OneOf(u, {"people", "employees", "staff", "workers", "jobs"})) return "people";
  return u;
}

// The quantities of a sentence: numbers and ranges with a unit and the
// comparative after them ("10 to 20 times cheaper", "10–20x cheaper"),
// amounts of money ("$2.5 billion"), "double/triple digits".
std::vector<QuantitySpan> FindQuantities(std::string_view sentence) {
  static const RE2 kNumber(
      R"((?i)(\$\s?)?(\d[\d,]*(?:\.\d+)?)(?:\s*(?:to|-|–|—)\s*(\d[\d,]*(?:\.\d+)?))?\s*(times|x|×|fold|%|percent|per cent|people|employees|staff|workers|jobs|million|billion|trillion|bn)?\b(?:\s+(cheaper|less expensive|more expensive|less|more|faster|slower|larger|smaller|higher|lower|bigger|cheaper))?)");
  static const RE2 kDigits(R"((?i)\b(double|triple|quadruple)[- ]digits?\b)");
  std::vector<QuantitySpan> out;
  re2::StringPiece in(sentence);
  re2::StringPiece dollar, low, high, unit, comparison;
  while (!in.empty() &&
         RE2::FindAndConsume(&in, kNumber, &dollar, &low, &high, &unit, &comparison)) {
    const auto start =
        static_cast<std::uint32_t>((dollar.data() ? dollar.data() : low.data()) - sentence.data());
    const auto end = static_cast<std::uint32_t>(in.data() - sentence.data());
    if (end <= start) continue;
    // A bare number without a unit, money or comparative is a year, a day
    // or a count that no pattern reads: skipped.
    if (unit.empty() && dollar.empty() && comparison.empty()) continue;
    QuantitySpan q;
    q.start = start;
    q.end = end;
    q.quantity.low = ReadNumber(low);
    q.quantity.high = high.empty() ? q.quantity.low : ReadNumber(high);
    // "20 to 10 times": a range is kept low to high.
    if (q.quantity.high < q.quantity.low) std::swap(q.quantity.low, q.quantity.high);
    std::string u = UnitOf(unit);
    if (!dollar.empty()) {
      double scale = u == "million"                ? 1e6
                     : u == "billion" || u == "bn" ? 1e9
                     : u == "trillion"             ? 1e12
                                                   : 1;
      q.quantity.low *= scale;
      q.quantity.high *= scale;
      u = "usd";
    }
    q.quantity.unit = u;
    q.quantity.comparison = LowerCase(comparison);
    out.push_back(std::move(q));
  }
  in = sentence;
  re2::StringPiece size;
  while (RE2::FindAndConsume(&in, kDigits, &size)) {
    const std::string s = LowerCase(size);
    QuantitySpan q;
    q.start = static_cast<std::uint32_t>(size.data() - sentence.data());
    q.end = static_cast<std::uint32_t>(in.data() - sentence.data());
    const double from = s == "double" ? 10 : s == "triple" ? 100 : 1000;
    q.quantity = {from, from * 10 - 1, "%", ""};
    out.push_back(std::move(q));
  }
  std::sort(out.begin(), out.end(),
            [](const QuantitySpan& a, const QuantitySpan& b) { return a.start < b.start; });
  return out;
}

// ---- the article's own credit -------------------------------------------------

// The paragraphs of `text` (separated by blank lines), trimmed, empty ones
// left out.
std::vector<std::string_view> Paragraphs(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find("\n\n", at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view p = text.substr(at, end - at);
    while (!p.empty() && std::isspace(static_cast<unsigned char>(p.front()))) p.remove_prefix(1);
    while (!p.empty() && std::isspace(static_cast<unsigned char>(p.back()))) p.remove_suffix(1);
    if (!p.empty()) out.push_back(p);
    at = end + 2;
  }
  return out;
}

// The ASCII letters of `s` ("N.A.T.O." → "NATO").
std::string Letters(std::string_view s) {
  std::string out;
  for (char c : s)
    if (std::isalpha(static_cast<unsigned char>(c))) out += c;
  return out;
}

// Whether `name` reads as the name of an outlet or agency: one to six words,
// each capitalised or a connector ("of", "the", "&"), no digits, no party
// and state ("(R-Texas)"), not only days, months, languages or media
// ("originally published on Friday", "in Spanish", "in print"; "The Sunday
// Times" is a name), and in a dateline (`dateline`) no label its
// parentheses also hold ("(Updated)", "(Breaking News)", "(Getty Images)").
bool IsCreditName(std::string_view name, bool dateline) {
  using extract_internal::Gazetteers;
  static const RE2 kWord(R"((\S+)\s*)");
  static const RE2 kPartyCode(R"([RDI]-\S+)");
  static constexpr std::string_view kConnectors[] = {"of", "the", "and", "&",   "for", "de",
                                                     "la", "du",  "des", "del", "von", "y"};
  static constexpr std::string_view kLabels[] = {
      "updated",   "update",        "updates",    "photo",   "photos",    "picture",  "pictures",
      "image",     "images",        "video",      "videos",  "file",      "opinion",  "analysis",
      "exclusive", "corrected",     "correction", "live",    "watch",     "listen",   "audio",
      "explainer", "breaking",      "repeats",    "refiles", "editorial", "editor's", "editors'",
      "sponsored", "advertisement", "getty",      "graphic", "graphics",  "map",      "chart",
      "podcast",   "preview",       "recap",      "factbox"};
  static constexpr std::string_view kNoNames[] = {"news",  "note",   "print",  "paper",
                                                  "today", "online", "website"};
  auto listed = [](const auto& list, const std::string& w) {
    return std::find(std::begin(list), std::end(list), w) != std::end(list);
  };
  if (name.empty() || name.size() > 60) return false;
  re2::StringPiece rest(name.data(), name.size());
  re2::StringPiece word;
  int words = 0;
  bool named = false;  // a word that names: no connector, day, month, language or medium
  while (RE2::Consume(&rest, kWord, &word)) {
    if (++words > 6) return false;
    const std::string_view w(word.data(), word.size());
    for (char c : w)
      if (std::isdigit(static_cast<unsigned char>(c)) || c == ':' || c == '/' || c == '@')
        return false;
    if (RE2::FullMatch(word, kPartyCode)) return false;
    const std::string lower = LowerCase(w);
    const bool connector = words > 1 && listed(kConnectors, lower);
    // A capital, or a word of non-ASCII letters (their case is not checked here).
    if (!connector && !std::isupper(static_cast<unsigned char>(w.front())) &&
        static_cast<unsigned char>(w.front()) < 0x80)
      return false;
    if (dateline && listed(kLabels, lower)) return false;
    const bool time_or_language =
        (Gazetteers::Default().ClassesOf(w) &
         (extract_internal::kGazTimeWord | extract_internal::kGazNationality)) != 0;
    if (!connector && !time_or_language && !listed(kNoNames, lower)) named = true;
  }
  return named && rest.empty();
}

// Where a credit line's name ends: at the first comma, semicolon, colon,
// bracket, dash, "!" or "?", at a full stop that ends a word ("WTOP.com"
// and "St. Louis" go on), or before " and ", " under ", " with " or
// " on <day>".
std::string_view CreditNameOf(std::string_view rest) {
  static constexpr std::string_view kAbbreviations[] = {"St", "Mt", "Ft", "Dr", "Co", "Inc"};
  static constexpr std::string_view kStops[] = {" and ", " under ", " with ", " on ",
                                                " in ",  " at ",    " as ",   " by "};
  std::size_t end = rest.size();
  for (std::size_t i = 0; i < rest.size(); ++i) {
    const char c = rest[i];
    if (std::string_view(",;:()[]!?*_\n").find(c) != std::string_view::npos ||
        rest.substr(i).starts_with("—") || rest.substr(i).starts_with("–") ||
        rest.substr(i).starts_with(" - ")) {
      end = i;
      break;
    }
    if (c == '.') {
      const bool at_end = i + 1 >= rest.size() || rest[i + 1] == ' ';
      std::size_t word_start = rest.rfind(' ', i);
      word_start = word_start == std::string_view::npos ? 0 : word_start + 1;
      const std::string_view word = rest.substr(word_start, i - word_start);
      const bool abbreviation = std::find(std::begin(kAbbreviations), std::end(kAbbreviations),
                                          word) != std::end(kAbbreviations);
      if (at_end && !abbreviation) {
        end = i;
        break;
      }
    }
  }
  std::string_view name = rest.substr(0, end);
  for (std::string_view stop : kStops) {
    const std::size_t at = name.find(stop);
    if (at != std::string_view::npos) name = name.substr(0, at);
  }
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  return name;
}

// See ArticleFacts::credit. `text` is `title + "\n\n" + text`: the dateline
// is looked for at the start of the three paragraphs after the title (a
// byline or a date line may come before the lead), credit lines in those
// and the last three.
std::string FindCredit(std::string_view text) {
  // A place in capitals, perhaps a state or a date after commas, then the
  // credit in parentheses and a dash; or the credit alone in parentheses
  // opening the paragraph, before a capital ("(CNN) President …").
  static const RE2 kDateline(
      R"(^(?:(?:(\p{Lu}[\p{Lu}\p{N} .'’-]*)(?:,[^()\n,]{1,30}){0,2}\s*)?\(([^()\n]{2,60})\)\s*(?:—|–|-{1,2})\s*\S|\(([^()\n]{2,60})\) +\p{Lu}))");
  // A paragraph of its own that says where the text was first published
  // ("reprinted on X" names where it went, not where it came from).
  static const RE2 kCreditLine(
      R"((?i)^[*_]*(?:this (?:story|article|report|piece|post|item|column) )?(?:was |is |has been )?(?:(?:(?:originally|first) (?:published|appeared|ran|posted|produced)|(?:published|appeared|ran|posted|produced) (?:originally|first)) (?:by|in|on|at|for)|(?:republished|reprinted|reproduced|syndicated)(?: here)?(?: with (?:kind )?permission)? (?:from|of)) (?:the website of )?(?:the )?(.{2,200})$)");
  const std::vector<std::string_view> paragraphs = Paragraphs(text);
  const std::size_t n = paragraphs.size();
  std::string place, name, alone;
  for (std::size_t i = 1; i < n && i <= 3; ++i) {
    const std::string_view p = paragraphs[i];
    if (!RE2::PartialMatch(re2::StringPiece(p.data(), p.size()), kDateline, &place, &name, &alone))
      continue;
    if (name.empty()) name = alone;
    // "NATO (North Atlantic Treaty Organization) —" spells out the place.
    const std::string initials = NameInitials(name);
    const bool spelled_out = initials.size() >= 2 && initials == Letters(place);
    if (!spelled_out && IsCreditName(name, /*dateline=*/true)) return name;
  }
  std::string rest;
  for (std::size_t i = 1; i < n; ++i) {
    if (i > 3 && i + 3 < n) continue;
    const std::string_view p = paragraphs[i];
    if (p.size() > 300) continue;
    if (!RE2::FullMatch(re2::StringPiece(p.data(), p.size()), kCreditLine, &rest)) continue;
    const std::string_view credit = CreditNameOf(rest);
    if (IsCreditName(credit, /*dateline=*/false)) return std::string(credit);
  }
  return "";
}

// ---- sentences as items ----------------------------------------------------

// A sentence's row: an entity mention (one item however many tokens), or a
// word.
struct Item {
  std::int32_t mention = -1;  // index into DocumentEntities::mentions; -1 for a word
  std::uint32_t start = 0, end = 0;
  std::string word;       // lower case (a word); empty for a mention
  bool consumed = false;  // part of an attribution phrase: no fact reads it
  bool IsEntity() const { return mention >= 0; }
};

struct Attribution {
  std::string origin;
  std::string kind;
  std::int32_t entity = -1;
  bool the_company = false;  // "the company said": the document's company, found later
  bool cite = false;         // an upstream the article cites
};

// Everything one sentence tells about its facts besides their arguments.
struct SentenceContext {
  std::uint32_t start = 0, end = 0;
  Attribution attribution;
  std::optional<std::string> date;
  bool denial = false;  // "denied that", "dismissed reports that"
  std::size_t denial_item = 0;
  std::vector<QuantitySpan> quantities;
};

class Extractor {
 public:
  Extractor(std::string_view text, const DocumentEntities& entities, std::optional<Days> published,
            const FactOptions& options)
      : text_(text), entities_(entities), published_(published), options_(options) {}

  ArticleFacts Run();

 private:
  std::vector<Item> Items(const TokenizedText& tokens, const extract_internal::Sentence& s,
                          std::size_t& next_mention) const;
  void ReadAttribution(std::vector<Item>& items, SentenceContext& ctx);
  void ReadSentence(std::vector<Item>& items, const SentenceContext& ctx);
  void NoteUnitNames(const std::vector<Item>& items);
  void ReadRoles(const std::vector<extract_internal::RoleMention>& roles, std::size_t& next_role,
                 const std::vector<Item>& items, const SentenceContext& ctx);

  // The item of the verb's subject to the left of item `k` (exclusive), or
  // -1; `negated`, `hedged` and `quantity` collect what the words between
  // say.
  int SubjectBefore(const std::vector<Item>& items, int k, bool& negated, bool& hedged,
                    std::optional<Quantity>& ordinal, bool allow_noun_phrase) const;
  // The entity items of the object starting at item `k`, a list when it is
  // one; empty when the object is not an entity.
  std::vector<int> ObjectsFrom(const std::vector<Item>& items, int k) const;
  bool GoodSubject(const std::vector<Item>& items, int j) const;
  // The members of a list that ends right before item `k`'s verb group and
  // opens with "such as", "like" or "including" ("models such as A, B and
  // C can cost"); empty when there is none.
  std::vector<int> ListBefore(const std::vector<Item>& items, int k, bool& negated,
                              bool& hedged) const;
  // The entity item at or before item `j` when only the rest of its name
  // stands between: "X (XB) Business Group" → X. -1 when there is none.
  int EntityBeforeTail(const std::vector<Item>& items, int j) const;

  FactArgument EntityArgument(const Item& item) const;
  void Add(Fact fact, const SentenceContext& ctx);

  std::string_view Said(const Item& item) const {
    return text_.substr(item.start, item.end - item.start);
  }

  std::string_view text_;
  const DocumentEntities& entities_;
  std::optional<Days> published_;
  const FactOptions& options_;
  ArticleFacts out_;
  // Attributions waiting for the document's company ("the company said").
  std::vector<std::size_t> company_facts_;
  std::vector<std::int32_t> cited_entities_;
  // The entity the text last introduced as created ("has established X"),
  // for "the new unit" later on.
  std::int32_t last_created_ = -1;
  // The entity whose name (or the words after it) last used each unit noun.
  std::map<std::string, std::int32_t> unit_names_;
  bool full_ = false;
};

std::vector<Item> Extractor::Items(const TokenizedText& tokens, const extract_internal::Sentence& s,
                                   std::size_t& next_mention) const {
  std::vector<Item> items;
  const auto& mentions = entities_.mentions;
  for (std::uint32_t t = s.first_token; t < s.end_token; ++t) {
    const auto& tok = tokens.tokens[t];
    while (next_mention < mentions.size() && mentions[next_mention].end <= tok.start)
      ++next_mention;
    if (next_mention < mentions.size() && mentions[next_mention].start < tok.end) {
      const auto& m = mentions[next_mention];
      if (items.empty() || items.back().mention != static_cast<std::int32_t>(next_mention)) {
        Item item;
        item.mention = static_cast<std::int32_t>(next_mention);
        item.start = std::max(m.start, tok.start);
        item.end = tok.end;
        items.push_back(std::move(item));
      } else {
        items.back().end = tok.end;
      }
      continue;
    }
    Item item;
    item.start = tok.start;
    item.end = tok.end;
    item.word = LowerCase(tokens.Text(text_, tok));
    items.push_back(std::move(item));
  }
  return items;
}

FactArgument Extractor::EntityArgument(const Item& item) const {
  const Mention& m = entities_.mentions[static_cast<std::size_t>(item.mention)];
  const DocumentEntity& e = entities_.entities[m.entity];
  FactArgument a;
  a.kind = FactArgument::Kind::kEntity;
  a.text = std::string(Said(item));
  a.type = e.type;
  a.key = NormalizeEntityName(e.name, e.type);
  a.entity = static_cast<std::int32_t>(m.entity);
  return a;
}

std::int32_t EntityOf(const DocumentEntities& entities, const Item& item) {
  return static_cast<std::int32_t>(
      entities.mentions[static_cast<std::size_t>(item.mention)].entity);
}

bool IsSpeechVerb(std::string_view w) {
  return OneOf(w, {"said", "says", "told", "wrote", "added", "stated", "announced", "confirmed",
                   "explained", "noted"});
}

// Attribution: "according to X", "as reported by X", "X reported", "citing
// X", "X said/told/wrote", "said X", "the company said", quotes, memos and
// statements. The phrase's items are marked consumed.
void Extractor::ReadAttribution(std::vector<Item>& items, SentenceContext& ctx) {
  const int n = static_cast<int>(items.size());
  auto word = [&](int i) -> std::string_view {
    return i >= 0 && i < n ? std::string_view(items[static_cast<std::size_t>(i)].word) : "";
  };
  auto consume = [&](int from, int to) {  // [from, to]
    for (int i = std::max(0, from); i <= to && i < n; ++i)
      items[static_cast<std::size_t>(i)].consumed = true;
  };
  bool memo = false, statement = false, quote = false;
  for (const Item& it : items) {
    memo = memo || it.word == "memo" || it.word == "memorandum";
    statement = statement || it.word == "statement" || it.word == "filing";
    quote = quote || it.word == "“" || it.word == "”" || it.word == "\"" || it.word == "``";
  }
  Attribution a;
  auto set = [&](int entity_item, std::string kind, bool cite) {
    if (!a.kind.empty()) return;  // the first attribution of a sentence wins
    a.entity = EntityOf(entities_, items[static_cast<std::size_t>(entity_item)]);
    a.origin = entities_.entities[static_cast<std::size_t>(a.entity)].name;
    a.kind = std::move(kind);
    a.cite = cite;
  };
  // An upstream the tagger did not mark: the capitalized words at item
  // `j` ("the Financial Ledger"). Returns the item after them.
  auto set_named = [&](int j, std::string kind) -> int {
    int e = j;
    while (e < n && e - j < 5 && !items[static_cast<std::size_t>(e)].IsEntity() &&
           items[static_cast<std::size_t>(e)].word != "." &&
           text_[items[static_cast<std::size_t>(e)].start] >= 'A' &&
           text_[items[static_cast<std::size_t>(e)].start] <= 'Z')
      ++e;
    if (e == j || !a.kind.empty()) return j;
    a.origin = std::string(text_.substr(
        items[static_cast<std::size_t>(j)].start,
        items[static_cast<std::size_t>(e - 1)].end - items[static_cast<std::size_t>(j)].start));
    a.kind = std::move(kind);
    a.cite = true;
    return e;
  };
  auto speech_kind = [&]() -> std::string {
    if (memo) return "memo";
    if (statement) return "statement";
    if (quote) return "quote";
    return "said";
  };
  for (int i = 0; i < n; ++i) {
    // "according to X", "citing X"
    int after = -1;
    if (word(i) == "according" && word(i + 1) == "to") after = i + 2;
    if (word(i) == "citing") after = i + 1;
    if (after >= 0) {
      int j = after;
      if (word(j) == "the") ++j;
      if (j < n && items[static_cast<std::size_t>(j)].IsEntity() && word(j + 1) != "'s") {
        set(j, "according_to", true);
        consume(i, j);
      } else if (ReadCount(Said(items[static_cast<std::size_t>(std::min(j, n - 1))])) >= 0) {
        consume(i, j + 1);  // "according to three people familiar with the matter"
        if (a.kind.empty()) a.kind = "according_to";
      } else if (int e = set_named(j, "according_to"); e > j) {
        consume(i, e - 1);
      }
      continue;
    }
    // "(as) reported by X"
    if (word(i) == "reported" && word(i + 1) == "by") {
      int j = i + 2;
      if (word(j) == "the") ++j;
      if (j < n && items[static_cast<std::size_t>(j)].IsEntity()) {
        set(j, "reported_by", true);
        consume(word(i - 1) == "as" ? i - 1 : i, j);
      } else if (int e = set_named(j, "reported_by"); e > j) {
        consume(word(i - 1) == "as" ? i - 1 : i, e - 1);
      }
      continue;
    }
    if (!items[static_cast<std::size_t>(i)].IsEntity()) continue;
    // "X reported (that)", ", X reported."
    if (word(i + 1) == "reported" && (word(i + 2) == "that" || word(i + 2) == "." ||
                                      word(i + 2) == "," || i + 2 >= n || word(i + 2) == "on")) {
      set(i, "reported_by", true);
      consume(i, i + 1);
      continue;
    }
    // "X said", "X told staff", "X, the company's chief executive, said";
    // "said X".
    int v = i + 1;
    if (word(v) == ",") {  // an apposition up to the next comma
      int c = v + 1;
      while (c < n && c - v < 12 && word(c) != ",") ++c;
      if (word(c) == "," && IsSpeechVerb(word(c + 1))) v = c + 1;
    }
    if (IsSpeechVerb(word(v))) {
      set(i, speech_kind(), false);
      consume(i, v);
      if (word(v + 1) == "that") consume(v + 1, v + 1);
      continue;
    }
    if (i > 0 && IsSpeechVerb(word(i - 1)) &&
        (i + 1 >= n || word(i + 1) == "." || word(i + 1) == ",")) {
      set(i, speech_kind(), false);
      consume(i - 1, i);
    }
  }
  // "a report by X", "a study from X": a named upstream; "the report
  // notes", "reports suggest": an unnamed one (the store takes it as the
  // upstream other articles name for the same fact, if any).
  for (int i = 0; i < n && a.kind.empty(); ++i) {
    if (!OneOf(word(i), {"report", "reports", "study", "survey", "analysis"})) continue;
    if (OneOf(word(i + 1), {"by", "from"})) {
      int j = i + 2;
      if (word(j) == "the") ++j;
      if (j < n && items[static_cast<std::size_t>(j)].IsEntity()) {
        set(j, "reported_by", true);
        consume(i, j);
      }
      continue;
    }
    const bool opens = i == 0 || OneOf(word(i - 1), {"the", "a", "one", "recent", "media", "news",
                                                     "earlier", "that", "this"});
    if (opens && OneOf(word(i + 1), {"notes", "noted", "says", "said", "suggests", "suggest",
                                     "suggested", "found", "finds", "shows", "showed", "states",
                                     "stated", "claims", "claimed", "estimates", "say"})) {
      a.kind = "report";
      consume(i == 0 ? i : i - 1, word(i + 2) == "that" ? i + 2 : i + 1);
    }
  }
  // "the company said in a statement", "the firm told staff"
  if (a.kind.empty()) {
    for (int i = 0; i + 2 < n; ++i) {
      if (word(i) == "the" && OneOf(word(i + 1), {"company", "firm", "group"}) &&
          IsSpeechVerb(word(i + 2))) {
        a.kind = speech_kind();
        consume(i, i + 2);
        // The company is the sentence's first entity that is not a person
        // ("X will buy Y, the company said" → X); without one, the
        // organisation the text names most (found once the text is read).
        for (const Item& it : items) {
          if (!it.IsEntity() || it.consumed) continue;
          const std::int32_t e = EntityOf(entities_, it);
          if (entities_.entities[static_cast<std::size_t>(e)].type == EntityType::kPerson) continue;
          a.entity = e;
          a.origin = entities_.entities[static_cast<std::size_t>(e)].name;
          break;
        }
        a.the_company = a.entity < 0;
        break;
      }
    }
  }
  // A memo or a statement with no speaker named is still an attribution.
  if (a.kind.empty() && (memo || statement)) {
    for (int i = 0; i + 1 < n; ++i) {
      if (OneOf(word(i), {"memo", "statement"}) &&
          (word(i - 1) == "internal" || word(i - 1) == "a" || word(i - 1) == "an")) {
        a.kind = memo ? "memo" : "statement";
      }
    }
  }
  ctx.attribution = std::move(a);
}

bool Extractor::GoodSubject(const std::vector<Item>& items, int j) const {
  if (j < 0 || !items[static_cast<std::size_t>(j)].IsEntity() ||
      items[static_cast<std::size_t>(j)].consumed)
    return false;
  if (j > 0) {
    const std::string& before = items[static_cast<std::size_t>(j - 1)].word;
    if (IsPreposition(before) || before == "'s" || before == "’s") return false;
  }
  return true;
}

int Extractor::EntityBeforeTail(const std::vector<Item>& items, int j) const {
  const int stop = j - 8;
  // The phrase after the name modifies it wherever the name stands ("moved
  // to ATH, directly overseen by Wu"): a preposition before it is no bar.
  auto named = [&](int i) {
    return i >= 0 && items[static_cast<std::size_t>(i)].IsEntity() &&
           !items[static_cast<std::size_t>(i)].consumed;
  };
  // "A (AB) Business Group", where the tagger made the tail an entity of
  // its own: the long form before the parenthesis is the name.
  if (j >= 3 && items[static_cast<std::size_t>(j)].IsEntity() &&
      items[static_cast<std::size_t>(j - 1)].word == ")") {
    int p = j - 2;
    while (p > 0 && p > stop && items[static_cast<std::size_t>(p)].word != "(") --p;
    if (p > 0 && items[static_cast<std::size_t>(p)].word == "(" && named(p - 1)) return p - 1;
  }
  while (j >= 0 && j > stop && !items[static_cast<std::size_t>(j)].IsEntity()) {
    const Item& it = items[static_cast<std::size_t>(j)];
    if (it.word == ")") {
      while (j >= 0 && j > stop && items[static_cast<std::size_t>(j)].word != "(") --j;
      --j;
      continue;
    }
    const char c = text_[it.start];
    if (!(c >= 'A' && c <= 'Z')) return -1;  // a capitalized word of the name
    --j;
  }
  return named(j) ? j : -1;
}

std::vector<int> Extractor::ListBefore(const std::vector<Item>& items, int k, bool& negated,
                                       bool& hedged) const {
  const int n = static_cast<int>(items.size());
  auto word = [&](int i) -> std::string_view {
    return i >= 0 && i < n ? std::string_view(items[static_cast<std::size_t>(i)].word) : "";
  };
  auto entity = [&](int i) {
    return i >= 0 && i < n && items[static_cast<std::size_t>(i)].IsEntity() &&
           !items[static_cast<std::size_t>(i)].consumed;
  };
  int j = k - 1;
  bool neg = false, hedge = false;
  while (j >= 0 && !entity(j) &&
         (IsVerbGroupWord(word(j)) || items[static_cast<std::size_t>(j)].consumed)) {
    neg = neg || IsNegation(word(j));
    hedge = hedge || IsHedge(word(j));
    --j;
  }
  // A capitalized word the tagger left out ("ChatGLM") is a member that
  // gives no fact but keeps the list going.
  auto untagged_name = [&](int i) {
    if (i < 0 || i >= n || items[static_cast<std::size_t>(i)].IsEntity()) return false;
    const char c = text_[items[static_cast<std::size_t>(i)].start];
    return c >= 'A' && c <= 'Z' && !IsVerbGroupWord(word(i)) && !IsDeterminer(word(i));
  };
  std::vector<int> members;
  int seen = 0;
  while ((entity(j) || untagged_name(j)) && seen++ < static_cast<int>(options_.max_list_members)) {
    if (entity(j)) members.push_back(j);
    while (!entity(j) && untagged_name(j - 1)) --j;  // "Fleetwise Software", untagged
    int p = j - 1;
    // "Zhipu's ChatGLM": the member is the product, not its maker.
    if ((word(p) == "'s" || word(p) == "’s") && entity(p - 1)) p -= 2;
    if ((word(p) == "as" && word(p - 1) == "such") || word(p) == "like" || word(p) == "including") {
      if (members.empty()) return {};
      std::reverse(members.begin(), members.end());
      negated = negated || neg;
      hedged = hedged || hedge;
      return members;
    }
    const int before = p;
    if (word(p) == "and" || word(p) == "or") --p;
    if (word(p) == ",") --p;
    if (p == before) break;  // no separator: not a list
    j = p;
  }
  return {};
}

int Extractor::SubjectBefore(const std::vector<Item>& items, int k, bool& negated, bool& hedged,
                             std::optional<Quantity>& ordinal, bool allow_noun_phrase) const {
  int j = k - 1;
  auto word = [&](int i) -> const std::string& { return items[static_cast<std::size_t>(i)].word; };
  while (j >= 0) {
    const Item& it = items[static_cast<std::size_t>(j)];
    if (it.IsEntity()) break;
    if (it.consumed) {
      --j;
      continue;
    }
    const std::string& w = it.word;
    if (IsVerbGroupWord(w)) {
      if (IsNegation(w)) negated = true;
      if (IsHedge(w)) hedged = true;
      // "is the third senior executive to leave"
      if (w == "to" && j >= 3) {
        int p = j - 1;
        while (p > 0 && j - p <= 4 && !items[static_cast<std::size_t>(p)].IsEntity() &&
               Ordinal(word(p)) < 0)
          --p;
        if (p > 0 && Ordinal(word(p)) > 0 && word(p - 1) == "the" && p >= 2 &&
            IsBeForm(word(p - 2))) {
          const double nth = Ordinal(word(p));
          ordinal = Quantity{nth, nth, "ordinal", ""};
          j = p - 3;
          continue;
        }
      }
      --j;
      continue;
    }
    if (w == ")") {  // "(NYSE: HBLN)"
      int p = j - 1;
      while (p >= 0 && word(p) != "(" && j - p < 12) --p;
      if (p < 0 || word(p) != "(") return -1;
      j = p - 1;
      continue;
    }
    if (w == ",") {
      // "X, who has led Y since 2023, will run Z": skip the relative
      // clause or apposition back to the comma after the subject.
      int p = j - 1;
      while (p >= 0 && word(p) != "," && j - p < 25) --p;
      if (p <= 0 || word(p) != ",") return -1;
      const std::string& first = word(p + 1);
      const bool relative = first == "who" || first == "which";
      const bool apposition = IsDeterminer(first) || IsTitleWord(first) ||
                              (items[static_cast<std::size_t>(p + 1)].IsEntity() && p + 2 < j &&
                               (word(p + 2) == "'s" || word(p + 2) == "’s"));
      if (!relative && !apposition) return -1;
      j = p - 1;
      return GoodSubject(items, j) ? j : -1;
    }
    if ((w == "who" || w == "which") && j >= 2 && word(j - 1) == ",") {
      return GoodSubject(items, j - 2) ? j - 2 : -1;
    }
    // "Wu's decision to lead the group": the one who decides does it.
    if (OneOf(w, {"decision", "move", "plan", "bid", "choice", "promise", "pledge"}) && j + 1 < k &&
        word(j + 1) == "to" && j >= 2 && (word(j - 1) == "'s" || word(j - 1) == "’s")) {
      return GoodSubject(items, j - 2) ? j - 2 : -1;
    }
    // "Harborline's cloud revenue rose 3%": the owner of a noun phrase.
    if (allow_noun_phrase) {
      int p = j;
      while (p >= 0 && k - p < 6 && !items[static_cast<std::size_t>(p)].IsEntity() &&
             word(p) != "'s" && word(p) != "’s" && word(p) != "of" && word(p) != ",")
        --p;
      if (p > 0 && (word(p) == "'s" || word(p) == "’s") && GoodSubject(items, p - 1)) return p - 1;
      if (p >= 0 && (word(p) == "of" || word(p) == "at") && p + 1 < k &&
          items[static_cast<std::size_t>(p + 1)].IsEntity())
        return p + 1;
      // "shares of Harborline rose": the entity right after "of".
      if (j >= 1 && items[static_cast<std::size_t>(j)].IsEntity()) return j;
    }
    return -1;
  }
  if (j >= 1 && allow_noun_phrase && OneOf(word(j - 1), {"of", "at"})) return j;
  return GoodSubject(items, j) ? j : -1;
}

std::vector<int> Extractor::ObjectsFrom(const std::vector<Item>& items, int k) const {
  const int n = static_cast<int>(items.size());
  auto word = [&](int i) -> std::string_view {
    return i >= 0 && i < n ? std::string_view(items[static_cast<std::size_t>(i)].word) : "";
  };
  int j = k;
  while (j < n && !items[static_cast<std::size_t>(j)].IsEntity() && IsDeterminer(word(j)) &&
         j - k < 3)
    ++j;
  std::vector<int> out;
  auto acceptable = [&](int i) {
    if (i >= n || !items[static_cast<std::size_t>(i)].IsEntity() ||
        items[static_cast<std::size_t>(i)].consumed)
      return false;
    // "leads Harborline's cloud unit": the object is the unit, not Harborline.
    if (word(i + 1) == "'s" || word(i + 1) == "’s") return false;
    return true;
  };
  if (!acceptable(j)) return out;
  out.push_back(j);
  // "A, B and C"
  int i = j + 1;
  while (out.size() < options_.max_list_members) {
    int next = i;
    if (word(next) == "(") {  // "A (AB), B and C"
      while (next < n && word(next) != ")" && next - i < 8) ++next;
      if (word(next) != ")") break;
      ++next;
    }
    const int separator = next;
    if (word(next) == ",") ++next;
    if (word(next) == "and") ++next;
    if (next == separator) break;  // "A (AB) Business Group": the rest of A's name
    while (next < n && IsDeterminer(word(next)) &&
           !items[static_cast<std::size_t>(next)].IsEntity())
      ++next;
    if (!acceptable(next)) break;
    if (next + 1 < n && !EndsListMember(word(next + 1)) &&
        !items[static_cast<std::size_t>(next + 1)].consumed)
      break;
    out.push_back(next);
    i = next + 1;
  }
  // The first member must end its phrase the same way.
  if (out.size() == 1 && j + 1 < n && !EndsListMember(word(j + 1)) &&
      !items[static_cast<std::size_t>(j + 1)].consumed &&
      !items[static_cast<std::size_t>(j + 1)].IsEntity() &&
      !OneOf(word(j + 1), {"himself", "herself", "itself", "since", "after", "before", "with", "at",
                           "by", "for", "this", "last", "next", "until", "following"}))
    out.clear();
  return out;
}

void Extractor::Add(Fact fact, const SentenceContext& ctx) {
  if (out_.facts.size() >= options_.max_facts) {
    full_ = true;
    return;
  }
  fact.sentence_start = ctx.start;
  fact.sentence_end = ctx.end;
  fact.evidence = std::string(text_.substr(ctx.start, ctx.end - ctx.start));
  fact.origin = ctx.attribution.origin;
  fact.origin_kind = ctx.attribution.kind;
  if (ctx.attribution.the_company) company_facts_.push_back(out_.facts.size());
  // The speaker is not the source of a fact about themselves in the third
  // person, but they are still who says it: origin stays.
  out_.facts.push_back(std::move(fact));
}

void Extractor::ReadRoles(const std::vector<extract_internal::RoleMention>& roles,
                          std::size_t& next_role, const std::vector<Item>& items,
                          const SentenceContext& ctx) {
  while (next_role < roles.size() && roles[next_role].person_start < ctx.start) ++next_role;
  for (; next_role < roles.size() && roles[next_role].person_start < ctx.end; ++next_role) {
    const auto& r = roles[next_role];
    const Item* person = nullptr;
    const Item* org = nullptr;
    for (const Item& it : items) {
      if (!it.IsEntity()) continue;
      if (it.start < r.person_end && r.person_start < it.end) person = &it;
      if (r.org_end > r.org_start && it.start < r.org_end && r.org_start < it.end) org = &it;
    }
    if (person == nullptr) continue;
    const auto& pe = entities_.entities[static_cast<std::size_t>(EntityOf(entities_, *person))];
    if (pe.type != EntityType::kPerson) continue;
    Fact f;
    f.subject = EntityArgument(*person);
    f.predicate = "hold role";
    f.predicate_class = "role";
    f.role = r.role;
    if (org != nullptr && org != person) {
      f.object = EntityArgument(*org);
    } else {
      f.object.kind = FactArgument::Kind::kText;
      f.object.text = r.role;
      f.object.key = r.role;
    }
    Add(std::move(f), ctx);
  }
}

void Extractor::NoteUnitNames(const std::vector<Item>& items) {
  const int n = static_cast<int>(items.size());
  for (int i = 0; i < n; ++i) {
    const Item& it = items[static_cast<std::size_t>(i)];
    if (!it.IsEntity()) continue;
    const std::int32_t e = EntityOf(entities_, it);
    if (entities_.entities[static_cast<std::size_t>(e)].type != EntityType::kOrganization) continue;
    std::vector<std::string> words;
    std::string name = LowerCase(Said(it));
    for (char& c : name)
      if (c == '.' || c == ',') c = ' ';
    for (std::size_t p = 0; p < name.size();) {
      const std::size_t q = std::min(name.find(' ', p), name.size());
      if (q > p) words.push_back(name.substr(p, q - p));
      p = q + 1;
    }
    // The rest of the name after it: "(ATH) Business Group".
    int j = i + 1;
    if (j < n && items[static_cast<std::size_t>(j)].word == "(") {
      while (j < n && j - i < 6 && items[static_cast<std::size_t>(j)].word != ")") ++j;
      ++j;
    }
    for (; j < n && j - i < 8 && !items[static_cast<std::size_t>(j)].IsEntity() &&
           text_[items[static_cast<std::size_t>(j)].start] >= 'A' &&
           text_[items[static_cast<std::size_t>(j)].start] <= 'Z';
         ++j)
      words.push_back(items[static_cast<std::size_t>(j)].word);
    // A name of nothing but unit nouns ("Business Group" where the tagger
    // cut "A (AB) Business Group" in two) is the rest of the name before.
    std::int32_t owner = e;
    if (std::all_of(words.begin(), words.end(),
                    [](const std::string& w) { return IsUnitNoun(w); }) &&
        i >= 3 && items[static_cast<std::size_t>(i - 1)].word == ")") {
      int p = i - 2;
      while (p > 0 && i - p < 6 && items[static_cast<std::size_t>(p)].word != "(") --p;
      if (p > 0 && items[static_cast<std::size_t>(p)].word == "(" &&
          items[static_cast<std::size_t>(p - 1)].IsEntity())
        owner = EntityOf(entities_, items[static_cast<std::size_t>(p - 1)]);
    }
    for (const std::string& w : words)
      if (IsUnitNoun(w)) unit_names_[w] = owner;
  }
}

void Extractor::ReadSentence(std::vector<Item>& items, const SentenceContext& ctx) {
  const int n = static_cast<int>(items.size());
  auto word = [&](int i) -> std::string_view {
    return i >= 0 && i < n ? std::string_view(items[static_cast<std::size_t>(i)].word) : "";
  };
  NoteUnitNames(items);
  // Comparisons: "X is 10 to 20 times cheaper than Y".
  for (const QuantitySpan& q : ctx.quantities) {
    if (q.quantity.comparison.empty()) continue;
    const std::uint32_t qs = ctx.start + q.start, qe = ctx.start + q.end;
    int first = -1, last = -1;
    for (int i = 0; i < n; ++i) {
      if (items[static_cast<std::size_t>(i)].start >= qs &&
          items[static_cast<std::size_t>(i)].end <= qe) {
        if (first < 0) first = i;
        last = i;
      }
    }
    if (first < 0) continue;
    bool negated = false, hedged = false;
    std::optional<Quantity> ordinal;
    int s = first;
    while (s > 0 &&
           OneOf(word(s - 1), {"about", "roughly", "around", "up", "nearly", "almost", "some"}))
      --s;
    if (word(s - 1) == "to" && word(s - 2) == "up") s -= 2;
    if (word(s - 1) == "costs" || word(s - 1) == "cost") --s;
    std::vector<int> subjects = ListBefore(items, s, negated, hedged);
    if (subjects.empty())
      if (const int subject = SubjectBefore(items, s, negated, hedged, ordinal, false);
          subject >= 0)
        subjects.push_back(subject);
    if (subjects.empty()) continue;
    Fact f;
    std::string cmp = q.quantity.comparison;
    const bool price = OneOf(cmp, {"cheaper", "less expensive", "more expensive"}) ||
                       word(s) == "cost" || word(s) == "costs";
    // A price is cheaper or dearer however it is written: "cost 10 times
    // less" is "10 times cheaper".
    if (price && OneOf(cmp, {"less", "less expensive", "lower"})) cmp = "cheaper";
    if (price && OneOf(cmp, {"more", "higher"})) cmp = "more expensive";
    f.predicate = price ? "cost" : "compare";
    f.predicate_class = f.predicate;
    f.hedged = hedged;
    f.quantity = q.quantity;
    f.quantity->comparison = cmp;
    // Than an entity ("than Nvidia's H100") it is a comparison of the two;
    // than anything else ("than U.S. models") the amount is the object.
    const int than = last + 1;
    std::vector<int> objects;
    if (word(than) == "than") objects = ObjectsFrom(items, than + 1);
    if (!objects.empty()) {
      f.object = EntityArgument(items[static_cast<std::size_t>(objects.front())]);
    } else {
      f.object.kind = FactArgument::Kind::kValue;
      f.object.text = std::string(text_.substr(qs, qe - qs));
      f.object.key = QuantityText(*f.quantity);
    }
    for (int subject : subjects) {
      Fact g = f;
      g.subject = EntityArgument(items[static_cast<std::size_t>(subject)]);
      g.negated = negated || (ctx.denial && static_cast<std::size_t>(subject) > ctx.denial_item);
      if (g.object.entity >= 0 && g.object.entity == g.subject.entity) continue;
      Add(std::move(g), ctx);
    }
  }

  for (int k = 0; k < n; ++k) {
    if (items[static_cast<std::size_t>(k)].IsEntity() ||
        items[static_cast<std::size_t>(k)].consumed)
      continue;
    // The longest lexicon form starting here.
    const VerbForm* verb = nullptr;
    int verb_len = 0;
    for (const VerbForm& v : kVerbLexicon) {
      int len = 0;
      std::string_view rest = v.words;
      bool match = true;
      while (!rest.empty()) {
        const auto sp = rest.find(' ');
        const std::string_view w = rest.substr(0, sp);
        if (word(k + len) != w ||
            items[static_cast<std::size_t>(std::min(k + len, n - 1))].IsEntity()) {
          match = false;
          break;
        }
        ++len;
        rest = sp == std::string_view::npos ? std::string_view() : rest.substr(sp + 1);
      }
      if (match && len > verb_len) {
        verb = &v;
        verb_len = len;
      }
    }
    if (verb == nullptr) continue;
    const int after = k + verb_len;
    bool negated = false, hedged = false;
    std::optional<Quantity> ordinal;
    Fact f;
    f.predicate = std::string(verb->lemma);
    f.predicate_class = std::string(verb->predicate_class);

    if (TakesAmount(verb->predicate_class)) {
      // "Harborline's revenue rose 3%", "MCX costs $2 per hour".
      const QuantitySpan* amount = nullptr;
      for (const QuantitySpan& q : ctx.quantities) {
        const std::uint32_t qs = ctx.start + q.start;
        if (qs < items[static_cast<std::size_t>(after - 1)].end) continue;
        int skipped = 0;
        for (int i = after; i < n && items[static_cast<std::size_t>(i)].start < qs; ++i) ++skipped;
        if (skipped <= 3) amount = &q;
        break;
      }
      if (amount == nullptr || !amount->quantity.comparison.empty()) continue;
      const int subject = SubjectBefore(items, k, negated, hedged, ordinal, true);
      if (subject < 0) continue;
      f.subject = EntityArgument(items[static_cast<std::size_t>(subject)]);
      f.object.kind = FactArgument::Kind::kValue;
      f.object.text =
          std::string(text_.substr(ctx.start + amount->start, amount->end - amount->start));
      f.object.key = QuantityText(amount->quantity);
      f.quantity = amount->quantity;
      f.negated = negated;
      f.hedged = hedged;
      f.date = ctx.date;
      Add(std::move(f), ctx);
      continue;
    }

    std::vector<int> agents, patients;
    int subject = -1;
    const bool by = verb->participle && word(after) == "by";
    if (by) {
      // Passive: "X will be led by Y", "X, a new unit led by Y".
      int a = after + 1;
      while (a < n && !items[static_cast<std::size_t>(a)].IsEntity() && IsTitleWord(word(a)) &&
             a - after < 5)
        ++a;
      agents = ObjectsFrom(items, a);
      if (agents.empty()) continue;
      int left = k - 1;
      while (left >= 0 && IsAdverb(word(left))) --left;  // "ATH, directly overseen by"
      const bool be = left >= 0 && IsBeForm(word(left));
      int unit = left;  // "a new Token Hub unit led by"
      while (unit >= 0 && left - unit < 2 && IsUnitNoun(word(unit))) --unit;
      if (be) {
        subject = SubjectBefore(items, k, negated, hedged, ordinal, false);
      } else if (left >= 0 && items[static_cast<std::size_t>(left)].IsEntity()) {
        subject = GoodSubject(items, left) ? left : -1;
      } else if (word(left) == ",") {
        subject = EntityBeforeTail(items, left - 1);  // "ATH, led by Zhou,"
      } else if (unit < left && unit >= 0 && items[static_cast<std::size_t>(unit)].IsEntity()) {
        subject = GoodSubject(items, unit) ? unit : -1;
      } else {
        // "X, a new top-level unit led by Y": back over the apposition's
        // words to its determiner, its comma and X.
        int p = left;
        while (p >= 0 && k - p < 10 && !items[static_cast<std::size_t>(p)].IsEntity() &&
               !OneOf(word(p), {"a", "an", "the", ",", "."}))
          --p;
        if (p >= 1 && OneOf(word(p), {"a", "an", "the"}) && word(p - 1) == ",") {
          subject = EntityBeforeTail(items, p - 2);
        }
      }
      if (subject < 0) continue;
      patients.push_back(subject);
    } else {
      agents = ListBefore(items, k, negated, hedged);  // "units such as A and B will"
      if (!agents.empty()) {
        subject = agents.front();
      } else {
        subject = SubjectBefore(items, k, negated, hedged, ordinal, false);
        if (subject < 0) continue;
        agents.push_back(subject);
      }
      // "was named" without "by", "is run" without an agent: not read.
      if (k > 0 && IsBeForm(word(k - 1)) && verb->participle) continue;
      patients = ObjectsFrom(items, after);
      if (patients.empty()) {
        // "created a new business unit, Alibaba Token Hub", "a unit called
        // Wukong": the name after a described unit.
        int i = after, last_noun = -1;
        while (i < n && i - after < 8 && !items[static_cast<std::size_t>(i)].IsEntity() &&
               !OneOf(word(i), {",", ".", ";", ":", "called", "named", "dubbed"}) &&
               !IsPreposition(word(i))) {
          if (IsUnitNoun(word(i))) last_noun = i;
          ++i;
        }
        if (last_noun >= after && last_noun == i - 1 && i < n &&
            OneOf(word(i), {",", "called", "named", "dubbed"}) &&
            OneOf(word(after), {"a", "an", "the", "its", "their", "new"}))
          patients = ObjectsFrom(items, i + 1);
      }
      if (patients.empty() && f.predicate_class == "include") {
        // "consolidates its AI teams, including A and B"
        for (int i = after; i < n && i - after < 12; ++i) {
          if (items[static_cast<std::size_t>(i)].IsEntity() || word(i) == "." || word(i) == ";")
            break;
          if (word(i) == "including") {
            patients = ObjectsFrom(items, i + 1);
            break;
          }
        }
      }
      if (patients.empty() && (last_created_ >= 0 || !unit_names_.empty())) {
        // "will lead the new top-level business group": the unit the text
        // created last, else the one it last named with that noun ("the
        // Alibaba Token Hub (ATH) Business Group" … "the group"), when the
        // phrase is definite and ends in a unit noun.
        int i = after;
        if (word(i) == "the" || word(i) == "this") {
          ++i;
          int last_noun = -1;
          while (i < n && i - after < 7 && !items[static_cast<std::size_t>(i)].IsEntity() &&
                 word(i) != "," && word(i) != "." && !IsPreposition(word(i)) &&
                 !IsAdverb(word(i))) {
            if (IsUnitNoun(word(i))) last_noun = i;
            ++i;
          }
          std::int32_t referent = last_created_;
          if (referent < 0 && last_noun >= 0) {
            auto named = unit_names_.find(std::string(word(last_noun)));
            if (named != unit_names_.end()) referent = named->second;
          }
          if (referent >= 0 && last_noun == i - 1 &&
              (i >= n || EndsListMember(word(i)) || IsPreposition(word(i)) || IsAdverb(word(i)))) {
            Fact g = f;
            g.subject = EntityArgument(items[static_cast<std::size_t>(subject)]);
            const auto& e = entities_.entities[static_cast<std::size_t>(referent)];
            g.object.kind = FactArgument::Kind::kEntity;
            g.object.text =
                std::string(text_.substr(items[static_cast<std::size_t>(after)].start,
                                         items[static_cast<std::size_t>(i - 1)].end -
                                             items[static_cast<std::size_t>(after)].start));
            g.object.type = e.type;
            g.object.key = NormalizeEntityName(e.name, e.type);
            g.object.entity = referent;
            g.negated =
                negated || (ctx.denial && static_cast<std::size_t>(subject) > ctx.denial_item);
            g.hedged = hedged;
            g.date = ctx.date;
            g.quantity = ordinal;
            if (g.object.entity != EntityOf(entities_, items[static_cast<std::size_t>(subject)]))
              Add(std::move(g), ctx);
            continue;
          }
        }
      }
      if (patients.empty()) continue;
    }
    // Negation after the verb group of a passive ("will not be led by").
    for (int i = std::max(0, k - 4); i < k; ++i) {
      if (IsNegation(word(i))) negated = true;
      if (IsHedge(word(i)) && word(i) != "said") hedged = true;
    }
    const bool denied =
        ctx.denial && static_cast<std::size_t>(std::min(subject, k)) > ctx.denial_item;
    for (int a : agents) {
      for (int p : patients) {
        const std::int32_t ea = EntityOf(entities_, items[static_cast<std::size_t>(a)]);
        const std::int32_t ep = EntityOf(entities_, items[static_cast<std::size_t>(p)]);
        if (ea == ep) continue;  // "Harborline's Harborline Cloud" reads as nothing
        Fact g = f;
        g.subject = EntityArgument(items[static_cast<std::size_t>(a)]);
        g.object = EntityArgument(items[static_cast<std::size_t>(p)]);
        g.negated = negated || denied;
        g.hedged = hedged;
        g.date = ctx.date;
        g.quantity = ordinal;
        if (g.predicate_class == "create" && !g.negated) last_created_ = ep;
        Add(std::move(g), ctx);
      }
    }
  }
}

ArticleFacts Extractor::Run() {
  out_.credit = FindCredit(text_);
  // Declared source counts, over the whole text.
  {
    static const RE2 kDeclared(
        R"((?i)\b(?:verified by|confirmed by|according to|citing|based on)\s+(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\s+(?:independent\s+|separate\s+|anonymous\s+|unnamed\s+)?(?:sources|people|persons|officials|employees|executives|insiders))");
    re2::StringPiece count;
    if (RE2::PartialMatch(re2::StringPiece(text_), kDeclared, &count)) {
      const int c = ReadCount(count);
      if (c > 0) out_.declared_source_count = c;
    }
  }
  const TokenizedText tokens = extract_internal::Tokenize(text_, 1u << 16);
  const auto roles = extract_internal::FindRoles(text_, tokens);
  std::size_t next_mention = 0, next_role = 0;
  for (const auto& s : tokens.sentences) {
    if (full_) break;
    if (s.end_token <= s.first_token) continue;
    SentenceContext ctx;
    ctx.start = tokens.tokens[s.first_token].start;
    ctx.end = tokens.tokens[s.end_token - 1].end;
    if (ctx.end - ctx.start > options_.max_sentence_bytes) continue;
    std::vector<Item> items = Items(tokens, s, next_mention);
    const std::string_view sentence = text_.substr(ctx.start, ctx.end - ctx.start);
    ReadAttribution(items, ctx);
    if (ctx.attribution.cite) {
      const bool person =
          ctx.attribution.entity >= 0 &&
          entities_.entities[static_cast<std::size_t>(ctx.attribution.entity)].type ==
              EntityType::kPerson;
      const std::string& name = ctx.attribution.origin;
      if (!person &&
          std::find(out_.citations.begin(), out_.citations.end(), name) == out_.citations.end()) {
        out_.citations.push_back(name);
      }
      if (ctx.attribution.entity >= 0) cited_entities_.push_back(ctx.attribution.entity);
    }
    bool future = false;
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string& w = items[i].word;
      future = future || w == "will" || w == "shall";
      if (!ctx.denial &&
          OneOf(w, {"denied", "denies", "deny", "denying", "dismissed", "rejected", "refuted"})) {
        ctx.denial = true;
        ctx.denial_item = i;
      }
    }
    ctx.date = SentenceDate(sentence, published_, future);
    ctx.quantities = FindQuantities(sentence);
    ReadRoles(roles, next_role, items, ctx);
    ReadSentence(items, ctx);
  }
  // "the company said": the organisation the text names most, among those
  // it does not cite as an upstream (ties: the first named).
  if (!company_facts_.empty()) {
    std::int32_t company = -1;
    // (The sentence's own first organisation was set already where there
    // is one; see ReadAttribution.)
    for (std::size_t e = 0; e < entities_.entities.size(); ++e) {
      const auto& ent = entities_.entities[e];
      if (ent.type != EntityType::kOrganization) continue;
      if (std::find(cited_entities_.begin(), cited_entities_.end(), static_cast<std::int32_t>(e)) !=
          cited_entities_.end())
        continue;
      if (company < 0 ||
          ent.mention_count > entities_.entities[static_cast<std::size_t>(company)].mention_count)
        company = static_cast<std::int32_t>(e);
    }
    if (company >= 0) {
      for (std::size_t i : company_facts_)
        out_.facts[i].origin = entities_.entities[static_cast<std::size_t>(company)].name;
    }
  }
  return std::move(out_);
}

// A claim is a line of names and a verb, too short for the tagger to be
// sure of its names ("Daniel Okafor will lead Veloria Signal Hub" may tag
// only "Veloria"). Every run of capitalized words (with inner "of", "and",
// "&") is taken as one entity: the tagger's own when it tagged exactly the
// run, else a new one named by the run, of the type of a mention inside it
// (an organisation when there is none). Leading "The", "A", "An" are not
// part of a name.
DocumentEntities ClaimEntities(std::string_view claim, const DocumentEntities& tagged) {
  const TokenizedText tokens = extract_internal::Tokenize(claim);
  DocumentEntities out;
  auto capitalized = [&](std::size_t t) {
    const char c = claim[tokens.tokens[t].start];
    return c >= 'A' && c <= 'Z';
  };
  std::size_t t = 0;
  const std::size_t n = tokens.tokens.size();
  while (t < n) {
    if (!capitalized(t) || OneOf(tokens.Text(claim, tokens.tokens[t]), {"The", "A", "An"})) {
      ++t;
      continue;
    }
    std::size_t e = t + 1;
    while (e < n) {
      if (capitalized(e)) {
        ++e;
      } else if (e + 1 < n && capitalized(e + 1) &&
                 OneOf(tokens.Text(claim, tokens.tokens[e]), {"of", "and", "&"})) {
        e += 2;
      } else {
        break;
      }
    }
    const std::uint32_t start = tokens.tokens[t].start, end = tokens.tokens[e - 1].end;
    EntityType type = EntityType::kOrganization;
    std::optional<DocumentEntity> same;
    for (const Mention& m : tagged.mentions) {
      if (m.start < start || m.end > end) continue;
      type = tagged.entities[m.entity].type;
      if (m.start == start && m.end == end) same = tagged.entities[m.entity];
    }
    DocumentEntity entity = same.value_or(DocumentEntity{});
    if (!same) {
      entity.name = std::string(claim.substr(start, end - start));
      entity.type = type;
    }
    entity.mention_count = 1;
    out.mentions.push_back({start, end, type, static_cast<std::uint32_t>(out.entities.size())});
    out.entities.push_back(std::move(entity));
    t = e;
  }
  return out;
}

}  // namespace

std::string QuantityText(const Quantity& q) {
  std::string key = FormatNumber(q.low);
  if (q.high != q.low) key += "-" + FormatNumber(q.high);
  if (!q.unit.empty()) key += " " + q.unit;
  if (!q.comparison.empty()) key += " " + q.comparison;
  return key;
}

Result<ArticleFacts> ExtractFacts(std::string_view text, const DocumentEntities& entities,
                                  std::optional<UnixSeconds> published,
                                  const FactOptions& options) {
  if (text.size() > options.max_text_bytes)
    return Status::TooLarge("text of " + std::to_string(text.size()) +
                            " bytes is over FactOptions::max_text_bytes (" +
                            std::to_string(options.max_text_bytes) + ")");
  if (const auto bad = FirstInvalidUtf8(text); bad < text.size())
    return Status::InvalidInput("text is not UTF-8 (ill-formed byte at offset " +
                                std::to_string(bad) + ")");
  std::uint32_t previous_end = 0;
  for (const Mention& m : entities.mentions) {
    if (m.start >= m.end || m.end > text.size() || m.start < previous_end ||
        m.entity >= entities.entities.size())
      return Status::InvalidInput("entity mention [" + std::to_string(m.start) + ", " +
                                  std::to_string(m.end) +
                                  ") is not a mention of this text (out of range or order)");
    previous_end = m.end;
  }
  std::optional<Days> day;
  if (published) {
    day = std::chrono::floor<std::chrono::days>(
        std::chrono::sys_seconds{std::chrono::seconds{*published}});
  }
  return Extractor(text, entities, day, options).Run();
}

Result<std::vector<Fact>> ParseClaim(std::string_view claim, const FactOptions& options) {
  if (claim.size() > options.max_text_bytes)
    return Status::TooLarge("claim of " + std::to_string(claim.size()) +
                            " bytes is over FactOptions::max_text_bytes");
  auto entities = RecognizeEntities(claim);
  if (!entities.ok()) return entities.status();
  auto facts = ExtractFacts(claim, ClaimEntities(claim, *entities), std::nullopt, options);
  if (!facts.ok()) return facts.status();
  return std::move(facts->facts);
}

}  // namespace newsdesk
