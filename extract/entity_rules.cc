// The exact rules of entity recognition (entity_rules.h). Each rule reads the
// tokens of one sentence at a time and answers only where its pattern leaves
// little doubt: precision matters more than recall here, since the tagger
// covers what the rules leave out. Token shapes are RE2 patterns; the lists
// (titles, suffixes, common words, places) come from the gazetteers.
#include "extract/entity_rules.h"

#include <re2/re2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

namespace newsdesk::extract_internal {
namespace {

// Words a long form may have beyond its initials, and the longest run of
// words a rule reads as one name.
constexpr std::size_t kMaxLongFormTokens = 10;
constexpr std::size_t kMaxNameTokens = 4;
constexpr std::size_t kMaxOrgTokens = 6;
constexpr std::size_t kMaxProductTokens = 3;

// Token shapes. RE2 objects are thread-safe for matching and built once.
const RE2& SymbolRe() {  // "BABA", "BRK.B", "0700", "600519"
  static const RE2 re(R"([A-Z][A-Z0-9]{0,5}(?:[.\-][A-Z0-9]{1,2})?|\d{1,6})");
  return re;
}
const RE2& LetterSymbolRe() {  // "(ACMH)", "$TSLA": letters only
  static const RE2 re(R"([A-Z]{1,5})");
  return re;
}
// "9988.HK", "BP.L": a symbol with the exchange's suffix.
const RE2& SuffixTickerRe() {
  static const RE2 re(
      R"((\d{1,6}|[A-Z]{1,5})\.(HK|SS|SZ|T|L|TO|AX|KS|KQ|TW|NS|BO|SI|DE|PA|AS|SW|MI|MC|ST|OL|HE|CO|SA))");
  return re;
}
const RE2& AcronymRe() {  // "SEC", "ATH", "DoE", "S&P"
  static const RE2 re(R"([A-Z][A-Za-z&\-]{0,8}[A-Za-z])");
  return re;
}
const RE2& VersionRe() {  // "2.5", "3.1.4"
  static const RE2 re(R"(v?\d{1,3}(?:\.\d{1,3})+)");
  return re;
}
const RE2& SmallIntRe() {  // "2", "15", "737": model numbers, not years
  static const RE2 re(R"(\d{1,3})");
  return re;
}
// A product-like word: "Zed", "Zed-3", "iPhone", "PlayStation", "X1".
const RE2& ProductWordRe() {
  static const RE2 re(R"((?:\p{Lu}|i\p{Lu})[\p{L}\p{N}]*(?:-[\p{Lu}\p{N}][\p{L}\p{N}]*)*)");
  return re;
}
// A word of a person's name: "Ana", "O'Neill", "Jean-Luc", "McDonald", or an
// initial "J.".
const RE2& NameWordRe() {
  static const RE2 re(
      R"((?:(?:al|el|ad|as|ash|at|bin|ibn|abu)-)?\p{Lu}(?:[\p{L}\p{M}]*\p{Ll}[\p{L}\p{M}]*(?:['’\-]\p{Lu}?[\p{L}\p{M}]+)*|\.))");
  return re;
}

bool Full(std::string_view word, const RE2& re) { return RE2::FullMatch(word, re); }

std::string Lower(std::string_view word) { return LowerCase(word); }

std::string Upper(std::string_view word) {
  std::string out(word);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

UChar32 FirstCodePoint(std::string_view word) {
  if (word.empty()) return -1;
  const auto* s = reinterpret_cast<const std::uint8_t*>(word.data());
  std::int32_t i = 0;
  UChar32 ch;
  U8_NEXT(s, i, static_cast<std::int32_t>(word.size()), ch);
  return ch;
}

bool IsCapitalized(std::string_view word) {
  const UChar32 ch = FirstCodePoint(word);
  return ch >= 0 && u_isUUppercase(ch);
}

bool OneOf(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// Lowercase words inside a person's name, before another name word ("Ana
// de Souza", "Piet van Dam").
bool IsNameParticle(std::string_view w) {
  return OneOf(w, {"de",  "da",  "di",  "do", "dos", "das", "del", "della", "van", "von",
                   "der", "den", "ter", "le", "la",  "du",  "bin", "ibn",   "al",  "el"});
}

// Lowercase words a long form or an organisation's name may hold between
// capitalized ones.
bool IsFunctionWord(std::string_view w) {
  return OneOf(w, {"of",  "and", "the", "for", "in",  "on",  "at", "to", "&",  "de", "du",
                   "des", "la",  "le",  "von", "van", "der", "y",  "a",  "an", "The"});
}

// Words ending a name or a number that say "a market figure follows".
bool IsUnitWord(std::string_view w) {
  return OneOf(
      w, {"%", "percent", "per", "million", "billion", "trillion", "points", "pct", "times", "x"});
}

// The tokens of one text, with the lists.
class Words {
 public:
  Words(std::string_view text, const TokenizedText& tokens)
      : text_(text), tokens_(tokens), gaz_(Gazetteers::Default()) {}

  std::string_view operator[](std::uint32_t i) const {
    return tokens_.Text(text_, tokens_.tokens[i]);
  }
  const Token& token(std::uint32_t i) const { return tokens_.tokens[i]; }
  // The bytes of tokens [b, e), e > b.
  std::pair<std::uint32_t, std::uint32_t> Span(std::uint32_t b, std::uint32_t e) const {
    return {tokens_.tokens[b].start, tokens_.tokens[e - 1].end};
  }
  // No space between tokens i and i + 1.
  bool Adjacent(std::uint32_t i) const {
    return tokens_.tokens[i].end == tokens_.tokens[i + 1].start;
  }
  std::uint32_t Classes(std::uint32_t i) const { return gaz_.ClassesOf((*this)[i]); }
  // The word is a frequent lowercase word when written in lowercase ("The",
  // "Former", "Shares").
  bool IsCommon(std::uint32_t i) const {
    return (gaz_.ClassesOf(Lower((*this)[i])) & kGazCommonWord) != 0;
  }
  bool IsPersonNameWord(std::uint32_t i) const {
    return (Classes(i) & (kGazFirstName | kGazSurname)) != 0;
  }
  const Gazetteers& gaz() const { return gaz_; }
  std::vector<Sentence> Sentences() const {
    if (!tokens_.sentences.empty() || tokens_.tokens.empty()) return tokens_.sentences;
    return {Sentence{0, static_cast<std::uint32_t>(tokens_.tokens.size())}};
  }

 private:
  std::string_view text_;
  const TokenizedText& tokens_;
  const Gazetteers& gaz_;
};

// ---- acronyms ------------------------------------------------------------

// The initials a word gives: its first letter, then letters after a hyphen
// and capitals inside it ("Bio-Tech" → b, t; "DeepMind" → d, m), lowercased.
std::vector<char32_t> PartInitials(std::string_view word) {
  std::vector<char32_t> out;
  const auto* s = reinterpret_cast<const std::uint8_t*>(word.data());
  const auto n = static_cast<std::int32_t>(word.size());
  bool after_break = true;
  bool after_lower = false;
  for (std::int32_t i = 0; i < n;) {
    UChar32 ch;
    U8_NEXT(s, i, n, ch);
    if (ch < 0) continue;
    if (!u_isalpha(ch)) {
      after_break = ch == '-';
      after_lower = false;
      continue;
    }
    if (after_break || (after_lower && u_isUUppercase(ch))) {
      out.push_back(static_cast<char32_t>(u_tolower(ch)));
    }
    after_break = false;
    after_lower = u_isULowercase(ch);
  }
  return out;
}

// Do the acronym's letters agree with the words [b, e)? Every capitalized
// word gives its initial and may give the initials of its parts; function
// words give their initial or nothing.
bool LettersFit(const Words& w, std::uint32_t b, std::uint32_t e,
                const std::vector<char32_t>& letters) {
  std::vector<std::vector<char32_t>> parts;
  std::vector<bool> function;
  // A word may also give a letter other than its initial by convention:
  // "X" for words in "Ex-" ("Meridian Compute Exchange (MCX)").
  std::vector<char32_t> alternative;
  for (std::uint32_t i = b; i < e; ++i) {
    function.push_back(IsFunctionWord(w[i]) && !(i == b));
    parts.push_back(PartInitials(w[i]));
    if (parts.back().empty()) return false;
    const bool ex = w[i].size() > 2 && (w[i][0] == 'E' || w[i][0] == 'e') && w[i][1] == 'x';
    alternative.push_back(ex ? U'x' : 0);
  }
  const std::size_t n = parts.size();
  const std::size_t k = letters.size();
  // fit[i][l]: words [i, n) spell letters [l, k).
  std::vector<std::vector<char>> fit(n + 1, std::vector<char>(k + 1, 0));
  fit[n][k] = 1;
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t l = 0; l <= k; ++l) {
      bool ok = false;
      if (function[i]) {
        ok = fit[i + 1][l] || (l < k && letters[l] == parts[i][0] && fit[i + 1][l + 1]);
      } else if (l < k && alternative[i] != 0 && letters[l] == alternative[i]) {
        ok = fit[i + 1][l + 1];
      } else if (l < k && letters[l] == parts[i][0]) {
        ok = fit[i + 1][l + 1];
        for (std::size_t j = 1; !ok && j < parts[i].size() && l + j < k; ++j) {
          if (letters[l + j] != parts[i][j]) break;
          ok = fit[i + 1][l + j + 1];
        }
      }
      fit[i][l] = ok;
    }
  }
  return fit[0][0];
}

// The letters of an acronym token, lowercased; empty when it is not one
// (fewer than two capitals, lowercase first, digits).
std::vector<char32_t> AcronymLetters(std::string_view word) {
  std::vector<char32_t> letters;
  if (!Full(word, AcronymRe())) return letters;
  int capitals = 0;
  for (char c : word) {
    if (c >= 'A' && c <= 'Z') ++capitals;
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
      letters.push_back(static_cast<char32_t>(c >= 'a' ? c : c - 'A' + 'a'));
    }
  }
  if (capitals < 2) letters.clear();
  return letters;
}

// A long form may start at a capitalized word that is not a function word.
bool CanStartLongForm(const Words& w, std::uint32_t i) {
  return IsCapitalized(w[i]) && !IsFunctionWord(w[i]) && Full(w[i], ProductWordRe());
}

// Words of a long form: capitalized or function words, no punctuation.
bool CanBeInLongForm(const Words& w, std::uint32_t i) {
  return (IsCapitalized(w[i]) && Full(w[i], ProductWordRe())) ||
         (IsFunctionWord(w[i]) && w[i] != "The");
}

// The start of the longest long form ending right before token `end` (and
// after `sentence_begin`) whose initials spell `letters`.
std::optional<std::uint32_t> LongFormBefore(const Words& w, std::uint32_t sentence_begin,
                                            std::uint32_t end,
                                            const std::vector<char32_t>& letters) {
  std::uint32_t first = end;
  while (first > sentence_begin && end - first < kMaxLongFormTokens &&
         CanBeInLongForm(w, first - 1)) {
    --first;
  }
  for (std::uint32_t b = first; b < end; ++b) {
    if (CanStartLongForm(w, b) && !IsFunctionWord(w[end - 1]) && LettersFit(w, b, end, letters)) {
      return b;
    }
  }
  return std::nullopt;
}

void FindAcronymsInSentence(const Words& w, const Sentence& s,
                            std::vector<AcronymDefinition>& out) {
  auto add = [&](std::uint32_t lb, std::uint32_t le, std::uint32_t acronym) {
    const auto [ls, lend] = w.Span(lb, le);
    out.push_back({ls, lend, w.token(acronym).start, w.token(acronym).end});
  };
  for (std::uint32_t i = s.first_token; i < s.end_token; ++i) {
    // "Long Name (LN)"
    if (w[i] == "(" && i + 2 < s.end_token && w[i + 2] == ")") {
      const std::vector<char32_t> letters = AcronymLetters(w[i + 1]);
      if (letters.empty()) continue;
      if (auto b = LongFormBefore(w, s.first_token, i, letters)) add(*b, i, i + 1);
      continue;
    }
    // "Long Name, or LN,"
    if (w[i] == "," && i + 2 < s.end_token && w[i + 1] == "or") {
      const std::vector<char32_t> letters = AcronymLetters(w[i + 2]);
      const bool closed = i + 3 == s.end_token || OneOf(w[i + 3], {",", ".", ")", ";"});
      if (letters.empty() || !closed) continue;
      if (auto b = LongFormBefore(w, s.first_token, i, letters)) add(*b, i, i + 2);
      continue;
    }
    // "LN (Long Name)"
    if (w[i] == "(" && i > s.first_token) {
      const std::vector<char32_t> letters = AcronymLetters(w[i - 1]);
      if (letters.empty()) continue;
      std::uint32_t close = i + 1;
      while (close < s.end_token && close - i <= kMaxLongFormTokens && CanBeInLongForm(w, close)) {
        ++close;
      }
      if (close >= s.end_token || w[close] != ")" || close == i + 1) continue;
      if (CanStartLongForm(w, i + 1) && !IsFunctionWord(w[close - 1]) &&
          LettersFit(w, i + 1, close, letters)) {
        add(i + 1, close, i - 1);
      }
    }
  }
}

// ---- tickers -------------------------------------------------------------

std::string_view NormalizedExchange(std::string_view word) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 30> kExchanges{{
      {"NYSE", "NYSE"},         {"NASDAQ", "NASDAQ"},   {"HKEX", "HKEX"},     {"HKSE", "HKEX"},
      {"SEHK", "HKEX"},         {"LSE", "LSE"},         {"TSE", "TSE"},       {"TYO", "TSE"},
      {"TSX", "TSX"},           {"TSXV", "TSXV"},       {"SSE", "SSE"},       {"SZSE", "SZSE"},
      {"ASX", "ASX"},           {"KRX", "KRX"},         {"KOSDAQ", "KOSDAQ"}, {"TWSE", "TWSE"},
      {"NSE", "NSE"},           {"BSE", "BSE"},         {"SGX", "SGX"},       {"JSE", "JSE"},
      {"EURONEXT", "EURONEXT"}, {"XETRA", "XETRA"},     {"FWB", "FWB"},       {"SIX", "SIX"},
      {"AMEX", "AMEX"},         {"OTC", "OTC"},         {"OTCQX", "OTC"},     {"MOEX", "MOEX"},
      {"BMV", "BMV"},           {"TADAWUL", "TADAWUL"},
  }};
  if (word.size() < 3 || word.size() > 8 || word[0] < 'A' || word[0] > 'Z') return {};
  // "Nasdaq", "Euronext" and "Xetra" are written in mixed case; the rest in
  // capitals only.
  const bool capitals = Upper(word) == word;
  if (!capitals && !OneOf(word, {"Nasdaq", "Euronext", "Xetra", "Tadawul"})) return {};
  const std::string upper = Upper(word);
  for (const auto& [name, normalized] : kExchanges) {
    if (name == upper) return normalized;
  }
  return {};
}

