// Private to store/: the full-text index (`terms`) and search over it.
//
// A posting is one term of one article. Postings are kept in blocks, one
// RocksDB entry per term, time bucket and run of article ids, so that a
// search reads a common word's postings a block at a time instead of one
// RocksDB step each (bench/search.sh: at 1M articles a three-word query
// took 25 steps per candidate). A block's key is the term, '\0', the
// bucket of the article's time (its inverted time, UINT64_MAX - the time
// with its sign bit flipped, shifted right by kBucketShift: about 4.6
// hours) and the run of its inverted id (UINT64_MAX - id, shifted right by
// kIdRunShift: 1,024 ids), both big-endian. Every term's postings thus sort
// in the same order, newest bucket first and by id within one, so that a
// search can seek in one term's postings to an article another proposes,
// and a time range is a key range (refined posting by posting at its ends).
//
// A block's value is its postings in that order, each: 'P', the inverted
// id (u64, big-endian), the inverted time's low kBucketShift bits
// (varint), the payload's length (varint) and the payload. A word term's
// payload (Terms() of title and text) is what ranking needs without reading
// the article: varints of the article's indexed length, the term's count in
// the title and in the text, then its positions as deltas: the title's
// terms are at 0, 1, …, the text's follow after a gap of one, so that no
// phrase spans both. Facet terms find articles by outlet and by entity;
// their payload is empty. Word terms hold only letters, digits and marks,
// so a facet term, which starts with a control byte, is never a word.
//
// A Commit never reads a block: it merges into it (PostingsMergeOperator,
// registered on the column family) a put of the article's posting or a
// delete ('D' and the inverted id) of one it no longer has; RocksDB applies
// them when it compacts or reads. A block whose postings were all deleted
// stays, empty; a search passes over it.
//
// WriteSearchIndex puts one Commit's changes into the article's WriteBatch;
// SearchArticles and VerifySearchIndex only read.
#ifndef NEWSDESK_STORE_SEARCH_INDEX_H_
#define NEWSDESK_STORE_SEARCH_INDEX_H_

#include <rocksdb/db.h>
#include <rocksdb/merge_operator.h>
#include <rocksdb/write_batch.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "store/records.h"

namespace newsdesk::store_internal {

struct SearchColumns {
  rocksdb::DB* db = nullptr;
  rocksdb::ColumnFamilyHandle* terms = nullptr;     // block key → block of postings
  rocksdb::ColumnFamilyHandle* articles = nullptr;  // article id → ArticleRecord (for snippets)
  rocksdb::ColumnFamilyHandle* meta = nullptr;      // the counters below
  rocksdb::ColumnFamilyHandle* doc_freq = nullptr;  // word term → articles that use it
  rocksdb::ColumnFamilyHandle* outlets = nullptr;   // outlet → articles
  rocksdb::ColumnFamilyHandle* entities = nullptr;  // entity id → EntityRecord
  const char* article_count_key = nullptr;          // in meta: stored articles (u64)
  std::string dir;                                  // for messages
  // In the writer: the articles that use a word among those whose counts
  // are not in `doc_freq` yet (StoreOptions::doc_freq_batch). Empty in a
  // reader, whose weights are up to that many articles late.
  std::function<std::int64_t(const std::string&)> pending_doc_freq;
  // Whether doc_freq (with pending_doc_freq) counts every article: a
  // capped one-word search's total is exact only then.
  bool doc_freq_complete = true;
};

// In meta: the sum of every stored article's indexed length (u64), for
// BM25's average length.
inline constexpr const char* kIndexedLengthKey = "indexed_length_total";

// BM25 with the title as a second field: a term's frequency is its count in
// the title times kTitleWeight plus its count in the text, and an article's
// length is its title terms times kTitleWeight plus its text terms.
inline constexpr double kBm25K1 = 1.2;
inline constexpr double kBm25B = 0.75;

// Time buckets of 2^14 seconds, runs of 2^10 article ids.
inline constexpr int kBucketShift = 14;
inline constexpr int kIdRunShift = 10;

// The key of the block that holds the posting of `term` for article `id` at
// `time`.
std::string BlockKey(std::string_view term, UnixSeconds time, ArticleId id);

// Merges the puts and deletes a Commit writes into blocks; the terms column
// family must be opened with it, by writers and readers.
std::shared_ptr<rocksdb::MergeOperator> PostingsMergeOperator();

// The facet terms of an article's outlet and of an entity it names.
std::string OutletTerm(std::string_view outlet);
std::string EntityTerm(EntityId entity);

// What one version of an article puts into the index.
struct ArticleIndex {
  ArticleId id = 0;
  UnixSeconds time = 0;                         // the article's Time()
  std::map<std::string, std::string> postings;  // term → payload
  std::uint64_t length = 0;                     // its indexed length
};
// `lists` is ListArticleTerms of its article; the shorter form lists them.
ArticleIndex IndexArticle(const ArticleRecord& r, const ArticleTermLists& lists);
ArticleIndex IndexArticle(const ArticleRecord& r);

// Adds to `batch` what replacing `old` (null for a new article) by `now`
// changes in the index: the postings only the old version had are deleted,
// the new or changed ones put, and the length total adjusted. `now_terms`
// is ListArticleTerms of now's article. Fails when the length total cannot
// be read (then `batch` is unchanged) or the batch takes no more.
Status WriteSearchIndex(const SearchColumns& c, const ArticleRecord* old, const ArticleRecord& now,
                        const ArticleTermLists& now_terms, rocksdb::WriteBatch& batch);

// Store::Search (store/store.h), on one snapshot of the database.
Result<SearchResults> SearchArticles(const SearchColumns& c, const SearchQuery& query);

// Checks the index against the article records both ways, and the length
// total; calls `problem` for every violation. `articles` names every
// readable article (its records may lack their text: each is read again
// from the `articles` family when its postings are recounted).
Status VerifySearchIndex(const SearchColumns& c, const std::map<ArticleId, ArticleRecord>& articles,
                         const std::function<void(std::string)>& problem);

}  // namespace newsdesk::store_internal

#endif  // NEWSDESK_STORE_SEARCH_INDEX_H_
