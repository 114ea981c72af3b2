#include "ingest/fetcher.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <fmt/format.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <queue>
#include <random>
#include <set>
#include <string_view>
#include <tuple>
#include <utility>

namespace newsdesk {
namespace {

using Clock = std::chrono::steady_clock;

// How long Run() sleeps at most between looks at its transfers and timers.
constexpr long kMaxPollMs = 1000;

void InitCurlOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

Clock::duration Seconds(double s) {
  return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(s));
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// The leading product token of a User-Agent ("newsdesk/0.1 (+...)" gives
// "newsdesk"), lowercased: what robots.txt groups name.
std::string ProductToken(std::string_view user_agent) {
  std::size_t n = 0;
  while (n < user_agent.size() && (std::isalpha(static_cast<unsigned char>(user_agent[n])) ||
                                   user_agent[n] == '-' || user_agent[n] == '_')) {
    ++n;
  }
  return Lower(user_agent.substr(0, n));
}

// --- The private-address guard -----------------------------------------

bool InV4Net(uint32_t addr, uint32_t net, int bits) {
  return (addr >> (32 - bits)) == (net >> (32 - bits));
}

// Loopback, private, link-local, CGNAT, multicast, "this network",
// reserved and broadcast. `addr` in host byte order.
bool IsNonPublicV4(uint32_t addr) {
  return InV4Net(addr, 0x00000000, 8) ||   // 0/8: unspecified, "this network"
         InV4Net(addr, 0x0A000000, 8) ||   // 10/8
         InV4Net(addr, 0x64400000, 10) ||  // 100.64/10: carrier-grade NAT
         InV4Net(addr, 0x7F000000, 8) ||   // 127/8: loopback
         InV4Net(addr, 0xA9FE0000, 16) ||  // 169.254/16: link-local
         InV4Net(addr, 0xAC100000, 12) ||  // 172.16/12
         InV4Net(addr, 0xC0A80000, 16) ||  // 192.168/16
         InV4Net(addr, 0xE0000000, 4) ||   // 224/4: multicast
         InV4Net(addr, 0xF0000000, 4);     // 240/4: reserved, broadcast
}

bool IsNonPublicV6(const in6_addr& a) {
  const uint8_t* b = a.s6_addr;
  const uint32_t embedded_v4 =
      (uint32_t{b[12]} << 24) | (uint32_t{b[13]} << 16) | (uint32_t{b[14]} << 8) | uint32_t{b[15]};
  const bool first80_zero = std::all_of(b, b + 10, [](uint8_t x) { return x == 0; });
  // ::/96 holds :: and ::1 and the old IPv4-compatible form; ::ffff:0:0/96
  // is IPv4-mapped: both carry an IPv4 address that decides.
  if (first80_zero && ((b[10] == 0 && b[11] == 0) || (b[10] == 0xff && b[11] == 0xff))) {
    return IsNonPublicV4(embedded_v4);
  }
  static constexpr uint8_t kNat64[12] = {0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
  if (std::equal(b, b + 12, kNat64)) return IsNonPublicV4(embedded_v4);  // 64:ff9b::/96
  return (b[0] & 0xfe) == 0xfc ||                                        // fc00::/7: unique local
         (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) ||                      // fe80::/10: link-local
         (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) ||  // fec0::/10: old site-local
         b[0] == 0xff;                               // ff00::/8: multicast
}

// The address as text and whether it is anything but a public unicast one.
std::pair<std::string, bool> DescribeAddress(const sockaddr* sa) {
  char text[INET6_ADDRSTRLEN] = "";
  if (sa->sa_family == AF_INET) {
    const auto* in = reinterpret_cast<const sockaddr_in*>(sa);
    inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
    return {text, IsNonPublicV4(ntohl(in->sin_addr.s_addr))};
  }
  if (sa->sa_family == AF_INET6) {
    const auto* in6 = reinterpret_cast<const sockaddr_in6*>(sa);
    inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text);
    return {text, IsNonPublicV6(in6->sin6_addr)};
  }
  return {"(address family " + std::to_string(sa->sa_family) + ")", true};
}

// "::0001" and "::1" are one address: compare the canonical text.
std::string CanonicalAddress(const std::string& text) {
  char out[INET6_ADDRSTRLEN];
  in_addr v4;
  in6_addr v6;
  if (inet_pton(AF_INET, text.c_str(), &v4) == 1) return inet_ntop(AF_INET, &v4, out, sizeof out);
  if (inet_pton(AF_INET6, text.c_str(), &v6) == 1) {
    return inet_ntop(AF_INET6, &v6, out, sizeof out);
  }
  return text;
}

// --- robots.txt (RFC 9309) -----------------------------------------------

struct RobotsRule {
  std::string pattern;  // percent-encoding normalized; may hold '*' and a final '$'
  bool allow = false;
};

// What robots.txt says for our product token.
struct RobotsPolicy {
  std::vector<RobotsRule> rules;
  std::optional<double> crawl_delay_s;
};

// Bytes outside ASCII percent-encoded and %xx in upper case, so a rule and a
// URL path that mean the same octets compare equal.
std::string NormalizePercentEncoding(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      out += fmt::format("%{:02X}", c);
    } else if (c == '%' && i + 2 < s.size() &&
               std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
               std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += '%';
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(s[i + 1])));
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(s[i + 2])));
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

