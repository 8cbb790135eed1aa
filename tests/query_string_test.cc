#include "http/query_string.h"

#include <catch2/catch.hpp>

#include "vnews/error.h"

using vnews::parse_target;
using vnews::percent_decode;

TEST_CASE("a request target splits into a decoded path and parameters", "[http]") {
  const vnews::Target t =
      parse_target("/search?q=b%C3%A3o+l%E1%BB%A5t&limit=5&&flag#top");
  CHECK(t.path == "/search");
  CHECK(t.params == vnews::QueryParams{{"q", "bão lụt"}, {"limit", "5"}, {"flag", ""}});
  // '+' is a space in a query string only; %2F is a slash inside an id.
  CHECK(parse_target("/article/tech%2Fa+b.txt").path == "/article/tech/a+b.txt");
  CHECK(parse_target("/").params.empty());
  CHECK(parse_target("/?q=a%26b%3Dc").params == vnews::QueryParams{{"q", "a&b=c"}});
}

TEST_CASE("bad percent-encoding and invalid UTF-8 are errors naming the part", "[http]") {
  CHECK_THROWS_WITH(
      parse_target("/search?q=a%zz"),
      "parameter 'q': malformed percent-encoding at byte 1: '%zz' ('%' must "
      "be followed by two hexadecimal digits)");
  CHECK_THROWS_WITH(
      parse_target("/search?q=50%"),
      Catch::StartsWith("parameter 'q': malformed percent-encoding at byte 2"));
  CHECK_THROWS_WITH(parse_target("/a%4"),
                    Catch::StartsWith("path: malformed percent-encoding at byte 2"));
  CHECK_THROWS_WITH(parse_target("/search?q=%C3%28"),
                    "parameter 'q': not valid UTF-8 (at byte 0 once decoded)");
  CHECK_THROWS_WITH(parse_target("/search?%FF=1"),
                    "parameter name: not valid UTF-8 (at byte 0 once decoded)");
  CHECK_THROWS_AS(percent_decode("%ED%A0%80", false, "x"),
                  vnews::QueryError);  // surrogate
}

TEST_CASE("percent-encoding keeps unreserved characters and encodes the rest", "[http]") {
  CHECK(vnews::percent_encode("điện thoại/a-b_c.~") ==
        "%C4%91i%E1%BB%87n%20tho%E1%BA%A1i%2Fa-b_c.~");
  CHECK(percent_decode(vnews::percent_encode("a&b=c ?"), true, "x") == "a&b=c ?");
}
