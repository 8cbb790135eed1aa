#include "progress.h"

#include <cstdio>
#include <ostream>

namespace vnews {
namespace {

constexpr std::chrono::milliseconds kInterval{250};
constexpr double kMiB = 1024.0 * 1024.0;

}  // namespace

Progress::Progress(std::ostream& out, bool enabled, std::size_t total_files,
                   std::uint64_t total_bytes)
    : out_(out), enabled_(enabled), total_files_(total_files), total_bytes_(total_bytes),
      start_(std::chrono::steady_clock::now()), last_(start_) {}

void Progress::update(std::size_t files_done, std::uint64_t bytes_done, std::size_t docs) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < kInterval) return;
  last_ = now;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const double fraction = total_bytes_ > 0 ? double(bytes_done) / total_bytes_ : 0;
  char eta[32] = "?";
  if (fraction > 0.01 && fraction <= 1) {
    const long left = static_cast<long>(elapsed * (1 - fraction) / fraction);
    std::snprintf(eta, sizeof eta, "%ld:%02ld", left / 60, left % 60);
  }
  char line[160];
  std::snprintf(line, sizeof line,
                "\rvnews-index: %zu/%zu files, %.1f/%.1f MB, %.0f docs/s, ETA %s\033[K",
                files_done, total_files_, bytes_done / kMiB, total_bytes_ / kMiB,
                elapsed > 0 ? docs / elapsed : 0.0, eta);
  out_ << line << std::flush;
  shown_ = true;
}

void Progress::show(const std::string& status) {
  if (!enabled_) return;
  out_ << "\rvnews-index: " << status << "\033[K" << std::flush;
  shown_ = true;
}

void Progress::clear() {
  if (!shown_) return;
  out_ << "\r\033[K" << std::flush;
  shown_ = false;
}

}  // namespace vnews