// Whether `pattern` matches a prefix of `path` ('*' matches any run of
// octets; a final '$' makes it match the whole path).
bool RobotsPatternMatches(std::string_view pattern, std::string_view path) {
  const bool anchored = !pattern.empty() && pattern.back() == '$';
  if (anchored) pattern.remove_suffix(1);
  // The set of path positions the pattern so far can end at, ascending.
  std::vector<std::size_t> ends = {0};
  for (char c : pattern) {
    std::vector<std::size_t> next;
    if (c == '*') {
      for (std::size_t p = ends.front(); p <= path.size(); ++p) next.push_back(p);
    } else {
      for (std::size_t p : ends) {
        if (p < path.size() && path[p] == c) next.push_back(p + 1);
      }
    }
    if (next.empty()) return false;
    ends = std::move(next);
  }
  return !anchored || ends.back() == path.size();
}

// Longest matching rule wins; on a tie, Allow does. No match: allowed.
bool RobotsAllows(const RobotsPolicy& policy, std::string_view path_and_query) {
  if (path_and_query == "/robots.txt") return true;
  const std::string path = NormalizePercentEncoding(path_and_query);
  const RobotsRule* best = nullptr;
  for (const RobotsRule& rule : policy.rules) {
    if (!RobotsPatternMatches(rule.pattern, path)) continue;
    if (best == nullptr || rule.pattern.size() > best->pattern.size() ||
        (rule.pattern.size() == best->pattern.size() && rule.allow)) {
      best = &rule;
    }
  }
  return best == nullptr || best->allow;
}

