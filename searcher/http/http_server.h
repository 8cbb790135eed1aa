// http_server.h -- the HTTP side of vnews-serve. cpp-httplib parses the
// requests and writes the responses; this class owns the connections, so
// that every request has a deadline and a size limit whatever the client
// sends, overload is refused with 503, every answer is logged, and a stop
// finishes the requests in flight.
#ifndef VNEWS_SEARCHER_HTTP_HTTP_SERVER_H_
#define VNEWS_SEARCHER_HTTP_HTTP_SERVER_H_

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <string>
#include <string_view>

#include "http/connection_stream.h"

namespace vnews {

// What HttpServer allows each connection and request.
struct ServerLimits {
  StreamLimits stream;  // per request: deadlines and size
  std::chrono::milliseconds idle_timeout{
      5000};  // a kept-alive connection left idle is closed
  unsigned max_requests_per_connection = 100;
  // Connections served at once, each by a thread; as many more may wait for
  // one, and the others are answered 503 at once.
  unsigned connections = 128;
};

class HttpServer : public httplib::Server {
 public:
  // Answers a GET or HEAD request (cpp-httplib leaves out the body of HEAD).
  using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;
  // Called once a response is written: its status, the time since the
  // request's first byte, the method and the request target as sent ("-"
  // for what a request cut short did not say). Called from many threads.
  using AccessLog = std::function<void(int status, double ms, std::string_view method,
                                       std::string_view target)>;

  // `handler` answers every GET and HEAD request. Any other method gets 405
  // (with Allow: GET, HEAD), a request cpp-httplib cannot parse 400, one too
  // slow 408, too large 414 or 431, each with a JSON error, and its
  // connection is closed after the answer. `log` may be empty.
  // Throws std::runtime_error when the stop signal cannot be made.
  HttpServer(const ServerLimits& limits, Handler handler, AccessLog log);
  ~HttpServer() override;

  // Binds `host`:`port` (0: a free port) with a long listen queue. Returns
  // the port, or -1 when it cannot be bound.
  int bind(const std::string& host, int port);

  // Stops: no new connection is accepted, the requests being answered are
  // finished and idle connections closed; listen_after_bind() returns once
  // they are. Returns at once. Thread-safe.
  void shutdown();

 private:
  // Serves the requests of one connection, then closes it.
  bool process_and_close_socket(socket_t sock) override;
  // Answers a connection refused for overload: 503, then closes it.
  void refuse(socket_t sock);
  // Answers, if it can, a request that `stream`'s limits ended before
  // cpp-httplib could answer it (too slow, too large). Returns true when it
  // wrote an answer.
  bool answer_cut_short(ConnectionStream& stream,
                        std::chrono::steady_clock::time_point started);
  // Sets `res` to the JSON error of a request cpp-httplib refused.
  void set_protocol_error(const httplib::Request& req, httplib::Response& res);

  const ServerLimits limits_;
  const Handler handler_;
  const AccessLog log_;
  int stop_pipe_[2] = {-1, -1};  // readable once shutdown() has been called
  std::atomic<bool> stopping_{false};
};

}  // namespace vnews

#endif  // VNEWS_SEARCHER_HTTP_HTTP_SERVER_H_
