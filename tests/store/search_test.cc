// Full-text search over the store: every article below is invented.
#include <gtest/gtest.h>
#include <rocksdb/db.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "store/store.h"
#include "tests/support/test_support.h"

namespace newsdesk {
namespace {

using testing::TempDir;

constexpr UnixSeconds kT0 = 1791963000;  // 2026-10-14
constexpr UnixSeconds kDay = 86400;

Article MakeArticle(const std::string& slug, const std::string& title, const std::string& text,
                    UnixSeconds published = kT0, const std::string& outlet = "Brennock Post") {
  Article a;
  a.url = a.canonical_url = "https://news.example/" + slug;
  a.outlet = outlet;
  a.title = title;
  a.text = text;
  a.published = published;
  return a;
}

std::unique_ptr<Store> OpenOrDie(const std::string& dir) {
  auto s = Store::OpenForWrite(dir);
  EXPECT_TRUE(s.ok()) << s.status().message();
  return s.ok() ? std::move(s).value() : nullptr;
}

ArticleId CommitOrDie(Store& store, const Article& a) {
  auto o = store.Commit(a);
  EXPECT_TRUE(o.ok()) << o.status().message();
  return o.ok() ? o->article : 0;
}

void ExpectConsistent(const Store& store) {
  auto problems = store.Verify();
  ASSERT_TRUE(problems.ok()) << problems.status().message();
  for (const std::string& p : *problems) ADD_FAILURE() << p;
}

SearchResults SearchOrDie(const Store& store, SearchQuery q) {
  auto r = store.Search(q);
  EXPECT_TRUE(r.ok()) << q.text << ": " << r.status().message();
  return r.ok() ? std::move(r).value() : SearchResults{};
}

SearchResults SearchOrDie(const Store& store, const std::string& text) {
  SearchQuery q;
  q.text = text;
  return SearchOrDie(store, q);
}

std::vector<ArticleId> Ids(const SearchResults& r) {
  std::vector<ArticleId> ids;
  for (const SearchHit& h : r.hits) ids.push_back(h.id);
  return ids;
}

std::vector<std::string> Marked(const std::string& text, const std::vector<TextSpan>& spans) {
  std::vector<std::string> words;
  for (const TextSpan& s : spans) words.push_back(text.substr(s.start, s.end - s.start));
  return words;
}

TEST(Search, RanksATitleMatchAboveAMatchInTheText) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  ArticleId body = CommitOrDie(*store, MakeArticle("body", "Council meets on Tuesday",
                                                   "The council discussed the ferry timetable "
                                                   "and the budget for the coming year."));
  ArticleId title = CommitOrDie(*store, MakeArticle("title", "Ferry timetable changes",
                                                    "The council discussed the new schedule "
                                                    "and the budget for the coming year."));
  auto r = SearchOrDie(*store, "ferry");
  EXPECT_EQ(Ids(r), (std::vector<ArticleId>{title, body}));
  EXPECT_GT(r.hits[0].score, r.hits[1].score);
  EXPECT_EQ(r.total, 2u);
  EXPECT_TRUE(r.total_exact);
  EXPECT_TRUE(r.complete);
}

TEST(Search, TheRarerWordWeighsMore) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  // "strike" is in every article, "ferry" in two: more of the rare word
  // ranks first although both have four matching words.
  for (int i = 0; i < 8; ++i) {
    CommitOrDie(*store, MakeArticle("filler" + std::to_string(i), "Report " + std::to_string(i),
                                    "A strike was called at plant " + std::to_string(i) + "."));
  }
  ArticleId rare = CommitOrDie(
      *store, MakeArticle("rare", "Morning report", "Ferry crews strike; ferry ferry delays."));
  ArticleId common = CommitOrDie(
      *store, MakeArticle("common", "Evening report", "Ferry crews strike; strike strike delays."));
  auto r = SearchOrDie(*store, "ferry strike");
  EXPECT_EQ(Ids(r), (std::vector<ArticleId>{rare, common}));
  EXPECT_EQ(r.terms, (std::vector<std::string>{"ferri", "strike"}));
}

