#include "store/records.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <iterator>
#include <nlohmann/json.hpp>
#include <span>
#include <stdexcept>

namespace newsdesk::store_internal {
namespace {

using nlohmann::json;

json OptionalTime(const std::optional<UnixSeconds>& t) { return t ? json(*t) : json(nullptr); }

std::optional<UnixSeconds> ReadOptionalTime(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::nullopt;
  return it->get<UnixSeconds>();
}

}  // namespace

namespace {

json EntitiesJson(const DocumentEntities& d) {
  json mentions = json::array();
  for (const Mention& m : d.mentions) {
    mentions.push_back(json::array({m.start, m.end, static_cast<int>(m.type), m.entity}));
  }
  json entities = json::array();
  for (const DocumentEntity& e : d.entities) {
    entities.push_back({{"name", e.name},
                        {"type", static_cast<int>(e.type)},
                        {"aliases", e.aliases},
                        {"tickers", e.tickers},
                        {"mentions", e.mention_count},
                        {"ambiguous_short_form", e.ambiguous_short_form}});
  }
  return {{"mentions", std::move(mentions)}, {"entities", std::move(entities)}};
}

// Entity types are stored as their enumerator's number.
EntityType TypeFromJson(const json& j) {
  int v = j.get<int>();
  if (v < 0 || v > static_cast<int>(EntityType::kTicker)) {
    throw std::out_of_range("entity type " + std::to_string(v));
  }
  return static_cast<EntityType>(v);
}

DocumentEntities EntitiesFromJson(const json& j) {
  DocumentEntities d;
  for (const json& m : j.at("mentions")) {
    d.mentions.push_back(Mention{m.at(0).get<std::uint32_t>(), m.at(1).get<std::uint32_t>(),
                                 TypeFromJson(m.at(2)), m.at(3).get<std::uint32_t>()});
  }
  for (const json& e : j.at("entities")) {
    DocumentEntity de;
    de.name = e.at("name").get<std::string>();
    de.type = TypeFromJson(e.at("type"));
    de.aliases = e.value("aliases", std::vector<std::string>());
    de.tickers = e.value("tickers", std::vector<std::string>());
    de.mention_count = e.value("mentions", std::uint32_t{0});
    de.ambiguous_short_form = e.value("ambiguous_short_form", false);
    d.entities.push_back(std::move(de));
  }
  return d;
}

json ArgumentJson(const FactArgument& a) {
  return {{"kind", static_cast<int>(a.kind)},
          {"text", a.text},
          {"key", a.key},
          {"type", static_cast<int>(a.type)},
          {"entity", a.entity}};
}

FactArgument ArgumentFromJson(const json& j) {
  FactArgument a;
  int kind = j.at("kind").get<int>();
  if (kind < 0 || kind > static_cast<int>(FactArgument::Kind::kText)) {
    throw std::out_of_range("fact argument kind " + std::to_string(kind));
  }
  a.kind = static_cast<FactArgument::Kind>(kind);
  a.text = j.at("text").get<std::string>();
  a.key = j.at("key").get<std::string>();
  a.type = TypeFromJson(j.at("type"));
  a.entity = j.at("entity").get<std::int32_t>();
  return a;
}

json FactsJson(const ArticleFacts& f) {
  json facts = json::array();
  for (const Fact& x : f.facts) {
    json q = nullptr;
    if (x.quantity) {
      q = {{"low", x.quantity->low},
           {"high", x.quantity->high},
           {"unit", x.quantity->unit},
           {"comparison", x.quantity->comparison}};
    }
    facts.push_back({{"subject", ArgumentJson(x.subject)},
                     {"predicate", x.predicate},
                     {"predicate_class", x.predicate_class},
                     {"object", ArgumentJson(x.object)},
                     {"negated", x.negated},
                     {"hedged", x.hedged},
                     {"role", x.role ? json(*x.role) : json(nullptr)},
                     {"date", x.date ? json(*x.date) : json(nullptr)},
                     {"quantity", q},
                     {"origin", x.origin},
                     {"origin_kind", x.origin_kind},
                     {"span", json::array({x.sentence_start, x.sentence_end})},
                     {"evidence", x.evidence}});
  }
  return {{"facts", std::move(facts)},
          {"citations", f.citations},
          {"credit", f.credit},
          {"declared_source_count",
           f.declared_source_count ? json(*f.declared_source_count) : json(nullptr)}};
}

ArticleFacts FactsFromJson(const json& j) {
  ArticleFacts f;
  for (const json& x : j.at("facts")) {
    Fact fact;
    fact.subject = ArgumentFromJson(x.at("subject"));
    fact.predicate = x.at("predicate").get<std::string>();
    fact.predicate_class = x.at("predicate_class").get<std::string>();
    fact.object = ArgumentFromJson(x.at("object"));
    fact.negated = x.at("negated").get<bool>();
    fact.hedged = x.at("hedged").get<bool>();
    if (!x.at("role").is_null()) fact.role = x.at("role").get<std::string>();
    if (!x.at("date").is_null()) fact.date = x.at("date").get<std::string>();
    if (const json& q = x.at("quantity"); !q.is_null()) {
      fact.quantity =
          Quantity{q.at("low").get<double>(), q.at("high").get<double>(),
                   q.at("unit").get<std::string>(), q.at("comparison").get<std::string>()};
    }
    fact.origin = x.at("origin").get<std::string>();
    fact.origin_kind = x.at("origin_kind").get<std::string>();
    fact.sentence_start = x.at("span").at(0).get<std::uint32_t>();
    fact.sentence_end = x.at("span").at(1).get<std::uint32_t>();
    fact.evidence = x.at("evidence").get<std::string>();
    f.facts.push_back(std::move(fact));
  }
  f.citations = j.at("citations").get<std::vector<std::string>>();
  f.credit = j.value("credit", std::string());
  if (!j.at("declared_source_count").is_null()) {
    f.declared_source_count = j.at("declared_source_count").get<int>();
  }
  return f;
}

// Fields added after the first schema are written always and read with
// defaults, so records written before them still decode.
json ArticleJson(const Article& a) {
  auto minutes = [](std::optional<int> m) { return m ? json(*m) : json(nullptr); };
  return {{"url", a.url},
          {"canonical_url", a.canonical_url},
          {"outlet", a.outlet},
          {"title", a.title},
          {"byline", a.byline},
          {"authors", a.authors},
          {"published", OptionalTime(a.published)},
          {"published_utc_offset_minutes", minutes(a.published_utc_offset_minutes)},
          {"modified", OptionalTime(a.modified)},
          {"modified_utc_offset_minutes", minutes(a.modified_utc_offset_minutes)},
          {"language", a.language},
          {"image", a.image},
          {"section", a.section},
          {"keywords", a.keywords},
          {"charset", a.charset},
          {"text", a.text},
          {"from_feed", a.from_feed},
          {"entities", EntitiesJson(a.entities)},
          {"facts", FactsJson(a.facts)}};
}

// Throws json::exception on a malformed record; callers turn it into kCorruption.
Article ArticleFromJson(const json& j) {
  auto minutes = [&](const char* key) -> std::optional<int> {
    auto it = j.find(key);
    if (it == j.end() || !it->is_number_integer()) return std::nullopt;
    return it->get<int>();
  };
  Article a;
  a.url = j.at("url").get<std::string>();
  a.canonical_url = j.at("canonical_url").get<std::string>();
  a.outlet = j.at("outlet").get<std::string>();
  a.title = j.at("title").get<std::string>();
  a.byline = j.value("byline", "");
  a.authors = j.value("authors", std::vector<std::string>());
  a.published = ReadOptionalTime(j, "published");
  a.published_utc_offset_minutes = minutes("published_utc_offset_minutes");
  a.modified = ReadOptionalTime(j, "modified");
  a.modified_utc_offset_minutes = minutes("modified_utc_offset_minutes");
  a.language = j.value("language", "");
  a.image = j.value("image", "");
  a.section = j.value("section", "");
  a.keywords = j.value("keywords", std::vector<std::string>());
  a.charset = j.value("charset", "");
  a.text = j.at("text").get<std::string>();
  a.from_feed = j.value("from_feed", false);
  if (auto it = j.find("entities"); it != j.end()) a.entities = EntitiesFromJson(*it);
  if (auto it = j.find("facts"); it != j.end()) a.facts = FactsFromJson(*it);
  return a;
}

std::string ToCbor(const json& j) {
  std::string cbor;
  json::to_cbor(j, cbor);  // straight into the string, not through a byte vector
  return cbor;
}

// A story's centroids as one byte string (a CBOR map of 540 terms costs
// more to build and read than the rest of the commit's story work): per
// channel a 32-bit count, then per term a 32-bit length, the term's bytes
// and its weight as a little-endian IEEE double. Fixed-width integers are
// little-endian too.
template <typename T>
void PutFixed(std::vector<std::uint8_t>& out, T v) {
  std::uint8_t bytes[sizeof(T)];
  std::memcpy(bytes, &v, sizeof(T));
  if constexpr (std::endian::native == std::endian::big) std::reverse(bytes, bytes + sizeof(T));
  out.insert(out.end(), bytes, bytes + sizeof(T));
}

template <typename T>
bool GetFixed(std::span<const std::uint8_t>& in, T& v) {
  if (in.size() < sizeof(T)) return false;
  std::uint8_t bytes[sizeof(T)];
  std::memcpy(bytes, in.data(), sizeof(T));
  if constexpr (std::endian::native == std::endian::big) std::reverse(bytes, bytes + sizeof(T));
  std::memcpy(&v, bytes, sizeof(T));
  in = in.subspan(sizeof(T));
  return true;
}

// A string of a packed field (a term, a name): a 32-bit length, then its
// bytes, all of them: nothing upstream bounds a word's or an outlet's
// length, and a record cut short would disagree with the indexes built
// from the whole string.
void PutString(std::vector<std::uint8_t>& out, const std::string& s) {
  PutFixed<std::uint32_t>(out, static_cast<std::uint32_t>(s.size()));
  out.insert(out.end(), s.begin(), s.end());
}

bool GetString(std::span<const std::uint8_t>& in, std::string& s) {
  std::uint32_t n = 0;
  if (!GetFixed(in, n) || in.size() < n) return false;
  s.assign(reinterpret_cast<const char*>(in.data()), n);
  in = in.subspan(n);
  return true;
}

std::vector<std::uint8_t> PackCentroids(const ChannelVectors& centroids) {
  std::vector<std::uint8_t> out;
  for (const TermVector& c : centroids) {
    PutFixed<std::uint32_t>(out, static_cast<std::uint32_t>(c.size()));
    for (const auto& [term, w] : c) {
      PutString(out, term);
      PutFixed<double>(out, w);
    }
  }
  return out;
}

bool UnpackCentroids(std::span<const std::uint8_t> in, ChannelVectors& centroids) {
  for (TermVector& c : centroids) {
    std::uint32_t count = 0;
    if (!GetFixed(in, count)) return false;
    for (std::uint32_t i = 0; i < count; ++i) {
      std::string term;
      double w = 0;
      if (!GetString(in, term) || !GetFixed(in, w)) return false;
      if (!c.empty() && !(c.back().first < term)) return false;  // out of order
      c.emplace_back(std::move(term), w);
    }
  }
  return in.empty();
}

// A map of names to counts (an entity's aliases, tickers and outlets) as
// one byte string, as the centroids are: a 32-bit count of entries, then
// per entry a 32-bit length, the name's bytes and the count as a 64-bit
// integer. A CBOR map costs a tree of JSON values to build for every
// commit that names the entity.
std::vector<std::uint8_t> PackCounts(const std::map<std::string, std::uint64_t>& counts) {
  std::vector<std::uint8_t> out;
  PutFixed<std::uint32_t>(out, static_cast<std::uint32_t>(counts.size()));
  for (const auto& [name, n] : counts) {
    PutString(out, name);
    PutFixed<std::uint64_t>(out, n);
  }
  return out;
}

bool UnpackCounts(std::span<const std::uint8_t> in, std::map<std::string, std::uint64_t>& counts) {
  std::uint32_t size = 0;
  if (!GetFixed(in, size)) return false;
  for (std::uint32_t i = 0; i < size; ++i) {
    std::string name;
    std::uint64_t n = 0;
    if (!GetString(in, name) || !GetFixed(in, n)) return false;
    if (!counts.empty() && !(std::prev(counts.end())->first < name)) return false;  // out of order
    counts.emplace_hint(counts.end(), std::move(name), n);
  }
  return in.empty();
}

// An article's term counts likewise: a 32-bit count, then per term a 32-bit
// length, its bytes and its count as a 32-bit integer (≈ 130 terms an
// article, each a two-element CBOR array before).
std::vector<std::uint8_t> PackTerms(const std::vector<TermCount>& terms) {
  std::vector<std::uint8_t> out;
  PutFixed<std::uint32_t>(out, static_cast<std::uint32_t>(terms.size()));
  for (const TermCount& t : terms) {
    PutString(out, t.term);
    PutFixed<std::uint32_t>(out, t.count);
  }
  return out;
}

bool UnpackTerms(std::span<const std::uint8_t> in, std::vector<TermCount>& terms) {
  std::uint32_t size = 0;
  if (!GetFixed(in, size)) return false;
  if (size > in.size() / 8) return false;  // each term takes eight bytes at least
  terms.reserve(size);
  for (std::uint32_t i = 0; i < size; ++i) {
    std::string term;
    std::uint32_t n = 0;
    if (!GetString(in, term) || !GetFixed(in, n)) return false;
    terms.push_back({std::move(term), n});
  }
  return in.empty();
}

}  // namespace

std::string EncodeArticle(const ArticleRecord& r) {
  json j = ArticleJson(r.stored.article);
  j["id"] = r.stored.id;
  j["fingerprint"] = r.stored.fingerprint;
  j["story"] = r.stored.story;
  j["ingested_at"] = r.stored.ingested_at;
  j["origin"] = r.stored.origin;
  j["packed_terms"] = json::binary(PackTerms(r.terms));
  j["url_key"] = r.url_key;
  j["alias_key"] = r.alias_key;
  json links = json::array();
  for (const EntityLink& l : r.entity_links) {
    links.push_back({{"entity", l.entity},
                     {"mentions", l.mentions},
                     {"forms", l.forms},
                     {"tickers", l.tickers}});
  }
  j["entity_links"] = std::move(links);
  j["simhash"] = r.simhash;
  j["copy_of"] = r.copy_of;
  j["fact_ids"] = r.fact_ids;
  return ToCbor(j);
}

namespace {

// nlohmann's DOM parser, refusing nesting deeper than kMaxDepth: its CBOR
// reader recurses once per level, so a damaged record of nested arrays
// would overflow the stack. Records nest four levels at most. It also
// refuses a floating-point number where records hold none: converting one
// to the integer a field is read as is undefined past the integer's range.
// Records hold them only as a quantity's "low" and "high" and in the
// "centroids" of stories written before they were packed.
class DepthLimitedDom {
 public:
  static constexpr std::size_t kMaxDepth = 32;
  explicit DepthLimitedDom(json& root) : dom_(root, false) {}
  bool null() { return dom_.null(); }
  bool boolean(bool v) { return dom_.boolean(v); }
  bool number_integer(json::number_integer_t v) { return dom_.number_integer(v); }
  bool number_unsigned(json::number_unsigned_t v) { return dom_.number_unsigned(v); }
  bool number_float(json::number_float_t v, const json::string_t& s) {
    const bool quantity = !keys_.empty() && keys_.back() == Key::kQuantityBound;
    const bool centroids = std::find(keys_.begin(), keys_.end(), Key::kCentroids) != keys_.end();
    return (quantity || centroids) && dom_.number_float(v, s);
  }
  bool string(json::string_t& v) { return dom_.string(v); }
  bool binary(json::binary_t& v) { return dom_.binary(v); }
  bool start_object(std::size_t n) {
    keys_.push_back(Key::kOther);
    return keys_.size() <= kMaxDepth && dom_.start_object(n);
  }
  bool key(json::string_t& k) {
    if (!keys_.empty()) {
      keys_.back() = k == "low" || k == "high" ? Key::kQuantityBound
                     : k == "centroids"        ? Key::kCentroids
                                               : Key::kOther;
    }
    return dom_.key(k);
  }
  bool end_object() {
    if (!keys_.empty()) keys_.pop_back();
    return dom_.end_object();
  }
  bool start_array(std::size_t n) {
    keys_.push_back(Key::kOther);  // an element has no key of its own
    return keys_.size() <= kMaxDepth && dom_.start_array(n);
  }
  bool end_array() {
    if (!keys_.empty()) keys_.pop_back();
    return dom_.end_array();
  }
  bool parse_error(std::size_t at, const std::string& token, const json::exception& e) {
    return dom_.parse_error(at, token, e);
  }
  bool errored() const { return dom_.is_errored(); }

