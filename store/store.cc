#include "store/store.h"

#include <rocksdb/cache.h>
#include <rocksdb/db.h>
#include <rocksdb/env.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/memtablerep.h>
#include <rocksdb/options.h>
#include <rocksdb/table.h>
#include <rocksdb/write_batch.h>
#include <rocksdb/write_buffer_manager.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <thread>
#include <tuple>
#include <unordered_map>

#include "store/bounded_cache.h"
#include "store/entity_index.h"
#include "store/records.h"
#include "store/search_index.h"
#include "store/stories.h"

namespace newsdesk {

using namespace store_internal;

namespace {

namespace fs = std::filesystem;

// Column families; the order is the index into Impl::cf.
enum Cf {
  kDefault,
  kMeta,            // "schema_version" → decimal text; counters → big-endian u64
  kArticles,        // article id → ArticleRecord
  kUrls,            // canonical URL (or, when contested, the fetched URL) → article id
  kUrlAliases,      // the URL an article was read from → article id, first come
  kFingerprints,    // content fingerprint → article id
  kStories,         // story id → StoryRecord
  kStoryMembers,    // story id + article id → ""
  kStoryTime,       // last_seen + story id → "": recent stories first to hand
  kDocFreq,         // term → number of articles that use it
  kOutlets,         // outlet → number of articles
  kSources,         // source URL → SourceState
  kFrontier,        // URL → FrontierItem: found, not stored yet
  kEntities,        // entity id → EntityRecord
  kAliases,         // normalized name + '\0' + entity id → ""
  kAliasWords,      // word of a person's name + '\0' + entity id → ""
  kMentions,        // entity id + time + article id → mentions in the article
  kStoryKeys,       // index key + ~last_seen + story id → "": candidate stories for an article
  kStoryRedirects,  // story id → the story it was merged into
  kTerms,           // term + '\0' + time bucket + id run → block of postings (search_index.h)
  kFacts,           // fact id → FactRecord
  kFactKeys,        // FactKey → fact id
  kFactSupport,     // fact id + article id → FactSupport
  kSimhashBands,    // band + 16 bits of a text's SimHash + article id → SimHash + copy_of
  kCfCount,
};
constexpr const char* kCfNames[kCfCount] = {
    "default",     "meta",         "articles",        "urls",
    "url_aliases", "fingerprints", "stories",         "story_members",
    "story_time",  "doc_freq",     "outlets",         "sources",
    "frontier",    "entities",     "aliases",         "alias_words",
    "mentions",    "story_keys",   "story_redirects", "terms",
    "facts",       "fact_keys",    "fact_support",    "simhash_bands"};
static_assert(kCfNames[kCfCount - 1] != nullptr, "a column family without a name");

constexpr const char* kSchemaKey = "schema_version";
constexpr const char* kNextArticleKey = "next_article_id";
constexpr const char* kNextStoryKey = "next_story_id";
constexpr const char* kArticleCountKey = "article_count";
constexpr const char* kStoryCountKey = "story_count";
constexpr const char* kNextEntityKey = "next_entity_id";
constexpr const char* kEntityCountKey = "entity_count";
constexpr const char* kNextFactKey = "next_fact_id";
// The highest article id whose terms `doc_freq` counts; the articles after
// it are counted by the writer in memory until it next writes them
// (FoldDocFreq). Absent: every article is counted.
constexpr const char* kDocFreqMarkKey = "doc_freq_through";

// RocksDB's log of warnings and errors, appended to `path` with stdio (or
// dropped when `path` is empty). A write that fails is ignored: the error
// that matters reaches the caller through the operation that hit it.
class SafeLogger : public rocksdb::Logger {
 public:
  explicit SafeLogger(std::string path)
      : rocksdb::Logger(rocksdb::InfoLogLevel::WARN_LEVEL), path_(std::move(path)) {}
  ~SafeLogger() override {
    if (file_ != nullptr) std::fclose(file_);
  }
  SafeLogger(const SafeLogger&) = delete;  // owns a FILE
  SafeLogger& operator=(const SafeLogger&) = delete;
  using rocksdb::Logger::Logv;
  void Logv(const char* format, va_list ap) override {
    if (path_.empty()) return;
    const std::lock_guard<std::mutex> lock(mutex_);
    // Opened on first use: a new database's folder is made after this.
    if (file_ == nullptr) file_ = std::fopen(path_.c_str(), "a");
    if (file_ == nullptr) return;
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ ", &tm);
    std::fputs(stamp, file_);
    std::vfprintf(file_, format, ap);
    std::fputc('\n', file_);
    std::fflush(file_);
  }

 private:
  std::string path_;
  std::FILE* file_ = nullptr;
  std::mutex mutex_;
};

Status FromRocks(const rocksdb::Status& s, const std::string& dir) {
  std::string what = s.ToString();
  if (s.IsCorruption()) {
    return Status::Corruption("database " + dir + " is damaged (" + what +
                              "); newsdesk left it as it is: restore it from a backup or ingest "
                              "again into a new --db");
  }
  if (s.IsIOError() && (what.find("/LOCK:") != std::string::npos ||
                        what.find("lock hold by current process") != std::string::npos)) {
    return Status::Busy("database " + dir + " is in use by another newsdesk writer (it holds " +
                        dir + "/LOCK); wait for it to finish. Read commands work meanwhile.");
  }
  if (s.IsNoSpace() || what.find("No space left on device") != std::string::npos) {
    return Status::IOError("database " + dir + ": the disk is full (" + what +
                           "); everything stored before is kept: free some space and run again");
  }
  return Status::IOError("database " + dir + ": " + what);
}

// Every column family reads through one block cache, index and filter
// blocks included, so that what RocksDB keeps in memory is bounded by
// StoreOptions::block_cache_bytes however large the database grows (each
// family's table readers would otherwise hold their index blocks outside
// any cache, and each its own 8 MiB cache). The `terms` family's blocks of
// postings, which a search reads again, are most of it.
rocksdb::ColumnFamilyOptions FamilyOptions(const std::string& name,
                                           const std::shared_ptr<rocksdb::Cache>& cache,
                                           bool for_write) {
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = cache;
  table.cache_index_and_filter_blocks = true;
  table.pin_l0_filter_and_index_blocks_in_cache = true;
  // Most point look-ups miss (a new article's fingerprint and URLs, a new
  // word's document frequency): a Bloom filter answers them without
  // reading a block. Families that are only scanned by prefix go without.
  static const std::set<std::string> scanned = {
      kCfNames[kStoryMembers], kCfNames[kStoryTime],   kCfNames[kAliases],
      kCfNames[kAliasWords],   kCfNames[kMentions],    kCfNames[kStoryKeys],
      kCfNames[kTerms],        kCfNames[kFactSupport], kCfNames[kSimhashBands]};
  if (!scanned.count(name)) table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  rocksdb::ColumnFamilyOptions options;
  options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  if (name == kCfNames[kTerms]) options.merge_operator = PostingsMergeOperator();
  // The writer only adds to these two, never reads them while it commits
  // (131 and 14 of the ≈ 316 entries an article writes): a memtable that
  // appends and sorts once when it is flushed, instead of a skip list that
  // finds each entry's place (10,000 pages: the commit thread's RocksDB
  // writes 13.0 → 7.5 CPU s). Reading one (a search or `Verify` through the
  // writer) sorts a copy, slow on a full memtable but right; readers keep
  // the skip list.
  if (for_write && (name == kCfNames[kTerms] || name == kCfNames[kMentions]))
    options.memtable_factory = std::make_shared<rocksdb::VectorRepFactory>();
  return options;
}

UnixSeconds SystemNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// CPU seconds used by the calling thread.
double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

bool HasPrefix(const rocksdb::Slice& s, const std::string& prefix) {
  return s.size() >= prefix.size() && std::memcmp(s.data(), prefix.data(), prefix.size()) == 0;
}

// The heap bytes a value owns, roughly, for the writer's BoundedCaches: a
// string's buffer past the 15 bytes kept inline, a vector's capacity, a
// std::map node's links and allocation overhead (48 bytes on top of its
// pair).
std::size_t HeapBytes(const std::string& s) { return s.capacity() > 15 ? s.capacity() + 1 : 0; }

std::size_t HeapBytes(const TermVector& v) {
  std::size_t n = v.capacity() * sizeof(TermVector::value_type);
  for (const auto& [term, weight] : v) n += HeapBytes(term);
  return n;
}

template <typename K, typename V>
std::size_t HeapBytes(const std::map<K, V>& m) {
  std::size_t n = m.size() * (sizeof(std::pair<const K, V>) + 48);
  if constexpr (std::is_same_v<K, std::string>) {
    for (const auto& [k, v] : m) n += HeapBytes(k);
  }
  return n;
}

std::size_t StoryBytes(const StoryRecord& r) {
  std::size_t n = HeapBytes(r.title) + HeapBytes(r.outlets) + HeapBytes(r.entities) +
                  r.index_keys.capacity() * sizeof(std::string);
  for (const TermVector& c : r.centroids) n += HeapBytes(c);
  for (const std::string& k : r.index_keys) n += HeapBytes(k);
  return n;
}

std::size_t ScoredBytes(const ScoredChannels& s) {
  std::size_t n = 0;
  for (const ScoredTerms& c : s) n += c.capacity() * sizeof(ScoredTerms::value_type);
  return n;
}

}  // namespace

UnixSeconds StoredArticle::Time() const {
  if (article.published) return *article.published;
  if (article.modified) return *article.modified;
  return ingested_at;
}

struct Store::Impl {
  std::string dir;
  StoreOptions options;
  bool read_only = true;
  // Declared before db, so that they outlive it.
  std::shared_ptr<rocksdb::Cache> block_cache;
  std::shared_ptr<rocksdb::WriteBufferManager> write_buffers;
  std::unique_ptr<rocksdb::DB> db;
  std::vector<rocksdb::ColumnFamilyHandle*> cf =
      std::vector<rocksdb::ColumnFamilyHandle*>(kCfCount);

  std::mutex write_mu;  // serializes Commit
  // Writer-side caches: this process is the only writer, so they stay true
  // to the database; both are updated only after a successful write.
  // Every term and entity name a commit has weighed, with its statistics;
  // story scoring holds their addresses, so they are emptied only between
  // commits, together with scored_stories, once they hold more than
  // options.writer_term_cache (a long run's vocabulary grows without end).
  std::unordered_map<std::string, TermStats> term_stats, name_stats;
  // Story centroids resolved to those statistics, for scoring candidates,
  // and story records as stored; they and headline_cache share
  // options.writer_story_cache_bytes (a half for records, a quarter each
  // for the others).
  BoundedCache<StoryId, ScoredChannels> scored_stories;
  BoundedCache<StoryId, StoryRecord> story_cache;
  // Entity records as stored, for the next commits' linking (a common
  // entity is a candidate of most articles).
  EntityCache entity_cache;
  static constexpr std::size_t kEntityCacheSize = 20000;  // records, then start over
  // The title and word vector of articles that head stories, so that a
  // story's headline is weighed against a newcomer without reading it.
  struct HeadlineWords {
    std::string title;
    TermVector words;
  };
  BoundedCache<ArticleId, HeadlineWords> headline_cache;
  // Document frequencies of the new articles after doc_freq_through (the
  // mark in meta), not yet written to `doc_freq`: term → articles. The
  // writer counts them in (MutableWordStats, its searches) and writes them
  // every options.doc_freq_batch articles, before an update and at close;
  // a writer that opens after a crash counts the articles after the mark
  // again and writes them.
  std::unordered_map<std::string, std::int64_t> pending_df;  // under pending_mu too
  mutable std::mutex pending_mu;  // changes (in Commit, under write_mu) against searches
  std::size_t pending_df_articles = 0;
  std::uint64_t doc_freq_through = 0;
  Status FoldDocFreq();
  std::uint64_t next_article_id = 1, next_story_id = 1, article_count = 0, story_count = 0;
  std::uint64_t next_entity_id = 1, entity_count = 0;
  std::uint64_t next_fact_id = 1;
  CommitProfile profile;  // under write_mu

  EntityColumns Entities() const {
    return EntityColumns{db.get(),        cf[kEntities], cf[kAliases],
                         cf[kAliasWords], cf[kMentions], dir};
  }
  SearchColumns SearchIndex() const {
    SearchColumns c{db.get(),     cf[kTerms],    cf[kArticles],    cf[kMeta], cf[kDocFreq],
                    cf[kOutlets], cf[kEntities], kArticleCountKey, dir};
    c.doc_freq_complete = !read_only || doc_freq_through + 1 >= next_article_id;
    if (!read_only) {
      c.pending_doc_freq = [this](const std::string& term) -> std::int64_t {
        std::lock_guard<std::mutex> lock(pending_mu);
        auto it = pending_df.find(term);
        return it == pending_df.end() ? 0 : it->second;
      };
    }
    return c;
  }

  ~Impl() {
    if (!db) return;
    // A reader replays every write-ahead log it finds at open: leave none,
    // so that read commands start at once. A failed flush leaves the logs,
    // which are replayed instead.
    if (!read_only) {
      // Unwritten document frequencies are counted again from the
      // articles after the mark by the next writer when this fails.
      const Status folded = FoldDocFreq();
      static_cast<void>(folded);
      std::vector<rocksdb::ColumnFamilyHandle*> all;
      for (auto* h : cf)
        if (h != nullptr) all.push_back(h);
      db->Flush(rocksdb::FlushOptions(), all).PermitUncheckedError();
    }
    for (auto* h : cf) {
      if (h != nullptr) db->DestroyColumnFamilyHandle(h).PermitUncheckedError();
    }
    db->Close().PermitUncheckedError();
  }