TEST(Search, EveryWordMustOccur) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  ArticleId both = CommitOrDie(*store, MakeArticle("both", "Dock strike", "Dockers stop work."));
  CommitOrDie(*store, MakeArticle("one", "Dock reopens", "Ships return to the harbour."));
  EXPECT_EQ(Ids(SearchOrDie(*store, "dock strike")), std::vector<ArticleId>{both});
  EXPECT_EQ(SearchOrDie(*store, "dock zeppelin").total, 0u);
}

TEST(Search, AQuotedPhraseNeedsItsWordsNextToEachOther) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  ArticleId adjacent =
      CommitOrDie(*store, MakeArticle("a", "Port news", "The dock strike entered its second day."));
  ArticleId apart = CommitOrDie(
      *store, MakeArticle("b", "Port news", "The dock was quiet. A strike began at noon."));
  ArticleId reversed =
      CommitOrDie(*store, MakeArticle("c", "Port news", "Talks on the strike at the dock failed."));
  std::vector<ArticleId> words = Ids(SearchOrDie(*store, "dock strike"));
  std::sort(words.begin(), words.end());
  EXPECT_EQ(words, (std::vector<ArticleId>{adjacent, apart, reversed}));
  auto phrase = SearchOrDie(*store, "\"dock strike\"");
  EXPECT_EQ(Ids(phrase), std::vector<ArticleId>{adjacent});
  // Stop words are not in the term stream: "strike at the dock" is
  // "strike dock".
  EXPECT_EQ(Ids(SearchOrDie(*store, "\"strike at a dock\"")), std::vector<ArticleId>{reversed});
  EXPECT_EQ(SearchOrDie(*store, "\"began strike\"").total, 0u);  // the order counts
}

TEST(Search, APhraseDoesNotRunFromTheTitleIntoTheText) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  CommitOrDie(*store, MakeArticle("a", "Talks at the port", "Strike called off."));
  EXPECT_EQ(SearchOrDie(*store, "port strike").total, 1u);
  EXPECT_EQ(SearchOrDie(*store, "\"port strike\"").total, 0u);
}

TEST(Search, AHyphenatedWordIsAPhrase) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  ArticleId hyphen =
      CommitOrDie(*store, MakeArticle("a", "Ward news", "The covid-19 ward reopened this week."));
  CommitOrDie(*store, MakeArticle("b", "Ward news", "Covid cases fell; 19 wards reopened."));
  EXPECT_EQ(Ids(SearchOrDie(*store, "covid-19")), std::vector<ArticleId>{hyphen});
}

TEST(Search, WordsAreComparedAsStemmedTerms) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  ArticleId acquired = CommitOrDie(
      *store, MakeArticle("a", "Quillfeather acquired", "The rival was ACQUIRED on Monday."));
  ArticleId acquiring =
      CommitOrDie(*store, MakeArticle("b", "Deal news", "Quillfeather is acquiring a rival."));
  CommitOrDie(*store, MakeArticle("c", "Deal news", "The acquisition closed on Friday."));
  auto r = SearchOrDie(*store, "acquires");
  std::vector<ArticleId> ids = Ids(r);
  std::sort(ids.begin(), ids.end());
  // Snowball stems "acquires", "acquired" and "acquiring" to "acquir", but
  // "acquisition" to "acquisit": a noun does not find its verb.
  EXPECT_EQ(ids, (std::vector<ArticleId>{acquired, acquiring}));
}

TEST(Search, AMinusWordLeavesOutTheArticlesThatHaveIt) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  ArticleId ferry = CommitOrDie(*store, MakeArticle("a", "Ferry strike", "Crews walked out."));
  CommitOrDie(*store, MakeArticle("b", "Rail strike", "Drivers walked out."));
  ArticleId rail_ferry =
      CommitOrDie(*store, MakeArticle("c", "Strike news", "Rail and ferry crews walked out."));
  auto r = SearchOrDie(*store, "strike -rail");
  EXPECT_EQ(Ids(r), std::vector<ArticleId>{ferry});
  EXPECT_EQ(r.terms, std::vector<std::string>{"strike"});
  auto phrase = SearchOrDie(*store, "strike -\"rail strike\"");
  std::vector<ArticleId> ids = Ids(phrase);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<ArticleId>{ferry, rail_ferry}));
}