std::string_view SuffixExchange(std::string_view suffix) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 24> kSuffixes{{
      {"HK", "HKEX"},     {"SS", "SSE"}, {"SZ", "SZSE"}, {"T", "TSE"},     {"L", "LSE"},
      {"TO", "TSX"},      {"AX", "ASX"}, {"KS", "KRX"},  {"KQ", "KOSDAQ"}, {"TW", "TWSE"},
      {"NS", "NSE"},      {"BO", "BSE"}, {"SI", "SGX"},  {"DE", "XETRA"},  {"PA", "EURONEXT"},
      {"AS", "EURONEXT"}, {"SW", "SIX"}, {"MI", "BIT"},  {"MC", "BME"},    {"ST", "OMX"},
      {"OL", "OSE"},      {"HE", "OMX"}, {"CO", "OMX"},  {"SA", "B3"},
  }};
  for (const auto& [name, normalized] : kSuffixes) {
    if (name == suffix) return normalized;
  }
  return {};
}

// Words that say a sentence is about shares ("(ACMH) shares rose").
bool IsMarketWord(std::string_view w) {
  return OneOf(w, {"shares", "stock", "stocks", "traded", "trading", "trades", "listed", "listing",
                   "IPO", "ticker", "Nasdaq", "NYSE"});
}

