#include "tests/support/http_server.h"

#include <httplib.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <strings.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <variant>

namespace newsdesk::testing {
namespace {

// Piece size when a body is not dripped.
constexpr std::size_t kPieceBytes = 64 << 10;
// Worker threads; each open connection holds one, idle keep-alive included.
constexpr std::size_t kServerThreads = 16;

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

// The log entry of the request the current server thread is answering; the
// logger, called on the same thread after the response, closes it.
thread_local long current_log_index = -1;

}  // namespace

ScriptedResponse ScriptedResponse::Ok(std::string body, std::string content_type) {
  ScriptedResponse r;
  r.body = std::move(body);
  r.content_type = std::move(content_type);
  return r;
}

ScriptedResponse ScriptedResponse::Status(int status) {
  ScriptedResponse r;
  r.status = status;
  return r;
}

ScriptedResponse ScriptedResponse::Redirect(std::string location, int status) {
  ScriptedResponse r;
  r.status = status;
  r.headers.emplace_back("Location", std::move(location));
  return r;
}

ScriptedResponse& ScriptedResponse::With(std::string name, std::string value) {
  headers.emplace_back(std::move(name), std::move(value));
  return *this;
}

std::string RecordedRequest::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (EqualsIgnoreCase(key, name)) return value;
  }
  return "";
}

bool RecordedRequest::HasHeader(std::string_view name) const {
  return std::any_of(headers.begin(), headers.end(),
                     [&](const auto& h) { return EqualsIgnoreCase(h.first, name); });
}

struct LoopbackHttpServer::State {
  using Script = std::deque<ScriptedResponse>;

  httplib::Server server;
  int port = 0;
  std::thread thread;

  mutable std::mutex mu;
  std::condition_variable stop_cv;
  bool stopping = false;  // guarded by mu
  std::map<std::string, std::variant<Script, Responder>, std::less<>> routes;
  std::vector<RecordedRequest> log;

  // Sleeps for `d` unless the server stops first; false when it stopped.
  bool Wait(std::chrono::milliseconds d) {
    std::unique_lock lock(mu);
    return !stop_cv.wait_for(lock, d, [&] { return stopping; });
  }

  // The response for `request`, taking it off its script.
  ScriptedResponse Next(const RecordedRequest& request) {
    Responder responder;
    {
      std::lock_guard lock(mu);
      auto it = routes.find(request.path);
      if (it == routes.end()) return ScriptedResponse::Status(404);
      if (auto* script = std::get_if<Script>(&it->second)) {
        if (script->empty()) return ScriptedResponse::Status(404);
        ScriptedResponse r = script->front();
        if (script->size() > 1) script->pop_front();
        return r;
      }
      responder = std::get<Responder>(it->second);
    }
    return responder(request);  // outside the lock: it may take its time
  }

  void AddBodyBytes(long index, std::size_t n) {
    std::lock_guard lock(mu);
    log[static_cast<std::size_t>(index)].body_bytes_sent += n;
  }

  void Handle(const httplib::Request& req, httplib::Response& res);
};

void LoopbackHttpServer::State::Handle(const httplib::Request& req, httplib::Response& res) {
  RecordedRequest rec;
  rec.method = req.method;
  rec.target = req.target;
  rec.path = req.path;
  rec.headers.assign(req.headers.begin(), req.headers.end());
  rec.body = req.body;
  rec.remote_address = req.remote_addr;
  rec.remote_port = req.remote_port;
  rec.received = RecordedRequest::Clock::now();
  long index;
  {
    std::lock_guard lock(mu);
    index = static_cast<long>(log.size());
    log.push_back(rec);
  }
  current_log_index = index;

  ScriptedResponse r = Next(rec);
  // A server stopping mid-delay drops the connection after the headers.
  const bool stopped = r.delay_before_headers.count() > 0 && !Wait(r.delay_before_headers);

  res.status = r.status;
  std::optional<std::string> explicit_type;
  for (const auto& [name, value] : r.headers) {
    if (EqualsIgnoreCase(name, "Content-Type")) {
      explicit_type = value;
    } else {
      res.headers.emplace(name, value);
    }
  }
  const std::string content_type = explicit_type.value_or(r.content_type);
  const std::size_t size = std::max<std::size_t>(
      r.generated_body_bytes > 0 ? r.generated_body_bytes : r.body.size(), stopped ? 1 : 0);
  if (size == 0) {
    // An empty answer (304, redirects) has a type only when asked for.
    if (explicit_type) res.headers.emplace("Content-Type", *explicit_type);
    return;
  }

  // Always a content provider: httplib compresses a body set with
  // set_content() when the client accepts it, and tests need bytes as given.
  auto body = std::make_shared<std::string>(std::move(r.body));
  const std::size_t piece = r.drip_bytes > 0 ? r.drip_bytes : kPieceBytes;
  const std::size_t limit = stopped ? 0 : std::min(size, r.close_after_bytes.value_or(size));
  const bool generated = r.generated_body_bytes > 0;
  const auto interval = r.drip_interval;
  // Writes the piece at `offset`; false drops the connection.
  auto write_piece = [this, body, piece, limit, size, generated, interval, index](
                         std::size_t offset, httplib::DataSink& sink) {
    if (offset >= limit) return false;
    if (offset > 0 && interval.count() > 0 && !Wait(interval)) return false;
    const std::size_t n = std::min({piece, limit - offset, size - offset});
    bool written;
    if (generated) {
      std::string filler(n, 'x');
      written = sink.write(filler.data(), n);
    } else {
      written = sink.write(body->data() + offset, n);
    }
    if (!written) return false;
    AddBodyBytes(index, n);
    return true;
  };
  if (r.chunked) {
    res.set_chunked_content_provider(
        content_type, [write_piece, size](std::size_t offset, httplib::DataSink& sink) {
          if (offset >= size) {
            sink.done();
            return true;
          }
          return write_piece(offset, sink);
        });
  } else {
    res.set_content_provider(
        size, content_type,
        [write_piece](std::size_t offset, std::size_t, httplib::DataSink& sink) {
          return write_piece(offset, sink);
        });
  }
}