  // `in_place`: create a new database right in `dir` (used for the copy
  // that CreateAndMove moves into place).
  Status Open(bool for_write, bool in_place = false);
  // Opens `dir` read-only as it was at one moment. RocksDB reads the
  // manifest, then lists and replays the write-ahead logs; a writer that
  // flushes in between and deletes logs leaves a reader with families
  // missing their latest writes, or naming tables since compacted away.
  // Such an open is tried again while the database's files change under it,
  // for up to kReaderOpenPatience; past it, kBusy. Every table is opened
  // at open (max_open_files -1, RocksDB's default), so that a compaction
  // after it takes nothing from the reader.
  static Result<std::unique_ptr<Impl>> OpenReader(const std::string& dir);
  static constexpr std::chrono::seconds kReaderOpenPatience{30};
  // One read-only open, and whether the files changed under it (a log
  // lost when it opened; anything when it failed).
  struct ReaderAttempt {
    std::unique_ptr<Impl> impl;
    Status status;
    bool changed = false;
  };
  static ReaderAttempt TryOpenReader(const std::string& dir);
  // A new database is made beside `dir`, given its schema version, and
  // moved to `dir` in one rename: a reader (or a writer after a crash) never
  // sees a database without its schema version.
  Status CreateAndMove(bool replace_empty_folder);
  Result<std::uint64_t> ReadCounter(const char* key) const;
  Result<std::optional<ArticleRecord>> LoadArticle(ArticleId id) const;
  Result<std::optional<StoryRecord>> LoadStory(StoryId id) const;
  // The writer's view of a story through story_cache; null when there is no
  // such story. Only for Commit (under write_mu). The pointer is good until
  // the next CachedStory call (which may clear the cache) or write.
  Result<const StoryRecord*> CachedStory(StoryId id);
  Result<std::vector<ArticleId>> StoryMembers(StoryId id) const;
  // The statistics of a word, or of an entity name; read from the database
  // on first use. Commit sets a word's document frequency through
  // MutableWordStats after its write.
  Result<TermStats*> MutableWordStats(const std::string& term);
  Result<const TermStats*> WordStats(const std::string& term) {
    auto stats = MutableWordStats(term);
    if (!stats.ok()) return stats.status();
    return static_cast<const TermStats*>(*stats);
  }
  Result<const TermStats*> NameStats(const std::string& name);
  // An article's or a story's channels resolved to their statistics.
  Result<ScoredChannels> Resolve(const ChannelVectors& vectors);
  // Writes the article's facts (fact records, keys, support) and its
  // SimHash bands (of rec.simhash, set before) into `batch`, taking back
  // the old version's; sets rec.copy_of and rec.fact_ids. `document_ids` maps the
  // article's document entities to stored ones.
  Status CommitFacts(rocksdb::WriteBatch& batch, const ArticleRecord* old, ArticleRecord& rec,
                     const std::vector<EntityId>& document_ids, std::uint64_t& next_fact);
  // A stored story's centroids resolved, through scored_stories.
  Result<const ScoredChannels*> ScoredStory(StoryId id, const StoryRecord& record);
  Result<CommitOutcome> Commit(const Article& article, ArticleDigest digest,
                               const std::string* frontier_url);
  Status ForEach(Cf family, const std::function<Status(rocksdb::Slice, rocksdb::Slice)>& fn) const;
  // Fills summary.entities with the story's most mentioned entities.
  Status AddMainEntities(const std::map<EntityId, std::uint64_t>& entities,
                         StorySummary& summary) const;
  // The story a story id stands for now: itself, or the story it was
  // merged into (through every later merge).
  Result<StoryId> ResolveStory(StoryId id) const;
};

// Redirects followed from a merged story's id; a chain is one hop per merge.
constexpr int kMaxRedirects = 64;

Status Store::Impl::CreateAndMove(bool replace_empty_folder) {
  std::error_code ec;
  fs::path target = fs::path(dir).lexically_normal();
  if (target.filename().empty()) target = target.parent_path();
  const std::string stem = "." + target.filename().string() + ".newsdesk-new-";
  const fs::path fresh_dir = target.parent_path() / (stem + std::to_string(getpid()));
  // What a writer killed while making it left behind (its process is gone).
  const fs::path parent = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  for (const auto& e : fs::directory_iterator(parent, ec)) {
    const std::string name = e.path().filename().string();
    if (name.rfind(stem, 0) != 0) continue;
    const long pid = std::strtol(name.c_str() + stem.size(), nullptr, 10);
    if (pid > 0 && (pid == getpid() || kill(static_cast<pid_t>(pid), 0) != 0)) {
      std::error_code ignored;
      fs::remove_all(e.path(), ignored);
    }
  }
  {
    Impl fresh;
    fresh.dir = fresh_dir.string();
    if (Status s = fresh.Open(true, true); !s.ok()) {
      fs::remove_all(fresh_dir, ec);
      return s;
    }
  }  // closed
  if (replace_empty_folder) fs::remove(target, ec);
  fs::rename(fresh_dir, target, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove_all(fresh_dir, ignored);
    // Another writer may have made it first; else the rename's reason.
    if (!fs::exists(target / "CURRENT", ignored))
      return Status::IOError("cannot create the database " + dir + ": " + ec.message());
  }
  return Status::Ok();
}

namespace {

// What a reader's open depends on and a writer changes: the files, the
// write-ahead logs among them, the manifest CURRENT names and its size (a
// writer appends to it at every flush).
struct DirState {
  std::set<std::string> files;
  std::set<std::string> logs;
  std::string current;
  std::uintmax_t manifest_bytes = 0;
  bool operator==(const DirState&) const = default;
};

DirState ReadDirState(const std::string& dir) {
  DirState state;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.size() > 4 && name.compare(name.size() - 4, 4, ".log") == 0 &&
        std::all_of(name.begin(), name.end() - 4, [](char c) { return c >= '0' && c <= '9'; }))
      state.logs.insert(name);
    state.files.insert(std::move(name));
  }
  std::ifstream current(fs::path(dir) / "CURRENT");
  std::getline(current, state.current);
  if (!state.current.empty()) {
    state.manifest_bytes = fs::file_size(fs::path(dir) / state.current, ec);
    if (ec) state.manifest_bytes = 0;
  }
  return state;
}

// Whether a writer deleted a write-ahead log while a reader opened. RocksDB
// makes a log obsolete once every family has flushed what it holds, together
// with all older ones, and deletes them in one purge; a writer always has a
// live log (recycle_log_file_num 0 and no archive, RocksDB's defaults, so a
// log is never renamed). A reader that read the manifest before such a flush
// and listed the logs after it therefore finds one of the logs there before
// it gone.
bool LostLogs(const DirState& before, const DirState& after) {
  if (before.logs.empty()) return !after.logs.empty();
  return std::any_of(before.logs.begin(), before.logs.end(),
                     [&](const std::string& log) { return !after.logs.count(log); });
}

}  // namespace

Store::Impl::ReaderAttempt Store::Impl::TryOpenReader(const std::string& dir) {
  ReaderAttempt attempt;
  const DirState before = ReadDirState(dir);
  attempt.impl = std::make_unique<Impl>();
  attempt.impl->dir = dir;
  attempt.status = attempt.impl->Open(false);
  const DirState after = ReadDirState(dir);
  attempt.changed = attempt.status.ok() ? LostLogs(before, after) : !(before == after);
  if (!attempt.status.ok()) attempt.impl.reset();
  return attempt;
}

Result<std::unique_ptr<Store::Impl>> Store::Impl::OpenReader(const std::string& dir) {
  const auto deadline = std::chrono::steady_clock::now() + kReaderOpenPatience;
  for (int tries = 1;; ++tries) {
    ReaderAttempt attempt = TryOpenReader(dir);
    if (attempt.status.ok() && !attempt.changed) return std::move(attempt.impl);
    // A failure while nothing changed is the database's own (damaged,
    // another schema, missing).
    if (!attempt.status.ok() && !attempt.changed) return attempt.status;
    // 4 ms, 8 ms … 100 ms between tries.
    const auto pause = std::chrono::milliseconds(std::min(4 << std::min(tries - 1, 5), 100));
    if (std::chrono::steady_clock::now() + pause >= deadline) {
      return Status::Busy(
          "database " + dir + " changed under each of " + std::to_string(tries) +
          " attempts to read it as it was at one moment, for " +
          std::to_string(kReaderOpenPatience.count()) +
          " s: a writer is flushing and compacting it; try again" +
          (attempt.status.ok() ? std::string() : " (last: " + attempt.status.message() + ")"));
    }
    std::this_thread::sleep_for(pause);
  }
}

Status Store::Impl::Open(bool for_write, bool in_place) {
  std::error_code ec;
  bool exists = fs::exists(dir, ec);
  bool has_current = fs::exists(fs::path(dir) / "CURRENT", ec);
  if (!for_write && !has_current) {
    return Status::NotFound("no newsdesk database at " + dir + ": run `newsdesk ingest --db " +
                            dir + " ...` first");
  }
  if (for_write && exists && !has_current) {
    if (!fs::is_directory(dir, ec)) return Status::InvalidInput(dir + " is not a directory");
    if (!fs::is_empty(dir, ec)) {
      return Status::InvalidInput(dir +
                                  " is not empty and holds no newsdesk database; give --db a new "
                                  "or empty directory");
    }
  }
  if (for_write && !has_current && !in_place) {
    // Where the folder beside it cannot be written, the database is made
    // in place (its first moment without a schema version is then visible).
    if (CreateAndMove(exists).ok()) {
      exists = has_current = true;
    } else {
      in_place = true;
    }
  }

  rocksdb::DBOptions db_options;
  // RocksDB's default logger aborts the process when a write to its LOG
  // fails (an assertion in Debian's build), as on a full disk: a writer
  // logs warnings with one that cannot fail, a reader not at all.
  db_options.info_log = std::make_shared<SafeLogger>(for_write ? dir + "/LOG" : std::string());
  db_options.paranoid_checks = true;
  db_options.keep_log_file_num = 3;
  // Small column families (meta) would otherwise keep every log alive until
  // 4 × the memtables' size, all of which a reader opening during an
  // ingest must replay.
  db_options.max_total_wal_size = 64 << 20;
  db_options.info_log_level = rocksdb::InfoLogLevel::WARN_LEVEL;
  block_cache = rocksdb::NewLRUCache(options.block_cache_bytes);
  const std::size_t records = options.writer_story_cache_bytes;
  story_cache = {records / 2, StoryBytes};
  headline_cache = {records / 4,
                    [](const HeadlineWords& h) { return HeapBytes(h.title) + HeapBytes(h.words); }};
  scored_stories = {records / 4, ScoredBytes};
  if (for_write) {
    // All families' memtables together; past it, RocksDB flushes the family
    // holding the oldest one.
    write_buffers = std::make_shared<rocksdb::WriteBufferManager>(options.memtable_bytes);
    db_options.write_buffer_manager = write_buffers;
    // One thread writes (the single-writer rule), and the vector memtables
    // of FamilyOptions take no concurrent inserts.
    db_options.allow_concurrent_memtable_write = false;
  }
  std::vector<std::string> existing;
  rocksdb::Status s;
  if (has_current) {
    s = rocksdb::DB::ListColumnFamilies(db_options, dir, &existing);
    if (!s.ok()) return FromRocks(s, dir);
    if (std::find(existing.begin(), existing.end(), "meta") == existing.end()) {
      // A damaged manifest can read as a database without our column
      // families: let RocksDB itself say whether it opens at all.
      rocksdb::DB* probe = nullptr;
      rocksdb::Options probe_options(db_options, rocksdb::ColumnFamilyOptions());
      s = rocksdb::DB::OpenForReadOnly(probe_options, dir, &probe);
      std::unique_ptr<rocksdb::DB> close(probe);
      if (!s.ok()) return FromRocks(s, dir);
      return Status::InvalidInput(dir + " is a RocksDB database but not a newsdesk one");
    }
    // Check the schema read-only before a writer touches anything. A probe
    // that another writer's flush changed under goes on to the open, whose
    // LOCK says that the database is in use.
    if (for_write) {
      if (ReaderAttempt probe = TryOpenReader(dir); !probe.status.ok() && !probe.changed)
        return probe.status;
    }
  }

  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  std::vector<std::string> names(kCfNames, kCfNames + kCfCount);
  for (const std::string& name : existing) {
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  for (const std::string& name : names) {
    if (!for_write && std::find(existing.begin(), existing.end(), name) == existing.end()) continue;
    descriptors.emplace_back(name, FamilyOptions(name, block_cache, for_write));
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  if (for_write) {
    db_options.create_if_missing = true;
    db_options.create_missing_column_families = true;
    s = rocksdb::DB::Open(db_options, dir, descriptors, &handles, &raw);
  } else {
    s = rocksdb::DB::OpenForReadOnly(db_options, dir, descriptors, &handles, &raw);
  }
  if (!s.ok()) return FromRocks(s, dir);
  db.reset(raw);
  read_only = !for_write;
  for (std::size_t i = 0; i < handles.size(); ++i) {
    auto it = std::find(kCfNames, kCfNames + kCfCount, descriptors[i].name);
    if (it != kCfNames + kCfCount) {
      cf[static_cast<std::size_t>(it - kCfNames)] = handles[i];
    } else {
      db->DestroyColumnFamilyHandle(handles[i]).PermitUncheckedError();
    }
  }
  if (cf[kMeta] == nullptr) return Status::InvalidInput(dir + " is not a newsdesk database");
  std::string version;
  s = db->Get(rocksdb::ReadOptions(), cf[kMeta], kSchemaKey, &version);
  if (s.IsNotFound()) {
    if (has_current) return Status::InvalidInput(dir + " holds no newsdesk schema version");
    rocksdb::WriteBatch created;
    created.Put(cf[kMeta], kSchemaKey, std::to_string(kSchemaVersion));
    created.Put(cf[kMeta], kDocFreqMarkKey, BigEndian64(0));
    s = db->Write(rocksdb::WriteOptions(), &created);
    if (!s.ok()) return FromRocks(s, dir);
    version = std::to_string(kSchemaVersion);
  } else if (!s.ok()) {
    return FromRocks(s, dir);
  }
  if (version != std::to_string(kSchemaVersion)) {
    return Status::SchemaMismatch(
        "database " + dir + " has schema version " + version + ", this newsdesk reads version " +
        std::to_string(kSchemaVersion) +
        ": use the newsdesk release that wrote it, or ingest again into a new --db");
  }

  for (int i = 0; i < kCfCount; ++i) {
    if (cf[static_cast<std::size_t>(i)] == nullptr) {
      return Status::SchemaMismatch("database " + dir + " lacks the column family " + kCfNames[i] +
                                    "; ingest again into a new --db");
    }
  }

  // Ids start at 1 (0 means "none"); a new database has no counters yet.
  for (auto [key, slot, first] :
       {std::tuple{kNextArticleKey, &next_article_id, 1},
        std::tuple{kNextStoryKey, &next_story_id, 1},
        std::tuple{kArticleCountKey, &article_count, 0},
        std::tuple{kStoryCountKey, &story_count, 0}, std::tuple{kNextEntityKey, &next_entity_id, 1},
        std::tuple{kEntityCountKey, &entity_count, 0},
        std::tuple{kNextFactKey, &next_fact_id, 1}}) {
    auto v = ReadCounter(key);
    if (!v.ok()) return v.status();
    *slot = std::max<std::uint64_t>(*v, static_cast<std::uint64_t>(first));
  }
  std::string mark;
  s = db->Get(rocksdb::ReadOptions(), cf[kMeta], kDocFreqMarkKey, &mark);
  if (!s.ok() && !s.IsNotFound()) return FromRocks(s, dir);
  const bool marked = s.ok();
  doc_freq_through = marked ? ReadBigEndian64(mark) : next_article_id - 1;
  if (read_only) return Status::Ok();
  if (!marked) {
    // Written by a writer that counted every article at once: so are they.
    s = db->Put(rocksdb::WriteOptions(), cf[kMeta], kDocFreqMarkKey, BigEndian64(doc_freq_through));
    if (!s.ok()) return FromRocks(s, dir);
  }
  // The articles a killed writer committed after the last write of their
  // document frequencies: counted again, and written. A replay that fails
  // leaves nothing pending (the next writer replays them all).
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), cf[kArticles]));
  auto failed = [&](Status status) {
    pending_df.clear();
    pending_df_articles = 0;
    return status;
  };
  for (it->Seek(BigEndian64(doc_freq_through + 1)); it->Valid(); it->Next()) {
    auto r = DecodeArticle(std::string_view(it->value().data(), it->value().size()));
    if (!r.ok()) return failed(r.status().WithContext("database " + dir));
    for (const TermCount& t : r->terms) ++pending_df[t.term];
    ++pending_df_articles;
  }
  if (!it->status().ok()) return failed(FromRocks(it->status(), dir));
  if (Status fs = FoldDocFreq(); !fs.ok()) return failed(fs);
  return Status::Ok();
}

