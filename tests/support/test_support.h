// Helpers shared by the tests: temporary directories, fixture paths, running
// the newsdesk binary.
#ifndef NEWSDESK_TESTS_SUPPORT_TEST_SUPPORT_H_
#define NEWSDESK_TESTS_SUPPORT_TEST_SUPPORT_H_

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

namespace newsdesk::testing {

// A fresh directory under $TMPDIR, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;  // owns the directory
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string Sub(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// fixtures/<relative>
std::string FixturePath(const std::string& relative);
std::string ReadFileOrDie(const std::string& path);
void WriteFileOrDie(const std::string& path, const std::string& contents);
// fixtures/news.expected.json, parsed.
const nlohmann::json& NewsManifest();

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};
// Runs the newsdesk binary with `args`, no shell in between, in this
// process's environment plus `env` ("NAME=value" each).
CommandResult RunNewsdesk(const std::vector<std::string>& args,
                          const std::vector<std::string>& env = {});
// Starts the newsdesk binary with `args` without waiting for it (output
// discarded): its process id, for KillNewsdesk or WaitNewsdesk.
int StartNewsdesk(const std::vector<std::string>& args);
// SIGKILL, then reaps it.
void KillNewsdesk(int pid);
// Waits for it to end: its exit code (128 + signal when killed).
int WaitNewsdesk(int pid);
// The set of article URLs of each story in `db` (`newsdesk stories --json`),
// to compare two databases whose ids differ. Throws when the command fails.
std::multiset<std::set<std::string>> StoryUrlSets(const std::string& db);

}  // namespace newsdesk::testing

#endif  // NEWSDESK_TESTS_SUPPORT_TEST_SUPPORT_H_
