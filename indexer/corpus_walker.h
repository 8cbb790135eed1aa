// corpus_walker.h -- finds the article files under the paths given on the
// command line and names each one by its path under the corpus root.
#ifndef VNEWS_INDEXER_CORPUS_WALKER_H_
#define VNEWS_INDEXER_CORPUS_WALKER_H_

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace vnews {

// The PATH that stands for the standard input.
inline constexpr char kStdinPath[] = "-";

// One file to index, with the id and category it gets.
struct SourceFile {
  std::filesystem::path path;  // as the command line names it; "-" for the standard input
  std::string id;              // path under the root, '/'-separated, valid UTF-8; for
                               // the standard input the --id given, or "" (read_article)
  std::string category;        // first folder level under the root, or empty
  std::uint64_t size = 0;      // bytes, 0 for the standard input
  std::string signature;       // "size:mtime_ns"; empty for the standard input
                               // and files modified in the last 2 seconds

  bool is_stdin() const { return path.native() == kStdinPath; }
};

// What one PATH of the command line stands for.
struct ListedPath {
  std::string path;       // as given
  std::string scope;      // its path under the root ("" for the root): the ids
                          // of its files are the scope or start with it and '/'
  bool missing = false;   // it does not exist
  bool complete = true;   // every folder under it could be listed
  std::size_t files = 0;  // article files found under it, before duplicates
};

// A file or folder that cannot be used, reported and counted by reason.
struct ListingProblem {
  std::string message;  // "path: error: reason"
  std::string reason;   // for the summary: "unreadable", "duplicate id"
};

// The files of a run and what the walk met.
struct CorpusListing {
  std::vector<SourceFile> files;      // each file once, in walk order
  std::vector<ListedPath> paths;      // each PATH once, but "-"
  std::vector<std::string> unlisted;  // folders that could not be listed, as scopes
  std::vector<ListingProblem> problems;
};

// Returns the files under `paths`, in the same order on every run. A folder
// is walked recursively for the files is_input_file_name() accepts (hidden
// entries and symlinked folders are not followed); a file is taken as it is;
// "-" is the standard input, with id `stdin_id`. A file's id is its path
// under `root`: its folder with every symlink resolved, then its own name
// (a symlinked file keeps its name), so that a file named through another
// PATH, twice, relatively, absolutely or through a symlinked folder gets the
// same id, and is listed once. Names that are not UTF-8 get U+FFFD in their
// id; a second file whose id then equals another's is a problem.
// Throws UsageError naming a PATH that does not exist (unless
// `allow_missing`: it is then listed as missing) or is outside `root`.
// Folders that cannot be listed and entries that cannot be examined (a
// symlink loop, a dangling link) are problems; the walk goes on.
// REQUIRES: `root` is a resolved_path() (corpus_root.h), or empty when every
// PATH is "-".
CorpusListing find_articles(const std::vector<std::string>& paths,
                            const std::filesystem::path& root,
                            const std::string& stdin_id = "", bool allow_missing = false);

}  // namespace vnews

#endif  // VNEWS_INDEXER_CORPUS_WALKER_H_
