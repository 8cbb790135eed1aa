// index_options.h -- the command line of vnews-index.
#ifndef VNEWS_INDEXER_INDEX_OPTIONS_H_
#define VNEWS_INDEXER_INDEX_OPTIONS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "vnews/article_reader.h"
#include "vnews/corpus_reader.h"

namespace vnews {

struct IndexOptions {
  std::string db;                  // database folder, created when missing
  std::vector<std::string> paths;  // folders and files to index; "-" is stdin
  std::vector<std::string> deletes;  // ids of documents to delete
  InvalidUtf8 on_invalid = InvalidUtf8::kSkip;
  Format format = Format::kAuto;
  bool help = false;
  bool version = false;            // print the versions and exit
  bool prune = false;              // delete documents not found under `paths`
  bool quiet = false;              // no progress line
  bool progress = false;           // show the progress line (set by main on a tty)
  unsigned threads = 0;            // analysis threads; 0 = one per core
  unsigned shards = 0;             // shards of a new database; 0 = the default
  std::size_t commit_every = 0;    // changes per shard between commits; 0 = default
};

// Returns the options of `argv`. Throws UsageError for an unknown flag, a
// missing --db, no path and no --delete, or a bad value, quoting what the
// user typed.
IndexOptions parse_index_options(int argc, const char* const argv[]);

// Returns the --help text.
std::string index_usage();

}  // namespace vnews

#endif  // VNEWS_INDEXER_INDEX_OPTIONS_H_
