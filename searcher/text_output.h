// text_output.h -- the human-readable answer.
#ifndef VNEWS_SEARCHER_TEXT_OUTPUT_H_
#define VNEWS_SEARCHER_TEXT_OUTPUT_H_

#include <iosfwd>
#include <string>

#include "output_fields.h"
#include "run_search.h"

namespace vnews {

// Returns `snippet` with its highlights wrapped in ANSI bold yellow when
// `color`, else in "**" markers.
std::string mark_highlights(const Snippet& snippet, bool color);

// Prints a count line, the "did you mean" suggestions and category counts
// when there are any, then per hit the chosen `fields`: rank and title; id,
// category, date, url, source and score (those that are not empty); the
// marked snippet. Prints "no results" (and any suggestions) when there are
// none.
void print_text(const SearchResult& result, const OutputFields& fields, bool color,
                std::ostream& out);

}  // namespace vnews

#endif  // VNEWS_SEARCHER_TEXT_OUTPUT_H_
