#include "tcp_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace vnews::test {
namespace {

constexpr int kAttempts = 5;  // a free port can be taken before the server binds it
constexpr auto kStartTimeout = std::chrono::seconds(10);

// Returns a port that nothing listened on a moment ago.
unsigned free_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket() failed");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  const bool ok = bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
                  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0;
  close(fd);
  if (!ok) throw std::runtime_error("cannot find a free port on 127.0.0.1");
  return ntohs(addr.sin_port);
}

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

std::string tcpsrv_program() { return VNEWS_XAPIAN_TCPSRV; }

TcpServer::TcpServer(const std::filesystem::path& db, bool writable,
                     unsigned idle_timeout_ms) {
  static int servers = 0;
  log_ = std::filesystem::temp_directory_path() /
         ("vnews-tcpsrv-" + std::to_string(getpid()) + "-" + std::to_string(servers++) +
          ".log");
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    port_ = free_port();
    std::vector<std::string> words = {tcpsrv_program(), "--interface", "127.0.0.1",
                                      "--port", std::to_string(port_)};
    if (writable) words.push_back("--writable");
    if (idle_timeout_ms > 0) {
      words.push_back("--idle-timeout");
      words.push_back(std::to_string(idle_timeout_ms));
    }
    words.push_back(db.string());
    std::vector<char*> args;  // built before fork(): the child only execs
    for (std::string& word : words) args.push_back(word.data());
    args.push_back(nullptr);
    if (start(args)) return;
  }
  const std::string output = slurp(log_);
  std::filesystem::remove(log_);
  throw std::runtime_error("xapian-tcpsrv did not start for '" + db.string() +
                           "': " + output);
}

TcpServer::~TcpServer() {
  stop();
  std::error_code ec;
  std::filesystem::remove(log_, ec);
}

bool TcpServer::start(const std::vector<char*>& args) {
  const pid_t parent = getpid();
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork() failed");
  if (pid_ == 0) {
    setpgid(0, 0);
    prctl(PR_SET_PDEATHSIG, SIGTERM);  // the test died: so does its server
    if (getppid() != parent) _exit(1);
    const int out = open(log_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(out, STDOUT_FILENO);
    dup2(out, STDERR_FILENO);
    execv(args[0], args.data());
    _exit(127);
  }
  setpgid(pid_, pid_);
  const auto deadline = std::chrono::steady_clock::now() + kStartTimeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (slurp(log_).find("Listening...") != std::string::npos) return true;
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {  // e.g. the port was taken
      pid_ = -1;
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  stop();
  return false;
}

void TcpServer::stop() {
  if (pid_ <= 0) return;
  kill(-pid_, SIGTERM);
  kill(-pid_, SIGCONT);  // a paused server takes the SIGTERM once thawed
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
}

void TcpServer::pause() {
  if (pid_ > 0) kill(-pid_, SIGSTOP);
}

void TcpServer::resume() {
  if (pid_ > 0) kill(-pid_, SIGCONT);
}

}  // namespace vnews::test