// The start of the company name ending right before token `end`:
// capitalized words, suffixes ("Inc."), "&" and inner function words.
std::uint32_t OrgStartBefore(const Words& w, std::uint32_t sentence_begin, std::uint32_t end) {
  std::uint32_t b = end;
  while (b > sentence_begin && end - b < kMaxOrgTokens) {
    const std::string_view word = w[b - 1];
    const bool suffix = (w.Classes(b - 1) & kGazCorporateSuffix) != 0;
    if (IsCapitalized(word) || suffix || (word == "&" && b != end)) {
      --b;
      continue;
    }
    if (word == "of" && b != end && b - 1 > sentence_begin && IsCapitalized(w[b - 2])) {
      --b;
      continue;
    }
    break;
  }
  // Leading words that are ordinary words in capitals ("The", "Shares",
  // "Yesterday") are not the company's.
  while (b < end && (w.IsCommon(b) || (w.Classes(b) & kGazTimeWord)) && !w.IsPersonNameWord(b)) {
    ++b;
  }
  while (b < end && IsFunctionWord(w[b])) ++b;
  return b;
}

bool IsPlaceOrGroup(std::uint32_t classes) {
  return (classes & (kGazCountry | kGazCity | kGazRegion | kGazNationality | kGazOrganization |
                     kGazExchange)) != 0;
}

