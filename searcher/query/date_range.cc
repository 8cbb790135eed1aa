#include "query/date_range.h"

#include "vnews/date_parser.h"
#include "vnews/error.h"
#include "vnews/schema.h"

namespace vnews {
namespace {

[[noreturn]] void bad_date(std::string_view text) {
  throw QueryError("bad date '" + std::string(text.substr(0, 40)) +
                   "': expected YYYY-MM-DD, YYYY-MM or YYYY");
}

bool all_digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

// Returns the digits of `text` without separators: "2017-06-01" -> "20170601".
std::string compact(std::string_view text) {
  if (all_digits(text) && (text.size() == 4 || text.size() == 6 || text.size() == 8)) {
    return std::string(text);
  }
  const bool month = text.size() == 7 && text[4] == '-';
  const bool day = text.size() == 10 && text[4] == '-' && text[7] == '-';
  if (!month && !day) bad_date(text);
  std::string digits;
  for (char c : text) {
    if (c != '-') digits += c;
  }
  if (!all_digits(digits)) bad_date(text);
  return digits;
}

}  // namespace

std::string date_bound(std::string_view text, bool upper) {
  std::string digits = compact(text);
  if (digits.size() >= 6) {
    const int month = std::stoi(digits.substr(4, 2));
    if (month < 1 || month > 12) bad_date(text);
  }
  if (digits.size() == 8 && !parse_date(digits)) {
    throw QueryError("bad date '" + std::string(text.substr(0, 40)) +
                     "': that day does not exist");
  }
  digits.resize(8, upper ? '9' : '0');
  return digits;
}

DateRange parse_date_range(std::string_view text) {
  DateRange range;
  const std::size_t dots = text.find("..");
  if (dots == std::string_view::npos) {
    range.from = date_bound(text, false);
    range.to = date_bound(text, true);
    return range;
  }
  const std::string_view from = text.substr(0, dots), to = text.substr(dots + 2);
  if (from.empty() && to.empty()) bad_date(text);
  if (!from.empty()) range.from = date_bound(from, false);
  if (!to.empty()) range.to = date_bound(to, true);
  if (!range.from.empty() && !range.to.empty() && range.from > range.to) {
    throw QueryError("bad date range '" + std::string(text) +
                     "': it ends before it starts");
  }
  return range;
}

Xapian::Query date_filter(const DateRange& range) {
  if (range.to.empty()) {
    return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, range.from);
  }
  if (range.from.empty()) {
    return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kDateSlot, range.to);
  }
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, range.from,
                       range.to);
}

}  // namespace vnews
