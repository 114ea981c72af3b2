// store: the knowledge base on RocksDB.
//
// A Store owns one open RocksDB database. It keeps articles, the indexes that
// find them (canonical URL, content fingerprint, the words of their title
// and text), the stories they are linked into, and the entities they name,
// resolved across articles into canonical entities with all their names.
// Every article is committed in one WriteBatch together with all of its
// index entries, its story membership and its entity links, so a crash
// never leaves half an article.
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
#include <string_view>
#include <vector>

#include "base/status.h"
#include "extract/extract.h"

namespace newsdesk {

using ArticleId = std::uint64_t;
using StoryId = std::uint64_t;
using EntityId = std::uint64_t;

// The schema this build reads and writes. A database of another version is
// refused with kSchemaMismatch.
inline constexpr int kSchemaVersion = 9;

struct StoreOptions {
  // Articles join a story only when their time (published, else modified,
  // else ingested) is within this many seconds of the story's span.
  // Default: 7 days.
  UnixSeconds story_window = 7 * 86400;
  // Minimum similarity between an article and a story for the article to
  // join the story: the weighted mean of TF-IDF cosines over words, lead,
  // entity names and numbers (store/README.md). Default: 0.25.
  double story_threshold = 0.25;
  // Two stories an article is similar to (both at story_threshold or more)
  // merge when their own similarity reaches this. Default: 0.5.
  double story_merge_threshold = 0.5;
  // Two texts whose SimHashes (TextSimhash) differ in at most this many of
  // their 64 bits are copies of one text (syndication): together they are
  // one origin. Default: 3.
  int near_duplicate_bits = 3;
  // The writer keeps the document frequencies of the words and entity
  // names it has weighed in memory, and starts over once it holds more
  // than this many (about 100 bytes each), so that a long run's memory
  // does not grow with its vocabulary. Stories come out the same with any
  // size; a smaller one reads more from the database. Default: 500,000.
  std::size_t writer_term_cache = 500'000;
  // The document frequencies of new articles (one count per distinct word
  // of each) are written to the database for this many articles at once,
  // and before an update and when the writer closes: a word common to
  // many of them is written once. Until then the writer counts them in;
  // other processes see them up to this many articles late (search
  // weights), and a writer that opens after a crash counts them again
  // from the articles. Default: 1,024.
  std::size_t doc_freq_batch = 1024;
  // The writer keeps story records, their centroids resolved for scoring
  // and the words of stories' headline articles it has read, in this many
  // bytes together (a half, a quarter, a quarter), dropping the least
  // recently used of each past its share. Default: 128 MiB.
  std::size_t writer_story_cache_bytes = 128u << 20;
  // What RocksDB holds in memory: one cache of blocks read from disk for
  // every column family, index and filter blocks included (searches want
  // the postings of frequent words in it), and the writes not yet flushed,
  // all families' memtables together. Both stay within these however large
  // the database grows. Defaults: 256 MiB and 128 MiB.
  std::size_t block_cache_bytes = 256u << 20;
  std::size_t memtable_bytes = 128u << 20;
  // Whether Store::Profile() adds up where commits spend their time. It
  // reads the thread's CPU clock 14 to 16 times a commit, a system call each
  // (about 2% of a commit), so only benchmarks ask for it. Default: off.
  bool profile_commits = false;
  // The clock that stamps ingestion times. Default: the system clock.
  std::function<UnixSeconds()> now;
};

// Where a writer's commits spent their time: CPU seconds of the committing
// thread, summed over the commits that wrote (new or updated articles) since
// the store was opened, the times only when StoreOptions::profile_commits asks
// for them (zero otherwise). For benchmarks (`story_eval`, bench/). The article's
// digest (DigestArticle) is not in it: Commit(article) computes it before.
struct CommitProfile {
  std::uint64_t commits = 0;
  double total = 0;     // the whole Commit calls
  double stories = 0;   // story assignment: vectors, candidates, similarity,
                        // headline, merges, story records and keys
  double entities = 0;  // entity linking
  double search = 0;    // search postings
  double write = 0;     // the RocksDB write
};

struct StoredArticle {
  ArticleId id = 0;
  Article article;
  std::uint64_t fingerprint = 0;
  StoryId story = 0;
  UnixSeconds ingested_at = 0;
  // Where its text comes from, when not from its outlet: for a syndicated
  // copy (a near-copy of an article stored before it), that article's
  // origin; else the upstream its text credits (ArticleFacts::credit).
  // Empty: its outlet's own report. Set at Commit, and kept when the
  // article it copies is updated later.
  std::string origin;
  // The time the article is placed at: published, else modified, else ingested.
  UnixSeconds Time() const;
  // Its origin, else its outlet.
  const std::string& Origin() const { return origin.empty() ? article.outlet : origin; }
};

// An entity as one story names it.
struct StoryEntity {
  EntityId id = 0;
  EntityType type = EntityType::kMisc;
  std::string name;
  std::uint64_t mentions = 0;  // in the story's articles
};

// Main entities listed per story.
inline constexpr std::size_t kStoryMainEntities = 5;

struct StorySummary {
  StoryId id = 0;
  // The most representative headline: that of the member whose words are
  // closest to the story's (a headline in capitals counts half).
  std::string title;
  UnixSeconds first_seen = 0;
  UnixSeconds last_seen = 0;
  std::vector<std::string> outlets;  // distinct outlets, alphabetical
  std::size_t article_count = 0;
  std::vector<StoryEntity> entities;  // its most mentioned entities, at most kStoryMainEntities
  // "verified by N sources": N distinct outlets.
  std::size_t sources() const { return outlets.size(); }
  // "M independent": distinct origins among its articles (StoredArticle::
  // Origin, compared as organisation names), so that a wire story and its
  // republications count once.
  std::size_t independent = 0;
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
  std::size_t min_independent = 0;   // at least this many distinct origins
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

// A name, ticker or outlet with how many articles use it.
struct NameCount {
  std::string name;
  std::uint64_t count = 0;
  bool operator==(const NameCount&) const = default;
};

// A canonical entity: the people, organisations, places, products and
// tickers that articles name, linked across articles at Commit. Every count
// is over the stored articles that name the entity.
struct EntitySummary {
  EntityId id = 0;
  EntityType type = EntityType::kMisc;
  std::string name;                // its most used name of two or more words, else its most used
  std::vector<NameCount> aliases;  // every name articles use for it (with `name`), most used first
  std::vector<NameCount> tickers;  // "NYSE:BABA" or "BABA", most used first
  std::vector<NameCount> outlets;  // most articles first
  std::uint64_t mentions = 0;      // mentions in all its articles
  std::uint64_t articles = 0;
  UnixSeconds first_seen = 0;  // the earliest and latest time of its articles
  UnixSeconds last_seen = 0;   // (published, else modified, else ingested)
};

struct EntityArticle {
  ArticleId id = 0;
  std::string title;
  std::string outlet;
  std::optional<UnixSeconds> published;
  UnixSeconds time = 0;        // StoredArticle::Time()
  std::uint64_t mentions = 0;  // of the entity in this article
};

struct CoMentionedEntity {
  EntityId id = 0;
  EntityType type = EntityType::kMisc;
  std::string name;
  std::uint64_t shared_articles = 0;
};

struct EntityDetail {
  EntitySummary summary;
  std::vector<EntityArticle> articles;          // newest first
  std::vector<CoMentionedEntity> co_mentioned;  // most shared articles first
  std::vector<StorySummary> stories;            // stories of its articles, latest first
};

struct EntityDetailOptions {
  // Articles listed, newest first. Default: 20. 0: all.
  std::size_t article_limit = 20;
  // Co-mentioned entities listed. Default: 10. 0: all.
  std::size_t co_mention_limit = 10;
  // Stories listed. Default: 20. 0: all.
  std::size_t story_limit = 20;
  // Co-mentions and stories are counted over at most this many of the
  // entity's newest articles, so that a very common entity stays quick.
  // Default: 2000.
  std::size_t max_articles_scanned = 2000;
};

struct EntityQuery {
  std::optional<EntityType> type;    // only entities of this type
  std::optional<UnixSeconds> since;  // only entities seen (last_seen) at or after this time
  std::size_t limit = 0;             // the top N by mentions; 0: all
};

// What a name finds: the entities that have it as a name (case, diacritics,
// punctuation and, for organisations, corporate suffixes ignored), else
// suggestions: entities with a name that starts with it or is a few edits
// away from it.
struct EntityLookup {
  std::vector<EntitySummary> matches;      // most mentions first
  std::vector<EntitySummary> suggestions;  // empty when there are matches; most mentions first
};

// One name that completes a prefix (type-ahead).
struct AliasCompletion {
  std::string alias;  // the name as articles write it (its most used spelling)
  EntityId entity = 0;
  EntityType type = EntityType::kMisc;
  std::string entity_name;
  std::uint64_t count = 0;  // articles that use this name for this entity
};

// A full-text search (store/README.md, "Search").
//
// `text` is words, "quoted phrases" and -excluded words. Every word and
// phrase must occur in the article's title or text (AND); a phrase's terms
// must be adjacent in the article's term stream, where stop words are not
// counted, so "bank of america" matches "Bank of America" and also "bank,
// America". A word that splits into several terms ("covid-19") is a
// phrase. -word and -"a phrase" leave out the articles that have them.
// Words are compared as terms (Terms(): case-folded, stemmed, stop words
// and one-letter words dropped).
struct SearchQuery {
  std::string text;
  std::optional<UnixSeconds> since;  // article time (StoredArticle::Time) at or after
  std::optional<UnixSeconds> until;  // article time at or before
  std::vector<std::string> outlets;  // any of these outlets (case and punctuation ignored)
  // Entity ids: the article names at least one entity of each group.
  std::vector<std::vector<EntityId>> entities;
  std::size_t offset = 0;  // hits skipped, best first
  std::size_t limit = 10;  // hits returned after `offset`; 0: only the total. Default: 10.