void FindTickersInSentence(const Words& w, const Sentence& s, std::vector<TickerMention>& out) {
  // Read only when a parenthesis asks for it.
  auto is_market_sentence = [&] {
    for (std::uint32_t i = s.first_token; i < s.end_token; ++i) {
      if (IsMarketWord(w[i]) || (IsCapitalized(w[i]) && IsMarketWord(Lower(w[i])))) return true;
    }
    return false;
  };
  auto context_of = [&](std::uint32_t first) {
    return first > s.first_token && w[first - 1] == "(" ? w.token(first - 1).start
                                                        : w.token(first).start;
  };
  for (std::uint32_t i = s.first_token; i < s.end_token; ++i) {
    const std::string_view word = w[i];
    std::string symbol;
    std::string suffix;
    // "NYSE: BABA", "(NASDAQ:AAPL)", "HKEX: 9988", "HKEX: 9988.HK"
    if (const std::string_view exchange = NormalizedExchange(word);
        !exchange.empty() && i + 2 < s.end_token && w[i + 1] == ":") {
      const std::string_view sym = w[i + 2];
      if (RE2::FullMatch(sym, SuffixTickerRe(), &symbol, &suffix) || Full(sym, SymbolRe())) {
        if (symbol.empty()) symbol = std::string(sym);
        out.push_back({w.token(i + 2).start, w.token(i + 2).end, std::string(exchange), symbol,
                       context_of(i)});
        i += 2;
      }
      continue;
    }
    // "9988.HK"
    if (word.find('.') != std::string_view::npos &&
        RE2::FullMatch(word, SuffixTickerRe(), &symbol, &suffix)) {
      out.push_back({w.token(i).start, w.token(i).end, std::string(SuffixExchange(suffix)), symbol,
                     context_of(i)});
      continue;
    }
    // "$TSLA", not "$US 5 million"
    if (word == "$" && i + 1 < s.end_token && w.Adjacent(i) && Full(w[i + 1], LetterSymbolRe()) &&
        w[i + 1].size() >= 2 && !IsPlaceOrGroup(w.Classes(i + 1)) &&
        !(i + 2 < s.end_token && (IsUnitWord(w[i + 2]) || (FirstCodePoint(w[i + 2]) >= '0' &&
                                                           FirstCodePoint(w[i + 2]) <= '9')))) {
      out.push_back(
          {w.token(i + 1).start, w.token(i + 1).end, "", std::string(w[i + 1]), w.token(i).start});
      ++i;
      continue;
    }
    // "Acme Holdings (ACMH)": capitals in parentheses right after a company
    // name whose initials do not spell them (those are acronyms), when the
    // name has a corporate suffix or the sentence is about shares. Listed
    // organisations and places are not symbols: "OSLO (AP)" is a dateline.
    if (word == "(" && i + 2 < s.end_token && w[i + 2] == ")" && i > s.first_token &&
        Full(w[i + 1], LetterSymbolRe()) && w[i + 1].size() >= 2) {
      const std::uint32_t org = OrgStartBefore(w, s.first_token, i);
      if (org == i || IsPlaceOrGroup(w.Classes(i + 1)) || w.IsCommon(i + 1)) continue;
      bool has_suffix = false;
      for (std::uint32_t k = org; k < i; ++k) {
        has_suffix = has_suffix || (w.Classes(k) & kGazCorporateSuffix) != 0;
      }
      bool has_org_word = false;
      for (std::uint32_t k = org; k < i; ++k) {
        has_org_word = has_org_word || (w.Classes(k) & (kGazOrgWord | kGazPlaceWord)) != 0;
      }
      // "Georgia Institute of Technology (GT)": institutions are shortened
      // in ways initials do not show, so a name with an institution word
      // never counts; others need a corporate suffix or a sentence about
      // shares.
      if (has_org_word || (!has_suffix && !is_market_sentence())) continue;
      if (LongFormBefore(w, s.first_token, i, AcronymLetters(w[i + 1])).has_value()) continue;
      out.push_back(
          {w.token(i + 1).start, w.token(i + 1).end, "", std::string(w[i + 1]), w.token(i).start});
      i += 2;
    }
  }
}

