// progress.h -- the live progress line vnews-index shows on a terminal.
#ifndef VNEWS_INDEXER_PROGRESS_H_
#define VNEWS_INDEXER_PROGRESS_H_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>

namespace vnews {

// Rewrites one line of `out` ("\r" then the line) at most a few times a
// second: files done/total, MB read, docs/s and the estimated time left.
// Does nothing when not `enabled`.
class Progress {
 public:
  Progress(std::ostream& out, bool enabled, std::size_t total_files,
           std::uint64_t total_bytes);

  // Reports the counts so far; cheap when called for every document.
  void update(std::size_t files_done, std::uint64_t bytes_done, std::size_t docs);

  // Shows `status` as the line (a last step of the run: "merging ...").
  void show(const std::string& status);

  // Erases the line, so the next output starts on a clean line.
  void clear();

 private:
  std::ostream& out_;
  const bool enabled_;
  const std::size_t total_files_;
  const std::uint64_t total_bytes_;
  const std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_;
  bool shown_ = false;
};

}  // namespace vnews

#endif  // VNEWS_INDEXER_PROGRESS_H_
