#include <gtest/gtest.h>

#include "extract/extract.h"

namespace newsdesk {
namespace {

TEST(Terms, FoldsCaseStemsAndDropsStopWords) {
  EXPECT_EQ(Terms("The Dockworkers were STRIKING at the ports"),
            (std::vector<std::string>{"dockwork", "strike", "port"}));
}

TEST(Terms, SplitsOnUnicodePunctuationAndKeepsNonAsciiLetters) {
  EXPECT_EQ(Terms("Zoë’s “bridge”—São Miguel"),
            (std::vector<std::string>{"zoë", "bridg", "são", "miguel"}));
}

TEST(TermSpans, GiveEachTermTheBytesOfItsWord) {
  const std::string text = "Zoë’s bridge—the DOCKS";
  auto spans = TermSpans(text);
  ASSERT_EQ(spans.size(), 3u);
  std::vector<std::string> words, terms;
  for (const TermSpan& t : spans) {
    words.push_back(text.substr(t.start, t.end - t.start));
    terms.push_back(t.term);
  }
  EXPECT_EQ(words, (std::vector<std::string>{"Zoë", "bridge", "DOCKS"}));
  EXPECT_EQ(terms, Terms(text));
}

TEST(CollapseWhitespace, CollapsesAsciiAndUnicodeSpaces) {
  EXPECT_EQ(CollapseWhitespace("  a\t\n b\xC2\xA0\xC2\xA0"
                               "c\xE2\x80\x83 "),
            "a b c");
}

TEST(ContentFingerprint, IgnoresUrlCaseAndSpacingButNotOutlet) {
  Article a{.url = "https://x.com/1",
            .canonical_url = "https://x.com/1",
            .outlet = "X Daily",
            .title = "Bridge Closed",
            .text = "The bridge closed.\n\nTraffic was diverted."};
  Article b = a;
  b.url = b.canonical_url = "https://x.com/amp/1";
  b.text = "the bridge  closed. Traffic was diverted.";
  EXPECT_EQ(ContentFingerprint(a), ContentFingerprint(b));
  Article c = a;
  c.outlet = "Y Times";
  EXPECT_NE(ContentFingerprint(a), ContentFingerprint(c));
  Article d = a;
  d.text += " One more sentence.";
  EXPECT_NE(ContentFingerprint(a), ContentFingerprint(d));
}

TEST(ArticleTerms, WeighsTitleWords) {
  Article a{.title = "Flood", .text = "Flood waters rose."};
  auto terms = ArticleTerms(a);
  ASSERT_FALSE(terms.empty());
  EXPECT_EQ(terms[0].term, "flood");
  EXPECT_EQ(terms[0].count, kTitleWeight + 1);
}

}  // namespace
}  // namespace newsdesk
