#include "store/store.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <rocksdb/db.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xxhash.h>

#include <atomic>
#include <filesystem>
#include <map>
#include <thread>

#include "tests/support/test_support.h"

namespace newsdesk {
namespace {

using testing::ReadFileOrDie;
using testing::TempDir;
namespace fs = std::filesystem;

Article MakeArticle(std::string url, std::string outlet, std::string title, std::string text,
                    UnixSeconds published = 1791963000) {
  Article a;
  a.url = url;
  a.canonical_url = std::move(url);
  a.outlet = std::move(outlet);
  a.title = std::move(title);
  a.text = std::move(text);
  a.published = published;
  return a;
}

const Article kFire = MakeArticle(
    "https://brennockpost.example/fire", "Brennock Post", "Warehouse fire closes Brennock docks",
    "A fire at a timber warehouse on Brennock docks burned through the night.\n\nCrews from three "
    "stations fought the blaze, and the harbour master closed the docks to shipping.");

// Every invariant between records and indexes holds.
void ExpectConsistent(const Store& store) {
  auto problems = store.Verify();
  ASSERT_TRUE(problems.ok()) << problems.status().message();
  for (const std::string& p : *problems) ADD_FAILURE() << p;
}

std::unique_ptr<Store> OpenOrDie(const std::string& dir) {
  auto s = Store::OpenForWrite(dir);
  EXPECT_TRUE(s.ok()) << s.status().message();
  return s.ok() ? std::move(s).value() : nullptr;
}

// Every file's bytes, to show that a refused open changed nothing.
std::map<std::string, std::uint64_t> Snapshot(const std::string& dir) {
  std::map<std::string, std::uint64_t> files;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::string bytes = ReadFileOrDie(e.path().string());
    files[e.path().filename().string()] = XXH3_64bits(bytes.data(), bytes.size());
  }
  return files;
}

TEST(Store, KeepsWhatWasCommittedAcrossReopening) {
  TempDir tmp;
  ArticleId id;
  {
    auto store = OpenOrDie(tmp.path());
    Article a = kFire;
    a.url = "https://brennockpost.example/fire?utm_source=feed";
    a.byline = "Ada Quill";
    auto outcome = store->Commit(a);
    ASSERT_TRUE(outcome.ok()) << outcome.status().message();
    EXPECT_EQ(outcome->kind, CommitKind::kNew);
    id = outcome->article;
  }
  auto store = Store::OpenForRead(tmp.path());
  ASSERT_TRUE(store.ok()) << store.status().message();
  auto got = (*store)->GetArticle(id);
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ((*got)->article.title, kFire.title);
  EXPECT_EQ((*got)->article.text, kFire.text);
  EXPECT_EQ((*got)->article.byline, "Ada Quill");
  EXPECT_EQ((*got)->article.published, kFire.published);
  EXPECT_EQ(*(*store)->FindArticleByUrl("https://brennockpost.example/fire"), id);
  EXPECT_EQ(*(*store)->FindArticleByUrl("https://BRENNOCKPOST.example/fire?utm_source=feed#top"),
            id);
  EXPECT_EQ(*(*store)->FindArticleByUrl("https://brennockpost.example/other"), std::nullopt);
  EXPECT_EQ((*store)->Stats()->articles, 1u);
}

TEST(Store, CommittingTheSameArticleAgainChangesNothing) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  auto first = store->Commit(kFire);
  ASSERT_TRUE(first.ok());
  auto second = store->Commit(kFire);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->kind, CommitKind::kDuplicate);
  EXPECT_EQ(second->article, first->article);
  EXPECT_EQ(second->story, first->story);
  auto stats = store->Stats();
  EXPECT_EQ(stats->articles, 1u);
  EXPECT_EQ(stats->stories, 1u);
  EXPECT_EQ((*store->GetStory(first->story))->summary.article_count, 1u);
}