 private:
  nlohmann::detail::json_sax_dom_parser<json> dom_;
  // What the key being read at each open level is (kOther in an array):
  // kinds, not the keys themselves, so that a record's keys are not copied.
  // Its size is the nesting depth.
  enum class Key : std::uint8_t { kOther, kQuantityBound, kCentroids };
  std::vector<Key> keys_;
};

// The CBOR value of a record's bytes, discarded when they are not one.
// nlohmann's reader throws for some damaged bytes even when asked not to
// (a length past what memory can hold: out_of_range 408, or bad_alloc), so
// every exception is caught here. Both found by fuzz/fuzz_records.cc.
json ReadCbor(std::string_view bytes) {
  json j;
  try {
    DepthLimitedDom dom(j);
    if (!json::sax_parse(bytes.begin(), bytes.end(), &dom, json::input_format_t::cbor, true) ||
        dom.errored())
      return json(json::value_t::discarded);
  } catch (const std::exception&) {
    return json(json::value_t::discarded);
  }
  return j;
}

}  // namespace

Result<ArticleRecord> DecodeArticle(std::string_view bytes) {
  json j = ReadCbor(bytes);
  if (j.is_discarded() || !j.is_object()) return Status::Corruption("unreadable article record");
  try {
    ArticleRecord r;
    r.stored.article = ArticleFromJson(j);
    r.stored.id = j.at("id").get<ArticleId>();
    r.stored.fingerprint = j.at("fingerprint").get<std::uint64_t>();
    r.stored.story = j.at("story").get<StoryId>();
    r.stored.ingested_at = j.at("ingested_at").get<UnixSeconds>();
    r.stored.origin = j.value("origin", std::string());
    const json& terms = j.at("packed_terms");
    if (!terms.is_binary() || !UnpackTerms(terms.get_binary(), r.terms)) {
      return Status::Corruption("article record: unreadable packed terms");
    }
    r.url_key = j.at("url_key").get<std::string>();
    r.alias_key = j.value("alias_key", "");
    r.simhash = j.value("simhash", std::uint64_t{0});
    r.copy_of = j.value("copy_of", ArticleId{0});
    r.fact_ids = j.value("fact_ids", std::vector<std::uint64_t>());
    if (auto it = j.find("entity_links"); it != j.end()) {
      for (const json& l : *it) {
        r.entity_links.push_back({l.at("entity").get<EntityId>(),
                                  l.at("mentions").get<std::uint64_t>(),
                                  l.at("forms").get<std::vector<std::string>>(),
                                  l.value("tickers", std::vector<std::string>())});
      }
    }
    return r;
  } catch (const std::exception& e) {  // json::exception, or a bad entity type
    return Status::Corruption(std::string("article record: ") + e.what());
  }
}

namespace {

// Events of the CBOR parser (nlohmann's SAX interface): keeps the glance's
// fields of the top-level object and passes over everything else.
class GlanceReader {
 public:
  explicit GlanceReader(ArticleGlance& out) : out_(out) {}
  bool complete() const {
    return seen_object_ && depth_ == 0 && has_title_ && has_text_ && has_ingested_at_;
  }

