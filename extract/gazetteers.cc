// Gazetteer lookup: a hash of a token's text gives the classes of the word
// alone and the longer entries that start with it, longest first; those are
// checked token by token against the text. In all-caps sentences (headlines)
// the tokens are lower-cased once per call and looked up in a second table of
// lower-cased entries, so there "US" is also the common word "us": the tagger
// weighs the classes. Matching allocates only the result and, when a text has
// all-caps sentences, one buffer for their lower-cased tokens.
#include "extract/gazetteers.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "extract/embedded_data.h"

namespace newsdesk::extract_internal {
namespace {

struct ClassName {
  std::string_view name;
  std::uint32_t bit;
};
// The class names of gazetteers.tsv (scripts/make-gazetteers.sh writes them).
constexpr ClassName kClassNames[] = {
    {"first_name", kGazFirstName},
    {"surname", kGazSurname},
    {"country", kGazCountry},
    {"city", kGazCity},
    {"region", kGazRegion},
    {"nationality", kGazNationality},
    {"corporate_suffix", kGazCorporateSuffix},
    {"person_title", kGazPersonTitle},
    {"exchange", kGazExchange},
    {"org_word", kGazOrgWord},
    {"place_word", kGazPlaceWord},
    {"organization", kGazOrganization},
    {"common_word", kGazCommonWord},
    {"time_word", kGazTimeWord},
};

std::uint32_t ClassBit(std::string_view name) {
  for (const ClassName& c : kClassNames) {
    if (c.name == name) return c.bit;
  }
  return 0;
}

// A sentence counts as all-caps text when at least this many of its words
// are written in capitals and at most one in kMaxMixedPerCapsWords of them
// has lower-case letters ("ACME NAMES McDONALD CEO").
constexpr int kMinCapsWords = 2;
constexpr int kMaxMixedPerCapsWords = 5;

struct LetterCase {
  int upper = 0;
  int lower = 0;
};

LetterCase CountCase(std::string_view word) {
  LetterCase c;
  const auto* s = reinterpret_cast<const std::uint8_t*>(word.data());
  const auto n = static_cast<std::int32_t>(word.size());
  for (std::int32_t i = 0; i < n;) {
    if (s[i] < 0x80) {
      if (s[i] >= 'A' && s[i] <= 'Z') ++c.upper;
      if (s[i] >= 'a' && s[i] <= 'z') ++c.lower;
      ++i;
      continue;
    }
    UChar32 ch;
    U8_NEXT(s, i, n, ch);
    if (ch < 0) continue;
    if (u_isUUppercase(ch)) ++c.upper;
    if (u_isULowercase(ch)) ++c.lower;
  }
  return c;
}

bool IsAllCapsSentence(std::string_view text, const TokenizedText& tokens, const Sentence& s) {
  int caps = 0;
  int mixed = 0;
  for (std::uint32_t i = s.first_token; i < s.end_token; ++i) {
    const LetterCase c = CountCase(tokens.Text(text, tokens.tokens[i]));
    if (c.upper + c.lower < 2) continue;  // "A", "I", numbers, punctuation
    if (c.lower == 0) {
      ++caps;
    } else {
      ++mixed;
    }
  }
  return caps >= kMinCapsWords && mixed * kMaxMixedPerCapsWords <= caps;
}

// An entry of two or more tokens, found through its first token.
struct Phrase {
  std::uint32_t rest_begin = 0;  // its other tokens: rest[rest_begin, +rest_count)
  std::uint32_t rest_count = 0;
  std::uint32_t classes = 0;
};
struct Head {
  std::uint32_t alone = 0;          // classes of the token as a whole entry
  std::uint32_t phrases_begin = 0;  // phrases[begin, end), longest first
  std::uint32_t phrases_end = 0;
};
struct LookupTable {
  std::unordered_map<std::string_view, Head> heads;
  std::vector<Phrase> phrases;
  std::vector<std::string_view> rest;
};

}  // namespace

// Simple (one code point to one) lower-casing, the same for entries and text.
void AppendLowerCase(std::string_view word, std::string& out) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(word.data());
  const auto n = static_cast<std::int32_t>(word.size());
  for (std::int32_t i = 0; i < n;) {
    if (s[i] < 0x80) {
      const char ch = static_cast<char>(s[i]);
      out.push_back(ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch);
      ++i;
      continue;
    }
    const std::int32_t begin = i;
    UChar32 ch;
    U8_NEXT(s, i, n, ch);
    if (ch < 0) {  // invalid bytes stay as they are
      out.append(word.substr(begin, i - begin));
      continue;
    }
    char buf[U8_MAX_LENGTH];
    std::int32_t len = 0;
    U8_APPEND_UNSAFE(buf, len, u_tolower(ch));
    out.append(buf, len);
  }
}