TEST(Store, SameContentFromTheSameOutletUnderAnotherUrlIsADuplicate) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  auto first = store->Commit(kFire);
  Article amp = kFire;
  amp.url = amp.canonical_url = "https://brennockpost.example/amp/fire";
  auto second = store->Commit(amp);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->kind, CommitKind::kDuplicate);
  EXPECT_EQ(second->article, first->article);
  EXPECT_EQ(*store->FindArticleByUrl("https://brennockpost.example/amp/fire"), std::nullopt);
}

TEST(Store, SameTextFromAnotherOutletIsAnotherSource) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  auto first = store->Commit(kFire);
  Article syndicated = kFire;
  syndicated.url = syndicated.canonical_url = "https://coastnews.example/brennock-fire";
  syndicated.outlet = "Coast News";
  auto second = store->Commit(syndicated);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->kind, CommitKind::kNew);
  EXPECT_NE(second->article, first->article);
  EXPECT_EQ(second->story, first->story);
  EXPECT_EQ((*store->GetStory(first->story))->summary.sources(), 2u);
}

TEST(Store, AnUpdatedArticleReplacesItsOldVersionAndEveryIndexOfIt) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  auto first = store->Commit(kFire);
  Article v2 = kFire;
  v2.title = "Warehouse fire closes Brennock docks for a second day";
  v2.text += "\n\nThe docks stayed closed on Tuesday while investigators worked.";
  auto second = store->Commit(v2);
  ASSERT_TRUE(second.ok()) << second.status().message();
  EXPECT_EQ(second->kind, CommitKind::kUpdated);
  EXPECT_EQ(second->article, first->article);
  auto got = store->GetArticle(first->article);
  EXPECT_EQ((*got)->article.title, v2.title);
  EXPECT_EQ((*got)->article.text, v2.text);
  auto stats = store->Stats();
  EXPECT_EQ(stats->articles, 1u);
  EXPECT_EQ(stats->stories, 1u);
  auto story = store->GetStory(second->story);
  ASSERT_TRUE(story.ok() && story->has_value());
  EXPECT_EQ((*story)->summary.article_count, 1u);
  EXPECT_EQ((*story)->summary.title, v2.title);
  // The old version's fingerprint went with it: its content is an update again.
  auto third = store->Commit(kFire);
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(third->kind, CommitKind::kUpdated);
  ExpectConsistent(*store);
}

TEST(Store, ACopyAtAnotherOutletClaimingTheCanonicalUrlIsStoredAsItsOwn) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  auto original = store->Commit(kFire);
  Article copy = kFire;
  copy.outlet = "Wire Mirror";
  copy.url = "https://wiremirror.example/brennock-fire";  // canonical still names the original
  auto second = store->Commit(copy);
  ASSERT_TRUE(second.ok()) << second.status().message();
  EXPECT_EQ(second->kind, CommitKind::kNew);
  EXPECT_EQ(store->Stats()->articles, 2u);
  EXPECT_EQ(*store->FindArticleByUrl(kFire.canonical_url), original->article);
  EXPECT_EQ(*store->FindArticleByUrl(copy.url), second->article);
  EXPECT_EQ((*store->GetArticle(original->article))->article.outlet, "Brennock Post");
  ExpectConsistent(*store);
}

TEST(Store, AFetchedUrlNeverTakesTheCanonicalUrlOfAnotherArticle) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  auto first = store->Commit(kFire);
  Article moved = MakeArticle("https://brennockpost.example/docks-reopen", "Brennock Post",
                              "Brennock docks reopen", "The docks reopened on Wednesday morning.");
  moved.url = kFire.canonical_url;  // read at the first article's address (a redirect)
  auto second = store->Commit(moved);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->kind, CommitKind::kNew);
  Article v2 = kFire;
  v2.text += "\n\nInvestigators named the cause on Thursday.";
  auto third = store->Commit(v2);
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(third->kind, CommitKind::kUpdated);
  EXPECT_EQ(third->article, first->article);
  EXPECT_EQ((*store->GetArticle(second->article))->article.title, "Brennock docks reopen");
  EXPECT_EQ(*store->FindArticleByUrl(kFire.canonical_url), first->article);
  EXPECT_EQ(*store->FindArticleByUrl(moved.canonical_url), second->article);
  ExpectConsistent(*store);
}

