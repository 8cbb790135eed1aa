// json_output.h -- the --json answer: one object per query, on one line.
#ifndef VNEWS_SEARCHER_JSON_OUTPUT_H_
#define VNEWS_SEARCHER_JSON_OUTPUT_H_

#include <string>

#include "output_fields.h"
#include "run_search.h"

namespace vnews {

// Returns `result` as one line of JSON (no newline):
// {"query", "total", "took_ms", "hits": [{"rank", "id", "score", "title",
// "category", "snippet", "highlights": [[start, end]...]}], "suggestions":
// [...]}, plus "date", "url" and "source" on hits that have them and
// "facets": {"category": {name: count...}} when counted. `fields` chooses the
// keys of each hit ("snippet" brings "highlights"). Highlights count code
// points of "snippet". Any text gives valid JSON: control characters are
// escaped and invalid bytes become U+FFFD.
std::string format_json(const SearchResult& result,
                        const OutputFields& fields = OutputFields::all());

// Returns {"query": ..., "error": ...} on one line.
std::string format_json_error(const std::string& query, const std::string& message);

}  // namespace vnews

#endif  // VNEWS_SEARCHER_JSON_OUTPUT_H_
