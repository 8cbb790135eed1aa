// json_output.h -- the --json answer: one object per query, on one line.
#ifndef VNEWS_SEARCHER_JSON_OUTPUT_H_
#define VNEWS_SEARCHER_JSON_OUTPUT_H_

#include <string>

#include "run_search.h"

namespace vnews {

// Returns `result` as one line of JSON (no newline):
// {"query", "total", "took_ms", "hits": [{"rank", "id", "score", "title",
// "category", "snippet", "highlights": [[start, end]...]}]}, plus "date" and
// "url" on hits that have them. Highlights count code points of "snippet".
// Any text gives valid JSON: invalid bytes become U+FFFD.
std::string format_json(const SearchResult& result);

// Returns {"query": ..., "error": ...} on one line.
std::string format_json_error(const std::string& query, const std::string& message);

}  // namespace vnews

#endif  // VNEWS_SEARCHER_JSON_OUTPUT_H_
