#include "store/search_index.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <queue>
#include <set>
#include <unordered_map>
#include <utility>
#include <vector>

#include "store/entity_index.h"

namespace newsdesk::store_internal {
namespace {

constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
// After the term and its '\0': the bucket and the id run.
constexpr std::size_t kBlockKeyBytes = 16;
constexpr std::uint64_t kLowTimeMask = (std::uint64_t{1} << kBucketShift) - 1;
constexpr char kPut = 'P';
constexpr char kDelete = 'D';
// A cursor steps over this many blocks towards a target before it seeks: a
// RocksDB Next costs a fraction of a Seek, and the target is often in the
// next block or the one after.
constexpr int kBlockStepsBeforeSeek = 4;

// Where an article's postings sort in every term: newest time bucket
// first, then by id, newest first.
struct Order {
  std::uint64_t bucket = 0;  // the inverted time >> kBucketShift
  std::uint64_t id = 0;      // kMax - the article id
  auto operator<=>(const Order&) const = default;
};

std::uint64_t InvertedTime(UnixSeconds t) {
  return kMax - (static_cast<std::uint64_t>(t) ^ (std::uint64_t{1} << 63));
}
Order OrderOf(UnixSeconds time, ArticleId id) {
  return {InvertedTime(time) >> kBucketShift, kMax - id};
}
// The bytes after a block key's term: which block an article's posting is in.
std::string BlockSuffix(const Order& o) {
  return BigEndian64(o.bucket) + BigEndian64(o.id >> kIdRunShift);
}

void PutVarint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out += static_cast<char>((v & 0x7f) | 0x80);
    v >>= 7;
  }
  out += static_cast<char>(v);
}

// False when `in` ends inside a varint.
bool GetVarint(std::string_view& in, std::uint64_t* v) {
  *v = 0;
  for (int shift = 0; shift < 64 && !in.empty(); shift += 7) {
    const auto byte = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    *v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
    if (byte < 0x80) return true;
  }
  return false;
}

// The fixed part of a word posting's value.
struct PostingHeader {
  std::uint64_t length = 0;
  std::uint64_t title_count = 0;
  std::uint64_t text_count = 0;
};

// Reads the header and leaves `in` at the positions; false when malformed.
bool ReadHeader(std::string_view& in, PostingHeader* h) {
  return GetVarint(in, &h->length) && GetVarint(in, &h->title_count) &&
         GetVarint(in, &h->text_count);
}

bool ReadPositions(std::string_view in, std::vector<std::uint64_t>* out) {
  out->clear();
  PostingHeader h;
  if (!ReadHeader(in, &h)) return false;
  std::uint64_t at = 0;
  for (std::uint64_t i = 0; i < h.title_count + h.text_count; ++i) {
    std::uint64_t delta = 0;
    if (!GetVarint(in, &delta)) return false;
    at += delta;
    out->push_back(at);
  }
  return true;
}

// Splits a block key into its term, bucket and id run; false when malformed.
bool SplitBlockKey(std::string_view key, std::string_view* term, std::uint64_t* bucket,
                   std::uint64_t* run) {
  if (key.size() < kBlockKeyBytes + 2 || key[key.size() - kBlockKeyBytes - 1] != '\0') return false;
  *term = key.substr(0, key.size() - kBlockKeyBytes - 1);
  *bucket = ReadBigEndian64(key.substr(key.size() - kBlockKeyBytes, 8));
  *run = ReadBigEndian64(key.substr(key.size() - 8));
  return true;
}

// One record of a block or of a merge operand: a put of a posting, or a
// delete of an article's posting.
struct BlockRecord {
  bool put = false;
  std::uint64_t id = 0;      // kMax - the article id
  std::uint64_t low = 0;     // the inverted time's low kBucketShift bits (puts)
  std::string_view payload;  // (puts)
  std::string_view bytes;    // the whole record
};

// The next record of `in`, which it leaves after it; false when malformed.
bool ReadRecord(std::string_view& in, BlockRecord* r) {
  const std::string_view start = in;
  if (in.size() < 9 || (in[0] != kPut && in[0] != kDelete)) return false;
  r->put = in[0] == kPut;
  r->id = ReadBigEndian64(in.substr(1, 8));
  in.remove_prefix(9);
  r->low = 0;
  r->payload = {};
  if (r->put) {
    std::uint64_t length = 0;
    if (!GetVarint(in, &r->low) || r->low > kLowTimeMask || !GetVarint(in, &length) ||
        length > in.size())
      return false;
    r->payload = in.substr(0, length);
    in.remove_prefix(length);
  }
  r->bytes = start.substr(0, start.size() - in.size());
  return true;
}

std::string PutRecord(const Order& o, UnixSeconds time, std::string_view payload) {
  std::string r(1, kPut);
  r += BigEndian64(o.id);
  PutVarint(r, InvertedTime(time) & kLowTimeMask);
  PutVarint(r, payload.size());
  r += payload;
  return r;
}

std::string DeleteRecord(const Order& o) { return std::string(1, kDelete) + BigEndian64(o.id); }

// Applies the records of `in`, in order, to `latest` (by inverted id, the
// last record of each); false when malformed.
bool ApplyRecords(std::string_view in, std::map<std::uint64_t, BlockRecord>& latest) {
  while (!in.empty()) {
    BlockRecord r;
    if (!ReadRecord(in, &r)) return false;
    latest[r.id] = r;
  }
  return true;
}

