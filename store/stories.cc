#include "store/stories.h"

#include <algorithm>
#include <cmath>

namespace newsdesk::store_internal {

TermVector NormalizedTf(const std::vector<TermCount>& terms) {
  TermVector v;
  double norm = 0;
  for (const TermCount& t : terms) {
    double w = 1.0 + std::log(static_cast<double>(std::max<std::uint32_t>(t.count, 1)));
    v[t.term] = w;
    norm += w * w;
  }
  if (norm > 0) {
    double inv = 1.0 / std::sqrt(norm);
    for (auto& [term, w] : v) w *= inv;
  }
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
  for (const auto& [term, w] : centroid) {
    double c = w * idf(term);
    nc += c * c;
  }
  if (na <= 0 || nc <= 0) return 0;
  return dot / (std::sqrt(na) * std::sqrt(nc));
}

void AdjustCentroid(TermVector& centroid, const TermVector& article, double sign,
                    std::size_t max_terms) {
  for (const auto& [term, w] : article) {
    double& c = centroid[term];
    c += sign * w;
    if (c <= 1e-9) centroid.erase(term);
  }
  if (centroid.size() <= max_terms) return;
  std::vector<std::pair<double, std::string>> by_weight;
  by_weight.reserve(centroid.size());
  for (const auto& [term, w] : centroid) by_weight.emplace_back(w, term);
  std::nth_element(by_weight.begin(), by_weight.begin() + static_cast<long>(max_terms),
                   by_weight.end(), [](const auto& a, const auto& b) {
                     return a.first != b.first ? a.first > b.first : a.second < b.second;
                   });
  TermVector kept;
  for (std::size_t i = 0; i < max_terms; ++i) kept.emplace(by_weight[i].second, by_weight[i].first);
  centroid = std::move(kept);
}

double InverseDocumentFrequency(std::uint64_t docs, std::uint64_t df) {
  return std::log((static_cast<double>(docs) + 1.0) / (static_cast<double>(df) + 1.0)) + 1.0;
}

}  // namespace newsdesk::store_internal
