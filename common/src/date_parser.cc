#include "vnews/date_parser.h"

#include <cstdio>
#include <ctime>

#include "vnews/strings.h"

namespace vnews {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!is_digit(c)) return false;
  }
  return true;
}

int to_int(std::string_view digits) {
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

std::optional<std::string> make_date(int y, int m, int d) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return std::nullopt;
  const int last = kDays[m - 1] + (m == 2 && is_leap(y) ? 1 : 0);
  if (d > last) return std::nullopt;
  char out[32];
  std::snprintf(out, sizeof out, "%04d%02d%02d", y, m, d);
  return std::string(out);
}

// "2020-10-01" followed by nothing, or by 'T'/' ' and a time we ignore.
std::optional<std::string> parse_iso(std::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (!all_digits(s.substr(0, 4)) || !all_digits(s.substr(5, 2)) ||
      !all_digits(s.substr(8, 2))) {
    return std::nullopt;
  }
  if (s.size() > 10 && s[10] != 'T' && s[10] != ' ') return std::nullopt;
  if (s.size() > 10 && (s.size() < 13 || !all_digits(s.substr(11, 2))))
    return std::nullopt;
  return make_date(to_int(s.substr(0, 4)), to_int(s.substr(5, 2)),
                   to_int(s.substr(8, 2)));
}

// "1/10/2020" or "01/10/2020", optionally followed by ' ' and a time.
std::optional<std::string> parse_dmy(std::string_view s) {
  const std::size_t space = s.find(' ');
  const std::string_view date = s.substr(0, space);
  const std::size_t a = date.find('/');
  const std::size_t b = a == std::string_view::npos ? a : date.find('/', a + 1);
  if (b == std::string_view::npos) return std::nullopt;
  const std::string_view d = date.substr(0, a), m = date.substr(a + 1, b - a - 1),
                         y = date.substr(b + 1);
  if (!all_digits(d) || !all_digits(m) || !all_digits(y) || d.size() > 2 ||
      m.size() > 2 || y.size() != 4) {
    return std::nullopt;
  }
  if (space != std::string_view::npos && !is_digit(trim(s.substr(space)).front())) {
    return std::nullopt;
  }
  return make_date(to_int(y), to_int(m), to_int(d));
}

std::optional<std::string> parse_epoch(std::string_view s) {
  const std::time_t seconds = static_cast<std::time_t>(std::stoll(std::string(s)));
  std::tm tm{};
  if (gmtime_r(&seconds, &tm) == nullptr) return std::nullopt;
  return make_date(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

}  // namespace

std::optional<std::string> parse_date(std::string_view text) {
  const std::string_view s = trim(text);
  if (s.empty()) return std::nullopt;
  if (all_digits(s)) {
    if (s.size() == 8)
      return make_date(to_int(s.substr(0, 4)), to_int(s.substr(4, 2)),
                       to_int(s.substr(6, 2)));
    if (s.size() >= 9 && s.size() <= 11) return parse_epoch(s);
    return std::nullopt;
  }
  if (s.find('/') != std::string_view::npos) return parse_dmy(s);
  return parse_iso(s);
}

std::string iso_date(std::string_view yyyymmdd) {
  if (yyyymmdd.size() != 8 || !all_digits(yyyymmdd)) return std::string(yyyymmdd);
  return std::string(yyyymmdd.substr(0, 4)) + "-" + std::string(yyyymmdd.substr(4, 2)) +
         "-" + std::string(yyyymmdd.substr(6, 2));
}

}  // namespace vnews