// ---- roles ---------------------------------------------------------------

std::string NormalizedRole(std::string_view title) {
  std::string role = Lower(title);
  while (!role.empty() && role.back() == '.') role.pop_back();
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 24> kRoles{{
      {"ceo", "chief executive"},
      {"chief executive officer", "chief executive"},
      {"cfo", "chief financial officer"},
      {"cto", "chief technology officer"},
      {"coo", "chief operating officer"},
      {"dr", "doctor"},
      {"prof", "professor"},
      {"gen", "general"},
      {"sen", "senator"},
      {"gov", "governor"},
      {"rep", "representative"},
      {"col", "colonel"},
      {"lt", "lieutenant"},
      {"maj", "major"},
      {"capt", "captain"},
      {"adm", "admiral"},
      {"sgt", "sergeant"},
      {"rev", "reverend"},
      {"fr", "father"},
      {"cofounder", "co-founder"},
      {"congresswoman", "congressman"},
      {"chairwoman", "chair"},
      {"chairman", "chair"},
      {"spokeswoman", "spokesperson"},
  }};
  for (const auto& [from, to] : kRoles) {
    if (role == from) return std::string(to);
  }
  if (role == "spokesman") return "spokesperson";
  return role;
}

// Titles after which one name word is enough ("President Ruiz", "Dr. Ruiz").
bool IsHonorific(const std::string& role) {
  return OneOf(
      role,
      {"mr",         "mrs",      "ms",         "miss",           "doctor",    "professor",
       "sir",        "dame",     "lord",       "lady",           "president", "prime minister",
       "chancellor", "senator",  "governor",   "representative", "king",      "queen",
       "prince",     "princess", "pope",       "judge",          "justice",   "general",
       "mayor",      "premier",  "ambassador", "minister",       "colonel",   "captain",
       "admiral",    "sergeant", "lieutenant", "major",          "reverend",  "father",
       "rabbi",      "imam",     "sheikh",     "congressman",    "emperor",   "vice president"});
}

// The end of the person's name starting at token `b`: capitalized name
// words (at most kMaxNameTokens) that no list calls a company word, a place
// word or a date, and that are not ordinary words in capitals.
std::uint32_t NameEndFrom(const Words& w, std::uint32_t b, std::uint32_t sentence_end) {
  std::uint32_t e = b;
  bool after_first_name = false;
  while (e < sentence_end && e - b < kMaxNameTokens) {
    if (e > b && IsNameParticle(w[e]) && e + 1 < sentence_end && Full(w[e + 1], NameWordRe())) {
      ++e;
      continue;
    }
    if (!Full(w[e], NameWordRe())) break;
    const std::uint32_t c = w.Classes(e);
    const bool name = (c & (kGazFirstName | kGazSurname)) != 0;
    const std::uint32_t not_person =
        kGazCorporateSuffix | kGazOrgWord | kGazPlaceWord | kGazTimeWord | kGazExchange |
        kGazOrganization | kGazPersonTitle | kGazNationality | kGazCountry | kGazCity | kGazRegion;
    // A surname that is also a word ("Tusk", "Wolf") is taken right after a
    // listed first name that starts the name.
    const bool common_after_first = after_first_name && e == b + 1 && (c & not_person) == 0;
    if (!name && !common_after_first && ((c & not_person) || w.IsCommon(e))) break;
    after_first_name = (c & kGazFirstName) != 0;
    ++e;
  }
  while (e > b && IsNameParticle(w[e - 1])) --e;
  return e;
}