struct Gazetteers::Tables {
  // One table as case is listed, one lower-cased; views point into the lists
  // (exact) or into `lowered_words` (whose nodes do not move).
  LookupTable exact;
  LookupTable lowered;
  std::unordered_set<std::string> lowered_words;
  std::size_t entries = 0;
};

namespace {

// Entries grouped by first token while the lists are read.
struct PendingPhrase {
  std::vector<std::string_view> rest;
  std::uint32_t classes = 0;
};
struct PendingHead {
  std::uint32_t alone = 0;
  std::vector<PendingPhrase> phrases;
};
using PendingTable = std::unordered_map<std::string_view, PendingHead>;

// Returns true when the entry was new to `table`.
bool AddPending(PendingTable& table, const std::vector<std::string_view>& words,
                std::uint32_t bit) {
  PendingHead& head = table[words[0]];
  if (words.size() == 1) {
    const bool is_new = head.alone == 0;
    head.alone |= bit;
    return is_new;
  }
  for (PendingPhrase& p : head.phrases) {
    if (std::equal(p.rest.begin(), p.rest.end(), words.begin() + 1, words.end())) {
      p.classes |= bit;
      return false;
    }
  }
  head.phrases.push_back({std::vector<std::string_view>(words.begin() + 1, words.end()), bit});
  return true;
}

void Freeze(PendingTable& pending, LookupTable& table) {
  table.heads.reserve(pending.size());
  for (auto& [word, head] : pending) {
    std::stable_sort(head.phrases.begin(), head.phrases.end(),
                     [](const PendingPhrase& a, const PendingPhrase& b) {
                       return a.rest.size() > b.rest.size();
                     });
    Head frozen;
    frozen.alone = head.alone;
    frozen.phrases_begin = static_cast<std::uint32_t>(table.phrases.size());
    for (const PendingPhrase& p : head.phrases) {
      table.phrases.push_back({static_cast<std::uint32_t>(table.rest.size()),
                               static_cast<std::uint32_t>(p.rest.size()), p.classes});
      table.rest.insert(table.rest.end(), p.rest.begin(), p.rest.end());
    }
    frozen.phrases_end = static_cast<std::uint32_t>(table.phrases.size());
    table.heads.emplace(word, frozen);
  }
}

// The text of token `i` as the table it is looked up in has it.
struct TokenWords {
  std::string_view text;
  const TokenizedText* tokens = nullptr;
  const std::string* lowered = nullptr;  // null: exact text
  const std::vector<std::pair<std::uint32_t, std::uint32_t>>* lowered_spans = nullptr;

  std::string_view operator[](std::uint32_t i) const {
    if (lowered == nullptr) return tokens->Text(text, tokens->tokens[i]);
    const auto& [start, size] = (*lowered_spans)[i];
    return std::string_view(*lowered).substr(start, size);
  }
};

void MatchSentence(const LookupTable& table, const TokenWords& words, const Sentence& s,
                   std::vector<GazetteerMatch>& out) {
  for (std::uint32_t i = s.first_token; i < s.end_token; ++i) {
    const auto it = table.heads.find(words[i]);
    if (it == table.heads.end()) continue;
    const Head& head = it->second;
    for (std::uint32_t p = head.phrases_begin; p < head.phrases_end; ++p) {
      const Phrase& phrase = table.phrases[p];
      if (phrase.rest_count >= s.end_token - i) continue;
      bool same = true;
      for (std::uint32_t k = 0; k < phrase.rest_count && same; ++k) {
        same = words[i + 1 + k] == table.rest[phrase.rest_begin + k];
      }
      if (same) out.push_back({i, i + 1 + phrase.rest_count, phrase.classes});
    }
    if (head.alone != 0) out.push_back({i, i + 1, head.alone});
  }
}

}  // namespace

