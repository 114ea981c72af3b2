#include "store/bounded_cache.h"

#include <gtest/gtest.h>

#include <string>

namespace newsdesk {
namespace {

std::size_t Length(const std::string& s) { return s.size(); }

// The bytes a cache entry costs besides its value's own.
std::size_t Overhead() {
  BoundedCache<int, std::string> probe(1 << 20, Length);
  probe.Put(0, "");
  return probe.bytes();
}

TEST(BoundedCache, DropsTheLeastRecentlyUsedPastItsBudget) {
  const std::size_t entry = Overhead() + 100;
  BoundedCache<int, std::string> cache(3 * entry, Length);
  for (int k : {1, 2, 3}) cache.Put(k, std::string(100, 'a' + k));
  EXPECT_EQ(cache.size(), 3u);
  EXPECT_EQ(cache.bytes(), 3 * entry);
  ASSERT_NE(cache.Find(1), nullptr);  // 1 is now used more recently than 2 and 3
  cache.Put(4, std::string(100, 'x'));
  EXPECT_EQ(cache.size(), 3u);
  EXPECT_EQ(cache.Find(2), nullptr);
  ASSERT_NE(cache.Find(1), nullptr);
  EXPECT_EQ(*cache.Find(1), std::string(100, 'b'));
  EXPECT_NE(cache.Find(3), nullptr);
  EXPECT_NE(cache.Find(4), nullptr);
  // A value of two entries' weight pushes out the two used longest ago (1, 3).
  cache.Put(5, std::string(entry + 100, 'y'));
  EXPECT_EQ(cache.Find(1), nullptr);
  EXPECT_EQ(cache.Find(3), nullptr);
  EXPECT_NE(cache.Find(4), nullptr);
  EXPECT_NE(cache.Find(5), nullptr);
  EXPECT_LE(cache.bytes(), 3 * entry);
}

TEST(BoundedCache, KeepsAValueLargerThanItsBudgetAlone) {
  BoundedCache<int, std::string> cache(10, Length);
  cache.Put(1, "a");
  std::string& big = cache.Put(2, std::string(1000, 'b'));
  EXPECT_EQ(big.size(), 1000u);
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_EQ(cache.Find(1), nullptr);
}

TEST(BoundedCache, ReplacingTakingAndErasingGiveBackTheirBytes) {
  const std::size_t o = Overhead();
  BoundedCache<int, std::string> cache(1 << 20, Length);
  cache.Put(1, std::string(50, 'a'));
  cache.Put(1, std::string(70, 'b'));  // replaces: counted once
  EXPECT_EQ(cache.bytes(), o + 70);
  cache.Put(2, std::string(30, 'c'));
  auto taken = cache.Take(1);
  ASSERT_TRUE(taken.has_value());
  EXPECT_EQ(*taken, std::string(70, 'b'));
  EXPECT_FALSE(cache.Take(1).has_value());
  EXPECT_EQ(cache.bytes(), o + 30);
  cache.Erase(2);
  cache.Erase(3);  // absent: nothing happens
  EXPECT_EQ(cache.bytes(), 0u);
  EXPECT_EQ(cache.size(), 0u);
  // The order list lost them too: filling up drops nothing that is gone.
  cache.Put(4, "d");
  EXPECT_NE(cache.Find(4), nullptr);
}

}  // namespace
}  // namespace newsdesk
