// NormalizeEntityName: the key under which every name of one entity meets.
//
// ICU does the Unicode work (compatibility decomposition, case folding,
// character classes); this file only decides which characters separate
// words, which join them, and which organisation words carry no identity.
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <cctype>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "extract/entities.h"

namespace newsdesk {
namespace {

// Words at the end of an organisation's name that say what kind of company
// it is, not which: dropped, repeatedly, from the end ("Alibaba Group
// Holding Ltd." → "alibaba"). Compared after normalization, so "S.A." is
// "sa" and "Co." is "co".
constexpr std::array<std::string_view, 44> kCorporateSuffixes = {
    "inc",  "incorporated", "ltd",  "limited", "llc",       "llp",   "lp",      "plc",
    "corp", "corporation",  "co",   "company", "companies", "group", "holding", "holdings",
    "gmbh", "ag",           "sa",   "nv",      "se",        "bv",    "spa",     "srl",
    "sarl", "sas",          "ab",   "asa",     "oy",        "oyj",   "kk",      "kg",
    "pte",  "pty",          "ltda", "sl",      "cv",        "bhd",   "tbk",     "pt",
    "kgaa", "mbh",          "as",   "aps"};

// "Lab", "Labs", "Laboratory" and "Laboratories" name the same thing.
constexpr std::array<std::string_view, 4> kLabWords = {"lab", "labs", "laboratory", "laboratories"};

template <std::size_t N>
bool OneOf(std::string_view word, const std::array<std::string_view, N>& words) {
  for (std::string_view w : words) {
    if (w == word) return true;
  }
  return false;
}

bool IsApostrophe(UChar32 c) {
  return c == 0x27 || c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x60 || c == 0xB4;
}

// Characters dropped without leaving a word break: apostrophes ("O'Dell"),
// full stops ("U.S."), ampersands ("AT&T"), middle dots, soft hyphens.
bool JoinsWords(UChar32 c) {
  return IsApostrophe(c) || c == '.' || c == '&' || c == 0xB7 || c == 0xAD || c == 0x200D;
}

bool IsWordChar(UChar32 c) { return u_isalnum(c) || u_charType(c) == U_COMBINING_SPACING_MARK; }

// NFKD, combining marks removed, case folded, recomposed: "Nestlé" and
// "NESTLE" meet, so do "ﬁ" and "fi", "Straße" and "strasse".
icu::UnicodeString FoldAndStripMarks(std::string_view name) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(err);
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(err);
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  if (U_FAILURE(err)) return in.foldCase();
  icu::UnicodeString decomposed = nfkd->normalize(in, err);
  if (U_FAILURE(err)) return in.foldCase();
  icu::UnicodeString bare;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) != U_NON_SPACING_MARK) bare.append(c);
  }
  icu::UnicodeString folded = nfkc_cf->normalize(bare, err);
  if (U_FAILURE(err)) return bare.foldCase();
  return folded;
}

std::vector<std::string> Words(const icu::UnicodeString& s) {
  std::vector<std::string> words;
  icu::UnicodeString word;
  auto flush = [&] {
    if (word.isEmpty()) return;
    std::string utf8;
    word.toUTF8String(utf8);
    words.push_back(std::move(utf8));
    word.remove();
  };
  const int32_t n = s.length();
  for (int32_t i = 0; i < n;) {
    UChar32 c = s.char32At(i);
    const int32_t next = i + U16_LENGTH(c);
    if (IsApostrophe(c) && next < n && s.char32At(next) == 's') {
      // A possessive "'s" ends the word: "Nestlé's" → "nestle".
      int32_t after = next + 1;
      if (after >= n || !IsWordChar(s.char32At(after))) {
        flush();
        i = after;
        continue;
      }
    }
    if (IsWordChar(c)) {
      word.append(c);
    } else if (!JoinsWords(c)) {
      flush();
    }
    i = next;
  }
  flush();
  return words;
}

}  // namespace

bool IsInstitutionWord(std::string_view word) {
  static const std::unordered_set<std::string_view> kWords = {
      "hospital", "infirmary", "clinic",  "college",    "university", "school",
      "academy",  "institute", "council", "police",     "court",      "prison",
      "museum",   "library",   "gallery", "church",     "cathedral",  "airport",
      "station",  "stadium",   "zoo",     "observatory"};
  std::string lower(word);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return kWords.count(lower) > 0;
}

std::string NormalizeEntityName(std::string_view name, EntityType type) {
  std::vector<std::string> words = Words(FoldAndStripMarks(name));
  if (type == EntityType::kOrganization) {
    for (std::string& w : words) {
      if (OneOf(w, kLabWords)) w = "lab";
    }
    if (words.size() > 1 && words.front() == "the") words.erase(words.begin());
    // Never down to nothing: "Group" alone, or "The Company", stays a name.
    while (words.size() > 1 && OneOf(words.back(), kCorporateSuffixes)) words.pop_back();
  }
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

std::string NameInitials(std::string_view name) {
  if (name.starts_with("The ")) name.remove_prefix(4);
  std::string out;
  bool start = true;
  for (char c : name) {
    if (start && std::isupper(static_cast<unsigned char>(c))) out += c;
    start = c == ' ' || c == '-';  // "Agence France-Presse" → "AFP"
  }
  return out;
}

}  // namespace newsdesk
