// run_index.h -- indexes the articles the options name into a database of
// one or several shards, and deletes what the options ask.
#ifndef VNEWS_INDEXER_RUN_INDEX_H_
#define VNEWS_INDEXER_RUN_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <iostream>
#include <map>
#include <string>

#include "index_options.h"

namespace vnews {

// What one run did. Inputs skipped or failed were reported on the error stream.
struct IndexReport {
  std::size_t indexed = 0;    // documents written: added + updated
  std::size_t added = 0;      // new documents
  std::size_t updated = 0;    // documents replaced by a changed article
  std::size_t unchanged = 0;  // articles the database already holds as they are
  std::size_t deleted = 0;    // by --delete or --prune
  std::size_t skipped = 0;    // inputs rejected for their contents (empty, not UTF-8...)
  std::size_t failed = 0;     // files or folders that could not be read
  std::map<std::string, std::size_t> reasons;  // skipped + failed, by reason
  std::uint64_t bytes = 0;   // input bytes read or recognised as unchanged
  std::size_t shards = 1;    // databases written
  std::size_t merged = 0;    // writers whose shards were merged into one, if any
  bool dry_run = false;      // the counts are of changes listed, not made
  bool interrupted = false;  // options.should_stop() stopped the reading
  double seconds = 0;
};

// Indexes every article of `options.paths` into `options.db` and commits, in
// batches of options.commit_every changes per shard. Bad inputs are reported
// on `errors`, one "path[:line]: error: ..." line each, and skipped; the good
// ones are indexed. Progress is shown on `errors` in the style of options.progress.
// `in` is read for the path "-". With options.dry_run nothing is written,
// and each change is listed on `listing` ("add ID", "update ID", "delete
// ID"). Once options.should_stop() returns true, no more articles are read:
// those analyzed are committed, and there is no prune or merge.
//
// Throws before writing anything: UsageError for a bad PATH (missing,
// outside the corpus root), --root or --id, a --db that is not a database
// of ours, a --delete on a database that does not exist, or a database that
// records no root and does not fit the default one (corpus_root.h);
// std::runtime_error for a refusal (a shard of the stub missing, a database
// that may not be written, not enough free space, a --prune that
// prune_scope.h refuses) and Xapian::DatabaseLockError when another indexer
// holds the database (or one of its shards). A --prune found to delete more
// than half of the database only once the articles are read is refused
// after they are committed. A write error stops the run with
// std::runtime_error naming the database; what was committed is kept.
IndexReport run_index(const IndexOptions& options, std::ostream& errors,
                      std::istream& in = std::cin, std::ostream& listing = std::cout);

// Prints the closing summary line of `report`: counts, skip reasons, elapsed
// time, throughput and the process's peak memory; prefixed "dry run: " or
// "interrupted: " when the run was.
void print_summary(const IndexReport& report, std::ostream& out);

}  // namespace vnews

#endif  // VNEWS_INDEXER_RUN_INDEX_H_
