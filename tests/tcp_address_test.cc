#include "vnews/tcp_address.h"

#include <catch2/catch.hpp>

#include "vnews/error.h"

TEST_CASE("tcp:// values give host and port, printed back the same", "[tcp_address]") {
  struct Row {
    const char* why;
    const char* db;
    const char* host;
    unsigned port;
    const char* printed;
  };
  const Row rows[] = {
      {"IPv4 loopback", "tcp://127.0.0.1:7000", "127.0.0.1", 7000, "127.0.0.1:7000"},
      {"host name", "tcp://shard-a.example:1", "shard-a.example", 1, "shard-a.example:1"},
      {"highest port", "tcp://h:65535", "h", 65535, "h:65535"},
      {"IPv6 in brackets", "tcp://[::1]:7000", "::1", 7000, "[::1]:7000"},
  };
  for (const Row& row : rows) {
    INFO(row.why);
    const auto address = vnews::parse_tcp_url(row.db);
    REQUIRE(address);
    CHECK(address->host == row.host);
    CHECK(address->port == row.port);
    CHECK(vnews::to_string(*address) == row.printed);
  }
}

TEST_CASE("values without tcp:// are not remote", "[tcp_address]") {
  for (const char* db : {"news.db", "/srv/news.db", "tcp:/x:1", "TCP://x:1", ""}) {
    INFO(db);
    CHECK_FALSE(vnews::is_tcp_url(db));
    CHECK_FALSE(vnews::parse_tcp_url(db));
  }
}

TEST_CASE("malformed tcp:// values are usage errors quoting them", "[tcp_address]") {
  const char* rows[] = {
      "tcp://",                  // nothing
      "tcp://host",              // no port
      "tcp://host:",             // empty port
      "tcp://:7000",             // no host
      "tcp://host:0",            // port 0
      "tcp://host:65536",        // past the last port
      "tcp://host:99999999999",  // overflow
      "tcp://host:70a",          // not a number
      "tcp://host:-1",           // sign
      "tcp://::1:7000",          // IPv6 without brackets
      "tcp://[]:7000",           // empty brackets
  };
  for (const char* db : rows) {
    INFO(db);
    CHECK_THROWS_MATCHES(vnews::parse_tcp_url(db), vnews::UsageError,
                         Catch::Message("--db must be tcp://HOST:PORT with a port from 1 "
                                        "to 65535, got '" +
                                        std::string(db) + "'"));
  }
}
