// Reading an article record as a glance (what a search hit shows) agrees
// with reading it whole, and refuses what is not a record. Article term
// counts and entity name counts, packed into byte strings, read back as
// written, and damaged ones are corruption.
#include "store/records.h"

#include <gtest/gtest.h>

#include <map>
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

TEST(ArticleRecords, TermCountsReadBackAsWritten) {
  ArticleRecord r;
  r.stored.id = 44;
  Article& a = r.stored.article;
  a.url = a.canonical_url = "https://harrow.example/news/bridge";
  a.outlet = "The Harrow Courier";
  a.title = "Bridge reopens after repairs";
  a.text = "The bridge over the Tamsin reopened on Friday. Drivers crossed the bridge at dawn.";
  r.terms = ArticleTerms(a);
  ASSERT_GT(r.terms.size(), 5u);
  // A word of 70,000 letters (nothing bounds one) and a count past 16 bits.
  r.terms.push_back({std::string(70000, 'x'), 70000});
  auto back = DecodeArticle(EncodeArticle(r));
  ASSERT_TRUE(back.ok()) << back.status().message();
  ASSERT_EQ(back->terms.size(), r.terms.size());
  for (std::size_t i = 0; i < r.terms.size(); ++i) {
    EXPECT_EQ(back->terms[i].term, r.terms[i].term);
    EXPECT_EQ(back->terms[i].count, r.terms[i].count) << r.terms[i].term;
  }
}

TEST(ArticleRecords, DamagedTermCountsAreCorruption) {
  ArticleRecord r;
  r.stored.article.title = "Bridge reopens";
  r.stored.article.text = "The bridge reopened.";
  r.terms = {{"bridg", 4}, {"reopen", 4}};
  json j = json::from_cbor(EncodeArticle(r));
  ASSERT_TRUE(DecodeArticle(Cbor(j)).ok());
  std::vector<std::uint8_t> packed = j.at("packed_terms").get_binary();
  for (std::size_t cut : {std::size_t{1}, std::size_t{3}, packed.size() - 1}) {
    json damaged = j;
    damaged["packed_terms"] =
        json::binary(std::vector<std::uint8_t>(packed.begin(), packed.begin() + cut));
    auto back = DecodeArticle(Cbor(damaged));
    ASSERT_FALSE(back.ok()) << cut;
    EXPECT_EQ(back.status().code(), Status::Code::kCorruption);
  }
  json as_text = j;
  as_text["packed_terms"] = "bridg reopen";
  EXPECT_EQ(DecodeArticle(Cbor(as_text)).status().code(), Status::Code::kCorruption);
  packed[0] = packed[3] = 0xff;  // about 4 billion terms in a few bytes
  j["packed_terms"] = json::binary(packed);
  EXPECT_EQ(DecodeArticle(Cbor(j)).status().code(), Status::Code::kCorruption);
}

EntityRecord SampleEntity() {
  EntityRecord r;
  r.id = 9;
  r.type = EntityType::kOrganization;
  r.name = "Quillfeather Software";
  r.aliases = {{"Quillfeather", 3}, {"Quillfeather Software", 5}, {"QFS", 1}};
  r.tickers = {{"KSX:QFS", 2}};
  r.outlets = {{"The Harrow Courier", 4}, {"Vellmouth Ledger", 1ull << 40}};
  // An outlet's name is what its page says, however long: two that differ
  // only past 65,536 bytes stay two.
  const std::string long_name = "The Gazette of " + std::string(70000, 'G');
  r.outlets[long_name] = 1;
  r.outlets[long_name + "s"] = 2;
  r.mentions = 17;
  r.articles = 6;
  r.first_seen = -3600;
  r.last_seen = 1791963000;
  return r;
}

TEST(EntityRecords, NamesTickersAndOutletsReadBackWithTheirCounts) {
  const EntityRecord r = SampleEntity();
  auto back = DecodeEntity(EncodeEntity(r));
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->id, r.id);
  EXPECT_EQ(back->type, r.type);
  EXPECT_EQ(back->name, r.name);
  EXPECT_EQ(back->aliases, r.aliases);
  EXPECT_EQ(back->tickers, r.tickers);
  EXPECT_EQ(back->outlets, r.outlets);
  EXPECT_EQ(back->mentions, r.mentions);
  EXPECT_EQ(back->articles, r.articles);
  EXPECT_EQ(back->first_seen, r.first_seen);
  EXPECT_EQ(back->last_seen, r.last_seen);
  EntityRecord empty = r;
  empty.tickers.clear();
  back = DecodeEntity(EncodeEntity(empty));
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_TRUE(back->tickers.empty());
}

