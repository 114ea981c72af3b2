// A real HTTP server on loopback for tests that fetch over the network.
//
// LoopbackHttpServer listens on 127.0.0.1 on a free port, serves from a
// background thread pool, and stops in its destructor. A test says per path
// what to answer: a script (a queue of responses, one per request, the last
// one repeated) or a function of the request. Responses can misbehave on
// purpose: wait before the headers, trickle the body, or drop the connection
// part way. Every request is logged with its headers and times so a test can
// check what the client sent and when (politeness, conditional GET).
//
// Paths with nothing registered answer 404 with an empty body, so a client
// asking for /robots.txt gets "no robots.txt" unless the test serves one.
// Bodies are sent as given: the server never compresses them, so a test that
// wants a compressed body compresses it and sets Content-Encoding itself.
//
// Thread-safe: routes may be changed and the log read while requests are
// being served. Destroy clients before the server where you can: stopping
// waits for idle keep-alive connections a client left open, up to
// kKeepAliveTimeout.
#ifndef NEWSDESK_TESTS_SUPPORT_HTTP_SERVER_H_
#define NEWSDESK_TESTS_SUPPORT_HTTP_SERVER_H_

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace newsdesk::testing {

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

// One answer of the server, and how to misbehave while giving it.
struct ScriptedResponse {
  int status = 200;
  // Sent as they are; a Content-Type here replaces `content_type`.
  HttpHeaders headers;
  std::string body;
  // Sent as Content-Type when the body is not empty. Default: text/plain.
  std::string content_type = "text/plain";
  // When not 0, the body is this many bytes of filler ('x') made on the fly
  // instead of `body`: for large bodies. Default: 0.
  std::size_t generated_body_bytes = 0;
  // Send the body with Transfer-Encoding: chunked, no Content-Length.
  // Default: false.
  bool chunked = false;
  // Wait this long before sending the status line and headers. Default: 0.
  std::chrono::milliseconds delay_before_headers{0};
  // When not 0, send the body in pieces of drip_bytes, drip_interval apart.
  // Default: 0 (all at once, in pieces of 64 KiB).
  std::size_t drip_bytes = 0;
  std::chrono::milliseconds drip_interval{0};
  // Close the connection after sending this many body bytes, whatever the
  // headers promised. Default: send the whole body.
  std::optional<std::size_t> close_after_bytes;

  static ScriptedResponse Ok(std::string body, std::string content_type = "text/plain");
  static ScriptedResponse Status(int status);  // empty body
  static ScriptedResponse Redirect(std::string location, int status = 302);
  // Adds a header; returns *this so calls chain.
  ScriptedResponse& With(std::string name, std::string value);
};

// What the server saw of one request and what it did with it.
struct RecordedRequest {
  using Clock = std::chrono::steady_clock;

  std::string method;
  std::string target;  // path and query, as sent
  std::string path;    // without the query
  HttpHeaders headers;
  std::string body;  // of a POST
  std::string remote_address;
  int remote_port = 0;  // tells connections apart
  int status = 0;       // what the server answered
  Clock::time_point received;
  // When the response was written, or the connection dropped; the epoch
  // while the server is still answering.
  Clock::time_point finished;
  std::size_t body_bytes_sent = 0;

  // The first value of header `name` (case-insensitive), "" when absent.
  std::string Header(std::string_view name) const;
  bool HasHeader(std::string_view name) const;
};

class LoopbackHttpServer {
 public:
  // How long an idle keep-alive connection is kept open.
  static constexpr std::chrono::seconds kKeepAliveTimeout{2};

  using Responder = std::function<ScriptedResponse(const RecordedRequest&)>;

  // Starts listening on 127.0.0.1 on a free port; aborts the test program if
  // it cannot (a test without its server means nothing).
  LoopbackHttpServer();
  // Stops listening, wakes any response that is waiting or dripping (it
  // drops its connection), and joins the server threads.
  ~LoopbackHttpServer();
  // Owns a listening socket and threads.
  LoopbackHttpServer(const LoopbackHttpServer&) = delete;
  LoopbackHttpServer& operator=(const LoopbackHttpServer&) = delete;

  int port() const;
  // "http://127.0.0.1:<port>" followed by `path_and_query` ("/feed.xml").
  std::string Url(std::string_view path_and_query) const;

  // Requests for `path` (without query) take the responses in order; once
  // one is left it answers every later request. Replaces what `path` had.
  void Script(std::string path, std::vector<ScriptedResponse> responses);
  // Every request for `path` gets `response`.
  void Serve(std::string path, ScriptedResponse response);
  // Requests for `path` are answered by `responder`, called on a server
  // thread (it must be thread-safe if it keeps state).
  void Route(std::string path, Responder responder);

  // Every request so far, in the order they arrived.
  std::vector<RecordedRequest> Requests() const;
  // Those for `path` (without query).
  std::vector<RecordedRequest> RequestsFor(std::string_view path) const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace newsdesk::testing

#endif  // NEWSDESK_TESTS_SUPPORT_HTTP_SERVER_H_