  // Limits. A longer query fails with kTooLarge. Defaults: 4,096 bytes, 32
  // distinct terms (excluded ones count).
  std::size_t max_query_bytes = 4096;
  std::size_t max_query_terms = 32;
  // Articles, newest first, that the search looks at among those in the
  // time range having the query's rarest word (or outlet or entity); when
  // more have it, the hits are the best of the newest this many (`complete`
  // false). Keeps a search of very common words fast: each candidate costs
  // about a microsecond per further word (bench/search.sh). Default: 5,000.
  std::size_t max_candidates = 5000;
  // The length a snippet aims at, and how much of an article's text is
  // looked through for it. Defaults: 200 bytes, 64 KiB.
  std::size_t snippet_bytes = 200;
  std::size_t max_snippet_scan_bytes = 64u << 10;
};

// Bytes [start, end) of a string.
struct TextSpan {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  bool operator==(const TextSpan&) const = default;
};

struct SearchHit {
  ArticleId id = 0;
  double score = 0;  // BM25; only comparable within one search
  std::string title;
  std::string outlet;
  std::string url;  // canonical
  std::optional<UnixSeconds> published;
  UnixSeconds time = 0;                   // StoredArticle::Time()
  std::vector<TextSpan> title_matches;    // words of the title that match the query
  std::string snippet;                    // a stretch of the text, "…" where cut
  std::vector<TextSpan> snippet_matches;  // words of the snippet that match the query
};

struct SearchResults {
  std::vector<std::string> terms;  // the terms searched for (not the excluded ones)
  std::vector<SearchHit> hits;     // best first
  // Articles that match. When max_candidates stopped the search, `total`
  // counts those found so far (total_exact false), except for a single
  // word without filters, whose total is the number of articles using it.
  std::uint64_t total = 0;
  bool total_exact = true;
  // False when max_candidates stopped the search: the hits are the best of
  // the newest articles looked at, not of all.
  bool complete = true;
};

struct StoreStats {
  std::uint64_t articles = 0;
  std::uint64_t stories = 0;
  std::uint64_t entities = 0;
  std::uint64_t outlets = 0;
  std::uint64_t multi_source_stories = 0;  // stories with two or more outlets
  std::uint64_t bytes_on_disk = 0;
};

using FactId = std::uint64_t;

// One article's support for a fact: where it says it, and where the claim
// really comes from.
struct FactEvidence {
  ArticleId article = 0;
  std::string outlet;
  std::string url;
  UnixSeconds time = 0;  // StoredArticle::Time()
  std::string evidence;  // the sentence
  // Who the claim comes from: the upstream or speaker the sentence names
  // ("Reuters", "the company" → its name); for a copy of another stored
  // article's text (syndication), the outlet of the first copy; else the
  // outlet itself.
  std::string origin;
  // "according_to", "reported_by", "said", "statement", "memo", "quote"
  // (as the sentence gave it), "syndicated", or "own".
  std::string origin_kind;
  bool negated = false;
  bool hedged = false;
  std::optional<std::string> date;  // the event date the sentence gives, YYYY-MM-DD
  // The quantity it gives: "10-20 times cheaper", "3 ordinal", "40 %".
  std::optional<std::string> quantity;
  std::optional<int> declared_sources;  // what the article says of its own sourcing
};

// Two or more values a fact's articles give for one thing.
struct FactDispute {
  std::string what;                                           // "date" or "quantity"
  std::vector<std::pair<std::string, std::uint64_t>> values;  // value → articles, most first
};

struct FactSummary {
  FactId id = 0;
  std::string subject;  // an entity's name as the store knows it, else the words
  std::string predicate;
  std::string predicate_class;
  std::string object;
  std::uint64_t sources = 0;            // distinct outlets that state it
  std::uint64_t independent = 0;        // distinct origins among them
  std::vector<FactEvidence> support;    // earliest first
  std::vector<FactEvidence> disputing;  // articles that deny it
  std::vector<FactDispute> disputes;
};

struct FactQuery {
  std::optional<EntityId> entity;  // facts about this entity (subject or object)
  std::optional<StoryId> story;    // facts stated by this story's articles
  std::uint64_t min_sources = 0;
  std::size_t limit = 50;
};

// A user's claim checked against the store.
struct ClaimCheck {
  std::vector<Fact> parsed;          // the claim as the fact extractor reads it
  std::vector<FactSummary> matches;  // same subject, predicate class and object
  // The same subject and predicate class with another object, or the same
  // subject and object with another predicate class: most sources first.
  std::vector<FactSummary> near;
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
  // Opens an existing database read-only, as it was after one commit, also
  // while a writer works on it: an open that a writer's flush changed under
  // (deleting logs or tables it was reading) is tried again. Fails with
  // kNotFound when there is none, with kBusy when the files changed under
  // every try for 30 s, and like OpenForWrite otherwise.
  static Result<std::unique_ptr<Store>> OpenForRead(const std::string& dir);

