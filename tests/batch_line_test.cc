#include "cli/batch_line.h"

#include <catch2/catch.hpp>

#include "vnews/error.h"

TEST_CASE("a plain batch line is the query, with the defaults", "[batch]") {
  vnews::SearchRequest defaults;
  defaults.limit = 7;
  const auto plain = vnews::parse_batch_line("điện thoại", defaults);
  CHECK(plain.query == "điện thoại");
  CHECK(plain.limit == 7);
}

TEST_CASE("a JSON batch line carries its own options", "[batch]") {
  vnews::SearchRequest defaults;
  defaults.limit = 7;
  const auto r = vnews::parse_batch_line(
      R"({"q": "bão", "limit": 3, "offset": 6, "since": "2017-06", "until": "2017",)"
      R"( "sort": "date", "facet": "category"})",
      defaults);
  CHECK(r.query == "bão");
  CHECK(r.limit == 3);
  CHECK(r.offset == 6);
  CHECK(r.dates.from == "20170600");
  CHECK(r.dates.to == "20179999");
  CHECK(r.sort == vnews::SortOrder::kDate);
  CHECK(r.facets == std::vector<vnews::FacetSpec>{vnews::FacetSpec{}});
}

TEST_CASE("bad JSON batch lines fail with a message naming the problem", "[batch]") {
  const vnews::SearchRequest d;
  REQUIRE_THROWS_WITH(vnews::parse_batch_line("{\"q\": ", d),
                      "line is not a valid JSON object");
  REQUIRE_THROWS_WITH(vnews::parse_batch_line("{\"limit\": 3}", d),
                      "JSON line has no \"q\" (nor \"like\")");
  REQUIRE_THROWS_WITH(vnews::parse_batch_line("{\"q\": \"x\", \"limit\": 0}", d),
                      "\"limit\" must be a positive integer up to 100000, got 0");
  REQUIRE_THROWS_WITH(vnews::parse_batch_line("{\"q\": \"x\", \"offset\": 1.5}", d),
                      "\"offset\" must be a non-negative integer up to 100000");
  REQUIRE_THROWS_WITH(
      vnews::parse_batch_line("{\"q\": \"x\", \"since\": \"2021-02-30\"}", d),
      "\"since\": bad date '2021-02-30': that day does not exist");
  REQUIRE_THROWS_WITH(vnews::parse_batch_line(
                          "{\"q\": \"x\", \"since\": \"2018\", \"until\": \"2017\"}", d),
                      "since is after until: nothing can match");
  REQUIRE_THROWS_WITH(vnews::parse_batch_line("{\"q\": \"x\", \"count\": 1}", d),
                      "\"count\" must be true or false");
  REQUIRE_THROWS_WITH(vnews::parse_batch_line("{\"q\": \"x\", \"limt\": 3}", d),
                      Catch::StartsWith("unknown key \"limt\""));
  REQUIRE_THROWS_WITH(vnews::parse_batch_line("{\"q\": 5}", d), "\"q\" must be a string");
  REQUIRE_THROWS_WITH(vnews::parse_batch_line("{\"q\": \"x\", \"sort\": \"size\"}", d),
                      "sort must be relevance, date or recency, got 'size'");
  REQUIRE_THROWS_AS(vnews::parse_batch_line("{\"q\": \"x\", \"since\": \"June\"}", d),
                    vnews::QueryError);
  CHECK(vnews::batch_line_query("{\"q\": \"bão\", \"limit\": -1}") == "bão");
  CHECK(vnews::batch_line_query("{broken") == "{broken");
}
