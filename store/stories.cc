#include "store/stories.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>

#include "store/entity_index.h"

namespace newsdesk::store_internal {
namespace {

// Counts in term order to (1 + ln count) per term, scaled to unit length.
TermVector LogScaledUnit(TermVector v) {
  double norm = 0;
  for (auto& [term, w] : v) {
    w = 1.0 + std::log(std::max(w, 1.0));
    norm += w * w;
  }
  if (norm > 0) {
    double inv = 1.0 / std::sqrt(norm);
    for (auto& [term, w] : v) w *= inv;
  }
  return v;
}

TermVector Normalized(const std::map<std::string, double>& counts) {
  return LogScaledUnit(TermVector(counts.begin(), counts.end()));
}

bool HasDigit(const std::string& term) {
  return std::any_of(term.begin(), term.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Terms with weights, by pointer to the term.
using Weighted = std::vector<std::pair<double, const std::string*>>;

// Keeps the `n` heaviest, heaviest first (ties by term).
void KeepHeaviest(Weighted& by_weight, std::size_t n) {
  auto heavier = [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : *a.second < *b.second;
  };
  if (by_weight.size() > n) {
    std::nth_element(by_weight.begin(), by_weight.begin() + static_cast<long>(n), by_weight.end(),
                     heavier);
    by_weight.resize(n);
  }
  std::sort(by_weight.begin(), by_weight.end(), heavier);
}

// The `n` heaviest terms of a vector (pointing into it), heaviest first.
Weighted Heaviest(const TermVector& v, std::size_t n) {
  Weighted by_weight;
  by_weight.reserve(v.size());
  for (const auto& [term, w] : v) by_weight.emplace_back(w, &term);
  KeepHeaviest(by_weight, n);
  return by_weight;
}

// Keys per channel: words and names find candidate stories; the lead and
// numbers only score them.
constexpr std::size_t kStoryWordKeys = 12, kStoryNameKeys = 6;
constexpr std::size_t kArticleWordKeys = 8, kArticleLeadKeys = 6, kArticleNameKeys = 6;

}  // namespace

TermVector NormalizedTf(const std::vector<TermCount>& terms) {
  TermVector counts;
  counts.reserve(terms.size());
  for (const TermCount& t : terms) counts.emplace_back(t.term, t.count);
  return LogScaledUnit(std::move(counts));
}

ChannelVectors ArticleVectors(const Article& article, const std::vector<TermCount>& terms,
                              const ArticleTermLists& lists) {
  ChannelVectors v;
  v[kWords] = NormalizedTf(terms);
  std::map<std::string, double> lead, names, numbers;
  for (const std::string& t : lists.title) lead[t] += kTitleWeight;
  for (std::size_t i = 0; i < lists.text.size() && i < kLeadTerms; ++i) lead[lists.text[i]] += 1;
  for (const TermCount& t : terms) {
    if (HasDigit(t.term)) numbers[t.term] += t.count;
  }
  for (const DocumentEntity& e : article.entities.entities) {
    std::string key = NormalizedName(e.name, e.type);
    if (!key.empty()) names[key] += std::max<std::uint32_t>(e.mention_count, 1);
  }
  v[kLead] = Normalized(lead);
  v[kNames] = Normalized(names);
  v[kNumbers] = Normalized(numbers);
  return v;
}

ChannelVectors ArticleVectors(const Article& article) {
  ArticleTermLists lists = ListArticleTerms(article);
  return ArticleVectors(article, ArticleTerms(lists), lists);
}

double Similarity(const TermVector& article, const TermVector& centroid,
                  const std::function<double(const std::string&)>& idf) {
  double dot = 0, na = 0, nc = 0;
  auto ci = centroid.begin();
  for (const auto& [term, w] : article) {
    double i = idf(term);
    double a = w * i;
    na += a * a;
    while (ci != centroid.end() && ci->first < term) ++ci;
    if (ci != centroid.end() && ci->first == term) dot += a * ci->second * i;
  }
  if (dot <= 0) return 0;
  for (const auto& [term, w] : centroid) {
    double c = w * idf(term);
    nc += c * c;
  }
  if (na <= 0 || nc <= 0) return 0;
  return dot / (std::sqrt(na) * std::sqrt(nc));
}

double StorySimilarity(
    const ChannelVectors& article, const ChannelVectors& story,
    const std::array<std::function<double(const std::string&)>, kChannelCount>& idf) {
  double score = 0, weights = 0;
  for (int c = 0; c < kChannelCount; ++c) {
    if (article[c].empty()) continue;  // no names or numbers: no evidence either way
    weights += kChannelWeights[c];
    score += kChannelWeights[c] * Similarity(article[c], story[c], idf[c]);
  }
  return weights > 0 ? score / weights : 0;
}

void AdjustCentroid(TermVector& centroid, const TermVector& article, double sign,
                    std::size_t max_terms) {
  TermVector merged;
  merged.reserve(centroid.size() + article.size());
  auto keep = [&](std::string term, double w) {
    if (w > 1e-9) merged.emplace_back(std::move(term), w);
  };
  auto ci = centroid.begin();
  for (const auto& [term, w] : article) {
    for (; ci != centroid.end() && ci->first < term; ++ci) keep(std::move(ci->first), ci->second);
    if (ci != centroid.end() && ci->first == term) {
      keep(std::move(ci->first), ci->second + sign * w);
      ++ci;
    } else {
      keep(term, sign * w);
    }
  }
  for (; ci != centroid.end(); ++ci) keep(std::move(ci->first), ci->second);
  if (merged.size() > max_terms) {
    // Keeps the heaviest (by weight, then the earlier term), in term order.
    std::vector<std::pair<double, std::size_t>> by_weight;
    by_weight.reserve(merged.size());
    for (std::size_t i = 0; i < merged.size(); ++i) by_weight.emplace_back(merged[i].second, i);
    auto heavier = [&](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    };
    std::nth_element(by_weight.begin(), by_weight.begin() + static_cast<long>(max_terms),
                     by_weight.end(), heavier);
    std::vector<bool> kept(merged.size());
    for (std::size_t i = 0; i < max_terms; ++i) kept[by_weight[i].second] = true;
    std::size_t out = 0;
    for (std::size_t i = 0; i < merged.size(); ++i) {
      if (!kept[i]) continue;
      if (out != i) merged[out] = std::move(merged[i]);
      ++out;
    }
    merged.resize(max_terms);
  }
  centroid = std::move(merged);
}

void AdjustCentroids(ChannelVectors& centroids, const ChannelVectors& article, double sign) {
  for (int c = 0; c < kChannelCount; ++c) {
    AdjustCentroid(centroids[c], article[c], sign, kCentroidTerms[c]);
  }
}

double Cosine(const TermVector& a, const TermVector& b) {
  double dot = 0, na = 0, nb = 0;
  auto bi = b.begin();
  for (const auto& [term, w] : a) {
    na += w * w;
    while (bi != b.end() && bi->first < term) ++bi;
    if (bi != b.end() && bi->first == term) dot += w * bi->second;
  }
  for (const auto& [term, w] : b) nb += w * w;
  return na > 0 && nb > 0 ? dot / (std::sqrt(na) * std::sqrt(nb)) : 0;
}

std::vector<std::string> StoryIndexKeys(const ChannelVectors& centroids) {
  std::vector<std::string> keys;
  for (auto& [w, term] : Heaviest(centroids[kWords], kStoryWordKeys)) keys.push_back("w:" + *term);
  for (auto& [w, name] : Heaviest(centroids[kNames], kStoryNameKeys)) keys.push_back("n:" + *name);
  std::sort(keys.begin(), keys.end());
  return keys;
}

std::vector<std::string> ArticleQueryKeys(const WeightedArticle& article,
                                          const ScoredTerms& names) {
  // The `n` heaviest terms of a channel, as Heaviest.
  auto heaviest = [](const ScoredTerms& terms, std::size_t n) {
    Weighted by_weight;
    by_weight.reserve(terms.size());
    for (const auto& [stats, w] : terms) by_weight.emplace_back(w, stats->term);
    KeepHeaviest(by_weight, n);
    return by_weight;
  };
  std::vector<std::string> keys;
  for (auto& [w, term] : heaviest(article.channels[kWords], kArticleWordKeys))
    keys.push_back("w:" + *term);
  for (auto& [w, term] : heaviest(article.channels[kLead], kArticleLeadKeys)) {
    if (std::find(keys.begin(), keys.end(), "w:" + *term) == keys.end())
      keys.push_back("w:" + *term);
  }
  for (auto& [w, name] : heaviest(names, kArticleNameKeys)) keys.push_back("n:" + *name);
  return keys;
}

double TimeDecay(std::int64_t gap, std::int64_t window) {
  constexpr std::int64_t kDay = 86400;
  if (gap <= kDay || window <= kDay) return 1.0;
  double beyond =
      static_cast<double>(std::min(gap, window) - kDay) / static_cast<double>(window - kDay);
  return 1.0 - 0.3 * beyond;
}

double InverseDocumentFrequency(std::uint64_t docs, std::uint64_t df) {
  return std::log((static_cast<double>(docs) + 1.0) / (static_cast<double>(df) + 1.0)) + 1.0;
}

void TermStats::SetDocFreq(std::uint64_t n) {
  df = n;
  log_df = std::log(static_cast<double>(n) + 1.0);
}

double TermStats::Idf(double log_docs) const {
  if (!name) return log_docs - log_df + 1.0;
  double v = 1.0;
  for (const TermStats* w : words) v = std::max(v, w->Idf(log_docs));
  return v;
}

void SortForScoring(ScoredTerms& terms) {
  std::sort(terms.begin(), terms.end(), [](const auto& a, const auto& b) {
    return std::less<const TermStats*>()(a.first, b.first);
  });
}

WeightedArticle WeighArticle(const ScoredChannels& article, double log_docs) {
  WeightedArticle w;
  for (int c = 0; c < kChannelCount; ++c) {
    w.channels[c].reserve(article[c].size());
    double norm = 0;
    for (const auto& [stats, tf] : article[c]) {
      double a = tf * stats->Idf(log_docs);
      w.channels[c].emplace_back(stats, a);
      norm += a * a;
    }
    w.norms[c] = std::sqrt(norm);
  }
  return w;
}

double ScoredStorySimilarity(const WeightedArticle& article, const ScoredChannels& story,
                             double log_docs) {
  double score = 0, weights = 0;
  const std::less<const TermStats*> before;
  for (int c = 0; c < kChannelCount; ++c) {
    const ScoredTerms& a = article.channels[c];
    if (a.empty()) continue;  // no names or numbers: no evidence either way
    weights += kChannelWeights[c];
    double dot = 0, norm = 0;
    auto ai = a.begin();
    for (const auto& [stats, w] : story[c]) {
      double cw = w * stats->Idf(log_docs);
      norm += cw * cw;
      while (ai != a.end() && before(ai->first, stats)) ++ai;
      if (ai != a.end() && ai->first == stats) dot += ai->second * cw;
    }
    if (dot > 0 && article.norms[c] > 0 && norm > 0) {
      score += kChannelWeights[c] * dot / (article.norms[c] * std::sqrt(norm));
    }
  }
  return weights > 0 ? score / weights : 0;
}

bool AllCapitals(std::string_view title) {
  const auto* s = reinterpret_cast<const uint8_t*>(title.data());
  int32_t len = static_cast<int32_t>(std::min<std::size_t>(title.size(), INT32_MAX));
  int32_t i = 0;
  bool letters = false;
  while (i < len) {
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c < 0) continue;
    if (u_islower(c)) return false;
    letters = letters || u_isalpha(c);
  }
  return letters;
}

}  // namespace newsdesk::store_internal