// A name followed by a company word is the company's ("President Acme
// Corp"): not a person.
bool FollowedByOrgWord(const Words& w, std::uint32_t e, std::uint32_t sentence_end) {
  return e < sentence_end &&
         (w.Classes(e) & (kGazCorporateSuffix | kGazOrgWord | kGazPlaceWord)) != 0 &&
         IsCapitalized(w[e]);
}

bool HasListedNameWord(const Words& w, std::uint32_t b, std::uint32_t e) {
  for (std::uint32_t i = b; i < e; ++i) {
    if (w.IsPersonNameWord(i)) return true;
  }
  return false;
}

// The company named after "of"/"at" starting at token `b`: capitalized words
// and suffixes, inner "of", "and", "&".
std::uint32_t OrgEndFrom(const Words& w, std::uint32_t b, std::uint32_t sentence_end) {
  std::uint32_t e = b;
  while (e < sentence_end && e - b < kMaxOrgTokens) {
    const std::string_view word = w[e];
    if (IsCapitalized(word) || (w.Classes(e) & kGazCorporateSuffix)) {
      ++e;
      continue;
    }
    if (OneOf(word, {"of", "and", "&"}) && e > b && e + 1 < sentence_end &&
        IsCapitalized(w[e + 1])) {
      ++e;
      continue;
    }
    break;
  }
  return e;
}

void FindRolesInSentence(const Words& w, const Sentence& s, const ListedRuns& runs,
                         std::vector<RoleMention>& out) {
  const std::vector<std::uint32_t>& title_end = runs.title_end;
  auto add = [&](std::uint32_t pb, std::uint32_t pe, std::string role, std::uint32_t ob,
                 std::uint32_t oe) {
    RoleMention m;
    std::tie(m.person_start, m.person_end) = w.Span(pb, pe);
    m.role = std::move(role);
    // "Burundi's president", "President of Burundi": a place, not an
    // organisation.
    if (oe > ob && runs.place_end[ob] != oe) std::tie(m.org_start, m.org_end) = w.Span(ob, oe);
    out.push_back(std::move(m));
  };
  auto role_text = [&](std::uint32_t b, std::uint32_t e) {
    std::string joined;
    for (std::uint32_t i = b; i < e; ++i) {
      if (!joined.empty()) joined += ' ';
      joined += w[i];
    }
    return NormalizedRole(joined);
  };
  // The organisation right before a title: "Acme's chief executive",
  // "Acme CEO", "Acme chief executive"; empty for "French President".
  auto org_before = [&](std::uint32_t title) -> std::pair<std::uint32_t, std::uint32_t> {
    std::uint32_t end = title;
    if (end > s.first_token && (w[end - 1] == "'s" || w[end - 1] == "’s")) --end;
    const std::uint32_t b = OrgStartBefore(w, s.first_token, end);
    if (b == end) return {0, 0};
    if (end - b == 1 && IsPlaceOrGroup(w.Classes(b)) && !(w.Classes(b) & kGazOrganization)) {
      return {0, 0};
    }
    for (std::uint32_t i = b; i < end; ++i) {
      if (w.Classes(i) & kGazPersonTitle) return {0, 0};
    }
    return {b, end};
  };

  for (std::uint32_t t = s.first_token; t < s.end_token; ++t) {
    const std::uint32_t te = title_end[t];
    if (te == 0 || te > s.end_token) continue;
    const std::string role = role_text(t, te);
    const bool honorific = IsHonorific(role) && IsCapitalized(w[t]);

    // "CEO Jane Doe", "Dr. Ana Ruiz", "Acme's chief executive Jane Doe";
    // also "Acme's chief executive, Jane Doe".
    std::uint32_t pb = te;
    if (pb < s.end_token && w[pb] == "," && t > s.first_token &&
        (w[t - 1] == "'s" || w[t - 1] == "’s")) {
      ++pb;
    }
    std::uint32_t pe = NameEndFrom(w, pb, s.end_token);
    const std::size_t words = pe - pb;
    const bool enough = words >= 2 || (words == 1 && honorific);
    if (enough && !FollowedByOrgWord(w, pe, s.end_token) && runs.place_end[pb] != pe &&
        (pb == te || HasListedNameWord(w, pb, pe))) {
      const auto [ob, oe] = honorific && role != "president"
                                ? std::pair<std::uint32_t, std::uint32_t>{0, 0}
                                : org_before(t);
      add(pb, pe, role, ob, oe);
      t = pe - 1;
    }
  }

  // "Jane Doe, [the] chief executive of Acme Corp" and "Jane Doe, Acme's CEO".
  for (std::uint32_t c = s.first_token + 1; c + 1 < s.end_token; ++c) {
    if (w[c] != ",") continue;
    // The name: capitalized words right before the comma.
    std::uint32_t nb = c;
    while (nb > s.first_token && c - nb < kMaxNameTokens && Full(w[nb - 1], NameWordRe())) --nb;
    while (nb < c && !w.IsPersonNameWord(nb) &&
           (w.IsCommon(nb) || (w.Classes(nb) & (kGazTimeWord | kGazPersonTitle)))) {
      ++nb;
    }
    if (c - nb < 2 || NameEndFrom(w, nb, c) != c || !HasListedNameWord(w, nb, c) ||
        runs.place_end[nb] == c) {
      continue;  // not a name, or a place ("Ana Ruiz, D-West Virginia, chair of")
    }
    std::uint32_t j = c + 1;
    if (j < s.end_token && OneOf(w[j], {"the", "a", "an", "former", "its", "their"})) ++j;
    if (j >= s.end_token) continue;
    if (title_end[j] != 0) {
      const std::uint32_t te = title_end[j];
      std::uint32_t ob = 0, oe = 0;
      if (te + 1 < s.end_token && OneOf(w[te], {"of", "at"})) {
        std::uint32_t b = te + 1;
        if (b < s.end_token && w[b] == "the") ++b;
        const std::uint32_t e = OrgEndFrom(w, b, s.end_token);
        if (e > b) std::tie(ob, oe) = std::pair{b, e};
      }
      add(nb, c, role_text(j, te), ob, oe);
      continue;
    }
    // "Acme's CEO"
    const std::uint32_t oe = OrgEndFrom(w, j, s.end_token);
    if (oe > j && oe + 1 < s.end_token && (w[oe] == "'s" || w[oe] == "’s") &&
        title_end[oe + 1] != 0) {
      add(nb, c, role_text(oe + 1, title_end[oe + 1]), j, oe);
    }
  }
}

