// Private to store/: the records kept in RocksDB and their encoding.
//
// Records are CBOR maps (nlohmann::json), so fields can be added without a
// schema change; keys are big-endian so that prefix scans come out ordered.
#ifndef NEWSDESK_STORE_RECORDS_H_
#define NEWSDESK_STORE_RECORDS_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "store/store.h"
#include "store/stories.h"

namespace newsdesk::store_internal {

// What one article gave one stored entity: kept in the article's record so
// that an update or replacement takes back exactly that.
struct EntityLink {
  EntityId entity = 0;
  std::uint64_t mentions = 0;
  std::vector<std::string> forms;    // the names it used, distinct, in first-use order
  std::vector<std::string> tickers;  // distinct
};

struct ArticleRecord {
  StoredArticle stored;
  std::vector<EntityLink> entity_links;  // one per stored entity, by entity id
  std::vector<TermCount> terms;          // ArticleTerms(article), kept to undo on update
  // The key it owns in `urls`: its canonical URL, or the URL it was read
  // from when another outlet's article holds that canonical URL.
  std::string url_key;
  // The key it owns in `url_aliases` (the URL it was read from); may be empty.
  std::string alias_key;
  // TextSimhash of its text, and the first stored article it is a near
  // copy of (the root of its syndication group; 0 when none).
  std::uint64_t simhash = 0;
  ArticleId copy_of = 0;
  // The facts it supports (fact ids), to take back on update.
  std::vector<std::uint64_t> fact_ids;
};

using FactId = std::uint64_t;

// A fact as stored: what its articles agree on. Its support (article,
// evidence, origin) is in `fact_support`.
struct FactRecord {
  FactId id = 0;
  std::string key;       // FactKey: subject, predicate class, object
  FactArgument subject;  // as first seen (entity: its `entity` is the stored EntityId)
  std::string predicate;
  std::string predicate_class;
  FactArgument object;
  std::uint64_t articles = 0;  // supporting articles
  UnixSeconds first_seen = 0;
};

// One article's support for a fact: every sentence of it that states it.
struct FactSupport {
  ArticleId article = 0;
  std::vector<Fact> sentences;  // the article's facts with this key
};

std::string EncodeFact(const FactRecord& r);
Result<FactRecord> DecodeFact(std::string_view bytes);
std::string EncodeFactSupport(const FactSupport& s);
Result<FactSupport> DecodeFactSupport(std::string_view bytes);

struct StoryRecord {
  StoryId id = 0;
  std::string title;               // the headline of headline_article
  ArticleId headline_article = 0;  // the member whose words are most central to the story
  UnixSeconds first_seen = 0;
  UnixSeconds last_seen = 0;
  std::uint64_t article_count = 0;
  std::map<std::string, std::uint64_t> outlets;  // outlet → articles
  std::map<std::string, std::uint64_t> origins;  // OriginKey(article Origin()) → articles
  ChannelVectors centroids;                      // per channel: term → summed normalized tf
  std::map<EntityId, std::uint64_t> entities;    // stored entity → mentions in its articles
  // Its keys in story_keys (StoryIndexKeys of the centroids when written).
  std::vector<std::string> index_keys;
};

// An entity as stored: every field is a sum over the entity links of the
// articles that name it (Verify recounts them).
struct EntityRecord {
  EntityId id = 0;
  EntityType type = EntityType::kMisc;
  std::string name;                              // CanonicalName(aliases)
  std::map<std::string, std::uint64_t> aliases;  // form → articles that use it
  std::map<std::string, std::uint64_t> tickers;  // ticker → articles that give it
  std::map<std::string, std::uint64_t> outlets;  // outlet → articles
  std::uint64_t mentions = 0;
  std::uint64_t articles = 0;
  UnixSeconds first_seen = 0;
  UnixSeconds last_seen = 0;
};

std::string EncodeArticle(const ArticleRecord& r);
Result<ArticleRecord> DecodeArticle(std::string_view bytes);

// What a search hit shows of an article, read from its record (the bytes
// EncodeArticle gave) without building the rest: its entities, facts and
// term counts are most of a record, and a search reads only these fields.
struct ArticleGlance {
  std::string title, outlet, canonical_url, text;
  std::string origin;  // StoredArticle::origin
  std::optional<UnixSeconds> published, modified;
  UnixSeconds ingested_at = 0;
  UnixSeconds Time() const;  // as StoredArticle::Time
  const std::string& Origin() const { return origin.empty() ? outlet : origin; }  // likewise
};
Result<ArticleGlance> DecodeArticleGlance(std::string_view bytes);
std::string EncodeStory(const StoryRecord& r);
std::string EncodeSource(const SourceState& s);
Result<SourceState> DecodeSource(std::string_view bytes);
std::string EncodeFrontierItem(const FrontierItem& item);
Result<FrontierItem> DecodeFrontierItem(std::string_view bytes);
Result<StoryRecord> DecodeStory(std::string_view bytes);
std::string EncodeEntity(const EntityRecord& r);
Result<EntityRecord> DecodeEntity(std::string_view bytes);

std::string BigEndian64(std::uint64_t v);
std::uint64_t ReadBigEndian64(std::string_view bytes);  // 0 when shorter than 8 bytes

// story_time keys: last_seen (clamped at 0) then story id.
std::string StoryTimeKey(UnixSeconds last_seen, StoryId id);

// story_keys keys: index key, '\0', last_seen (clamped at 0) complemented so
// that the most recently seen stories come first, then story id.
std::string StoryKeysKey(const std::string& key, UnixSeconds last_seen, StoryId id);
// The prefix of every story_keys key of an index key.
std::string StoryKeysPrefix(const std::string& key);

}  // namespace newsdesk::store_internal

#endif  // NEWSDESK_STORE_RECORDS_H_