TEST(EntityRecords, DamagedPackedNamesAreCorruptionNamingTheField) {
  ASSERT_TRUE(DecodeEntity(EncodeEntity(SampleEntity())).ok());
  json j = json::from_cbor(EncodeEntity(SampleEntity()));
  std::vector<std::uint8_t> aliases = j.at("packed_aliases").get_binary();
  json truncated = j;
  truncated["packed_aliases"] =
      json::binary(std::vector<std::uint8_t>(aliases.begin(), aliases.end() - 3));
  auto back = DecodeEntity(Cbor(truncated));
  ASSERT_FALSE(back.ok());
  EXPECT_EQ(back.status().code(), Status::Code::kCorruption);
  EXPECT_NE(back.status().message().find("packed_aliases"), std::string::npos)
      << back.status().message();
  // Names out of byte order: "Vellmouth Ledger" packed before "The Harrow
  // Courier", built from the packings of each alone (a u32 count, then the
  // entry).
  auto packed_outlets = [](std::map<std::string, std::uint64_t> outlets) {
    EntityRecord e = SampleEntity();
    e.outlets = std::move(outlets);
    return json::from_cbor(EncodeEntity(e)).at("packed_outlets").get_binary();
  };
  std::vector<std::uint8_t> out_of_order = packed_outlets({{"Vellmouth Ledger", 1}});
  std::vector<std::uint8_t> first = packed_outlets({{"The Harrow Courier", 4}});
  out_of_order[0] = 2;
  out_of_order.insert(out_of_order.end(), first.begin() + 4, first.end());
  json swapped = j;
  swapped["packed_outlets"] = json::binary(out_of_order);
  back = DecodeEntity(Cbor(swapped));
  ASSERT_FALSE(back.ok());
  EXPECT_NE(back.status().message().find("packed_outlets"), std::string::npos);
  json missing = j;
  missing.erase("packed_tickers");
  EXPECT_FALSE(DecodeEntity(Cbor(missing)).ok());
}

// Bytes of a damaged database that nlohmann's CBOR reader threw on or
// recursed through until the stack ran out (fuzz/fuzz_records.cc): each
// kind of record reads them as corruption, and the process goes on.
TEST(Records, ImpossibleLengthsAndDeepNestingAreCorruptionNotACrash) {
  // A map of one key whose value claims 2^63 array elements.
  std::string huge = "\xa1\x61x\x9b";
  huge += std::string("\x80\x00\x00\x00\x00\x00\x00\x00", 8);
  // 60,000 arrays nested in one another, alone and as a field's value.
  std::string deep(60000, '\x81');
  deep += '\x00';
  const std::string deep_field = "\xa1\x64text" + deep;
  for (const std::string& bytes : {huge, deep, deep_field}) {
    EXPECT_EQ(DecodeArticle(bytes).status().code(), Status::Code::kCorruption);
    EXPECT_FALSE(DecodeArticleGlance(bytes).ok());
    EXPECT_EQ(DecodeStory(bytes).status().code(), Status::Code::kCorruption);
    EXPECT_EQ(DecodeEntity(bytes).status().code(), Status::Code::kCorruption);
    EXPECT_EQ(DecodeFact(bytes).status().code(), Status::Code::kCorruption);
    EXPECT_EQ(DecodeFactSupport(bytes).status().code(), Status::Code::kCorruption);
    EXPECT_FALSE(DecodeSource(bytes).ok());
    EXPECT_FALSE(DecodeFrontierItem(bytes).ok());
  }
  // A count written as a number past any integer's range (converting it
  // to the integer the field is read as is undefined) is corruption too.
  json e_json = json::from_cbor(EncodeEntity(SampleEntity()));
  e_json["mentions"] = 6.99e288;
  EXPECT_EQ(DecodeEntity(Cbor(e_json)).status().code(), Status::Code::kCorruption);
  e_json["mentions"] = 17.0;
  EXPECT_EQ(DecodeEntity(Cbor(e_json)).status().code(), Status::Code::kCorruption);
  // Records as written nest far less deep than the limit.
  EntityRecord e = SampleEntity();
  EXPECT_TRUE(DecodeEntity(EncodeEntity(e)).ok());
}

}  // namespace
}  // namespace newsdesk::store_internal
