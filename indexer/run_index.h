// run_index.h -- indexes the articles the options name into one database.
#ifndef VNEWS_INDEXER_RUN_INDEX_H_
#define VNEWS_INDEXER_RUN_INDEX_H_

#include <cstddef>
#include <iosfwd>

#include "index_options.h"

namespace vnews {

// What one run did. Files skipped or failed were reported on the error stream.
struct IndexReport {
  std::size_t indexed = 0;  // documents added or replaced
  std::size_t skipped = 0;  // files rejected for their contents (empty, not UTF-8...)
  std::size_t failed = 0;   // files or folders that could not be read
  double seconds = 0;
};

// Indexes every article of `options.paths` into `options.db` and commits.
// Bad files are reported on `errors`, one "path: error: ..." line each, and
// skipped; the good ones are indexed. Throws UsageError for a missing path or
// a --db that is not a Xapian database, Xapian::DatabaseLockError when another
// indexer holds the database; nothing is committed by a run that throws.
IndexReport run_index(const IndexOptions& options, std::ostream& errors);

// Prints the closing summary line of `report`: counts and elapsed time.
void print_summary(const IndexReport& report, std::ostream& out);

}  // namespace vnews

#endif  // VNEWS_INDEXER_RUN_INDEX_H_