TEST(Search, FiltersByTimeOutletAndEntity) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  Article early = MakeArticle("early", "Harbour dredging begins", "Dredgers arrived.", kT0);
  Article late =
      MakeArticle("late", "Harbour dredging ends", "Dredgers left.", kT0 + 10 * kDay, "Coast News");
  DocumentEntity port;
  port.name = "Kestrel Bay Port Authority";
  port.type = EntityType::kOrganization;
  port.mention_count = 1;
  late.entities.entities = {port};
  ArticleId e = CommitOrDie(*store, early);
  ArticleId l = CommitOrDie(*store, late);

  SearchQuery q;
  q.text = "harbour dredging";
  EXPECT_EQ(SearchOrDie(*store, q).total, 2u);
  q.since = kT0 + kDay;
  EXPECT_EQ(Ids(SearchOrDie(*store, q)), std::vector<ArticleId>{l});
  q.since.reset();
  q.until = kT0 + 10 * kDay - 1;
  EXPECT_EQ(Ids(SearchOrDie(*store, q)), std::vector<ArticleId>{e});
  q.until = kT0 + 10 * kDay;  // inclusive
  EXPECT_EQ(SearchOrDie(*store, q).total, 2u);
  q.until.reset();

  q.outlets = {"coast news"};  // case is ignored
  EXPECT_EQ(Ids(SearchOrDie(*store, q)), std::vector<ArticleId>{l});
  q.outlets = {"Coast News", "BRENNOCK POST"};  // any of them
  EXPECT_EQ(SearchOrDie(*store, q).total, 2u);
  q.outlets = {"Coast Nwes"};
  auto unknown = store->Search(q);
  EXPECT_EQ(unknown.status().code(), Status::Code::kNotFound);
  EXPECT_NE(unknown.status().message().find("no outlet named \"Coast Nwes\"; did you mean "
                                            "\"Coast News\"?"),
            std::string::npos)
      << unknown.status().message();
  q.outlets.clear();

  auto found = store->FindEntities("Kestrel Bay Port Authority");
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->matches.size(), 1u);
  q.entities = {{found->matches[0].id}};
  EXPECT_EQ(Ids(SearchOrDie(*store, q)), std::vector<ArticleId>{l});
  q.entities = {{found->matches[0].id + 100}};  // no such entity: nothing
  EXPECT_EQ(SearchOrDie(*store, q).total, 0u);
}

TEST(Search, AnUpdateReplacesThePostingsOfTheOldVersion) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  Article v1 = MakeArticle("fire", "Warehouse fire at the docks", "Crews fought the blaze.");
  ArticleId id = CommitOrDie(*store, v1);
  EXPECT_EQ(Ids(SearchOrDie(*store, "blaze")), std::vector<ArticleId>{id});
  Article v2 = v1;
  v2.title = "Warehouse fire out after two days";
  v2.text = "Investigators found the cause on Thursday.";
  v2.published = kT0 + 2 * kDay;  // it moves in time too
  ASSERT_EQ(store->Commit(v2)->kind, CommitKind::kUpdated);
  SearchQuery later;
  later.text = "warehouse";
  later.since = kT0 + kDay;
  EXPECT_EQ(Ids(SearchOrDie(*store, later)), std::vector<ArticleId>{id});
  later.since.reset();
  later.until = kT0 + kDay;
  EXPECT_EQ(SearchOrDie(*store, later).total, 0u);
  EXPECT_EQ(SearchOrDie(*store, "blaze").total, 0u);
  EXPECT_EQ(SearchOrDie(*store, "docks").total, 0u);
  EXPECT_EQ(Ids(SearchOrDie(*store, "investigators cause")), std::vector<ArticleId>{id});
  EXPECT_EQ(Ids(SearchOrDie(*store, "warehouse fire")), std::vector<ArticleId>{id});
  ExpectConsistent(*store);
}

