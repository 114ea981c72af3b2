// A writer-side cache of decoded records within a budget in bytes: past
// it, the records used longest ago go first. A long ingest's memory stays
// within the budget however many records it has read, and a record as
// large as a story of thousands of articles counts for what it is.
#pragma once

#include <cstddef>
#include <functional>
#include <list>
#include <optional>
#include <unordered_map>
#include <utility>

namespace newsdesk {

template <typename Key, typename Value>
class BoundedCache {
 public:
  // Holds nothing until it is given a budget.
  BoundedCache() = default;
  // `weigh` gives the approximate bytes a value owns on the heap besides
  // its own size.
  BoundedCache(std::size_t budget_bytes, std::function<std::size_t(const Value&)> weigh)
      : budget_(budget_bytes), weigh_(std::move(weigh)) {}

  // The value under `key`, now the most recently used; null when absent.
  Value* Find(const Key& key) {
    auto it = map_.find(key);
    if (it == map_.end()) return nullptr;
    order_.splice(order_.begin(), order_, it->second.place);
    return &it->second.value;
  }

  // Stores `value` under `key`, replacing what was there, and drops the
  // least recently used values while the cache weighs more than its budget
  // (never the new one). The address stays good until that value is
  // replaced, taken, erased or dropped.
  Value& Put(const Key& key, Value value) {
    Erase(key);
    std::size_t w = weigh_(value) + kEntryBytes;
    while (!order_.empty() && bytes_ + w > budget_) Erase(order_.back());
    order_.push_front(key);
    bytes_ += w;
    return map_.emplace(key, Entry{std::move(value), w, order_.begin()}).first->second.value;
  }

  // Removes the value under `key` and hands it over.
  std::optional<Value> Take(const Key& key) {
    auto node = map_.extract(key);
    if (node.empty()) return std::nullopt;
    bytes_ -= node.mapped().bytes;
    order_.erase(node.mapped().place);
    return std::move(node.mapped().value);
  }

  void Erase(const Key& key) { Take(key); }

  void Clear() {
    map_.clear();
    order_.clear();
    bytes_ = 0;
  }

  std::size_t size() const { return map_.size(); }
  std::size_t bytes() const { return bytes_; }

 private:
  struct Entry {
    Value value;
    std::size_t bytes;
    typename std::list<Key>::iterator place;
  };
  // What an entry costs besides its value's heap bytes: the hash map's
  // node (key, entry, next pointer, cached hash) and the list's (key, two
  // links).
  static constexpr std::size_t kEntryBytes =
      sizeof(Key) + sizeof(Entry) + 2 * sizeof(void*) + sizeof(Key) + 2 * sizeof(void*);
  std::size_t budget_ = 0;
  std::function<std::size_t(const Value&)> weigh_;
  std::list<Key> order_;  // most recently used first
  std::unordered_map<Key, Entry> map_;
  std::size_t bytes_ = 0;
};

}  // namespace newsdesk
