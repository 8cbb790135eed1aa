#include "http/access_log.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace vnews {
namespace {

// Appends `text` to `out`, bytes outside printable ASCII and spaces as %XX.
void append_escaped(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte > 0x20 && byte < 0x7F) {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    }
  }
}

}  // namespace

std::string access_log_line(std::chrono::system_clock::time_point when, int status,
                            double ms, std::string_view method, std::string_view target) {
  const auto since_epoch = when.time_since_epoch();
  const std::time_t seconds =
      std::chrono::duration_cast<std::chrono::seconds>(since_epoch).count();
  const long millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch).count() % 1000;
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char head[64];
  const int n =
      std::snprintf(head, sizeof head, "%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ %d %.3fms ",
                    utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday, utc.tm_hour,
                    utc.tm_min, utc.tm_sec, millis, status, ms);
  std::string line(head, std::clamp<std::size_t>(n, 0, sizeof head - 1));
  append_escaped(line, method);
  line += ' ';
  append_escaped(line, target);
  line += '\n';
  return line;
}

}  // namespace vnews
