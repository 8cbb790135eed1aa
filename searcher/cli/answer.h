// answer.h -- answers queries on an output stream with a Printer: what
// vnews-search does once its options are read.
#ifndef VNEWS_SEARCHER_CLI_ANSWER_H_
#define VNEWS_SEARCHER_CLI_ANSWER_H_

#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "cli/search_options.h"
#include "output/printer.h"
#include "run/searcher.h"

namespace vnews {

// Warns on `err`, for people, of each shard `searcher` searches without
// (--allow-partial) that `warned` does not hold; then sets `warned` to them.
void warn_of_missing_shards(const Searcher& searcher, std::vector<std::string>& warned,
                            std::ostream& err);

// Answers `request` on `out` (its count only, with count_only); returns 0
// when it found results, 1 when none. Throws QueryError for a query that
// cannot be searched.
int answer_query(Searcher& searcher, const SearchRequest& request, Printer& printer,
                 std::ostream& out);

// Answers each line of `in` (see batch_line.h) on `out`, flushing after each
// answer; blank lines and comments ("# ...") are skipped. A line that fails
// (a bad query, or a shard down or silent past the timeout: the next line
// opens the databases again) gets the printer's error answer (on `err` for
// text and TSV) and the batch goes on. A shard lost meanwhile is warned of
// on `err` (those missing at the start count as warned of already). Returns
// 2 if any line failed, else 0 if any line found results, else 1.
int answer_batch(Searcher& searcher, const SearchOptions& options, Printer& printer,
                 std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace vnews

#endif  // VNEWS_SEARCHER_CLI_ANSWER_H_
