// feed_conformance DIR [--tier core|secondary|all] [--verbose]
// feed_conformance DIR --show CATEGORY/CASE   (prints what ParseFeed makes of one case)
//
// Measures how newsdesk's ParseFeed agrees with the oracle of the feed
// conformance corpus (../shared/data/feeds-conformance: inputs from
// feedparser's and universal_feed's test suites, each with the parse a mature
// feed parser made of it). Prints, per category, the cases, how many agree
// and the percentage, then the core-tier figure, crashes and timeouts.
//
// A case agrees when every one of these agrees:
//   - the number of entries;
//   - the feed's title (plain text), link, id and date (the oracle's
//     `updated`, or its `published` when it has no `updated`: Feed.updated
//     falls back the same way);
//   - per entry: title (plain text), link, id, published, updated, summary
//     and content (plain text).
// Normalization: plain text is compared after CollapseWhitespace on both
// sides (every Unicode white space run is one space, ends trimmed). Links
// are compared after CanonicalUrl on both sides (lower-case scheme and host,
// default port dropped), fragments compared verbatim. Ids are compared
// trimmed, verbatim. Dates agree when they are the same second in UTC. An
// oracle null (or "") agrees only with an empty or absent value. The
// oracle's summary is feedparser's, which copies an entry's content into its
// summary when the entry has none: so a non-null oracle summary is compared
// with our summary, or with our content when we have no summary, while a
// null oracle summary needs our summary empty. Such a copied summary (no
// summary_type, the same value as content[0]) had its oracle text derived as
// HTML whatever the content's type, so it is left to the content comparison.
//
// Every case runs in a child process with a time limit, so a crash or a hang
// is counted, not fatal. The date-parser cases in dates/ are reported on
// their own (against the upstream expectation of each format's parser).
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "extract/extract.h"

