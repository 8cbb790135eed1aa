// access_log.h -- vnews-serve's access log: one line per answer.
#ifndef VNEWS_SEARCHER_HTTP_ACCESS_LOG_H_
#define VNEWS_SEARCHER_HTTP_ACCESS_LOG_H_

#include <chrono>
#include <string>
#include <string_view>

namespace vnews {

// Returns the access log line of one answer, with its line break:
// "2025-06-01T08:30:00.123Z 200 1.234ms GET /search?q=b%C3%A3o" (the time in
// UTC, the status, the milliseconds since the request's first byte, the
// method and the request target as sent). Bytes of `method` and `target`
// outside printable ASCII, and spaces, are written as %XX, so that a line
// is always one line of five fields.
std::string access_log_line(std::chrono::system_clock::time_point when, int status,
                            double ms, std::string_view method, std::string_view target);

}  // namespace vnews

#endif  // VNEWS_SEARCHER_HTTP_ACCESS_LOG_H_