// `latest` in order as one value: with the deletes for a partial merge
// (an older block below may hold the posting), without for a full one.
std::string JoinRecords(const std::map<std::uint64_t, BlockRecord>& latest, bool deletes) {
  std::size_t size = 0;
  for (const auto& [id, r] : latest) size += r.bytes.size();
  std::string out;
  out.reserve(size);
  for (const auto& [id, r] : latest)
    if (r.put || deletes) out += r.bytes;
  return out;
}

// True when `in` is puts only, in order: a merged block as it is.
bool IsMergedBlock(std::string_view in) {
  std::uint64_t last = 0;
  for (bool first = true; !in.empty(); first = false) {
    BlockRecord r;
    if (!ReadRecord(in, &r) || !r.put || (!first && r.id <= last)) return false;
    last = r.id;
  }
  return true;
}

class BlockMerger : public rocksdb::MergeOperator {
 public:
  bool FullMergeV2(const MergeOperationInput& in, MergeOperationOutput* out) const override {
    // Where compaction has combined a block's operands but not yet reached
    // the bottom level, every read merges one operand of puts onto nothing
    // (bench/search.sh at 1M: a quarter of the search time): it is the
    // block already.
    if (in.existing_value == nullptr && in.operand_list.size() == 1 &&
        IsMergedBlock({in.operand_list[0].data(), in.operand_list[0].size()})) {
      out->existing_operand = in.operand_list[0];
      return true;
    }
    std::map<std::uint64_t, BlockRecord> latest;
    if (in.existing_value != nullptr &&
        !ApplyRecords({in.existing_value->data(), in.existing_value->size()}, latest))
      return false;
    for (const rocksdb::Slice& op : in.operand_list)
      if (!ApplyRecords({op.data(), op.size()}, latest)) return false;
    out->new_value = JoinRecords(latest, false);
    return true;
  }
  bool PartialMergeMulti(const rocksdb::Slice&, const std::deque<rocksdb::Slice>& operands,
                         std::string* new_value, rocksdb::Logger*) const override {
    std::map<std::uint64_t, BlockRecord> latest;
    for (const rocksdb::Slice& op : operands)
      if (!ApplyRecords({op.data(), op.size()}, latest)) return false;
    *new_value = JoinRecords(latest, true);
    return true;
  }
  const char* Name() const override { return "newsdesk.PostingBlocks"; }
};

// One posting of a block read by a search.
struct Posting {
  Order key;
  std::uint64_t time = 0;  // inverted
  std::string_view payload;
};

// The postings of a block of `bucket` (a merged value: puts only, in
// order); false when malformed.
bool DecodeBlock(std::string_view value, std::uint64_t bucket, std::vector<Posting>* out) {
  out->clear();
  while (!value.empty()) {
    BlockRecord r;
    if (!ReadRecord(value, &r) || !r.put) return false;
    if (!out->empty() && out->back().key.id >= r.id) return false;
    out->push_back({{bucket, r.id}, (bucket << kBucketShift) | r.low, r.payload});
  }
  return true;
}

// How a term reads in a message.
std::string TermLabel(std::string_view term) {
  if (term.size() >= 2 && term[0] == '\x01' && term[1] == 'o')
    return "outlet \"" + std::string(term.substr(2)) + "\"";
  if (term.size() == 10 && term[0] == '\x01' && term[1] == 'e')
    return "entity " + std::to_string(ReadBigEndian64(term.substr(2)));
  return "\"" + std::string(term) + "\"";
}

Status Malformed(const SearchColumns& c) {
  return Status::Corruption("database " + c.dir +
                            ": malformed entry in the terms index; run `newsdesk check`");
}

Result<std::uint64_t> ReadCounter(const SearchColumns& c, const rocksdb::ReadOptions& ro,
                                  rocksdb::ColumnFamilyHandle* family, const std::string& key) {
  std::string v;
  rocksdb::Status s = c.db->Get(ro, family, key, &v);
  if (s.IsNotFound()) return std::uint64_t{0};
  if (!s.ok()) return RocksError(s, c.dir);
  return ReadBigEndian64(v);
}

// A word or phrase of the query: indexes into ParsedQuery::terms.
using Phrase = std::vector<std::size_t>;

struct ParsedQuery {
  std::vector<std::string> terms;  // distinct; the required ones first, in query order
  std::size_t required_terms = 0;  // terms[0, required_terms) must all occur
  std::vector<Phrase> phrases;     // required phrases of two or more terms
  std::vector<Phrase> excluded;    // an article with any of these is left out
};

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Words, "phrases", -word and -"phrase"; an unclosed quote runs to the end.
ParsedQuery ParseQuery(std::string_view text) {
  struct Part {
    std::vector<std::string> terms;
    bool excluded;
  };
  std::vector<Part> parts;
  std::size_t i = 0;
  while (i < text.size()) {
    if (IsAsciiSpace(text[i])) {
      ++i;
      continue;
    }
    bool excluded = false;
    if (text[i] == '-') {
      excluded = true;
      ++i;
    }
    std::size_t end = i;
    std::string_view chunk;
    if (i < text.size() && text[i] == '"') {
      end = text.find('"', i + 1);
      if (end == std::string_view::npos) end = text.size();
      chunk = text.substr(i + 1, end - i - 1);
      i = std::min(end + 1, text.size());
    } else {
      while (end < text.size() && !IsAsciiSpace(text[end]) && text[end] != '"') ++end;
      chunk = text.substr(i, end - i);
      i = end;
    }
    std::vector<std::string> terms = Terms(chunk);
    if (!terms.empty()) parts.push_back({std::move(terms), excluded});
  }
  ParsedQuery q;
  auto index_of = [&q](const std::string& term) {
    auto it = std::find(q.terms.begin(), q.terms.end(), term);
    if (it != q.terms.end()) return static_cast<std::size_t>(it - q.terms.begin());
    q.terms.push_back(term);
    return q.terms.size() - 1;
  };
  for (bool excluded : {false, true}) {
    for (const Part& p : parts) {
      if (p.excluded != excluded) continue;
      Phrase phrase;
      for (const std::string& t : p.terms) phrase.push_back(index_of(t));
      if (excluded) {
        q.excluded.push_back(std::move(phrase));
      } else if (phrase.size() > 1) {
        q.phrases.push_back(std::move(phrase));
      }
    }
    if (!excluded) q.required_terms = q.terms.size();
  }
  return q;
}