// The groups naming `product_token` merged, or else the "*" groups merged.
RobotsPolicy ParseRobots(std::string_view text, const std::string& product_token) {
  struct Group {
    std::vector<std::string> agents;
    std::vector<RobotsRule> rules;
    std::optional<double> crawl_delay_s;
  };
  std::vector<Group> groups;
  bool reading_agents = false;
  while (!text.empty()) {
    std::size_t eol = text.find_first_of("\r\n");
    std::string_view line = text.substr(0, eol);
    text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
    line = Trim(line.substr(0, line.find('#')));
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string key = Lower(Trim(line.substr(0, colon)));
    const std::string_view value = Trim(line.substr(colon + 1));
    if (key == "user-agent") {
      if (!reading_agents) groups.emplace_back();
      reading_agents = true;
      groups.back().agents.push_back(value == "*" ? "*" : ProductToken(value));
      continue;
    }
    if (groups.empty()) continue;  // rules before any User-agent belong to no one
    if (key == "allow" || key == "disallow") {
      reading_agents = false;
      // "Disallow:" with nothing after it disallows nothing.
      if (!value.empty()) {
        groups.back().rules.push_back({NormalizePercentEncoding(value), key == "allow"});
      }
    } else if (key == "crawl-delay") {
      reading_agents = false;
      char* end = nullptr;
      const std::string number(value);
      const double delay = std::strtod(number.c_str(), &end);
      if (end != number.c_str() && std::isfinite(delay) && delay >= 0) {
        groups.back().crawl_delay_s = delay;
      }
    }
    // Other lines (Sitemap, unknown) neither end a group nor join one.
  }

  auto names = [](const Group& g, const std::string& agent) {
    return std::find(g.agents.begin(), g.agents.end(), agent) != g.agents.end();
  };
  // Groups naming us replace the "*" groups entirely, even when they say less.
  const bool named = !product_token.empty() &&
                     std::any_of(groups.begin(), groups.end(),
                                 [&](const Group& g) { return names(g, product_token); });
  const std::string wanted = named ? product_token : "*";
  RobotsPolicy policy;
  for (const Group& g : groups) {
    if (!names(g, wanted)) continue;
    policy.rules.insert(policy.rules.end(), g.rules.begin(), g.rules.end());
    if (g.crawl_delay_s) {
      policy.crawl_delay_s = std::max(policy.crawl_delay_s.value_or(0), *g.crawl_delay_s);
    }
  }
  return policy;
}

// --- URLs ------------------------------------------------------------------

struct ParsedUrl {
  std::string host_key;        // scheme://host:port
  std::string path_and_query;  // what robots.txt rules match
  std::string robots_url;      // the host's /robots.txt
};

// With curl's URL API: the one curl itself will use for the request.
Result<ParsedUrl> ParseHttpUrl(const std::string& url) {
  std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> u(curl_url(), &curl_url_cleanup);
  if (u == nullptr) return Status::Transient(url + ": out of memory parsing the URL");
  auto part = [&u](CURLUPart what, unsigned flags = 0) {
    char* s = nullptr;
    std::string out;
    if (curl_url_get(u.get(), what, &s, flags) == CURLUE_OK && s != nullptr) out = s;
    curl_free(s);
    return out;
  };
  const CURLUcode rc = curl_url_set(u.get(), CURLUPART_URL, url.c_str(), CURLU_NON_SUPPORT_SCHEME);
  if (rc != CURLUE_OK) {
    return Status::InvalidInput(url + ": not a valid URL (" + curl_url_strerror(rc) + ")");
  }
  const std::string scheme = Lower(part(CURLUPART_SCHEME));
  if (scheme != "http" && scheme != "https") {
    return Status::Unsupported(url + ": only http and https URLs are fetched");
  }
  ParsedUrl parsed;
  parsed.host_key =
      scheme + "://" + Lower(part(CURLUPART_HOST)) + ":" + part(CURLUPART_PORT, CURLU_DEFAULT_PORT);
  parsed.path_and_query = part(CURLUPART_PATH);
  if (parsed.path_and_query.empty()) parsed.path_and_query = "/";
  const std::string query = part(CURLUPART_QUERY);
  if (!query.empty()) parsed.path_and_query += "?" + query;
  for (CURLUPart drop : {CURLUPART_USER, CURLUPART_PASSWORD, CURLUPART_OPTIONS, CURLUPART_QUERY,
                         CURLUPART_FRAGMENT}) {
    curl_url_set(u.get(), drop, nullptr, 0);
  }
  curl_url_set(u.get(), CURLUPART_PATH, "/robots.txt", 0);
  parsed.robots_url = part(CURLUPART_URL);
  return parsed;
}

