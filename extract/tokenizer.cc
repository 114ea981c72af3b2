// Penn Treebank-like tokens and sentences over UTF-8 text, as byte spans.
//
// One left-to-right pass makes the tokens and remembers, for each, how many
// line breaks and whether any space came before it; a second pass cuts the
// sentences from those gaps and the tokens' own text. Invalid UTF-8 bytes
// become one-byte tokens of their own, so offsets stay exact on any input.
#include "extract/tokenizer.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>

namespace newsdesk::extract_internal {
namespace {

// Abbreviations that keep their full stop. Titles never end a sentence (a
// name follows); the rest end one only when a capitalised word follows and
// they are company suffixes (see kSentenceFinalAbbreviations).
constexpr std::array<std::string_view, 32> kTitleAbbreviations = {
    "Mr",  "Mrs",  "Ms",  "Dr",  "Prof",   "Gen", "Sen",  "Rep",  "Gov",  "St",   "Lt",
    "Col", "Capt", "Sgt", "Rev", "Hon",    "Adm", "Cmdr", "Maj",  "Pres", "Supt", "Insp",
    "Fr",  "Mt",   "Ft",  "vs",  "Messrs", "Mme", "Mlle", "Brig", "Cpl",  "Gens"};
constexpr std::array<std::string_view, 8> kSentenceFinalAbbreviations = {
    "Inc", "Ltd", "Corp", "Co", "Bros", "Plc", "etc", "Jr"};
constexpr std::array<std::string_view, 27> kOtherAbbreviations = {
    "Jan", "Feb", "Mar", "Apr", "Jun",  "Jul",  "Aug",  "Sep",    "Sept",
    "Oct", "Nov", "Dec", "Mon", "Tue",  "Tues", "Wed",  "Thu",    "Thurs",
    "Fri", "Sat", "Sun", "Ave", "Blvd", "Dept", "Univ", "approx", "Sr"};

template <std::size_t N>
bool In(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

struct CodePoint {
  UChar32 c = 0;  // negative for an invalid byte
  std::uint32_t next = 0;
};

CodePoint At(std::string_view text, std::uint32_t i) {
  std::int32_t pos = static_cast<std::int32_t>(i);
  UChar32 c;
  U8_NEXT(text.data(), pos, static_cast<std::int32_t>(text.size()), c);
  return {c, static_cast<std::uint32_t>(pos)};
}

bool IsWordChar(UChar32 c) {
  if (c < 0) return false;
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

bool IsSpace(UChar32 c) {
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return true;
  return c >= 0x80 && (u_isUWhiteSpace(c) || c == 0x200B || c == 0xFEFF);
}

bool IsApostrophe(UChar32 c) { return c == '\'' || c == 0x2019; }

// Scripts written without spaces: one token per character.
bool IsUnspacedScript(UChar32 c) {
  if (c < 0x2E80) return false;
  UScriptCode script;
  UErrorCode status = U_ZERO_ERROR;
  script = uscript_getScript(c, &status);
  return U_SUCCESS(status) &&
         (script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA ||
          script == USCRIPT_THAI || script == USCRIPT_LAO || script == USCRIPT_KHMER ||
          script == USCRIPT_MYANMAR);
}

bool IsUpperStart(std::string_view text, const Token& t) {
  CodePoint cp = At(text, t.start);
  return cp.c >= 0 && (u_isupper(cp.c) || u_istitle(cp.c));
}

bool IsLowerStart(std::string_view text, const Token& t) {
  CodePoint cp = At(text, t.start);
  return cp.c >= 0 && u_islower(cp.c);
}

bool IsCaselessLetterStart(std::string_view text, const Token& t) {
  CodePoint cp = At(text, t.start);
  return cp.c >= 0x80 && u_isalpha(cp.c) && !u_islower(cp.c) && !u_isupper(cp.c) &&
         !u_istitle(cp.c);
}

bool IsDigitStart(std::string_view text, const Token& t) {
  CodePoint cp = At(text, t.start);
  return cp.c >= 0 && u_isdigit(cp.c);
}

bool IsOpeningPunct(std::string_view tok) {
  return tok == "\"" || tok == "'" || tok == "(" || tok == "[" || tok == "\u201C" ||
         tok == "\u2018" || tok == "\u00AB" || tok == "`" || tok == "``";
}

bool IsClosingPunct(std::string_view tok) {
  return tok == "\"" || tok == "'" || tok == ")" || tok == "]" || tok == "\u201D" ||
         tok == "\u2019" || tok == "\u00BB" || tok == "''";
}

bool IsSentenceFinal(std::string_view tok) {
  return tok == "." || tok == "!" || tok == "?" || tok == "..." || tok == "\u2026" ||
         tok == "\u3002" || tok == "\uFF01" || tok == "\uFF1F" || tok == "?!" || tok == "!!" ||
         tok == "??";
}

// The byte where a URL, e-mail address, @handle or #tag starting at `i` ends,
// or `i` when none starts there.
std::uint32_t MatchUrlLike(std::string_view text, std::uint32_t i) {
  std::uint32_t end = i;
  while (end < text.size()) {
    CodePoint cp = At(text, end);
    if (cp.c < 0 || IsSpace(cp.c) || cp.c == '"' || cp.c == '<' || cp.c == '>' || cp.c == 0x201C ||
        cp.c == 0x201D)
      break;
    end = cp.next;
  }
  std::string_view run = text.substr(i, end - i);
  bool url = run.starts_with("http://") || run.starts_with("https://") ||
             run.starts_with("ftp://") || (run.starts_with("www.") && run.size() > 6);
  if (!url && (run[0] == '@' || run[0] == '#') && run.size() > 1) {
    // "@name" / "#tag": the word characters after the sign.
    std::uint32_t j = i + 1;
    while (j < end) {
      CodePoint cp = At(text, j);
      if (!IsWordChar(cp.c) && cp.c != '_') break;
      j = cp.next;
    }
    if (j > i + 1) return j;
    return i;
  }
  if (!url) {
    std::size_t at = run.find('@');
    if (at != std::string_view::npos && at > 0 && run.find('.', at) != std::string_view::npos &&
        IsWordChar(static_cast<unsigned char>(run[at - 1])) && at + 1 < run.size() &&
        IsWordChar(static_cast<unsigned char>(run[at + 1])))
      url = true;
  }
  if (!url) return i;
  // Trailing punctuation belongs to the sentence, not the address.
  while (end > i) {
    char last = text[end - 1];
    if (last == '.' || last == ',' || last == ';' || last == ':' || last == '!' || last == '?' ||
        last == '\'' || last == ')' || last == ']') {
      if (last == ')' && run.find('(') != std::string_view::npos) break;
      --end;
    } else {
      break;
    }
  }
  return end;
}

struct RawToken {
  Token token;
  std::uint32_t newlines_before = 0;
  bool space_before = false;
};

// "don't" → "do" "n't"; "Maria's" → "Maria" "'s"; "they're" → "they" "'re".
// Returns where the clitic starts within [start, end), or end for none.
std::uint32_t CliticStart(std::string_view text, std::uint32_t start, std::uint32_t end) {
  std::string_view w = text.substr(start, end - start);
  auto ends_with_clitic = [&](std::string_view ascii_suffix) -> std::uint32_t {
    // The suffix written with ' or ’.
    for (std::string_view apo : {std::string_view("'"), std::string_view("\u2019")}) {
      std::string_view rest = ascii_suffix.substr(1);
      if (w.size() < apo.size() + rest.size() + 1) continue;
      std::string_view tail = w.substr(w.size() - rest.size());
      std::string_view mid = w.substr(w.size() - rest.size() - apo.size(), apo.size());
      bool match = mid == apo && tail.size() == rest.size();
      for (std::size_t k = 0; match && k < rest.size(); ++k) match = (tail[k] | 0x20) == rest[k];
      if (match) return end - static_cast<std::uint32_t>(rest.size() + apo.size());
    }
    return end;
  };
  // n't: the n stays with the clitic ("do" + "n't").
  std::uint32_t nt = ends_with_clitic("'t");
  if (nt != end && nt > start && (text[nt - 1] | 0x20) == 'n' && nt - 1 > start) return nt - 1;
  for (std::string_view s : {"'s", "'re", "'ve", "'ll", "'d", "'m"}) {
    std::uint32_t c = ends_with_clitic(s);
    if (c != end && c > start) return c;
  }
  return end;
}

}  // namespace

TokenizedText Tokenize(std::string_view text, std::size_t max_sentence_tokens) {
  TokenizedText out;
  if (text.size() > UINT32_MAX - 8) text = text.substr(0, UINT32_MAX - 8);
  if (max_sentence_tokens == 0) max_sentence_tokens = 1;
  std::vector<RawToken> raw;
  raw.reserve(text.size() / 5 + 4);
  std::uint32_t newlines = 0;
  bool space = false;
  auto emit = [&](std::uint32_t s, std::uint32_t e) {
    raw.push_back({{s, e}, newlines, space});
    newlines = 0;
    space = false;
  };
  const std::uint32_t n = static_cast<std::uint32_t>(text.size());
  std::uint32_t i = 0;
  while (i < n) {
    CodePoint cp = At(text, i);
    if (cp.c < 0) {  // an invalid byte: a token of its own
      emit(i, i + 1);
      i = i + 1;
      continue;
    }
    if (IsSpace(cp.c)) {
      if (cp.c == '\n' || cp.c == 0x2029 || cp.c == 0x2028) ++newlines;
      space = true;
      i = cp.next;
      continue;
    }
    if (cp.c == 'h' || cp.c == 'f' || cp.c == 'w' || cp.c == '@' || cp.c == '#' ||
        IsWordChar(cp.c)) {
      // A URL or address starts only after a space or an opening bracket.
      std::uint32_t url_end = cp.c < 0x80 ? MatchUrlLike(text, i) : i;
      if (url_end > i) {
        emit(i, url_end);
        i = url_end;
        continue;
      }
    }
    if (IsUnspacedScript(cp.c)) {
      emit(i, cp.next);
      i = cp.next;
      continue;
    }
    if (IsWordChar(cp.c)) {
      std::uint32_t end = cp.next;
      bool internal_dots = false;
      bool single_letter_segments = !u_isdigit(cp.c);
      std::uint32_t segment_letters = 1;
      while (end < n) {
        CodePoint c2 = At(text, end);
        if (IsWordChar(c2.c) && !IsUnspacedScript(c2.c)) {
          end = c2.next;
          ++segment_letters;
          continue;
        }
        // Connectors that stay inside a word when a word character follows:
        // "1,250.5", "9988.HK", "U.S", "state-run", "O'Neil", "AT&T".
        if (c2.c == '.' || c2.c == ',' || c2.c == '-' || c2.c == 0x2010 || c2.c == '\'' ||
            c2.c == 0x2019 || c2.c == '&' || c2.c == '_' || c2.c == ':' || c2.c == '/') {
          if (c2.next >= n) break;
          CodePoint c3 = At(text, c2.next);
          if (!IsWordChar(c3.c) || IsUnspacedScript(c3.c)) break;
          bool prev_digit = end > 0 && text[end - 1] >= '0' && text[end - 1] <= '9';
          bool next_digit = c3.c >= '0' && c3.c <= '9';
          if (c2.c == ',' && !(prev_digit && next_digit)) break;
          if ((c2.c == ':' || c2.c == '/') && !(prev_digit && next_digit)) break;
          if (c2.c == '&') {
            // "AT&T", "S&P": only between capitals.
            bool caps = end > 0 && text[end - 1] >= 'A' && text[end - 1] <= 'Z' && c3.c >= 'A' &&
                        c3.c <= 'Z';
            if (!caps) break;
          }
          if (IsApostrophe(c2.c)) {
            // A clitic is split later; "O'Neil" stays one word.
            std::uint32_t after = c3.next;
            while (after < n && IsWordChar(At(text, after).c)) after = At(text, after).next;
            std::string_view tail = text.substr(c2.next, after - c2.next);
            if (tail == "s" || tail == "S" || tail == "t" || tail == "T" || tail == "re" ||
                tail == "ve" || tail == "ll" || tail == "d" || tail == "m" || tail == "RE" ||
                tail == "VE" || tail == "LL" || tail == "D" || tail == "M") {
              end = after;
              break;
            }
          }
          if (c2.c == '.') {
            internal_dots = true;
            if (segment_letters != 1) single_letter_segments = false;
            segment_letters = 0;
          }
          end = c3.next;
          ++segment_letters;
          continue;
        }
        break;
      }
      if (segment_letters != 1) single_letter_segments = false;
      // The full stop after an abbreviation, an initial or "U.S" stays with it.
      if (end < n && text[end] == '.' && !(end + 1 < n && text[end + 1] == '.')) {
        std::string_view word = text.substr(i, end - i);
        bool initial = word.size() <= 2 && At(text, i).next == end && u_isupper(cp.c);
        // "No. 5" but "No." alone is the word no.
        bool number_sign = (word == "No" || word == "Nos") && end + 2 < n && text[end + 1] == ' ' &&
                           text[end + 2] >= '0' && text[end + 2] <= '9';
        if (initial || number_sign || (internal_dots && single_letter_segments) ||
            In(kTitleAbbreviations, word) || In(kSentenceFinalAbbreviations, word) ||
            In(kOtherAbbreviations, word)) {
          emit(i, end + 1);
          i = end + 1;
          continue;
        }
      }
      std::uint32_t clitic = CliticStart(text, i, end);
      if (clitic < end) {
        emit(i, clitic);
        emit(clitic, end);
      } else {
        emit(i, end);
      }
      i = end;
      continue;
    }
    // Punctuation: "..." and "--" and doubled ?! stay together; the rest is
    // one character per token.
    std::uint32_t end = cp.next;
    if (cp.c == '.' || cp.c == '-' || cp.c == '!' || cp.c == '?') {
      while (end < n && (text[end] == text[i] ||
                         ((cp.c == '!' || cp.c == '?') && (text[end] == '!' || text[end] == '?'))))
        ++end;
    }
    emit(i, end);
    i = end;
  }

  // Sentences.
  out.tokens.reserve(raw.size());
  for (const RawToken& r : raw) out.tokens.push_back(r.token);
  std::uint32_t sentence_start = 0;
  bool start_after_end = true;  // Sentence::after_end of the one open
  bool pending_end = false;     // a full stop, and only closing punctuation since
  auto cut = [&](std::uint32_t at, bool after_end) {
    if (at > sentence_start) out.sentences.push_back({sentence_start, at, start_after_end});
    sentence_start = at;
    start_after_end = after_end;
    pending_end = false;
  };
  for (std::uint32_t t = 0; t < raw.size(); ++t) {
    const Token& tok = raw[t].token;
    std::string_view s = out.Text(text, tok);
    if (t > sentence_start) {
      const Token& prev = raw[t - 1].token;
      std::string_view prev_s = out.Text(text, prev);
      bool brk = false;
      if (raw[t].newlines_before >= 2) {
        brk = true;
      } else if (raw[t].newlines_before == 1) {
        // A single line break ends a headline or a paragraph unless the
        // line was wrapped mid-sentence: a lowercase word or a comma runs on.
        bool runs_on = IsLowerStart(text, tok) || prev_s == "," || prev_s == "-" ||
                       prev_s == "and" || prev_s == "of" || prev_s == "the";
        brk = !runs_on;
      } else if (pending_end && raw[t].space_before) {
        // After . ! ? a capital, a digit, a quote or a bracket (or a letter
        // of a script without case) starts the next sentence; anything else
        // goes on ("... and", "5 p.m. local time").
        brk = IsUpperStart(text, tok) || IsDigitStart(text, tok) || IsOpeningPunct(s) ||
              IsCaselessLetterStart(text, tok);
      }
      if (brk) cut(t, raw[t].newlines_before >= 2 || pending_end);
    }
    if (t - sentence_start >= max_sentence_tokens) cut(t, pending_end);
    // What this token says about the next boundary.
    if (IsSentenceFinal(s)) {
      pending_end = true;
    } else if (pending_end && IsClosingPunct(s)) {
      // "He left." she said → the quote closes this sentence: still pending.
    } else if (s.size() > 1 && s.back() == '.') {
      std::string_view word = s.substr(0, s.size() - 1);
      pending_end = In(kSentenceFinalAbbreviations, word);
    } else {
      pending_end = false;
    }
    // A full-width stop ends the sentence without a space.
    if (t + 1 < raw.size() && (s == "\u3002" || s == "\uFF01" || s == "\uFF1F") &&
        !IsClosingPunct(out.Text(text, raw[t + 1].token)))
      cut(t + 1, true);
  }
  cut(static_cast<std::uint32_t>(raw.size()), true);
  return out;
}

}  // namespace newsdesk::extract_internal