// One term's postings of the articles whose time is in [since, until],
// newest first, read a block at a time: the buckets of the time bounds are
// where the cursor starts and stops, their postings outside the bounds are
// passed over. Not copied: RocksDB holds a pointer to its bound.
class PostingCursor {
 public:
  PostingCursor(const SearchColumns& c, rocksdb::ReadOptions ro, std::string term,
                const SearchQuery& q)
      : prefix_(std::move(term)), upper_(prefix_ + '\1') {
    prefix_ += '\0';
    start_ = prefix_;
    if (q.until) {
      newest_ = InvertedTime(*q.until);
      start_ += BigEndian64(newest_ >> kBucketShift);
    }
    if (q.since) {
      oldest_ = InvertedTime(*q.since);
      if ((oldest_ >> kBucketShift) != (kMax >> kBucketShift))
        upper_ = prefix_ + BigEndian64((oldest_ >> kBucketShift) + 1);
    }
    upper_slice_ = rocksdb::Slice(upper_);
    ro.iterate_upper_bound = &upper_slice_;
    it_.reset(c.db->NewIterator(ro, c.terms));
  }
  PostingCursor(const PostingCursor&) = delete;
  PostingCursor& operator=(const PostingCursor&) = delete;

  bool valid() const { return valid_; }
  const Order& key() const { return key_; }
  std::string_view value() const { return block_[at_].payload; }
  rocksdb::Status status() const {
    if (malformed_) return rocksdb::Status::Corruption("a malformed block of postings");
    return it_->status();
  }

  void Start() {
    it_->Seek(start_);
    Load();
    Settle();
  }
  void Next() {
    ++at_;
    Settle();
  }
  // To the first posting at or after `target`.
  void SeekAtLeast(const Order& target) {
    if (!valid_ || key_ >= target) return;
    if (target <= block_.back().key) {
      at_ = LowerBound(target);
      Settle();
      return;
    }
    const std::string suffix = BlockSuffix(target);
    const rocksdb::Slice wanted(suffix);
    for (int step = 0; step < kBlockStepsBeforeSeek; ++step) {
      it_->Next();
      SkipOtherTerms();
      if (!it_->Valid()) break;
      rocksdb::Slice at(it_->key().data() + prefix_.size(), kBlockKeyBytes);
      if (at.compare(wanted) >= 0) {
        Load();
        at_ = LowerBound(target);
        Settle();
        return;
      }
    }
    if (it_->Valid()) it_->Seek(prefix_ + suffix);
    Load();
    at_ = LowerBound(target);
    Settle();
  }

 private:
  // Skips keys of longer terms that happen to share the prefix (a facet
  // term may hold '\0'); only this term's keys are exactly this long.
  void SkipOtherTerms() {
    while (it_->Valid() && it_->key().size() != prefix_.size() + kBlockKeyBytes) it_->Next();
  }
  // The block the iterator is at, from its first posting.
  void Load() {
    SkipOtherTerms();
    block_.clear();
    at_ = 0;
    if (!it_->Valid()) return;
    const std::uint64_t bucket =
        ReadBigEndian64(std::string_view(it_->key().data() + prefix_.size(), 8));
    if (!DecodeBlock({it_->value().data(), it_->value().size()}, bucket, &block_)) {
      malformed_ = true;
      block_.clear();
    }
  }
  std::size_t LowerBound(const Order& target) const {
    auto it = std::lower_bound(block_.begin() + static_cast<std::ptrdiff_t>(at_), block_.end(),
                               target, [](const Posting& p, const Order& o) { return p.key < o; });
    return static_cast<std::size_t>(it - block_.begin());
  }
  // From at_ to the first posting in time, through later blocks.
  void Settle() {
    for (;;) {
      while (at_ < block_.size() && (block_[at_].time < newest_ || block_[at_].time > oldest_))
        ++at_;
      if (at_ < block_.size()) {
        valid_ = true;
        key_ = block_[at_].key;
        return;
      }
      if (malformed_ || !it_->Valid()) {
        valid_ = false;
        return;
      }
      it_->Next();
      Load();
    }
  }

  std::string prefix_, start_, upper_;
  rocksdb::Slice upper_slice_;
  std::uint64_t newest_ = 0, oldest_ = kMax;  // inverted times: the bounds
  std::unique_ptr<rocksdb::Iterator> it_;
  std::vector<Posting> block_;
  std::size_t at_ = 0;
  bool valid_ = false, malformed_ = false;
  Order key_;
};

// A condition every hit meets: one word, or any of a group of outlets or
// entities (the union of their postings).
struct Clause {
  std::vector<std::unique_ptr<PostingCursor>> cursors;
  std::uint64_t articles = 0;  // how many articles have it, to pick the rarest
  std::size_t term = 0;        // for a word: its index in ParsedQuery::terms
  bool word = false;

