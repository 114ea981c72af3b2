// A full disk during an ingest: the database sits on a small tmpfs. The run
// stops with a message that says what happened and that what was stored is
// kept; the database checks clean; once there is room, the same ingest
// finishes the job. Needs root to mount a tmpfs: skips where it cannot.
#include <gtest/gtest.h>
#include <sys/mount.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/support/test_support.h"

namespace newsdesk {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::RunNewsdesk;
using testing::TempDir;

// `n` short plain-text articles of invented events, with sidecars.
void WriteArticles(const std::string& dir, std::size_t n) {
  fs::create_directories(dir);
  static const char* kTowns[] = {"Ashcombe", "Tollbridge", "Greyhaven", "Northfold", "Vellmouth"};
  static const char* kFirms[] = {"Tarrant Freight", "Harrow Mills", "Selden Power", "Brisk Rail"};
  for (std::size_t i = 0; i < n; ++i) {
    const std::string town = kTowns[i / 5 % 5], firm = kFirms[i / 25 % 4];
    const std::string name = dir + "/a" + std::to_string(i);
    testing::WriteFileOrDie(
        name + ".txt", firm + " changes plans in " + town + " (" + std::to_string(i) + ")\n\n" +
                           firm + " said on Monday it would close its depot in " + town +
                           ", affecting " + std::to_string(40 + i % 300) +
                           " workers.\n\nThe council in " + town +
                           " said it had not been told in advance.\n\nUnion officials said they "
                           "would meet the company next week, item " +
                           std::to_string(i) + ".\n");
    testing::WriteFileOrDie(
        name + ".meta.json",
        json{{"url", "https://outlet" + std::to_string(i % 5) + ".example/" + std::to_string(i)},
             {"outlet", "Outlet " + std::to_string(i % 5)},
             {"published", "2026-10-" + std::to_string(10 + i / 25 % 18) + "T09:00:00Z"}}
            .dump());
  }
}

class Tmpfs {
 public:
  Tmpfs(const std::string& dir, const std::string& size) : dir_(dir) {
    fs::create_directories(dir);
    mounted_ = mount("tmpfs", dir.c_str(), "tmpfs", 0, ("size=" + size).c_str()) == 0;
    if (!mounted_) error_ = std::strerror(errno);
  }
  ~Tmpfs() {
    if (mounted_) umount2(dir_.c_str(), MNT_DETACH);
  }
  Tmpfs(const Tmpfs&) = delete;  // owns a mount
  Tmpfs& operator=(const Tmpfs&) = delete;
  bool Resize(const std::string& size) {
    return mount("tmpfs", dir_.c_str(), "tmpfs", MS_REMOUNT, ("size=" + size).c_str()) == 0;
  }
  bool mounted() const { return mounted_; }
  const std::string& error() const { return error_; }

 private:
  std::string dir_;
  bool mounted_ = false;
  std::string error_;
};

std::size_t StoredArticles(const std::string& db) {
  auto stats = RunNewsdesk({"stats", "--json", "--db", db});
  EXPECT_EQ(stats.exit_code, 0) << stats.err;
  json j = json::parse(stats.out, nullptr, false);
  return j.is_discarded() ? 0 : j.at("articles").get<std::size_t>();
}

TEST(DiskFull, TheIngestStopsSayingSoKeepsWhatItStoredAndFinishesOnceThereIsRoom) {
  TempDir tmp;
  const std::size_t n = 600;
  WriteArticles(tmp.Sub("in"), n);
  Tmpfs disk(tmp.Sub("disk"), "2m");
  if (!disk.mounted()) GTEST_SKIP() << "cannot mount a tmpfs here (" << disk.error() << ")";
  const std::string db = tmp.Sub("disk") + "/db";

  auto full = RunNewsdesk({"ingest", tmp.Sub("in"), "--db", db});
  EXPECT_EQ(full.exit_code, 1) << full.out << full.err;
  EXPECT_NE(full.err.find("the disk is full"), std::string::npos) << full.err;
  EXPECT_NE(full.err.find("everything stored before is kept"), std::string::npos) << full.err;
  EXPECT_EQ(full.err.find("Assertion"), std::string::npos) << full.err;

  auto check = RunNewsdesk({"check", "--db", db});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  const std::size_t kept = StoredArticles(db);
  EXPECT_GT(kept, 0u);
  EXPECT_LT(kept, n);

  ASSERT_TRUE(disk.Resize("64m"));
  auto again = RunNewsdesk({"ingest", tmp.Sub("in"), "--db", db});
  EXPECT_EQ(again.exit_code, 0) << again.out << again.err;
  EXPECT_EQ(StoredArticles(db), n);
  check = RunNewsdesk({"check", "--db", db});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
}

}  // namespace
}  // namespace newsdesk
