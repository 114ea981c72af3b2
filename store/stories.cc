#include "store/stories.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>

namespace newsdesk::store_internal {
namespace {

TermVector Normalized(const std::map<std::string, double>& counts) {
  TermVector v;
  double norm = 0;
  for (const auto& [term, count] : counts) {
    double w = 1.0 + std::log(std::max(count, 1.0));
    v.emplace(term, w);
    norm += w * w;
  }
  if (norm > 0) {
    double inv = 1.0 / std::sqrt(norm);
    for (auto& [term, w] : v) w *= inv;
  }
  return v;
}

bool HasDigit(const std::string& term) {
  return std::any_of(term.begin(), term.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The `n` heaviest terms of a vector, heaviest first (ties by term).
std::vector<std::pair<double, std::string>> Heaviest(
    const TermVector& v, std::size_t n, const std::function<double(const std::string&)>& scale) {
  std::vector<std::pair<double, std::string>> by_weight;
  by_weight.reserve(v.size());
  for (const auto& [term, w] : v) by_weight.emplace_back(scale ? w * scale(term) : w, term);
  auto heavier = [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  };
  if (by_weight.size() > n) {
    std::nth_element(by_weight.begin(), by_weight.begin() + static_cast<long>(n), by_weight.end(),
                     heavier);
    by_weight.resize(n);
  }
  std::sort(by_weight.begin(), by_weight.end(), heavier);
  return by_weight;
}

// Keys per channel: words and names find candidate stories; the lead and
// numbers only score them.
constexpr std::size_t kStoryWordKeys = 12, kStoryNameKeys = 6;
constexpr std::size_t kArticleWordKeys = 8, kArticleLeadKeys = 6, kArticleNameKeys = 6;

}  // namespace

TermVector NormalizedTf(const std::vector<TermCount>& terms) {
  std::map<std::string, double> counts;
  for (const TermCount& t : terms) counts.emplace(t.term, t.count);
  return Normalized(counts);
}

ChannelVectors ArticleVectors(const Article& article, const std::vector<TermCount>& terms) {
  ChannelVectors v;
  v[kWords] = NormalizedTf(terms);
  std::map<std::string, double> lead, names, numbers;
  for (const std::string& t : Terms(article.title)) lead[t] += kTitleWeight;
  std::vector<std::string> body = Terms(article.text);
  for (std::size_t i = 0; i < body.size() && i < kLeadTerms; ++i) lead[body[i]] += 1;
  for (const TermCount& t : terms) {
    if (HasDigit(t.term)) numbers[t.term] += t.count;
  }
  for (const DocumentEntity& e : article.entities.entities) {
    std::string key = NormalizeEntityName(e.name, e.type);
    if (!key.empty()) names[key] += std::max<std::uint32_t>(e.mention_count, 1);
  }
  v[kLead] = Normalized(lead);
  v[kNames] = Normalized(names);
  v[kNumbers] = Normalized(numbers);
  return v;
}

double Similarity(const TermVector& article, const TermVector& centroid,
                  const std::function<double(const std::string&)>& idf) {
  double dot = 0, na = 0, nc = 0;
  for (const auto& [term, w] : article) {
    double i = idf(term);
    double a = w * i;
    na += a * a;
    auto it = centroid.find(term);
    if (it != centroid.end()) dot += a * it->second * i;
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
  for (const auto& [term, w] : article) {
    double& c = centroid[term];
    c += sign * w;
    if (c <= 1e-9) centroid.erase(term);
  }
  if (centroid.size() <= max_terms) return;
  TermVector kept;
  for (auto& [w, term] : Heaviest(centroid, max_terms, nullptr)) kept.emplace(term, w);
  centroid = std::move(kept);
}

void AdjustCentroids(ChannelVectors& centroids, const ChannelVectors& article, double sign) {
  for (int c = 0; c < kChannelCount; ++c) {
    AdjustCentroid(centroids[c], article[c], sign, kCentroidTerms[c]);
  }
}

double Cosine(const TermVector& a, const TermVector& b) {
  double dot = 0, na = 0, nb = 0;
  for (const auto& [term, w] : a) {
    na += w * w;
    auto it = b.find(term);
    if (it != b.end()) dot += w * it->second;
  }
  for (const auto& [term, w] : b) nb += w * w;
  return na > 0 && nb > 0 ? dot / (std::sqrt(na) * std::sqrt(nb)) : 0;
}

std::vector<std::string> StoryIndexKeys(const ChannelVectors& centroids) {
  std::vector<std::string> keys;
  for (auto& [w, term] : Heaviest(centroids[kWords], kStoryWordKeys, nullptr))
    keys.push_back("w:" + term);
  for (auto& [w, name] : Heaviest(centroids[kNames], kStoryNameKeys, nullptr))
    keys.push_back("n:" + name);
  std::sort(keys.begin(), keys.end());
  return keys;
}

std::vector<std::string> ArticleQueryKeys(const ChannelVectors& article,
                                          const std::function<double(const std::string&)>& idf) {
  std::vector<std::string> keys;
  for (auto& [w, term] : Heaviest(article[kWords], kArticleWordKeys, idf))
    keys.push_back("w:" + term);
  for (auto& [w, term] : Heaviest(article[kLead], kArticleLeadKeys, idf)) {
    if (std::find(keys.begin(), keys.end(), "w:" + term) == keys.end()) keys.push_back("w:" + term);
  }
  for (auto& [w, name] : Heaviest(article[kNames], kArticleNameKeys, nullptr))
    keys.push_back("n:" + name);
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
