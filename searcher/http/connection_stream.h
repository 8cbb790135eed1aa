// connection_stream.h -- one client connection as cpp-httplib reads and
// writes it: buffered, with a deadline and a size limit on each request
// whatever the client does (a slow or endless request ends at them), and a
// stop signal that ends the waiting for a request.
#ifndef VNEWS_SEARCHER_HTTP_CONNECTION_STREAM_H_
#define VNEWS_SEARCHER_HTTP_CONNECTION_STREAM_H_

#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <string>

namespace vnews {

// The limits of each request on a connection.
struct StreamLimits {
  // A request line and its headers must arrive within this, from their first byte.
  std::chrono::milliseconds read_timeout{10000};
  // A response must be written within this, from its first byte.
  std::chrono::milliseconds write_timeout{10000};
  // Bytes a request line and its headers may take.
  std::size_t max_request_bytes = 32 * 1024;
};

class ConnectionStream : public httplib::Stream {
 public:
  using Clock = std::chrono::steady_clock;

  // REQUIRES: `fd` is a connected socket and `stop_fd` a descriptor that
  // becomes readable when the server stops; both outlive the stream, which
  // closes neither.
  ConnectionStream(int fd, int stop_fd, const StreamLimits& limits);

  // Waits at most `timeout` for the next request to start. Returns true when
  // bytes came, or the client closed the connection (read() then returns 0);
  // false on timeout, or when the server stops first.
  bool wait_for_request(std::chrono::milliseconds timeout);

  // Starts the next request: its read deadline, size limit and write deadline.
  void begin_request();

  // Why the last read() failed: the request took too long, was too large,
  // or the server stopped while waiting for it.
  bool timed_out() const { return timed_out_; }
  bool too_large() const { return too_large_; }
  bool stopped() const { return stopped_; }
  // True once the request's line break has been read (its request line is whole).
  bool line_read() const { return line_read_; }
  // True once some byte of the request has been read.
  bool started() const { return received_ > 0 || pos_ > 0; }

  // httplib::Stream. read() and write() wait up to the deadlines, then
  // return -1.
  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, std::size_t size) override;
  ssize_t write(const char* ptr, std::size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  int socket() const override { return fd_; }

 private:
  // Waits until `fd_` is ready for `events` (POLLIN or POLLOUT) before
  // `deadline`; with `stoppable`, also until the server stops. Returns false
  // when it was not.
  bool wait(short events, Clock::time_point deadline, bool stoppable);

  const int fd_;
  const int stop_fd_;
  const StreamLimits limits_;
  char buffer_[4096];
  std::size_t pos_ = 0, end_ = 0;  // unread bytes: buffer_[pos_, end_)
  std::size_t received_ = 0;       // bytes of this request read from the socket
  Clock::time_point read_deadline_;
  Clock::time_point write_deadline_;
  bool writing_ = false;  // the response has started
  bool timed_out_ = false, too_large_ = false, stopped_ = false, line_read_ = false;
};

}  // namespace vnews

#endif  // VNEWS_SEARCHER_HTTP_CONNECTION_STREAM_H_