namespace newsdesk::conformance {

// Time one case may take before it counts as a hang.
constexpr int kCaseTimeoutMs = 10000;

enum class Outcome { kAgree, kDisagree, kCrash, kTimeout, kNoInput };

struct CaseResult {
  std::string name, category, tier;
  Outcome outcome = Outcome::kNoInput;
  std::string difference;  // the first field that differs, when it disagrees
  bool bozo_agrees = false;
};

struct DateResult {
  int cases = 0, agreed = 0;
  std::vector<std::string> differences;
};

inline std::string ReadFile(const std::string& path, bool* ok) {
  std::ifstream in(path, std::ios::binary);
  *ok = static_cast<bool>(in);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string Str(const nlohmann::json& j, const char* key) {
  if (!j.is_object() || !j.contains(key) || !j[key].is_string()) return {};
  return j[key].get<std::string>();
}

inline std::string NormText(std::string_view s) { return CollapseWhitespace(s); }

inline std::string NormUrl(const std::string& s) {
  std::string t = CollapseWhitespace(s);
  if (t.empty()) return t;
  std::size_t hash = t.find('#');
  std::string fragment = hash == std::string::npos ? "" : t.substr(hash);
  if (auto c = CanonicalUrl(t)) return *c + fragment;
  return t;
}

inline std::string Quote(const std::string& s) {
  std::string q = s.size() > 120 ? s.substr(0, 120) + "…" : s;
  return "'" + q + "'";
}

// The first difference between the oracle's parse and ours; empty if none.
inline std::string Compare(const nlohmann::json& oracle, const Feed& feed) {
  auto text = [](const std::string& field, const std::string& want,
                 const std::string& got) -> std::string {
    if (NormText(want) == NormText(got)) return {};
    return field + ": oracle " + Quote(NormText(want)) + ", ours " + Quote(NormText(got));
  };
  auto url = [](const std::string& field, const std::string& want,
                const std::string& got) -> std::string {
    if (NormUrl(want) == NormUrl(got)) return {};
    return field + ": oracle " + Quote(want) + ", ours " + Quote(got);
  };
  auto date = [](const std::string& field, const nlohmann::json& want,
                 const std::optional<UnixSeconds>& got) -> std::string {
    std::string w = want.is_string() ? want.get<std::string>() : "";
    std::string g = got ? FormatIsoUtc(*got) : "";
    if (w == g) return {};
    return field + ": oracle " + Quote(w.empty() ? "null" : w) + ", ours " +
           Quote(g.empty() ? "null" : g);
  };
  const nlohmann::json& f = oracle["feed"];
  std::string d;
  if (!(d = text("feed.title", Str(f, "title_text"), feed.title)).empty()) return d;
  if (!(d = url("feed.link", Str(f, "link"), feed.link)).empty()) return d;
  if (!(d = text("feed.id", Str(f, "id"), feed.id)).empty()) return d;
  if (!(d = text("feed.language", Str(f, "language"), feed.language)).empty()) return d;
  const nlohmann::json& feed_date =
      f.contains("updated") && f["updated"].is_string() ? f["updated"] : f["published"];
  if (!(d = date("feed.updated", feed_date, feed.updated)).empty()) return d;
  const nlohmann::json& entries = oracle["entries"];
  if (entries.size() != feed.entries.size()) {
    return "entries: oracle " + std::to_string(entries.size()) + ", ours " +
           std::to_string(feed.entries.size());
  }
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const nlohmann::json& o = entries[i];
    const FeedEntry& e = feed.entries[i];
    std::string at = "entry[" + std::to_string(i) + "].";
    if (!(d = text(at + "title", Str(o, "title_text"), e.title)).empty()) return d;
    if (!(d = url(at + "link", Str(o, "link"), e.link)).empty()) return d;
    if (!(d = text(at + "id", Str(o, "id"), e.id)).empty()) return d;
    if (!(d = date(at + "published", o["published"], e.published)).empty()) return d;
    if (!(d = date(at + "updated", o["updated"], e.updated)).empty()) return d;
    // A summary feedparser copied from the content (no summary_type of its
    // own) had its text derived as HTML whatever the content's type: the
    // content comparison covers it.
    bool copied = o["summary_type"].is_null() && o.contains("content") && o["content"].is_array() &&
                  !o["content"].empty() && o["content"][0].is_object() &&
                  o["summary"] == o["content"][0]["value"];
    std::string summary = Str(o, "summary_text");
    std::string ours = summary.empty() || !e.summary.empty() ? e.summary : e.content;
    if (!copied && !(d = text(at + "summary", summary, ours)).empty()) return d;
    if (!(d = text(at + "content", Str(o, "content_text"), e.content)).empty()) return d;
  }
  return {};
}

// The feed URL and Content-Type an HTTP case was served with.
inline void HttpContext(const nlohmann::json& input, std::string& url, std::string& content_type) {
  url.clear();
  content_type.clear();
  if (!input.contains("http") || !input["http"].is_object()) return;
  const nlohmann::json& http = input["http"];
  url = Str(http, "url");
  std::string location;
  if (http.contains("response_headers")) {
    for (const auto& h : http["response_headers"]) {
      if (!h.is_array() || h.size() != 2) continue;
      std::string name = h[0].get<std::string>();
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (name == "content-type") content_type = h[1].get<std::string>();
      if (name == "content-location") location = h[1].get<std::string>();
    }
  }
  // Relative links resolve against Content-Location when the server gave one.
  if (!location.empty()) {
    if (auto resolved = CanonicalUrl(location, url)) url = *resolved;
  }
}

// Runs in the child: parses one case and writes "agree<TAB>bozo<TAB>diff".
inline std::string EvaluateCase(const std::string& dir, const nlohmann::json& c) {
  bool ok = false;
  std::string oracle_text = ReadFile(dir + "/" + c["oracle"].get<std::string>(), &ok);
  if (!ok) return "n\t0\tno oracle file";
  nlohmann::json oracle = nlohmann::json::parse(oracle_text, nullptr, false);
  if (oracle.is_discarded() || !oracle.contains("result") || !oracle["result"].is_object()) {
    return "n\t0\toracle has no result";
  }
  std::string bytes = ReadFile(dir + "/" + c["input"].get<std::string>(), &ok);
  if (!ok) return "n\t0\tno input file";
  std::string url, content_type;
  HttpContext(oracle["input"], url, content_type);
  Result<Feed> feed = ParseFeed(bytes, url, content_type);
  const nlohmann::json& result = oracle["result"];
  bool oracle_bozo = result.value("bozo", false);
  Feed empty;
  const Feed& parsed = feed.ok() ? *feed : empty;
  bool ours_bozo = !feed.ok() || parsed.ill_formed;
  // A refused input is compared as an empty feed: right when the oracle
  // found nothing either (an empty document), wrong otherwise.
  std::string diff = Compare(result, parsed);
  if (!feed.ok() && !diff.empty()) diff = "refused (" + feed.status().message() + "); " + diff;
  return std::string(diff.empty() ? "a" : "d") + "\t" + (oracle_bozo == ours_bozo ? "1" : "0") +
         "\t" + diff;
}

// Runs `c` in a child process, so a crash or a hang is reported, not fatal.
inline CaseResult RunCase(const std::string& dir, const nlohmann::json& c) {
  CaseResult r;
  r.name = c.value("case", "");
  r.category = c.value("category", "");
  r.tier = c.value("tier", "");
  int fds[2];
  if (pipe(fds) != 0) {
    r.outcome = Outcome::kCrash;
    r.difference = "pipe() failed";
    return r;
  }
  std::fflush(nullptr);
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    std::string line = EvaluateCase(dir, c);
    std::size_t done = 0;
    while (done < line.size()) {
      ssize_t n = write(fds[1], line.data() + done, line.size() - done);
      if (n <= 0) break;
      done += static_cast<std::size_t>(n);
    }
    close(fds[1]);
    _exit(0);
  }
  close(fds[1]);
  std::string line;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kCaseTimeoutMs);
  bool timed_out = false;
  while (true) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    deadline - std::chrono::steady_clock::now())
                    .count();
    if (left <= 0) {
      timed_out = true;
      break;
    }
    pollfd p{fds[0], POLLIN, 0};
    int ready = poll(&p, 1, static_cast<int>(left));
    if (ready <= 0) continue;
    char buf[4096];
    ssize_t n = read(fds[0], buf, sizeof buf);
    if (n <= 0) break;
    line.append(buf, static_cast<std::size_t>(n));
  }
  close(fds[0]);
  if (timed_out) kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  if (timed_out) {
    r.outcome = Outcome::kTimeout;
    r.difference = "no result within " + std::to_string(kCaseTimeoutMs) + " ms";
    return r;
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || line.size() < 4) {
    r.outcome = Outcome::kCrash;
    r.difference = WIFSIGNALED(status) ? "killed by signal " + std::to_string(WTERMSIG(status))
                                       : "exited without a result";
    return r;
  }
  r.outcome = line[0] == 'a'   ? Outcome::kAgree
              : line[0] == 'd' ? Outcome::kDisagree
                               : Outcome::kNoInput;
  r.bozo_agrees = line[2] == '1';
  r.difference = line.substr(4);
  return r;
}

