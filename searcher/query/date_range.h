// date_range.h -- date filters: --since/--until and date:FROM..TO in a query,
// over the "YYYYMMDD" values of schema::kDateSlot.
#ifndef VNEWS_SEARCHER_QUERY_DATE_RANGE_H_
#define VNEWS_SEARCHER_QUERY_DATE_RANGE_H_

#include <xapian.h>

#include <string>
#include <string_view>

namespace vnews {

// Inclusive bounds as "YYYYMMDD"-comparable strings; empty means open.
struct DateRange {
  std::string from;
  std::string to;

  bool empty() const { return from.empty() && to.empty(); }
};

// Returns the range a date or a month or a year covers: "2017-06-01",
// "20170601", "2017-06", "2017" (as lower bound: its first day; as upper
// bound: its last). Throws QueryError quoting `text` for anything else,
// and for a day that does not exist ("2021-02-30").
std::string date_bound(std::string_view text, bool upper);

// Returns the range of "FROM..TO", "FROM..", "..TO" or a single date, month
// or year (which covers itself). Throws QueryError quoting `text` when a
// bound is not a date or FROM is after TO.
DateRange parse_date_range(std::string_view text);

// Returns the filter matching documents whose date lies in `range`;
// documents without a date never match. REQUIRES: !range.empty().
Xapian::Query date_filter(const DateRange& range);

}  // namespace vnews

#endif  // VNEWS_SEARCHER_QUERY_DATE_RANGE_H_