// ---- products ------------------------------------------------------------

bool IsProductNoun(std::string_view w) {
  return OneOf(
      w, {"app",    "apps",     "smartphone", "smartphones", "phone",      "phones", "handset",
          "chip",   "chips",    "chipset",    "processor",   "processors", "GPU",    "GPUs",
          "CPU",    "platform", "chatbot",    "browser",     "console",    "laptop", "laptops",
          "tablet", "headset",  "smartwatch", "earbuds",     "sedan",      "SUV",    "drone",
          "drones", "robot",    "robotaxi",   "airliner",    "LLM"});
}

// "model" also names people ("a former fashion model"): a model of a
// product follows these words.
bool IsModelNoun(std::string_view w) { return OneOf(w, {"model", "models"}); }
bool CanPrecedeModelName(std::string_view w) {
  return OneOf(w, {"its", "their", "new", "latest", "flagship", "AI", "open-source", "language",
                   "reasoning", "Its", "Their"});
}

bool IsCurrencyCode(std::string_view w) {
  return OneOf(w, {"USD", "EUR", "GBP", "JPY", "CNY", "RMB", "HKD", "AUD", "CAD", "CHF", "INR",
                   "KRW", "SGD", "RUB", "BRL", "US",  "HK",  "NZD", "SEK", "NOK", "DKK"});
}

bool IsLaunchVerb(std::string_view w) {
  return OneOf(w, {"launched", "launches", "launch", "unveiled", "unveils", "unveil", "debuted",
                   "debuts", "introduced", "introduces", "released", "releases"});
}

// Words a product's name cannot be: places, peoples, dates, companies,
// titles, people's first names, ordinary words in capitals.
bool CanBeProductWord(const Words& w, std::uint32_t i) {
  const std::string_view word = w[i];
  if (word.empty() || !(IsCapitalized(word) || word[0] == 'i')) return false;  // cheap test first
  if (!Full(word, ProductWordRe()) || IsCurrencyCode(word)) return false;
  const std::uint32_t c = w.Classes(i);
  if (c & (kGazCountry | kGazCity | kGazRegion | kGazNationality | kGazTimeWord | kGazOrganization |
           kGazCorporateSuffix | kGazPersonTitle | kGazExchange | kGazOrgWord | kGazPlaceWord |
           kGazFirstName)) {
    return false;
  }
  return !w.IsCommon(i);
}

// A product name starting at `b`: product words, then version numbers
// ("Zed 2.5") or, when `allow_int`, small model numbers ("Zed 2"). Returns b
// when there is none.
std::uint32_t ProductEndFrom(const Words& w, std::uint32_t b, std::uint32_t sentence_end,
                             bool allow_int) {
  std::uint32_t e = b;
  while (e < sentence_end && e - b < kMaxProductTokens && CanBeProductWord(w, e)) ++e;
  if (e == b) return b;
  if (e < sentence_end && (Full(w[e], VersionRe()) || (allow_int && Full(w[e], SmallIntRe())))) {
    if (e + 1 < sentence_end && IsUnitWord(w[e + 1])) return b;
    ++e;
  }
  return e;
}

bool IsCamelBrand(std::string_view word) {  // "iPhone", "PlayStation", "MacBook"
  bool lower_seen = false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    if (c >= 'a' && c <= 'z') lower_seen = true;
    if (c >= 'A' && c <= 'Z' && lower_seen && i > 0) return true;
  }
  return false;
}

