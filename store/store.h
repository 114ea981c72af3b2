// store: the knowledge base on RocksDB.
//
// A Store owns one open RocksDB database. It keeps articles, the indexes that
// find them (canonical URL, content fingerprint), and the stories they are
// linked into. Every article is committed in one WriteBatch together with all
// of its index entries and its story membership, so a crash never leaves half
// an article.
//
// One process writes at a time: OpenForWrite fails with kBusy while another
// holds the database. Any number of readers may OpenForRead at the same time,
// also while a writer is running; a reader sees the database as it was when
// it opened. A Store is thread-safe: Commit calls are serialized internally
// and reads may run concurrently with them.
#ifndef NEWSDESK_STORE_STORE_H_
#define NEWSDESK_STORE_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "extract/extract.h"

namespace newsdesk {

using ArticleId = std::uint64_t;
using StoryId = std::uint64_t;

// The schema this build reads and writes. A database of another version is
// refused with kSchemaMismatch.
inline constexpr int kSchemaVersion = 2;

struct StoreOptions {
  // Articles join a story only when their time (published, else modified,
  // else ingested) is within this many seconds of the story's span.
  // Default: 7 days.
  UnixSeconds story_window = 7 * 86400;
  // Minimum TF-IDF cosine similarity between an article and a story's
  // centroid for the article to join the story. Default: 0.25.
  double story_threshold = 0.25;
  // Terms kept in a story's centroid, the heaviest first. Default: 300.
  std::size_t story_centroid_terms = 300;
  // The clock that stamps ingestion times. Default: the system clock.
  std::function<UnixSeconds()> now;
};

struct StoredArticle {
  ArticleId id = 0;
  Article article;
  std::uint64_t fingerprint = 0;
  StoryId story = 0;
  UnixSeconds ingested_at = 0;
  // The time the article is placed at: published, else modified, else ingested.
  UnixSeconds Time() const;
};

struct StorySummary {
  StoryId id = 0;
  std::string title;  // the headline of its earliest article
  UnixSeconds first_seen = 0;
  UnixSeconds last_seen = 0;
  std::vector<std::string> outlets;  // distinct outlets, alphabetical
  std::size_t article_count = 0;
  // "verified by N sources": N distinct outlets.
  std::size_t sources() const { return outlets.size(); }
};

struct StoryDetail {
  StorySummary summary;
  std::vector<StoredArticle> articles;  // oldest first
};

enum class CommitKind {
  kNew,        // a new article was stored
  kUpdated,    // an article of the same canonical URL was replaced
  kDuplicate,  // the same content from the same outlet is stored already: nothing changed
  kStale,  // an older version of a stored article (by modified, else published): nothing changed
};

struct CommitOutcome {
  CommitKind kind = CommitKind::kNew;
  ArticleId article = 0;  // the stored article (for kDuplicate: the existing one)
  StoryId story = 0;
};

struct StoryQuery {
  std::optional<UnixSeconds> since;  // stories seen at or after this time
  std::size_t min_sources = 0;       // at least this many distinct outlets
  std::size_t limit = 0;             // 0: all
};

// What newsdesk knows of one source (a feed, sitemap or page URL) from its
// fetches.
struct SourceState {
  std::string url;
  std::string kind;  // "feed", "sitemap", "page", or "" before the first fetch
  std::string title;
  std::vector<std::string> tags;    // from OPML outlines
  std::string etag, last_modified;  // validators for the next conditional GET
  std::optional<UnixSeconds> last_fetch, last_success;
  long last_status = 0;    // HTTP status of the last fetch; 0: none
  std::string last_error;  // empty after a success
  std::uint64_t fetches = 0, failures = 0;
  std::uint64_t articles_found = 0;        // new articles stored from it, all runs
  std::vector<std::string> recent_errors;  // newest first, at most kRecentErrors
  static constexpr std::size_t kRecentErrors = 5;
};

// A URL found (in a feed or sitemap) but not stored yet. The frontier lives
// in the database so that a run killed halfway is finished by the next one.
struct FrontierItem {
  std::string url;
  std::string source;  // the source URL it was found in
  UnixSeconds discovered_at = 0;
  // What the feed itself said of the article: stored, marked as feed
  // content, when the page cannot be fetched or read.
  std::optional<Article> feed_article;
};

struct StoreStats {
  std::uint64_t articles = 0;
  std::uint64_t stories = 0;
  std::uint64_t outlets = 0;
  std::uint64_t multi_source_stories = 0;  // stories with two or more outlets
  std::uint64_t bytes_on_disk = 0;
};

class Store {
 public:
  // Opens or creates the database in `dir` for writing. Fails with kBusy
  // when another process writes to it, kSchemaMismatch for another schema
  // version, kCorruption when RocksDB finds it damaged, kInvalidInput when
  // `dir` holds something that is not a newsdesk database. On failure
  // nothing in `dir` is changed.
  static Result<std::unique_ptr<Store>> OpenForWrite(const std::string& dir,
                                                     StoreOptions options = {});
  // Opens an existing database read-only. Fails with kNotFound when there is
  // none, and like OpenForWrite otherwise (never with kBusy).
  static Result<std::unique_ptr<Store>> OpenForRead(const std::string& dir);

