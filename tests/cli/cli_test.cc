// The newsdesk binary as a user runs it: exit codes, output, --json.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "tests/support/http_server.h"
#include "tests/support/test_support.h"

namespace newsdesk {
namespace {

using nlohmann::json;
using testing::FixturePath;
using testing::NewsManifest;
using testing::RunNewsdesk;
using testing::TempDir;

std::size_t ArticlesExpected() {
  return NewsManifest().at("pages").size() - NewsManifest().at("duplicates").size() -
         NewsManifest().at("updates").size();
}

json ParseJsonOrFail(const std::string& text) {
  json j = json::parse(text, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << "not JSON: " << text;
  return j;
}

TEST(Cli, IngestSummarizesAndStoriesShowHowManyOutletsCoverEach) {
  TempDir tmp;
  auto ingest = RunNewsdesk({"ingest", FixturePath("news"), "--db", tmp.Sub("db")});
  EXPECT_EQ(ingest.exit_code, 0) << ingest.err;
  EXPECT_NE(
      ingest.out.find(fmt::format("ingested {} articles, {} duplicate, 0 failed",
                                  ArticlesExpected(), NewsManifest().at("duplicates").size())),
      std::string::npos)
      << ingest.out;
  EXPECT_EQ(ingest.err, "");  // no progress line when stderr is not a terminal

  auto stories = RunNewsdesk({"stories", "--db", tmp.Sub("db")});
  EXPECT_EQ(stories.exit_code, 0) << stories.err;
  std::size_t most_outlets = 0;
  for (const auto& e : NewsManifest().at("events"))
    most_outlets = std::max(most_outlets, e.at("outlets").size());
  EXPECT_NE(stories.out.find(fmt::format("verified by {} sources", most_outlets)),
            std::string::npos)
      << stories.out;
  EXPECT_NE(stories.out.find("verified by 1 source, 1 independent ·"), std::string::npos);

  auto listed = RunNewsdesk({"stories", "--json", "--db", tmp.Sub("db")});
  EXPECT_EQ(listed.exit_code, 0);
  json j = ParseJsonOrFail(listed.out);
  const json& list = j.at("stories");
  EXPECT_EQ(list.size(), NewsManifest().at("events").size() + NewsManifest().at("singles").size());
  EXPECT_EQ(list.at(0).at("sources"), most_outlets);
  for (const json& s : list) {
    EXPECT_EQ(s.at("sources"), s.at("outlets").size());
    EXPECT_TRUE(s.at("id").is_number() && s.at("title").is_string());
    EXPECT_EQ(s.at("articles").size(), s.at("article_count"));
    for (const json& a : s.at("articles")) {
      for (const char* key : {"id", "url", "outlet", "title", "published"}) {
        EXPECT_TRUE(a.contains(key)) << key;
      }
    }
  }
}

TEST(Cli, IngestJsonHasTheDocumentedKeys) {
  TempDir tmp;
  auto r = RunNewsdesk({"ingest", FixturePath("news"), "--db", tmp.Sub("db"), "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  json j = ParseJsonOrFail(r.out);
  std::vector<std::string> keys;
  for (auto& [k, v] : j.items()) keys.push_back(k);
  EXPECT_EQ(keys,
            (std::vector<std::string>{"added", "database", "duplicates", "failed", "from_feed",
                                      "inputs", "not_modified", "sources", "stored", "updated"}));
  EXPECT_EQ(j.at("sources"), 0u);  // local files only
  EXPECT_EQ(j.at("added"), ArticlesExpected());
  EXPECT_EQ(j.at("inputs"),
            NewsManifest().at("pages").size() - NewsManifest().at("updates").size());
}

TEST(Cli, AnIngestWithFailuresExitsOneNamesThemAndStoresTheRest) {
  TempDir tmp;
  auto r = RunNewsdesk({"ingest", FixturePath("news"), tmp.Sub("missing.html"),
                        FixturePath("bad/empty.html"), "--db", tmp.Sub("db")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("2 failed"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("failed: " + tmp.Sub("missing.html") + ": no such file or directory"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("failed: " + FixturePath("bad/empty.html") + ": empty input"),
            std::string::npos)
      << r.out;
  auto stats = RunNewsdesk({"stats", "--json", "--db", tmp.Sub("db")});
  EXPECT_EQ(stats.exit_code, 0);
  EXPECT_EQ(ParseJsonOrFail(stats.out).at("articles"), ArticlesExpected());
}

TEST(Cli, JsonStaysValidWhenAFileNameIsNotUtf8) {
  TempDir tmp;
  testing::WriteFileOrDie(tmp.Sub("in/caf\xe9.html"), "");
  auto r = RunNewsdesk({"ingest", tmp.Sub("in"), "--json", "--db", tmp.Sub("db")});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  json j = ParseJsonOrFail(r.out);
  ASSERT_EQ(j.at("failed").size(), 1u);
  EXPECT_EQ(j.at("failed").at(0).at("input"), tmp.Sub("in/caf\xEF\xBF\xBD.html"));
  EXPECT_EQ(j.at("failed").at(0).at("error"), "empty input");
}

TEST(Cli, CheckSaysADatabaseIsConsistent) {
  TempDir tmp;
  ASSERT_EQ(RunNewsdesk({"ingest", FixturePath("news"), "-q", "--db", tmp.Sub("db")}).exit_code, 0);
  auto r = RunNewsdesk({"check", "--db", tmp.Sub("db")});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find(fmt::format("ok, {} articles", ArticlesExpected())), std::string::npos)
      << r.out;
  auto j = ParseJsonOrFail(RunNewsdesk({"check", "--json", "--db", tmp.Sub("db")}).out);
  EXPECT_EQ(j.at("ok"), true);
  EXPECT_TRUE(j.at("problems").empty());
}

TEST(Cli, FeedPrintsTheEntriesOfOneFeed) {
  auto r = RunNewsdesk({"feed", FixturePath("feeds/rss20-basic.xml"), "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  json j = ParseJsonOrFail(r.out);
  EXPECT_EQ(j.at("version"), "rss20");
  EXPECT_EQ(j.at("ill_formed"), false);
  ASSERT_EQ(j.at("entries").size(), 2u);
  const json& e = j.at("entries").at(0);
  for (const char* key : {"title", "link", "id", "published", "updated", "author", "summary",
                          "content", "enclosures"}) {
    EXPECT_TRUE(e.contains(key)) << key;
  }
  EXPECT_EQ(e.at("title"), "Ferry timetable changes from Monday");
  EXPECT_EQ(e.at("published"), "2026-10-14T07:30:00Z");

  auto broken = RunNewsdesk({"feed", FixturePath("feeds/truncated.xml"), "--json"});
  EXPECT_EQ(broken.exit_code, 0);
  EXPECT_EQ(ParseJsonOrFail(broken.out).at("ill_formed"), true);
  EXPECT_EQ(RunNewsdesk({"feed", FixturePath("feeds/not-a-feed.html")}).exit_code, 1);
}

TEST(Cli, IngestFetchesAFeedOverHttpAndListsItsSource) {
  testing::LoopbackHttpServer server;
  server.Serve("/feed.xml",
               testing::ScriptedResponse::Ok(
                   "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Loopback "
                   "Ledger</title><item><title>Harbour plan approved</title><link>" +
                       server.Url("/a") +
                       "</link><description>The council approved the harbour plan.</description>"
                       "</item></channel></rss>",
                   "application/rss+xml"));
  server.Serve("/a", testing::ScriptedResponse::Ok(
                         testing::ReadFileOrDie(FixturePath("extract/relative-canonical.html")),
                         "text/html; charset=utf-8"));
  TempDir tmp;
  // Loopback is private: refused unless allowed.
  auto refused = RunNewsdesk({"ingest", server.Url("/feed.xml"), "--db", tmp.Sub("db")});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.out.find("private address"), std::string::npos) << refused.out;

  auto r = RunNewsdesk({"ingest", server.Url("/feed.xml"), "--allow-private", "--delay", "0",
                        "--db", tmp.Sub("db")});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("fetched 1 source; ingested 1 article"), std::string::npos) << r.out;
  auto sources = RunNewsdesk({"sources", "--json", "--db", tmp.Sub("db")});
  EXPECT_EQ(sources.exit_code, 0);
  json j = ParseJsonOrFail(sources.out);
  ASSERT_EQ(j.at("sources").size(), 1u);
  const json& s = j.at("sources").at(0);
  EXPECT_EQ(s.at("url"), server.Url("/feed.xml"));
  EXPECT_EQ(s.at("kind"), "feed");
  EXPECT_EQ(s.at("last_status"), 200);
  EXPECT_EQ(s.at("articles_found"), 1);
  // The first refused run is remembered among its recent errors.
  EXPECT_EQ(s.at("recent_errors").size(), 1u);
  auto human = RunNewsdesk({"sources", "--db", tmp.Sub("db")});
  EXPECT_NE(human.out.find("feed · Loopback Ledger · 1 article found"), std::string::npos)
      << human.out;
}

TEST(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(RunNewsdesk({}).exit_code, 2);
  EXPECT_EQ(RunNewsdesk({"frobnicate"}).exit_code, 2);
  EXPECT_EQ(RunNewsdesk({"story"}).exit_code, 2);
  EXPECT_EQ(RunNewsdesk({"story", "seven"}).exit_code, 2);
  EXPECT_EQ(RunNewsdesk({"ingest"}).exit_code, 2);
  auto since = RunNewsdesk({"stories", "--since", "someday"});
  EXPECT_EQ(since.exit_code, 2);
  EXPECT_NE(since.err.find("not a date"), std::string::npos);
  EXPECT_EQ(RunNewsdesk({"--help"}).exit_code, 0);
}

TEST(Cli, ReadingWithoutADatabaseSaysWhatToDo) {
  TempDir tmp;
  auto r = RunNewsdesk({"stories", "--db", tmp.Sub("none")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no newsdesk database at " + tmp.Sub("none")), std::string::npos) << r.err;
}

TEST(Cli, RefusesToWriteIntoAFolderThatIsNotADatabase) {
  TempDir tmp;
  testing::WriteFileOrDie(tmp.Sub("data/keep.txt"), "precious");
  auto r = RunNewsdesk({"ingest", FixturePath("news"), "--db", tmp.Sub("data")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("holds no newsdesk database"), std::string::npos) << r.err;
  EXPECT_EQ(testing::ReadFileOrDie(tmp.Sub("data/keep.txt")), "precious");
}

TEST(Cli, TheDatabaseComesFromTheEnvironmentWithoutDb) {
  TempDir tmp;
  std::vector<std::string> env = {"NEWSDESK_DB=" + tmp.Sub("envdb")};
  EXPECT_EQ(RunNewsdesk({"ingest", FixturePath("news"), "-q"}, env).exit_code, 0);
  auto stats = RunNewsdesk({"stats", "--json"}, env);
  EXPECT_EQ(stats.exit_code, 0) << stats.err;
  json j = ParseJsonOrFail(stats.out);
  EXPECT_EQ(j.at("database"), tmp.Sub("envdb"));
  EXPECT_EQ(j.at("articles"), ArticlesExpected());
}

TEST(Cli, QuietIngestPrintsNothingWhenAllWentWell) {
  TempDir tmp;
  auto r = RunNewsdesk({"ingest", FixturePath("news"), "--quiet", "--db", tmp.Sub("db")});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
}

TEST(Cli, ArticleAndStoryAreFoundByIdAndUrl) {
  TempDir tmp;
  ASSERT_EQ(RunNewsdesk({"ingest", FixturePath("news"), "-q", "--db", tmp.Sub("db")}).exit_code, 0);
  const auto& event = NewsManifest().at("events").at(0);
  std::string path = event.at("articles").at(1);
  const json& page = NewsManifest().at("pages").at(path);
  auto by_url = RunNewsdesk({"article", page.at("canonical_url"), "--json", "--db", tmp.Sub("db")});
  ASSERT_EQ(by_url.exit_code, 0) << by_url.err;
  json a = ParseJsonOrFail(by_url.out);
  EXPECT_EQ(a.at("title"), page.at("title"));
  EXPECT_EQ(a.at("outlet"), page.at("outlet"));
  EXPECT_EQ(a.at("published"), page.at("published"));

  auto by_id =
      RunNewsdesk({"article", std::to_string(a.at("id").get<int>()), "--db", tmp.Sub("db")});
  EXPECT_EQ(by_id.exit_code, 0);
  EXPECT_NE(by_id.out.find(page.at("title").get<std::string>()), std::string::npos);

  auto story = RunNewsdesk(
      {"story", std::to_string(a.at("story").get<int>()), "--json", "--db", tmp.Sub("db")});
  ASSERT_EQ(story.exit_code, 0);
  json s = ParseJsonOrFail(story.out);
  EXPECT_EQ(s.at("sources"), event.at("outlets").size());
  auto human =
      RunNewsdesk({"story", std::to_string(a.at("story").get<int>()), "--db", tmp.Sub("db")});
  EXPECT_NE(human.out.find(fmt::format("verified by {} sources", event.at("outlets").size())),
            std::string::npos)
      << human.out;

  EXPECT_EQ(RunNewsdesk({"story", "9999", "--db", tmp.Sub("db")}).exit_code, 1);
  EXPECT_EQ(RunNewsdesk({"article", "https://nowhere.example/x", "--db", tmp.Sub("db")}).exit_code,
            1);
}

TEST(Cli, ExtractPrintsOnePageAndStoresNothing) {
  auto r = RunNewsdesk({"extract", FixturePath("extract/relative-canonical.html"), "--url",
                        "https://valleyledger.example/x", "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  json j = ParseJsonOrFail(r.out);
  for (const char* key : {"url", "canonical_url", "title", "byline", "published", "modified",
                          "outlet", "language", "image", "text", "status"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_EQ(j.at("status"), "ok");
  EXPECT_EQ(j.at("title"), "Library reopens after roof repairs");
  EXPECT_EQ(j.at("published"), "2026-11-03T15:45:00Z");

  auto none = RunNewsdesk({"extract", FixturePath("extract/no-article-text.html"), "--json"});
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_EQ(ParseJsonOrFail(none.out).at("status"), "no_article_text");
  EXPECT_NE(none.err.find("no-article-text.html: no article text"), std::string::npos) << none.err;
}

TEST(Cli, TagPrintsMentionsWithByteOffsetsIntoTheFile) {
  const std::string path = FixturePath("entities/compute-exchange.txt");
  const std::string text = testing::ReadFileOrDie(path);
  auto r = RunNewsdesk({"tag", path, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json j = ParseJsonOrFail(r.out);
  ASSERT_TRUE(j.contains("mentions"));
  ASSERT_TRUE(j.contains("entities"));
  ASSERT_FALSE(j.at("mentions").empty());
  for (const auto& m : j.at("mentions")) {
    const auto start = m.at("start").get<std::size_t>(), end = m.at("end").get<std::size_t>();
    ASSERT_LE(end, text.size());
    EXPECT_EQ(text.substr(start, end - start), m.at("text").get<std::string>());
    EXPECT_LT(m.at("entity").get<std::size_t>(), j.at("entities").size());
    EXPECT_TRUE(m.contains("type"));
  }
  bool ceo = false;
  for (const auto& e : j.at("entities")) {
    for (const char* key : {"name", "type", "aliases", "tickers", "mentions"})
      EXPECT_TRUE(e.contains(key));
    ceo = ceo || (e.at("name") == "Vincent Zhou Haoran" && e.at("type") == "PER");
  }
  EXPECT_TRUE(ceo) << r.out;

  auto human = RunNewsdesk({"tag", path});
  ASSERT_EQ(human.exit_code, 0) << human.err;
  EXPECT_NE(human.out.find("PER      Vincent Zhou Haoran"), std::string::npos) << human.out;

  auto binary = RunNewsdesk({"tag", FixturePath("bad/binary.html")});
  EXPECT_EQ(binary.exit_code, 1);
  EXPECT_NE(binary.err.find("binary.html"), std::string::npos) << binary.err;
  EXPECT_NE(binary.err.find("not UTF-8"), std::string::npos) << binary.err;
}

// fixtures/entities: two outlets report one event (one names "Lantern Lab"
// and "Lantern Laboratory", the other "Lantern Labs"; one gives the ticker,
// the other only the symbol), a third article has another person called
// Zhou.
TEST(Cli, EntitiesAreLinkedAcrossArticlesAndFoundByAnyName) {
  TempDir tmp;
  const std::string db = tmp.Sub("db");
  auto ingest = RunNewsdesk({"ingest", FixturePath("entities"), "--db", db});
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  auto entity = [&](const std::string& name) {
    auto r = RunNewsdesk({"entity", name, "--db", db, "--json"});
    json j = ParseJsonOrFail(r.out);
    EXPECT_EQ(r.exit_code, j.at("matches").empty() ? 1 : 0) << name << ": " << r.err;
    return j;
  };
  auto names_of = [](const json& e) {
    std::set<std::string> names;
    for (const auto& a : e.at("aliases")) names.insert(a.at("name").get<std::string>());
    return names;
  };
  auto outlets_of = [](const json& e) {
    std::set<std::string> outlets;
    for (const auto& o : e.at("outlets")) outlets.insert(o.at("name").get<std::string>());
    return outlets;
  };

  json lab = entity("lantern labs");
  ASSERT_EQ(lab.at("matches").size(), 1u) << lab.dump();
  const json& l = lab.at("matches")[0];
  EXPECT_EQ(l.at("type"), "ORG");
  for (const char* name : {"Lantern Lab", "Lantern Laboratory", "Lantern Labs"})
    EXPECT_TRUE(names_of(l).count(name)) << name << " in " << l.dump();
  EXPECT_EQ(l.at("articles"), 2);
  EXPECT_EQ(outlets_of(l), (std::set<std::string>{"Harbor Times", "Eastgate Ledger"}));

  json company = entity("HBLN");
  ASSERT_EQ(company.at("matches").size(), 1u) << company.dump();
  const json& c = company.at("matches")[0];
  EXPECT_EQ(c.at("name"), "Harborline Group Holding");
  EXPECT_EQ(c.at("articles"), 2) << "the symbol alone in the second article is the company";
  EXPECT_EQ(c.at("tickers")[0].at("name"), "NYSE:HBLN");

  json exchange = entity("mcx");
  ASSERT_EQ(exchange.at("matches").size(), 1u);
  EXPECT_EQ(exchange.at("matches")[0].at("name"), "Meridian Compute Exchange");
  EXPECT_EQ(exchange.at("matches")[0].at("articles"), 2);

  // "Zhou" names two people: the chief executive (in two articles, under
  // three longer names) and a lawyer in another story. Both are found,
  // apart.
  json zhou = entity("Zhou");
  ASSERT_EQ(zhou.at("matches").size(), 2u) << zhou.dump();
  std::set<std::int64_t> ids;
  bool ceo = false, lawyer = false;
  for (const auto& m : zhou.at("matches")) {
    ids.insert(m.at("id").get<std::int64_t>());
    EXPECT_EQ(m.at("type"), "PER");
    auto names = names_of(m);
    if (names.count("Vincent Zhou Haoran")) {
      ceo = true;
      EXPECT_TRUE(names.count("Vincent Zhou"));
      EXPECT_FALSE(names.count("Grace Zhou"));
      EXPECT_EQ(m.at("articles"), 2);
    }
    if (names.count("Grace Zhou")) {
      lawyer = true;
      EXPECT_EQ(outlets_of(m), std::set<std::string>{"Lakeshore Bulletin"});
    }
  }
  EXPECT_TRUE(ceo && lawyer) << zhou.dump();
  EXPECT_EQ(ids.size(), 2u);

  json typo = entity("Harbrline");
  EXPECT_TRUE(typo.at("matches").empty());
  ASSERT_FALSE(typo.at("suggestions").empty());
  EXPECT_EQ(typo.at("suggestions")[0].at("name"), "Harborline Group Holding");
  auto human = RunNewsdesk({"entity", "Harbrline", "--db", db});
  EXPECT_EQ(human.exit_code, 1);
  EXPECT_NE(human.err.find("did you mean"), std::string::npos) << human.err;

  auto people = RunNewsdesk({"entities", "--type", "person", "--db", db, "--json"});
  ASSERT_EQ(people.exit_code, 0) << people.err;
  json p = ParseJsonOrFail(people.out);
  ASSERT_FALSE(p.at("entities").empty());
  for (const auto& e : p.at("entities")) EXPECT_EQ(e.at("type"), "PER");
  auto top = RunNewsdesk({"entities", "--top", "3", "--db", db, "--json"});
  json t = ParseJsonOrFail(top.out);
  ASSERT_EQ(t.at("entities").size(), 3u);
  EXPECT_GE(t.at("entities")[0].at("mentions"), t.at("entities")[2].at("mentions"));
  EXPECT_EQ(RunNewsdesk({"entities", "--type", "planet", "--db", db}).exit_code, 2);

  auto check = RunNewsdesk({"check", "--db", db});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
}

std::set<std::string> OutletsOf(const json& results) {
  std::set<std::string> outlets;
  for (const json& r : results) outlets.insert(r.at("outlet").get<std::string>());
  return outlets;
}

// The words of the port strike find exactly the six articles of that
// event, each with its matching words marked in title and snippet.
TEST(Cli, SearchFindsTheArticlesOfAnEventByItsWords) {
  TempDir tmp;
  const std::string db = tmp.Sub("db");
  ASSERT_EQ(RunNewsdesk({"ingest", FixturePath("news"), "-q", "--db", db}).exit_code, 0);
  auto r = RunNewsdesk({"search", "vellmouth strike", "--json", "--db", db});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json j = ParseJsonOrFail(r.out);
  const json& event = NewsManifest().at("events").at(0);
  // One article per outlet (the AMP copy of one is a duplicate).
  std::set<std::string> expected;
  for (const json& outlet : event.at("outlets")) expected.insert(outlet.get<std::string>());
  EXPECT_EQ(OutletsOf(j.at("results")), expected);
  EXPECT_EQ(j.at("total"), expected.size());
  EXPECT_EQ(j.at("total_exact"), true);
  EXPECT_EQ(j.at("terms"), (json{"vellmouth", "strike"}));
  for (const char* key : {"query", "terms", "since", "until", "outlets", "entities", "offset",
                          "limit", "total", "total_exact", "complete", "results"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  double last = 1e9;
  for (const json& hit : j.at("results")) {
    for (const char* key : {"rank", "id", "score", "title", "title_matches", "outlet", "published",
                            "time", "url", "snippet", "snippet_matches"}) {
      EXPECT_TRUE(hit.contains(key)) << key;
    }
    EXPECT_LE(hit.at("score").get<double>(), last);
    last = hit.at("score").get<double>();
    const std::string snippet = hit.at("snippet");
    ASSERT_FALSE(hit.at("snippet_matches").empty()) << snippet;
    for (const json& m : hit.at("snippet_matches")) {
      const auto start = m.at("start").get<std::size_t>(), end = m.at("end").get<std::size_t>();
      std::string word = snippet.substr(start, end - start);
      for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      EXPECT_TRUE(word.rfind("strik", 0) == 0 || word == "vellmouth") << word << " in " << snippet;
    }
  }

  // On a pipe, matches are marked with brackets.
  auto human = RunNewsdesk({"search", "vellmouth", "strike", "--limit", "2", "--db", db});
  ASSERT_EQ(human.exit_code, 0) << human.err;
  EXPECT_NE(human.out.find(
                fmt::format("{} articles match: vellmouth strike (1–2 shown)", expected.size())),
            std::string::npos)
      << human.out;
  EXPECT_NE(human.out.find("[strike]"), std::string::npos) << human.out;
  EXPECT_EQ(human.out.find("\033["), std::string::npos);
  EXPECT_NE(human.out.find("more: --offset 2"), std::string::npos) << human.out;
}

TEST(Cli, SearchFiltersByPhraseOutletAndDate) {
  TempDir tmp;
  const std::string db = tmp.Sub("db");
  ASSERT_EQ(RunNewsdesk({"ingest", FixturePath("news"), "-q", "--db", db}).exit_code, 0);
  auto search = [&](std::vector<std::string> args) {
    args.insert(args.begin(), "search");
    for (const char* a : {"--json", "--db"}) args.push_back(a);
    args.push_back(db);
    auto r = RunNewsdesk(args);
    json j = ParseJsonOrFail(r.out);
    EXPECT_EQ(r.exit_code, j.at("total") == 0 ? 1 : 0) << r.err;
    return j;
  };
  const std::size_t words = search({"heart drug"}).at("total");
  const std::size_t phrase = search({"\"heart drug\""}).at("total");
  EXPECT_GT(phrase, 0u);
  EXPECT_LT(phrase, words);

  json outlet = search({"strike", "--outlet", "northgate COURIER"});
  ASSERT_EQ(outlet.at("results").size(), 1u);
  EXPECT_EQ(outlet.at("results")[0].at("outlet"), "Northgate Courier");
  EXPECT_EQ(outlet.at("outlets"), json{"northgate COURIER"});

  // The strike was on 2026-10-12; the recount ten days later.
  EXPECT_EQ(search({"strike", "--since", "2026-10-13"}).at("total"), 0u);
  EXPECT_EQ(search({"strike", "--until", "2026-10-12"}).at("total"),
            search({"strike"}).at("total"));
  EXPECT_EQ(search({"recount", "--until", "2026-10-12"}).at("total"), 0u);
}

TEST(Cli, SearchFindsTheNewWordsOfAnUpdatedArticle) {
  TempDir tmp;
  const std::string db = tmp.Sub("db");
  ASSERT_EQ(RunNewsdesk({"ingest", FixturePath("news"), "-q", "--db", db}).exit_code, 0);
  auto before = RunNewsdesk({"search", "modular bridge", "--db", db});
  EXPECT_EQ(before.exit_code, 1);
  EXPECT_NE(before.err.find("no articles match: modular bridge"), std::string::npos) << before.err;
  ASSERT_EQ(RunNewsdesk({"ingest", FixturePath("news-update"), "-q", "--db", db}).exit_code, 0);
  auto after = RunNewsdesk({"search", "modular bridge", "--json", "--db", db});
  ASSERT_EQ(after.exit_code, 0) << after.err;
  json j = ParseJsonOrFail(after.out);
  ASSERT_EQ(j.at("results").size(), 1u);
  EXPECT_EQ(j.at("results")[0].at("outlet"), "The Meridian Post");
  EXPECT_NE(j.at("results")[0].at("title").get<std::string>().find("safety board"),
            std::string::npos);
  EXPECT_EQ(RunNewsdesk({"check", "--db", db}).exit_code, 0);
}

TEST(Cli, SearchByEntityUsesAnyOfItsNames) {
  TempDir tmp;
  const std::string db = tmp.Sub("db");
  ASSERT_EQ(RunNewsdesk({"ingest", FixturePath("entities"), "-q", "--db", db}).exit_code, 0);
  auto r = RunNewsdesk({"search", "exchange", "--entity", "HBLN", "--json", "--db", db});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json j = ParseJsonOrFail(r.out);
  EXPECT_EQ(j.at("total"), 2);
  ASSERT_EQ(j.at("entities").size(), 1u);
  EXPECT_EQ(j.at("entities")[0].at("name"), "Harborline Group Holding");
  EXPECT_EQ(j.at("entities")[0].at("type"), "ORG");

  auto typo = RunNewsdesk({"search", "exchange", "--entity", "Harbrline", "--db", db});
  EXPECT_EQ(typo.exit_code, 1);
  EXPECT_NE(typo.err.find("no entity named \"Harbrline\""), std::string::npos) << typo.err;
  EXPECT_NE(typo.err.find("did you mean"), std::string::npos) << typo.err;
  auto type = RunNewsdesk({"search", "exchange", "--entity", "HBLN", "--type", "PER", "--db", db});
  EXPECT_EQ(type.exit_code, 1);
  EXPECT_NE(type.err.find("no entity named \"HBLN\" of type PER"), std::string::npos) << type.err;
}

TEST(Cli, SearchRefusesQueriesItCannotRun) {
  TempDir tmp;
  const std::string db = tmp.Sub("db");
  ASSERT_EQ(RunNewsdesk({"ingest", FixturePath("news"), "-q", "--db", db}).exit_code, 0);
  auto expect_usage = [&](std::vector<std::string> args, const std::string& said) {
    args.insert(args.begin(), "search");
    args.push_back("--db");
    args.push_back(db);
    auto r = RunNewsdesk(args);
    EXPECT_EQ(r.exit_code, 2) << args[1];
    EXPECT_NE(r.err.find(said), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
  };
  expect_usage({""}, "the query is empty");
  expect_usage({"the of and"}, "only stop words");
  expect_usage({std::string(5000, 'a')}, "over the limit of 4096 (max_query_bytes)");
  expect_usage({"caf\xe9"}, "not UTF-8");
  expect_usage({"strike", "--until", "someday"}, "--until: 'someday' is not a date");
  expect_usage({"strike", "--type", "PER"}, "give --entity NAME");
  EXPECT_EQ(RunNewsdesk({"search", "--db", db}).exit_code, 2);

  auto outlet = RunNewsdesk({"search", "strike", "--outlet", "Northgate Currier", "--db", db});
  EXPECT_EQ(outlet.exit_code, 1);
  EXPECT_NE(outlet.err.find("did you mean \"Northgate Courier\"?"), std::string::npos)
      << outlet.err;
}

TEST(Cli, EntitiesPrefixCompletesNamesWithTheirEntities) {
  TempDir tmp;
  const std::string db = tmp.Sub("db");
  ASSERT_EQ(RunNewsdesk({"ingest", FixturePath("entities"), "-q", "--db", db}).exit_code, 0);
  auto r = RunNewsdesk({"entities", "--prefix", "zh", "--json", "--db", db});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json j = ParseJsonOrFail(r.out);
  EXPECT_EQ(j.at("prefix"), "zh");
  ASSERT_FALSE(j.at("completions").empty());
  std::set<std::string> entities;
  std::uint64_t last = UINT64_MAX;
  for (const json& c : j.at("completions")) {
    EXPECT_EQ(c.at("alias").get<std::string>().rfind("Zh", 0), 0u) << c.dump();
    EXPECT_LE(c.at("count").get<std::uint64_t>(), last);
    last = c.at("count");
    for (const char* key : {"id", "name", "type", "articles", "mentions"})
      EXPECT_TRUE(c.at("entity").contains(key)) << key;
    entities.insert(c.at("entity").at("name"));
  }
  // "Zhou" is a name of two people, kept apart.
  EXPECT_TRUE(entities.count("Grace Zhou")) << r.out;
  EXPECT_TRUE(entities.count("Vincent Zhou")) << r.out;

  auto human = RunNewsdesk({"entities", "--prefix", "harb", "--db", db});
  ASSERT_EQ(human.exit_code, 0);
  EXPECT_NE(human.out.find("Harborline  Harborline Group Holding ORG"), std::string::npos)
      << human.out;
  auto orgs = RunNewsdesk({"entities", "--prefix", "zh", "--type", "ORG", "--db", db});
  EXPECT_EQ(orgs.out, "no entity names start with \"zh\"\n");
  auto empty = RunNewsdesk({"entities", "--prefix", "...", "--db", db});
  EXPECT_EQ(empty.exit_code, 2);
  EXPECT_NE(empty.err.find("--prefix needs a letter or a digit"), std::string::npos) << empty.err;
}

// fixtures/corroboration: a wire story (W), two word-for-word copies (A, B),
// two rewrites citing the wire (C, D; D says "Verified by 4 sources") and
// one outlet's own reporting (E) that gives another launch date. The
// expected counts are worked out by hand in fixtures/corroboration/README.md.
const json* FactCalled(const json& facts, const std::string& subject,
                       const std::string& predicate_class, const std::string& object) {
  for (const json& f : facts) {
    if (f.at("subject") == subject && f.at("predicate_class") == predicate_class &&
        f.at("object") == object) {
      return &f;
    }
  }
  return nullptr;
}

// One database of fixtures/corroboration for the read-only commands below
// (ingested once per test process).
class Corroboration : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir;
    auto ingest = RunNewsdesk({"ingest", FixturePath("corroboration"), "--db", Db()});
    ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  }
  static void TearDownTestSuite() {
    delete tmp_;
    tmp_ = nullptr;
  }
  static std::string Db() { return tmp_->Sub("db"); }

 private:
  static TempDir* tmp_;
};
TempDir* Corroboration::tmp_ = nullptr;

TEST_F(Corroboration, VerifyCountsOutletsAndIndependentOriginsWithTheirEvidence) {
  auto v = RunNewsdesk(
      {"verify", "Ysolde Pennick will lead Routewell Exchange", "--json", "--db", Db()});
  ASSERT_EQ(v.exit_code, 0) << v.err;
  json j = ParseJsonOrFail(v.out);
  ASSERT_EQ(j.at("matches").size(), 1u) << v.out;
  const json& fact = j.at("matches").at(0);
  EXPECT_EQ(fact.at("sources"), 6);      // W, A, B, C, D, E
  EXPECT_EQ(fact.at("independent"), 2);  // Lantern Wire (W, its copies, the rewrites citing it), E
  std::map<std::string, std::pair<std::string, std::string>> origin_of;
  for (const json& e : fact.at("support")) {
    origin_of[e.at("outlet")] = {e.at("origin"), e.at("origin_kind")};
    EXPECT_FALSE(e.at("evidence").get<std::string>().empty());
    EXPECT_NE(e.at("evidence").get<std::string>().find("Pennick"), std::string::npos);
  }
  using P = std::pair<std::string, std::string>;
  EXPECT_EQ(origin_of["Lantern Wire"], P("Lantern Wire", "own"));
  EXPECT_EQ(origin_of["The Ashcombe Standard"], P("Lantern Wire", "syndicated"));
  EXPECT_EQ(origin_of["Greyhaven Business Journal"], P("Lantern Wire", "syndicated"));
  EXPECT_EQ(origin_of["Ledgerline Daily"], P("Lantern Wire", "according_to"));
  EXPECT_EQ(origin_of["Northfold Business Review"], P("Lantern Wire", "according_to"));
  EXPECT_EQ(origin_of["Freight Desk Weekly"], P("Freight Desk Weekly", "own"));
  // The article's own claim is shown beside ours.
  for (const json& e : fact.at("support")) {
    if (e.at("outlet") == "Ledgerline Daily") {
      EXPECT_EQ(e.at("declared_sources"), 4);
    } else {
      EXPECT_TRUE(e.at("declared_sources").is_null());
    }
  }
  auto text = RunNewsdesk({"verify", "Ysolde Pennick will lead Routewell Exchange", "--db", Db()});
  EXPECT_NE(text.out.find("6 sources, 2 independent"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("the article says: verified by 4 sources"), std::string::npos);
}

TEST_F(Corroboration, TheStoryCountsTheWireAndItsCopiesAsOneIndependentSource) {
  auto human = RunNewsdesk({"stories", "--db", Db()});
  ASSERT_EQ(human.exit_code, 0) << human.err;
  // Lantern Wire with the two copies of its text; Ledgerline, Northfold and
  // Freight Desk Weekly in their own words.
  EXPECT_NE(human.out.find("verified by 6 sources, 4 independent"), std::string::npos) << human.out;
  auto listed = RunNewsdesk({"stories", "--json", "--db", Db()});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  const json stories = ParseJsonOrFail(listed.out).at("stories");
  ASSERT_EQ(stories.size(), 1u);
  EXPECT_EQ(stories.at(0).at("sources"), 6);
  EXPECT_EQ(stories.at(0).at("independent"), 4);
  std::map<std::string, std::string> origin_of;
  for (const json& a : stories.at(0).at("articles")) origin_of[a.at("outlet")] = a.at("origin");
  EXPECT_EQ(origin_of["Greyhaven Business Journal"], "Lantern Wire");
  EXPECT_EQ(origin_of["Freight Desk Weekly"], "Freight Desk Weekly");
  // The story page says whose text a copy is.
  auto story =
      RunNewsdesk({"story", std::to_string(stories.at(0).at("id").get<int>()), "--db", Db()});
  ASSERT_EQ(story.exit_code, 0) << story.err;
  EXPECT_NE(story.out.find("via Lantern Wire"), std::string::npos) << story.out;
  // --min-independent narrows the list.
  auto five = RunNewsdesk({"stories", "--min-independent", "5", "--json", "--db", Db()});
  ASSERT_EQ(five.exit_code, 0) << five.err;
  EXPECT_TRUE(ParseJsonOrFail(five.out).at("stories").empty());
}

TEST_F(Corroboration, FactsShowTheWireClaimAsOneOriginAndTheDisputedDate) {
  auto facts = RunNewsdesk({"facts", "--json", "--db", Db()});
  ASSERT_EQ(facts.exit_code, 0) << facts.err;
  const json all = ParseJsonOrFail(facts.out).at("facts");
  const json* price =
      FactCalled(all, "Routewell Exchange", "cost", "Brackwell Analytics");  // 10 to 20 times
  ASSERT_NE(price, nullptr) << facts.out;
  EXPECT_EQ(price->at("sources"), 5);  // everyone but E
  EXPECT_EQ(price->at("independent"), 1);
  for (const json& e : price->at("support")) EXPECT_EQ(e.at("quantity"), "10-20 times cheaper");
  EXPECT_TRUE(price->at("disputes").empty());  // every outlet gives the same range
  const json* launch = FactCalled(all, "Corvane Systems", "create", "Routewell Exchange");
  ASSERT_NE(launch, nullptr) << facts.out;
  EXPECT_EQ(launch->at("sources"), 6);
  EXPECT_EQ(launch->at("independent"), 2);
  ASSERT_EQ(launch->at("disputes").size(), 1u);
  const json& dates = launch->at("disputes").at(0);
  EXPECT_EQ(dates.at("what"), "date");
  ASSERT_EQ(dates.at("values").size(), 2u);
  EXPECT_EQ(dates.at("values").at(0).at("value"), "2026-11-02");
  EXPECT_EQ(dates.at("values").at(0).at("articles"), 5);
  EXPECT_EQ(dates.at("values").at(1).at("value"), "2026-11-09");
  EXPECT_EQ(dates.at("values").at(1).at("articles"), 1);
  // --min-sources and --entity narrow the list.
  auto six = RunNewsdesk({"facts", "--min-sources", "6", "--json", "--db", Db()});
  const json six_or_more = ParseJsonOrFail(six.out).at("facts");
  EXPECT_FALSE(six_or_more.empty());
  for (const json& f : six_or_more) EXPECT_GE(f.at("sources"), 6);
  auto about = RunNewsdesk({"facts", "--entity", "brackwell analytics", "--db", Db()});
  EXPECT_NE(about.out.find("Routewell Exchange — cost — Brackwell Analytics"), std::string::npos)
      << about.out;
  EXPECT_EQ(about.out.find("Ysolde Pennick"), std::string::npos) << about.out;
}

TEST(Cli, WithoutTheWiresOwnArticleItsCopiesAreOneOriginTheirDatelineNames) {
  // The five outlets only: A and B are copies of the wire's text without
  // the wire's own article. Their dateline ("TOLLBRIDGE (Lantern Wire) —")
  // says whose text it is; with it taken out, nothing ties them to the wire
  // and they count as one origin of their own.
  for (bool dateline : {true, false}) {
    SCOPED_TRACE(dateline ? "with the dateline's credit" : "without it");
    TempDir tmp;
    for (const char* dir :
         {"www.ashcombestandard.co.uk", "greyhavenbusiness.com", "ledgerlinedaily.com",
          "northfoldreview.com", "www.freightdeskweekly.com"}) {
      std::filesystem::create_directories(tmp.Sub("five"));
      std::filesystem::copy(FixturePath(std::string("corroboration/") + dir),
                            tmp.Sub(std::string("five/") + dir),
                            std::filesystem::copy_options::recursive);
    }
    if (!dateline) {
      for (const char* dir : {"www.ashcombestandard.co.uk", "greyhavenbusiness.com"}) {
        const std::string file = tmp.Sub(std::string("five/") + dir +
                                         "/corvane-systems-sets-up-route-planning-unit-for-small-"
                                         "hauliers.txt");
        std::string text = testing::ReadFileOrDie(file);
        const std::string credit = "TOLLBRIDGE (Lantern Wire) — ";
        ASSERT_NE(text.find(credit), std::string::npos);
        text.erase(text.find(credit), credit.size());
        std::ofstream(file) << text;
      }
    }
    ASSERT_EQ(RunNewsdesk({"ingest", tmp.Sub("five"), "--db", tmp.Sub("db")}).exit_code, 0);
    auto v = RunNewsdesk(
        {"verify", "Ysolde Pennick will lead Routewell Exchange", "--json", "--db", tmp.Sub("db")});
    const json fact = ParseJsonOrFail(v.out).at("matches").at(0);
    EXPECT_EQ(fact.at("sources"), 5);
    // Lantern Wire (A and B by their dateline, C and D citing it) and E; or
    // A+B, Lantern Wire (C, D) and E.
    EXPECT_EQ(fact.at("independent"), dateline ? 2 : 3);
    auto stories = RunNewsdesk({"stories", "--json", "--db", tmp.Sub("db")});
    const json story = ParseJsonOrFail(stories.out).at("stories").at(0);
    EXPECT_EQ(story.at("sources"), 5);
    EXPECT_EQ(story.at("independent"), 4);  // A+B, C, D, E either way
  }
}

TEST_F(Corroboration, AStoryShowsItsKeyFactsWithTheirCounts) {
  auto story = RunNewsdesk({"story", "1", "--db", Db()});
  ASSERT_EQ(story.exit_code, 0) << story.err;
  EXPECT_NE(story.out.find("key facts:"), std::string::npos) << story.out;
  EXPECT_NE(
      story.out.find("Ysolde Pennick — lead — Routewell Exchange\n  6 sources, 2 independent"),
      std::string::npos)
      << story.out;
  auto j = RunNewsdesk({"story", "1", "--json", "--db", Db()});
  const json facts = ParseJsonOrFail(j.out).at("facts");
  ASSERT_FALSE(facts.empty());
  EXPECT_EQ(facts.at(0).at("sources"), 6);  // most sources first
}

TEST_F(Corroboration, VerifySaysWhenItCannotReadAClaim) {
  auto v = RunNewsdesk({"verify", "interesting times", "--db", Db()});
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_NE(v.out.find("could not read a fact"), std::string::npos) << v.out;
}

}  // namespace
}  // namespace newsdesk
