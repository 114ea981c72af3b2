// Private to extract/: name lists the tagger and the rules consult. The lists
// are built into the binary (extract/data/, see its README for sources and
// licences).
#ifndef NEWSDESK_EXTRACT_GAZETTEERS_H_
#define NEWSDESK_EXTRACT_GAZETTEERS_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extract/tokenizer.h"

namespace newsdesk::extract_internal {

// What a list says a word or a run of words is; several can hold at once.
enum GazetteerClass : std::uint32_t {
  kGazFirstName = 1u << 0,        // "Maria", "Eddie"
  kGazSurname = 1u << 1,          // "Garcia", "Wu"
  kGazCountry = 1u << 2,          // "France", "United Kingdom"
  kGazCity = 1u << 3,             // "Lyon", "Hangzhou"
  kGazRegion = 1u << 4,           // states, provinces: "Zhejiang", "Texas"
  kGazNationality = 1u << 5,      // "French", "Chinese"
  kGazCorporateSuffix = 1u << 6,  // "Inc.", "Ltd", "GmbH", "Group", "Holdings"
  kGazPersonTitle = 1u << 7,      // "Mr.", "Dr.", "President", "CEO"
  kGazExchange = 1u << 8,         // "NYSE", "Nasdaq", "HKEX"
  kGazOrgWord = 1u << 9,          // "University", "Ministry", "Bank", "Lab"
  kGazPlaceWord = 1u << 10,       // "River", "Province", "Street", "County"
  kGazOrganization = 1u << 11,    // well-known organisations: "United Nations"
  kGazCommonWord = 1u << 12,      // frequent lowercase English words
  kGazTimeWord = 1u << 13,        // months, weekdays: "Monday", "March"
};

// A run of tokens a list names. `classes` holds every class whose list has
// exactly this run.
struct GazetteerMatch {
  std::uint32_t first_token = 0;  // [first_token, end_token)
  std::uint32_t end_token = 0;
  std::uint32_t classes = 0;
};

// Appends `word` lower-cased code point by code point (ill-formed bytes kept
// as they are): how lists and text are compared without case.
void AppendLowerCase(std::string_view word, std::string& out);
inline std::string LowerCase(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  AppendLowerCase(word, out);
  return out;
}

class Gazetteers {
 public:
  // The lists built into the binary, parsed on first use (thread-safe).
  static const Gazetteers& Default();

  // Every run of tokens (up to 6) that a list has, longest first at each
  // start; case as listed, and also case-insensitively for tokens in
  // all-caps text (headlines).
  std::vector<GazetteerMatch> Match(std::string_view text, const TokenizedText& tokens) const;

  // The classes of one word alone (0 when no list has it).
  std::uint32_t ClassesOf(std::string_view word) const;

  // Implementation-defined members follow.

  // Lists in the format of extract/data/gazetteers.tsv: "class<TAB>entry"
  // lines ("city\tNew York"), "#" comments, blank lines. Entries are split
  // into tokens by Tokenize(); lines with an unknown class, no tab or more than
  // kMaxMatchTokens tokens are skipped. Keeps views into `lists`, which must
  // outlive this object.
  explicit Gazetteers(std::string_view lists);
  // Tables of tens of thousands of entries: share Default() instead.
  Gazetteers(const Gazetteers&) = delete;
  Gazetteers& operator=(const Gazetteers&) = delete;
  ~Gazetteers();

  // Longest run of tokens one entry may have.
  static constexpr std::size_t kMaxMatchTokens = 6;

  // Entries kept (a run listed under several classes counts once).
  std::size_t entry_count() const;

 private:
  struct Tables;
  std::unique_ptr<Tables> tables_;
};

// Whether `word`, as written, is a word of the dictionary built into the
// binary (extract/data/dictionary.txt: the lowercase words of the Debian
// wamerican list that it does not also list capitalized, 62,958 of them:
// "nausea", not "gore"). Lowercase entries only: "nausea" is one, "Nausea"
// is not. Parsed on first use (thread-safe).
bool IsDictionaryWord(std::string_view word);

}  // namespace newsdesk::extract_internal

#endif  // NEWSDESK_EXTRACT_GAZETTEERS_H_
