// query_string.h -- a request target ("/search?q=b%C3%A3o&limit=5") split
// into its path and parameters, percent-decoded strictly: what cpp-httplib
// decodes leniently, the service refuses with a message.
#ifndef VNEWS_SEARCHER_HTTP_QUERY_STRING_H_
#define VNEWS_SEARCHER_HTTP_QUERY_STRING_H_

#include <string>
#include <string_view>

#include "cli/query_params.h"

namespace vnews {

// Returns `text` percent-decoded; with `plus_is_space` (the parts of a query
// string), '+' is a space. `what` names `text` in messages. Throws
// QueryError when a '%' is not followed by two hexadecimal digits, or when
// the result is not UTF-8, quoting `what` and the byte offset.
std::string percent_decode(std::string_view text, bool plus_is_space,
                           std::string_view what);

// Returns `text` percent-encoded for a query string: every byte but
// letters, digits and "-._~" as %XX.
std::string percent_encode(std::string_view text);

// A request target, decoded.
struct Target {
  std::string path;
  QueryParams params;  // in order; repeated names kept
};

// Returns `target` as the request line gives it: the path, and the
// name=value pairs of the query string after '?' (separated by '&'; a name
// without '=' has an empty value; empty pairs are skipped), up to a '#'.
// Throws QueryError as percent_decode() does, naming the path or parameter.
Target parse_target(std::string_view target);

}  // namespace vnews

#endif  // VNEWS_SEARCHER_HTTP_QUERY_STRING_H_
