// answer.h -- answers queries on an output stream with a Printer: what
// vnews-search does once its options are read.
#ifndef VNEWS_SEARCHER_CLI_ANSWER_H_
#define VNEWS_SEARCHER_CLI_ANSWER_H_

#include <istream>
#include <ostream>

#include "cli/search_options.h"
#include "output/printer.h"
#include "run/searcher.h"

namespace vnews {

// Answers `request` on `out` (its count only, with count_only); returns 0
// when it found results, 1 when none. Throws QueryError for a query that
// cannot be searched.
int answer_query(Searcher& searcher, const SearchRequest& request, Printer& printer,
                 std::ostream& out);

// Answers each line of `in` (see batch_line.h) on `out`, flushing after each
// answer; blank lines and comments ("# ...") are skipped; a line that fails
// gets the printer's error answer (on `err` for text and TSV) and the batch
// goes on. Returns 2 if any line failed, else 0
// if any line found results, else 1.
int answer_batch(Searcher& searcher, const SearchOptions& options, Printer& printer,
                 std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace vnews

#endif  // VNEWS_SEARCHER_CLI_ANSWER_H_
