// index_options.h -- the command line of vnews-index.
#ifndef VNEWS_INDEXER_INDEX_OPTIONS_H_
#define VNEWS_INDEXER_INDEX_OPTIONS_H_

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "progress.h"
#include "vnews/article_reader.h"
#include "vnews/input_formats.h"

namespace vnews {

// Bounds of the numeric options; a value outside is a UsageError.
inline constexpr unsigned kMaxThreads = 256;
inline constexpr unsigned kMaxShards = 256;
inline constexpr std::size_t kMaxCommitEvery = 100000;

struct IndexOptions {
  std::string db;                    // database folder, created when missing
  std::vector<std::string> paths;    // folders and files to index; "-" is stdin
  std::vector<std::string> deletes;  // ids of documents to delete
  std::string root;           // --root: the folder ids are relative to; "" = default
  std::string stdin_id;       // --id: the id of the article read from "-"
  std::string synonyms_file;  // --synonyms: stored for every searcher; "" = keep
  InvalidUtf8 on_invalid = InvalidUtf8::kSkip;
  const InputFormat* format = nullptr;  // --format; nullptr for "auto"
  bool help = false;
  bool version = false;          // print the versions and exit
  bool prune = false;            // delete documents not found under `paths`
  bool force = false;            // go on where a safety check would refuse
  bool dry_run = false;          // list the changes, write nothing
  bool quiet = false;            // no progress line
  ProgressStyle progress;        // how progress is shown (set by main for stderr)
  unsigned threads = 0;          // analysis threads; 0 = one per core
  unsigned shards = 0;           // shards of a new database; 0 = the default
  std::size_t commit_every = 0;  // changes per shard between commits; 0 = default
  // Polled between articles: once it returns true, the run reads no more and
  // ends as interrupted (main: SIGINT or SIGTERM). Empty: never.
  std::function<bool()> should_stop;
};

// Returns the options of `argv`. Throws UsageError for an unknown flag, a
// missing --db, no path and no --delete, a number out of its bounds (quoting
// what the user typed), --id without the path "-", or --dry-run or --prune
// with a tcp:// --db.
IndexOptions parse_index_options(int argc, const char* const argv[]);

// Returns the --help text.
std::string index_usage();

}  // namespace vnews

#endif  // VNEWS_INDEXER_INDEX_OPTIONS_H_
