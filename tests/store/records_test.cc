// Reading an article record as a glance (what a search hit shows) agrees
// with reading it whole, and refuses what is not a record.
#include "store/records.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace newsdesk::store_internal {
namespace {

using nlohmann::json;

std::string Cbor(const json& j) {
  std::vector<std::uint8_t> bytes = json::to_cbor(j);
  return std::string(bytes.begin(), bytes.end());
}

TEST(ArticleGlance, ShowsWhatTheWholeRecordSays) {
  ArticleRecord r;
  r.stored.id = 42;
  r.stored.story = 7;
  r.stored.ingested_at = 1791963000;
  Article& a = r.stored.article;
  a.url = "https://www.tollbridge.example/news/ferry?utm_source=x";
  a.canonical_url = "https://tollbridge.example/news/ferry";
  a.outlet = "The Tollbridge Times";
  a.title = "Ferry service resumes";
  a.text = "The ferry ran again on Monday.";
  a.modified = 1791960000;
  DocumentEntity place;
  place.name = "Tollbridge";
  place.type = EntityType::kLocation;
  place.mention_count = 1;
  a.entities.entities.push_back(place);
  r.terms = ArticleTerms(a);
  const std::string bytes = EncodeArticle(r);
  auto whole = DecodeArticle(bytes);
  auto glance = DecodeArticleGlance(bytes);
  ASSERT_TRUE(whole.ok()) << whole.status().message();
  ASSERT_TRUE(glance.ok()) << glance.status().message();
  EXPECT_EQ(glance->title, whole->stored.article.title);
  EXPECT_EQ(glance->outlet, whole->stored.article.outlet);
  EXPECT_EQ(glance->canonical_url, whole->stored.article.canonical_url);
  EXPECT_EQ(glance->text, whole->stored.article.text);
  EXPECT_EQ(glance->published, std::nullopt);
  EXPECT_EQ(glance->modified, whole->stored.article.modified);
  EXPECT_EQ(glance->ingested_at, whole->stored.ingested_at);
  EXPECT_EQ(glance->Time(), whole->stored.Time());
}

TEST(ArticleRecords, KeepTheirOriginAndTheirTextsCredit) {
  ArticleRecord r;
  r.stored.id = 43;
  r.stored.origin = "Lantern Wire";
  Article& a = r.stored.article;
  a.url = a.canonical_url = "https://tollbridge.example/news/ferry";
  a.outlet = "The Tollbridge Times";
  a.title = "Ferry service resumes";
  a.text = "TOLLBRIDGE (Lantern Wire) — The ferry ran again on Monday.";
  a.facts.credit = "Lantern Wire";
  auto back = DecodeArticle(EncodeArticle(r));
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->stored.origin, "Lantern Wire");
  EXPECT_EQ(back->stored.Origin(), "Lantern Wire");
  EXPECT_EQ(back->stored.article.facts.credit, "Lantern Wire");
  r.stored.origin.clear();  // its outlet's own
  back = DecodeArticle(EncodeArticle(r));
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->stored.Origin(), "The Tollbridge Times");
}

TEST(ArticleGlance, ReadsOnlyTheTopLevelFields) {
  // Keys of the same names inside nested values come first (keys are
  // sorted) and must not be taken; a date before 1970 is negative.
  json j = {{"entities", {{"title", "nested title"}, {"text", "nested text"}}},
            {"facts", json::array({{{"title", "a fact's"}}})},
            {"title", "Lighthouse keepers' strike"},
            {"text", "Keepers walked out."},
            {"outlet", "The Kestrel Post"},
            {"canonical_url", "https://kestrel.example/strike"},
            {"published", -86400},
            {"modified", nullptr},
            {"ingested_at", 5}};
  auto g = DecodeArticleGlance(Cbor(j));
  ASSERT_TRUE(g.ok()) << g.status().message();
  EXPECT_EQ(g->title, "Lighthouse keepers' strike");
  EXPECT_EQ(g->text, "Keepers walked out.");
  EXPECT_EQ(g->published, -86400);
  EXPECT_EQ(g->modified, std::nullopt);
  EXPECT_EQ(g->Time(), -86400);
}

TEST(ArticleGlance, RefusesWhatIsNotARecord) {
  json full = {{"title", "t"}, {"text", "x"}, {"ingested_at", 1}};
  ASSERT_TRUE(DecodeArticleGlance(Cbor(full)).ok());
  for (const char* missing : {"title", "text", "ingested_at"}) {
    json j = full;
    j.erase(missing);
    EXPECT_EQ(DecodeArticleGlance(Cbor(j)).status().code(), Status::Code::kCorruption) << missing;
  }
  const std::string bytes = Cbor(full);
  EXPECT_FALSE(DecodeArticleGlance(bytes.substr(0, bytes.size() - 1)).ok());  // truncated
  EXPECT_FALSE(DecodeArticleGlance(bytes + bytes).ok());                      // two values
  EXPECT_FALSE(DecodeArticleGlance(Cbor(json::array({full}))).ok());          // not an object
  EXPECT_FALSE(DecodeArticleGlance(Cbor("a string")).ok());
  EXPECT_FALSE(DecodeArticleGlance("").ok());
}

}  // namespace
}  // namespace newsdesk::store_internal
