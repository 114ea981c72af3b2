// Words, terms and fingerprints. Unicode classification and case folding by
// ICU, stemming by Snowball (libstemmer), hashing by xxHash.
#include <libstemmer.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <bit>
#include <memory>
#include <string>
#include <unordered_set>

#include "extract/extract.h"

namespace newsdesk {
namespace {

bool IsSpace(UChar32 c) { return c < 0 ? false : (u_isUWhiteSpace(c) || c == 0x200B); }

bool IsWordChar(UChar32 c) {
  if (c < 0) return false;
  if (u_isalnum(c)) return true;
  int8_t type = u_charType(c);
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK;
}

void AppendUtf8(std::string& out, UChar32 c) {
  char buf[U8_MAX_LENGTH];
  int32_t n = 0;
  U8_APPEND_UNSAFE(buf, n, c);
  out.append(buf, static_cast<std::size_t>(n));
}

// Appends the case-folded UTF-8 of text to out; invalid bytes are dropped.
std::string FoldCase(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t len = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < len) {
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c < 0) continue;
    AppendUtf8(out, u_foldCase(c, U_FOLD_CASE_DEFAULT));
  }
  return out;
}

// English function words: they say nothing about which event a text is about.
const std::unordered_set<std::string>& StopWords() {
  static const std::unordered_set<std::string> kWords = {
      "a",          "about",      "above",  "after", "again", "against",   "all",       "also",
      "am",         "an",         "and",    "any",   "are",   "as",        "at",        "be",
      "because",    "been",       "before", "being", "below", "between",   "both",      "but",
      "by",         "can",        "could",  "did",   "do",    "does",      "doing",     "down",
      "during",     "each",       "few",    "for",   "from",  "further",   "had",       "has",
      "have",       "having",     "he",     "her",   "here",  "hers",      "herself",   "him",
      "himself",    "his",        "how",    "i",     "if",    "in",        "into",      "is",
      "it",         "its",        "itself", "just",  "me",    "more",      "most",      "my",
      "myself",     "no",         "nor",    "not",   "now",   "of",        "off",       "on",
      "once",       "only",       "or",     "other", "our",   "ours",      "ourselves", "out",
      "over",       "own",        "said",   "same",  "says",  "she",       "should",    "so",
      "some",       "such",       "than",   "that",  "the",   "their",     "theirs",    "them",
      "themselves", "then",       "there",  "these", "they",  "this",      "those",     "through",
      "to",         "too",        "under",  "until", "up",    "us",        "very",      "was",
      "we",         "were",       "what",   "when",  "where", "which",     "while",     "who",
      "whom",       "why",        "will",   "with",  "would", "you",       "your",      "yours",
      "yourself",   "yourselves", "s",      "t",     "mr",    "ms",        "mrs",       "new",
      "one",        "two",        "year",   "years", "told",  "according", "last",      "first",
      "week",       "may",        "like",   "many",  "much",  "since",     "still",     "yet",
      "another",    "per",        "via",    "ve",    "ll",    "re",        "d",         "m"};
  return kWords;
}

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

// A Snowball stemmer is not thread-safe: one per thread.
std::string Stem(const std::string& word) {
  thread_local std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer(
      sb_stemmer_new("english", nullptr));
  if (!stemmer) return word;
  const sb_symbol* out =
      sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                      static_cast<int>(word.size()));
  if (out == nullptr) return word;
  return std::string(reinterpret_cast<const char*>(out),
                     static_cast<std::size_t>(sb_stemmer_length(stemmer.get())));
}

}  // namespace

std::string CollapseWhitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t len = static_cast<int32_t>(std::min<std::size_t>(text.size(), INT32_MAX));
  int32_t i = 0;
  bool pending_space = false;
  while (i < len) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (IsSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out.append(text.data() + start, static_cast<std::size_t>(i - start));
  }
  return out;
}