  bool valid() const {
    return std::any_of(cursors.begin(), cursors.end(), [](const auto& c) { return c->valid(); });
  }
  Order key() const {
    Order k{kMax, kMax};
    for (const auto& c : cursors)
      if (c->valid()) k = std::min(k, c->key());
    return k;
  }
  void Start() {
    for (auto& c : cursors) c->Start();
  }
  void Next() {
    const Order k = key();
    for (auto& c : cursors)
      if (c->valid() && c->key() == k) c->Next();
  }
  void SeekAtLeast(const Order& target) {
    for (auto& c : cursors) c->SeekAtLeast(target);
  }
  rocksdb::Status status() const {
    for (const auto& c : cursors)
      if (!c->status().ok()) return c->status();
    return rocksdb::Status::OK();
  }
};

// True when the terms of `phrase` occur at consecutive positions;
// `positions[t]` are term t's, ascending.
bool Adjacent(const Phrase& phrase, const std::vector<std::vector<std::uint64_t>>& positions) {
  for (std::uint64_t first : positions[phrase[0]]) {
    bool all = true;
    for (std::size_t j = 1; j < phrase.size() && all; ++j) {
      const auto& p = positions[phrase[j]];
      all = std::binary_search(p.begin(), p.end(), first + j);
    }
    if (all) return true;
  }
  return false;
}

struct Snippet {
  std::string text;
  std::vector<TextSpan> matches;
};

std::vector<TextSpan> Matches(const std::vector<TermSpan>& spans,
                              const std::set<std::string, std::less<>>& terms) {
  std::vector<TextSpan> out;
  for (const TermSpan& s : spans)
    if (terms.count(s.term)) out.push_back({s.start, s.end});
  return out;
}

// The stretch of about `target` bytes of `text` that holds the most
// distinct query terms (then the most matches, then the earliest), cut at
// spaces, white space collapsed, "…" where cut, the matching words marked.
// Only the first `scan` bytes are looked through.
Snippet MakeSnippet(std::string_view text, const std::set<std::string, std::less<>>& terms,
                    std::size_t target, std::size_t scan) {
  const std::vector<TermSpan> spans = TermSpans(text.substr(0, std::min(scan, text.size())));
  std::vector<const TermSpan*> hits;
  for (const TermSpan& s : spans)
    if (terms.count(s.term)) hits.push_back(&s);
  std::size_t begin = 0;
  if (!hits.empty()) {
    std::size_t best = 0, best_distinct = 0, best_count = 0;
    for (std::size_t i = 0; i < hits.size(); ++i) {
      std::set<std::string_view> distinct;
      std::size_t j = i;
      for (; j < hits.size() && hits[j]->end - hits[i]->start <= target; ++j)
        distinct.insert(hits[j]->term);
      if (distinct.size() > best_distinct ||
          (distinct.size() == best_distinct && j - i > best_count)) {
        best = i;
        best_distinct = distinct.size();
        best_count = j - i;
      }
    }
    // Some words before the first match, from the start of a word.
    const std::size_t first = hits[best]->start, lead = target / 4;
    if (first > 2 * lead) {
      begin = first - lead;
      while (begin < first && !IsAsciiSpace(text[begin])) ++begin;
      if (begin < first) ++begin;
    }
  }
  std::size_t end = std::min(text.size(), begin + target);
  if (end < text.size()) {
    std::size_t cut = end;
    while (cut > begin && !IsAsciiSpace(text[cut])) --cut;
    if (cut > begin) {
      end = cut;
    } else {
      while (end > begin && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    }
  }
  Snippet out;
  if (begin > 0) out.text = "…";
  const std::size_t body = out.text.size();
  // Where each byte of the stretch lands once white space is collapsed.
  std::vector<std::uint32_t> landed(end - begin + 1);
  bool space = false;
  for (std::size_t i = begin; i < end; ++i) {
    landed[i - begin] = static_cast<std::uint32_t>(out.text.size() + (space ? 1 : 0));
    if (IsAsciiSpace(text[i])) {
      space = out.text.size() > body;
      continue;
    }
    if (space) out.text += ' ';
    space = false;
    out.text += text[i];
  }
  landed[end - begin] = static_cast<std::uint32_t>(out.text.size());
  for (const TermSpan& s : spans) {
    if (s.start < begin || s.end > end || !terms.count(s.term)) continue;
    out.matches.push_back({landed[s.start - begin], landed[s.end - begin]});
  }
  if (end < text.size()) out.text += "…";
  return out;
}

// The stored outlets a user's name finds: those of the same
// NormalizeEntityName key. kNotFound, with near names, when none.
Result<std::vector<std::string>> ResolveOutlets(const SearchColumns& c,
                                                const rocksdb::ReadOptions& ro,
                                                const std::vector<std::string>& names,
                                                std::uint64_t* articles) {
  struct Stored {
    std::string name, key;
    std::uint64_t articles;
  };
  std::vector<Stored> stored;
  std::unique_ptr<rocksdb::Iterator> it(c.db->NewIterator(ro, c.outlets));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    std::string name = it->key().ToString();
    std::string key = NormalizeEntityName(name, EntityType::kMisc);
    stored.push_back({std::move(name), std::move(key),
                      ReadBigEndian64(std::string_view(it->value().data(), it->value().size()))});
  }
  if (!it->status().ok()) return RocksError(it->status(), c.dir);
  std::vector<std::string> found;
  for (const std::string& name : names) {
    const std::string key = NormalizeEntityName(name, EntityType::kMisc);
    std::vector<const Stored*> near;
    bool any = false;
    for (const Stored& s : stored) {
      if (!key.empty() && s.key == key) {
        any = true;
        *articles += s.articles;
        if (std::find(found.begin(), found.end(), s.name) == found.end()) found.push_back(s.name);
      } else if (!key.empty() && (s.key.find(key) != std::string::npos ||
                                  BoundedEditDistance(s.key, key, 2) <= 2)) {
        near.push_back(&s);
      }
    }
    if (any) continue;
    std::stable_sort(near.begin(), near.end(),
                     [](const Stored* a, const Stored* b) { return a->articles > b->articles; });
    std::string message = "no outlet named \"" + name + "\"";
    for (std::size_t i = 0; i < near.size() && i < 5; ++i)
      message += (i == 0 ? "; did you mean \"" : ", \"") + near[i]->name + "\"";
    if (!near.empty()) message += "?";
    return Status::NotFound(message);
  }
  return found;
}