inline bool InTier(const std::string& case_tier, const std::string& wanted) {
  return wanted == "all" || case_tier == wanted;
}

// All cases of `tier` ("core", "secondary" or "all") under `dir`.
inline std::vector<CaseResult> RunCorpus(const std::string& dir, const std::string& tier,
                                         std::string* error) {
  bool ok = false;
  std::string manifest_text = ReadFile(dir + "/manifest.json", &ok);
  if (!ok) {
    *error = "cannot read " + dir + "/manifest.json";
    return {};
  }
  nlohmann::json manifest = nlohmann::json::parse(manifest_text, nullptr, false);
  if (manifest.is_discarded() || !manifest.contains("cases")) {
    *error = dir + "/manifest.json is not a corpus manifest";
    return {};
  }
  std::vector<CaseResult> results;
  for (const nlohmann::json& c : manifest["cases"]) {
    if (!InTier(c.value("tier", ""), tier)) continue;
    results.push_back(RunCase(dir, c));
  }
  return results;
}

// ParseDateTime on the date-parser cases, against what each format's own
// parser is expected to return (null: unreadable).
inline DateResult RunDates(const std::string& dir) {
  DateResult r;
  bool ok = false;
  std::string text = ReadFile(dir + "/dates/feedparser_date_parsers.json", &ok);
  if (!ok) return r;
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.contains("cases")) return r;
  for (const auto& c : j["cases"]) {
    std::string input = Str(c, "input");
    std::string want = Str(c, "upstream_expected");
    std::optional<UnixSeconds> got = ParseDateTime(input);
    std::string g = got ? FormatIsoUtc(*got) : "";
    ++r.cases;
    if (g == want) {
      ++r.agreed;
    } else {
      r.differences.push_back(Quote(input) + " [" + Str(c, "format_family") + "]: expected " +
                              Quote(want.empty() ? "null" : want) + ", ours " +
                              Quote(g.empty() ? "null" : g));
    }
  }
  return r;
}

// What ParseFeed makes of one case, for looking into a disagreement.
inline void ShowCase(const std::string& dir, const std::string& name) {
  bool ok = false;
  std::string input;
  for (const char* ext : {".xml", ".jsonfeed"}) {
    input = ReadFile(dir + "/" + name + ext, &ok);
    if (ok) break;
  }
  std::string oracle_text = ReadFile(dir + "/" + name + ".json", &ok);
  nlohmann::json oracle = nlohmann::json::parse(oracle_text, nullptr, false);
  std::string url, content_type;
  if (!oracle.is_discarded() && oracle.contains("input")) {
    HttpContext(oracle["input"], url, content_type);
  }
  Result<Feed> feed = ParseFeed(input, url, content_type);
  if (!feed.ok()) {
    std::printf("error: %s\n", feed.status().message().c_str());
    return;
  }
  auto date = [](const std::optional<UnixSeconds>& t) { return t ? FormatIsoUtc(*t) : "null"; };
  std::printf("version=%s ill_formed=%d reason=%s\n", feed->version.c_str(), feed->ill_formed,
              feed->ill_formed_reason.c_str());
  std::printf("feed title=%s link=%s id=%s language=%s updated=%s\n", Quote(feed->title).c_str(),
              Quote(feed->link).c_str(), Quote(feed->id).c_str(), Quote(feed->language).c_str(),
              date(feed->updated).c_str());
  for (const FeedEntry& e : feed->entries) {
    std::printf("entry title=%s link=%s id=%s published=%s updated=%s author=%s\n",
                Quote(e.title).c_str(), Quote(e.link).c_str(), Quote(e.id).c_str(),
                date(e.published).c_str(), date(e.updated).c_str(), Quote(e.author).c_str());
    std::printf("  summary=%s\n  content=%s\n  summary_html=%s\n  content_html=%s\n",
                Quote(e.summary).c_str(), Quote(e.content).c_str(), Quote(e.summary_html).c_str(),
                Quote(e.content_html).c_str());
    for (const FeedEnclosure& x : e.enclosures) {
      std::printf("  enclosure %s %s %s\n", x.url.c_str(), x.type.c_str(), x.medium.c_str());
    }
    for (const std::string& t : e.tags) std::printf("  tag %s\n", Quote(t).c_str());
  }
}

}  // namespace newsdesk::conformance