  ~Store();
  // A Store owns a database handle and its lock.
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Stores an article with its indexes, story membership and entity links
  // in one atomic write. The article needs a canonical_url, title and text.
  //
  // Each of article.entities.entities is resolved to a stored entity of an
  // agreeing type (a TICKER may join the organisation that has that ticker):
  // one that has one of its names (compared as NormalizeEntityName keys;
  // when the document gives a name of two or more words, only those are
  // compared, so a shared surname or short form links nothing), else one
  // that has its ticker; of several, the one with most mentions (a person
  // named by one word alone links only when one stored person alone has
  // that name). A person's name of two or more words that is not stored
  // joins the one stored person whose name contains its words or is
  // contained in them, when there is exactly one and the article did not
  // find its short forms ambiguous. Anything else becomes a new entity.
  // The article's record keeps what it gave each entity, so that an update
  // takes back exactly that (store/README.md).
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
  // The same, with DigestArticle(article) computed beforehand (on another
  // thread): `digest` must be that of this article.
  Result<CommitOutcome> Commit(const Article& article, ArticleDigest digest);

  // nullopt when there is no such article.
  Result<std::optional<StoredArticle>> GetArticle(ArticleId id) const;
  // The article stored under a canonical URL, else the one first read from
  // that URL (normalized first).
  Result<std::optional<ArticleId>> FindArticleByUrl(std::string_view url) const;

