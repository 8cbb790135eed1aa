#include "vnews/tcp_address.h"

#include "vnews/error.h"

namespace vnews {
namespace {

constexpr std::string_view kScheme = "tcp://";
constexpr unsigned long kMaxPort = 65535;

// Returns the port in `digits`, or -1 when it is not a number from 0 to 65535.
long parse_port(std::string_view digits) {
  if (digits.empty() || digits.size() > 5) return -1;
  long value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value <= static_cast<long>(kMaxPort) ? value : -1;
}

}  // namespace

bool is_tcp_url(std::string_view db) { return db.substr(0, kScheme.size()) == kScheme; }

TcpAddress parse_host_port(std::string_view text, std::string_view what, bool any_port) {
  const auto bad = [&] {
    return UsageError(std::string(what) + " must be HOST:PORT with a port from " +
                      (any_port ? "0" : "1") + " to " + std::to_string(kMaxPort) +
                      ", got '" + std::string(text) + "'");
  };
  const std::size_t colon = text.rfind(':');
  if (colon == std::string_view::npos) throw bad();
  std::string_view host = text.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  } else if (host.find(':') != std::string_view::npos) {
    throw bad();  // an IPv6 address needs brackets to tell it from its port
  }
  const long port = parse_port(text.substr(colon + 1));
  if (host.empty() || port < (any_port ? 0 : 1)) throw bad();
  return TcpAddress{std::string(host), static_cast<unsigned>(port)};
}

std::optional<TcpAddress> parse_tcp_url(std::string_view db) {
  if (!is_tcp_url(db)) return std::nullopt;
  try {
    return parse_host_port(db.substr(kScheme.size()), "--db");
  } catch (const UsageError&) {
    throw UsageError("--db must be tcp://HOST:PORT with a port from 1 to " +
                     std::to_string(kMaxPort) + ", got '" + std::string(db) + "'");
  }
}

std::string to_string(const TcpAddress& address) {
  const bool ipv6 = address.host.find(':') != std::string::npos;
  return (ipv6 ? "[" + address.host + "]" : address.host) + ":" +
         std::to_string(address.port);
}

}  // namespace vnews
