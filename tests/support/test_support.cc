#include "tests/support/test_support.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace newsdesk::testing {

TempDir::TempDir() {
  const char* tmp = std::getenv("TMPDIR");
  std::string tmpl = std::string(tmp && *tmp ? tmp : "/tmp") + "/newsdesk-test-XXXXXX";
  if (mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string FixturePath(const std::string& relative) {
  return std::string(NEWSDESK_SOURCE_DIR) + "/fixtures/" + relative;
}

std::string ReadFileOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFileOrDie(const std::string& path, const std::string& contents) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  out << contents;
  if (!out) throw std::runtime_error("cannot write " + path);
}

const nlohmann::json& NewsManifest() {
  static const nlohmann::json manifest =
      nlohmann::json::parse(ReadFileOrDie(FixturePath("news.expected.json")));
  return manifest;
}

namespace {

// Starts the newsdesk binary with `args`, stdin from /dev/null, stdout and
// stderr to the given files, the environment this process's plus `env`.
pid_t Spawn(const std::vector<std::string>& args, const std::string& out_path,
            const std::string& err_path, const std::vector<std::string>& env) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  std::vector<std::string> argv_storage = {NEWSDESK_BINARY};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_storage) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_storage;
  for (char** e = environ; *e != nullptr; ++e) env_storage.emplace_back(*e);
  env_storage.insert(env_storage.end(), env.begin(), env.end());
  std::vector<char*> envp;
  for (auto& e : env_storage) envp.push_back(e.data());
  envp.push_back(nullptr);
  pid_t pid;
  const int rc = posix_spawn(&pid, NEWSDESK_BINARY, &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start " NEWSDESK_BINARY);
  return pid;
}

}  // namespace

CommandResult RunNewsdesk(const std::vector<std::string>& args,
                          const std::vector<std::string>& env) {
  TempDir io;
  const std::string out_path = io.Sub("stdout"), err_path = io.Sub("stderr");
  CommandResult r;
  r.exit_code = WaitNewsdesk(Spawn(args, out_path, err_path, env));
  r.out = ReadFileOrDie(out_path);
  r.err = ReadFileOrDie(err_path);
  return r;
}

int StartNewsdesk(const std::vector<std::string>& args) {
  return Spawn(args, "/dev/null", "/dev/null", {});
}

void KillNewsdesk(int pid) {
  kill(pid, SIGKILL);
  WaitNewsdesk(pid);
}

int WaitNewsdesk(int pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::multiset<std::set<std::string>> StoryUrlSets(const std::string& db) {
  auto r = RunNewsdesk({"stories", "--json", "--limit", "1000000", "--db", db});
  if (r.exit_code != 0) throw std::runtime_error("newsdesk stories failed: " + r.err);
  const nlohmann::json j = nlohmann::json::parse(r.out);
  std::multiset<std::set<std::string>> out;
  for (const auto& story : j.at("stories")) {
    std::set<std::string> urls;
    for (const auto& a : story.at("articles")) urls.insert(a.at("url").get<std::string>());
    out.insert(urls);
  }
  return out;
}

}  // namespace newsdesk::testing