// The query parsed, or why it cannot be run.
Result<ParsedQuery> CheckedQuery(const SearchQuery& query) {
  if (query.text.size() > query.max_query_bytes) {
    return Status::TooLarge("the query is " + std::to_string(query.text.size()) +
                            " bytes, over the limit of " + std::to_string(query.max_query_bytes) +
                            " (max_query_bytes)");
  }
  if (std::size_t bad = FirstInvalidUtf8(query.text); bad < query.text.size()) {
    return Status::InvalidInput("the query is not UTF-8 (ill-formed byte at offset " +
                                std::to_string(bad) + ")");
  }
  ParsedQuery parsed = ParseQuery(query.text);
  if (parsed.required_terms == 0) {
    if (query.text.find_first_not_of(" \t\n\r\f\v") == std::string::npos)
      return Status::InvalidInput("the query is empty");
    if (!parsed.excluded.empty())
      return Status::InvalidInput("the query only leaves words out; give a word to search for");
    return Status::InvalidInput("the query has no word to search for: \"" + query.text +
                                "\" is only stop words (the, of, …) and single letters");
  }
  if (parsed.terms.size() > query.max_query_terms) {
    return Status::TooLarge("the query has " + std::to_string(parsed.terms.size()) +
                            " distinct words, over the limit of " +
                            std::to_string(query.max_query_terms) + " (max_query_terms)");
  }
  return parsed;
}

// One search on one snapshot of the database (so that counts and postings
// agree while a Commit runs): the conditions, the walk over their
// postings, then the hits.
class Evaluation {
 public:
  Evaluation(const SearchColumns& c, const SearchQuery& query, const ParsedQuery& parsed)
      : c_(c), query_(query), parsed_(parsed), snapshot_(c.db->GetSnapshot()) {
    ro_.snapshot = snapshot_;
  }
  ~Evaluation() {
    if (snapshot_ != nullptr) c_.db->ReleaseSnapshot(snapshot_);
  }
  // Holds a snapshot and iterators over it.
  Evaluation(const Evaluation&) = delete;
  Evaluation& operator=(const Evaluation&) = delete;

  // A cursor for each condition, the rarest first; false when one of them
  // has no article, so nothing can match.
  Result<bool> Prepare() {
    if (!query_.outlets.empty()) {
      Clause outlet;
      auto names = ResolveOutlets(c_, ro_, query_.outlets, &outlet.articles);
      if (!names.ok()) return names.status();
      for (const std::string& name : *names) outlet.cursors.push_back(Cursor(OutletTerm(name)));
      clauses_.push_back(std::move(outlet));
    }
    const EntityColumns entities{c_.db, c_.entities, nullptr, nullptr, nullptr, c_.dir};
    for (const std::vector<EntityId>& group : query_.entities) {
      Clause entity;
      for (EntityId id : group) {
        auto r = LoadEntity(entities, id);
        if (!r.ok()) return r.status();
        if (!r->has_value()) continue;
        entity.articles += (*r)->articles;
        entity.cursors.push_back(Cursor(EntityTerm(id)));
      }
      clauses_.push_back(std::move(entity));
    }
    auto documents = ReadCounter(c_, ro_, c_.meta, c_.article_count_key);
    if (!documents.ok()) return documents.status();
    auto length_total = ReadCounter(c_, ro_, c_.meta, kIndexedLengthKey);
    if (!length_total.ok()) return length_total.status();
    if (*documents == 0) return false;
    const double n = static_cast<double>(*documents);
    average_length_ = static_cast<double>(*length_total) / n;
    idf_.resize(parsed_.required_terms);
    for (std::size_t t = 0; t < parsed_.required_terms; ++t) {
      Clause word;
      word.word = true;
      word.term = t;
      auto stored = ReadCounter(c_, ro_, c_.doc_freq, parsed_.terms[t]);
      if (!stored.ok()) return stored.status();
      std::int64_t df = static_cast<std::int64_t>(*stored);
      if (c_.pending_doc_freq)
        df = std::max<std::int64_t>(0, df + c_.pending_doc_freq(parsed_.terms[t]));
      // A reader's count may lag the postings (pending in the writer): a
      // word it counts no article for is looked for all the same.
      word.articles = static_cast<std::uint64_t>(std::max<std::int64_t>(df, 1));
      const double d = static_cast<double>(df);
      idf_[t] = std::log(1 + (n - d + 0.5) / (d + 0.5));
      word.cursors.push_back(Cursor(parsed_.terms[t]));
      clauses_.push_back(std::move(word));
    }
    for (const Clause& clause : clauses_)
      if (clause.articles == 0) return false;
    std::stable_sort(clauses_.begin(), clauses_.end(),
                     [](const Clause& a, const Clause& b) { return a.articles < b.articles; });
    words_.resize(parsed_.required_terms);
    for (Clause& clause : clauses_) {
      if (!clause.word) continue;
      words_[clause.term] = clause.cursors[0].get();
    }
    for (std::size_t t = parsed_.required_terms; t < parsed_.terms.size(); ++t)
      excluded_.push_back(Cursor(parsed_.terms[t]));
    return true;
  }