TEST(Store, AReusedFetchedUrlKeepsFindingTheArticleThatHadItFirst) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  Article day1 = MakeArticle("https://brennockpost.example/live/day1", "Brennock Post",
                             "Live: fire at the docks", "The fire started after midnight.");
  day1.url = "https://brennockpost.example/live";
  Article day2 = MakeArticle("https://brennockpost.example/live/day2", "Brennock Post",
                             "Live: docks reopen", "The docks reopened at noon.");
  day2.url = day1.url;
  auto a1 = store->Commit(day1);
  auto a2 = store->Commit(day2);
  ASSERT_TRUE(a1.ok() && a2.ok());
  EXPECT_EQ(*store->FindArticleByUrl("https://brennockpost.example/live"), a1->article);
  Article corrected = day1;
  corrected.url = corrected.canonical_url;
  corrected.text += " It was put out by six.";
  ASSERT_TRUE(store->Commit(corrected).ok());
  EXPECT_EQ(*store->FindArticleByUrl(day2.canonical_url), a2->article);
  ExpectConsistent(*store);
}

TEST(Store, AnOlderVersionDoesNotReplaceANewerOne) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  Article v1 = kFire;
  v1.modified = *kFire.published;
  Article v2 = kFire;
  v2.text += " Investigators found the cause.";
  v2.modified = *kFire.published + 7200;
  ASSERT_TRUE(store->Commit(v1).ok());
  ASSERT_EQ(store->Commit(v2)->kind, CommitKind::kUpdated);
  auto again = store->Commit(v1);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->kind, CommitKind::kStale);
  EXPECT_EQ((*store->GetArticle(again->article))->article.text, v2.text);
  ExpectConsistent(*store);
}

TEST(Store, AnArticleAloneInItsStoryKeepsTheStoryIdWhenUpdated) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  auto first = store->Commit(kFire);
  Article v2 = kFire;
  v2.text += " The harbour master reopened the docks at noon.";
  auto second = store->Commit(v2);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->story, first->story);
  EXPECT_EQ(store->Stats()->stories, 1u);
  ExpectConsistent(*store);
}

// A seeded mix of new articles, updates that stay, updates that move to
// another story, duplicates and stale versions; the indexes must agree with
// the records after every step.
TEST(Store, IndexesAgreeWithRecordsAfterAnyMixOfCommits) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  const std::vector<std::string> topics = {
      "A fire at a timber warehouse on the docks burned through the night",
      "The school board voted to merge two primary schools after a long meeting",
      "The cycling tour's hill stage went to a late attack on the final climb",
      "Dockworkers walked out over automation plans at the container port"};
  const std::vector<std::string> outlets = {"Brennock Post", "Coast News", "Shire Times"};
  std::uint32_t seed = 20261122;
  auto next = [&seed](std::uint32_t n) {
    seed = seed * 1664525u + 1013904223u;
    return (seed >> 8) % n;
  };
  for (int step = 0; step < 200; ++step) {
    std::uint32_t slot = next(12);
    Article a =
        MakeArticle(fmt::format("https://news{}.example/a{}", slot % 3, slot), outlets[slot % 3],
                    fmt::format("Report {} on {}", slot, next(4)),
                    topics[next(4)] + ". " + topics[next(4)] + fmt::format(" ({}).", next(5)),
                    1791963000 + next(10) * 86400);
    a.modified = *a.published + next(7200);
    if (next(4) == 0) a.url = fmt::format("https://news{}.example/live", slot % 3);
    auto o = store->Commit(a);
    ASSERT_TRUE(o.ok()) << o.status().message();
    if (step % 25 == 24) {
      SCOPED_TRACE(step);
      ExpectConsistent(*store);
    }
  }
  ExpectConsistent(*store);
}