// Retry-After in seconds from now: delta-seconds or an HTTP date.
std::optional<double> ParseRetryAfter(const std::string& value) {
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(), [](unsigned char c) { return std::isdigit(c); })) {
    return std::strtod(value.c_str(), nullptr);
  }
  const time_t when = curl_getdate(value.c_str(), nullptr);
  if (when == -1) return std::nullopt;
  return std::max(0.0, std::difftime(when, std::time(nullptr)));
}

std::string ResponseHeader(CURL* easy, const char* name) {
  curl_header* h = nullptr;
  // Request -1: the last response, after any redirects.
  if (curl_easy_header(easy, name, 0, CURLH_HEADER, -1, &h) != CURLHE_OK || h == nullptr) {
    return "";
  }
  return h->value;
}

}  // namespace

// --- The fetcher -----------------------------------------------------------

struct Fetcher::Impl {
  struct Host;

  // One request from Add() to its callback, across its attempts.
  struct Job {
    FetchRequest request;
    std::function<void(FetchResponse)> done;
    std::string path_and_query;
    Host* host = nullptr;
    bool is_robots = false;
    FetchResponse response;
  };

  // One attempt of a job: a curl easy handle and what its callbacks collect.
  struct Transfer {
    Impl* impl = nullptr;
    std::unique_ptr<Job> job;
    CURL* easy = nullptr;
    curl_slist* headers = nullptr;
    char error[CURL_ERROR_SIZE] = "";
    std::string body;
    std::size_t body_limit = 0;
    bool truncate_at_limit = false;  // robots.txt: keep what fits
    bool over_limit = false;
    std::string refused_address;
  };

  struct Host {
    std::string key;
    std::deque<std::unique_ptr<Job>> pending;
    bool busy = false;       // a transfer to it is running
    bool scheduled = false;  // in the timer queue
    Clock::time_point next_start{};
    bool robots_known = false;  // until then its robots.txt job is pending or running
    RobotsPolicy policy;
    // When set, every request to the host completes with this, after its URL.
    std::optional<Status> blocked;
  };

  explicit Impl(FetchOptions o)
      : options(std::move(o)), product_token(ProductToken(options.user_agent)) {
    InitCurlOnce();
    multi = curl_multi_init();
    for (const std::string& a : options.allowed_addresses) {
      allowed_addresses.insert(CanonicalAddress(a));
    }
  }

  ~Impl() {
    for (auto& [easy, transfer] : running) {
      curl_multi_remove_handle(multi, easy);
      DestroyTransfer(*transfer);
    }
    curl_multi_cleanup(multi);
  }

  void Add(FetchRequest request, std::function<void(FetchResponse)> done);
  void Run();

  void Schedule(Host& host);
  void StartDueTransfers();
  void StartNextOfHost(Host& host);
  void StartTransfer(std::unique_ptr<Job> job);
  void FinishTransfer(CURL* easy, CURLcode result);
  void FinishRobots(Host& host, const FetchResponse& r, const std::string& refused_address);
  void Complete(std::unique_ptr<Job> job, Status status);
  // Completes the job without a request if robots.txt or a guard already
  // decided; true when it did.
  bool CompleteIfForbidden(std::unique_ptr<Job>& job);
  double HostDelayS(const Host& host) const;
  double BackoffS(int attempt);
  void DestroyTransfer(Transfer& t) {
    curl_easy_cleanup(t.easy);
    curl_slist_free_all(t.headers);
  }

  static size_t OnBody(char* data, size_t size, size_t n, void* p);
  static curl_socket_t OnOpenSocket(void* p, curlsocktype purpose, curl_sockaddr* address);

  const FetchOptions options;
  const std::string product_token;
  std::set<std::string> allowed_addresses;
  CURLM* multi = nullptr;
  std::map<std::string, Host> hosts;  // node-based: Host* stay valid
  // (when, tie-breaker, host): hosts with pending jobs waiting for their turn.
  using Timer = std::tuple<Clock::time_point, uint64_t, Host*>;
  std::priority_queue<Timer, std::vector<Timer>, std::greater<>> timers;
  uint64_t timer_seq = 0;
  std::map<CURL*, std::unique_ptr<Transfer>> running;
  // Finished jobs whose callbacks Run() has yet to call.
  std::deque<std::unique_ptr<Job>> finished;
  std::mt19937_64 random{std::random_device{}()};
};

