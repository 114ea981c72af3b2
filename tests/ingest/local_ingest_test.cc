#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <set>
#include <tuple>

#include "ingest/ingest.h"
#include "tests/support/test_support.h"

namespace newsdesk {
namespace {

using testing::FixturePath;
using testing::NewsManifest;
using testing::TempDir;
namespace fs = std::filesystem;

std::unique_ptr<Store> OpenOrDie(const std::string& dir) {
  auto s = Store::OpenForWrite(dir);
  EXPECT_TRUE(s.ok()) << s.status().message();
  return std::move(s).value();
}

// The story an article of the manifest ended up in, found by its canonical
// URL or, for one of a pair of duplicates, by the URL of whichever copy came
// first (the other one changed nothing).
StoryId StoryOf(Store& store, const std::string& manifest_path) {
  std::vector<std::string> urls = {
      NewsManifest().at("pages").at(manifest_path).at("canonical_url")};
  for (const auto& d : NewsManifest().at("duplicates")) {
    std::string other = d.at("file") == manifest_path ? d.at("duplicate_of") : d.at("file");
    if (d.at("file") == manifest_path || d.at("duplicate_of") == manifest_path) {
      urls.push_back(NewsManifest().at("pages").at(other).at("canonical_url"));
    }
  }
  for (const std::string& url : urls) {
    auto id = store.FindArticleByUrl(url);
    if (id.ok() && id->has_value()) return (*store.GetArticle(**id))->story;
  }
  ADD_FAILURE() << manifest_path << " is not stored under " << urls[0];
  return 0;
}

std::size_t ArticlesExpected() {
  return NewsManifest().at("pages").size() - NewsManifest().at("duplicates").size() -
         NewsManifest().at("updates").size();
}

TEST(IngestPaths, GroupsTheFixtureEventsWithTheirOutletCounts) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  auto summary = IngestPaths({FixturePath("news")}, *store);
  ASSERT_TRUE(summary.ok()) << summary.status().message();
  EXPECT_TRUE(summary->failures.empty());
  EXPECT_EQ(summary->added, ArticlesExpected());
  EXPECT_EQ(summary->duplicates, NewsManifest().at("duplicates").size());

  std::set<StoryId> event_stories;
  for (const auto& event : NewsManifest().at("events")) {
    SCOPED_TRACE(event.at("event").get<std::string>());
    StoryId story = StoryOf(*store, event.at("articles").at(0));
    for (const auto& path : event.at("articles")) EXPECT_EQ(StoryOf(*store, path), story) << path;
    auto detail = store->GetStory(story);
    ASSERT_TRUE(detail.ok() && detail->has_value());
    EXPECT_EQ((*detail)->summary.sources(), event.at("outlets").size());
    EXPECT_EQ((*detail)->summary.article_count, event.at("articles").size());
    EXPECT_TRUE(event_stories.insert(story).second) << "two events share story " << story;
  }
  for (const auto& path : NewsManifest().at("singles")) {
    StoryId story = StoryOf(*store, path);
    EXPECT_FALSE(event_stories.count(story)) << path << " joined an event's story";
    EXPECT_EQ((*store->GetStory(story))->summary.article_count, 1u) << path;
  }
  auto stats = store->Stats();
  EXPECT_EQ(stats->stories,
            NewsManifest().at("events").size() + NewsManifest().at("singles").size());
  auto problems = store->Verify();
  ASSERT_TRUE(problems.ok());
  EXPECT_TRUE(problems->empty()) << (*problems)[0];
}

TEST(IngestPaths, ALaterVersionOfAUrlReplacesTheOldOneInItsStory) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  ASSERT_TRUE(IngestPaths({FixturePath("news")}, *store).ok());
  const auto& update = NewsManifest().at("updates").at(0);
  std::string original = update.at("updates");
  StoryId story_before = StoryOf(*store, original);
  std::size_t articles_before = (*store->GetStory(story_before))->summary.article_count;

