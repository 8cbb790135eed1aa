#include "http/http_server.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <iomanip>
#include <mutex>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include "http/responses.h"

namespace vnews {
namespace {

using Clock = std::chrono::steady_clock;

// True on the accepting thread while it refuses a connection (see
// ConnectionQueue::enqueue).
thread_local bool t_refusing = false;

// The threads that serve connections, and the connections waiting for one:
// at most as many as there are threads. A connection beyond is refused on
// the accepting thread (HttpServer::refuse), so that overload is answered at
// once instead of piling up.
class ConnectionQueue : public httplib::TaskQueue {
 public:
  explicit ConnectionQueue(unsigned threads) : max_waiting_(threads), idle_(threads) {
    for (unsigned i = 0; i < threads; ++i) threads_.emplace_back([this] { work(); });
  }

  void enqueue(std::function<void()> serve) override {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (jobs_.size() < idle_ + max_waiting_) {
        jobs_.push_back(std::move(serve));
        ready_.notify_one();
        return;
      }
    }
    t_refusing = true;
    serve();
    t_refusing = false;
  }

  // Serves the connections queued, then joins the threads.
  void shutdown() override {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    ready_.notify_all();
    for (std::thread& thread : threads_) thread.join();
  }

 private:
  void work() {
    for (;;) {
      std::function<void()> serve;
      {
        std::unique_lock<std::mutex> lock(mu_);
        ready_.wait(lock, [&] { return !jobs_.empty() || stopping_; });
        if (jobs_.empty()) return;
        serve = std::move(jobs_.front());
        jobs_.pop_front();
        --idle_;
      }
      serve();
      std::lock_guard<std::mutex> lock(mu_);
      ++idle_;
    }
  }

  const std::size_t max_waiting_;
  std::mutex mu_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> jobs_;  // GUARDED_BY(mu_)
  unsigned idle_;                           // GUARDED_BY(mu_); threads not serving
  bool stopping_ = false;                   // GUARDED_BY(mu_)
  std::vector<std::thread> threads_;
};

// Returns a whole response of `status` with `json` as its body, closing the
// connection: for answers written outside cpp-httplib.
std::string raw_response(int status, const std::string& json) {
  return "HTTP/1.1 " + std::to_string(status) + " " + reason_phrase(status) +
         "\r\nContent-Type: " + kJsonType +
         "\r\nContent-Length: " + std::to_string(json.size()) +
         "\r\nConnection: close\r\n" + (status == 503 ? "Retry-After: 1\r\n" : "") +
         "\r\n" + json;
}

// True when `req` came with a well-formed request line whose method is
// neither GET nor HEAD (cpp-httplib refuses methods it does not know).
bool is_other_method(const httplib::Request& req) {
  if (req.method.empty() || req.method == "GET" || req.method == "HEAD") return false;
  for (const char c : req.method) {
    if (c < 'A' || c > 'Z') return false;
  }
  return (req.version == "HTTP/1.1" || req.version == "HTTP/1.0") && !req.target.empty();
}

// Closes `sock` after a response that may leave a request unread: reads
// what the client still sends, for a moment, so that closing does not
// reset the connection before the client has read the answer.
void linger_and_close(int sock) {
  ::shutdown(sock, SHUT_WR);
  const Clock::time_point until = Clock::now() + std::chrono::milliseconds(200);
  char sink[4096];
  for (;;) {
    const auto left =
        std::chrono::ceil<std::chrono::milliseconds>(until - Clock::now()).count();
    pollfd fd{sock, POLLIN, 0};
    if (left <= 0 || poll(&fd, 1, static_cast<int>(left)) <= 0) break;
    if (recv(sock, sink, sizeof sink, MSG_DONTWAIT) <= 0) break;
  }
  close(sock);
}

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Returns `ms` as seconds for people: "10 s", "0.5 s".
std::string seconds(std::chrono::milliseconds ms) {
  std::ostringstream out;
  out << std::setprecision(3) << ms.count() / 1000.0 << " s";
  return out.str();
}

struct LimitError {
  int status;
  std::string message;
};

// Returns the error of a request that `stream`'s limits ended, or nullopt.
std::optional<LimitError> limit_error(const ConnectionStream& stream,
                                      const StreamLimits& limits) {
  if (stream.timed_out()) {
    return LimitError{408, "the request line and headers took longer than " +
                               seconds(limits.read_timeout) + " to arrive"};
  }
  if (stream.too_large()) {
    const std::string bytes = std::to_string(limits.max_request_bytes) + " bytes";
    if (!stream.line_read()) return LimitError{414, "the request line is over " + bytes};
    return LimitError{431, "the request line and headers are over " + bytes};
  }
  return std::nullopt;
}

// The request being answered on this thread.
struct Exchange {
  ConnectionStream& stream;
  Clock::time_point started;
  bool routed = false;     // reached the handler (cpp-httplib parsed it)
  bool responded = false;  // a response was written
  bool close = false;      // close the connection after the response
};

thread_local Exchange* t_exchange = nullptr;

}  // namespace