  ~Store();
  // A Store owns a database handle and its lock.
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Stores an article with its indexes and story membership in one atomic
  // write. The article needs a canonical_url, title and text.
  //
  // An article is known by its canonical URL within its outlet. Same outlet
  // and content as a stored article: kDuplicate, nothing written. Same
  // outlet and canonical URL, other content: kUpdated, the old version and
  // every index entry of it replaced, the id kept (kStale, nothing written,
  // when the new version is older than the stored one). A canonical URL
  // held by another outlet's article (a syndicated copy, a CMS that points
  // every page at its home page) does not make an update: the article is
  // stored as its own, known by the URL it was read from. The URL an
  // article was read from, when it differs, finds it too unless another
  // article had it first. On failure nothing is written.
  Result<CommitOutcome> Commit(const Article& article);

  // nullopt when there is no such article.
  Result<std::optional<StoredArticle>> GetArticle(ArticleId id) const;
  // The article stored under a canonical URL, else the one first read from
  // that URL (normalized first).
  Result<std::optional<ArticleId>> FindArticleByUrl(std::string_view url) const;

  // Stories, most outlets first, then most articles, then most recent.
  Result<std::vector<StorySummary>> ListStories(const StoryQuery& query) const;
  // nullopt when there is no such story.
  Result<std::optional<StoryDetail>> GetStory(StoryId id) const;

  Result<StoreStats> Stats() const;

  // Checks every invariant between records and indexes (index entries point
  // to existing articles and back, counters equal recounts, story records
  // equal their members). Returns the violations found, empty when all hold.
  // Reads the whole database: for `newsdesk check` and tests, not hot paths.
  Result<std::vector<std::string>> Verify() const;

  // Commit, removing `frontier_url` from the frontier in the same write.
  Result<CommitOutcome> CommitFromFrontier(const Article& article, const std::string& frontier_url);

  // Sources. PutSource replaces the state of source.url.
  Status PutSource(const SourceState& source);
  Result<std::optional<SourceState>> GetSource(const std::string& url) const;
  Result<std::vector<SourceState>> ListSources() const;  // by URL

  // The frontier. AddToFrontier writes all items in one batch (an item whose
  // URL is in the frontier already is replaced). RemoveFromFrontier of an
  // absent URL succeeds.
  Status AddToFrontier(const std::vector<FrontierItem>& items);
  Status RemoveFromFrontier(const std::string& url);
  Result<std::vector<FrontierItem>> Frontier() const;  // by URL
  Result<bool> InFrontier(const std::string& url) const;

  const std::string& dir() const;

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsdesk

#endif  // NEWSDESK_STORE_STORE_H_