TEST(Store, VerifyReportsADamagedIndex) {
  TempDir tmp;
  {
    auto store = OpenOrDie(tmp.path());
    ASSERT_TRUE(store->Commit(kFire).ok());
    ExpectConsistent(*store);
  }
  {
    std::vector<std::string> names;
    ASSERT_TRUE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), tmp.path(), &names).ok());
    std::vector<rocksdb::ColumnFamilyDescriptor> cfs;
    for (auto& n : names) cfs.emplace_back(n, rocksdb::ColumnFamilyOptions());
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* db = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(rocksdb::DBOptions(), tmp.path(), cfs, &handles, &db).ok());
    auto doc_freq = std::find(names.begin(), names.end(), "doc_freq") - names.begin();
    ASSERT_TRUE(db->Delete(rocksdb::WriteOptions(), handles[doc_freq], "warehous").ok());
    for (auto* h : handles) db->DestroyColumnFamilyHandle(h).PermitUncheckedError();
    db->Close().PermitUncheckedError();
    delete db;
  }
  auto store = Store::OpenForRead(tmp.path());
  ASSERT_TRUE(store.ok());
  auto problems = (*store)->Verify();
  ASSERT_TRUE(problems.ok());
  ASSERT_EQ(problems->size(), 1u);
  EXPECT_EQ((*problems)[0], "document frequencies differ from a recount");
}

TEST(Store, RefusesArticlesWithoutUrlTitleOrText) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  Article a = kFire;
  a.text.clear();
  EXPECT_EQ(store->Commit(a).status().code(), Status::Code::kInvalidInput);
  EXPECT_EQ(store->Stats()->articles, 0u);
}

TEST(Store, AWriterKilledBeforeItWroteItsDocumentFrequenciesLosesNone) {
  // Each article: "ferry" and a word of its own.
  auto article = [](int i) {
    const std::string own = std::string("harbourword") + static_cast<char>('a' + i);
    return MakeArticle(fmt::format("https://quaytimes.example/{}", i), "Quay Times",
                       fmt::format("Ferry notice {}", i),
                       fmt::format("The ferry timetable changes again, and {} is why.", own),
                       1791963000 + i * 3600);
  };
  StoreOptions options;
  options.doc_freq_batch = 3;
  TempDir tmp;
  { OpenOrDie(tmp.path())->Commit(kFire).status().IgnoreError(); }
  // A writer that stores five articles and dies without closing: the
  // counts of the first three are written (a batch), of the other two not.
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    auto store = Store::OpenForWrite(tmp.path(), options);
    if (!store.ok()) _exit(2);
    for (int i = 0; i < 5; ++i)
      if (!(*store)->Commit(article(i)).ok()) _exit(3);
    _exit(0);  // no destructor, no close
  }
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  ASSERT_EQ(WEXITSTATUS(status), 0);
  {
    // A reader finds all six articles consistent, and the last one by its
    // own word, whose count is not written yet.
    auto reader = Store::OpenForRead(tmp.path());
    ASSERT_TRUE(reader.ok()) << reader.status().message();
    EXPECT_EQ((*reader)->Stats()->articles, 6u);
    ExpectConsistent(**reader);
    SearchQuery q;
    q.text = "harbourworde";
    auto found = (*reader)->Search(q);
    ASSERT_TRUE(found.ok()) << found.status().message();
    EXPECT_EQ(found->hits.size(), 1u);
  }
  {
    // The next writer counts the two again and writes them.
    auto writer = Store::OpenForWrite(tmp.path(), options);
    ASSERT_TRUE(writer.ok()) << writer.status().message();
    ExpectConsistent(**writer);
    // An update writes the pending counts first, then its own.
    ASSERT_TRUE((*writer)->Commit(article(5)).ok());
    Article changed = article(0);
    changed.text = "The ferry timetable is settled now.";
    ASSERT_TRUE((*writer)->Commit(changed).ok());
    ExpectConsistent(**writer);
  }
  auto reader = Store::OpenForRead(tmp.path());
  ASSERT_TRUE(reader.ok());
  ExpectConsistent(**reader);
}