#ifndef NEWSDESK_FEED_CONFORMANCE_NO_MAIN
int main(int argc, char** argv) {
  using namespace newsdesk::conformance;
  std::string dir, tier = "core";
  bool verbose = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--verbose") {
      verbose = true;
    } else if (a == "--tier" && i + 1 < argc) {
      tier = argv[++i];
    } else if (a == "--show" && i + 1 < argc && !dir.empty()) {
      ShowCase(dir, argv[++i]);
      return 0;
    } else if (a.rfind("--tier=", 0) == 0) {
      tier = a.substr(7);
    } else if (!a.empty() && a[0] != '-' && dir.empty()) {
      dir = a;
    } else {
      std::fprintf(stderr, "usage: feed_conformance DIR [--tier core|secondary|all] [--verbose]\n");
      return 2;
    }
  }
  if (dir.empty() || (tier != "core" && tier != "secondary" && tier != "all")) {
    std::fprintf(stderr, "usage: feed_conformance DIR [--tier core|secondary|all] [--verbose]\n");
    return 2;
  }
  std::string error;
  std::vector<CaseResult> results = RunCorpus(dir, tier, &error);
  if (!error.empty()) {
    std::fprintf(stderr, "feed_conformance: %s\n", error.c_str());
    return 1;
  }
  struct Tally {
    std::string tier;
    int cases = 0, agreed = 0, bozo = 0;
  };
  std::map<std::string, Tally> by_category;
  int core_cases = 0, core_agreed = 0, crashes = 0, timeouts = 0;
  for (const CaseResult& r : results) {
    Tally& t = by_category[r.category];
    t.tier = r.tier;
    ++t.cases;
    if (r.outcome == Outcome::kAgree) ++t.agreed;
    if (r.bozo_agrees) ++t.bozo;
    if (r.tier == "core") {
      ++core_cases;
      if (r.outcome == Outcome::kAgree) ++core_agreed;
    }
    if (r.outcome == Outcome::kCrash) ++crashes;
    if (r.outcome == Outcome::kTimeout) ++timeouts;
  }
  if (verbose) {
    for (const CaseResult& r : results) {
      if (r.outcome == Outcome::kAgree) continue;
      const char* what = r.outcome == Outcome::kCrash     ? "CRASH"
                         : r.outcome == Outcome::kTimeout ? "TIMEOUT"
                                                          : "differs";
      std::printf("%s %s: %s\n", what, r.name.c_str(), r.difference.c_str());
    }
    std::printf("\n");
  }
  std::printf("%-34s %-9s %6s %7s %8s %10s\n", "category", "tier", "cases", "agreed", "percent",
              "bozo-agree");
  for (const auto& [category, t] : by_category) {
    std::printf("%-34s %-9s %6d %7d %7.1f%% %9.1f%%\n", category.c_str(), t.tier.c_str(), t.cases,
                t.agreed, 100.0 * t.agreed / t.cases, 100.0 * t.bozo / t.cases);
  }
  DateResult dates = RunDates(dir);
  if (dates.cases > 0) {
    std::printf("%-34s %-9s %6d %7d %7.1f%%\n", "dates (ParseDateTime)", "-", dates.cases,
                dates.agreed, 100.0 * dates.agreed / dates.cases);
    if (verbose) {
      for (const std::string& d : dates.differences) std::printf("  date %s\n", d.c_str());
    }
  }
  if (core_cases > 0) {
    std::printf("\ncore tier: %d of %d cases agree (%.1f%%)\n", core_agreed, core_cases,
                100.0 * core_agreed / core_cases);
  }
  std::printf("crashes: %d, timeouts: %d\n", crashes, timeouts);
  return crashes == 0 && timeouts == 0 ? 0 : 1;
}
#endif