size_t Fetcher::Impl::OnBody(char* data, size_t size, size_t n, void* p) {
  auto* t = static_cast<Transfer*>(p);
  const size_t len = size * n;
  if (t->body.size() + len > t->body_limit) {
    if (t->truncate_at_limit) t->body.append(data, t->body_limit - t->body.size());
    t->over_limit = true;
    return CURL_WRITEFUNC_ERROR;  // aborts the transfer: no more is read or decoded
  }
  t->body.append(data, len);
  return len;
}

curl_socket_t Fetcher::Impl::OnOpenSocket(void* p, curlsocktype, curl_sockaddr* address) {
  auto* t = static_cast<Transfer*>(p);
  auto [text, non_public] = DescribeAddress(&address->addr);
  if (non_public && !t->impl->options.allow_private && !t->impl->allowed_addresses.contains(text)) {
    t->refused_address = text;
    return CURL_SOCKET_BAD;
  }
  return socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
}

double Fetcher::Impl::HostDelayS(const Host& host) const {
  double delay = options.host_delay_s;
  if (host.policy.crawl_delay_s) {
    delay = std::max(delay, std::min(*host.policy.crawl_delay_s, options.max_crawl_delay_s));
  }
  return delay;
}

double Fetcher::Impl::BackoffS(int attempt) {
  // Exponential, with "equal jitter": half fixed, half random, so retries
  // from many clients spread out but never come sooner than half the step.
  const double step = options.retry_base_delay_s * std::pow(2.0, attempt - 1);
  std::uniform_real_distribution<double> jitter(0.5, 1.0);
  return std::min(step * jitter(random), options.max_retry_delay_s);
}

void Fetcher::Impl::Schedule(Host& host) {
  if (host.busy || host.scheduled || host.pending.empty()) return;
  host.scheduled = true;
  timers.emplace(host.next_start, timer_seq++, &host);
}

void Fetcher::Impl::Complete(std::unique_ptr<Job> job, Status status) {
  job->response.status = std::move(status);
  if (!job->response.status.ok()) job->response.body.clear();
  finished.push_back(std::move(job));
}

bool Fetcher::Impl::CompleteIfForbidden(std::unique_ptr<Job>& job) {
  const Host& host = *job->host;
  if (job->is_robots || !host.robots_known) return false;
  if (host.blocked) {
    Status s = host.blocked->WithContext(job->request.url);
    Complete(std::move(job), std::move(s));
    return true;
  }
  if (!RobotsAllows(host.policy, job->path_and_query)) {
    Status s = Status::Unsupported(job->request.url + ": disallowed by robots.txt for \"" +
                                   product_token + "\"");
    Complete(std::move(job), std::move(s));
    return true;
  }
  return false;
}

void Fetcher::Impl::Add(FetchRequest request, std::function<void(FetchResponse)> done) {
  auto job = std::make_unique<Job>();
  job->response.url = request.url;
  job->request = std::move(request);
  job->done = std::move(done);
  Result<ParsedUrl> url = ParseHttpUrl(job->request.url);
  if (!url.ok()) {
    Complete(std::move(job), url.status());
    return;
  }
  auto [it, inserted] = hosts.try_emplace(url->host_key);
  Host& host = it->second;
  if (inserted) {
    host.key = url->host_key;
    if (options.obey_robots) {
      auto robots = std::make_unique<Job>();
      robots->request.url = url->robots_url;
      robots->response.url = robots->request.url;
      robots->path_and_query = "/robots.txt";
      robots->host = &host;
      robots->is_robots = true;
      host.pending.push_back(std::move(robots));
    } else {
      host.robots_known = true;  // an empty policy allows everything
    }
  }
  job->host = &host;
  job->path_and_query = std::move(url->path_and_query);
  if (CompleteIfForbidden(job)) return;
  host.pending.push_back(std::move(job));
  Schedule(host);
}