  // Leapfrog: the rarest condition proposes the next article, the others
  // seek to it; the first that lies beyond proposes the next. Counts every
  // match into results.total and keeps the best offset + limit.
  Status Walk(SearchResults& results) {
    Clause& driver = clauses_[0];
    for (Clause& clause : clauses_) clause.Start();
    for (auto& e : excluded_) e->Start();
    const std::size_t keep = query_.offset + query_.limit;
    std::size_t examined = 0;
    while (driver.valid()) {
      if (examined == query_.max_candidates) {
        results.complete = false;
        // A word alone, in no range: every article that has it matches.
        const bool one_word = clauses_.size() == 1 && driver.word && parsed_.excluded.empty() &&
                              !query_.since && !query_.until;
        results.total_exact = one_word && c_.doc_freq_complete;
        if (one_word) results.total = driver.articles;
        break;
      }
      ++examined;
      const Order k = driver.key();
      Order ahead = k;
      bool exhausted = false;
      for (std::size_t i = 1; i < clauses_.size() && ahead == k && !exhausted; ++i) {
        clauses_[i].SeekAtLeast(k);
        exhausted = !clauses_[i].valid();
        if (!exhausted) ahead = clauses_[i].key();
      }
      if (exhausted) break;
      if (ahead != k) {
        driver.SeekAtLeast(ahead);
        continue;
      }
      auto accepted = Accept(k);
      if (!accepted.ok()) return accepted.status();
      if (*accepted) {
        ++results.total;
        if (keep > 0) {
          auto score = Score();
          if (!score.ok()) return score.status();
          best_.push({*score, k});
          if (best_.size() > keep) best_.pop();
        }
      }
      driver.Next();
    }
    for (const Clause& clause : clauses_)
      if (!clause.status().ok()) return RocksError(clause.status(), c_.dir);
    for (const auto& e : excluded_)
      if (!e->status().ok()) return RocksError(e->status(), c_.dir);
    return Status::Ok();
  }

  // The kept matches, best first, after `offset`, with their articles.
  Status Hits(SearchResults& results) {
    std::vector<Scored> ranked;
    for (; !best_.empty(); best_.pop()) ranked.push_back(best_.top());
    std::reverse(ranked.begin(), ranked.end());
    const std::set<std::string, std::less<>> marked(results.terms.begin(), results.terms.end());
    for (std::size_t r = query_.offset; r < ranked.size(); ++r) {
      const ArticleId id = kMax - ranked[r].second.id;
      std::string v;
      rocksdb::Status s = c_.db->Get(ro_, c_.articles, BigEndian64(id), &v);
      if (s.IsNotFound()) {
        return Status::Corruption("database " + c_.dir +
                                  ": the terms index names missing article " + std::to_string(id) +
                                  "; run `newsdesk check`");
      }
      if (!s.ok()) return RocksError(s, c_.dir);
      auto glance = DecodeArticleGlance(v);
      if (!glance.ok()) {
        return glance.status().WithContext("database " + c_.dir + ", article " +
                                           std::to_string(id));
      }
      const ArticleGlance& a = *glance;
      SearchHit hit;
      hit.id = id;
      hit.score = ranked[r].first;
      hit.title = a.title;
      hit.outlet = a.outlet;
      hit.url = a.canonical_url;
      hit.published = a.published;
      hit.time = a.Time();
      hit.title_matches = Matches(TermSpans(a.title), marked);
      Snippet snippet =
          MakeSnippet(a.text, marked, query_.snippet_bytes, query_.max_snippet_scan_bytes);
      hit.snippet = std::move(snippet.text);
      hit.snippet_matches = std::move(snippet.matches);
      results.hits.push_back(std::move(hit));
    }
    return Status::Ok();
  }

 private:
  // Higher score, then newer, is better.
  using Scored = std::pair<double, Order>;
  struct Worse {
    bool operator()(const Scored& a, const Scored& b) const {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    }
  };

  std::unique_ptr<PostingCursor> Cursor(std::string term) const {
    return std::make_unique<PostingCursor>(c_, ro_, std::move(term), query_);
  }

  // Term t's positions, from one of its postings, into positions_[t].
  Status ReadPositionsOf(std::size_t t, std::string_view value) {
    return ReadPositions(value, &positions_[t]) ? Status::Ok() : Malformed(c_);
  }

  // Article k has every word, outlet and entity, in time: has it the
  // phrases, and none of the excluded words?
  Result<bool> Accept(const Order& k) {
    positions_.resize(parsed_.terms.size());
    for (const Phrase& phrase : parsed_.phrases) {
      for (std::size_t t : phrase)
        if (Status s = ReadPositionsOf(t, words_[t]->value()); !s.ok()) return s;
      if (!Adjacent(phrase, positions_)) return false;
    }
    for (const Phrase& phrase : parsed_.excluded) {
      bool present = true;
      for (std::size_t t = 0; present && t < phrase.size(); ++t) {
        const std::size_t term = phrase[t];
        PostingCursor* cursor = term < parsed_.required_terms
                                    ? words_[term]
                                    : excluded_[term - parsed_.required_terms].get();
        cursor->SeekAtLeast(k);
        present = cursor->valid() && cursor->key() == k;
        if (present && phrase.size() > 1) {
          if (Status s = ReadPositionsOf(term, cursor->value()); !s.ok()) return s;
        }
      }
      if (present && (phrase.size() == 1 || Adjacent(phrase, positions_))) return false;
    }
    return true;
  }

