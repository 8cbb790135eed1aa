// index_options.h -- the command line of vnews-index.
#ifndef VNEWS_INDEXER_INDEX_OPTIONS_H_
#define VNEWS_INDEXER_INDEX_OPTIONS_H_

#include <string>
#include <vector>

#include "vnews/article_reader.h"

namespace vnews {

struct IndexOptions {
  std::string db;                  // database folder, created when missing
  std::vector<std::string> paths;  // folders and files to index
  InvalidUtf8 on_invalid = InvalidUtf8::kSkip;
  bool help = false;
  unsigned threads = 0;            // analysis threads; 0 = one per core
};

// Returns the options of `argv`. Throws UsageError for an unknown flag, a
// missing --db or path, or a bad value, quoting what the user typed.
IndexOptions parse_index_options(int argc, const char* const argv[]);

// Returns the --help text.
std::string index_usage();

}  // namespace vnews

#endif  // VNEWS_INDEXER_INDEX_OPTIONS_H_