Status Store::Impl::FoldDocFreq() {
  if (pending_df.empty() && pending_df_articles == 0) return Status::Ok();
  // Only the writer's thread changes pending_df: it is read here unlocked.
  rocksdb::WriteBatch batch;
  for (const auto& [term, delta] : pending_df) {
    if (delta == 0) continue;
    // The writer's statistics count the pending articles in already.
    std::int64_t n = 0;
    if (auto cached = term_stats.find(term); cached != term_stats.end()) {
      n = static_cast<std::int64_t>(cached->second.df);
    } else {
      std::string v;
      rocksdb::Status s = db->Get(rocksdb::ReadOptions(), cf[kDocFreq], term, &v);
      if (!s.ok() && !s.IsNotFound()) return FromRocks(s, dir);
      n = static_cast<std::int64_t>(s.ok() ? ReadBigEndian64(v) : 0) + delta;
    }
    if (n <= 0) {
      batch.Delete(cf[kDocFreq], term);
    } else {
      batch.Put(cf[kDocFreq], term, BigEndian64(static_cast<std::uint64_t>(n)));
    }
  }
  batch.Put(cf[kMeta], kDocFreqMarkKey, BigEndian64(next_article_id - 1));
  // A search in this process sees the counts either pending or written.
  std::lock_guard<std::mutex> lock(pending_mu);
  rocksdb::Status s = db->Write(rocksdb::WriteOptions(), &batch);
  if (!s.ok()) return FromRocks(s, dir);
  pending_df.clear();
  pending_df_articles = 0;
  doc_freq_through = next_article_id - 1;
  return Status::Ok();
}

Result<std::uint64_t> Store::Impl::ReadCounter(const char* key) const {
  std::string v;
  rocksdb::Status s = db->Get(rocksdb::ReadOptions(), cf[kMeta], key, &v);
  if (s.IsNotFound()) return std::uint64_t{0};
  if (!s.ok()) return FromRocks(s, dir);
  return ReadBigEndian64(v);
}

Result<std::optional<ArticleRecord>> Store::Impl::LoadArticle(ArticleId id) const {
  std::string v;
  rocksdb::Status s = db->Get(rocksdb::ReadOptions(), cf[kArticles], BigEndian64(id), &v);
  if (s.IsNotFound()) return std::optional<ArticleRecord>();
  if (!s.ok()) return FromRocks(s, dir);
  auto r = DecodeArticle(v);
  if (!r.ok()) return r.status().WithContext("database " + dir + ", article " + std::to_string(id));
  return std::optional<ArticleRecord>(std::move(r).value());
}

Result<std::optional<StoryRecord>> Store::Impl::LoadStory(StoryId id) const {
  std::string v;
  rocksdb::Status s = db->Get(rocksdb::ReadOptions(), cf[kStories], BigEndian64(id), &v);
  if (s.IsNotFound()) return std::optional<StoryRecord>();
  if (!s.ok()) return FromRocks(s, dir);
  auto r = DecodeStory(v);
  if (!r.ok()) return r.status().WithContext("database " + dir + ", story " + std::to_string(id));
  return std::optional<StoryRecord>(std::move(r).value());
}

Result<const StoryRecord*> Store::Impl::CachedStory(StoryId id) {
  if (const StoryRecord* cached = story_cache.Find(id)) return cached;
  auto loaded = LoadStory(id);
  if (!loaded.ok()) return loaded.status();
  if (!loaded->has_value()) return static_cast<const StoryRecord*>(nullptr);
  return &story_cache.Put(id, std::move(**loaded));
}

Result<std::vector<ArticleId>> Store::Impl::StoryMembers(StoryId id) const {
  std::vector<ArticleId> ids;
  std::string prefix = BigEndian64(id);
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), cf[kStoryMembers]));
  for (it->Seek(prefix); it->Valid() && HasPrefix(it->key(), prefix); it->Next()) {
    if (it->key().size() != 16) {
      return Status::Corruption("database " + dir +
                                ": malformed story_members key; run `newsdesk check`");
    }
    ids.push_back(ReadBigEndian64(std::string_view(it->key().data() + 8, 8)));
  }
  if (!it->status().ok()) return FromRocks(it->status(), dir);
  return ids;
}

Result<TermStats*> Store::Impl::MutableWordStats(const std::string& term) {
  auto it = term_stats.find(term);
  if (it != term_stats.end()) return &it->second;
  std::string v;
  rocksdb::Status s = db->Get(rocksdb::ReadOptions(), cf[kDocFreq], term, &v);
  std::uint64_t df = 0;
  if (s.ok()) {
    df = ReadBigEndian64(v);
  } else if (!s.IsNotFound()) {
    return FromRocks(s, dir);
  }
  if (auto pending = pending_df.find(term); pending != pending_df.end())
    df = static_cast<std::uint64_t>(
        std::max<std::int64_t>(0, static_cast<std::int64_t>(df) + pending->second));
  auto [added, unused] = term_stats.try_emplace(term);
  added->second.SetDocFreq(df);
  added->second.term = &added->first;
  return &added->second;
}

Result<const TermStats*> Store::Impl::NameStats(const std::string& name) {
  auto it = name_stats.find(name);
  if (it != name_stats.end()) return &it->second;
  TermStats stats;
  stats.name = true;
  for (const std::string& word : Terms(name)) {
    auto w = WordStats(word);
    if (!w.ok()) return w.status();
    stats.words.push_back(*w);
  }
  auto added = name_stats.emplace(name, std::move(stats)).first;
  added->second.term = &added->first;
  return &added->second;
}

Result<ScoredChannels> Store::Impl::Resolve(const ChannelVectors& vectors) {
  ScoredChannels scored;
  for (int c = 0; c < kChannelCount; ++c) {
    scored[c].reserve(vectors[c].size());
    for (const auto& [term, w] : vectors[c]) {
      auto stats = c == kNames ? NameStats(term) : WordStats(term);
      if (!stats.ok()) return stats.status();
      scored[c].emplace_back(*stats, w);
    }
    SortForScoring(scored[c]);
  }
  return scored;
}

Result<const ScoredChannels*> Store::Impl::ScoredStory(StoryId id, const StoryRecord& record) {
  if (const ScoredChannels* cached = scored_stories.Find(id)) return cached;
  auto scored = Resolve(record.centroids);
  if (!scored.ok()) return scored.status();
  return &scored_stories.Put(id, std::move(*scored));
}

Status Store::Impl::ForEach(Cf family,
                            const std::function<Status(rocksdb::Slice, rocksdb::Slice)>& fn) const {
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), cf[family]));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    if (Status s = fn(it->key(), it->value()); !s.ok()) return s;
  }
  if (!it->status().ok()) return FromRocks(it->status(), dir);
  return Status::Ok();
}

namespace {

// Origins are compared as organisation names, spaces aside ("The Lantern
// Wire", "Lantern Wire" and "LanternWire" are one).
std::string OriginKey(const std::string& origin) {
  std::string key = NormalizeEntityName(origin, EntityType::kOrganization);
  std::erase(key, ' ');
  return key;
}

// Whether `origin` names `outlet` itself: the same name (OriginKey), or its
// initials ("AP" for "The Associated Press", "BBC" for "British
// Broadcasting Corporation").
bool NamesOutlet(const std::string& origin, const std::string& outlet) {
  return OriginKey(origin) == OriginKey(outlet) ||
         (origin.size() >= 2 && NameInitials(outlet) == origin);
}

// Everything one Commit changes, gathered before a single write.
struct PendingCommit {
  rocksdb::WriteBatch batch;
  std::map<std::string, std::int64_t> doc_freq_delta;
  std::map<std::string, std::int64_t> outlet_delta;
  struct TouchedStory {
    std::optional<StoryRecord> record;            // nullopt: the story is gone
    std::optional<UnixSeconds> stored_last_seen;  // its story_time key in the database
    std::vector<std::string> stored_keys;         // its story_keys in the database
  };
  std::map<StoryId, TouchedStory> stories;
  std::map<StoryId, StoryId> redirects;      // a story gone → the story that took its articles
  std::map<ArticleId, ArticleRecord> moved;  // articles of a merged story, with their new story
};

// How well an article's headline names its story: how central its words
// are, halved for a headline in capitals.
double HeadlineScore(std::string_view title, const TermVector& words, const TermVector& centroid) {
  double score = Cosine(words, centroid);
  return AllCapitals(title) ? score / 2 : score;
}

void AddEntities(StoryRecord& story, const std::vector<EntityLink>& links, std::int64_t sign) {
  for (const EntityLink& link : links) {
    auto& n = story.entities[link.entity];
    n = static_cast<std::uint64_t>(std::max<std::int64_t>(
        0, static_cast<std::int64_t>(n) + sign * static_cast<std::int64_t>(link.mentions)));
    if (n == 0) story.entities.erase(link.entity);
  }
}

// Recomputes a story's record from its member articles.
StoryRecord RebuildStory(StoryId id, const std::vector<ArticleRecord>& members) {
  StoryRecord r;
  r.id = id;
  bool first = true;
  for (const ArticleRecord& m : members) {
    UnixSeconds t = m.stored.Time();
    if (first || t < r.first_seen) r.first_seen = t;
    if (first || t > r.last_seen) r.last_seen = t;
    first = false;
    ++r.article_count;
    ++r.outlets[m.stored.article.outlet];
    ++r.origins[OriginKey(m.stored.Origin())];
    AdjustCentroids(r.centroids,
                    ArticleVectors(m.stored.article, m.terms, ListArticleTerms(m.stored.article)),
                    +1.0);
    AddEntities(r, m.entity_links, +1);
  }
  double best = -1;
  for (const ArticleRecord& m : members) {
    double score =
        HeadlineScore(m.stored.article.title, NormalizedTf(m.terms), r.centroids[kWords]);
    if (score > best) {
      best = score;
      r.title = m.stored.article.title;
      r.headline_article = m.stored.id;
    }
  }
  return r;
}

}  // namespace

