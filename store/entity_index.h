// Private to store/: entity resolution and the entity indexes.
//
// An entity record is a sum over the EntityLinks of the articles that name
// it; `aliases`, `alias_words` and `mentions` are indexes derived from the
// records and links. EntityCommit gathers one Commit's changes to all four
// so that they go into the article's WriteBatch.
#ifndef NEWSDESK_STORE_ENTITY_INDEX_H_
#define NEWSDESK_STORE_ENTITY_INDEX_H_

#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "store/records.h"

namespace newsdesk::store_internal {

// NormalizeEntityName, remembered per thread: a writer normalizes the same
// names in article after article, and ICU normalization costs microseconds
// a name. Forgets everything after kNormalizedNamesKept names.
inline constexpr std::size_t kNormalizedNamesKept = 200000;
std::string NormalizedName(std::string_view name, EntityType type);

struct EntityColumns {
  rocksdb::DB* db = nullptr;
  rocksdb::ColumnFamilyHandle* entities = nullptr;     // entity id → EntityRecord
  rocksdb::ColumnFamilyHandle* aliases = nullptr;      // AliasIndexKey → ""
  rocksdb::ColumnFamilyHandle* alias_words = nullptr;  // AliasIndexKey(word) → "", people only
  rocksdb::ColumnFamilyHandle* mentions = nullptr;     // MentionKey → mentions (u64)
  std::string dir;                                     // for messages
};

// A RocksDB error as a Status of ours: kCorruption for damage, else kIOError.
Status RocksError(const rocksdb::Status& s, const std::string& dir);

// A normalized name (never holding '\0') then the entity id, so that a scan
// of `key + '\0'` finds the entities with that name and a scan of a prefix
// of the key completes it.
std::string AliasIndexKey(std::string_view key, EntityId id);
// Splits an AliasIndexKey; false when malformed.
bool SplitAliasIndexKey(std::string_view index_key, std::string* key, EntityId* id);
// Entity id, time (clamped at 0), article id: an entity's articles in time order.
std::string MentionKey(EntityId entity, UnixSeconds time, ArticleId article);

// The normalized keys of an entity's names, and of its tickers' symbols.
std::set<std::string> FormKeys(const EntityRecord& r);
std::set<std::string> TickerKeys(const EntityRecord& r);
// Everything `aliases` holds for it: FormKeys ∪ TickerKeys.
std::set<std::string> AliasKeys(const EntityRecord& r);
// The words of a person's multi-word names (`alias_words`); empty for others.
std::set<std::string> AliasWords(const EntityRecord& r);
// The most used name of more than one word, else the most used name; of
// equals, the longest, then the first in byte order.
std::string CanonicalName(const std::map<std::string, std::uint64_t>& aliases);
// True for a name written like a listed share's symbol: 1–5 capitals or
// digits ("HBLN", "9988").
bool LooksLikeSymbol(std::string_view name);
// "NYSE:BABA" → "BABA".
std::string_view TickerSymbol(std::string_view ticker);

Result<std::optional<EntityRecord>> LoadEntity(const EntityColumns& c, EntityId id);
// Ids of the entities with `key + '\0'` entries in `family`.
Result<std::vector<EntityId>> ScanAliasIndex(const EntityColumns& c,
                                             rocksdb::ColumnFamilyHandle* family,
                                             const std::string& key);
// The same through an iterator of that family.
Result<std::vector<EntityId>> ScanAliasIndex(const EntityColumns& c, rocksdb::Iterator& it,
                                             const std::string& key);

// The writer's decoded entity records, as stored: it reads a record from
// here before the database, and Publish puts back what a commit wrote. A
// commit takes out the records it touches (so that it can edit them in
// place instead of copying their name and outlet maps); one that fails
// leaves them out, to be read again from the database.
using EntityCache = std::unordered_map<EntityId, std::shared_ptr<EntityRecord>>;

// One Commit's entity changes. Remove (for the old version on update) goes
// first, then Add; Write puts everything into the batch.
class EntityCommit {
 public:
  // `cache` holds records exactly as the database has them; Publish keeps it so.
  EntityCommit(const EntityColumns& c, EntityId next_id, std::uint64_t count, EntityCache& cache)
      : c_(c), next_id_(next_id), count_(count), cache_(cache) {}
  // Holds pending records of one commit; never copied.
  EntityCommit(const EntityCommit&) = delete;
  EntityCommit& operator=(const EntityCommit&) = delete;