  // BM25 of the article the word cursors are at.
  Result<double> Score() const {
    double score = 0;
    for (std::size_t t = 0; t < parsed_.required_terms; ++t) {
      std::string_view value = words_[t]->value();
      PostingHeader h;
      if (!ReadHeader(value, &h)) return Malformed(c_);
      const double tf = static_cast<double>(kTitleWeight * h.title_count + h.text_count);
      const double norm = 1 - kBm25B + kBm25B * static_cast<double>(h.length) / average_length_;
      score += idf_[t] * tf * (kBm25K1 + 1) / (tf + kBm25K1 * norm);
    }
    return score;
  }

  const SearchColumns& c_;
  const SearchQuery& query_;
  const ParsedQuery& parsed_;
  const rocksdb::Snapshot* snapshot_;
  rocksdb::ReadOptions ro_;
  std::vector<Clause> clauses_;
  std::vector<PostingCursor*> words_;                     // required word t's cursor
  std::vector<std::unique_ptr<PostingCursor>> excluded_;  // excluded term t - required_terms
  std::vector<double> idf_;
  double average_length_ = 1;
  std::vector<std::vector<std::uint64_t>> positions_;             // of term t, when read
  std::priority_queue<Scored, std::vector<Scored>, Worse> best_;  // the worst kept on top
};

}  // namespace

std::string BlockKey(std::string_view term, UnixSeconds time, ArticleId id) {
  std::string key(term);
  key += '\0';
  key += BlockSuffix(OrderOf(time, id));
  return key;
}

std::shared_ptr<rocksdb::MergeOperator> PostingsMergeOperator() {
  return std::make_shared<BlockMerger>();
}

std::string OutletTerm(std::string_view outlet) { return "\x01o" + std::string(outlet); }
std::string EntityTerm(EntityId entity) { return "\x01e" + BigEndian64(entity); }

ArticleIndex IndexArticle(const ArticleRecord& r) {
  return IndexArticle(r, ListArticleTerms(r.stored.article));
}

ArticleIndex IndexArticle(const ArticleRecord& r, const ArticleTermLists& lists) {
  struct Occurrences {
    std::uint64_t title = 0, text = 0;
    std::vector<std::uint64_t> positions;
  };
  std::map<std::string, Occurrences> words;
  const Article& a = r.stored.article;
  std::uint64_t position = 0;
  const std::vector<std::string>& title = lists.title;
  for (const std::string& t : title) {
    Occurrences& o = words[t];
    ++o.title;
    o.positions.push_back(position++);
  }
  ++position;
  const std::vector<std::string>& text = lists.text;
  for (const std::string& t : text) {
    Occurrences& o = words[t];
    ++o.text;
    o.positions.push_back(position++);
  }
  ArticleIndex index;
  index.length = kTitleWeight * title.size() + text.size();
  index.id = r.stored.id;
  index.time = r.stored.Time();
  for (const auto& [term, o] : words) {
    std::string value;
    PutVarint(value, index.length);
    PutVarint(value, o.title);
    PutVarint(value, o.text);
    std::uint64_t last = 0;
    for (std::uint64_t p : o.positions) {
      PutVarint(value, p - last);
      last = p;
    }
    index.postings.emplace(term, std::move(value));
  }
  index.postings.emplace(OutletTerm(a.outlet), "");
  for (const EntityLink& l : r.entity_links) index.postings.emplace(EntityTerm(l.entity), "");
  return index;
}

Status WriteSearchIndex(const SearchColumns& c, const ArticleRecord* old, const ArticleRecord& now,
                        const ArticleTermLists& now_terms, rocksdb::WriteBatch& batch) {
  auto total = ReadCounter(c, rocksdb::ReadOptions(), c.meta, kIndexedLengthKey);
  if (!total.ok()) return total.status();
  const ArticleIndex added = IndexArticle(now, now_terms);
  ArticleIndex removed;
  if (old != nullptr) removed = IndexArticle(*old);
  // A new time may move the article to other blocks: then every posting
  // is deleted from where it was and put where it now is, in that order.
  const bool moved = old != nullptr && removed.time != added.time;
  const Order was = OrderOf(removed.time, removed.id), is = OrderOf(added.time, added.id);
  for (const auto& [term, value] : removed.postings) {
    if (moved || !added.postings.count(term)) {
      rocksdb::Status s =
          batch.Merge(c.terms, BlockKey(term, removed.time, removed.id), DeleteRecord(was));
      if (!s.ok()) return RocksError(s, c.dir);
    }
  }
  for (const auto& [term, value] : added.postings) {
    auto it = removed.postings.find(term);
    if (moved || it == removed.postings.end() || it->second != value) {
      rocksdb::Status s = batch.Merge(c.terms, BlockKey(term, added.time, added.id),
                                      PutRecord(is, added.time, value));
      if (!s.ok()) return RocksError(s, c.dir);
    }
  }
  batch.Put(c.meta, kIndexedLengthKey, BigEndian64(*total - removed.length + added.length));
  return Status::Ok();
}