  // Stories, most outlets first, then most articles, then most recent.
  Result<std::vector<StorySummary>> ListStories(const StoryQuery& query) const;
  // nullopt when there is no such story. The id of a story merged into
  // another finds the story it was merged into (summary.id says which).
  Result<std::optional<StoryDetail>> GetStory(StoryId id) const;

  Result<StoreStats> Stats() const;
  // Facts, most sources first (then most recent). Fails on a read error.
  Result<std::vector<FactSummary>> ListFacts(const FactQuery& query) const;
  // nullopt when there is no such fact.
  Result<std::optional<FactSummary>> GetFact(FactId id) const;
  // Parses `claim` with the fact extractor (ParseClaim) and finds the
  // stored facts that state it, and near ones. A claim the extractor
  // cannot read gives empty lists.
  Result<ClaimCheck> VerifyClaim(std::string_view claim) const;
  // Time spent in this writer's commits so far, by stage.
  CommitProfile Profile() const;

  // Entities. Reads see the database as of the last Commit; none of them
  // changes anything.
  //
  // The entities that have `name` as one of their names, compared as
  // NormalizeEntityName keys (a "NYSE:BABA" ticker is also found as
  // "BABA"). When none has it, up to `max_suggestions` near names instead.
  // An empty name matches nothing and suggests nothing.
  Result<EntityLookup> FindEntities(std::string_view name, std::size_t max_suggestions = 10) const;
  // nullopt when there is no such entity.
  Result<std::optional<EntitySummary>> GetEntity(EntityId id) const;
  Result<std::optional<EntityDetail>> GetEntityDetail(
      EntityId id, const EntityDetailOptions& options = {}) const;
  // Most mentions first, then lowest id.
  Result<std::vector<EntitySummary>> ListEntities(const EntityQuery& query) const;
  // Names that start with `prefix` (normalized), most used first; at most
  // `limit` (0: all).
  Result<std::vector<AliasCompletion>> CompleteEntityName(std::string_view prefix,
                                                          std::size_t limit = 10) const;

  // Articles that match a query, best first (BM25 over title and text,
  // store/README.md). An article's time is StoredArticle::Time(). Fails with
  // kInvalidInput when the query is not UTF-8 or has nothing to search for
  // (empty, only stop words, only exclusions), kTooLarge over the query
  // limits, kNotFound when an outlet of `outlets` has no articles (the
  // message suggests outlets of similar names). Changes nothing.
  Result<SearchResults> Search(const SearchQuery& query) const;

  // Checks every invariant between records and indexes (index entries point
  // to existing articles and back, counters equal recounts, story records
  // equal their members, entity records equal the links of their articles,
  // alias and mention entries point to existing entities and articles and
  // back, every posting of the full-text index is one its article's record
  // produces and every article has all of its). Returns the violations found, empty when all hold.
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