TEST(Search, SnippetsShowTheMatchingWordsMarked) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  std::string text =
      "The morning was calm along the coast and nothing much happened for hours on end. Boats "
      "came and went, gulls circled, and the cafés opened late as they always do in October.\n\n"
      "Then, shortly after noon, dockers at Vellmouth began striking over automation plans, and "
      "the STRIKE closed the container terminal within the hour.\n\nThe union said talks would "
      "resume on Monday. Nobody at the port authority would comment on the plans.";
  ArticleId id = CommitOrDie(*store, MakeArticle("s", "Vellmouth strike", text));
  auto r = SearchOrDie(*store, "strike automation");
  ASSERT_EQ(Ids(r), std::vector<ArticleId>{id});
  const SearchHit& hit = r.hits[0];
  EXPECT_EQ(Marked(hit.title, hit.title_matches), std::vector<std::string>{"strike"});
  EXPECT_EQ(Marked(hit.snippet, hit.snippet_matches),
            (std::vector<std::string>{"striking", "automation", "STRIKE"}))
      << hit.snippet;
  // Cut at words on both sides, the paragraph break collapsed to a space.
  EXPECT_EQ(hit.snippet.rfind("…", 0), 0u) << hit.snippet;
  EXPECT_LE(hit.snippet.size(), 200u + 2 * std::string("…").size());
  EXPECT_EQ(hit.snippet.find('\n'), std::string::npos);
  EXPECT_NE(hit.snippet.find("hour. The union"), std::string::npos) << hit.snippet;
  EXPECT_EQ(hit.title, "Vellmouth strike");
  EXPECT_EQ(hit.outlet, "Brennock Post");
  EXPECT_EQ(hit.url, "https://news.example/s");
  EXPECT_EQ(hit.published, kT0);
}

TEST(Search, AHitIsDatedPublishedElseModifiedElseIngested) {
  TempDir tmp;
  StoreOptions options;
  options.now = [] { return kT0 + 5 * kDay; };
  auto opened = Store::OpenForWrite(tmp.path(), options);
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  Store& store = **opened;
  Article published = MakeArticle("p", "Lighthouse repainted", "Keepers repainted it.", kT0);
  published.modified = kT0 + kDay;
  Article modified = MakeArticle("m", "Lighthouse reopened", "Keepers reopened it.");
  modified.published.reset();
  modified.modified = kT0 + 2 * kDay;
  Article undated = MakeArticle("u", "Lighthouse visited", "Keepers showed it to visitors.");
  undated.published.reset();
  std::map<ArticleId, UnixSeconds> expected = {{CommitOrDie(store, published), kT0},
                                               {CommitOrDie(store, modified), kT0 + 2 * kDay},
                                               {CommitOrDie(store, undated), kT0 + 5 * kDay}};
  auto r = SearchOrDie(store, "lighthouse");
  ASSERT_EQ(r.hits.size(), 3u);
  for (const SearchHit& hit : r.hits) {
    EXPECT_EQ(hit.time, expected[hit.id]) << hit.title;
    EXPECT_EQ(hit.published.has_value(), hit.title == "Lighthouse repainted") << hit.title;
  }
}

TEST(Search, AnArticleFoundByItsTitleShowsTheStartOfItsText) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  CommitOrDie(*store, MakeArticle("t", "Ferry timetable changes",
                                  "Boats will leave\n\nten minutes earlier from Monday."));
  auto r = SearchOrDie(*store, "timetable");
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].snippet, "Boats will leave ten minutes earlier from Monday.");
  EXPECT_TRUE(r.hits[0].snippet_matches.empty());
  EXPECT_EQ(Marked(r.hits[0].title, r.hits[0].title_matches),
            std::vector<std::string>{"timetable"});
}

