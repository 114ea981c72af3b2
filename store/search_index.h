// Private to store/: the full-text index (`terms`) and search over it.
//
// A posting is one term of one article. Its key is the term, '\0', then the
// article's time and id, both inverted (UINT64_MAX - x, the time's sign bit
// flipped first) and big-endian: every term's postings sort newest article
// first, in the same order, so that a search can seek in one term's
// postings to an article another proposes, and a time range is a key range.
// Word terms (Terms() of title and text) carry in their value what ranking
// needs without reading the article: varints of the article's indexed
// length, the term's count in the title and in the text, then its positions
// as deltas: the title's terms are at 0, 1, …, the text's follow after a gap
// of one, so that no phrase spans both. Facet terms find articles by outlet
// and by entity; their value is empty. Word terms hold only letters, digits
// and marks, so a facet term, which starts with a control byte, is never a
// word.
//
// WriteSearchIndex puts one Commit's changes into the article's WriteBatch;
// SearchArticles and VerifySearchIndex only read.
#ifndef NEWSDESK_STORE_SEARCH_INDEX_H_
#define NEWSDESK_STORE_SEARCH_INDEX_H_

#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "store/records.h"

namespace newsdesk::store_internal {

struct SearchColumns {
  rocksdb::DB* db = nullptr;
  rocksdb::ColumnFamilyHandle* terms = nullptr;     // PostingKey → posting value
  rocksdb::ColumnFamilyHandle* articles = nullptr;  // article id → ArticleRecord (for snippets)
  rocksdb::ColumnFamilyHandle* meta = nullptr;      // the counters below
  rocksdb::ColumnFamilyHandle* doc_freq = nullptr;  // word term → articles that use it
  rocksdb::ColumnFamilyHandle* outlets = nullptr;   // outlet → articles
  rocksdb::ColumnFamilyHandle* entities = nullptr;  // entity id → EntityRecord
  const char* article_count_key = nullptr;          // in meta: stored articles (u64)
  std::string dir;                                  // for messages
};

// In meta: the sum of every stored article's indexed length (u64), for
// BM25's average length.
inline constexpr const char* kIndexedLengthKey = "indexed_length_total";

// BM25 with the title as a second field: a term's frequency is its count in
// the title times kTitleWeight plus its count in the text, and an article's
// length is its title terms times kTitleWeight plus its text terms.
inline constexpr double kBm25K1 = 1.2;
inline constexpr double kBm25B = 0.75;

std::string PostingKey(std::string_view term, UnixSeconds time, ArticleId id);
// The facet terms of an article's outlet and of an entity it names.
std::string OutletTerm(std::string_view outlet);
std::string EntityTerm(EntityId entity);

// What one version of an article puts into the index.
struct ArticleIndex {
  std::map<std::string, std::string> postings;  // PostingKey → value
  std::uint64_t length = 0;                     // its indexed length
};
ArticleIndex IndexArticle(const ArticleRecord& r);

// Adds to `batch` what replacing `old` (null for a new article) by `now`
// changes in the index: the postings only the old version had are deleted,
// the new or changed ones put, and the length total adjusted. Fails only
// when the length total cannot be read; then `batch` is unchanged.
Status WriteSearchIndex(const SearchColumns& c, const ArticleRecord* old, const ArticleRecord& now,
                        rocksdb::WriteBatch& batch);

// Store::Search (store/store.h), on one snapshot of the database.
Result<SearchResults> SearchArticles(const SearchColumns& c, const SearchQuery& query);

// Checks the index against `articles` (every article record) both ways,
// and the length total; calls `problem` for every violation.
Status VerifySearchIndex(const SearchColumns& c, const std::map<ArticleId, ArticleRecord>& articles,
                         const std::function<void(std::string)>& problem);

}  // namespace newsdesk::store_internal

#endif  // NEWSDESK_STORE_SEARCH_INDEX_H_