TEST(Store, ASecondWriterIsRefusedWhileReadersStillWork) {
  TempDir tmp;
  { OpenOrDie(tmp.path())->Commit(kFire).status().IgnoreError(); }
  int to_child[2], to_parent[2];
  ASSERT_EQ(pipe(to_child), 0);
  ASSERT_EQ(pipe(to_parent), 0);
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    // The writer: hold the database until told to let go.
    auto store = Store::OpenForWrite(tmp.path());
    char c = store.ok() ? 'y' : 'n';
    if (write(to_parent[1], &c, 1) != 1) _exit(3);
    if (read(to_child[0], &c, 1) != 1) _exit(4);
    _exit(store.ok() ? 0 : 2);
  }
  char c = 0;
  ASSERT_EQ(read(to_parent[0], &c, 1), 1);
  ASSERT_EQ(c, 'y');
  auto second = Store::OpenForWrite(tmp.path());
  EXPECT_EQ(second.status().code(), Status::Code::kBusy);
  EXPECT_NE(second.status().message().find("in use by another newsdesk writer"), std::string::npos)
      << second.status().message();
  auto reader = Store::OpenForRead(tmp.path());
  ASSERT_TRUE(reader.ok()) << reader.status().message();
  EXPECT_EQ((*reader)->Stats()->articles, 1u);
  ASSERT_EQ(write(to_child[1], "x", 1), 1);
  int status = 0;
  waitpid(pid, &status, 0);
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_TRUE(Store::OpenForWrite(tmp.path()).ok());  // free again
}

// A reader that opens while a writer works sees the database as it was
// after one commit: every index agrees with its records. The writer here
// opens, commits a few updates and closes, again and again; each close
// flushes every family's memtable, one family after another, and then
// deletes the write-ahead logs they no longer need, and compactions delete
// tables (a reader that read the manifest before such a flush and looked
// for the logs after it found some families without their latest writes,
// or failed on a table compacted away).
TEST(Store, ReadersOpeningWhileAWriterWorksSeeOneConsistentState) {
  TempDir tmp;
  { OpenOrDie(tmp.path())->Commit(kFire).status().IgnoreError(); }
  // The writer runs on a thread (RocksDB's background threads do not
  // survive a fork); readers do not lock the database, so it is as if
  // another process read it.
  std::atomic<bool> stop{false}, failed{false};
  std::atomic<int> cycles{0};
  std::string writer_error;
  std::thread writer([&] {
    const char* kWords[] = {"harbour", "council", "ferry",  "strike", "budget", "school",
                            "flood",   "bridge",  "tunnel", "market", "rail",   "mayor"};
    for (int i = 0; !stop;) {
      auto store = Store::OpenForWrite(tmp.path());
      Status s = store.status();
      for (int n = 0; s.ok() && n < 8; ++n, ++i) {
        std::string text;
        for (int w = 0; w < 30; ++w) text += std::string(kWords[(i * 7 + w * 5) % 12]) + " ";
        Article a = MakeArticle(fmt::format("https://news{}.example/a{}", i % 4, i % 24),
                                fmt::format("Outlet {}", i % 4),
                                fmt::format("Report {} on the {}", i % 24, kWords[i % 12]),
                                fmt::format("The {} will close on {} May, the council said. ",
                                            kWords[i % 12], 1 + i % 28) +
                                    text + ".",
                                1791963000 + i * 60);
        s = (*store)->Commit(a).status();
      }
      if (!s.ok()) {
        writer_error = s.message();
        failed = true;
        return;
      }
      ++cycles;
    }
  });
  // Reads go on until both enough reads and enough of the writer's closes
  // have happened (a loaded machine closes less often), for at most 2 min.
  const int kReads = 25, kCycles = 10;
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::minutes(2);
  while (cycles == 0 && !failed) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  int reads = 0;
  while ((reads < kReads || cycles < kCycles) && !failed && !HasFailure() &&
         std::chrono::steady_clock::now() < give_up) {
    SCOPED_TRACE(reads);
    auto reader = Store::OpenForRead(tmp.path());
    if (!reader.ok()) {
      ADD_FAILURE() << reader.status().message();
      break;
    }
    ++reads;
    ExpectConsistent(**reader);
  }
  const int written = cycles;
  stop = true;
  writer.join();
  EXPECT_EQ(writer_error, "");
  EXPECT_GE(reads, kReads);
  // The writer closed many times while the readers opened.
  EXPECT_GE(written, kCycles);
}