  auto summary = IngestPaths({FixturePath("news-update")}, *store);
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->updated, 1u);
  EXPECT_EQ(summary->added, 0u);
  std::string url =
      NewsManifest().at("pages").at(update.at("file").get<std::string>()).at("canonical_url");
  auto id = store->FindArticleByUrl(url);
  auto article = store->GetArticle(**id);
  EXPECT_EQ((*article)->article.title,
            NewsManifest().at("pages").at(update.at("file").get<std::string>()).at("title"));
  EXPECT_EQ((*article)->story, story_before);
  EXPECT_EQ((*store->GetStory(story_before))->summary.article_count, articles_before);
  EXPECT_EQ(store->Stats()->articles, ArticlesExpected());

  // The older version, ingested again, does not replace the update.
  auto again = IngestPaths({FixturePath(original)}, *store);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->updated, 0u);
  EXPECT_EQ((*store->GetArticle(**id))->article.title,
            NewsManifest().at("pages").at(update.at("file").get<std::string>()).at("title"));
  auto problems = store->Verify();
  ASSERT_TRUE(problems.ok());
  EXPECT_TRUE(problems->empty()) << (*problems)[0];
}

TEST(IngestPaths, IngestingTheSameFilesAgainChangesNothing) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  ASSERT_TRUE(IngestPaths({FixturePath("news")}, *store).ok());
  auto before = store->ListStories({});
  auto again = IngestPaths({FixturePath("news")}, *store);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->added + again->updated, 0u);
  EXPECT_EQ(again->duplicates,
            NewsManifest().at("pages").size() - NewsManifest().at("updates").size());
  auto after = store->ListStories({});
  ASSERT_EQ(before->size(), after->size());
  for (std::size_t i = 0; i < before->size(); ++i) {
    EXPECT_EQ((*before)[i].id, (*after)[i].id);
    EXPECT_EQ((*before)[i].article_count, (*after)[i].article_count);
  }
}

TEST(IngestPaths, ReportsEachBadInputByNameAndStoresTheRest) {
  TempDir tmp;
  std::string in = tmp.Sub("in");
  fs::create_directories(in);
  for (const char* name : {"empty.html", "binary.html", "invalid-utf8.txt", "broken-sidecar.txt",
                           "broken-sidecar.meta.json"}) {
    fs::copy_file(FixturePath(std::string("bad/") + name), in + "/" + name);
  }
  fs::copy_file(FixturePath("extract/relative-canonical.html"), in + "/good.html");
  fs::copy_file(FixturePath("extract/no-article-text.html"), in + "/shell.html");
  {
    std::string huge = "<html><body><p>" + std::string(50u << 20, 'a') + "</p></body></html>";
    testing::WriteFileOrDie(in + "/huge.html", huge);
  }
  fs::create_symlink(in + "/gone.html.target", in + "/dangling.html");
  auto store = OpenOrDie(tmp.Sub("db"));
  auto summary = IngestPaths({in, tmp.Sub("no-such-folder")}, *store);
  ASSERT_TRUE(summary.ok()) << summary.status().message();
  EXPECT_EQ(summary->added, 1u);
  std::map<std::string, std::string> failed;
  for (const auto& f : summary->failures)
    failed[fs::path(f.input).filename().string()] = f.status.message();
  EXPECT_EQ(failed.size(), 8u);
  EXPECT_EQ(failed["empty.html"], "empty input");
  EXPECT_NE(failed["binary.html"].find("binary data"), std::string::npos);
  EXPECT_NE(failed["invalid-utf8.txt"].find("not valid UTF-8"), std::string::npos);
  EXPECT_NE(failed["broken-sidecar.txt"].find("broken-sidecar.meta.json: malformed JSON"),
            std::string::npos)
      << failed["broken-sidecar.txt"];
  EXPECT_EQ(failed["shell.html"], "no article text");
  EXPECT_NE(failed["huge.html"].find("over the limit"), std::string::npos);
  EXPECT_TRUE(failed.count("dangling.html")) << "a dangling link is an input that failed";
  EXPECT_EQ(failed["no-such-folder"], "no such file or directory");
  EXPECT_EQ(store->Stats()->articles, 1u);
}

