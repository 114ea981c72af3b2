// Facts across articles: support is counted per outlet and per origin,
// updates take an article's support back exactly, and `Verify` checks it.
#include <gtest/gtest.h>

#include "store/store.h"
#include "tests/support/test_support.h"

namespace newsdesk {
namespace {

using testing::TempDir;

constexpr UnixSeconds kT0 = 1793000000;  // 2026-10-26

// An article as ingestion leaves it: entities and facts of title + text.
Article Annotated(const std::string& outlet, const std::string& slug, const std::string& title,
                  const std::string& text, UnixSeconds published) {
  Article a;
  a.url = a.canonical_url = "https://" + outlet + ".example/" + slug;
  a.outlet = outlet;
  a.title = title;
  a.text = text;
  a.published = a.modified = published;
  const std::string all = title + "\n\n" + text;
  auto entities = RecognizeEntities(all);
  EXPECT_TRUE(entities.ok());
  a.entities = *entities;
  auto facts = ExtractFacts(all, a.entities, published);
  EXPECT_TRUE(facts.ok());
  a.facts = *facts;
  return a;
}

const std::string kLeads =
    "Tarrant Group has set up Veloria Signal Hub. Daniel Okafor will lead Veloria Signal Hub, the "
    "new data unit. The unit opens in the spring.";

std::optional<FactSummary> LeadFact(const Store& store) {
  auto check = store.VerifyClaim("Daniel Okafor will lead Veloria Signal Hub");
  EXPECT_TRUE(check.ok());
  if (!check.ok() || check->matches.empty()) return std::nullopt;
  return check->matches.front();
}

TEST(Facts, AnUpdateTakesItsSupportBackAndTheLastOneRemovesTheFact) {
  TempDir tmp;
  auto store = Store::OpenForWrite(tmp.Sub("db"));
  ASSERT_TRUE(store.ok());
  Store& s = **store;
  ASSERT_TRUE(s.Commit(Annotated("harbour-post", "okafor", "Okafor to run hub", kLeads, kT0)).ok());
  ASSERT_TRUE(s.Commit(Annotated("quay-times", "hub", "A new hub for Tarrant",
                                 "Tarrant Group has a new data unit. " + kLeads + " More soon.",
                                 kT0 + 3600))
                  .ok());
  auto fact = LeadFact(s);
  ASSERT_TRUE(fact.has_value());
  EXPECT_EQ(fact->sources, 2u);
  EXPECT_EQ(fact->independent, 2u);  // two outlets in their own voice, different texts

  // Quay Times corrects its story: it no longer says who leads the unit.
  ASSERT_TRUE(s.Commit(Annotated("quay-times", "hub", "A new hub for Tarrant",
                                 "Tarrant Group has a new data unit. Its head is not named yet.",
                                 kT0 + 7200))
                  .ok());
  fact = LeadFact(s);
  ASSERT_TRUE(fact.has_value());
  EXPECT_EQ(fact->sources, 1u);
  EXPECT_EQ(fact->support.at(0).outlet, "harbour-post");
  auto problems = s.Verify();
  ASSERT_TRUE(problems.ok());
  EXPECT_TRUE(problems->empty()) << problems->front();

  ASSERT_TRUE(s.Commit(Annotated("harbour-post", "okafor", "Okafor to run hub",
                                 "Tarrant Group has a new data unit. Its head is not named yet.",
                                 kT0 + 9000))
                  .ok());
  EXPECT_FALSE(LeadFact(s).has_value());
  auto all = s.ListFacts(FactQuery{});
  ASSERT_TRUE(all.ok());
  for (const FactSummary& f : *all) EXPECT_NE(f.subject, "Daniel Okafor");
  problems = s.Verify();
  ASSERT_TRUE(problems.ok());
  EXPECT_TRUE(problems->empty()) << problems->front();
}

TEST(Facts, CopiesOfOneTextAtThreeOutletsAreOneOrigin) {
  TempDir tmp;
  auto store = Store::OpenForWrite(tmp.Sub("db"));
  ASSERT_TRUE(store.ok());
  Store& s = **store;
  const std::string text =
      kLeads +
      " Tarrant Group said the hub would sell weather data to shipping firms along the coast, "
      "starting with the ports of Marlow and Eastwick, and would hire forty people by the end "
      "of the year.";
  for (const char* outlet : {"harbour-post", "quay-times", "coast-daily"}) {
    ASSERT_TRUE(s.Commit(Annotated(outlet, "okafor", "Okafor to run hub", text, kT0)).ok());
  }
  auto fact = LeadFact(s);
  ASSERT_TRUE(fact.has_value());
  EXPECT_EQ(fact->sources, 3u);
  EXPECT_EQ(fact->independent, 1u);
  ASSERT_EQ(fact->support.size(), 3u);
  EXPECT_EQ(fact->support[0].origin_kind, "own");  // the first stored copy
  EXPECT_EQ(fact->support[1].origin_kind, "syndicated");
  EXPECT_EQ(fact->support[1].origin, fact->support[0].outlet);
}

TEST(Facts, AnUnnamedReportIsTheUpstreamAnotherArticleNames) {
  const std::string cites =
      "According to Lantern Wire, route planners from budget firms such as Fleetwise Systems, "
      "Trackmere Labs, and Haulio Logistics can cost 5 to 8 times less than comparable European "
      "products.";
  const std::string relays =
      "The report notes that Haulio Logistics can cost 5 to 8 times less than older suites.";
  auto price = [](const Store& s) -> std::optional<FactSummary> {
    auto check = s.VerifyClaim("Haulio Logistics costs 5 to 8 times less than rivals");
    EXPECT_TRUE(check.ok());
    if (!check.ok() || check->matches.empty()) return std::nullopt;
    return check->matches.front();
  };
  {
    // Alone, the relaying article is the only origin there is: its own.
    TempDir tmp;
    auto store = Store::OpenForWrite(tmp.Sub("db"));
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE(
        (*store)->Commit(Annotated("quay-times", "planners", "Cheap planners", relays, kT0)).ok());
    auto fact = price(**store);
    ASSERT_TRUE(fact.has_value());
    EXPECT_EQ(fact->independent, 1u);
    ASSERT_EQ(fact->support.size(), 1u);
    EXPECT_EQ(fact->support[0].origin_kind, "report");
    EXPECT_EQ(fact->support[0].origin, "quay-times");
  }
  TempDir tmp;
  auto store = Store::OpenForWrite(tmp.Sub("db"));
  ASSERT_TRUE(store.ok());
  Store& s = **store;
  ASSERT_TRUE(s.Commit(Annotated("harbour-post", "planners", "Budget planners", cites, kT0)).ok());
  ASSERT_TRUE(
      s.Commit(Annotated("quay-times", "planners", "Cheap planners", relays, kT0 + 3600)).ok());
  auto fact = price(s);
  ASSERT_TRUE(fact.has_value());
  EXPECT_EQ(fact->sources, 2u);
  EXPECT_EQ(fact->independent, 1u);  // both are Lantern Wire's report
  ASSERT_EQ(fact->support.size(), 2u);
  EXPECT_EQ(fact->support[0].origin, "Lantern Wire");
  EXPECT_EQ(fact->support[0].origin_kind, "according_to");
  EXPECT_EQ(fact->support[1].origin, "Lantern Wire");
  EXPECT_EQ(fact->support[1].origin_kind, "report");
}

TEST(Facts, AWireStoryAndItsCopiesAreNearAndARewriteIsFar) {
  const std::string wire = testing::ReadFileOrDie(
      testing::FixturePath("corroboration/lanternwire.com/"
                           "corvane-systems-sets-up-route-planning-unit-for-small-hauliers.txt"));
  const std::string rewrite = testing::ReadFileOrDie(
      testing::FixturePath("corroboration/ledgerlinedaily.com/"
                           "corvane-systems-puts-its-ceo-in-charge-of-new-routing-business.txt"));
  EXPECT_EQ(SimhashDistance(TextSimhash(wire), TextSimhash(wire + "\n")), 0);
  // A credit line under a 130-word story: still within the default 3 bits.
  EXPECT_LE(
      SimhashDistance(TextSimhash(wire), TextSimhash(wire + "\n\nReporting by the Lantern desk.")),
      StoreOptions{}.near_duplicate_bits);
  EXPECT_GE(SimhashDistance(TextSimhash(wire), TextSimhash(rewrite)), 16);
  EXPECT_EQ(TextSimhash("too short"), 0u);
}

}  // namespace
}  // namespace newsdesk