TEST(Search, LimitAndOffsetPageThroughTheHitsBestFirst) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  for (int i = 0; i < 12; ++i) {
    std::string text = "The ferry ran late.";
    for (int j = 0; j < i; ++j) text += " Another ferry ran late.";
    CommitOrDie(*store, MakeArticle("f" + std::to_string(i), "Day " + std::to_string(i), text));
  }
  SearchQuery q;
  q.text = "ferry";
  q.limit = 5;
  auto first = SearchOrDie(*store, q);
  q.offset = 5;
  auto second = SearchOrDie(*store, q);
  q.offset = 10;
  auto third = SearchOrDie(*store, q);
  EXPECT_EQ(first.hits.size(), 5u);
  EXPECT_EQ(second.hits.size(), 5u);
  EXPECT_EQ(third.hits.size(), 2u);
  EXPECT_EQ(first.total, 12u);
  std::vector<double> scores;
  for (const auto* page : {&first, &second, &third})
    for (const SearchHit& h : page->hits) scores.push_back(h.score);
  EXPECT_TRUE(std::is_sorted(scores.rbegin(), scores.rend()));
  q.offset = 0;
  q.limit = 0;
  auto count = SearchOrDie(*store, q);
  EXPECT_TRUE(count.hits.empty());
  EXPECT_EQ(count.total, 12u);
}

TEST(Search, MaxCandidatesRanksTheNewestAndSaysSo) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  std::vector<ArticleId> ids;
  for (int i = 0; i < 10; ++i) {
    ids.push_back(CommitOrDie(*store, MakeArticle("f" + std::to_string(i), "Ferry news",
                                                  "Ferry report number " + std::to_string(i))));
  }
  SearchQuery q;
  q.text = "ferry report";
  q.max_candidates = 4;
  auto r = SearchOrDie(*store, q);
  EXPECT_FALSE(r.complete);
  EXPECT_FALSE(r.total_exact);  // at least 4
  EXPECT_EQ(r.total, 4u);
  std::vector<ArticleId> got = Ids(r);
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, std::vector<ArticleId>(ids.end() - 4, ids.end()));

  // A word alone: all its articles match, whatever was ranked.
  q.text = "ferry";
  r = SearchOrDie(*store, q);
  EXPECT_FALSE(r.complete);
  EXPECT_TRUE(r.total_exact);
  EXPECT_EQ(r.total, 10u);
  EXPECT_EQ(r.hits.size(), 4u);
}

// The cap counts articles within the time range only: an old window is
// searched in full however many newer articles have the word.
TEST(Search, ATimeRangeIsSearchedWhateverTheNewerArticles) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  std::vector<ArticleId> ids;
  for (int day = 0; day < 10; ++day) {
    ids.push_back(CommitOrDie(
        *store, MakeArticle("f" + std::to_string(day), "Ferry news",
                            "Ferry report of day " + std::to_string(day), kT0 + day * kDay)));
  }
  SearchQuery q;
  q.text = "ferry";
  q.max_candidates = 2;
  q.since = kT0;
  q.until = kT0 + kDay;
  auto r = SearchOrDie(*store, q);
  EXPECT_TRUE(r.complete);
  EXPECT_TRUE(r.total_exact);
  std::vector<ArticleId> got = Ids(r);
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, (std::vector<ArticleId>{ids[0], ids[1]}));
}