void Fetcher::Impl::StartDueTransfers() {
  const auto max_running = static_cast<std::size_t>(std::max(1, options.max_concurrent));
  while (!timers.empty() && running.size() < max_running &&
         std::get<0>(timers.top()) <= Clock::now()) {
    Host& host = *std::get<2>(timers.top());
    timers.pop();
    host.scheduled = false;
    StartNextOfHost(host);
  }
}

void Fetcher::Impl::StartNextOfHost(Host& host) {
  while (!host.pending.empty()) {
    std::unique_ptr<Job> job = std::move(host.pending.front());
    host.pending.pop_front();
    if (CompleteIfForbidden(job)) continue;  // costs the host nothing
    StartTransfer(std::move(job));
    return;
  }
}

void Fetcher::Impl::StartTransfer(std::unique_ptr<Job> job) {
  auto t = std::make_unique<Transfer>();
  t->impl = this;
  t->easy = curl_easy_init();
  Host& host = *job->host;
  const FetchRequest& req = job->request;
  job->response.attempts++;
  t->body_limit = job->is_robots ? options.max_robots_bytes : options.max_body_bytes;
  t->truncate_at_limit = job->is_robots;

  CURL* e = t->easy;
  curl_easy_setopt(e, CURLOPT_URL, req.url.c_str());
  curl_easy_setopt(e, CURLOPT_PRIVATE, t.get());
  curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->error);
  curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(e, CURLOPT_USERAGENT, options.user_agent.c_str());
  curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(e, CURLOPT_MAXREDIRS, static_cast<long>(options.max_redirects));
  curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");  // every encoding curl can decode
  curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, options.connect_timeout_ms);
  curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, options.total_timeout_ms);
  curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, options.low_speed_bytes_per_s);
  curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, options.low_speed_time_s);
  // The address guard checks where curl connects; through a proxy that would
  // be the proxy, so proxies (from the environment too) are not used.
  curl_easy_setopt(e, CURLOPT_PROXY, "");
  if (!job->is_robots) {
    // Refuses a declared Content-Length over the limit before any body comes.
    curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options.max_body_bytes));
  }
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &Impl::OnBody);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, t.get());
  curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, &Impl::OnOpenSocket);
  curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, t.get());
  if (!req.etag.empty()) {
    t->headers = curl_slist_append(t->headers, ("If-None-Match: " + req.etag).c_str());
  }
  if (!req.last_modified.empty()) {
    t->headers = curl_slist_append(t->headers, ("If-Modified-Since: " + req.last_modified).c_str());
  }
  if (t->headers != nullptr) curl_easy_setopt(e, CURLOPT_HTTPHEADER, t->headers);

  t->job = std::move(job);
  host.busy = true;
  curl_multi_add_handle(multi, e);
  running.emplace(e, std::move(t));
}