TEST(IngestPaths, ARunWithFailuresLeavesWhatWasStoredBeforeIntact) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  ASSERT_TRUE(IngestPaths({FixturePath("news")}, *store).ok());
  auto before = store->Stats();
  std::map<std::string, ArticleId> stored;  // canonical URL → id, before the second run
  for (const auto& [path, page] : NewsManifest().at("pages").items()) {
    auto id = store->FindArticleByUrl(page.at("canonical_url").get<std::string>());
    if (id.ok() && id->has_value()) stored[page.at("canonical_url")] = **id;
  }
  // Bad inputs mixed with new articles that do reach the store.
  auto mixed = IngestPaths({FixturePath("bad"), FixturePath("extract/relative-canonical.html"),
                            FixturePath("extract/loose-text-body.html")},
                           *store);
  ASSERT_TRUE(mixed.ok());
  EXPECT_EQ(mixed->added, 2u);
  EXPECT_FALSE(mixed->failures.empty());
  EXPECT_EQ(store->Stats()->articles, before->articles + 2);
  for (const auto& [url, id] : stored) {
    auto found = store->FindArticleByUrl(url);
    ASSERT_TRUE(found.ok() && found->has_value()) << url;
    EXPECT_EQ(**found, id) << url;
  }
  auto problems = store->Verify();
  ASSERT_TRUE(problems.ok());
  EXPECT_TRUE(problems->empty()) << (*problems)[0];
}

TEST(IngestPaths, WalksFoldersDepthFirstInNameOrderSkippingHiddenFoldersAndLinksToFolders) {
  // Every file here is empty, so each one read shows up as a failure, in
  // the order it was read.
  TempDir tmp;
  const std::string in = tmp.Sub("in");
  for (const char* dir : {"a/c", ".git", "b"}) fs::create_directories(in + "/" + dir);
  for (const char* file : {"b.html", "a/z.txt", "a/c/y.html", "a.html", ".git/x.html", "b/w.htm",
                           "notes.md", "a/c/v.meta.json"}) {
    testing::WriteFileOrDie(in + "/" + file, "");
  }
  fs::create_directory_symlink(in + "/a", in + "/link");  // would read a/ twice
  auto store = OpenOrDie(tmp.Sub("db"));
  // A file named on the command line comes where it is named, before the
  // folder that holds it too.
  auto summary = IngestPaths({in + "/b.html", in}, *store);
  ASSERT_TRUE(summary.ok()) << summary.status().message();
  std::vector<std::string> read;
  for (const auto& f : summary->failures) {
    read.push_back(fs::relative(f.input, in).string());
    EXPECT_EQ(f.status.message(), "empty input") << f.input;
  }
  const std::vector<std::string> expected = {"b.html", "a/c/y.html", "a/z.txt",
                                             "a.html", "b/w.htm",    "b.html"};
  EXPECT_EQ(read, expected);
  EXPECT_EQ(summary->inputs, expected.size());
}

TEST(IngestPaths, ReadingOnSeveralThreadsStoresWhatOneThreadStores) {
  // Files are read on several threads and committed on one, in order: the
  // stories (as sets of URLs), counts and failures do not depend on it.
  auto run = [](std::size_t threads, const std::string& dir) {
    auto store = OpenOrDie(dir);
    IngestOptions options;
    options.read_threads = threads;
    options.batch_size = 7;  // several chunks, read while the last is committed
    auto summary = IngestPaths({FixturePath("news"), FixturePath("bad")}, *store, options);
    EXPECT_TRUE(summary.ok());
    std::set<std::set<std::string>> stories;
    auto listed = store->ListStories({});
    EXPECT_TRUE(listed.ok());
    for (const StorySummary& story : *listed) {
      auto detail = store->GetStory(story.id);
      EXPECT_TRUE(detail.ok() && detail->has_value());
      std::set<std::string> urls;
      for (const StoredArticle& a : (*detail)->articles) urls.insert(a.article.canonical_url);
      stories.insert(urls);
    }
    std::vector<std::string> failed;
    for (const auto& f : summary->failures) failed.push_back(f.input);
    return std::tuple(summary->added, summary->duplicates, failed, stories);
  };
  TempDir tmp;
  const auto one = run(1, tmp.Sub("one"));
  const auto four = run(4, tmp.Sub("four"));
  EXPECT_GT(std::get<0>(one), 0u);
  EXPECT_FALSE(std::get<2>(one).empty());  // fixtures/bad fails, in file order
  EXPECT_EQ(one, four);
}

TEST(IngestPaths, ReportsProgressUpToTheTotal) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  IngestProgress last;
  std::size_t calls = 0;
  ASSERT_TRUE(IngestPaths({FixturePath("news")}, *store, {}, [&](const IngestProgress& p) {
                ++calls;
                last = p;
              }).ok());
  EXPECT_GT(calls, 1u);
  EXPECT_EQ(last.done, last.total);
  EXPECT_EQ(last.added + last.duplicates, last.total);
}

}  // namespace
}  // namespace newsdesk