// Postings are kept in blocks of a time bucket (about 4.6 hours) and a run
// of 1,024 article ids, merged by RocksDB as articles come, move and
// change: whatever block an article's postings are in, a search finds
// exactly the articles a plain scan of the texts finds, before and after the
// database is closed (its blocks flushed and compacted), time bounds
// inside a bucket included.
TEST(Search, FindsWhatAScanOfTheTextsFindsAcrossBlocks) {
  const std::vector<std::string> words = {"ferry",  "harbour", "dredger", "tariff",
                                          "quarry", "lantern", "orchard", "glacier"};
  struct Doc {
    std::string slug;
    std::set<std::string> words;
    UnixSeconds time;
  };
  std::mt19937_64 rng(11);
  auto make = [&](const std::string& slug) {
    Doc d{slug, {}, 0};
    for (const std::string& w : words)
      if (rng() % 3 == 0) d.words.insert(w);
    d.words.insert(words[rng() % words.size()]);
    // Most within two hours (one bucket, ids past one run), some over days.
    d.time = rng() % 4 == 0 ? kT0 + static_cast<UnixSeconds>(rng() % (5 * kDay))
                            : kT0 + static_cast<UnixSeconds>(rng() % 7200);
    return d;
  };
  auto article = [](const Doc& d) {
    std::string text = "Bulletin " + d.slug + ". ";
    for (const std::string& w : d.words) text += "The " + w + " report. ";
    return MakeArticle(d.slug, "News " + d.slug, text, d.time);
  };
  std::vector<Doc> docs;
  for (int i = 0; i < 1300; ++i) docs.push_back(make("n" + std::to_string(i)));

  TempDir tmp;
  std::map<std::string, ArticleId> ids;
  {
    auto store = OpenOrDie(tmp.path());
    for (std::size_t i = 0; i < docs.size(); ++i) {
      if (i == 700) store = OpenOrDie((store.reset(), tmp.path()));  // flushed in between
      ids[docs[i].slug] = CommitOrDie(*store, article(docs[i]));
    }
    // Every seventh article changes its words and its time (a newer
    // version: modified later).
    for (std::size_t i = 0; i < docs.size(); i += 7) {
      Doc d = make(docs[i].slug);
      docs[i] = d;
      Article a = article(d);
      a.modified = kT0 + 30 * kDay;
      ASSERT_EQ(store->Commit(a)->kind, CommitKind::kUpdated);
    }
  }
  auto expect_scan = [&](const Store& store) {
    for (std::size_t a = 0; a < words.size(); ++a) {
      const std::string& w1 = words[a];
      const std::string& w2 = words[(a + 3) % words.size()];
      for (int range = 0; range < 3; ++range) {
        SearchQuery q;
        q.text = range == 1 ? w1 : w1 + " " + w2;
        q.max_candidates = 100000;
        if (range == 2) {  // bounds inside buckets
          q.since = kT0 + 1000 + 97 * static_cast<UnixSeconds>(a);
          q.until = kT0 + 2 * kDay + 5000;
        }
        q.limit = 2000;
        std::vector<ArticleId> want;
        for (const Doc& d : docs) {
          if (!d.words.count(w1) || (range != 1 && !d.words.count(w2))) continue;
          if (q.since && (d.time < *q.since || d.time > *q.until)) continue;
          want.push_back(ids.at(d.slug));
        }
        std::sort(want.begin(), want.end());
        SearchResults r = SearchOrDie(store, q);
        std::vector<ArticleId> got = Ids(r);
        std::sort(got.begin(), got.end());
        EXPECT_EQ(got, want) << q.text << " range " << range;
        EXPECT_EQ(r.total, want.size()) << q.text << " range " << range;
      }
    }
  };
  {
    auto reader = Store::OpenForRead(tmp.path());
    ASSERT_TRUE(reader.ok());
    expect_scan(**reader);
    ExpectConsistent(**reader);
  }
}

TEST(Search, RefusesQueriesWithNothingToSearchFor) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  CommitOrDie(*store, MakeArticle("a", "Ferry news", "The ferry ran late."));
  auto code_and_message = [&](const std::string& text) {
    SearchQuery q;
    q.text = text;
    auto r = store->Search(q);
    EXPECT_FALSE(r.ok()) << text;
    return std::pair(r.status().code(), r.status().message());
  };
  EXPECT_EQ(code_and_message("   "),
            std::pair(Status::Code::kInvalidInput, std::string("the query is empty")));
  auto [code, message] = code_and_message("the of and a");
  EXPECT_EQ(code, Status::Code::kInvalidInput);
  EXPECT_NE(message.find("only stop words"), std::string::npos) << message;
  EXPECT_EQ(code_and_message("-ferry").first, Status::Code::kInvalidInput);
  auto bad = code_and_message("caf\xe9 ferry");
  EXPECT_EQ(bad.first, Status::Code::kInvalidInput);
  EXPECT_NE(bad.second.find("not UTF-8 (ill-formed byte at offset 3)"), std::string::npos);
}

TEST(Search, RefusesQueriesOverTheLimits) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  CommitOrDie(*store, MakeArticle("a", "Ferry news", "The ferry ran late."));
  SearchQuery q;
  q.text = std::string(5000, 'x');
  auto huge = store->Search(q);
  EXPECT_EQ(huge.status().code(), Status::Code::kTooLarge);
  EXPECT_NE(huge.status().message().find("over the limit of 4096 (max_query_bytes)"),
            std::string::npos);
  q.text.clear();
  for (int i = 0; i < 40; ++i) q.text += "word" + std::to_string(i) + " ";
  auto many = store->Search(q);
  EXPECT_EQ(many.status().code(), Status::Code::kTooLarge);
  EXPECT_NE(many.status().message().find("40 distinct words, over the limit of 32"),
            std::string::npos)
      << many.status().message();
}

