#include "query/date_range.h"

#include <catch2/catch.hpp>

#include "vnews/error.h"

TEST_CASE("date bounds cover whole days, months and years", "[date]") {
  CHECK(vnews::date_bound("2017-06-01", false) == "20170601");
  CHECK(vnews::date_bound("20170601", true) == "20170601");
  CHECK(vnews::date_bound("2017-06", false) == "20170600");
  CHECK(vnews::date_bound("2017-06", true) == "20170699");
  CHECK(vnews::date_bound("2017", true) == "20179999");
}

TEST_CASE("date ranges may be open at either end", "[date]") {
  const auto both = vnews::parse_date_range("2017-06-01..2017-06-30");
  CHECK(both.from == "20170601");
  CHECK(both.to == "20170630");
  CHECK(vnews::parse_date_range("2017..").to.empty());
  CHECK(vnews::parse_date_range("..2017").from.empty());
  const auto month = vnews::parse_date_range("2017-06");
  CHECK(month.from == "20170600");
  CHECK(month.to == "20170699");
}

TEST_CASE("malformed dates are errors quoting them", "[date]") {
  for (const char* bad : {"2017-6-1", "17-06-01", "2017-00", "2017-06-32", "2017/06/01",
                          "..", "", "２０１７", "2017-06-01..2017-05-01", "abcd"}) {
    INFO(bad);
    CHECK_THROWS_AS(vnews::parse_date_range(bad), vnews::QueryError);
  }
  REQUIRE_THROWS_WITH(
      vnews::parse_date_range("2017-06-30..2017-06-01"),
      "bad date range '2017-06-30..2017-06-01': it ends before it starts");
}

TEST_CASE("days that do not exist are errors, leap days are not", "[date]") {
  for (const char* bad : {"2021-02-30", "2021-04-31", "2021-02-29", "20210431",
                          "1900-02-29", "2021-02-29..2021-03-01", "..2021-06-31"}) {
    INFO(bad);
    CHECK_THROWS_WITH(vnews::parse_date_range(bad), Catch::Contains("does not exist"));
  }
  CHECK(vnews::date_bound("2020-02-29", false) == "20200229");
  CHECK(vnews::date_bound("2000-02-29", true) == "20000229");
  CHECK(vnews::date_bound("2021-04-30", true) == "20210430");
}
