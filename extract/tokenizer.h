// Private to extract/: words and sentences of a UTF-8 text, as byte spans.
#ifndef NEWSDESK_EXTRACT_TOKENIZER_H_
#define NEWSDESK_EXTRACT_TOKENIZER_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace newsdesk::extract_internal {

struct Token {
  std::uint32_t start = 0;  // byte offsets into the text: [start, end)
  std::uint32_t end = 0;
};

struct Sentence {
  std::uint32_t first_token = 0;  // token indexes: [first_token, end_token)
  std::uint32_t end_token = 0;
  // It opens the text, or follows a blank line or a sentence's end (". ! ?"
  // and closing quotes); false where the cut was a single line break before
  // a capital (a headline's end, or a line of wrapped text) or the length
  // limit.
  bool after_end = true;
};

struct TokenizedText {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;  // cover every token, in order
  std::string_view Text(std::string_view text, const Token& t) const {
    return text.substr(t.start, t.end - t.start);
  }
};

// Tokens in the manner of the NER training corpora (Penn Treebank-like):
// punctuation apart, "'s" and "n't" split off, abbreviations ("U.S.",
// "Inc.", "Dr."), initials ("J."), numbers ("1,250.5", "9988.HK"), URLs and
// e-mail addresses kept whole, any script. Sentences end at . ! ? (not after
// an abbreviation or an initial) and at every line break that ends a
// paragraph or a headline. A sentence longer than max_sentence_tokens is cut.
TokenizedText Tokenize(std::string_view text, std::size_t max_sentence_tokens = 512);

}  // namespace newsdesk::extract_internal

#endif  // NEWSDESK_EXTRACT_TOKENIZER_H_