TEST(Search, AReaderSearchesWhatTheWriterCommitted) {
  TempDir tmp;
  ArticleId id;
  {
    auto store = OpenOrDie(tmp.path());
    id = CommitOrDie(*store, MakeArticle("a", "Ferry news", "The ferry ran late."));
  }
  auto reader = Store::OpenForRead(tmp.path());
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ(Ids(SearchOrDie(**reader, "ferry late")), std::vector<ArticleId>{id});
}

// Opens the database with plain RocksDB and applies `edit` to `family`.
void EditRaw(
    const std::string& dir, const std::string& family,
    const std::function<rocksdb::Status(rocksdb::DB&, rocksdb::ColumnFamilyHandle*)>& edit) {
  std::vector<std::string> names;
  ASSERT_TRUE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir, &names).ok());
  std::vector<rocksdb::ColumnFamilyDescriptor> cfs;
  for (auto& n : names) cfs.emplace_back(n, rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* db = nullptr;
  ASSERT_TRUE(rocksdb::DB::Open(rocksdb::DBOptions(), dir, cfs, &handles, &db).ok());
  auto* handle = handles[std::find(names.begin(), names.end(), family) - names.begin()];
  EXPECT_TRUE(edit(*db, handle).ok());
  for (auto* h : handles) db->DestroyColumnFamilyHandle(h).PermitUncheckedError();
  db->Close().PermitUncheckedError();
  delete db;
}

// Deletes, behind the store's back, every key of `family` that starts with
// `prefix` (a range delete: the terms index holds merge operands, which a
// plain RocksDB open cannot read).
void DeleteRaw(const std::string& dir, const std::string& family, const std::string& prefix) {
  std::string end = prefix;
  while (!end.empty() && static_cast<unsigned char>(end.back()) == 0xff) end.pop_back();
  ASSERT_FALSE(end.empty());
  end.back() = static_cast<char>(end.back() + 1);
  EditRaw(dir, family, [&](rocksdb::DB& db, rocksdb::ColumnFamilyHandle* handle) {
    return db.DeleteRange(rocksdb::WriteOptions(), handle, prefix, end);
  });
}

// Puts `value` at `key` of `family`, behind the store's back.
void PutRaw(const std::string& dir, const std::string& family, const std::string& key,
            const std::string& value) {
  EditRaw(dir, family, [&](rocksdb::DB& db, rocksdb::ColumnFamilyHandle* handle) {
    return db.Put(rocksdb::WriteOptions(), handle, key, value);
  });
}

TEST(Search, VerifyFindsAMissingPosting) {
  TempDir tmp;
  ArticleId id;
  {
    auto store = OpenOrDie(tmp.path());
    id = CommitOrDie(*store, MakeArticle("a", "Ferry news", "The ferry ran late."));
    ExpectConsistent(*store);
  }
  DeleteRaw(tmp.path(), "terms", std::string("ferri") + '\0');
  auto store = Store::OpenForRead(tmp.path());
  ASSERT_TRUE(store.ok());
  auto problems = (*store)->Verify();
  ASSERT_TRUE(problems.ok());
  EXPECT_EQ(*problems, std::vector<std::string>{"article " + std::to_string(id) +
                                                " lacks its posting for \"ferri\""});
  EXPECT_EQ(SearchOrDie(**store, "late").total, 1u);
  EXPECT_EQ(SearchOrDie(**store, "ferry").total, 0u);
}