Result<CommitOutcome> Store::Impl::Commit(const Article& article, ArticleDigest digest,
                                          const std::string* frontier_url) {
  if (read_only) return Status::InvalidInput("database " + dir + " is open read-only");
  // CPU time by stage, read only when asked (StoreOptions::profile_commits).
  auto clock = [this] { return options.profile_commits ? ThreadCpuSeconds() : 0.0; };
  const double started = clock();
  CommitProfile spent;
  if (article.canonical_url.empty() || article.title.empty() || article.text.empty()) {
    return Status::InvalidInput("an article needs a canonical URL, a title and text");
  }
  const rocksdb::ReadOptions ro;
  const std::uint64_t fingerprint = digest.fingerprint;
  std::string value;
  rocksdb::Status s = db->Get(ro, cf[kFingerprints], BigEndian64(fingerprint), &value);
  if (s.ok()) {
    ArticleId id = ReadBigEndian64(value);
    auto existing = LoadArticle(id);
    if (!existing.ok()) return existing.status();
    if (!existing->has_value()) {
      return Status::Corruption("database " + dir +
                                ": fingerprint index points to missing article " +
                                std::to_string(id) + "; run `newsdesk check`");
    }
    StoryId story = (*existing)->stored.story;
    if (frontier_url != nullptr) {
      s = db->Delete(rocksdb::WriteOptions(), cf[kFrontier], *frontier_url);
      if (!s.ok()) return FromRocks(s, dir);
    }
    return CommitOutcome{CommitKind::kDuplicate, id, story};
  }
  if (!s.IsNotFound()) return FromRocks(s, dir);

  if (term_stats.size() + name_stats.size() > options.writer_term_cache) {
    // Between commits only scored_stories holds their addresses.
    scored_stories.Clear();
    name_stats.clear();
    term_stats.clear();
  }
  PendingCommit p;
  EntityCommit entities(Entities(), next_entity_id, entity_count, entity_cache);
  std::uint64_t new_next_article = next_article_id, new_next_story = next_story_id;
  std::uint64_t new_article_count = article_count, new_story_count = story_count;

  // Touches a story, remembering where its story_time key is now.
  auto touch = [&](StoryId id) -> Result<PendingCommit::TouchedStory*> {
    auto it = p.stories.find(id);
    if (it != p.stories.end()) return &it->second;
    auto cached = CachedStory(id);
    if (!cached.ok()) return cached.status();
    PendingCommit::TouchedStory t;
    if (*cached != nullptr) {
      // Taken out of the cache: the commit puts it back when it succeeds,
      // and the next reader loads it from the database when it fails.
      std::optional<StoryRecord> taken = story_cache.Take(id);
      t.stored_last_seen = taken->last_seen;
      t.stored_keys = taken->index_keys;
      t.record = std::move(taken);
    }
    return &p.stories.emplace(id, std::move(t)).first->second;
  };

  // The article's identity: its canonical URL, unless another outlet's
  // article holds that; then the URL it was read from.
  std::vector<std::string> keys = {article.canonical_url};
  const std::optional<std::string> fetched = CanonicalUrl(article.url);
  if (fetched && *fetched != article.canonical_url) keys.push_back(*fetched);
  std::string url_key;
  std::optional<ArticleRecord> old;
  for (const std::string& key : keys) {
    s = db->Get(ro, cf[kUrls], key, &value);
    if (s.IsNotFound()) {
      url_key = key;
      break;
    }
    if (!s.ok()) return FromRocks(s, dir);
    auto holder = LoadArticle(ReadBigEndian64(value));
    if (!holder.ok()) return holder.status();
    if (!holder->has_value()) {
      return Status::Corruption("database " + dir + ": URL index entry " + key +
                                " points to a missing article; run `newsdesk check`");
    }
    if ((*holder)->stored.article.outlet == article.outlet) {
      url_key = key;
      old = std::move(**holder);
      break;
    }
  }
  if (url_key.empty()) {
    return Status::InvalidInput("every URL of this article (" + article.canonical_url +
                                ") belongs to an article of another outlet");
  }

  auto version_time = [](const Article& a) { return a.modified ? a.modified : a.published; };
  if (old && version_time(old->stored.article) && version_time(article) &&
      *version_time(article) < *version_time(old->stored.article)) {
    if (frontier_url != nullptr) {
      s = db->Delete(rocksdb::WriteOptions(), cf[kFrontier], *frontier_url);
      if (!s.ok()) return FromRocks(s, dir);
    }
    return CommitOutcome{CommitKind::kStale, old->stored.id, old->stored.story};
  }

  CommitKind kind = CommitKind::kNew;
  ArticleId id = 0;
  StoryId vacated_story = 0;  // the old version's story, left empty: its id is reused if it can be
  if (old) {
    // An update: undo every trace of the old version. Its document
    // frequencies are written with it, after the pending ones (an update
    // is no article after the mark).
    if (Status fs = FoldDocFreq(); !fs.ok()) return fs;
    const ArticleRecord& o = *old;
    id = o.stored.id;
    kind = CommitKind::kUpdated;
    p.batch.Delete(cf[kFingerprints], BigEndian64(o.stored.fingerprint));
    if (!o.alias_key.empty()) p.batch.Delete(cf[kUrlAliases], o.alias_key);
    for (const TermCount& t : o.terms) --p.doc_freq_delta[t.term];
    --p.outlet_delta[o.stored.article.outlet];
    if (Status es = entities.Remove(o); !es.ok()) return es;
    p.batch.Delete(cf[kStoryMembers], BigEndian64(o.stored.story) + BigEndian64(id));
    auto members = StoryMembers(o.stored.story);
    if (!members.ok()) return members.status();
    std::vector<ArticleRecord> remaining;
    for (ArticleId m : *members) {
      if (m == id) continue;
      auto rec = LoadArticle(m);
      if (!rec.ok()) return rec.status();
      if (rec->has_value()) remaining.push_back(std::move(**rec));
    }
    auto touched = touch(o.stored.story);
    if (!touched.ok()) return touched.status();
    if (remaining.empty()) {
      (*touched)->record.reset();
      vacated_story = o.stored.story;
      --new_story_count;
    } else {
      (*touched)->record = RebuildStory(o.stored.story, remaining);
    }
    --new_article_count;
  } else {
    id = new_next_article++;
  }

  ArticleRecord rec;
  rec.stored.id = id;
  rec.stored.article = article;
  rec.stored.fingerprint = fingerprint;
  rec.url_key = url_key;
  if (fetched && fetched->rfind("http", 0) == 0 && *fetched != url_key) {
    // The URL it was read from finds it too, unless that URL is taken.
    std::string holder;
    rocksdb::Status in_urls = db->Get(ro, cf[kUrls], *fetched, &holder);
    rocksdb::Status in_aliases = db->Get(ro, cf[kUrlAliases], *fetched, &holder);
    if (!in_urls.ok() && !in_urls.IsNotFound()) return FromRocks(in_urls, dir);
    if (!in_aliases.ok() && !in_aliases.IsNotFound()) return FromRocks(in_aliases, dir);
    bool ours = in_aliases.ok() && ReadBigEndian64(holder) == id;
    if (in_urls.IsNotFound() && (in_aliases.IsNotFound() || ours)) rec.alias_key = *fetched;
  }
  rec.stored.ingested_at = options.now ? options.now() : SystemNow();
  const ArticleTermLists& term_lists = digest.term_lists;
  rec.terms = std::move(digest.terms);
  rec.simhash = digest.simhash;
  const UnixSeconds t = rec.stored.Time();
  double mark = clock();
  std::vector<EntityId> document_ids;
  auto links = entities.Add(article, id, t, &document_ids);
  if (!links.ok()) return links.status();
  spent.entities += clock() - mark;
  rec.entity_links = std::move(links).value();
  ++new_article_count;
  for (const TermCount& term : rec.terms) ++p.doc_freq_delta[term.term];
  ++p.outlet_delta[article.outlet];

  mark = clock();
  // Terms are weighed by how rare they are among the articles stored
  // before this one.
  const double log_docs = std::log(static_cast<double>(article_count) + 1.0);
  Status df_error;
  auto stats_idf = [&](const Result<const TermStats*>& stats) -> double {
    if (!stats.ok()) {
      if (df_error.ok()) df_error = stats.status();
      return 1.0;
    }
    return (*stats)->Idf(log_docs);
  };
  auto idf = [&](const std::string& term) { return stats_idf(WordStats(term)); };
  auto name_idf = [&](const std::string& name) { return stats_idf(NameStats(name)); };
  const std::array<std::function<double(const std::string&)>, kChannelCount> idfs = {idf, idf,
                                                                                     name_idf, idf};

  // The story as this commit sees it: pending changes first.
  auto current = [&](StoryId sid) -> Result<const StoryRecord*> {
    auto it = p.stories.find(sid);
    if (it != p.stories.end()) {
      return it->second.record ? &*it->second.record : static_cast<const StoryRecord*>(nullptr);
    }
    return CachedStory(sid);
  };

  // Candidates: the stories found under the article's keys (its rarest
  // words, its names), the most recently seen first, then the ones this
  // commit touched.
  const ChannelVectors vec = ArticleVectors(article, rec.terms, term_lists);
  auto resolved = Resolve(vec);
  if (!resolved.ok()) return resolved.status();
  const WeightedArticle weighted = WeighArticle(*resolved, log_docs);
  std::map<StoryId, int> hits;
  {
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(ro, cf[kStoryKeys]));
    for (const std::string& key : ArticleQueryKeys(weighted, (*resolved)[kNames])) {
      const std::string prefix = StoryKeysPrefix(key);
      std::size_t n = 0;
      for (it->Seek(prefix); it->Valid() && HasPrefix(it->key(), prefix) && n < kCandidatesPerKey;
           it->Next(), ++n) {
        if (it->key().size() != prefix.size() + 16) {
          return Status::Corruption("database " + dir +
                                    ": malformed story_keys key; run `newsdesk check`");
        }
        std::string_view rest(it->key().data() + prefix.size(), 16);
        auto last_seen = static_cast<UnixSeconds>(~ReadBigEndian64(rest.substr(0, 8)));
        if (last_seen < t - options.story_window) break;
        ++hits[ReadBigEndian64(rest.substr(8))];
      }
      if (!it->status().ok()) return FromRocks(it->status(), dir);
    }
  }
  for (auto& [sid, touched] : p.stories) hits.emplace(sid, 0);
  std::vector<std::pair<int, StoryId>> ranked;
  for (auto& [sid, n] : hits) ranked.emplace_back(n, sid);
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second > b.second;
  });
  if (ranked.size() > kMaxCandidates) ranked.resize(kMaxCandidates);

  // The two most similar of them.
  StoryId best = 0, second = 0;
  double best_score = 0, second_score = 0;
  for (auto& [n, sid] : ranked) {
    auto candidate = current(sid);
    if (!candidate.ok()) return candidate.status();
    const StoryRecord* story = *candidate;
    if (story == nullptr || story->last_seen < t - options.story_window ||
        story->first_seen > t + options.story_window) {
      continue;
    }
    // A story this commit changed (an update's old story) is resolved
    // afresh; a stored one through the cache.
    ScoredChannels changed;
    const ScoredChannels* centroids = nullptr;
    if (p.stories.count(sid)) {
      auto r = Resolve(story->centroids);
      if (!r.ok()) return r.status();
      changed = std::move(*r);
      centroids = &changed;
    } else {
      auto r = ScoredStory(sid, *story);
      if (!r.ok()) return r.status();
      centroids = *r;
    }
    UnixSeconds gap = std::max<UnixSeconds>({0, story->first_seen - t, t - story->last_seen});
    double score = ScoredStorySimilarity(weighted, *centroids, log_docs) *
                   TimeDecay(gap, options.story_window);
    if (score > best_score) {
      second = best;
      second_score = best_score;
      best = sid;
      best_score = score;
    } else if (score > second_score) {
      second = sid;
      second_score = score;
    }
  }
  if (!df_error.ok()) return df_error;

  // The article's words as a headline candidate, and another member's.
  const TermVector& words = vec[kWords];
  auto member_words = [&](ArticleId member) -> Result<std::optional<ArticleRecord>> {
    auto moved = p.moved.find(member);
    if (moved != p.moved.end()) return std::optional<ArticleRecord>(moved->second);
    return LoadArticle(member);
  };
  // Keeps the more central of the story's headline and `candidate`'s.
  auto choose_headline = [&](StoryRecord& story, ArticleId candidate) -> Status {
    double kept = -1, offered = -1;
    std::string offered_title;
    for (ArticleId a : {story.headline_article, candidate}) {
      double score = -1;
      std::string title;
      if (a == id) {
        score = HeadlineScore(article.title, words, story.centroids[kWords]);
        title = article.title;
      } else if (a != 0) {
        const HeadlineWords* cached = headline_cache.Find(a);
        if (cached == nullptr || p.moved.count(a)) {
          auto m = member_words(a);
          if (!m.ok()) return m.status();
          if (!m->has_value()) continue;
          cached = &headline_cache.Put(
              a, HeadlineWords{(*m)->stored.article.title, NormalizedTf((*m)->terms)});
        }
        score = HeadlineScore(cached->title, cached->words, story.centroids[kWords]);
        title = cached->title;
      }
      if (a == story.headline_article) {
        kept = score;
      } else {
        offered = score;
        offered_title = title;
      }
    }
    if (offered > kept) {
      story.headline_article = candidate;
      story.title = offered_title;
    }
    return Status::Ok();
  };

  StoryRecord* story = nullptr;
  if (best != 0 && best_score >= options.story_threshold) {
    auto touched = touch(best);
    if (!touched.ok()) return touched.status();
    story = &*(*touched)->record;
  } else {
    // A story of its own; an updated article alone in its story keeps its
    // story id, so that links to the story stay good.
    StoryId sid = vacated_story != 0 ? vacated_story : new_next_story++;
    ++new_story_count;
    std::optional<StoryRecord>& fresh = p.stories[sid].record;
    fresh = StoryRecord{};
    fresh->id = sid;
    fresh->first_seen = fresh->last_seen = t;
    story = &*fresh;
  }
  story->first_seen = story->article_count == 0 ? t : std::min(story->first_seen, t);
  story->last_seen = story->article_count == 0 ? t : std::max(story->last_seen, t);
  ++story->article_count;
  ++story->outlets[article.outlet];
  AdjustCentroids(story->centroids, vec, +1.0);
  AddEntities(*story, rec.entity_links, +1);
  if (Status hs = choose_headline(*story, id); !hs.ok()) return hs;

  // An article close to two stories bridges them: when the two are close
  // to each other as well, the smaller joins the larger, and its id
  // resolves to the larger from then on.
  if (second != 0 && second_score >= options.story_threshold) {
    auto other = current(second);
    if (!other.ok()) return other.status();
    if (*other != nullptr && StorySimilarity((*other)->centroids, story->centroids, idfs) >=
                                 options.story_merge_threshold) {
      StoryId from = story->id, into = second;
      if ((*other)->article_count < story->article_count ||
          ((*other)->article_count == story->article_count && second > story->id)) {
        std::swap(from, into);
      }
      auto from_touched = touch(from);
      if (!from_touched.ok()) return from_touched.status();
      auto into_touched = touch(into);
      if (!into_touched.ok()) return into_touched.status();
      StoryRecord& a = *(*from_touched)->record;
      StoryRecord& b = *(*into_touched)->record;
      auto members = StoryMembers(from);
      if (!members.ok()) return members.status();
      for (ArticleId m : *members) {
        if (m == id) continue;  // the old version of this article: it left already
        auto moved = member_words(m);
        if (!moved.ok()) return moved.status();
        if (!moved->has_value()) continue;
        (*moved)->stored.story = into;
        p.moved[m] = std::move(**moved);
        p.batch.Delete(cf[kStoryMembers], BigEndian64(from) + BigEndian64(m));
        p.batch.Put(cf[kStoryMembers], BigEndian64(into) + BigEndian64(m), "");
      }
      b.first_seen = std::min(a.first_seen, b.first_seen);
      b.last_seen = std::max(a.last_seen, b.last_seen);
      b.article_count += a.article_count;
      for (auto& [outlet, n] : a.outlets) b.outlets[outlet] += n;
      for (auto& [origin, n] : a.origins) b.origins[origin] += n;
      AdjustCentroids(b.centroids, a.centroids, +1.0);
      for (auto& [entity, n] : a.entities) b.entities[entity] += n;
      if (Status hs = choose_headline(b, a.headline_article); !hs.ok()) return hs;
      for (auto& [gone, target] : p.redirects) {
        if (target == from) target = into;
      }
      p.redirects[from] = into;
      (*from_touched)->record.reset();
      --new_story_count;
      story = &b;
    }
  }
  rec.stored.story = story->id;
  spent.stories += clock() - mark;

  std::uint64_t new_next_fact = next_fact_id;
  if (Status fs = CommitFacts(p.batch, old ? &*old : nullptr, rec, document_ids, new_next_fact);
      !fs.ok()) {
    return fs;
  }
  // Its origin (now that its copy root is known), counted in its story: a
  // copy's is its root's, whatever its own text credits, so that every copy
  // of one text has one origin in whatever order they arrive.
  rec.stored.origin = article.facts.credit;
  if (rec.copy_of != 0 && rec.copy_of != id) {
    // Its outlet and origin only: not the whole record.
    s = db->Get(ro, cf[kArticles], BigEndian64(rec.copy_of), &value);
    if (!s.ok() && !s.IsNotFound()) return FromRocks(s, dir);
    if (s.ok()) {
      auto root = DecodeArticleGlance(value);
      if (!root.ok()) return root.status().WithContext("database " + dir);
      rec.stored.origin = root->Origin();
    }
  }
  if (NamesOutlet(rec.stored.origin, article.outlet)) rec.stored.origin.clear();
  ++story->origins[OriginKey(rec.stored.Origin())];

  // Everything goes into one batch.
  p.batch.Put(cf[kArticles], BigEndian64(id), EncodeArticle(rec));
  p.batch.Put(cf[kUrls], url_key, BigEndian64(id));
  if (!rec.alias_key.empty()) p.batch.Put(cf[kUrlAliases], rec.alias_key, BigEndian64(id));
  p.batch.Put(cf[kFingerprints], BigEndian64(fingerprint), BigEndian64(id));
  p.batch.Put(cf[kStoryMembers], BigEndian64(story->id) + BigEndian64(id), "");
  mark = clock();
  for (auto& [sid, touched] : p.stories) {
    if (touched.stored_last_seen) {
      p.batch.Delete(cf[kStoryTime], StoryTimeKey(*touched.stored_last_seen, sid));
      for (const std::string& key : touched.stored_keys) {
        p.batch.Delete(cf[kStoryKeys], StoryKeysKey(key, *touched.stored_last_seen, sid));
      }
    }
    if (touched.record) {
      touched.record->index_keys = StoryIndexKeys(touched.record->centroids);
      p.batch.Put(cf[kStories], BigEndian64(sid), EncodeStory(*touched.record));
      p.batch.Put(cf[kStoryTime], StoryTimeKey(touched.record->last_seen, sid), "");
      for (const std::string& key : touched.record->index_keys) {
        p.batch.Put(cf[kStoryKeys], StoryKeysKey(key, touched.record->last_seen, sid), "");
      }
    } else {
      p.batch.Delete(cf[kStories], BigEndian64(sid));
    }
  }
  for (auto& [gone, target] : p.redirects) {
    p.batch.Put(cf[kStoryRedirects], BigEndian64(gone), BigEndian64(target));
  }
  spent.stories += clock() - mark;
  for (auto& [mid, moved] : p.moved)
    p.batch.Put(cf[kArticles], BigEndian64(mid), EncodeArticle(moved));
  std::vector<std::pair<TermStats*, std::uint64_t>> new_doc_freq;
  new_doc_freq.reserve(p.doc_freq_delta.size());
  for (auto& [term, delta] : p.doc_freq_delta) {
    if (delta == 0) continue;
    auto stats = MutableWordStats(term);
    if (!stats.ok()) return stats.status();
    std::uint64_t n = static_cast<std::uint64_t>(
        std::max<std::int64_t>(0, static_cast<std::int64_t>((*stats)->df) + delta));
    new_doc_freq.emplace_back(*stats, n);
    if (kind == CommitKind::kNew) continue;  // pending_df, after the write
    if (n == 0) {
      p.batch.Delete(cf[kDocFreq], term);
    } else {
      p.batch.Put(cf[kDocFreq], term, BigEndian64(n));
    }
  }
  for (auto& [outlet, delta] : p.outlet_delta) {
    if (delta == 0) continue;
    std::string v;
    s = db->Get(ro, cf[kOutlets], outlet, &v);
    if (!s.ok() && !s.IsNotFound()) return FromRocks(s, dir);
    std::int64_t n = static_cast<std::int64_t>(s.ok() ? ReadBigEndian64(v) : 0) + delta;
    if (n <= 0) {
      p.batch.Delete(cf[kOutlets], outlet);
    } else {
      p.batch.Put(cf[kOutlets], outlet, BigEndian64(static_cast<std::uint64_t>(n)));
    }
  }
  if (frontier_url != nullptr) p.batch.Delete(cf[kFrontier], *frontier_url);
  p.batch.Put(cf[kMeta], kNextArticleKey, BigEndian64(new_next_article));
  p.batch.Put(cf[kMeta], kNextStoryKey, BigEndian64(new_next_story));
  p.batch.Put(cf[kMeta], kArticleCountKey, BigEndian64(new_article_count));
  p.batch.Put(cf[kMeta], kStoryCountKey, BigEndian64(new_story_count));
  mark = clock();
  entities.Write(p.batch);
  spent.entities += clock() - mark;
  mark = clock();
  if (Status ss = WriteSearchIndex(SearchIndex(), old ? &*old : nullptr, rec, term_lists, p.batch);
      !ss.ok())
    return ss;
  spent.search += clock() - mark;
  p.batch.Put(cf[kMeta], kNextFactKey, BigEndian64(new_next_fact));
  p.batch.Put(cf[kMeta], kNextEntityKey, BigEndian64(entities.next_id()));
  p.batch.Put(cf[kMeta], kEntityCountKey, BigEndian64(entities.count()));

  mark = clock();
  s = db->Write(rocksdb::WriteOptions(), &p.batch);
  if (!s.ok()) return FromRocks(s, dir);
  spent.write += clock() - mark;

  for (auto& [stats, n] : new_doc_freq) stats->SetDocFreq(n);
  if (kind == CommitKind::kNew) {
    std::lock_guard<std::mutex> lock(pending_mu);
    for (auto& [term, delta] : p.doc_freq_delta)
      if (delta != 0) pending_df[term] += delta;
    ++pending_df_articles;
  }
  headline_cache.Erase(id);  // an update changed its words
  for (auto& [sid, touched] : p.stories) {
    if (touched.record && touched.record->headline_article == id) {
      // It heads a story now: the next article of the story is weighed against it.
      headline_cache.Put(id, HeadlineWords{article.title, words});
      break;
    }
  }
  for (auto& [sid, touched] : p.stories) {
    scored_stories.Erase(sid);
    if (touched.record) {
      story_cache.Put(sid, std::move(*touched.record));
    } else {
      story_cache.Erase(sid);
    }
  }
  next_article_id = new_next_article;
  next_story_id = new_next_story;
  article_count = new_article_count;
  story_count = new_story_count;
  next_entity_id = entities.next_id();
  entity_count = entities.count();
  std::move(entities).Publish(kEntityCacheSize);
  next_fact_id = new_next_fact;
  if (pending_df_articles >= options.doc_freq_batch) {
    // A failed write is tried again after the next article; until then the
    // counts stay pending (and a writer opened after a crash counts them).
    mark = clock();
    const Status folded = FoldDocFreq();
    static_cast<void>(folded);
    spent.write += clock() - mark;
  }
  ++profile.commits;
  profile.total += clock() - started;
  profile.stories += spent.stories;
  profile.entities += spent.entities;
  profile.search += spent.search;
  profile.write += spent.write;
  return CommitOutcome{kind, id, rec.stored.story};
}

