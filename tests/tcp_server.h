// tcp_server.h -- runs xapian-tcpsrv on a free loopback port for the length of
// a test.
#ifndef VNEWS_TESTS_TCP_SERVER_H_
#define VNEWS_TESTS_TCP_SERVER_H_

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace vnews::test {

// Returns the path of xapian-tcpsrv found when the build was configured, or
// an empty string when it was not found.
std::string tcpsrv_program();

// One xapian-tcpsrv process serving one database on 127.0.0.1. It runs in its
// own process group, so stopping it (which signals its whole group) never
// reaches the test, and it is stopped when the test process dies.
class TcpServer {
 public:
  // Starts serving `db` (`writable` adds --writable; `idle_timeout_ms` > 0,
  // --idle-timeout: a connection idle that long is closed), on a free port;
  // returns once it listens. Throws std::runtime_error with the server's
  // output when it does not start within 10 s.
  TcpServer(const std::filesystem::path& db, bool writable = false,
            unsigned idle_timeout_ms = 0);
  // Stops the server and every connection it forked.
  ~TcpServer();
  TcpServer(const TcpServer&) = delete;
  TcpServer& operator=(const TcpServer&) = delete;

  unsigned port() const { return port_; }
  std::string host_port() const { return "127.0.0.1:" + std::to_string(port_); }
  std::string url() const { return "tcp://" + host_port(); }

  // Stops the server now, as a shard going down; later calls do nothing.
  void stop();

  // Freezes the server and every connection it forked (SIGSTOP), as a host
  // that stops answering; resume() thaws them.
  void pause();
  void resume();

 private:
  // REQUIRES: `args` ends with a null pointer.
  bool start(const std::vector<char*>& args);

  std::filesystem::path log_;
  pid_t pid_ = -1;
  unsigned port_ = 0;
};

}  // namespace vnews::test

#endif  // VNEWS_TESTS_TCP_SERVER_H_