void Fetcher::Impl::FinishTransfer(CURL* easy, CURLcode result) {
  curl_multi_remove_handle(multi, easy);
  auto node = running.extract(easy);
  Transfer& t = *node.mapped();
  std::unique_ptr<Job> job = std::move(t.job);
  Host& host = *job->host;
  FetchResponse& r = job->response;
  const std::string& url = job->request.url;

  long http_status = 0;
  curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &http_status);
  r.http_status = http_status;
  const char* effective = nullptr;
  curl_easy_getinfo(easy, CURLINFO_EFFECTIVE_URL, &effective);
  r.final_url = effective != nullptr ? effective : url;
  const char* content_type = nullptr;
  curl_easy_getinfo(easy, CURLINFO_CONTENT_TYPE, &content_type);
  r.content_type = content_type != nullptr ? content_type : "";
  r.etag = ResponseHeader(easy, "ETag");
  r.last_modified = ResponseHeader(easy, "Last-Modified");
  const std::string retry_after = ResponseHeader(easy, "Retry-After");
  const std::string curl_error = t.error[0] != '\0' ? t.error : curl_easy_strerror(result);
  const std::string refused = std::move(t.refused_address);
  const bool over_limit = t.over_limit;
  // A robots.txt cut at max_robots_bytes is read as far as it goes.
  const bool got_response = result == CURLE_OK || (over_limit && t.truncate_at_limit);
  if (got_response) r.body = std::move(t.body);
  DestroyTransfer(t);

  const Clock::time_point now = Clock::now();
  host.busy = false;
  host.next_start = now + Seconds(HostDelayS(host));

  // The outcome: final (ok or not), or worth another attempt.
  Status status;
  bool retryable = false;
  std::optional<double> wait_s;  // what the server asked for
  if (got_response) {
    if (http_status >= 200 && http_status < 300) {
      status = Status::Ok();
    } else if (http_status == 304) {
      r.not_modified = true;
      r.body.clear();
      // A 304 need not repeat the validators; the caller keeps them either way.
      if (r.etag.empty()) r.etag = job->request.etag;
      if (r.last_modified.empty()) r.last_modified = job->request.last_modified;
      status = Status::Ok();
    } else if (http_status == 429 || http_status >= 500) {
      status = Status::Transient(fmt::format("{}: HTTP {}", url, http_status));
      retryable = true;
      wait_s = ParseRetryAfter(retry_after);
    } else if (http_status >= 300 && http_status < 400) {
      status = Status::InvalidInput(
          fmt::format("{}: HTTP {} without a Location to follow", url, http_status));
    } else {
      status = Status::InvalidInput(fmt::format("{}: HTTP {}", url, http_status));
    }
  } else if (!refused.empty()) {
    status = Status::Unsupported(fmt::format(
        "{}: refused to connect to private address {} (use --allow-private)", url, refused));
  } else if (over_limit || result == CURLE_FILESIZE_EXCEEDED) {
    status = Status::TooLarge(
        fmt::format("{}: body over max_body_bytes ({} bytes)", url, options.max_body_bytes));
  } else if (result == CURLE_TOO_MANY_REDIRECTS) {
    status = Status::InvalidInput(
        fmt::format("{}: more than max_redirects ({}) redirects", url, options.max_redirects));
  } else if (result == CURLE_UNSUPPORTED_PROTOCOL) {
    // The URL itself was checked in Add(): a redirect led here.
    status = Status::InvalidInput(fmt::format(
        "{}: redirect to a URL that is not http or https refused ({})", url, curl_error));
  } else if (result == CURLE_OPERATION_TIMEDOUT) {
    status = Status::Transient(fmt::format(
        "{}: timed out (connect_timeout_ms {}, total_timeout_ms {}, or under {} bytes/s for {} "
        "s): {}",
        url, options.connect_timeout_ms, options.total_timeout_ms, options.low_speed_bytes_per_s,
        options.low_speed_time_s, curl_error));
    retryable = true;
  } else if (result == CURLE_COULDNT_CONNECT || result == CURLE_COULDNT_RESOLVE_HOST ||
             result == CURLE_SEND_ERROR || result == CURLE_RECV_ERROR ||
             result == CURLE_GOT_NOTHING || result == CURLE_PARTIAL_FILE || result == CURLE_HTTP2 ||
             result == CURLE_HTTP2_STREAM || result == CURLE_SSL_CONNECT_ERROR) {
    status = Status::Transient(fmt::format("{}: {}", url, curl_error));
    retryable = true;
  } else if (result == CURLE_PEER_FAILED_VERIFICATION || result == CURLE_URL_MALFORMAT ||
             result == CURLE_BAD_CONTENT_ENCODING || result == CURLE_WEIRD_SERVER_REPLY) {
    status = Status::InvalidInput(fmt::format("{}: {}", url, curl_error));
  } else {
    status = Status::Transient(fmt::format("{}: {}", url, curl_error));
  }

  const int retries_used = r.attempts - 1;
  if (retryable && retries_used < options.max_retries) {
    if (wait_s && *wait_s > options.max_retry_delay_s) {
      // Coming back sooner than asked would not honour Retry-After.
      status = Status::Transient(
          fmt::format("{}; Retry-After {} s is over max_retry_delay_s ({} s), not retried",
                      status.message(), *wait_s, options.max_retry_delay_s));
    } else {
      const double delay = wait_s ? *wait_s : BackoffS(r.attempts);
      host.next_start = std::max(host.next_start, now + Seconds(delay));
      r.body.clear();
      r.not_modified = false;
      host.pending.push_front(std::move(job));
      Schedule(host);
      return;
    }
  } else if (retryable && options.max_retries > 0) {
    status = Status::Transient(fmt::format("{} (after {} attempts; max_retries {})",
                                           status.message(), r.attempts, options.max_retries));
  }

  if (job->is_robots) {
    r.status = status;
    FinishRobots(host, r, result == CURLE_OK ? std::string() : refused);
  } else {
    Complete(std::move(job), std::move(status));
  }
  Schedule(host);
}