HttpServer::HttpServer(const ServerLimits& limits, Handler handler, AccessLog log)
    : limits_(limits), handler_(std::move(handler)), log_(std::move(log)) {
  if (pipe2(stop_pipe_, O_CLOEXEC | O_NONBLOCK) != 0) {
    throw std::runtime_error(std::string("cannot make a pipe: ") + std::strerror(errno));
  }
  // What the Keep-Alive header of each answer says; process_and_close_socket()
  // applies them.
  set_keep_alive_max_count(limits_.max_requests_per_connection);
  set_keep_alive_timeout(std::max<time_t>(
      1, std::chrono::duration_cast<std::chrono::seconds>(limits_.idle_timeout).count()));
  const unsigned connections = std::max(1u, limits_.connections);
  new_task_queue = [connections] { return new ConnectionQueue(connections); };
  set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    Exchange* exchange = t_exchange;
    exchange->routed = true;
    const bool has_body = req.has_header("Transfer-Encoding") ||
                          (req.has_header("Content-Length") &&
                           req.get_header_value("Content-Length") != "0");
    if (req.method != "GET" && req.method != "HEAD") {
      set_json_error(res, 405,
                     "method " + req.method + " is not allowed: GET or HEAD only");
    } else {
      handler_(req, res);
    }
    if (has_body || res.status == 405) {  // a body is never read: close after answering
      exchange->close = true;
      res.set_header("Connection", "close");
    }
    return HandlerResponse::Handled;
  });
  set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        set_json_error(res, 500, "internal error");
      });
  set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (t_exchange == nullptr || !t_exchange->routed) set_protocol_error(req, res);
  });
  set_logger([this](const httplib::Request& req, const httplib::Response& res) {
    Exchange* exchange = t_exchange;
    exchange->responded = true;
    if (log_) {
      log_(res.status, ms_since(exchange->started), req.method.empty() ? "-" : req.method,
           req.target.empty() ? "-" : req.target);
    }
  });
}

HttpServer::~HttpServer() {
  close(stop_pipe_[0]);
  close(stop_pipe_[1]);
}

int HttpServer::bind(const std::string& host, int port) {
  const int bound =
      port == 0 ? bind_to_any_port(host) : (bind_to_port(host, port) ? port : -1);
  // cpp-httplib listens with a queue of 5: a burst of connections would
  // wait for the client's SYN to be sent again. Listening again resizes it.
  if (bound > 0) ::listen(svr_sock_, SOMAXCONN);
  return bound;
}

void HttpServer::shutdown() {
  if (stopping_.exchange(true)) return;
  const char byte = 's';
  [[maybe_unused]] const ssize_t n = write(stop_pipe_[1], &byte, 1);
  // As stop() does, which does nothing before listen_after_bind() has
  // started: this also stops a server about to start listening.
  const socket_t listening = svr_sock_.exchange(INVALID_SOCKET);
  if (listening != INVALID_SOCKET) {
    ::shutdown(listening, SHUT_RDWR);
    close(listening);
  }
}

void HttpServer::set_protocol_error(const httplib::Request& req, httplib::Response& res) {
  int status = res.status;
  std::string message = "HTTP " + std::to_string(status) + " " + reason_phrase(status);
  const std::optional<LimitError> limit =
      t_exchange ? limit_error(t_exchange->stream, limits_.stream) : std::nullopt;
  if (limit) {
    status = limit->status;
    message = limit->message;
  } else if (status == 414) {
    message = "the request target is over " +
              std::to_string(CPPHTTPLIB_REQUEST_URI_MAX_LENGTH) + " bytes";
  } else if (is_other_method(req)) {
    status = 405;
    message = "method " + req.method + " is not allowed: GET or HEAD only";
  } else if (status == 400) {
    message = "malformed HTTP request";
  }
  set_json_error(res, status, message);
  res.set_header("Connection", "close");
  if (t_exchange) t_exchange->close = true;
}

bool HttpServer::process_and_close_socket(socket_t sock) {
  if (t_refusing) {
    refuse(sock);
    return true;
  }
  // cpp-httplib writes a response's head and body apart: without this, the
  // body would wait for the client's delayed ACK of the head (40 ms).
  const int one = 1;
  setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  ConnectionStream stream(sock, stop_pipe_[0], limits_.stream);
  bool linger = false;
  for (unsigned n = 0; n < limits_.max_requests_per_connection; ++n) {
    // Once stopping, a request that has arrived is answered (with
    // "Connection: close"); waiting for another ends at once.
    if (!stream.wait_for_request(limits_.idle_timeout)) break;
    stream.begin_request();
    Exchange exchange{stream, Clock::now()};
    t_exchange = &exchange;
    bool closed = false;
    const bool last = n + 1 == limits_.max_requests_per_connection || stopping_;
    const bool served = process_request(stream, last, closed, nullptr);
    t_exchange = nullptr;
    if (!exchange.responded) {
      exchange.responded = answer_cut_short(stream, exchange.started);
    }
    linger = exchange.close || !exchange.responded;
    if (!served || closed || linger) break;
  }
  if (linger) {
    linger_and_close(sock);
  } else {
    ::shutdown(sock, SHUT_RDWR);
    close(sock);
  }
  return true;
}

bool HttpServer::answer_cut_short(ConnectionStream& stream, Clock::time_point started) {
  // Else the client closed the connection, or the server is stopping.
  const std::optional<LimitError> limit = limit_error(stream, limits_.stream);
  if (!limit || !stream.started()) return false;
  const std::string response = raw_response(limit->status, json_error(limit->message));
  for (std::size_t sent = 0; sent < response.size();) {
    const ssize_t n = stream.write(response.data() + sent, response.size() - sent);
    if (n <= 0) return false;
    sent += static_cast<std::size_t>(n);
  }
  if (log_) log_(limit->status, ms_since(started), "-", "-");
  return true;
}

void HttpServer::refuse(socket_t sock) {
  const Clock::time_point start = Clock::now();
  const std::string response =
      raw_response(503, json_error("overloaded: too many connections; try again"));
  [[maybe_unused]] const ssize_t n =
      send(sock, response.data(), response.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
  ::shutdown(sock, SHUT_WR);
  close(sock);
  if (log_) log_(503, ms_since(start), "-", "-");
}

}  // namespace vnews
