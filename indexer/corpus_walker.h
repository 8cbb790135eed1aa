// corpus_walker.h -- finds the article files under the paths given on the
// command line and names each one.
#ifndef VNEWS_INDEXER_CORPUS_WALKER_H_
#define VNEWS_INDEXER_CORPUS_WALKER_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace vnews {

// One file to index, with the id and category it gets.
struct SourceFile {
  std::filesystem::path path;  // "-" for the standard input
  std::string id;        // path relative to its root, '/'-separated, valid UTF-8
  std::string category;  // first folder level under the root, or empty
  std::uint64_t size = 0;      // bytes, 0 for the standard input
  std::string signature;       // "size:mtime_ns"; empty for the standard input
                               // and files modified in the last 2 seconds
};

// Returns the files under `roots`, in the same order on every run. A folder is
// walked recursively for "*.txt", "*.jsonl" and "*.ndjson" files (hidden
// entries and symlinked folders are not followed); a file is taken as it is,
// with the id of its file name; "-" is the standard input, with id "stdin".
// Throws UsageError naming a root that does not exist. Folders that cannot be
// listed and entries that cannot be examined (a symlink loop, a dangling
// link) are appended to `problems` in "path: error: reason" form; the walk
// goes on.
std::vector<SourceFile> find_articles(const std::vector<std::string>& roots,
                                      std::vector<std::string>& problems);

}  // namespace vnews

#endif  // VNEWS_INDEXER_CORPUS_WALKER_H_
