// responses.h -- how the service's answers are written: JSON with its status.
#ifndef VNEWS_SEARCHER_HTTP_RESPONSES_H_
#define VNEWS_SEARCHER_HTTP_RESPONSES_H_

#include <httplib.h>

#include <optional>
#include <string>

namespace vnews {

inline constexpr char kJsonType[] = "application/json; charset=utf-8";

// Sets `res` to `json` (a JSON document; a line break is added) with `status`.
void set_json(httplib::Response& res, int status, std::string json);

// Sets `res` to a JSON error with `status`: {"error": message}, or
// {"query": ..., "error": ...} when `query` is given, as --json prints the
// error of a query or of --show ID. 405 adds "Allow: GET, HEAD" and 503
// "Retry-After: 1".
void set_json_error(httplib::Response& res, int status, const std::string& message,
                    const std::optional<std::string>& query = std::nullopt);

// Returns {"error": message} on one line, with a line break.
std::string json_error(const std::string& message);

// Returns the reason phrase of `status` ("Not Found"), "Unknown" for one this
// service never sends.
const char* reason_phrase(int status);

}  // namespace vnews

#endif  // VNEWS_SEARCHER_HTTP_RESPONSES_H_
