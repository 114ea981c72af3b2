#include "store/entity_index.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <tuple>
#include <unordered_map>

namespace newsdesk::store_internal {

std::string NormalizedName(std::string_view name, EntityType type) {
  thread_local std::unordered_map<std::string, std::string> known;
  std::string key;
  key.reserve(name.size() + 1);
  key.push_back(static_cast<char>(type));
  key.append(name);
  if (auto it = known.find(key); it != known.end()) return it->second;
  std::string normalized = NormalizeEntityName(name, type);
  if (known.size() >= kNormalizedNamesKept) known.clear();
  known.emplace(std::move(key), normalized);
  return normalized;
}

Status RocksError(const rocksdb::Status& s, const std::string& dir) {
  if (s.IsCorruption()) {
    return Status::Corruption("database " + dir + " is damaged (" + s.ToString() +
                              "); restore it from a backup or ingest again into a new --db");
  }
  return Status::IOError("database " + dir + ": " + s.ToString());
}

namespace {

std::vector<std::string> SplitWords(const std::string& key) {
  std::vector<std::string> words;
  std::size_t at = 0;
  while (at < key.size()) {
    std::size_t space = key.find(' ', at);
    if (space == std::string::npos) space = key.size();
    if (space > at) words.push_back(key.substr(at, space - at));
    at = space + 1;
  }
  return words;
}

// The type a name is normalized under: tickers are symbols, whose keys are
// those of any non-organisation name.
EntityType KeyType(EntityType t) { return t == EntityType::kTicker ? EntityType::kMisc : t; }

// A name key of two or more words ("eddie wu"), which identifies; one word
// ("wu") alone may not.
bool IsMultiWord(std::string_view key) { return key.find(' ') != std::string_view::npos; }

bool Intersects(const std::set<std::string>& a, const std::set<std::string>& b) {
  for (const std::string& k : a) {
    if (b.count(k)) return true;
  }
  return false;
}

// True when every name two entities share opens a longer name of each that
// the other lacks and that names an institution (IsInstitutionWord): "Kestrel
// Bay" of "Kestrel Bay General Hospital" and of "Kestrel Bay College", a
// place and two institutions named after it. Such names are two, as two long
// names sharing an acronym are. Other longer names may be one organisation
// said two ways ("Federal Reserve Board", "Federal Reserve System").
bool OnlyOpeningsShared(const std::set<std::string>& a, const std::set<std::string>& b) {
  std::vector<const std::string*> shared;
  for (const std::string& k : a) {
    if (b.count(k)) shared.push_back(&k);
  }
  if (shared.empty()) return false;
  auto opened_by_all = [&](const std::string& k) {
    return std::all_of(shared.begin(), shared.end(), [&](const std::string* s) {
      return k.size() > s->size() + 1 && k.compare(0, s->size(), *s) == 0 && k[s->size()] == ' ';
    });
  };
  auto institution = [](std::string_view k) {
    return IsInstitutionWord(k.substr(k.rfind(' ') + 1));
  };
  auto has_longer_own = [&](const std::set<std::string>& mine, const std::set<std::string>& other) {
    return std::any_of(mine.begin(), mine.end(), [&](const std::string& k) {
      return !other.count(k) && institution(k) && opened_by_all(k);
    });
  };
  return has_longer_own(a, b) && has_longer_own(b, a);
}

bool IsSubset(const std::vector<std::string>& small, const std::vector<std::string>& big) {
  for (const std::string& w : small) {
    if (std::find(big.begin(), big.end(), w) == big.end()) return false;
  }
  return true;
}

// Distinct, non-blank names in order, without the ones that normalize to
// nothing ("...").
std::vector<std::string> FormsOf(const DocumentEntity& d) {
  std::vector<std::string> forms;
  auto add = [&](const std::string& f) {
    if (NormalizedName(f, KeyType(d.type)).empty()) return;
    if (std::find(forms.begin(), forms.end(), f) == forms.end()) forms.push_back(f);
  };
  add(d.name);
  for (const std::string& a : d.aliases) add(a);
  return forms;
}

std::vector<std::string> TickersOf(const DocumentEntity& d) {
  std::vector<std::string> tickers;
  for (const std::string& t : d.tickers) {
    if (NormalizedName(TickerSymbol(t), EntityType::kTicker).empty()) continue;
    if (std::find(tickers.begin(), tickers.end(), t) == tickers.end()) tickers.push_back(t);
  }
  return tickers;
}

void Decrement(std::map<std::string, std::uint64_t>& counts, const std::string& key) {
  auto it = counts.find(key);
  if (it == counts.end()) return;
  if (--it->second == 0) counts.erase(it);
}

}  // namespace

std::string AliasIndexKey(std::string_view key, EntityId id) {
  std::string k(key);
  k.push_back('\0');
  return k + BigEndian64(id);
}

bool SplitAliasIndexKey(std::string_view index_key, std::string* key, EntityId* id) {
  if (index_key.size() < 9 || index_key[index_key.size() - 9] != '\0') return false;
  *key = std::string(index_key.substr(0, index_key.size() - 9));
  if (key->find('\0') != std::string::npos) return false;
  *id = ReadBigEndian64(index_key.substr(index_key.size() - 8));
  return true;
}

std::string MentionKey(EntityId entity, UnixSeconds time, ArticleId article) {
  return BigEndian64(entity) +
         BigEndian64(static_cast<std::uint64_t>(std::max<UnixSeconds>(time, 0))) +
         BigEndian64(article);
}

bool LooksLikeSymbol(std::string_view name) {
  if (name.empty() || name.size() > 5) return false;
  return std::all_of(name.begin(), name.end(),
                     [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
}

std::string_view TickerSymbol(std::string_view ticker) {
  std::size_t colon = ticker.rfind(':');
  return colon == std::string_view::npos ? ticker : ticker.substr(colon + 1);
}

std::set<std::string> FormKeys(const EntityRecord& r) {
  std::set<std::string> keys;
  for (const auto& [form, n] : r.aliases) {
    std::string k = NormalizedName(form, KeyType(r.type));
    if (!k.empty()) keys.insert(std::move(k));
  }
  return keys;
}

std::set<std::string> TickerKeys(const EntityRecord& r) {
  std::set<std::string> keys;
  for (const auto& [ticker, n] : r.tickers) {
    std::string k = NormalizedName(TickerSymbol(ticker), EntityType::kTicker);
    if (!k.empty()) keys.insert(std::move(k));
  }
  return keys;
}

std::set<std::string> AliasKeys(const EntityRecord& r) {
  std::set<std::string> keys = FormKeys(r);
  keys.merge(TickerKeys(r));
  return keys;
}

std::set<std::string> AliasWords(const EntityRecord& r) {
  std::set<std::string> words;
  if (r.type != EntityType::kPerson) return words;
  for (const std::string& k : FormKeys(r)) {
    std::vector<std::string> w = SplitWords(k);
    if (w.size() >= 2) words.insert(w.begin(), w.end());
  }
  return words;
}

std::string CanonicalName(const std::map<std::string, std::uint64_t>& aliases) {
  // A full name ("Harrow Tide Exchange") before short forms ("HTX"), however
  // often those are used; then the most used; then the longest.
  auto rank = [](const std::string& form, std::uint64_t n) {
    return std::tuple(IsMultiWord(form), n, form.size());
  };
  const std::string* best = nullptr;
  std::tuple<bool, std::uint64_t, std::size_t> best_rank;
  for (const auto& [form, n] : aliases) {
    if (best == nullptr || rank(form, n) > best_rank) {
      best = &form;
      best_rank = rank(form, n);
    }
  }
  return best ? *best : std::string();
}

Result<std::optional<EntityRecord>> LoadEntity(const EntityColumns& c, EntityId id) {
  std::string v;
  rocksdb::Status s = c.db->Get(rocksdb::ReadOptions(), c.entities, BigEndian64(id), &v);
  if (s.IsNotFound()) return std::optional<EntityRecord>();
  if (!s.ok()) return RocksError(s, c.dir);
  auto r = DecodeEntity(v);
  if (!r.ok())
    return r.status().WithContext("database " + c.dir + ", entity " + std::to_string(id));
  return std::optional<EntityRecord>(std::move(r).value());
}

Result<std::vector<EntityId>> ScanAliasIndex(const EntityColumns& c,
                                             rocksdb::ColumnFamilyHandle* family,
                                             const std::string& key) {
  std::unique_ptr<rocksdb::Iterator> it(c.db->NewIterator(rocksdb::ReadOptions(), family));
  return ScanAliasIndex(c, *it, key);
}

Result<std::vector<EntityId>> ScanAliasIndex(const EntityColumns& c, rocksdb::Iterator& it,
                                             const std::string& key) {
  std::vector<EntityId> ids;
  std::string prefix = key;
  prefix.push_back('\0');
  for (it.Seek(prefix); it.Valid(); it.Next()) {
    rocksdb::Slice k = it.key();
    if (k.size() < prefix.size() || std::memcmp(k.data(), prefix.data(), prefix.size()) != 0) break;
    if (k.size() != prefix.size() + 8) {
      return Status::Corruption("database " + c.dir +
                                ": malformed alias key; run `newsdesk check`");
    }
    ids.push_back(ReadBigEndian64(std::string_view(k.data() + prefix.size(), 8)));
  }
  if (!it.status().ok()) return RocksError(it.status(), c.dir);
  return ids;
}

Result<std::vector<EntityId>> EntityCommit::Scan(rocksdb::ColumnFamilyHandle* family,
                                                 const std::string& key) {
  std::unique_ptr<rocksdb::Iterator>& it = scans_[family];
  if (!it) it.reset(c_.db->NewIterator(rocksdb::ReadOptions(), family));
  return ScanAliasIndex(c_, *it, key);
}

Result<EntityCommit::Touched*> EntityCommit::Touch(EntityId id) {
  if (auto it = touched_.find(id); it != touched_.end()) return &it->second;
  if (auto it = cache_.find(id); it != cache_.end()) {
    Touched t;
    t.stored = std::move(it->second);
    cache_.erase(it);
    return &touched_.emplace(id, std::move(t)).first->second;
  }
  auto loaded = LoadEntity(c_, id);
  if (!loaded.ok()) return loaded.status();
  if (!loaded->has_value()) return static_cast<Touched*>(nullptr);
  Touched t;
  t.stored = std::make_shared<EntityRecord>(std::move(**loaded));
  return &touched_.emplace(id, std::move(t)).first->second;
}

std::uint64_t EntityCommit::count() const {
  std::uint64_t n = count_ + created_;
  for (const auto& [id, t] : touched_) {
    if (t.stored && t.now().articles == 0) --n;
  }
  return n;
}

Status EntityCommit::Remove(const ArticleRecord& old) {
  removed_article_ = old.stored.id;
  const UnixSeconds t = old.stored.Time();
  for (const EntityLink& l : old.entity_links) {
    auto touched = Touch(l.entity);
    if (!touched.ok()) return touched.status();
    if (*touched == nullptr) {
      return Status::Corruption("database " + c_.dir + ": article " +
                                std::to_string(old.stored.id) + " links missing entity " +
                                std::to_string(l.entity) + "; run `newsdesk check`");
    }
    Touched& e = **touched;
    changed_.insert(l.entity);
    EntityRecord& r = e.Edit();
    r.mentions -= std::min(r.mentions, l.mentions);
    r.articles -= std::min<std::uint64_t>(r.articles, 1);
    // A name or ticker only this article gave goes: the stored keys first.
    auto take = [&e](std::map<std::string, std::uint64_t>& counts, const std::string& key) {
      auto it = counts.find(key);
      if (it == counts.end()) return;
      if (it->second == 1) e.NamesWillChange();
      if (--it->second == 0) counts.erase(it);
    };
    for (const std::string& f : l.forms) take(r.aliases, f);
    for (const std::string& tk : l.tickers) take(r.tickers, tk);
    Decrement(r.outlets, old.stored.article.outlet);
    mention_deletes_.push_back(MentionKey(l.entity, t, old.stored.id));
    if (r.articles == 0) {
      // Gone: its index entries go at Write, and its stored keys still find
      // it for the rest of this commit (names a damaged count left behind
      // included: they are the stored ones too).
      e.NamesWillChange();
      continue;
    }
    r.name = CanonicalName(r.aliases);
    if (t != r.first_seen && t != r.last_seen) continue;
    // The span may have been this article's: find it again among the others.
    const std::string prefix = BigEndian64(l.entity);
    std::unique_ptr<rocksdb::Iterator> it(c_.db->NewIterator(rocksdb::ReadOptions(), c_.mentions));
    auto at = [&](UnixSeconds* time) {
      rocksdb::Slice k = it->key();
      if (k.size() != 24 || std::memcmp(k.data(), prefix.data(), 8) != 0) return false;
      if (ReadBigEndian64(std::string_view(k.data() + 16, 8)) == old.stored.id) return false;
      *time = static_cast<UnixSeconds>(ReadBigEndian64(std::string_view(k.data() + 8, 8)));
      return true;
    };
    auto in_prefix = [&] {
      return it->Valid() && it->key().size() >= 8 &&
             std::memcmp(it->key().data(), prefix.data(), 8) == 0;
    };
    UnixSeconds time = 0;
    for (it->Seek(prefix); in_prefix(); it->Next()) {
      if (at(&time)) {
        r.first_seen = time;
        break;
      }
    }
    for (it->SeekForPrev(prefix + std::string(16, '\xff')); in_prefix(); it->Prev()) {
      if (at(&time)) {
        r.last_seen = time;
        break;
      }
    }
    if (!it->status().ok()) return RocksError(it->status(), c_.dir);
  }
  return Status::Ok();
}

Result<std::set<EntityId>> EntityCommit::Candidates(rocksdb::ColumnFamilyHandle* family,
                                                    const std::set<std::string>& keys) {
  std::set<EntityId> ids;
  for (const std::string& k : keys) {
    auto found = Scan(family, k);
    if (!found.ok()) return found.status();
    ids.insert(found->begin(), found->end());
  }
  // Entities this commit changed are not in the indexes yet (or are there
  // with keys they are about to lose): the caller checks every candidate's
  // live keys, so listing all of them is enough. Those it only looked at are
  // in the indexes as they are.
  ids.insert(changed_.begin(), changed_.end());
  return ids;
}

Result<std::optional<EntityId>> EntityCommit::Resolve(const DocumentEntity& d) {
  const EntityType type = d.type;
  std::set<std::string> all_keys, multi_keys, symbols;
  for (const std::string& f : FormsOf(d)) {
    std::string k = NormalizedName(f, KeyType(type));
    if (IsMultiWord(k)) multi_keys.insert(k);
    all_keys.insert(std::move(k));
  }
  for (const std::string& t : TickersOf(d)) {
    symbols.insert(NormalizedName(TickerSymbol(t), EntityType::kTicker));
  }
  if (type == EntityType::kTicker) {
    for (const std::string& f : FormsOf(d)) {
      std::string k = NormalizedName(TickerSymbol(f), EntityType::kTicker);
      if (!k.empty()) symbols.insert(std::move(k));
    }
  }
  // An organisation a document names only by a symbol-like word ("HBLN
  // shares rose") may be the company listed under it.
  if (type == EntityType::kOrganization && multi_keys.empty()) {
    for (const std::string& f : FormsOf(d)) {
      if (LooksLikeSymbol(f)) symbols.insert(NormalizedName(f, EntityType::kTicker));
    }
  }
  // A name of two or more words is what identifies; short forms ("Wu",
  // "ATH") identify only an entity the document names by nothing longer.
  const std::set<std::string>& keys = multi_keys.empty() ? all_keys : multi_keys;
  std::set<std::string> lookup = keys;
  lookup.insert(symbols.begin(), symbols.end());

  auto ids = Candidates(c_.aliases, lookup);
  if (!ids.ok()) return ids.status();
  std::vector<const EntityRecord*> matches;
  std::vector<const EntityRecord*> bare;  // of them, those with no name of two or more words
  for (EntityId id : *ids) {
    auto touched = Touch(id);
    if (!touched.ok()) return touched.status();
    if (*touched == nullptr) continue;  // an index entry for nothing: Verify reports it
    const Touched& e = **touched;
    const EntityRecord& r = e.now();
    // A vacated entity keeps its old keys for this commit only; its form and
    // ticker keys are not told apart, which is as good for finding it again.
    if (r.articles == 0 && e.stored_keys.empty()) continue;
    const std::set<std::string>& form_keys = r.articles == 0 ? e.stored_keys : e.FormKeysNow();
    const std::set<std::string>& ticker_keys = r.articles == 0 ? e.stored_keys : e.TickerKeysNow();
    bool match = false;
    if (r.type == type) {
      // (Not for people: their short and long names have rules of their own,
      // containment below.)
      const bool by_forms = Intersects(keys, form_keys) &&
                            (type == EntityType::kPerson || !OnlyOpeningsShared(keys, form_keys));
      match = by_forms || Intersects(symbols, ticker_keys);
      // ... and a company stored under its symbol alone is the company
      // that a document gives that ticker.
      if (!match && type == EntityType::kOrganization && !d.tickers.empty())
        for (const auto& [form, n] : r.aliases)
          match = match || (LooksLikeSymbol(form) &&
                            symbols.count(NormalizedName(form, EntityType::kTicker)) > 0);
    } else if (type == EntityType::kTicker && r.type == EntityType::kOrganization) {
      match = Intersects(symbols, ticker_keys);
    }
    if (!match) continue;
    matches.push_back(&r);
    if (std::none_of(form_keys.begin(), form_keys.end(), IsMultiWord)) bare.push_back(&r);
  }
  if (type == EntityType::kPerson && multi_keys.empty() && matches.size() > 1) {
    // "Wu" alone, and two stored people called Wu: it could be either, so
    // it joins neither, but the person known only as "Wu" if there is one.
    // Without that, every later "Wu" alone would be one more person called
    // Wu, and the next would have them all to look at (a common surname in
    // a long run: thousands).
    matches = std::move(bare);
    if (matches.empty()) return std::optional<EntityId>();
  }
  if (!matches.empty()) {
    const EntityRecord* best = *std::min_element(matches.begin(), matches.end(),
                                                 [](const EntityRecord* a, const EntityRecord* b) {
                                                   if (a->mentions != b->mentions)
                                                     return a->mentions > b->mentions;
                                                   return a->id < b->id;
                                                 });
    return std::optional<EntityId>(best->id);
  }

  // Containment: "Wu Yongming" and a stored "Eddie Wu Yongming" (or the
  // other way round), when exactly one stored person fits and the document
  // did not find its own short forms ambiguous.
  if (type != EntityType::kPerson || d.ambiguous_short_form || multi_keys.empty()) {
    return std::optional<EntityId>();
  }
  std::string name_key = NormalizedName(d.name, type);
  if (!IsMultiWord(name_key)) {
    name_key = *std::max_element(
        multi_keys.begin(), multi_keys.end(),
        [](const std::string& a, const std::string& b) { return a.size() < b.size(); });
  }
  const std::vector<std::string> words = SplitWords(name_key);
  const std::set<std::string> distinct(words.begin(), words.end());
  // Either way round, a containing name shares two distinct words with this
  // one (both have two or more; one word said twice, "Wu Wu", aside), so a
  // stored person indexed under only one of them ("Wu" among thousands of
  // Wus) cannot be one: counting the words' index lists keeps a common first
  // name from loading every person who has it.
  std::map<EntityId, std::size_t> shared;
  for (const std::string& w : distinct) {
    auto found = Scan(c_.alias_words, w);
    if (!found.ok()) return found.status();
    for (EntityId id : *found) ++shared[id];
  }
  std::set<EntityId> word_ids;
  const std::size_t needed = std::min<std::size_t>(2, distinct.size());
  for (const auto& [id, n] : shared) {
    if (n >= needed) word_ids.insert(id);
  }
  word_ids.insert(changed_.begin(), changed_.end());  // as in Candidates
  std::vector<EntityId> containing;
  for (EntityId id : word_ids) {
    auto touched = Touch(id);
    if (!touched.ok()) return touched.status();
    if (*touched == nullptr) continue;
    const EntityRecord& r = (*touched)->now();
    if (r.type != EntityType::kPerson || r.articles == 0) continue;
    for (const std::string& k : (*touched)->FormKeysNow()) {
      std::vector<std::string> w = SplitWords(k);
      if (w.size() < 2) continue;
      if (IsSubset(words, w) || IsSubset(w, words)) {
        containing.push_back(id);
        break;
      }
    }
  }
  if (containing.size() == 1) return std::optional<EntityId>(containing.front());
  return std::optional<EntityId>();
}

Result<std::vector<EntityLink>> EntityCommit::Add(const Article& article, ArticleId id,
                                                  UnixSeconds time,
                                                  std::vector<EntityId>* document_ids) {
  std::map<EntityId, EntityLink> links;
  if (document_ids != nullptr) document_ids->assign(article.entities.entities.size(), 0);
  for (std::size_t index = 0; index < article.entities.entities.size(); ++index) {
    const DocumentEntity& d = article.entities.entities[index];
    std::vector<std::string> forms = FormsOf(d);
    if (forms.empty()) continue;
    auto resolved = Resolve(d);
    if (!resolved.ok()) return resolved.status();
    Touched* e = nullptr;
    EntityId eid = 0;
    if (resolved->has_value()) {
      eid = **resolved;
      auto touched = Touch(eid);
      if (!touched.ok()) return touched.status();
      e = *touched;
    } else {
      eid = next_id_++;
      ++created_;
      Touched fresh;
      fresh.edited.emplace();
      fresh.edited->id = eid;
      fresh.edited->type = d.type;
      e = &touched_.emplace(eid, std::move(fresh)).first->second;
    }
    changed_.insert(eid);
    EntityRecord& r = e->Edit();
    if (document_ids != nullptr) (*document_ids)[index] = eid;
    auto [link, first] = links.try_emplace(eid);
    if (first) {
      link->second.entity = eid;
      r.first_seen = r.articles == 0 ? time : std::min(r.first_seen, time);
      r.last_seen = r.articles == 0 ? time : std::max(r.last_seen, time);
      ++r.articles;
      ++r.outlets[article.outlet];
    }
    EntityLink& l = link->second;
    // An entity listed is named at least once, whatever its count says.
    const std::uint64_t mentions = std::max<std::uint64_t>(d.mention_count, 1);
    l.mentions += mentions;
    r.mentions += mentions;
    for (const std::string& f : forms) {
      if (std::find(l.forms.begin(), l.forms.end(), f) != l.forms.end()) continue;
      l.forms.push_back(f);
      if (!r.aliases.count(f)) e->NamesWillChange();
      ++r.aliases[f];
    }
    for (const std::string& t : TickersOf(d)) {
      if (std::find(l.tickers.begin(), l.tickers.end(), t) != l.tickers.end()) continue;
      l.tickers.push_back(t);
      if (!r.tickers.count(t)) e->NamesWillChange();
      ++r.tickers[t];
    }
    r.name = CanonicalName(r.aliases);
  }
  std::vector<EntityLink> out;
  for (auto& [eid, l] : links) {
    mention_puts_.emplace_back(MentionKey(eid, time, id), BigEndian64(l.mentions));
    out.push_back(std::move(l));
  }
  return out;
}

void EntityCommit::Write(rocksdb::WriteBatch& batch) const {
  for (const std::string& k : mention_deletes_) batch.Delete(c_.mentions, k);
  for (EntityId id : changed_) {
    const Touched& t = touched_.at(id);
    const EntityRecord& now = t.now();
    const bool live = now.articles > 0;
    if (live) batch.Put(c_.entities, BigEndian64(id), EncodeEntity(now));
    if (t.stored && live && !t.names_changed) continue;  // the same index entries
    // Stored and changed names, or gone (Remove takes the stored keys of
    // both), or new (none).
    const std::set<std::string>& keys_before = t.stored_keys;
    const std::set<std::string>& words_before = t.stored_words;
    std::set<std::string> keys_now, words_now;
    if (live) {
      keys_now = AliasKeys(now);
      words_now = AliasWords(now);
    }
    for (const std::string& k : keys_before) {
      if (!keys_now.count(k)) batch.Delete(c_.aliases, AliasIndexKey(k, id));
    }
    for (const std::string& k : keys_now) {
      if (!keys_before.count(k)) batch.Put(c_.aliases, AliasIndexKey(k, id), "");
    }
    for (const std::string& w : words_before) {
      if (!words_now.count(w)) batch.Delete(c_.alias_words, AliasIndexKey(w, id));
    }
    for (const std::string& w : words_now) {
      if (!words_before.count(w)) batch.Put(c_.alias_words, AliasIndexKey(w, id), "");
    }
    if (!live && t.stored) batch.Delete(c_.entities, BigEndian64(id));
  }
  for (const auto& [k, v] : mention_puts_) batch.Put(c_.mentions, k, v);
}

void EntityCommit::Publish(std::size_t limit) && {
  EntityCache& cache = cache_;
  if (cache.size() + touched_.size() > limit) cache.clear();
  for (auto& [id, t] : touched_) {
    if (!t.edited) {
      if (t.stored) cache.insert_or_assign(id, std::move(t.stored));
    } else if (t.edited->articles > 0) {
      cache.insert_or_assign(id, std::make_shared<EntityRecord>(std::move(*t.edited)));
    } else {
      cache.erase(id);
    }
  }
  touched_.clear();
  changed_.clear();
}

Status VerifyEntities(const EntityColumns& c, const std::map<ArticleId, ArticleRecord>& articles,
                      EntityId next_id, std::uint64_t count,
                      const std::function<void(std::string)>& problem) {
  // What the records should be, recounted from the articles' links.
  std::map<EntityId, EntityRecord> expected;
  std::map<std::string, std::string> expected_mentions;  // MentionKey → count
  for (const auto& [aid, a] : articles) {
    std::set<EntityId> seen;
    for (const EntityLink& l : a.entity_links) {
      if (!seen.insert(l.entity).second) {
        problem("article " + std::to_string(aid) + " links entity " + std::to_string(l.entity) +
                " twice");
      }
      EntityRecord& r = expected[l.entity];
      const UnixSeconds t = a.stored.Time();
      r.first_seen = r.articles == 0 ? t : std::min(r.first_seen, t);
      r.last_seen = r.articles == 0 ? t : std::max(r.last_seen, t);
      ++r.articles;
      r.mentions += l.mentions;
      ++r.outlets[a.stored.article.outlet];
      for (const std::string& f : l.forms) ++r.aliases[f];
      for (const std::string& tk : l.tickers) ++r.tickers[tk];
      expected_mentions[MentionKey(l.entity, t, aid)] = BigEndian64(l.mentions);
    }
  }

  std::map<EntityId, EntityRecord> records;
  std::unique_ptr<rocksdb::Iterator> it(c.db->NewIterator(rocksdb::ReadOptions(), c.entities));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    EntityId id = ReadBigEndian64(std::string_view(it->key().data(), it->key().size()));
    auto r = DecodeEntity(std::string_view(it->value().data(), it->value().size()));
    if (!r.ok()) {
      problem("entity record " + std::to_string(id) + ": " + r.status().message());
      continue;
    }
    if (r->id != id) problem("entity " + std::to_string(id) + " holds id " + std::to_string(r->id));
    if (id >= next_id) problem("entity " + std::to_string(id) + " is beyond the next id");
    records.emplace(id, std::move(r).value());
  }
  if (!it->status().ok()) return RocksError(it->status(), c.dir);
  if (records.size() != count) {
    problem("the entity counter says " + std::to_string(count) + ", there are " +
            std::to_string(records.size()));
  }
  for (const auto& [id, want] : expected) {
    auto got = records.find(id);
    std::string e = "entity " + std::to_string(id);
    if (got == records.end()) {
      problem("articles link missing " + e);
      continue;
    }
    const EntityRecord& r = got->second;
    if (r.articles != want.articles)
      problem(e + " counts " + std::to_string(r.articles) + " articles, its links " +
              std::to_string(want.articles));
    if (r.mentions != want.mentions)
      problem(e + " counts " + std::to_string(r.mentions) + " mentions, its links " +
              std::to_string(want.mentions));
    if (r.aliases != want.aliases) problem(e + "'s names differ from its links'");
    if (r.tickers != want.tickers) problem(e + "'s tickers differ from its links'");
    if (r.outlets != want.outlets) problem(e + "'s outlets differ from its articles'");
    if (r.first_seen != want.first_seen || r.last_seen != want.last_seen)
      problem(e + "'s first and last seen differ from its articles'");
    if (r.name != CanonicalName(r.aliases)) problem(e + "'s name is not its most used name");
  }
  for (const auto& [id, r] : records) {
    if (!expected.count(id)) problem("entity " + std::to_string(id) + " has no articles");
  }

  auto check_index = [&](rocksdb::ColumnFamilyHandle* family, const char* name,
                         std::set<std::string> (*derive)(const EntityRecord&)) -> Status {
    std::map<EntityId, std::set<std::string>> found;
    std::unique_ptr<rocksdb::Iterator> i(c.db->NewIterator(rocksdb::ReadOptions(), family));
    for (i->SeekToFirst(); i->Valid(); i->Next()) {
      std::string key;
      EntityId id = 0;
      if (!SplitAliasIndexKey(std::string_view(i->key().data(), i->key().size()), &key, &id)) {
        problem(std::string("malformed ") + name + " key");
        continue;
      }
      if (!records.count(id)) {
        problem(std::string(name) + " \"" + key + "\" points to missing entity " +
                std::to_string(id));
        continue;
      }
      found[id].insert(key);
    }
    if (!i->status().ok()) return RocksError(i->status(), c.dir);
    for (const auto& [id, r] : records) {
      if (found[id] != derive(r)) {
        problem(std::string(name) + " entries of entity " + std::to_string(id) +
                " differ from its names");
      }
    }
    return Status::Ok();
  };
  if (Status s = check_index(c.aliases, "alias", &AliasKeys); !s.ok()) return s;
  if (Status s = check_index(c.alias_words, "alias word", &AliasWords); !s.ok()) return s;

  std::map<std::string, std::string> mentions;
  std::unique_ptr<rocksdb::Iterator> m(c.db->NewIterator(rocksdb::ReadOptions(), c.mentions));
  for (m->SeekToFirst(); m->Valid(); m->Next()) {
    std::string k = m->key().ToString();
    if (k.size() != 24) {
      problem("malformed mentions key");
      continue;
    }
    EntityId eid = ReadBigEndian64(k.substr(0, 8));
    ArticleId aid = ReadBigEndian64(k.substr(16));
    if (!records.count(eid)) problem("a mention points to missing entity " + std::to_string(eid));
    if (!articles.count(aid)) problem("a mention points to missing article " + std::to_string(aid));
    mentions.emplace(std::move(k), m->value().ToString());
  }
  if (!m->status().ok()) return RocksError(m->status(), c.dir);
  if (mentions != expected_mentions) {
    problem("mention entries differ from the articles' entity links (" +
            std::to_string(mentions.size()) + " entries, " +
            std::to_string(expected_mentions.size()) + " links)");
  }
  return Status::Ok();
}

std::size_t BoundedEditDistance(std::string_view a, std::string_view b, std::size_t limit) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > limit) return limit + 1;
  std::vector<std::size_t> row(a.size() + 1);
  for (std::size_t i = 0; i <= a.size(); ++i) row[i] = i;
  for (std::size_t j = 1; j <= b.size(); ++j) {
    std::size_t diag = row[0];
    row[0] = j;
    std::size_t best = row[0];
    for (std::size_t i = 1; i <= a.size(); ++i) {
      std::size_t up = row[i];
      row[i] = std::min({row[i] + 1, row[i - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
      best = std::min(best, row[i]);
    }
    if (best > limit) return limit + 1;
  }
  return std::min(row[a.size()], limit + 1);
}

}  // namespace newsdesk::store_internal