  bool null() { return Top(); }
  bool boolean(bool) { return Top(); }
  bool number_integer(json::number_integer_t v) { return Number(v); }
  bool number_unsigned(json::number_unsigned_t v) {
    return Number(static_cast<json::number_integer_t>(v));
  }
  bool number_float(json::number_float_t, const json::string_t&) { return Top(); }
  bool string(json::string_t& v) {
    if (depth_ == 1) {
      if (key_ == "title") {
        out_.title = std::move(v);
        has_title_ = true;
      } else if (key_ == "text") {
        out_.text = std::move(v);
        has_text_ = true;
      } else if (key_ == "outlet") {
        out_.outlet = std::move(v);
      } else if (key_ == "origin") {
        out_.origin = std::move(v);
      } else if (key_ == "canonical_url") {
        out_.canonical_url = std::move(v);
      }
    }
    return Top();
  }
  bool binary(json::binary_t&) { return Top(); }
  bool start_object(std::size_t) { return Open(); }
  bool key(json::string_t& k) {
    if (depth_ == 1) key_ = std::move(k);
    return true;
  }
  bool end_object() { return Close(); }
  bool start_array(std::size_t) { return depth_ > 0 && Open(); }  // a record is an object
  bool end_array() { return Close(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
    return false;
  }

 private:
  // A value was read: the record must be an object.
  bool Top() const { return depth_ > 0; }
  bool Open() {
    if (depth_ == 0) {
      if (seen_object_) return false;  // a second top-level value
      seen_object_ = true;
    }
    // nlohmann's reader recurses once per level (see DepthLimitedDom).
    return ++depth_ <= static_cast<int>(DepthLimitedDom::kMaxDepth);
  }
  bool Close() {
    --depth_;
    return depth_ >= 0 && seen_object_;
  }
  bool Number(json::number_integer_t v) {
    if (depth_ == 1) {
      if (key_ == "published") out_.published = v;
      if (key_ == "modified") out_.modified = v;
      if (key_ == "ingested_at") {
        out_.ingested_at = v;
        has_ingested_at_ = true;
      }
    }
    return Top();
  }

  ArticleGlance& out_;
  int depth_ = 0;
  bool seen_object_ = false, has_title_ = false, has_text_ = false, has_ingested_at_ = false;
  std::string key_;
};

}  // namespace

UnixSeconds ArticleGlance::Time() const {
  if (published) return *published;
  if (modified) return *modified;
  return ingested_at;
}

Result<ArticleGlance> DecodeArticleGlance(std::string_view bytes) {
  ArticleGlance glance;
  GlanceReader reader(glance);
  bool parsed = false;
  try {
    parsed = json::sax_parse(bytes.begin(), bytes.end(), &reader, json::input_format_t::cbor);
  } catch (const std::exception&) {
    parsed = false;
  }
  if (!parsed || !reader.complete()) return Status::Corruption("unreadable article record");
  return glance;
}

std::string EncodeSource(const SourceState& s) {
  return ToCbor({{"url", s.url},
                 {"kind", s.kind},
                 {"title", s.title},
                 {"tags", s.tags},
                 {"etag", s.etag},
                 {"last_modified", s.last_modified},
                 {"last_fetch", OptionalTime(s.last_fetch)},
                 {"last_success", OptionalTime(s.last_success)},
                 {"last_status", s.last_status},
                 {"last_error", s.last_error},
                 {"fetches", s.fetches},
                 {"failures", s.failures},
                 {"articles_found", s.articles_found},
                 {"recent_errors", s.recent_errors}});
}

Result<SourceState> DecodeSource(std::string_view bytes) {
  json j = ReadCbor(bytes);
  if (j.is_discarded() || !j.is_object()) return Status::Corruption("unreadable source record");
  try {
    SourceState s;
    s.url = j.at("url").get<std::string>();
    s.kind = j.value("kind", "");
    s.title = j.value("title", "");
    s.tags = j.value("tags", std::vector<std::string>{});
    s.etag = j.value("etag", "");
    s.last_modified = j.value("last_modified", "");
    s.last_fetch = ReadOptionalTime(j, "last_fetch");
    s.last_success = ReadOptionalTime(j, "last_success");
    s.last_status = j.value("last_status", 0L);
    s.last_error = j.value("last_error", "");
    s.fetches = j.value("fetches", std::uint64_t{0});
    s.failures = j.value("failures", std::uint64_t{0});
    s.articles_found = j.value("articles_found", std::uint64_t{0});
    s.recent_errors = j.value("recent_errors", std::vector<std::string>{});
    return s;
  } catch (const json::exception& e) {
    return Status::Corruption(std::string("source record: ") + e.what());
  }
}

std::string EncodeFrontierItem(const FrontierItem& item) {
  json j = {{"url", item.url}, {"source", item.source}, {"discovered_at", item.discovered_at}};
  j["feed_article"] = item.feed_article ? ArticleJson(*item.feed_article) : json(nullptr);
  return ToCbor(j);
}

Result<FrontierItem> DecodeFrontierItem(std::string_view bytes) {
  json j = ReadCbor(bytes);
  if (j.is_discarded() || !j.is_object()) return Status::Corruption("unreadable frontier record");
  try {
    FrontierItem item;
    item.url = j.at("url").get<std::string>();
    item.source = j.value("source", "");
    item.discovered_at = j.value("discovered_at", UnixSeconds{0});
    if (j.contains("feed_article") && !j.at("feed_article").is_null()) {
      item.feed_article = ArticleFromJson(j.at("feed_article"));
    }
    return item;
  } catch (const std::exception& e) {
    return Status::Corruption(std::string("frontier record: ") + e.what());
  }
}

std::string EncodeStory(const StoryRecord& r) {
  json j = {{"id", r.id},
            {"title", r.title},
            {"headline_article", r.headline_article},
            {"first_seen", r.first_seen},
            {"last_seen", r.last_seen},
            {"article_count", r.article_count},
            {"outlets", r.outlets},
            {"origins", r.origins},
            {"packed_centroids", json::binary(PackCentroids(r.centroids))},
            {"entities", r.entities},
            {"index_keys", r.index_keys}};
  return ToCbor(j);
}

Result<StoryRecord> DecodeStory(std::string_view bytes) {
  json j = ReadCbor(bytes);
  if (j.is_discarded() || !j.is_object()) return Status::Corruption("unreadable story record");
  try {
    StoryRecord r;
    r.id = j.at("id").get<StoryId>();
    r.title = j.at("title").get<std::string>();
    r.headline_article = j.at("headline_article").get<ArticleId>();
    r.first_seen = j.at("first_seen").get<UnixSeconds>();
    r.last_seen = j.at("last_seen").get<UnixSeconds>();
    r.article_count = j.at("article_count").get<std::uint64_t>();
    r.outlets = j.at("outlets").get<std::map<std::string, std::uint64_t>>();
    r.origins = j.value("origins", std::map<std::string, std::uint64_t>());
    if (auto packed = j.find("packed_centroids"); packed != j.end()) {
      if (!packed->is_binary() || !UnpackCentroids(packed->get_binary(), r.centroids)) {
        return Status::Corruption("story record: unreadable packed centroids");
      }
    } else {
      // Written before centroids were packed: a CBOR array of maps.
      const json& centroids = j.at("centroids");
      if (!centroids.is_array() || centroids.size() != kChannelCount) {
        return Status::Corruption("story record: centroids is not " +
                                  std::to_string(int{kChannelCount}) + " vectors");
      }
      for (int c = 0; c < kChannelCount; ++c) {
        for (auto& [term, w] : centroids[c].get<std::map<std::string, double>>()) {
          r.centroids[c].emplace_back(term, w);
        }
      }
    }
    r.entities = j.at("entities").get<std::map<EntityId, std::uint64_t>>();
    r.index_keys = j.at("index_keys").get<std::vector<std::string>>();
    return r;
  } catch (const json::exception& e) {
    return Status::Corruption(std::string("story record: ") + e.what());
  }
}

std::string EncodeEntity(const EntityRecord& r) {
  json j = {{"id", r.id},
            {"type", static_cast<int>(r.type)},
            {"name", r.name},
            {"packed_aliases", json::binary(PackCounts(r.aliases))},
            {"packed_tickers", json::binary(PackCounts(r.tickers))},
            {"packed_outlets", json::binary(PackCounts(r.outlets))},
            {"mentions", r.mentions},
            {"articles", r.articles},
            {"first_seen", r.first_seen},
            {"last_seen", r.last_seen}};
  return ToCbor(j);
}

Result<EntityRecord> DecodeEntity(std::string_view bytes) {
  json j = ReadCbor(bytes);
  if (j.is_discarded() || !j.is_object()) return Status::Corruption("unreadable entity record");
  try {
    EntityRecord r;
    r.id = j.at("id").get<EntityId>();
    r.type = TypeFromJson(j.at("type"));
    r.name = j.at("name").get<std::string>();
    for (auto [field, counts] :
         {std::pair{"packed_aliases", &r.aliases}, std::pair{"packed_tickers", &r.tickers},
          std::pair{"packed_outlets", &r.outlets}}) {
      const json& packed = j.at(field);
      if (!packed.is_binary() || !UnpackCounts(packed.get_binary(), *counts)) {
        return Status::Corruption(std::string("entity record: unreadable ") + field);
      }
    }
    r.mentions = j.at("mentions").get<std::uint64_t>();
    r.articles = j.at("articles").get<std::uint64_t>();
    r.first_seen = j.at("first_seen").get<UnixSeconds>();
    r.last_seen = j.at("last_seen").get<UnixSeconds>();
    return r;
  } catch (const std::exception& e) {
    return Status::Corruption(std::string("entity record: ") + e.what());
  }
}

std::string BigEndian64(std::uint64_t v) {
  std::string out(8, '\0');
  for (int i = 7; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = static_cast<char>(v & 0xff);
    v >>= 8;
  }
  return out;
}

std::uint64_t ReadBigEndian64(std::string_view bytes) {
  if (bytes.size() < 8) return 0;
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < 8; ++i) v = (v << 8) | static_cast<unsigned char>(bytes[i]);
  return v;
}

std::string StoryTimeKey(UnixSeconds last_seen, StoryId id) {
  return BigEndian64(static_cast<std::uint64_t>(std::max<UnixSeconds>(last_seen, 0))) +
         BigEndian64(id);
}

std::string StoryKeysPrefix(const std::string& key) { return key + '\0'; }

std::string StoryKeysKey(const std::string& key, UnixSeconds last_seen, StoryId id) {
  return StoryKeysPrefix(key) +
         BigEndian64(~static_cast<std::uint64_t>(std::max<UnixSeconds>(last_seen, 0))) +
         BigEndian64(id);
}

std::string EncodeFact(const FactRecord& r) {
  json j = {{"id", r.id},
            {"key", r.key},
            {"subject", ArgumentJson(r.subject)},
            {"predicate", r.predicate},
            {"predicate_class", r.predicate_class},
            {"object", ArgumentJson(r.object)},
            {"articles", r.articles},
            {"first_seen", r.first_seen}};
  return ToCbor(j);
}

Result<FactRecord> DecodeFact(std::string_view bytes) {
  json j = ReadCbor(bytes);
  if (j.is_discarded() || !j.is_object()) return Status::Corruption("unreadable fact record");
  try {
    FactRecord r;
    r.id = j.at("id").get<FactId>();
    r.key = j.at("key").get<std::string>();
    r.subject = ArgumentFromJson(j.at("subject"));
    r.predicate = j.at("predicate").get<std::string>();
    r.predicate_class = j.at("predicate_class").get<std::string>();
    r.object = ArgumentFromJson(j.at("object"));
    r.articles = j.at("articles").get<std::uint64_t>();
    r.first_seen = j.at("first_seen").get<UnixSeconds>();
    return r;
  } catch (const std::exception& e) {
    return Status::Corruption(std::string("fact record: ") + e.what());
  }
}

std::string EncodeFactSupport(const FactSupport& s) {
  ArticleFacts f;
  f.facts = s.sentences;
  json j = FactsJson(f);
  j["article"] = s.article;
  return ToCbor(j);
}

Result<FactSupport> DecodeFactSupport(std::string_view bytes) {
  json j = ReadCbor(bytes);
  if (j.is_discarded() || !j.is_object()) return Status::Corruption("unreadable fact support");
  try {
    FactSupport s;
    s.article = j.at("article").get<ArticleId>();
    s.sentences = FactsFromJson(j).facts;
    return s;
  } catch (const std::exception& e) {
    return Status::Corruption(std::string("fact support: ") + e.what());
  }
}

}  // namespace newsdesk::store_internal