TEST(Search, ADamagedArticleRecordIsNamedNotShown) {
  TempDir tmp;
  ArticleId damaged;
  {
    auto store = OpenOrDie(tmp.path());
    damaged = CommitOrDie(*store, MakeArticle("a", "Ferry news", "The ferry ran late."));
    CommitOrDie(*store, MakeArticle("b", "Bridge news", "The bridge opened early."));
  }
  std::string key;
  for (int shift = 56; shift >= 0; shift -= 8) key += static_cast<char>((damaged >> shift) & 0xff);
  // Bytes that are not a record: a CBOR text string, then a truncated map.
  PutRaw(tmp.path(), "articles", key,
         std::string("\x63"
                     "abc"
                     "\xa3\x65"
                     "title"));
  auto store = Store::OpenForRead(tmp.path());
  ASSERT_TRUE(store.ok()) << store.status().message();
  SearchQuery q;
  q.text = "ferry";
  auto r = (*store)->Search(q);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kCorruption);
  EXPECT_NE(r.status().message().find("article " + std::to_string(damaged)), std::string::npos)
      << r.status().message();
  EXPECT_EQ(SearchOrDie(**store, "bridge").hits.at(0).title, "Bridge news");
}

TEST(Search, VerifyFindsAPostingOfAMissingArticle) {
  TempDir tmp;
  ArticleId id;
  {
    auto store = OpenOrDie(tmp.path());
    id = CommitOrDie(*store, MakeArticle("a", "Ferry news", "The ferry ran late."));
  }
  std::string key;
  for (int shift = 56; shift >= 0; shift -= 8) key += static_cast<char>((id >> shift) & 0xff);
  DeleteRaw(tmp.path(), "articles", key);
  auto store = Store::OpenForRead(tmp.path());
  ASSERT_TRUE(store.ok());
  auto problems = (*store)->Verify();
  ASSERT_TRUE(problems.ok());
  EXPECT_NE(std::find(problems->begin(), problems->end(),
                      "terms index: the posting for \"ferri\" names missing article " +
                          std::to_string(id)),
            problems->end());
}

// A reader replays at open whatever write-ahead log it finds; a closed
// writer leaves none, so that `newsdesk search` starts at once after an
// ingest.
TEST(Search, AClosedWriterLeavesNoLogForReadersToReplay) {
  TempDir tmp;
  {
    auto store = OpenOrDie(tmp.path());
    for (int i = 0; i < 50; ++i) {
      CommitOrDie(*store, MakeArticle("f" + std::to_string(i), "Ferry news " + std::to_string(i),
                                      "The ferry ran late on day " + std::to_string(i) + "."));
    }
  }
  std::uintmax_t logged = 0;
  for (const auto& e : std::filesystem::directory_iterator(tmp.path()))
    if (e.path().extension() == ".log") logged += e.file_size();
  EXPECT_EQ(logged, 0u);
  auto reader = Store::OpenForRead(tmp.path());
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ(SearchOrDie(**reader, "ferry").total, 50u);
}

// A database of schema 3, before the terms index: refused, not searched
// without an index.
TEST(Search, ADatabaseFromBeforeTheTermsIndexIsRefused) {
  TempDir tmp;
  { CommitOrDie(*OpenOrDie(tmp.path()), MakeArticle("a", "Ferry news", "The ferry ran late.")); }
  {
    std::vector<std::string> names;
    ASSERT_TRUE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), tmp.path(), &names).ok());
    std::vector<rocksdb::ColumnFamilyDescriptor> cfs;
    for (auto& n : names) cfs.emplace_back(n, rocksdb::ColumnFamilyOptions());
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* db = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(rocksdb::DBOptions(), tmp.path(), cfs, &handles, &db).ok());
    auto at = [&](const char* name) {
      return handles[std::find(names.begin(), names.end(), name) - names.begin()];
    };
    ASSERT_TRUE(db->DropColumnFamily(at("terms")).ok());
    ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), at("meta"), "schema_version", "3").ok());
    for (auto* h : handles) db->DestroyColumnFamilyHandle(h).PermitUncheckedError();
    db->Close().PermitUncheckedError();
    delete db;
  }
  for (bool write : {true, false}) {
    auto s = write ? Store::OpenForWrite(tmp.path()) : Store::OpenForRead(tmp.path());
    EXPECT_EQ(s.status().code(), Status::Code::kSchemaMismatch);
    EXPECT_NE(s.status().message().find("has schema version 3, this newsdesk reads version " +
                                        std::to_string(kSchemaVersion)),
              std::string::npos)
        << s.status().message();
  }
}

}  // namespace
}  // namespace newsdesk