TEST(Store, RefusesADatabaseOfAnotherSchemaVersionAndLeavesItAlone) {
  TempDir tmp;
  { OpenOrDie(tmp.path())->Commit(kFire).status().IgnoreError(); }
  {
    std::vector<std::string> names;
    ASSERT_TRUE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), tmp.path(), &names).ok());
    std::vector<rocksdb::ColumnFamilyDescriptor> cfs;
    for (auto& n : names) cfs.emplace_back(n, rocksdb::ColumnFamilyOptions());
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* db = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(rocksdb::DBOptions(), tmp.path(), cfs, &handles, &db).ok());
    auto meta = std::find(names.begin(), names.end(), "meta") - names.begin();
    ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), handles[meta], "schema_version", "99").ok());
    for (auto* h : handles) db->DestroyColumnFamilyHandle(h).PermitUncheckedError();
    db->Close().PermitUncheckedError();
    delete db;
  }
  auto before = Snapshot(tmp.path());
  for (bool write : {true, false}) {
    auto s = write ? Store::OpenForWrite(tmp.path()) : Store::OpenForRead(tmp.path());
    EXPECT_EQ(s.status().code(), Status::Code::kSchemaMismatch);
    EXPECT_NE(s.status().message().find("schema version 99"), std::string::npos)
        << s.status().message();
    EXPECT_NE(s.status().message().find("new --db"), std::string::npos);
  }
  EXPECT_EQ(Snapshot(tmp.path()), before);
}

TEST(Store, RefusesADamagedDatabaseAndLeavesItAlone) {
  TempDir tmp;
  { OpenOrDie(tmp.path())->Commit(kFire).status().IgnoreError(); }
  std::string current = ReadFileOrDie(tmp.Sub("CURRENT"));
  std::string manifest = tmp.Sub(current.substr(0, current.find('\n')));
  testing::WriteFileOrDie(manifest, "this is not a RocksDB manifest, it was overwritten");
  auto before = Snapshot(tmp.path());
  auto s = Store::OpenForWrite(tmp.path());
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Status::Code::kCorruption) << s.status().message();
  EXPECT_NE(s.status().message().find("is damaged"), std::string::npos) << s.status().message();
  EXPECT_EQ(Store::OpenForRead(tmp.path()).status().code(), Status::Code::kCorruption);
  EXPECT_EQ(Snapshot(tmp.path()), before);
}

TEST(Store, RefusesAFolderThatIsNotADatabase) {
  TempDir tmp;
  testing::WriteFileOrDie(tmp.Sub("notes.txt"), "my notes");
  auto s = Store::OpenForWrite(tmp.path());
  EXPECT_EQ(s.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(s.status().message().find("holds no newsdesk database"), std::string::npos);
  EXPECT_TRUE(fs::exists(tmp.Sub("notes.txt")));
  EXPECT_FALSE(fs::exists(tmp.Sub("CURRENT")));
}

TEST(Store, ReadingAMissingDatabaseSaysToIngestFirst) {
  TempDir tmp;
  auto s = Store::OpenForRead(tmp.Sub("nothing-here"));
  EXPECT_EQ(s.status().code(), Status::Code::kNotFound);
  EXPECT_NE(s.status().message().find("newsdesk ingest"), std::string::npos);
  EXPECT_FALSE(fs::exists(tmp.Sub("nothing-here")));
}

}  // namespace
}  // namespace newsdesk
