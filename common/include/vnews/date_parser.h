// date_parser.h -- turns the dates news sources write into the sortable
// "YYYYMMDD" form the index stores in schema::kDateSlot.
#ifndef VNEWS_DATE_PARSER_H_
#define VNEWS_DATE_PARSER_H_

#include <optional>
#include <string>
#include <string_view>

namespace vnews {

// Returns `text` as "YYYYMMDD", or nothing when it is not a real calendar
// date in one of these forms (surrounding spaces ignored):
//   YYYYMMDD                      "20201001"
//   ISO 8601 date or date-time    "2020-10-01", "2020-10-01T16:35:34+07:00"
//                                 (the date as written, whatever the offset)
//   dd/mm/yyyy or d/m/yyyy        "01/10/2020", "1/10/2020", optionally
//                                 followed by a time ("01/10/2020 16:35")
//   epoch seconds, 9 to 11 digits "1601545000" (a UTC date)
// Years outside 1000..9999 and days that do not exist ("2021-02-30") give
// nothing.
std::optional<std::string> parse_date(std::string_view text);

// Returns a stored "YYYYMMDD" date as people and ISO 8601 write it,
// "YYYY-MM-DD"; anything else comes back unchanged.
std::string iso_date(std::string_view yyyymmdd);

}  // namespace vnews

#endif  // VNEWS_DATE_PARSER_H_