  // Takes back everything `old` contributed. An entity left with no
  // articles is deleted at Write unless Add links it again.
  Status Remove(const ArticleRecord& old);
  // Resolves each entity of the article and links it; returns the
  // article's links, by entity id.
  // `document_ids`, when given, receives the stored entity of each of the
  // article's document entities, in their order (0 for one left out).
  Result<std::vector<EntityLink>> Add(const Article& article, ArticleId id, UnixSeconds time,
                                      std::vector<EntityId>* document_ids = nullptr);
  void Write(rocksdb::WriteBatch& batch) const;
  // After the batch of Write is in the database: every record this commit
  // read or wrote, as the database has it now, into the cache (emptied first
  // when it would grow past `limit`); consumes the commit.
  void Publish(std::size_t limit) &&;

  EntityId next_id() const { return next_id_; }
  std::uint64_t count() const;

 private:
  struct Touched {
    // As in the database (null: new), until Edit moves it into `edited`:
    // then only whether it was stored.
    std::shared_ptr<EntityRecord> stored;
    std::optional<EntityRecord> edited;  // once this commit changes it
    // Whether this commit gave it a name or ticker it did not have, took one
    // away or left it without articles: only then do its alias index entries
    // change, from these, its stored AliasKeys and AliasWords (taken before
    // the first change; an entity left without articles is still found by
    // them in this commit).
    bool names_changed = false;
    std::set<std::string> stored_keys, stored_words;
    const EntityRecord& now() const { return edited ? *edited : *stored; }
    EntityRecord& Edit() {
      if (!edited) edited = std::move(*stored);  // the cache gave it up (Touch)
      return *edited;
    }
    // Before a change of its names: keeps the stored ones' index keys.
    void NamesWillChange() {
      if (stored && !names_changed) {
        stored_keys = AliasKeys(now());
        stored_words = AliasWords(now());
      }
      names_changed = true;
      form_keys.reset();
      ticker_keys.reset();
    }
    // FormKeys(now()) and TickerKeys(now()), kept until its names change:
    // every later entity of the article looks at every entity the commit
    // changed, so without them an article of n entities normalizes the
    // names of the first ones about n times.
    const std::set<std::string>& FormKeysNow() const {
      if (!form_keys) form_keys = FormKeys(now());
      return *form_keys;
    }
    const std::set<std::string>& TickerKeysNow() const {
      if (!ticker_keys) ticker_keys = TickerKeys(now());
      return *ticker_keys;
    }

   private:
    mutable std::optional<std::set<std::string>> form_keys, ticker_keys;
  };
  Result<Touched*> Touch(EntityId id);
  // Ids of the entities with `key + '\0'` entries in `family` (aliases or
  // alias_words), through one iterator per family for the whole commit. Only
  // this commit's Write changes those families, after its last Scan, and the
  // iterators hold the database as of the first Scan: an EntityCommit must
  // not outlive its commit.
  Result<std::vector<EntityId>> Scan(rocksdb::ColumnFamilyHandle* family, const std::string& key);
  Result<std::set<EntityId>> Candidates(rocksdb::ColumnFamilyHandle* family,
                                        const std::set<std::string>& keys);
  Result<std::optional<EntityId>> Resolve(const DocumentEntity& d);

  EntityColumns c_;
  EntityId next_id_;
  std::uint64_t count_;
  EntityCache& cache_;
  std::uint64_t created_ = 0;
  std::map<EntityId, Touched> touched_;  // every entity read, changed or only looked at
  // The touched entities this commit changes (or creates), those with
  // `edited`, kept apart so that each lookup need not walk all it touched:
  // only these are written, and only these can be missing from the alias
  // indexes or be there under keys they are about to lose.
  std::set<EntityId> changed_;
  ArticleId removed_article_ = 0;
  std::vector<std::string> mention_deletes_;
  std::vector<std::pair<std::string, std::string>> mention_puts_;
  std::map<rocksdb::ColumnFamilyHandle*, std::unique_ptr<rocksdb::Iterator>> scans_;
};

// Checks the entity records and indexes against the articles' links; calls
// `problem` for every violation. `articles` is every article record.
Status VerifyEntities(const EntityColumns& c, const std::map<ArticleId, ArticleRecord>& articles,
                      EntityId next_id, std::uint64_t count,
                      const std::function<void(std::string)>& problem);

// Levenshtein distance over bytes, giving up (returning limit + 1) once it
// must exceed `limit`.
std::size_t BoundedEditDistance(std::string_view a, std::string_view b, std::size_t limit);

}  // namespace newsdesk::store_internal

#endif  // NEWSDESK_STORE_ENTITY_INDEX_H_
