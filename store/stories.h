// Private to store/: the arithmetic of story assignment (v1).
//
// An article is a vector of log-scaled term frequencies, normalized to unit
// length; a story's centroid is the sum of its articles' vectors. Both are
// weighted by inverse document frequency when compared, so that words every
// article uses count for little.
#ifndef NEWSDESK_STORE_STORIES_H_
#define NEWSDESK_STORE_STORIES_H_

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "store/records.h"

namespace newsdesk::store_internal {

using TermVector = std::map<std::string, double>;

// (1 + ln count) per term, scaled to unit length.
TermVector NormalizedTf(const std::vector<TermCount>& terms);

// Cosine similarity of an article and a centroid after weighting both by
// idf(term).
double Similarity(const TermVector& article, const TermVector& centroid,
                  const std::function<double(const std::string&)>& idf);

// Adds (sign +1) or removes (sign -1) an article's vector, then keeps the
// `max_terms` heaviest terms.
void AdjustCentroid(TermVector& centroid, const TermVector& article, double sign,
                    std::size_t max_terms);

// Smoothed inverse document frequency: ln((docs + 1) / (df + 1)) + 1.
double InverseDocumentFrequency(std::uint64_t docs, std::uint64_t df);

}  // namespace newsdesk::store_internal

#endif  // NEWSDESK_STORE_STORIES_H_