LoopbackHttpServer::LoopbackHttpServer() : state_(std::make_unique<State>()) {
  State* s = state_.get();
  s->server.new_task_queue = [] { return new httplib::ThreadPool(kServerThreads); };
  s->server.set_keep_alive_timeout(kKeepAliveTimeout.count());
  auto handler = [s](const httplib::Request& req, httplib::Response& res) { s->Handle(req, res); };
  s->server.Get(".*", handler);
  s->server.Post(".*", handler);
  s->server.set_logger([s](const httplib::Request&, const httplib::Response& res) {
    const long index = current_log_index;
    current_log_index = -1;
    if (index < 0) return;
    std::lock_guard lock(s->mu);
    RecordedRequest& rec = s->log[static_cast<std::size_t>(index)];
    rec.finished = RecordedRequest::Clock::now();
    rec.status = res.status;
  });
  // TCP_NODELAY (inherited by accepted sockets): headers and body go out in
  // separate writes, and Nagle plus delayed ACKs would add ~40 ms to each.
  s->server.set_socket_options([](socket_t sock) {
    httplib::default_socket_options(sock);
    int one = 1;
    setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  });
  s->port = s->server.bind_to_any_port("127.0.0.1");
  if (s->port <= 0) {
    std::fprintf(stderr, "LoopbackHttpServer: cannot listen on 127.0.0.1\n");
    std::abort();
  }
  // The socket listens already; requests that come before the thread runs wait in the backlog.
  s->thread = std::thread([s] { s->server.listen_after_bind(); });
}

LoopbackHttpServer::~LoopbackHttpServer() {
  {
    std::lock_guard lock(state_->mu);
    state_->stopping = true;
  }
  state_->stop_cv.notify_all();
  state_->server.stop();
  state_->thread.join();
}

int LoopbackHttpServer::port() const { return state_->port; }

std::string LoopbackHttpServer::Url(std::string_view path_and_query) const {
  return "http://127.0.0.1:" + std::to_string(state_->port) + std::string(path_and_query);
}

void LoopbackHttpServer::Script(std::string path, std::vector<ScriptedResponse> responses) {
  std::lock_guard lock(state_->mu);
  state_->routes.insert_or_assign(std::move(path),
                                  State::Script(std::make_move_iterator(responses.begin()),
                                                std::make_move_iterator(responses.end())));
}

void LoopbackHttpServer::Serve(std::string path, ScriptedResponse response) {
  Script(std::move(path), {std::move(response)});
}

void LoopbackHttpServer::Route(std::string path, Responder responder) {
  std::lock_guard lock(state_->mu);
  state_->routes.insert_or_assign(std::move(path), std::move(responder));
}

std::vector<RecordedRequest> LoopbackHttpServer::Requests() const {
  std::lock_guard lock(state_->mu);
  return state_->log;
}

std::vector<RecordedRequest> LoopbackHttpServer::RequestsFor(std::string_view path) const {
  std::lock_guard lock(state_->mu);
  std::vector<RecordedRequest> out;
  for (const auto& r : state_->log) {
    if (r.path == path) out.push_back(r);
  }
  return out;
}

}  // namespace newsdesk::testing