Result<SearchResults> SearchArticles(const SearchColumns& c, const SearchQuery& query) {
  auto parsed = CheckedQuery(query);
  if (!parsed.ok()) return parsed.status();
  SearchResults results;
  results.terms.assign(parsed->terms.begin(), parsed->terms.begin() + parsed->required_terms);
  Evaluation evaluation(c, query, *parsed);
  auto possible = evaluation.Prepare();
  if (!possible.ok()) return possible.status();
  if (!*possible) return results;
  if (Status s = evaluation.Walk(results); !s.ok()) return s;
  if (Status s = evaluation.Hits(results); !s.ok()) return s;
  return results;
}

Status VerifySearchIndex(const SearchColumns& c, const std::map<ArticleId, ArticleRecord>& articles,
                         const std::function<void(std::string)>& problem) {
  // Compares, per article, the number and a digest of its postings with
  // what its record produces; only where they differ are the postings
  // looked at one by one. Keeps memory to a few words per article.
  struct Tally {
    std::uint64_t count = 0, digest = 0;
    bool operator==(const Tally&) const = default;
  };
  // A posting as term, inverted time and payload: the same whichever
  // block it is in.
  auto digest = [](std::string_view term, std::uint64_t time, std::string_view payload) {
    return std::hash<std::string_view>()(term) ^ (time * 0xC2B2AE3D27D4EB4Full) ^
           (std::hash<std::string_view>()(payload) * 0x9E3779B97F4A7C15ull);
  };
  std::unordered_map<ArticleId, Tally> found;
  std::unique_ptr<rocksdb::Iterator> it(c.db->NewIterator(rocksdb::ReadOptions(), c.terms));
  std::vector<Posting> block;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    std::string_view key(it->key().data(), it->key().size());
    std::string_view term;
    std::uint64_t bucket = 0, run = 0;
    if (!SplitBlockKey(key, &term, &bucket, &run)) {
      problem("terms index: a malformed key");
      continue;
    }
    if (!DecodeBlock({it->value().data(), it->value().size()}, bucket, &block)) {
      problem("terms index: a malformed block of postings for " + TermLabel(term));
      continue;
    }
    for (const Posting& p : block) {
      const ArticleId id = kMax - p.key.id;
      if ((p.key.id >> kIdRunShift) != run) {
        problem("terms index: the posting for " + TermLabel(term) + " of article " +
                std::to_string(id) + " is in another article's block");
        continue;
      }
      if (!articles.count(id)) {
        problem("terms index: the posting for " + TermLabel(term) + " names missing article " +
                std::to_string(id));
        continue;
      }
      Tally& t = found[id];
      ++t.count;
      t.digest += digest(term, p.time, p.payload);
    }
  }
  if (!it->status().ok()) return RocksError(it->status(), c.dir);

  constexpr int kDetailsPerArticle = 5;
  std::uint64_t length_total = 0;
  // The records are read again one at a time: `articles` holds them
  // without their text (Store::Verify), and all of them at once with it
  // would be gigabytes. One the caller could not read is its problem.
  std::unique_ptr<rocksdb::Iterator> records(c.db->NewIterator(rocksdb::ReadOptions(), c.articles));
  for (records->SeekToFirst(); records->Valid(); records->Next()) {
    const ArticleId id = ReadBigEndian64({records->key().data(), records->key().size()});
    if (!articles.count(id)) continue;
    auto record = DecodeArticle({records->value().data(), records->value().size()});
    if (!record.ok()) continue;
    const ArticleIndex index = IndexArticle(*record);
    length_total += index.length;
    const std::uint64_t time = InvertedTime(index.time);
    Tally expected;
    for (const auto& [term, payload] : index.postings) {
      ++expected.count;
      expected.digest += digest(term, time, payload);
    }
    if (found[id] == expected) continue;
    const std::string article = "article " + std::to_string(id);
    const Order order = OrderOf(index.time, id);
    std::uint64_t missing = 0, different = 0;
    for (const auto& [term, payload] : index.postings) {
      std::string stored;
      rocksdb::Status s =
          c.db->Get(rocksdb::ReadOptions(), c.terms, BlockKey(term, index.time, id), &stored);
      if (!s.ok() && !s.IsNotFound()) return RocksError(s, c.dir);
      bool present = false, same = false;
      if (s.ok() && DecodeBlock(stored, order.bucket, &block)) {
        for (const Posting& p : block) {
          if (p.key.id != order.id) continue;
          present = true;
          same = p.time == time && p.payload == payload;
        }
      }
      if (same) continue;
      present ? ++different : ++missing;
      if (missing + different > kDetailsPerArticle) continue;
      problem(!present ? article + " lacks its posting for " + TermLabel(term)
                       : article + "'s posting for " + TermLabel(term) +
                             " differs from what its record gives");
    }
    if (missing + different > kDetailsPerArticle) {
      problem(article + ": " + std::to_string(missing + different - kDetailsPerArticle) +
              " more postings missing or different");
    }
    // Found = expected - missing + extra.
    const std::uint64_t extra = found[id].count + missing - expected.count;
    if (extra > 0) {
      problem(article + " has " + std::to_string(extra) +
              " postings in the terms index that its record does not give");
    }
  }
  if (!records->status().ok()) return RocksError(records->status(), c.dir);
  auto stored_total = ReadCounter(c, rocksdb::ReadOptions(), c.meta, kIndexedLengthKey);
  if (!stored_total.ok()) return stored_total.status();
  if (*stored_total != length_total) {
    problem("the indexed length total says " + std::to_string(*stored_total) +
            ", a recount gives " + std::to_string(length_total));
  }
  return Status::Ok();
}

}  // namespace newsdesk::store_internal
