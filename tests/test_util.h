// test_util.h -- temporary folders, files and child processes for tests.
#ifndef VNEWS_TESTS_TEST_UTIL_H_
#define VNEWS_TESTS_TEST_UTIL_H_

#include <filesystem>
#include <string>
#include <vector>

#include "vnews/analyzer.h"

namespace vnews::test {

// A fresh folder under the system temp folder, removed with its contents.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

// Writes `contents` to `path`, creating its folders.
void write_file(const std::filesystem::path& path, const std::string& contents);

// Returns the bytes of `path`; "" when it cannot be read.
std::string read_file(const std::filesystem::path& path);

// What a finished command printed and returned.
struct RunResult {
  int status = -1;  // exit status, or -1 when it did not exit normally
  std::string out;
  std::string err;
};

// Runs `command` with /bin/sh, with `input` on its stdin.
RunResult run(const std::string& command, const std::string& input = "");

// Returns `s` quoted for /bin/sh.
std::string shell_quote(const std::string& s);

// Returns the exact terms of `text`, joined by single spaces.
std::string terms_of(const std::string& text);

// Returns the folded terms of `text`, joined by single spaces.
std::string folded_of(const std::string& text);

// Indexes the folder `corpus` into `db` with the vnews-index at `index_bin`
// (-q) and returns `db`. Errors: std::runtime_error with the indexer's
// stderr when it fails.
std::string index_folder(const std::string& index_bin,
                         const std::filesystem::path& corpus,
                         const std::filesystem::path& db);

// Folder holding the repository's sample corpus.
std::filesystem::path sample_corpus();

}  // namespace vnews::test

#endif  // VNEWS_TESTS_TEST_UTIL_H_