namespace {

// A fact's side as a key: a stored entity by id, else a value or words.
std::string ArgumentKey(const FactArgument& a, const std::vector<EntityId>& document_ids) {
  if (a.kind == FactArgument::Kind::kEntity && a.entity >= 0 &&
      static_cast<std::size_t>(a.entity) < document_ids.size() &&
      document_ids[static_cast<std::size_t>(a.entity)] != 0) {
    return "e" + std::to_string(document_ids[static_cast<std::size_t>(a.entity)]);
  }
  if (a.key.empty()) return "";
  switch (a.kind) {
    case FactArgument::Kind::kEntity:
      return "n:" + a.key;
    case FactArgument::Kind::kValue:
      return "v:" + a.key;
    case FactArgument::Kind::kText:
      return "t:" + a.key;
  }
  return "";
}

}  // namespace

std::string FactKey(const std::string& subject, const std::string& predicate_class,
                    const std::string& object) {
  return subject + '\x1f' + predicate_class + '\x1f' + object;
}

std::string SimhashBandKey(int band, std::uint64_t simhash, ArticleId id) {
  std::string key(1, static_cast<char>(band));
  const auto bits = static_cast<std::uint16_t>(simhash >> (16 * band));
  key.push_back(static_cast<char>(bits >> 8));
  key.push_back(static_cast<char>(bits & 0xff));
  return key + BigEndian64(id);
}

Status Store::Impl::CommitFacts(rocksdb::WriteBatch& batch, const ArticleRecord* old,
                                ArticleRecord& rec, const std::vector<EntityId>& document_ids,
                                std::uint64_t& next_fact) {
  const ArticleId id = rec.stored.id;
  const Article& article = rec.stored.article;
  const rocksdb::ReadOptions ro;
  std::map<FactId, std::optional<FactRecord>> facts;  // touched: nullopt = deleted
  auto load_fact = [&](FactId fid) -> Result<std::optional<FactRecord>*> {
    auto it = facts.find(fid);
    if (it != facts.end()) return &it->second;
    std::string v;
    rocksdb::Status s = db->Get(ro, cf[kFacts], BigEndian64(fid), &v);
    std::optional<FactRecord> r;
    if (s.ok()) {
      auto d = DecodeFact(v);
      if (!d.ok())
        return d.status().WithContext("database " + dir + ", fact " + std::to_string(fid));
      r = std::move(*d);
    } else if (!s.IsNotFound()) {
      return FromRocks(s, dir);
    }
    return &facts.emplace(fid, std::move(r)).first->second;
  };

  // The old version's support and bands go.
  std::map<std::string, FactId> keys_gone;
  if (old != nullptr) {
    for (FactId fid : old->fact_ids) {
      batch.Delete(cf[kFactSupport], BigEndian64(fid) + BigEndian64(id));
      auto f = load_fact(fid);
      if (!f.ok()) return f.status();
      if (!**f) continue;
      FactRecord& r = ***f;
      if (r.articles > 0) --r.articles;
      if (r.articles == 0) {
        keys_gone[r.key] = fid;
        **f = std::nullopt;
      }
    }
    if (old->simhash != 0) {
      for (int band = 0; band < 4; ++band) {
        batch.Delete(cf[kSimhashBands], SimhashBandKey(band, old->simhash, id));
      }
    }
  }

  // Syndication: the root of the first stored near copy of this text
  // (rec.simhash is its text's).
  rec.copy_of = 0;
  if (rec.simhash != 0) {
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(ro, cf[kSimhashBands]));
    for (int band = 0; band < 4; ++band) {
      const std::string prefix = SimhashBandKey(band, rec.simhash, 0).substr(0, 3);
      for (it->Seek(prefix); it->Valid() && HasPrefix(it->key(), prefix); it->Next()) {
        if (it->key().size() != 11 || it->value().size() != 16) {
          return Status::Corruption("database " + dir +
                                    ": malformed simhash_bands entry; run `newsdesk check`");
        }
        ArticleId other = ReadBigEndian64(std::string_view(it->key().data() + 3, 8));
        if (other == id) continue;
        std::uint64_t other_hash = ReadBigEndian64(std::string_view(it->value().data(), 8));
        ArticleId root = ReadBigEndian64(std::string_view(it->value().data() + 8, 8));
        if (SimhashDistance(rec.simhash, other_hash) > options.near_duplicate_bits) continue;
        ArticleId group = root != 0 ? root : other;
        if (rec.copy_of == 0 || group < rec.copy_of) rec.copy_of = group;
      }
      if (!it->status().ok()) return FromRocks(it->status(), dir);
    }
    for (int band = 0; band < 4; ++band) {
      batch.Put(cf[kSimhashBands], SimhashBandKey(band, rec.simhash, id),
                BigEndian64(rec.simhash) + BigEndian64(rec.copy_of));
    }
  }

  // The new version's facts, one support per fact key.
  std::map<std::string, std::vector<const Fact*>> by_key;
  for (const Fact& f : article.facts.facts) {
    std::string subject = ArgumentKey(f.subject, document_ids);
    std::string object = ArgumentKey(f.object, document_ids);
    if (subject.empty() || object.empty() || f.predicate_class.empty()) continue;
    by_key[FactKey(subject, f.predicate_class, object)].push_back(&f);
  }
  rec.fact_ids.clear();
  for (auto& [key, sentences] : by_key) {
    FactId fid = 0;
    std::string v;
    rocksdb::Status s = db->Get(ro, cf[kFactKeys], key, &v);
    if (s.ok()) {
      fid = ReadBigEndian64(v);
    } else if (!s.IsNotFound()) {
      return FromRocks(s, dir);
    }
    if (fid == 0 || keys_gone.count(key)) {
      if (fid == 0) fid = next_fact++;
      keys_gone.erase(key);
    }
    auto f = load_fact(fid);
    if (!f.ok()) return f.status();
    if (!**f) {
      const Fact& first = *sentences.front();
      FactRecord r;
      r.id = fid;
      r.key = key;
      r.subject = first.subject;
      r.predicate = first.predicate;
      r.predicate_class = first.predicate_class;
      r.object = first.object;
      r.first_seen = rec.stored.Time();
      **f = std::move(r);
    }
    FactRecord& r = ***f;
    ++r.articles;
    r.first_seen = std::min(r.first_seen, rec.stored.Time());
    FactSupport support;
    support.article = id;
    for (const Fact* x : sentences) support.sentences.push_back(*x);
    batch.Put(cf[kFactSupport], BigEndian64(fid) + BigEndian64(id), EncodeFactSupport(support));
    batch.Put(cf[kFactKeys], key, BigEndian64(fid));
    rec.fact_ids.push_back(fid);
  }
  for (auto& [key, fid] : keys_gone) batch.Delete(cf[kFactKeys], key);
  for (auto& [fid, r] : facts) {
    if (r) {
      batch.Put(cf[kFacts], BigEndian64(fid), EncodeFact(*r));
    } else {
      batch.Delete(cf[kFacts], BigEndian64(fid));
    }
  }
  return Status::Ok();
}

namespace {

// The display name of a fact's side: a stored entity's name, else its words.
std::string ArgumentName(const Store& store, const std::string& key, const FactArgument& arg) {
  if (key.size() > 1 && key[0] == 'e') {
    EntityId id = std::strtoull(key.c_str() + 1, nullptr, 10);
    auto e = store.GetEntity(id);
    if (e.ok() && e->has_value()) return (*e)->name;
  }
  return arg.text.empty() ? arg.key : arg.text;
}

// The subject and object parts of a FactKey.
std::pair<std::string, std::string> SidesOfKey(const std::string& key) {
  std::size_t a = key.find('\x1f');
  std::size_t b = key.rfind('\x1f');
  if (a == std::string::npos || b == a) return {key, ""};
  return {key.substr(0, a), key.substr(b + 1)};
}

}  // namespace

