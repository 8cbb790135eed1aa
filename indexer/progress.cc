#include "progress.h"

#include <unistd.h>

#include <cstdio>
#include <ostream>

#include "vnews/terminal.h"

namespace vnews {
namespace {

constexpr std::chrono::milliseconds kRedrawInterval{250};
constexpr double kMiB = 1024.0 * 1024.0;

std::string format(const char* pattern, auto... values) {
  char buffer[200];
  std::snprintf(buffer, sizeof buffer, pattern, values...);
  return buffer;
}

std::string eta_text(double elapsed, double fraction) {
  if (fraction <= 0.01 || fraction > 1) return "?";
  const long left = static_cast<long>(elapsed * (1 - fraction) / fraction);
  return format("%ld:%02ld", left / 60, left % 60);
}

// The line cut to `width` columns. REQUIRES: ASCII (a column per byte).
std::string cut(std::string line, unsigned width) {
  if (line.size() > width) line.resize(width);
  return line;
}

}  // namespace

ProgressStyle progress_style_for_stderr(bool quiet) {
  ProgressStyle style;
  if (quiet) return style;
  if (isatty(STDERR_FILENO) != 1) {
    style.kind = ProgressStyle::Kind::kPeriodic;
    return style;
  }
  style.kind = ProgressStyle::Kind::kRedrawn;
  if (const unsigned width = output_width(STDERR_FILENO); width > 0) style.width = width;
  return style;
}

std::string fit_progress_line(std::size_t files_done, std::size_t total_files,
                              double mb_done, double mb_total, double docs_per_second,
                              const std::string& eta, unsigned width) {
  // A terminal wraps a line that fills its last column: keep one free.
  const unsigned room = width > 1 ? width - 1 : 1;
  const std::string forms[] = {
      format("vnews-index: %zu/%zu files, %.1f/%.1f MB, %.0f docs/s, ETA %s", files_done,
             total_files, mb_done, mb_total, docs_per_second, eta.c_str()),
      format("%zu/%zu files, %.0f docs/s, ETA %s", files_done, total_files,
             docs_per_second, eta.c_str()),
      format("%.0f%% ETA %s", mb_total > 0 ? 100 * mb_done / mb_total : 0.0, eta.c_str()),
  };
  for (const std::string& form : forms) {
    if (form.size() <= room) return form;
  }
  return cut(forms[2], room);
}

Progress::Progress(std::ostream& out, ProgressStyle style, std::size_t total_files,
                   std::uint64_t total_bytes)
    : out_(out),
      style_(style),
      total_files_(total_files),
      total_bytes_(total_bytes),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

void Progress::update(std::size_t files_done, std::uint64_t bytes_done,
                      std::size_t docs) {
  if (style_.kind == ProgressStyle::Kind::kNone) return;
  const auto now = std::chrono::steady_clock::now();
  const auto interval = style_.kind == ProgressStyle::Kind::kRedrawn
                            ? kRedrawInterval
                            : style_.log_interval;
  if (now - last_ < interval) return;
  last_ = now;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const double fraction = total_bytes_ > 0 ? double(bytes_done) / total_bytes_ : 0;
  const unsigned width =
      style_.kind == ProgressStyle::Kind::kRedrawn ? style_.width : 1000;
  emit(fit_progress_line(files_done, total_files_, bytes_done / kMiB, total_bytes_ / kMiB,
                         elapsed > 0 ? docs / elapsed : 0.0, eta_text(elapsed, fraction),
                         width));
}

void Progress::show(const std::string& status) {
  if (style_.kind == ProgressStyle::Kind::kNone) return;
  // A log gets the last steps of long runs only: a short run's stays quiet.
  if (style_.kind == ProgressStyle::Kind::kPeriodic &&
      std::chrono::steady_clock::now() - start_ < style_.log_interval) {
    return;
  }
  const std::string line = "vnews-index: " + status;
  emit(style_.kind == ProgressStyle::Kind::kRedrawn ? cut(line, style_.width - 1) : line);
}

void Progress::emit(const std::string& line) {
  if (style_.kind == ProgressStyle::Kind::kRedrawn) {
    out_ << '\r' << line << "\033[K" << std::flush;
    shown_ = true;
  } else {
    out_ << line << '\n' << std::flush;
  }
}

void Progress::clear() {
  if (!shown_) return;
  out_ << "\r\033[K" << std::flush;
  shown_ = false;
}

}  // namespace vnews