std::vector<TermSpan> TermSpans(std::string_view text) {
  std::vector<TermSpan> terms;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t len = static_cast<int32_t>(std::min<std::size_t>(text.size(), INT32_MAX));
  int32_t i = 0;
  std::string word;
  int32_t word_chars = 0;
  int32_t word_start = 0, word_end = 0;
  auto flush = [&] {
    if (word_chars >= 2 && !StopWords().count(word)) {
      terms.push_back({Stem(word), static_cast<std::uint32_t>(word_start),
                       static_cast<std::uint32_t>(word_end)});
    }
    word.clear();
    word_chars = 0;
  };
  while (i < len) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (IsWordChar(c)) {
      if (word_chars == 0) word_start = start;
      word_end = i;
      AppendUtf8(word, u_foldCase(c, U_FOLD_CASE_DEFAULT));
      ++word_chars;
    } else {
      flush();
    }
  }
  flush();
  return terms;
}

std::vector<std::string> Terms(std::string_view text) {
  std::vector<std::string> terms;
  for (TermSpan& t : TermSpans(text)) terms.push_back(std::move(t.term));
  return terms;
}

std::vector<TermCount> ArticleTerms(const Article& article) {
  return ArticleTerms(ListArticleTerms(article));
}

ArticleTermLists ListArticleTerms(const Article& article) {
  return {Terms(article.title), Terms(article.text)};
}

std::vector<TermCount> ArticleTerms(const ArticleTermLists& lists) {
  // Every occurrence with its weight, sorted by term, then summed per term.
  std::vector<std::pair<std::string_view, std::uint32_t>> occurrences;
  occurrences.reserve(lists.title.size() + lists.text.size());
  for (const std::string& t : lists.title) occurrences.emplace_back(t, kTitleWeight);
  for (const std::string& t : lists.text) occurrences.emplace_back(t, 1);
  std::sort(occurrences.begin(), occurrences.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<TermCount> out;
  for (const auto& [term, weight] : occurrences) {
    if (out.empty() || out.back().term != term) {
      out.push_back({std::string(term), weight});
    } else {
      out.back().count += weight;
    }
  }
  return out;
}

std::uint64_t ContentFingerprint(const Article& article) {
  std::string key = FoldCase(CollapseWhitespace(article.outlet));
  key += '\x1f';
  key += FoldCase(CollapseWhitespace(article.title));
  key += '\x1f';
  key += FoldCase(CollapseWhitespace(article.text));
  return XXH3_64bits(key.data(), key.size());
}

ArticleDigest DigestArticle(const Article& article) {
  ArticleDigest d;
  d.fingerprint = ContentFingerprint(article);
  d.term_lists = ListArticleTerms(article);
  d.terms = ArticleTerms(d.term_lists);
  d.simhash = TermsSimhash(d.term_lists.text);
  return d;
}

std::uint64_t TextSimhash(std::string_view text) { return TermsSimhash(Terms(text)); }

std::uint64_t TermsSimhash(const std::vector<std::string>& terms) {
  if (terms.size() < kShingleTerms) return 0;
  std::array<int, 64> votes{};
  std::string shingle;
  for (std::size_t i = 0; i + kShingleTerms <= terms.size(); ++i) {
    shingle.clear();
    for (std::size_t k = 0; k < kShingleTerms; ++k) {
      shingle += terms[i + k];
      shingle += '\x1f';
    }
    std::uint64_t h = XXH3_64bits(shingle.data(), shingle.size());
    for (int b = 0; b < 64; ++b) votes[b] += (h >> b) & 1 ? 1 : -1;
  }
  std::uint64_t out = 0;
  for (int b = 0; b < 64; ++b) {
    if (votes[b] > 0) out |= std::uint64_t{1} << b;
  }
  return out;
}

int SimhashDistance(std::uint64_t a, std::uint64_t b) { return std::popcount(a ^ b); }

}  // namespace newsdesk