Result<std::optional<FactSummary>> Store::GetFact(FactId id) const {
  const rocksdb::ReadOptions ro;
  std::string v;
  rocksdb::Status s = impl_->db->Get(ro, impl_->cf[kFacts], BigEndian64(id), &v);
  if (s.IsNotFound()) return std::optional<FactSummary>();
  if (!s.ok()) return FromRocks(s, impl_->dir);
  auto record = DecodeFact(v);
  if (!record.ok()) {
    return record.status().WithContext("database " + impl_->dir + ", fact " + std::to_string(id));
  }
  const FactRecord& r = *record;
  FactSummary out;
  out.id = id;
  auto [subject_key, object_key] = SidesOfKey(r.key);
  out.subject = ArgumentName(*this, subject_key, r.subject);
  out.object = ArgumentName(*this, object_key, r.object);
  out.predicate = r.predicate;
  out.predicate_class = r.predicate_class;

  std::set<std::string> outlets, origins;
  std::map<std::string, std::uint64_t> dates, quantities;
  std::unique_ptr<rocksdb::Iterator> it(impl_->db->NewIterator(ro, impl_->cf[kFactSupport]));
  const std::string prefix = BigEndian64(id);
  for (it->Seek(prefix); it->Valid() && HasPrefix(it->key(), prefix); it->Next()) {
    auto support = DecodeFactSupport(std::string_view(it->value().data(), it->value().size()));
    if (!support.ok()) return support.status().WithContext("database " + impl_->dir);
    auto article = impl_->LoadArticle(support->article);
    if (!article.ok()) return article.status();
    if (!article->has_value() || support->sentences.empty()) continue;
    const ArticleRecord& a = **article;
    FactEvidence e;
    e.article = a.stored.id;
    e.outlet = a.stored.article.outlet;
    e.url = a.stored.article.canonical_url;
    e.time = a.stored.Time();
    e.declared_sources = a.stored.article.facts.declared_source_count;
    // The sentence that names its origin, else the first.
    const Fact* said = &support->sentences.front();
    for (const Fact& f : support->sentences) {
      if (!f.origin.empty() || !f.origin_kind.empty()) {
        said = &f;
        break;
      }
    }
    e.evidence = said->evidence;
    e.negated = said->negated;
    e.hedged = said->hedged;
    // Every date the article gives for it (one sentence may state it
    // undated, another dated).
    std::set<std::string> article_dates;
    for (const Fact& f : support->sentences) {
      if (f.date && !f.negated) article_dates.insert(*f.date);
    }
    e.date = said->date              ? said->date
             : article_dates.empty() ? std::nullopt
                                     : std::optional<std::string>(*article_dates.begin());
    std::set<std::string> article_quantities;
    for (const Fact& f : support->sentences) {
      if (!f.quantity || f.negated) continue;
      std::string quantity = QuantityText(*f.quantity);
      article_quantities.insert(quantity);
      if (!e.quantity || &f == said) e.quantity = quantity;
    }
    if (!said->origin.empty()) {
      e.origin = said->origin;
      e.origin_kind = said->origin_kind;
    } else if (said->origin_kind == "report") {
      e.origin_kind = "report";  // named below
    } else if (!a.stored.origin.empty()) {
      // The article's own origin: a copy's (its copy root's), else the
      // upstream its text credits.
      e.origin = a.stored.origin;
      e.origin_kind = a.copy_of != 0 && a.copy_of != a.stored.id ? "syndicated" : "credited";
    } else {
      e.origin = e.outlet;
      e.origin_kind = "own";
    }
    if (e.negated) {
      out.disputing.push_back(std::move(e));
      continue;
    }
    outlets.insert(OriginKey(e.outlet));
    for (const std::string& d : article_dates) ++dates[d];
    for (const std::string& q : article_quantities) ++quantities[q];
    out.support.push_back(std::move(e));
  }
  if (!it->status().ok()) return FromRocks(it->status(), impl_->dir);
  auto earlier = [](const FactEvidence& a, const FactEvidence& b) {
    return a.time != b.time ? a.time < b.time : a.article < b.article;
  };
  std::sort(out.support.begin(), out.support.end(), earlier);
  std::sort(out.disputing.begin(), out.disputing.end(), earlier);
  // An article that relays "the report" without naming it is not a source
  // of its own: it is taken as the upstream the other supporting articles
  // name (the earliest cited), else as its outlet's own report.
  const FactEvidence* named = nullptr;
  for (const FactEvidence& e : out.support)
    if (e.origin_kind == "according_to" || e.origin_kind == "reported_by") {
      named = &e;
      break;
    }
  for (FactEvidence& e : out.support) {
    if (e.origin_kind == "report") e.origin = named != nullptr ? named->origin : e.outlet;
    origins.insert(OriginKey(e.origin));
  }
  out.sources = outlets.size();
  out.independent = origins.size();
  const std::pair<const char*, const std::map<std::string, std::uint64_t>*> kinds[] = {
      {"date", &dates}, {"quantity", &quantities}};
  for (const auto& [what, values] : kinds) {
    if (values->size() < 2) continue;
    FactDispute d;
    d.what = what;
    d.values.assign(values->begin(), values->end());
    std::stable_sort(d.values.begin(), d.values.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    out.disputes.push_back(std::move(d));
  }
  return std::optional<FactSummary>(std::move(out));
}

Result<std::vector<FactSummary>> Store::ListFacts(const FactQuery& query) const {
  std::set<FactId> ids;
  if (query.story) {
    auto story = GetStory(*query.story);
    if (!story.ok()) return story.status();
    if (!story->has_value()) return std::vector<FactSummary>();
    for (const auto& member : (*story)->articles) {
      auto a = impl_->LoadArticle(member.id);
      if (!a.ok()) return a.status();
      if (a->has_value()) ids.insert((*a)->fact_ids.begin(), (*a)->fact_ids.end());
    }
    if (query.entity) {
      // Both filters: the story's facts about the entity.
      const std::string entity = "e" + std::to_string(*query.entity);
      for (auto it = ids.begin(); it != ids.end();) {
        std::string v;
        rocksdb::Status s =
            impl_->db->Get(rocksdb::ReadOptions(), impl_->cf[kFacts], BigEndian64(*it), &v);
        if (!s.ok() && !s.IsNotFound()) return FromRocks(s, impl_->dir);
        auto record = s.ok() ? DecodeFact(v) : Result<FactRecord>(FactRecord{});
        if (!record.ok()) return record.status();
        auto [subject, object] = SidesOfKey(record->key);
        it = subject == entity || object == entity ? std::next(it) : ids.erase(it);
      }
    }
  } else {
    const std::string entity = query.entity ? "e" + std::to_string(*query.entity) : "";
    Status s = impl_->ForEach(kFactKeys, [&](rocksdb::Slice k, rocksdb::Slice v) {
      if (!entity.empty()) {
        auto [subject, object] = SidesOfKey(k.ToString());
        if (subject != entity && object != entity) return Status::Ok();
      }
      ids.insert(ReadBigEndian64(std::string_view(v.data(), v.size())));
      return Status::Ok();
    });
    if (!s.ok()) return s;
  }
  std::vector<FactSummary> out;
  for (FactId id : ids) {
    auto f = GetFact(id);
    if (!f.ok()) return f.status();
    if (!f->has_value() || (*f)->sources < query.min_sources) continue;
    out.push_back(std::move(**f));
  }
  std::sort(out.begin(), out.end(), [](const FactSummary& a, const FactSummary& b) {
    if (a.sources != b.sources) return a.sources > b.sources;
    if (a.independent != b.independent) return a.independent > b.independent;
    return a.id < b.id;
  });
  if (out.size() > query.limit) out.resize(query.limit);
  return out;
}

Result<ClaimCheck> Store::VerifyClaim(std::string_view claim) const {
  ClaimCheck out;
  auto parsed = ParseClaim(claim);
  if (!parsed.ok()) return parsed.status();
  out.parsed = std::move(parsed).value();
  // A side of the claim as the keys it may be stored under.
  auto side_keys = [&](const FactArgument& a) -> Result<std::vector<std::string>> {
    std::vector<std::string> keys;
    if (a.kind == FactArgument::Kind::kEntity) {
      auto found = FindEntities(a.text, 0);
      if (!found.ok()) return found.status();
      for (const EntitySummary& e : found->matches) keys.push_back("e" + std::to_string(e.id));
    }
    std::vector<EntityId> none;
    std::string plain = ArgumentKey(a, none);
    if (!plain.empty()) keys.push_back(plain);
    return keys;
  };
  const rocksdb::ReadOptions ro;
  std::set<FactId> exact, near;
  for (const Fact& f : out.parsed) {
    auto subjects = side_keys(f.subject);
    if (!subjects.ok()) return subjects.status();
    auto objects = side_keys(f.object);
    if (!objects.ok()) return objects.status();
    std::set<std::string> object_set(objects->begin(), objects->end());
    for (const std::string& subject : *subjects) {
      std::unique_ptr<rocksdb::Iterator> it(impl_->db->NewIterator(ro, impl_->cf[kFactKeys]));
      const std::string prefix = subject + '\x1f';
      for (it->Seek(prefix); it->Valid() && HasPrefix(it->key(), prefix); it->Next()) {
        const std::string key = it->key().ToString();
        FactId id = ReadBigEndian64(std::string_view(it->value().data(), it->value().size()));
        std::string rest = key.substr(prefix.size());
        std::size_t bar = rest.find('\x1f');
        if (bar == std::string::npos) continue;
        std::string predicate_class = rest.substr(0, bar), object = rest.substr(bar + 1);
        bool same_class = predicate_class == f.predicate_class;
        bool same_object = object_set.count(object) > 0;
        if (same_class && same_object) {
          exact.insert(id);
        } else if (same_class || same_object) {
          near.insert(id);
        }
      }
      if (!it->status().ok()) return FromRocks(it->status(), impl_->dir);
    }
  }
  for (FactId id : exact) near.erase(id);
  auto load = [&](const std::set<FactId>& ids, std::vector<FactSummary>& into) -> Status {
    for (FactId id : ids) {
      auto f = GetFact(id);
      if (!f.ok()) return f.status();
      if (f->has_value()) into.push_back(std::move(**f));
    }
    std::sort(into.begin(), into.end(), [](const FactSummary& a, const FactSummary& b) {
      return a.sources != b.sources ? a.sources > b.sources : a.id < b.id;
    });
    return Status::Ok();
  };
  if (Status s = load(exact, out.matches); !s.ok()) return s;
  if (Status s = load(near, out.near); !s.ok()) return s;
  if (out.near.size() > 10) out.near.resize(10);
  return out;
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

Result<std::unique_ptr<Store>> Store::OpenForWrite(const std::string& dir, StoreOptions options) {
  auto impl = std::make_unique<Impl>();
  impl->dir = dir;
  impl->options = std::move(options);
  if (Status s = impl->Open(true); !s.ok()) return s;
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

Result<std::unique_ptr<Store>> Store::OpenForRead(const std::string& dir) {
  auto impl = Impl::OpenReader(dir);
  if (!impl.ok()) return impl.status();
  return std::unique_ptr<Store>(new Store(std::move(impl).value()));
}

Result<CommitOutcome> Store::Commit(const Article& article) {
  return Commit(article, DigestArticle(article));
}

Result<CommitOutcome> Store::Commit(const Article& article, ArticleDigest digest) {
  std::lock_guard<std::mutex> lock(impl_->write_mu);
  return impl_->Commit(article, std::move(digest), nullptr);
}

CommitProfile Store::Profile() const {
  std::lock_guard<std::mutex> lock(impl_->write_mu);
  return impl_->profile;
}

Result<CommitOutcome> Store::CommitFromFrontier(const Article& article,
                                                const std::string& frontier_url) {
  ArticleDigest digest = DigestArticle(article);
  std::lock_guard<std::mutex> lock(impl_->write_mu);
  return impl_->Commit(article, std::move(digest), &frontier_url);
}

Status Store::PutSource(const SourceState& source) {
  if (impl_->read_only)
    return Status::InvalidInput("database " + impl_->dir + " is open read-only");
  rocksdb::Status s = impl_->db->Put(rocksdb::WriteOptions(), impl_->cf[kSources], source.url,
                                     EncodeSource(source));
  return s.ok() ? Status::Ok() : FromRocks(s, impl_->dir);
}

Result<std::optional<SourceState>> Store::GetSource(const std::string& url) const {
  std::string v;
  rocksdb::Status s = impl_->db->Get(rocksdb::ReadOptions(), impl_->cf[kSources], url, &v);
  if (s.IsNotFound()) return std::optional<SourceState>();
  if (!s.ok()) return FromRocks(s, impl_->dir);
  auto r = DecodeSource(v);
  if (!r.ok()) return r.status().WithContext("database " + impl_->dir);
  return std::optional<SourceState>(std::move(r).value());
}

Result<std::vector<SourceState>> Store::ListSources() const {
  std::vector<SourceState> out;
  Status s = impl_->ForEach(kSources, [&](rocksdb::Slice, rocksdb::Slice value) {
    auto r = DecodeSource(std::string_view(value.data(), value.size()));
    if (!r.ok()) return r.status().WithContext("database " + impl_->dir);
    out.push_back(std::move(r).value());
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Status Store::AddToFrontier(const std::vector<FrontierItem>& items) {
  if (impl_->read_only)
    return Status::InvalidInput("database " + impl_->dir + " is open read-only");
  rocksdb::WriteBatch batch;
  for (const FrontierItem& item : items) {
    batch.Put(impl_->cf[kFrontier], item.url, EncodeFrontierItem(item));
  }
  rocksdb::Status s = impl_->db->Write(rocksdb::WriteOptions(), &batch);
  return s.ok() ? Status::Ok() : FromRocks(s, impl_->dir);
}

Status Store::RemoveFromFrontier(const std::string& url) {
  if (impl_->read_only)
    return Status::InvalidInput("database " + impl_->dir + " is open read-only");
  rocksdb::Status s = impl_->db->Delete(rocksdb::WriteOptions(), impl_->cf[kFrontier], url);
  return s.ok() ? Status::Ok() : FromRocks(s, impl_->dir);
}

Result<std::vector<FrontierItem>> Store::Frontier() const {
  std::vector<FrontierItem> out;
  Status s = impl_->ForEach(kFrontier, [&](rocksdb::Slice, rocksdb::Slice value) {
    auto r = DecodeFrontierItem(std::string_view(value.data(), value.size()));
    if (!r.ok()) return r.status().WithContext("database " + impl_->dir);
    out.push_back(std::move(r).value());
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Result<bool> Store::InFrontier(const std::string& url) const {
  std::string v;
  rocksdb::Status s = impl_->db->Get(rocksdb::ReadOptions(), impl_->cf[kFrontier], url, &v);
  if (s.IsNotFound()) return false;
  if (!s.ok()) return FromRocks(s, impl_->dir);
  return true;
}

Result<std::optional<StoredArticle>> Store::GetArticle(ArticleId id) const {
  auto r = impl_->LoadArticle(id);
  if (!r.ok()) return r.status();
  if (!r->has_value()) return std::optional<StoredArticle>();
  return std::optional<StoredArticle>(std::move((*r)->stored));
}

Result<std::optional<ArticleId>> Store::FindArticleByUrl(std::string_view url) const {
  std::string key = CanonicalUrl(url).value_or(std::string(url));
  for (Cf family : {kUrls, kUrlAliases}) {
    std::string v;
    rocksdb::Status s = impl_->db->Get(rocksdb::ReadOptions(), impl_->cf[family], key, &v);
    if (s.ok()) return std::optional<ArticleId>(ReadBigEndian64(v));
    if (!s.IsNotFound()) return FromRocks(s, impl_->dir);
  }
  return std::optional<ArticleId>();
}

Result<StoryId> Store::Impl::ResolveStory(StoryId id) const {
  for (int hop = 0; hop < kMaxRedirects; ++hop) {
    std::string v;
    rocksdb::Status s = db->Get(rocksdb::ReadOptions(), cf[kStoryRedirects], BigEndian64(id), &v);
    if (s.IsNotFound()) break;
    if (!s.ok()) return FromRocks(s, dir);
    id = ReadBigEndian64(v);
  }
  return id;
}

Status Store::Impl::AddMainEntities(const std::map<EntityId, std::uint64_t>& entities,
                                    StorySummary& summary) const {
  std::vector<std::pair<std::uint64_t, EntityId>> ranked;
  for (const auto& [entity, n] : entities) ranked.emplace_back(n, entity);
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  for (const auto& [n, entity] : ranked) {
    if (summary.entities.size() >= kStoryMainEntities) break;
    std::string v;
    rocksdb::Status s = db->Get(rocksdb::ReadOptions(), cf[kEntities], BigEndian64(entity), &v);
    if (s.IsNotFound()) continue;
    if (!s.ok()) return FromRocks(s, dir);
    auto r = DecodeEntity(v);
    if (!r.ok()) return r.status().WithContext("database " + dir);
    summary.entities.push_back(StoryEntity{entity, r->type, r->name, n});
  }
  return Status::Ok();
}

namespace {
StorySummary Summarize(const StoryRecord& r) {
  StorySummary s;
  s.id = r.id;
  s.title = r.title;
  s.first_seen = r.first_seen;
  s.last_seen = r.last_seen;
  s.article_count = r.article_count;
  for (const auto& [outlet, n] : r.outlets) s.outlets.push_back(outlet);
  s.independent = r.origins.size();
  return s;
}
}  // namespace

Result<std::vector<StorySummary>> Store::ListStories(const StoryQuery& query) const {
  std::vector<StorySummary> out;
  std::map<StoryId, std::map<EntityId, std::uint64_t>> entities;  // of the stories in `out`
  Status s = impl_->ForEach(kStories, [&](rocksdb::Slice, rocksdb::Slice value) {
    auto r = DecodeStory(std::string_view(value.data(), value.size()));
    if (!r.ok()) return r.status().WithContext("database " + impl_->dir);
    if (query.since && r->last_seen < *query.since) return Status::Ok();
    if (r->outlets.size() < query.min_sources) return Status::Ok();
    if (r->origins.size() < query.min_independent) return Status::Ok();
    out.push_back(Summarize(*r));
    entities.emplace(r->id, std::move(r->entities));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  std::sort(out.begin(), out.end(), [](const StorySummary& a, const StorySummary& b) {
    if (a.sources() != b.sources()) return a.sources() > b.sources();
    if (a.independent != b.independent) return a.independent > b.independent;
    if (a.article_count != b.article_count) return a.article_count > b.article_count;
    if (a.last_seen != b.last_seen) return a.last_seen > b.last_seen;
    return a.id < b.id;
  });
  if (query.limit != 0 && out.size() > query.limit) out.resize(query.limit);
  for (StorySummary& summary : out) {
    if (Status es = impl_->AddMainEntities(entities[summary.id], summary); !es.ok()) return es;
  }
  return out;
}

Result<std::optional<StoryDetail>> Store::GetStory(StoryId id) const {
  auto resolved = impl_->ResolveStory(id);
  if (!resolved.ok()) return resolved.status();
  id = *resolved;
  auto r = impl_->LoadStory(id);
  if (!r.ok()) return r.status();
  if (!r->has_value()) return std::optional<StoryDetail>();
  StoryDetail d;
  d.summary = Summarize(**r);
  if (Status es = impl_->AddMainEntities((*r)->entities, d.summary); !es.ok()) return es;
  auto members = impl_->StoryMembers(id);
  if (!members.ok()) return members.status();
  for (ArticleId m : *members) {
    auto a = impl_->LoadArticle(m);
    if (!a.ok()) return a.status();
    if (a->has_value()) d.articles.push_back(std::move((*a)->stored));
  }
  std::stable_sort(
      d.articles.begin(), d.articles.end(),
      [](const StoredArticle& a, const StoredArticle& b) { return a.Time() < b.Time(); });
  return std::optional<StoryDetail>(std::move(d));
}

Result<StoreStats> Store::Stats() const {
  StoreStats st;
  {
    std::lock_guard<std::mutex> lock(impl_->write_mu);  // Commit updates the counters
    st.articles = impl_->article_count;
    st.stories = impl_->story_count;
    st.entities = impl_->entity_count;
  }
  Status s = impl_->ForEach(kOutlets, [&](rocksdb::Slice, rocksdb::Slice) {
    ++st.outlets;
    return Status::Ok();
  });
  if (!s.ok()) return s;
  s = impl_->ForEach(kStories, [&](rocksdb::Slice, rocksdb::Slice value) {
    auto r = DecodeStory(std::string_view(value.data(), value.size()));
    if (!r.ok()) return r.status();
    if (r->outlets.size() >= 2) ++st.multi_source_stories;
    return Status::Ok();
  });
  if (!s.ok()) return s;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(impl_->dir, ec)) {
    if (entry.is_regular_file(ec)) st.bytes_on_disk += entry.file_size(ec);
  }
  return st;
}

namespace {

std::vector<NameCount> ByCount(const std::map<std::string, std::uint64_t>& counts) {
  std::vector<NameCount> out;
  for (const auto& [name, n] : counts) out.push_back({name, n});
  std::stable_sort(out.begin(), out.end(),
                   [](const NameCount& a, const NameCount& b) { return a.count > b.count; });
  return out;
}

EntitySummary SummarizeEntity(const EntityRecord& r) {
  EntitySummary e;
  e.id = r.id;
  e.type = r.type;
  e.name = r.name;
  e.aliases = ByCount(r.aliases);
  e.tickers = ByCount(r.tickers);
  e.outlets = ByCount(r.outlets);
  e.mentions = r.mentions;
  e.articles = r.articles;
  e.first_seen = r.first_seen;
  e.last_seen = r.last_seen;
  return e;
}

bool MoreMentioned(const EntitySummary& a, const EntitySummary& b) {
  if (a.mentions != b.mentions) return a.mentions > b.mentions;
  return a.id < b.id;
}

// The keys a name typed by a user may have: it could be any type's name.
std::set<std::string> QueryKeys(std::string_view name) {
  std::set<std::string> keys;
  for (EntityType t : {EntityType::kPerson, EntityType::kOrganization}) {
    std::string k = NormalizeEntityName(name, t);
    if (!k.empty()) keys.insert(std::move(k));
  }
  std::string symbol = NormalizeEntityName(TickerSymbol(name), EntityType::kTicker);
  if (!symbol.empty()) keys.insert(std::move(symbol));
  return keys;
}

// How many edits a suggestion may be from what was asked: one per four
// bytes, at least one, at most three.
std::size_t SuggestionDistance(std::size_t length) {
  return std::clamp<std::size_t>(length / 4, 1, 3);
}

}  // namespace

Result<std::optional<EntitySummary>> Store::GetEntity(EntityId id) const {
  auto r = LoadEntity(impl_->Entities(), id);
  if (!r.ok()) return r.status();
  if (!r->has_value()) return std::optional<EntitySummary>();
  return std::optional<EntitySummary>(SummarizeEntity(**r));
}

Result<EntityLookup> Store::FindEntities(std::string_view name, std::size_t max_suggestions) const {
  EntityLookup out;
  const EntityColumns c = impl_->Entities();
  const std::set<std::string> keys = QueryKeys(name);
  if (keys.empty()) return out;
  std::set<EntityId> ids;
  for (const std::string& k : keys) {
    auto found = ScanAliasIndex(c, c.aliases, k);
    if (!found.ok()) return found.status();
    ids.insert(found->begin(), found->end());
  }
  auto load = [&](const std::set<EntityId>& which, std::vector<EntitySummary>& into) -> Status {
    for (EntityId id : which) {
      auto r = LoadEntity(c, id);
      if (!r.ok()) return r.status();
      if (r->has_value()) into.push_back(SummarizeEntity(**r));
    }
    std::sort(into.begin(), into.end(), MoreMentioned);
    return Status::Ok();
  };
  if (Status s = load(ids, out.matches); !s.ok()) return s;
  if (!out.matches.empty() || max_suggestions == 0) return out;

  // Nothing has the name: names that start with it, or are a few edits
  // from it. Reads the alias keys only, not the records, until the end.
  std::set<EntityId> near;
  Status s = impl_->ForEach(kAliases, [&](rocksdb::Slice k, rocksdb::Slice) {
    std::string key;
    EntityId id = 0;
    if (!SplitAliasIndexKey(std::string_view(k.data(), k.size()), &key, &id)) return Status::Ok();
    for (const std::string& q : keys) {
      if (key.compare(0, q.size(), q) == 0 ||
          BoundedEditDistance(key, q, SuggestionDistance(q.size())) <=
              SuggestionDistance(q.size())) {
        near.insert(id);
        break;
      }
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  if (s = load(near, out.suggestions); !s.ok()) return s;
  if (out.suggestions.size() > max_suggestions) out.suggestions.resize(max_suggestions);
  return out;
}

Result<std::vector<EntitySummary>> Store::ListEntities(const EntityQuery& query) const {
  std::vector<EntitySummary> out;
  Status s = impl_->ForEach(kEntities, [&](rocksdb::Slice, rocksdb::Slice value) {
    auto r = DecodeEntity(std::string_view(value.data(), value.size()));
    if (!r.ok()) return r.status().WithContext("database " + impl_->dir);
    if (query.type && r->type != *query.type) return Status::Ok();
    if (query.since && r->last_seen < *query.since) return Status::Ok();
    out.push_back(SummarizeEntity(*r));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  std::sort(out.begin(), out.end(), MoreMentioned);
  if (query.limit != 0 && out.size() > query.limit) out.resize(query.limit);
  return out;
}

Result<std::optional<EntityDetail>> Store::GetEntityDetail(
    EntityId id, const EntityDetailOptions& options) const {
  const EntityColumns c = impl_->Entities();
  auto r = LoadEntity(c, id);
  if (!r.ok()) return r.status();
  if (!r->has_value()) return std::optional<EntityDetail>();
  EntityDetail d;
  d.summary = SummarizeEntity(**r);

  // Its articles, newest first, from the mentions index.
  std::vector<std::pair<ArticleId, std::uint64_t>> newest;
  {
    const std::string prefix = BigEndian64(id);
    std::unique_ptr<rocksdb::Iterator> it(
        impl_->db->NewIterator(rocksdb::ReadOptions(), impl_->cf[kMentions]));
    for (it->SeekForPrev(prefix + std::string(16, '\xff'));
         it->Valid() && HasPrefix(it->key(), prefix); it->Prev()) {
      if (it->key().size() != 24) {
        return Status::Corruption("database " + impl_->dir +
                                  ": malformed mentions key; run `newsdesk check`");
      }
      newest.emplace_back(
          ReadBigEndian64(std::string_view(it->key().data() + 16, 8)),
          ReadBigEndian64(std::string_view(it->value().data(), it->value().size())));
      if (options.max_articles_scanned != 0 && newest.size() >= options.max_articles_scanned) break;
    }
    if (!it->status().ok()) return FromRocks(it->status(), impl_->dir);
  }
  std::map<EntityId, std::uint64_t> shared;
  std::map<StoryId, std::uint64_t> stories;
  for (const auto& [aid, mentions] : newest) {
    auto a = impl_->LoadArticle(aid);
    if (!a.ok()) return a.status();
    if (!a->has_value()) continue;
    const ArticleRecord& rec = **a;
    if (options.article_limit == 0 || d.articles.size() < options.article_limit) {
      d.articles.push_back({aid, rec.stored.article.title, rec.stored.article.outlet,
                            rec.stored.article.published, rec.stored.Time(), mentions});
    }
    for (const EntityLink& l : rec.entity_links) {
      if (l.entity != id) ++shared[l.entity];
    }
    ++stories[rec.stored.story];
  }
  for (const auto& [eid, n] : shared) {
    auto e = LoadEntity(c, eid);
    if (!e.ok()) return e.status();
    if (e->has_value()) d.co_mentioned.push_back({eid, (*e)->type, (*e)->name, n});
  }
  std::sort(d.co_mentioned.begin(), d.co_mentioned.end(),
            [](const CoMentionedEntity& a, const CoMentionedEntity& b) {
              if (a.shared_articles != b.shared_articles)
                return a.shared_articles > b.shared_articles;
              return a.id < b.id;
            });
  if (options.co_mention_limit != 0 && d.co_mentioned.size() > options.co_mention_limit)
    d.co_mentioned.resize(options.co_mention_limit);
  for (const auto& [sid, n] : stories) {
    auto st = impl_->LoadStory(sid);
    if (!st.ok()) return st.status();
    if (st->has_value()) d.stories.push_back(Summarize(**st));
  }
  std::sort(d.stories.begin(), d.stories.end(), [](const StorySummary& a, const StorySummary& b) {
    if (a.last_seen != b.last_seen) return a.last_seen > b.last_seen;
    return a.id < b.id;
  });
  if (options.story_limit != 0 && d.stories.size() > options.story_limit)
    d.stories.resize(options.story_limit);
  return std::optional<EntityDetail>(std::move(d));
}

Result<std::vector<AliasCompletion>> Store::CompleteEntityName(std::string_view prefix,
                                                               std::size_t limit) const {
  std::vector<AliasCompletion> out;
  const EntityColumns c = impl_->Entities();
  // The prefix as typed ("quillan labo" of "Quillan Laboratory"), and as an
  // organisation's name ("Quillan Labs" of the key "quillan lab").
  std::set<std::string> prefixes;
  for (EntityType t : {EntityType::kPerson, EntityType::kOrganization}) {
    std::string q = NormalizeEntityName(prefix, t);
    if (!q.empty()) prefixes.insert(std::move(q));
  }
  std::map<EntityId, std::optional<EntityRecord>> records;
  std::set<std::string> seen;  // index keys, when both prefixes find one
  std::unique_ptr<rocksdb::Iterator> it(
      impl_->db->NewIterator(rocksdb::ReadOptions(), impl_->cf[kAliases]));
  for (const std::string& q : prefixes) {
    for (it->Seek(q); it->Valid() && HasPrefix(it->key(), q); it->Next()) {
      std::string key;
      EntityId id = 0;
      if (!SplitAliasIndexKey(std::string_view(it->key().data(), it->key().size()), &key, &id))
        continue;
      if (!seen.insert(it->key().ToString()).second) continue;
      auto slot = records.find(id);
      if (slot == records.end()) {
        auto r = LoadEntity(c, id);
        if (!r.ok()) return r.status();
        slot = records.emplace(id, std::move(r).value()).first;
      }
      if (!slot->second) continue;
      const EntityRecord& r = *slot->second;
      AliasCompletion a;
      a.entity = id;
      a.type = r.type;
      a.entity_name = r.name;
      std::uint64_t best = 0;
      auto consider = [&](const std::string& written, std::uint64_t n, std::string normalized) {
        if (normalized != key) return;
        a.count += n;
        if (n > best || a.alias.empty()) {
          best = n;
          a.alias = written;
        }
      };
      for (const auto& [form, n] : r.aliases)
        consider(
            form, n,
            NormalizeEntityName(form, r.type == EntityType::kTicker ? EntityType::kMisc : r.type));
      for (const auto& [ticker, n] : r.tickers)
        consider(ticker, n, NormalizeEntityName(TickerSymbol(ticker), EntityType::kTicker));
      if (!a.alias.empty()) out.push_back(std::move(a));
    }
    if (!it->status().ok()) return FromRocks(it->status(), impl_->dir);
  }
  std::stable_sort(out.begin(), out.end(), [](const AliasCompletion& a, const AliasCompletion& b) {
    return a.count > b.count;
  });
  if (limit != 0 && out.size() > limit) out.resize(limit);
  return out;
}

Result<SearchResults> Store::Search(const SearchQuery& query) const {
  return SearchArticles(impl_->SearchIndex(), query);
}

const std::string& Store::dir() const { return impl_->dir; }

}  // namespace newsdesk

namespace newsdesk {

Result<std::vector<std::string>> Store::Verify() const {
  // On a writer, no commit (or write of document frequencies) runs while
  // the records and indexes are compared.
  std::unique_lock<std::mutex> writing(impl_->write_mu, std::defer_lock);
  if (!impl_->read_only) writing.lock();
  std::vector<std::string> problems;
  auto problem = [&](std::string what) { problems.push_back(std::move(what)); };
  const Impl& db = *impl_;
  auto scan = [&](Cf family,
                  const std::function<void(const std::string&, const std::string&)>& fn) {
    return db.ForEach(family, [&](rocksdb::Slice k, rocksdb::Slice v) {
      fn(k.ToString(), v.ToString());
      return Status::Ok();
    });
  };
  auto id_of = [](const std::string& v) { return ReadBigEndian64(v); };

  // Every article's record without what only the search index's recount
  // reads (which reads each record again): text, entities and facts,
  // term counts (counted here). 100,000 whole records held 3.4 GB.
  std::map<ArticleId, ArticleRecord> articles;
  std::map<std::string, std::uint64_t> df_recount, outlets_recount;
  Status s = scan(kArticles, [&](const std::string& k, const std::string& v) {
    auto r = DecodeArticle(v);
    if (!r.ok())
      return problem("article record " + std::to_string(id_of(k)) + ": " + r.status().message());
    if (r->stored.id != id_of(k))
      problem("article " + std::to_string(id_of(k)) + " holds id " + std::to_string(r->stored.id));
    // `doc_freq` counts the articles up to its mark (the writer holds the
    // others' counts until it writes them; see FoldDocFreq).
    if (r->stored.id <= db.doc_freq_through)
      for (const TermCount& t : r->terms) ++df_recount[t.term];
    ++outlets_recount[r->stored.article.outlet];
    // Swapped or moved out: assigning `{}` to a string or vector keeps its
    // capacity.
    std::vector<TermCount>().swap(r->terms);
    Article& a = r->stored.article;
    std::string().swap(a.text);
    a.entities = DocumentEntities();
    a.facts = ArticleFacts();
    std::vector<std::string>().swap(a.keywords);
    std::vector<std::string>().swap(a.authors);
    articles.emplace(id_of(k), std::move(r).value());
  });
  if (!s.ok()) return s;
  std::map<StoryId, StoryRecord> stories;
  s = scan(kStories, [&](const std::string& k, const std::string& v) {
    auto r = DecodeStory(v);
    if (!r.ok())
      return problem("story record " + std::to_string(id_of(k)) + ": " + r.status().message());
    // The centroids (up to 540 terms) are checked here and not kept.
    if (r->index_keys != StoryIndexKeys(r->centroids))
      problem("story " + std::to_string(id_of(k)) + "'s index keys are not those of its centroids");
    r->centroids = ChannelVectors();
    stories.emplace(id_of(k), std::move(r).value());
  });
  if (!s.ok()) return s;

  std::map<StoryId, std::set<ArticleId>> members;
  s = scan(kStoryMembers, [&](const std::string& k, const std::string&) {
    if (k.size() != 16) return problem("malformed story_members key");
    StoryId sid = ReadBigEndian64(k.substr(0, 8));
    ArticleId aid = ReadBigEndian64(k.substr(8));
    members[sid].insert(aid);
    if (!stories.count(sid)) problem("story_members names missing story " + std::to_string(sid));
    auto a = articles.find(aid);
    if (a == articles.end()) {
      problem("story " + std::to_string(sid) + " lists missing article " + std::to_string(aid));
    } else if (a->second.stored.story != sid) {
      problem("story " + std::to_string(sid) + " lists article " + std::to_string(aid) +
              ", which says it is in story " + std::to_string(a->second.stored.story));
    }
  });
  if (!s.ok()) return s;
  for (const auto& [id, a] : articles) {
    if (!members[a.stored.story].count(id)) {
      problem("article " + std::to_string(id) + " is not among the members of its story " +
              std::to_string(a.stored.story));
    }
  }
  for (const auto& [sid, st] : stories) {
    const auto& m = members[sid];
    std::string story = "story " + std::to_string(sid);
    if (m.empty()) {
      problem(story + " has no articles");
      continue;
    }
    if (st.article_count != m.size()) {
      problem(story + " counts " + std::to_string(st.article_count) + " articles but has " +
              std::to_string(m.size()));
    }
    std::map<std::string, std::uint64_t> outlets, origins;
    UnixSeconds first = INT64_MAX, last = INT64_MIN;
    for (ArticleId aid : m) {
      auto a = articles.find(aid);
      if (a == articles.end()) continue;
      ++outlets[a->second.stored.article.outlet];
      ++origins[OriginKey(a->second.stored.Origin())];
      first = std::min(first, a->second.stored.Time());
      last = std::max(last, a->second.stored.Time());
    }
    if (outlets != st.outlets) problem(story + "'s outlets differ from its articles'");
    if (origins != st.origins) problem(story + "'s origins differ from its articles'");
    if (first != st.first_seen || last != st.last_seen)
      problem(story + "'s time span differs from its articles'");
    auto headline = articles.find(st.headline_article);
    if (!m.count(st.headline_article) || headline == articles.end() ||
        headline->second.stored.article.title != st.title) {
      problem(story + "'s headline is not one of its articles'");
    }
    StoryRecord sum;
    for (ArticleId aid : m) {
      if (auto a = articles.find(aid); a != articles.end())
        AddEntities(sum, a->second.entity_links, +1);
    }
    if (sum.entities != st.entities) problem(story + "'s entities differ from its articles'");
  }
  std::map<StoryId, std::set<std::string>> story_keys;
  s = scan(kStoryKeys, [&](const std::string& k, const std::string&) {
    auto nul = k.find('\0');
    if (nul == std::string::npos || k.size() != nul + 17)
      return problem("malformed story_keys key");
    StoryId sid = ReadBigEndian64(k.substr(nul + 9));
    auto st = stories.find(sid);
    if (st == stories.end())
      return problem("story_keys names missing story " + std::to_string(sid));
    if (StoryKeysKey(k.substr(0, nul), st->second.last_seen, sid) != k)
      problem("a story_keys key of story " + std::to_string(sid) + " is not at its last_seen");
    story_keys[sid].insert(k.substr(0, nul));
  });
  if (!s.ok()) return s;
  for (const auto& [sid, st] : stories) {
    if (story_keys[sid] != std::set<std::string>(st.index_keys.begin(), st.index_keys.end()))
      problem("story " + std::to_string(sid) + "'s story_keys differ from its index keys");
  }
  s = scan(kStoryRedirects, [&](const std::string& k, const std::string& v) {
    StoryId from = id_of(k);
    if (stories.count(from))
      problem("merged story " + std::to_string(from) + " still has a record");
    auto to = db.ResolveStory(id_of(v));
    if (!to.ok() || !stories.count(*to))
      problem("merged story " + std::to_string(from) + " leads to no story");
  });
  if (!s.ok()) return s;
  std::map<StoryId, int> time_keys;
  s = scan(kStoryTime, [&](const std::string& k, const std::string&) {
    if (k.size() != 16) return problem("malformed story_time key");
    StoryId sid = ReadBigEndian64(k.substr(8));
    ++time_keys[sid];
    auto st = stories.find(sid);
    if (st == stories.end()) {
      problem("story_time names missing story " + std::to_string(sid));
    } else if (StoryTimeKey(st->second.last_seen, sid) != k) {
      problem("story_time key of story " + std::to_string(sid) + " is not at its last_seen");
    }
  });
  if (!s.ok()) return s;
  for (const auto& [sid, st] : stories) {
    if (time_keys[sid] != 1) {
      problem("story " + std::to_string(sid) + " has " + std::to_string(time_keys[sid]) +
              " story_time keys");
    }
  }

  std::map<std::string, std::uint64_t> df_stored, outlets_stored;
  s = scan(kDocFreq, [&](const std::string& k, const std::string& v) { df_stored[k] = id_of(v); });
  if (!s.ok()) return s;
  s = scan(kOutlets,
           [&](const std::string& k, const std::string& v) { outlets_stored[k] = id_of(v); });
  if (!s.ok()) return s;
  if (df_recount != df_stored) problem("document frequencies differ from a recount");
  if (outlets_recount != outlets_stored) problem("outlet counts differ from a recount");

  s = scan(kFingerprints, [&](const std::string& k, const std::string& v) {
    auto a = articles.find(id_of(v));
    if (a == articles.end())
      return problem("a fingerprint points to missing article " + std::to_string(id_of(v)));
    if (a->second.stored.fingerprint != ReadBigEndian64(k)) {
      problem("a stale fingerprint points to article " + std::to_string(id_of(v)));
    }
  });
  if (!s.ok()) return s;
  auto check_urls = [&](Cf family, const char* name, std::string ArticleRecord::*owned) {
    std::size_t n = 0;
    Status st = scan(family, [&](const std::string& k, const std::string& v) {
      ++n;
      auto a = articles.find(id_of(v));
      if (a == articles.end())
        return problem(std::string(name) + " " + k + " points to a missing article");
      if (a->second.*owned != k)
        problem(std::string(name) + " " + k + " points to article " + std::to_string(a->first) +
                ", which does not own it");
    });
    std::size_t owners = 0;
    for (const auto& [id, a] : articles) owners += !(a.*owned).empty();
    if (st.ok() && n != owners)
      problem(std::string(name) + ": " + std::to_string(n) + " entries for " +
              std::to_string(owners) + " owners");
    return st;
  };
  if (s = check_urls(kUrls, "url", &ArticleRecord::url_key); !s.ok()) return s;
  if (s = check_urls(kUrlAliases, "url alias", &ArticleRecord::alias_key); !s.ok()) return s;

  // (write_mu is held since the start on a writer.)
  const std::uint64_t article_count = impl_->article_count, story_count = impl_->story_count;
  if (article_count != articles.size())
    problem("the article counter says " + std::to_string(article_count) + ", there are " +
            std::to_string(articles.size()));
  if (story_count != stories.size())
    problem("the story counter says " + std::to_string(story_count) + ", there are " +
            std::to_string(stories.size()));
  for (const auto& [id, a] : articles) {
    if (id >= impl_->next_article_id)
      problem("article " + std::to_string(id) + " is beyond the next id");
  }
  const std::uint64_t next_entity = impl_->next_entity_id, entity_count = impl_->entity_count;
  s = VerifyEntities(impl_->Entities(), articles, next_entity, entity_count, problem);
  if (!s.ok()) return s;
  // Facts: every support entry is an article's, and the article lists the
  // fact; every fact's article count is its support; keys and records agree.
  std::map<FactId, FactRecord> facts;
  s = scan(kFacts, [&](const std::string& k, const std::string& v) {
    auto r = DecodeFact(v);
    if (!r.ok())
      return problem("fact record " + std::to_string(id_of(k)) + ": " + r.status().message());
    facts.emplace(id_of(k), std::move(r).value());
  });
  if (!s.ok()) return s;
  std::map<FactId, std::uint64_t> supported;
  s = scan(kFactSupport, [&](const std::string& k, const std::string&) {
    if (k.size() != 16) return problem("malformed fact_support key");
    FactId fid = ReadBigEndian64(k.substr(0, 8));
    ArticleId aid = ReadBigEndian64(k.substr(8));
    ++supported[fid];
    std::string support =
        "fact " + std::to_string(fid) + "'s support by article " + std::to_string(aid);
    if (!facts.count(fid)) problem(support + " names a missing fact");
    auto a = articles.find(aid);
    if (a == articles.end()) {
      problem(support + " names a missing article");
    } else if (std::find(a->second.fact_ids.begin(), a->second.fact_ids.end(), fid) ==
               a->second.fact_ids.end()) {
      problem(support + ": the article does not list the fact");
    }
  });
  if (!s.ok()) return s;
  for (const auto& [id, a] : articles) {
    for (FactId fid : a.fact_ids) {
      if (!facts.count(fid)) {
        problem("article " + std::to_string(id) + " lists missing fact " + std::to_string(fid));
      }
    }
  }
  for (const auto& [fid, f] : facts) {
    if (f.articles != supported[fid]) {
      problem("fact " + std::to_string(fid) + " counts " + std::to_string(f.articles) +
              " articles, its support has " + std::to_string(supported[fid]));
    }
  }
  std::uint64_t keyed = 0;
  s = scan(kFactKeys, [&](const std::string& k, const std::string& v) {
    ++keyed;
    auto f = facts.find(id_of(v));
    if (f == facts.end() || f->second.key != k) {
      problem("fact key points to fact " + std::to_string(id_of(v)) + ", which has another key");
    }
  });
  if (!s.ok()) return s;
  if (keyed != facts.size()) {
    problem(std::to_string(facts.size()) + " facts but " + std::to_string(keyed) + " fact keys");
  }

  s = VerifySearchIndex(impl_->SearchIndex(), articles, problem);
  if (!s.ok()) return s;
  return problems;
}

}  // namespace newsdesk
