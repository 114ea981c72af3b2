#include "extract/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newsdesk::extract_internal {
namespace {

std::vector<std::string> Words(std::string_view text) {
  TokenizedText t = Tokenize(text);
  std::vector<std::string> out;
  for (const Token& tok : t.tokens) out.emplace_back(t.Text(text, tok));
  return out;
}

// Each sentence as its tokens joined by spaces.
std::vector<std::string> Sentences(std::string_view text) {
  TokenizedText t = Tokenize(text);
  std::vector<std::string> out;
  for (const Sentence& s : t.sentences) {
    std::string joined;
    for (std::uint32_t i = s.first_token; i < s.end_token; ++i) {
      if (i > s.first_token) joined += ' ';
      joined += t.Text(text, t.tokens[i]);
    }
    out.push_back(joined);
  }
  return out;
}

using V = std::vector<std::string>;

TEST(Tokenizer, SaysWhichSentencesFollowASentencesEnd) {
  // The headline's line break and the wrapped line's are cuts too, but no
  // sentence ended there; the blank line and the full stops are ends.
  const std::string text =
      "Gore wins prize\nOslo, Friday\n\nGore accepted it. The plan was praised by\nGore, who "
      "spoke. \"Thanks,\" he said.";
  TokenizedText t = Tokenize(text);
  std::vector<std::pair<std::string, bool>> got;
  for (const Sentence& s : t.sentences)
    got.emplace_back(std::string(t.Text(text, t.tokens[s.first_token])), s.after_end);
  EXPECT_EQ(got, (std::vector<std::pair<std::string, bool>>{{"Gore", true},
                                                            {"Oslo", false},
                                                            {"Gore", true},
                                                            {"The", true},
                                                            {"Gore", false},
                                                            {"\"", true}}));
}

TEST(Tokenizer, SplitsPunctuationFromWords) {
  EXPECT_EQ(Words("Hello, world (again)!"), (V{"Hello", ",", "world", "(", "again", ")", "!"}));
}

TEST(Tokenizer, KeepsAbbreviationsWhole) {
  EXPECT_EQ(Words("Mr. Dr. Inc. Ltd. Corp. U.S. U.K. Jan. St. Gen."),
            (V{"Mr.", "Dr.", "Inc.", "Ltd.", "Corp.", "U.S.", "U.K.", "Jan.", "St.", "Gen."}));
}

TEST(Tokenizer, AbbreviationsAndInitialsDoNotEndSentences) {
  EXPECT_EQ(Sentences("Dr. Orla Fenwick met J. K. Brandt in the U.S. capital. They spoke."),
            (V{"Dr. Orla Fenwick met J. K. Brandt in the U.S. capital .", "They spoke ."}));
}

TEST(Tokenizer, CompanySuffixEndsSentenceBeforeCapital) {
  EXPECT_EQ(Sentences("She joined Quillmark Inc. The firm grew."),
            (V{"She joined Quillmark Inc.", "The firm grew ."}));
}

TEST(Tokenizer, SplitsPossessivesAndNegations) {
  EXPECT_EQ(Words("Vantor's chief doesn't agree; they're sure."),
            (V{"Vantor", "'s", "chief", "does", "n't", "agree", ";", "they", "'re", "sure", "."}));
  EXPECT_EQ(Words("Vantor\u2019s"), (V{"Vantor", "\u2019s"}));
  EXPECT_EQ(Words("O'Neil"), (V{"O'Neil"}));
}

TEST(Tokenizer, SplitsQuotesStraightAndCurly) {
  EXPECT_EQ(Words("\"Yes,\" she said. \u201CNo.\u201D"),
            (V{"\"", "Yes", ",", "\"", "she", "said", ".", "\u201C", "No", ".", "\u201D"}));
}

TEST(Tokenizer, ClosingQuoteStaysWithItsSentence) {
  EXPECT_EQ(Sentences("\"We won.\" Then we left."), (V{"\" We won . \"", "Then we left ."}));
}

TEST(Tokenizer, KeepsNumbersAndTickersWhole) {
  EXPECT_EQ(Words("It rose 1,250.5 points to $3.2 billion, 9988.HK fell 4%."),
            (V{"It", "rose", "1,250.5", "points", "to", "$", "3.2", "billion", ",", "9988.HK",
               "fell", "4", "%", "."}));
}

TEST(Tokenizer, KeepsUrlsAndAddressesWhole) {
  EXPECT_EQ(Words("See https://example.com/a?b=1. Or mail info@example.org, or www.example.net."),
            (V{"See", "https://example.com/a?b=1", ".", "Or", "mail", "info@example.org", ",", "or",
               "www.example.net", "."}));
}

TEST(Tokenizer, KeepsHyphenatedWordsWhole) {
  EXPECT_EQ(Words("state-run firms"), (V{"state-run", "firms"}));
}

TEST(Tokenizer, ReadsNonLatinScripts) {
  EXPECT_EQ(Words("Москва и Петербург"), (V{"Москва", "и", "Петербург"}));
  EXPECT_EQ(Words("مرحبا بالعالم"), (V{"مرحبا", "بالعالم"}));
  // Chinese has no spaces: one token per character.
  EXPECT_EQ(Words("杭州市"), (V{"杭", "州", "市"}));
  EXPECT_EQ(Sentences("你好。再见。"), (V{"你 好 。", "再 见 。"}));
}

TEST(Tokenizer, HeadlineLineEndsASentence) {
  EXPECT_EQ(Sentences("Quillmark Opens Plant\nThe company said on Monday it would hire."),
            (V{"Quillmark Opens Plant", "The company said on Monday it would hire ."}));
  EXPECT_EQ(Sentences("First paragraph\n\nsecond paragraph"),
            (V{"First paragraph", "second paragraph"}));
}

TEST(Tokenizer, WrappedLineDoesNotEndASentence) {
  EXPECT_EQ(Sentences("The council said the\nbridge would close."),
            (V{"The council said the bridge would close ."}));
}

TEST(Tokenizer, OffsetsPointAtTheTokenBytes) {
  std::string text = "  Zoë  Ärnström's “plan” — 杭州 ok.\n\nNext!";
  TokenizedText t = Tokenize(text);
  std::uint32_t prev_end = 0;
  for (const Token& tok : t.tokens) {
    ASSERT_LE(prev_end, tok.start);
    ASSERT_LT(tok.start, tok.end);
    ASSERT_LE(tok.end, text.size());
    // Only whitespace between tokens.
    for (std::uint32_t i = prev_end; i < tok.start; ++i)
      EXPECT_TRUE(text[i] == ' ' || text[i] == '\n') << "byte " << i;
    prev_end = tok.end;
  }
  EXPECT_EQ(Words(text), (V{"Zoë", "Ärnström", "'s", "“", "plan", "”", "—", "杭", "州", "ok", ".",
                            "Next", "!"}));
}

TEST(Tokenizer, SentencesCoverEveryTokenInOrder) {
  std::string text = "One. Two three! Four?\nFive";
  TokenizedText t = Tokenize(text);
  std::uint32_t next = 0;
  for (const Sentence& s : t.sentences) {
    EXPECT_EQ(s.first_token, next);
    EXPECT_LT(s.first_token, s.end_token);
    next = s.end_token;
  }
  EXPECT_EQ(next, t.tokens.size());
  EXPECT_EQ(t.sentences.size(), 4u);
}

TEST(Tokenizer, EmptyAndBlankInputHaveNoTokens) {
  EXPECT_TRUE(Tokenize("").tokens.empty());
  EXPECT_TRUE(Tokenize("").sentences.empty());
  EXPECT_TRUE(Tokenize(" \n\t ").tokens.empty());
}

TEST(Tokenizer, InvalidBytesBecomeTokensWithoutCrashing) {
  std::string text = "ab\xff\xfe cd \xe2\x82 e\xc3";
  TokenizedText t = Tokenize(text);
  std::size_t covered = 0;
  for (const Token& tok : t.tokens) {
    ASSERT_LE(tok.end, text.size());
    covered += tok.end - tok.start;
  }
  EXPECT_EQ(covered, text.size() - 3);  // all but the three spaces
}

TEST(Tokenizer, CutsLongSentences) {
  std::string text;
  for (int i = 0; i < 50; ++i) text += "word ";
  TokenizedText t = Tokenize(text, 16);
  ASSERT_EQ(t.tokens.size(), 50u);
  for (const Sentence& s : t.sentences) EXPECT_LE(s.end_token - s.first_token, 16u);
  EXPECT_EQ(t.sentences.size(), 4u);
}

}  // namespace
}  // namespace newsdesk::extract_internal
