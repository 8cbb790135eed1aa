#include "vnews/date_parser.h"

#include <catch2/catch.hpp>

TEST_CASE("common date forms become sortable YYYYMMDD", "[date]") {
  struct Row {
    const char* text;
    const char* expected;  // "" when the text is not a date
  };
  const Row rows[] = {
      {"20201001", "20201001"},                   // the dantri header form
      {" 20201001 ", "20201001"},                 // spaces around
      {"2020-10-01", "20201001"},                 // ISO 8601 date
      {"2020-10-01T16:35:34+07:00", "20201001"},  // the date as written, not UTC
      {"2020-10-01 23:59", "20201001"},           // ISO with a space
      {"01/10/2020", "20201001"},                 // Vietnamese day/month/year
      {"1/2/2021", "20210201"},                   // without leading zeros
      {"01/10/2020 16:35", "20201001"},           // followed by a time
      {"1601545000", "20201001"},                 // epoch seconds, UTC
      {"2024-02-29", "20240229"},                 // leap day
      {"2023-02-29", ""},                         // no such day
      {"20211345", ""},                           // month 13
      {"2021-4-11", ""},                          // ISO needs two digits
      {"32/01/2020", ""},                         // day 32
      {"10/2020", ""},                            // no day
      {"yesterday", ""},
      {"", ""},
      {"2020-10-01garbage", ""},
      {"12345", ""},  // too short for anything
  };
  for (const Row& row : rows) {
    INFO("text: '" << row.text << "'");
    CHECK(vnews::parse_date(row.text).value_or("") == row.expected);
  }
}
