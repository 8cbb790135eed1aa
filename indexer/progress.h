// progress.h -- how vnews-index shows its progress: a line redrawn in place
// on a terminal, a line now and then in a log.
#ifndef VNEWS_INDEXER_PROGRESS_H_
#define VNEWS_INDEXER_PROGRESS_H_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>

namespace vnews {

// How progress is shown: not at all; one line redrawn in place ("\r", the
// line, erase to its end) a few times a second, never wider than `width`
// columns so that it cannot wrap; or a plain line every `log_interval`
// (stderr is a file or a pipe: a log gets a line now and then, no escapes).
struct ProgressStyle {
  enum class Kind { kNone, kRedrawn, kPeriodic };
  Kind kind = Kind::kNone;
  unsigned width = 80;                             // kRedrawn: the terminal's columns
  std::chrono::milliseconds log_interval{10'000};  // kPeriodic
};

// Returns the style for stderr: none when `quiet`, redrawn to the terminal's
// width when stderr is a terminal ($COLUMNS overrides its width), periodic
// otherwise.
ProgressStyle progress_style_for_stderr(bool quiet);

// Reports files done/total, MB read, docs/s and the estimated time left in
// the style given; a redrawn line drops its least useful parts to fit its
// width. Cheap when called for every document.
class Progress {
 public:
  Progress(std::ostream& out, ProgressStyle style, std::size_t total_files,
           std::uint64_t total_bytes);

  // Reports the counts so far (shown at most every interval of the style).
  void update(std::size_t files_done, std::uint64_t bytes_done, std::size_t docs);

  // Shows `status` (a last step of the run: "merging ...") as the line.
  void show(const std::string& status);

  // Erases a redrawn line, so the next output starts on a clean line.
  void clear();

 private:
  void emit(const std::string& line);

  std::ostream& out_;
  const ProgressStyle style_;
  const std::size_t total_files_;
  const std::uint64_t total_bytes_;
  const std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_;
  bool shown_ = false;
};

// Returns the longest of the progress line's forms that fits `width`
// columns: "vnews-index: 120/35440 files, 12.3/119.0 MB, 850 docs/s, ETA 2:21",
// then without the prefix and MB, then "12% ETA 2:21", cut if need be.
// Exposed for tests.
std::string fit_progress_line(std::size_t files_done, std::size_t total_files,
                              double mb_done, double mb_total, double docs_per_second,
                              const std::string& eta, unsigned width);

}  // namespace vnews

#endif  // VNEWS_INDEXER_PROGRESS_H_
