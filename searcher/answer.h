// answer.h -- answers queries on an output stream in the chosen format:
// what vnews-search does once its options are read.
#ifndef VNEWS_SEARCHER_ANSWER_H_
#define VNEWS_SEARCHER_ANSWER_H_

#include <iosfwd>

#include "run_search.h"
#include "search_options.h"

namespace vnews {

// Answers `request` on `out`; returns 0 when it found results, 1 when none.
// Throws QueryError for a query with nothing to search for or a bad date.
int answer_query(Searcher& searcher, const SearchRequest& request,
                 const SearchOptions& options, bool color, std::ostream& out);

// Answers each line of `in` (see batch_line.h) on `out`, flushing after each
// answer; a line that fails gets an error answer and the batch goes on.
// Returns 2 if any line failed, else 0 if any line found results, else 1.
int answer_batch(Searcher& searcher, const SearchOptions& options, bool color,
                 std::istream& in, std::ostream& out);

}  // namespace vnews

#endif  // VNEWS_SEARCHER_ANSWER_H_
