// tcp_address.h -- the tcp://HOST:PORT form that names a database served by
// xapian-tcpsrv, for --db of both programs.
#ifndef VNEWS_TCP_ADDRESS_H_
#define VNEWS_TCP_ADDRESS_H_

#include <optional>
#include <string>
#include <string_view>

namespace vnews {

// Where xapian-tcpsrv listens.
struct TcpAddress {
  std::string host;   // a name, an IPv4 address, or an IPv6 address without brackets
  unsigned port = 0;  // 1..65535 (0 only where parse_host_port() allows any port)
};

// Returns true when `db` starts with "tcp://", so it names a remote database
// and never a local folder.
bool is_tcp_url(std::string_view db);

// Returns the address in "tcp://HOST:PORT" (IPv6 as "tcp://[::1]:PORT"), or
// nullopt when `db` does not start with "tcp://". Throws UsageError quoting
// `db` when the host is empty or the port is not a number from 1 to 65535.
std::optional<TcpAddress> parse_tcp_url(std::string_view db);

// Parses "HOST:PORT" as parse_tcp_url() parses what follows "tcp://"; `what`
// names the value in the error message. With `any_port`, port 0 (a port the
// system chooses, for a server) is accepted too.
TcpAddress parse_host_port(std::string_view text, std::string_view what,
                           bool any_port = false);

// Returns "HOST:PORT", with brackets around an IPv6 host.
std::string to_string(const TcpAddress& address);

}  // namespace vnews

#endif  // VNEWS_TCP_ADDRESS_H_