Gazetteers::Gazetteers(std::string_view lists) : tables_(std::make_unique<Tables>()) {
  PendingTable exact;
  PendingTable lowered;
  std::vector<std::string_view> words;
  std::vector<std::string_view> lowered_words;
  std::string buffer;
  while (!lists.empty()) {
    const std::size_t eol = lists.find('\n');
    std::string_view line = lists.substr(0, eol);
    lists.remove_prefix(eol == std::string_view::npos ? lists.size() : eol + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    const std::uint32_t bit = ClassBit(line.substr(0, tab));
    const std::string_view entry = line.substr(tab + 1);
    if (bit == 0 || entry.empty()) continue;

    const TokenizedText tokens = Tokenize(entry);
    if (tokens.tokens.empty() || tokens.tokens.size() > kMaxMatchTokens) continue;
    words.clear();
    lowered_words.clear();
    for (const Token& t : tokens.tokens) {
      words.push_back(tokens.Text(entry, t));
      buffer.clear();
      AppendLowerCase(words.back(), buffer);
      lowered_words.push_back(*tables_->lowered_words.insert(buffer).first);
    }
    if (AddPending(exact, words, bit)) ++tables_->entries;
    AddPending(lowered, lowered_words, bit);
  }
  Freeze(exact, tables_->exact);
  Freeze(lowered, tables_->lowered);
}

Gazetteers::~Gazetteers() = default;

bool IsDictionaryWord(std::string_view word) {
  static const std::unordered_set<std::string_view> words = [] {
    std::unordered_set<std::string_view> set;
    std::string_view rest = EmbeddedDictionary();
    while (!rest.empty()) {
      const auto eol = rest.find('\n');
      const std::string_view line = rest.substr(0, eol);
      if (!line.empty()) set.insert(line);
      rest = eol == std::string_view::npos ? std::string_view() : rest.substr(eol + 1);
    }
    return set;
  }();
  return words.count(word) > 0;
}

const Gazetteers& Gazetteers::Default() {
  static const Gazetteers gazetteers(EmbeddedGazetteers());
  return gazetteers;
}

std::size_t Gazetteers::entry_count() const { return tables_->entries; }

std::uint32_t Gazetteers::ClassesOf(std::string_view word) const {
  const auto it = tables_->exact.heads.find(word);
  return it == tables_->exact.heads.end() ? 0 : it->second.alone;
}

std::vector<GazetteerMatch> Gazetteers::Match(std::string_view text,
                                              const TokenizedText& tokens) const {
  std::vector<GazetteerMatch> out;
  std::string lowered;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> lowered_spans;
  const TokenWords exact_words{text, &tokens};

  auto match = [&](const Sentence& s) {
    if (!IsAllCapsSentence(text, tokens, s)) {
      MatchSentence(tables_->exact, exact_words, s, out);
      return;
    }
    if (lowered_spans.empty()) lowered_spans.resize(tokens.tokens.size());
    for (std::uint32_t i = s.first_token; i < s.end_token; ++i) {
      const auto start = static_cast<std::uint32_t>(lowered.size());
      AppendLowerCase(tokens.Text(text, tokens.tokens[i]), lowered);
      lowered_spans[i] = {start, static_cast<std::uint32_t>(lowered.size()) - start};
    }
    MatchSentence(tables_->lowered, TokenWords{text, &tokens, &lowered, &lowered_spans}, s, out);
  };

  if (tokens.sentences.empty()) {
    if (!tokens.tokens.empty()) {
      match(Sentence{0, static_cast<std::uint32_t>(tokens.tokens.size())});
    }
  } else {
    for (const Sentence& s : tokens.sentences) match(s);
  }
  return out;
}

}  // namespace newsdesk::extract_internal
