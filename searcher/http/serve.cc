#include "http/serve.h"

#include <pthread.h>
#include <signal.h>

#include <cerrno>
#include <cstring>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "http/access_log.h"
#include "http/http_server.h"
#include "http/search_pool.h"
#include "http/service.h"
#include "vnews/tcp_address.h"

namespace vnews {
namespace {

// The signals that stop the service.
sigset_t stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  return set;
}

// Writes whole access log lines to a stream from any thread.
class AccessLogWriter {
 public:
  explicit AccessLogWriter(std::ostream& out) : out_(out) {}
  void write(int status, double ms, std::string_view method, std::string_view target) {
    const std::string line =
        access_log_line(std::chrono::system_clock::now(), status, ms, method, target);
    std::lock_guard<std::mutex> lock(mu_);
    out_ << line << std::flush;
  }

 private:
  std::mutex mu_;
  std::ostream& out_;  // GUARDED_BY(mu_)
};

ServerLimits server_limits(const ServeOptions& options) {
  ServerLimits limits;
  limits.stream.read_timeout =
      std::chrono::duration_cast<std::chrono::milliseconds>(options.read_timeout);
  limits.stream.read_timeout =
      std::max(limits.stream.read_timeout, std::chrono::milliseconds(1));
  limits.connections = options.connections;
  return limits;
}

}  // namespace

void run_serve(const ServeOptions& options, std::ostream& log) {
  const sigset_t signals = stop_signals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // every thread started from here on too
  signal(SIGPIPE, SIG_IGN);

  SearchPool pool({options.dbs, options.allow_partial, options.workers, options.queue});
  for (const std::string& missing : pool.missing_shards()) {
    log << "vnews-serve: warning: " << missing << "; serving without it\n";
  }
  Service service(
      pool, std::chrono::duration_cast<std::chrono::milliseconds>(options.time_limit));
  AccessLogWriter access_log(log);
  HttpServer::AccessLog write_log;
  if (!options.quiet) {
    write_log = [&](int status, double ms, std::string_view method,
                    std::string_view target) {
      access_log.write(status, ms, method, target);
    };
  }
  HttpServer server(
      server_limits(options),
      [&](const httplib::Request& req, httplib::Response& res) {
        service.handle(req, res);
      },
      write_log);
  const int port = server.bind(options.host, static_cast<int>(options.port));
  const TcpAddress address{options.host, static_cast<unsigned>(std::max(port, 0))};
  if (port < 0) {
    throw std::runtime_error("cannot listen on " +
                             to_string(TcpAddress{options.host, options.port}) + ": " +
                             std::strerror(errno));
  }
  log << "vnews-serve: listening on http://" << to_string(address) << "/ ("
      << pool.workers() << (pool.workers() == 1 ? " worker" : " workers") << ")"
      << std::endl;

  std::thread waiter([&] {
    int signal = 0;
    sigwait(&signals, &signal);
    server.shutdown();
  });
  const bool served = server.listen_after_bind();
  server.shutdown();                              // when listening failed by itself
  pthread_kill(waiter.native_handle(), SIGTERM);  // wakes it if no signal came
  waiter.join();
  if (!served) throw std::runtime_error("stopped listening on " + to_string(address));
  log << "vnews-serve: stopped" << std::endl;
}

}  // namespace vnews
