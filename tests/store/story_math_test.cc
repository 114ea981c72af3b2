// The arithmetic under story assignment (store/stories.h) and the story
// record's encoding: the fast paths the writer takes must give what the
// plain definitions give.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "store/records.h"
#include "store/stories.h"

namespace newsdesk::store_internal {
namespace {

TermVector Vector(std::map<std::string, double> weights) {
  return TermVector(weights.begin(), weights.end());
}

TEST(StoryMath, AdjustingACentroidAddsAndKeepsTheHeaviestTermsInOrder) {
  TermVector centroid = Vector({{"ash", 0.5}, {"bay", 0.1}, {"cove", 0.9}, {"dune", 0.3}});
  AdjustCentroid(centroid, Vector({{"bay", 0.3}, {"elm", 0.2}, {"fen", 0.05}}), +1.0, 4);
  // bay 0.4 and elm 0.2 enter, fen 0.05 and dune 0.3 are the lightest of six.
  EXPECT_EQ(centroid, Vector({{"ash", 0.5}, {"bay", 0.4}, {"cove", 0.9}, {"dune", 0.3}}));

  TermVector many;
  for (int i = 0; i < 500; ++i) {
    many.emplace_back("term" + std::to_string(1000 + i), 1.0 + i % 7);
  }
  TermVector kept;
  AdjustCentroid(kept, many, +1.0, 300);
  ASSERT_EQ(kept.size(), 300u);
  for (std::size_t i = 0; i < kept.size(); ++i) {
    EXPECT_FALSE(kept[i].first.empty());
    if (i > 0) {
      EXPECT_LT(kept[i - 1].first, kept[i].first);
    }
  }
  // Weights 7, 6, 5 and 4 come 71 times each (284 terms); the other 16 are
  // the first of the 72 of weight 3, ties going to the earlier term:
  // term1002, term1009, ..., term1107.
  std::vector<std::string> threes;
  std::size_t heavier = 0;
  for (const auto& [term, w] : kept) {
    if (w >= 4.0) ++heavier;
    if (w == 3.0) threes.push_back(term);
  }
  EXPECT_EQ(heavier, 284u);
  ASSERT_EQ(threes.size(), 16u);
  EXPECT_EQ(threes.front(), "term1002");
  EXPECT_EQ(threes.back(), "term1107");
}

TEST(StoryMath, RemovingAnArticleTakesItsTermsOutOfTheCentroid) {
  TermVector centroid = Vector({{"ash", 0.5}, {"bay", 0.4}});
  AdjustCentroid(centroid, Vector({{"ash", 0.5}, {"bay", 0.1}}), -1.0, 300);
  ASSERT_EQ(centroid.size(), 1u);
  EXPECT_EQ(centroid[0].first, "bay");
  EXPECT_NEAR(centroid[0].second, 0.3, 1e-12);
}

TEST(StoryMath, ScoringResolvedTermsGivesTheSameSimilarityAsTheDefinition) {
  // Document frequencies among 40 stored articles; "harbour fire" is a name.
  std::map<std::string, TermStats> words;
  std::map<std::string, std::uint64_t> df = {{"fire", 30}, {"harbour", 4}, {"crew", 9},
                                             {"dock", 2},  {"2026", 12},   {"timber", 1}};
  for (auto& [term, n] : df) {
    words[term].SetDocFreq(n);
    words[term].term = &words.find(term)->first;
  }
  TermStats name;
  name.name = true;
  name.words = {&words["harbour"], &words["fire"]};
  const std::string name_key = "harbour fire";
  name.term = &name_key;
  const double log_docs = std::log(41.0);
  auto idf = [&](const std::string& t) { return InverseDocumentFrequency(40, df.at(t)); };
  auto name_idf = [&](const std::string&) {
    return std::max(InverseDocumentFrequency(40, 4), InverseDocumentFrequency(40, 30));
  };

  ChannelVectors article, story;
  article[kWords] = Vector({{"crew", 0.4}, {"fire", 0.7}, {"harbour", 0.5}, {"timber", 0.3}});
  article[kLead] = Vector({{"fire", 0.8}, {"harbour", 0.6}});
  article[kNames] = Vector({{"harbour fire", 1.0}});
  story[kWords] = Vector({{"dock", 0.9}, {"fire", 1.6}, {"harbour", 0.4}, {"timber", 0.2}});
  story[kLead] = Vector({{"dock", 0.5}, {"fire", 1.1}});
  story[kNames] = Vector({{"harbour fire", 2.0}});
  story[kNumbers] = Vector({{"2026", 1.0}});

  auto resolve = [&](const ChannelVectors& v) {
    ScoredChannels s;
    for (int c = 0; c < kChannelCount; ++c) {
      for (const auto& [term, w] : v[c]) s[c].emplace_back(c == kNames ? &name : &words[term], w);
      SortForScoring(s[c]);
    }
    return s;
  };
  const double expected = StorySimilarity(article, story, {idf, idf, name_idf, idf});
  const double scored =
      ScoredStorySimilarity(WeighArticle(resolve(article), log_docs), resolve(story), log_docs);
  EXPECT_GT(expected, 0.3);
  EXPECT_NEAR(scored, expected, 1e-12);
  // The rarest words lead the article's keys; its name is a key too.
  std::vector<std::string> keys =
      ArticleQueryKeys(WeighArticle(resolve(article), log_docs), resolve(article)[kNames]);
  ASSERT_GE(keys.size(), 2u);
  EXPECT_EQ(keys[0], "w:harbour");
  EXPECT_EQ(keys.back(), "n:harbour fire");
}

TEST(StoryMath, ANameOfNoWordsWeighsOneHoweverManyArticlesFollow) {
  // "US" is a stop word: the name has no words to be rare by.
  TermStats us;
  us.name = true;
  EXPECT_EQ(us.Idf(std::log(11.0)), 1.0);
  EXPECT_EQ(us.Idf(std::log(1'000'001.0)), 1.0);
}

TEST(StoryMath, TheLeadIsTheTitleAndTheFirstWordsOfALongText) {
  Article a;
  a.title = "Ferry strike";
  for (int i = 0; i < 400; ++i) a.text += "word" + std::to_string(i) + (i % 9 == 8 ? ".\n" : " ");
  ChannelVectors v = ArticleVectors(a);
  std::vector<std::string> lead_terms = Terms(a.title);
  std::vector<std::string> text_terms = Terms(a.text);
  lead_terms.insert(lead_terms.end(), text_terms.begin(), text_terms.begin() + kLeadTerms);
  ASSERT_EQ(v[kLead].size(), lead_terms.size());
  for (const std::string& t : lead_terms) {
    EXPECT_TRUE(std::any_of(v[kLead].begin(), v[kLead].end(), [&](const auto& e) {
      return e.first == t;
    })) << t;
  }
}

StoryRecord SampleStory() {
  StoryRecord r;
  r.id = 7;
  r.title = "Warehouse fire closes Brennock docks";
  r.headline_article = 12;
  r.first_seen = 1791963000;
  r.last_seen = 1791999000;
  r.article_count = 3;
  r.outlets = {{"brennock-post", 2}, {"coast-news", 1}};
  r.origins = {{"brennockpost", 1}, {"lanternwire", 2}};
  r.centroids[kWords] = Vector({{"blaze", 0.25}, {"brennock", 1.5}, {"dock", 1.0 / 3}});
  r.centroids[kNames] = Vector({{"brennock", 2.0}});
  r.entities = {{4, 6}, {9, 1}};
  r.index_keys = {"n:brennock", "w:brennock", "w:dock"};
  return r;
}

void ExpectSameStory(const StoryRecord& a, const StoryRecord& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.headline_article, b.headline_article);
  EXPECT_EQ(a.first_seen, b.first_seen);
  EXPECT_EQ(a.last_seen, b.last_seen);
  EXPECT_EQ(a.article_count, b.article_count);
  EXPECT_EQ(a.outlets, b.outlets);
  EXPECT_EQ(a.origins, b.origins);
  EXPECT_EQ(a.centroids, b.centroids);  // weights to the bit
  EXPECT_EQ(a.entities, b.entities);
  EXPECT_EQ(a.index_keys, b.index_keys);
}

TEST(StoryRecords, PackedCentroidsReadBackExactly) {
  StoryRecord r = SampleStory();
  auto back = DecodeStory(EncodeStory(r));
  ASSERT_TRUE(back.ok()) << back.status().message();
  ExpectSameStory(*back, r);
}

TEST(StoryRecords, ACentroidTermOfAnyLengthReadsBackWhole) {
  // A word of 70,000 letters (nothing bounds one) was cut at 65,535 bytes,
  // and the story's index keys then disagreed with its centroids.
  StoryRecord r = SampleStory();
  const std::string long_word(70000, 'b');
  r.centroids[kWords] = Vector({{"blaze", 0.25}, {long_word, 1.0}, {long_word + "s", 0.5}});
  auto back = DecodeStory(EncodeStory(r));
  ASSERT_TRUE(back.ok()) << back.status().message();
  ExpectSameStory(*back, r);
}

TEST(StoryRecords, ARecordWrittenBeforeCentroidsWerePackedStillReads) {
  StoryRecord r = SampleStory();
  nlohmann::json centroids = nlohmann::json::array();
  for (const TermVector& c : r.centroids) {
    centroids.push_back(std::map<std::string, double>(c.begin(), c.end()));
  }
  nlohmann::json j = {{"id", r.id},
                      {"title", r.title},
                      {"headline_article", r.headline_article},
                      {"first_seen", r.first_seen},
                      {"last_seen", r.last_seen},
                      {"article_count", r.article_count},
                      {"outlets", r.outlets},
                      {"origins", r.origins},
                      {"centroids", centroids},
                      {"entities", r.entities},
                      {"index_keys", r.index_keys}};
  std::vector<std::uint8_t> cbor = nlohmann::json::to_cbor(j);
  auto back = DecodeStory(std::string(cbor.begin(), cbor.end()));
  ASSERT_TRUE(back.ok()) << back.status().message();
  ExpectSameStory(*back, r);
}

TEST(StoryRecords, DamagedPackedCentroidsAreCorruptionNotGarbage) {
  std::string bytes = EncodeStory(SampleStory());
  // The packed centroids end with the numbers channel's count (0, four
  // bytes), just before the next CBOR key, "title", and its one-byte header.
  std::size_t at = bytes.find("title");
  ASSERT_NE(at, std::string::npos);
  ASSERT_EQ(bytes.substr(at - 5, 4), std::string(4, '\0'));
  std::string damaged = bytes;
  damaged[at - 5] = static_cast<char>(0x7f);  // 127 terms that are not there
  auto back = DecodeStory(damaged);
  ASSERT_FALSE(back.ok());
  EXPECT_NE(back.status().message().find("centroids"), std::string::npos);
}

}  // namespace
}  // namespace newsdesk::store_internal
