#include "http/connection_stream.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace vnews {
namespace {

// Sets `ip` and `port` from a socket address.
void describe(const sockaddr_storage& address, std::string& ip, int& port) {
  char text[INET6_ADDRSTRLEN] = "";
  if (address.ss_family == AF_INET) {
    const auto& v4 = reinterpret_cast<const sockaddr_in&>(address);
    inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text);
    port = ntohs(v4.sin_port);
  } else if (address.ss_family == AF_INET6) {
    const auto& v6 = reinterpret_cast<const sockaddr_in6&>(address);
    inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text);
    port = ntohs(v6.sin6_port);
  }
  ip = text;
}

}  // namespace

ConnectionStream::ConnectionStream(int fd, int stop_fd, const StreamLimits& limits)
    : fd_(fd), stop_fd_(stop_fd), limits_(limits) {
  begin_request();
}

bool ConnectionStream::wait_for_request(std::chrono::milliseconds timeout) {
  return pos_ < end_ || wait(POLLIN, Clock::now() + timeout, true);
}

void ConnectionStream::begin_request() {
  const Clock::time_point now = Clock::now();
  read_deadline_ = now + limits_.read_timeout;
  received_ = end_ - pos_;  // a pipelined request already read counts
  writing_ = false;
  timed_out_ = too_large_ = stopped_ = line_read_ = false;
}

bool ConnectionStream::wait(short events, Clock::time_point deadline, bool stoppable) {
  for (;;) {
    const auto left =
        std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) {
      timed_out_ = true;
      return false;
    }
    pollfd fds[2] = {{fd_, events, 0}, {stop_fd_, POLLIN, 0}};
    const int ready = poll(fds, stoppable ? 2 : 1, static_cast<int>(left));
    if (ready < 0 && errno != EINTR) return false;
    if (ready <= 0) continue;
    if (fds[0].revents != 0) return true;  // ready, or an error that recv/send reports
    stopped_ = true;
    return false;
  }
}

bool ConnectionStream::is_readable() const { return true; }  // read() waits

bool ConnectionStream::is_writable() const { return true; }  // write() waits

ssize_t ConnectionStream::read(char* ptr, std::size_t size) {
  if (pos_ == end_) {
    if (received_ >= limits_.max_request_bytes) {
      too_large_ = true;
      return -1;
    }
    if (!wait(POLLIN, read_deadline_, true)) return -1;
    const std::size_t room =
        std::min(sizeof buffer_, limits_.max_request_bytes - received_);
    ssize_t got;
    do {
      got = recv(fd_, buffer_, room, MSG_DONTWAIT);
    } while (got < 0 && errno == EINTR);
    if (got <= 0) return got;  // 0: the client closed
    pos_ = 0;
    end_ = static_cast<std::size_t>(got);
    received_ += end_;
  }
  const std::size_t n = std::min(size, end_ - pos_);
  std::memcpy(ptr, buffer_ + pos_, n);
  line_read_ = line_read_ || std::memchr(buffer_ + pos_, '\n', n) != nullptr;
  pos_ += n;
  return static_cast<ssize_t>(n);
}

ssize_t ConnectionStream::write(const char* ptr, std::size_t size) {
  if (!writing_) {
    writing_ = true;
    write_deadline_ = Clock::now() + limits_.write_timeout;
  }
  for (;;) {
    if (!wait(POLLOUT, write_deadline_, false)) return -1;
    const ssize_t sent = send(fd_, ptr, size, MSG_DONTWAIT | MSG_NOSIGNAL);
    if (sent >= 0) return sent;
    if (errno != EINTR && errno != EAGAIN && errno != EWOULDBLOCK) return -1;
  }
}

void ConnectionStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  if (getpeername(fd_, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
    describe(address, ip, port);
  }
}

void ConnectionStream::get_local_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  if (getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
    describe(address, ip, port);
  }
}

}  // namespace vnews
