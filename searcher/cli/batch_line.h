// batch_line.h -- one line of --batch input: a query, or a JSON object
// carrying a query and its own options.
#ifndef VNEWS_SEARCHER_CLI_BATCH_LINE_H_
#define VNEWS_SEARCHER_CLI_BATCH_LINE_H_

#include <string>

#include "run/search_request.h"

namespace vnews {

// Returns the request of `line` (without its line break). A line starting
// with '{' is a JSON object: "q" (the query) and/or "like" (an article id),
// and optionally "limit", "offset", "since", "until", "sort", "facet" (one
// or a list), "collapse" and "count", which override `defaults`; any other line is the
// query itself. The values are checked as the command line's are (search_request.h).
// Throws QueryError naming the problem for malformed JSON, a missing "q", an unknown key
// or a bad value.
SearchRequest parse_batch_line(const std::string& line, const SearchRequest& defaults);

// Returns what an error answer for `line` should quote as its query: the
// "q" of a JSON line when it has one, else the line.
std::string batch_line_query(const std::string& line);

}  // namespace vnews

#endif  // VNEWS_SEARCHER_CLI_BATCH_LINE_H_
