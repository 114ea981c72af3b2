// Private to store/: the arithmetic of story assignment.
//
// An article is seen through four term vectors ("channels"), each of log-
// scaled counts normalized to unit length: all its words (title words count
// three times), its lead (the title and the opening words of the text), the
// names of the entities it mentions, and its numbers ("26", "2013", "7.1").
// A story keeps, per channel, the sum of its articles' vectors (its
// centroid). An article and a story are compared channel by channel with
// TF-IDF cosine similarity, and the channel similarities are averaged with
// fixed weights: words tell the topic, while the names and numbers are what
// tell two earthquakes, or two rescues by the same navy, apart.
#ifndef NEWSDESK_STORE_STORIES_H_
#define NEWSDESK_STORE_STORIES_H_

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "extract/extract.h"

namespace newsdesk::store_internal {

// Terms and their weights, sorted by term, each term once.
using TermVector = std::vector<std::pair<std::string, double>>;

enum Channel { kWords, kLead, kNames, kNumbers, kChannelCount };

// The weight of each channel in the similarity. The weights and the
// threshold were chosen with tools/story_eval on the stories-dev corpus
// (store/README.md gives the figures).
inline constexpr std::array<double, kChannelCount> kChannelWeights = {0.4, 0.2, 0.2, 0.2};
// The terms a story keeps per channel, the heaviest first.
inline constexpr std::array<std::size_t, kChannelCount> kCentroidTerms = {300, 120, 60, 60};
// Words of the text, after the title, that make the lead.
inline constexpr std::size_t kLeadTerms = 60;
// Candidate stories read per key of an article (the most recently seen
// first), and scored in all (those found under most keys first).
inline constexpr std::size_t kCandidatesPerKey = 64;
inline constexpr std::size_t kMaxCandidates = 10;

using ChannelVectors = std::array<TermVector, kChannelCount>;

// (1 + ln count) per term, scaled to unit length. `terms` are sorted by
// term, each once, as ArticleTerms gives them.
TermVector NormalizedTf(const std::vector<TermCount>& terms);

// The four vectors of an article. `lists` is ListArticleTerms(article),
// `terms` ArticleTerms(lists); the shorter form finds both itself.
ChannelVectors ArticleVectors(const Article& article, const std::vector<TermCount>& terms,
                              const ArticleTermLists& lists);
ChannelVectors ArticleVectors(const Article& article);

// Cosine similarity of a vector and a centroid after weighting both by
// idf(term).
double Similarity(const TermVector& article, const TermVector& centroid,
                  const std::function<double(const std::string&)>& idf);

// The weighted mean of the channel similarities, over the channels the
// article has terms in (an article without names or numbers is judged by
// the others). `idf[c]` weighs the terms of channel c.
double StorySimilarity(
    const ChannelVectors& article, const ChannelVectors& story,
    const std::array<std::function<double(const std::string&)>, kChannelCount>& idf);

// Adds (sign +1) or removes (sign -1) a vector, then keeps the `max_terms`
// heaviest terms.
void AdjustCentroid(TermVector& centroid, const TermVector& article, double sign,
                    std::size_t max_terms);
void AdjustCentroids(ChannelVectors& centroids, const ChannelVectors& article, double sign);

// Plain cosine (no idf) of two vectors: how central an article's words are
// to its story, for choosing the story's headline.
double Cosine(const TermVector& a, const TermVector& b);

// The keys under which a story is found as a candidate for new articles:
// its heaviest words and names ("w:" and "n:" prefixed).
std::vector<std::string> StoryIndexKeys(const ChannelVectors& centroids);

// The factor on the similarity of an article and a story `gap` seconds
// apart (0 when the article falls within the story's span): 1 up to a day,
// then down linearly to 0.7 at `window`. Follow-ups a day or two later stay
// in the story; a similar text a week later needs more in common.
double TimeDecay(std::int64_t gap, std::int64_t window);

// Smoothed inverse document frequency: ln((docs + 1) / (df + 1)) + 1.
double InverseDocumentFrequency(std::uint64_t docs, std::uint64_t df);

// How rare a term is among the stored articles, as the writer keeps it in
// memory. A word has its own document frequency; an entity name is as rare
// as its rarest word, so it refers to its words' statistics instead (a name
// of no words, only stop words such as "US", has idf 1). Their addresses
// identify terms: the writer frees them only between commits.
struct TermStats {
  std::uint64_t df = 0;
  double log_df = 0;                    // ln(df + 1)
  bool name = false;                    // an entity name
  std::vector<const TermStats*> words;  // a name's words
  const std::string* term = nullptr;    // the word or name (the writer's copy)
  void SetDocFreq(std::uint64_t n);
  // InverseDocumentFrequency with `log_docs` = ln(docs + 1); for a name,
  // the largest of its words' (at least 1).
  double Idf(double log_docs) const;
};

// A channel's terms as scored: each term's statistics and its weight, in
// the order of the statistics' addresses (so that two of them meet in one
// pass).
using ScoredTerms = std::vector<std::pair<const TermStats*, double>>;
using ScoredChannels = std::array<ScoredTerms, kChannelCount>;

// Orders `terms` for scoring.
void SortForScoring(ScoredTerms& terms);

// An article's channels weighted by idf (weight = tf · idf), with each
// channel's length: it is weighed once and scored against many stories.
struct WeightedArticle {
  ScoredChannels channels;
  std::array<double, kChannelCount> norms{};
};
WeightedArticle WeighArticle(const ScoredChannels& article, double log_docs);

// The keys an article looks its candidate stories up by: its words and lead
// words of highest tf·idf, and its most mentioned names. `article` is the
// article as WeighArticle gave it, `names` its names channel unweighted.
std::vector<std::string> ArticleQueryKeys(const WeightedArticle& article, const ScoredTerms& names);

// StorySimilarity of an article and a story's centroids (both resolved to
// their statistics): the same TF-IDF cosines, in one pass over each channel.
double ScoredStorySimilarity(const WeightedArticle& article, const ScoredChannels& story,
                             double log_docs);

// A headline written in capitals ("PHILADELPHIA 76ERS FIRE COACH") reads
// badly as a story's name: true when it has letters and no lower-case ones.
bool AllCapitals(std::string_view title);

}  // namespace newsdesk::store_internal

#endif  // NEWSDESK_STORE_STORIES_H_
