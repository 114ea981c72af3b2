#include "extract/gazetteers.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "extract/tokenizer.h"

namespace newsdesk::extract_internal {
namespace {

// The classes of the longest match that covers exactly the words `words`
// (by byte span) in `text`; 0 when there is none.
std::uint32_t ClassesOfRun(const Gazetteers& g, std::string_view text, std::string_view words) {
  const TokenizedText tokens = Tokenize(text);
  const std::size_t begin = text.find(words);
  if (begin == std::string_view::npos) return 0;
  const std::size_t end = begin + words.size();
  for (const GazetteerMatch& m : g.Match(text, tokens)) {
    if (tokens.tokens[m.first_token].start == begin && tokens.tokens[m.end_token - 1].end == end) {
      return m.classes;
    }
  }
  return 0;
}

TEST(Gazetteers, EmbeddedListsAreLoaded) { EXPECT_GT(Gazetteers::Default().entry_count(), 10000u); }

TEST(Gazetteers, TheDictionaryHasLowercaseWordsOnly) {
  EXPECT_TRUE(IsDictionaryWord("nausea"));
  EXPECT_TRUE(IsDictionaryWord("harbour") || IsDictionaryWord("harbor"));
  EXPECT_FALSE(IsDictionaryWord("Nausea"));  // as written: entries are lowercase
  EXPECT_FALSE(IsDictionaryWord("vellmouth"));
  EXPECT_FALSE(IsDictionaryWord(""));
}

TEST(Gazetteers, FindsACountry) {
  const auto& g = Gazetteers::Default();
  EXPECT_TRUE(ClassesOfRun(g, "Talks resumed in France today.", "France") & kGazCountry);
  EXPECT_TRUE(ClassesOfRun(g, "Exports from the United Kingdom fell.", "United Kingdom") &
              kGazCountry);
}

TEST(Gazetteers, FindsAMultiWordCity) {
  const auto& g = Gazetteers::Default();
  EXPECT_TRUE(ClassesOfRun(g, "She flew to San Francisco on Monday.", "San Francisco") & kGazCity);
  EXPECT_TRUE(ClassesOfRun(g, "She flew to San Francisco on Monday.", "Monday") & kGazTimeWord);
}

TEST(Gazetteers, FindsFirstNamesAndSurnames) {
  const auto& g = Gazetteers::Default();
  EXPECT_TRUE(g.ClassesOf("Maria") & kGazFirstName);
  EXPECT_TRUE(g.ClassesOf("Garcia") & kGazSurname);
  EXPECT_TRUE(g.ClassesOf("Wu") & kGazSurname);
  EXPECT_TRUE(g.ClassesOf("McDonald") & kGazSurname);
}

TEST(Gazetteers, FindsCorporateSuffixesAndTitles) {
  const auto& g = Gazetteers::Default();
  EXPECT_TRUE(ClassesOfRun(g, "Brindle Robotics Inc. said so.", "Inc.") & kGazCorporateSuffix);
  EXPECT_TRUE(g.ClassesOf("GmbH") & kGazCorporateSuffix);
  EXPECT_TRUE(g.ClassesOf("Dr.") & kGazPersonTitle);
  EXPECT_TRUE(ClassesOfRun(g, "The Prime Minister spoke.", "Prime Minister") & kGazPersonTitle);
  EXPECT_TRUE(g.ClassesOf("HKEX") & kGazExchange);
  EXPECT_TRUE(g.ClassesOf("French") & kGazNationality);
  EXPECT_TRUE(g.ClassesOf("University") & kGazOrgWord);
  EXPECT_TRUE(g.ClassesOf("River") & kGazPlaceWord);
}

TEST(Gazetteers, FindsRegionsAndOrganizations) {
  const auto& g = Gazetteers::Default();
  EXPECT_TRUE(g.ClassesOf("Zhejiang") & kGazRegion);
  EXPECT_TRUE(g.ClassesOf("Texas") & kGazRegion);
  EXPECT_TRUE(ClassesOfRun(g, "A United Nations panel met.", "United Nations") & kGazOrganization);
}

TEST(Gazetteers, CommonWordsAreLowercase) {
  const auto& g = Gazetteers::Default();
  EXPECT_TRUE(g.ClassesOf("market") & kGazCommonWord);
  EXPECT_EQ(g.ClassesOf("Market") & kGazCommonWord, 0u);
}

TEST(Gazetteers, CaseMattersInOrdinaryText) {
  const auto& g = Gazetteers::Default();
  EXPECT_EQ(ClassesOfRun(g, "Prices in france rose.", "france") & kGazCountry, 0u);
  EXPECT_EQ(ClassesOfRun(g, "Prices in FRANCE rose sharply today.", "FRANCE") & kGazCountry, 0u);
}

TEST(Gazetteers, AllCapsHeadlinesMatchCaseInsensitively) {
  const auto& g = Gazetteers::Default();
  const std::string_view headline = "FLOODS HIT SAN FRANCISCO AS MARIA GARCIA WARNS FRANCE\n";
  EXPECT_TRUE(ClassesOfRun(g, headline, "SAN FRANCISCO") & kGazCity);
  EXPECT_TRUE(ClassesOfRun(g, headline, "MARIA") & kGazFirstName);
  EXPECT_TRUE(ClassesOfRun(g, headline, "GARCIA") & kGazSurname);
  EXPECT_TRUE(ClassesOfRun(g, headline, "FRANCE") & kGazCountry);
}

TEST(Gazetteers, LongestMatchComesFirstAtAStart) {
  const auto& g = Gazetteers::Default();
  const std::string_view text = "He moved to New York City last year.";
  const TokenizedText tokens = Tokenize(text);
  const std::vector<GazetteerMatch> matches = g.Match(text, tokens);
  // "New" is token 3.
  std::vector<GazetteerMatch> at_new;
  for (const GazetteerMatch& m : matches) {
    if (m.first_token == 3) at_new.push_back(m);
  }
  ASSERT_GE(at_new.size(), 2u);
  EXPECT_EQ(at_new[0].end_token, 6u);  // "New York City"
  EXPECT_TRUE(at_new[0].classes & kGazCity);
  EXPECT_EQ(at_new[1].end_token, 5u);  // "New York"
  EXPECT_TRUE(at_new[1].classes & kGazRegion);
}

TEST(Gazetteers, ClassesCombineForOneEntry) {
  const auto& g = Gazetteers::Default();
  const std::uint32_t jordan = g.ClassesOf("Jordan");
  EXPECT_TRUE(jordan & kGazCountry);
  EXPECT_TRUE(jordan & kGazFirstName);
  const std::uint32_t in_text = ClassesOfRun(g, "Jordan signed the deal.", "Jordan");
  EXPECT_EQ(in_text, jordan);
}

TEST(Gazetteers, MatchesDoNotCrossSentences) {
  const Gazetteers g("city\tNew York\n");
  const std::string_view text = "It was new. York won.";
  EXPECT_TRUE(g.Match(text, Tokenize(text)).empty());
  const std::string_view across = "I like New.\nYork is far.";
  EXPECT_TRUE(g.Match(across, Tokenize(across)).empty());
}

TEST(Gazetteers, ParsesListsAndSkipsBadLines) {
  const Gazetteers g(
      "# comment\n"
      "\n"
      "country\tFreedonia\r\n"
      "first_name\tFreedonia\n"
      "no tab here\n"
      "planet\tMars\n"
      "city\tA B C D E F G\n"
      "city\tPort Vell");
  EXPECT_EQ(g.ClassesOf("Freedonia"), kGazCountry | kGazFirstName);
  EXPECT_EQ(g.ClassesOf("Mars"), 0u);
  EXPECT_EQ(g.ClassesOf("A"), 0u);  // seven tokens: too long
  EXPECT_EQ(g.entry_count(), 2u);
  const std::string_view text = "Ships left Port Vell.";
  const std::vector<GazetteerMatch> m = g.Match(text, Tokenize(text));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].first_token, 2u);
  EXPECT_EQ(m[0].end_token, 4u);
}

TEST(Gazetteers, EmptyTextHasNoMatches) {
  EXPECT_TRUE(Gazetteers::Default().Match("", Tokenize("")).empty());
}

}  // namespace
}  // namespace newsdesk::extract_internal