void FindProductsInSentence(const Words& w, const Sentence& s, std::vector<ProductMention>& out) {
  auto add = [&](std::uint32_t b, std::uint32_t e) {
    const auto [start, end] = w.Span(b, e);
    if (!out.empty() && out.back().end > start) return;  // overlaps the previous
    out.push_back({start, end});
  };
  for (std::uint32_t i = s.first_token; i < s.end_token; ++i) {
    const bool first_of_sentence = i == s.first_token;
    // "launched Zed", "unveiled Zed 2.5": the name follows the verb.
    if (IsLaunchVerb(w[i]) && i + 1 < s.end_token) {
      const std::uint32_t b = i + 1;
      const std::uint32_t e = ProductEndFrom(w, b, s.end_token, true);
      if (e > b && !(e < s.end_token && (w.Classes(e) & (kGazCorporateSuffix | kGazOrgWord))) &&
          !(e < s.end_token && (w[e] == "'s" || w[e] == "’s"))) {
        add(b, e);
        i = e - 1;
        continue;
      }
      continue;
    }
    if (first_of_sentence && !IsCamelBrand(w[i])) continue;
    if (!CanBeProductWord(w, i)) continue;
    if (i > s.first_token &&
        (IsCapitalized(w[i - 1]) && !IsFunctionWord(w[i - 1]) && w[i - 1] != "The")) {
      continue;  // inside a longer capitalized run: the start is elsewhere
    }
    const std::uint32_t e = ProductEndFrom(w, i, s.end_token, true);
    if (e == i) continue;
    const bool numbered = Full(w[e - 1], VersionRe()) || Full(w[e - 1], SmallIntRe());
    // "the Zed app", "Zed smartphone", "the Zed 2 chip", "Zed-3 model family"
    const bool model_context = e < s.end_token && IsModelNoun(w[e]) &&
                               (Full(w[e - 1], SmallIntRe()) || Full(w[e - 1], VersionRe()) ||
                                w[e - 1].find('-') != std::string_view::npos ||
                                (i > s.first_token && CanPrecedeModelName(w[i - 1])));
    if (e < s.end_token && (IsProductNoun(w[e]) || model_context)) {
      add(i, e);
      i = e - 1;
      continue;
    }
    // "Zed 2.5"; "iPhone 15"
    if (numbered && (Full(w[e - 1], VersionRe()) || IsCamelBrand(w[i]))) {
      add(i, e);
      i = e - 1;
    }
  }
}

}  // namespace

std::vector<TickerMention> FindTickers(std::string_view text, const TokenizedText& tokens) {
  const Words w(text, tokens);
  std::vector<TickerMention> out;
  for (const Sentence& s : w.Sentences()) FindTickersInSentence(w, s, out);
  return out;
}

std::vector<AcronymDefinition> FindAcronymDefinitions(std::string_view text,
                                                      const TokenizedText& tokens) {
  const Words w(text, tokens);
  std::vector<AcronymDefinition> out;
  for (const Sentence& s : w.Sentences()) FindAcronymsInSentence(w, s, out);
  return out;
}

ListedRuns FindListedRuns(const TokenizedText& tokens, const std::vector<GazetteerMatch>& matches) {
  ListedRuns runs;
  runs.title_end.assign(tokens.tokens.size(), 0);
  runs.place_end.assign(tokens.tokens.size(), 0);
  constexpr std::uint32_t kPlace = kGazCountry | kGazCity | kGazRegion | kGazNationality;
  for (const GazetteerMatch& m : matches) {
    if ((m.classes & kGazPersonTitle) && runs.title_end[m.first_token] < m.end_token) {
      runs.title_end[m.first_token] = m.end_token;
    }
    if ((m.classes & kPlace) && !(m.classes & kGazOrganization) &&
        runs.place_end[m.first_token] < m.end_token) {
      runs.place_end[m.first_token] = m.end_token;
    }
  }
  return runs;
}

std::vector<RoleMention> FindRoles(std::string_view text, const TokenizedText& tokens) {
  return FindRoles(text, tokens, Gazetteers::Default().Match(text, tokens));
}

std::vector<RoleMention> FindRoles(std::string_view text, const TokenizedText& tokens,
                                   const std::vector<GazetteerMatch>& matches) {
  const Words w(text, tokens);
  const ListedRuns runs = FindListedRuns(tokens, matches);
  std::vector<RoleMention> out;
  for (const Sentence& s : w.Sentences()) FindRolesInSentence(w, s, runs, out);
  // One mention per person span, in text order; the one naming an
  // organisation wins.
  std::stable_sort(out.begin(), out.end(), [](const RoleMention& a, const RoleMention& b) {
    if (a.person_start != b.person_start) return a.person_start < b.person_start;
    return a.org_end > b.org_end;
  });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const RoleMention& a, const RoleMention& b) {
                          return a.person_start == b.person_start;
                        }),
            out.end());
  return out;
}

std::vector<ProductMention> FindProducts(std::string_view text, const TokenizedText& tokens) {
  const Words w(text, tokens);
  std::vector<ProductMention> out;
  for (const Sentence& s : w.Sentences()) FindProductsInSentence(w, s, out);
  return out;
}

}  // namespace newsdesk::extract_internal