void Fetcher::Impl::FinishRobots(Host& host, const FetchResponse& r,
                                 const std::string& refused_address) {
  host.robots_known = true;
  if (r.status.ok()) {
    host.policy = ParseRobots(r.body, product_token);
    host.next_start = Clock::now() + Seconds(HostDelayS(host));
  } else if (!refused_address.empty()) {
    // The pages would be refused the same way; say so rather than blame robots.txt.
    host.blocked = Status::Unsupported("refused to connect to private address " + refused_address +
                                       " (use --allow-private)");
  } else if (r.http_status >= 400 && r.http_status < 500 && r.http_status != 429) {
    // No robots.txt (or not for us): everything is allowed.
  } else if (r.status.code() == Status::Code::kInvalidInput) {
    // Redirect loops and the like: as if there were none (RFC 9309 2.3.1.2).
  } else {
    // 5xx, 429 or unreachable after the retries: assume a complete disallow
    // for this run (RFC 9309 2.3.1.4). Transient: a later run may get it.
    host.blocked = Status::Transient("disallowed for this run: robots.txt unavailable (" +
                                     r.status.message() + ")");
  }
}

void Fetcher::Impl::Run() {
  for (;;) {
    // Callbacks may Add(); call them where nothing is being iterated.
    while (!finished.empty()) {
      std::unique_ptr<Job> job = std::move(finished.front());
      finished.pop_front();
      if (job->done) job->done(std::move(job->response));
    }
    StartDueTransfers();
    if (!finished.empty()) continue;
    if (running.empty() && timers.empty()) return;

    int still_running = 0;
    curl_multi_perform(multi, &still_running);
    int queued = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi, &queued)) {
      if (msg->msg == CURLMSG_DONE) FinishTransfer(msg->easy_handle, msg->data.result);
    }
    if (!finished.empty()) continue;

    long timeout_ms = kMaxPollMs;
    const auto max_running = static_cast<std::size_t>(std::max(1, options.max_concurrent));
    if (!timers.empty() && running.size() < max_running) {
      const auto until = std::get<0>(timers.top()) - Clock::now();
      const auto ms = std::chrono::ceil<std::chrono::milliseconds>(until).count();
      timeout_ms = std::clamp<long>(static_cast<long>(ms), 0, kMaxPollMs);
    }
    if (timeout_ms > 0) curl_multi_poll(multi, nullptr, 0, static_cast<int>(timeout_ms), nullptr);
  }
}

Fetcher::Fetcher(FetchOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Fetcher::~Fetcher() = default;

void Fetcher::Add(FetchRequest request, std::function<void(FetchResponse)> done) {
  impl_->Add(std::move(request), std::move(done));
}

void Fetcher::Run() { impl_->Run(); }

}  // namespace newsdesk
