#include "progress.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <sstream>
#include <thread>

namespace {

vnews::ProgressStyle redrawn(unsigned width) {
  vnews::ProgressStyle style;
  style.kind = vnews::ProgressStyle::Kind::kRedrawn;
  style.width = width;
  return style;
}

}  // namespace

TEST_CASE("the progress line shows files, MB, rate and time left", "[progress]") {
  std::ostringstream out;
  vnews::Progress progress(out, redrawn(120), 10, 4 * 1024 * 1024);
  progress.update(1, 1024, 1);  // too soon after the start: nothing yet
  CHECK(out.str().empty());
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  progress.update(5, 2 * 1024 * 1024, 5);
  const std::string line = out.str();
  CHECK_THAT(line, Catch::StartsWith("\rvnews-index: 5/10 files, 2.0/4.0 MB, "));
  CHECK_THAT(line, Catch::Contains(" docs/s, ETA 0:00"));
  progress.clear();
  CHECK_THAT(out.str(), Catch::EndsWith("\r\033[K"));
}

TEST_CASE("the progress line never fills the terminal's width, so it cannot wrap",
          "[progress]") {
  for (unsigned width = 1; width <= 100; ++width) {
    const std::string line =
        vnews::fit_progress_line(12345, 35440, 41.5, 119.0, 850, "2:21", width);
    INFO("width " << width << ": " << line);
    CHECK(line.size() < std::max(width, 2u));
    CHECK(!line.empty());
  }
  CHECK(vnews::fit_progress_line(120, 35440, 12.3, 119.0, 850, "2:21", 80) ==
        "vnews-index: 120/35440 files, 12.3/119.0 MB, 850 docs/s, ETA 2:21");
  CHECK(vnews::fit_progress_line(120, 35440, 12.3, 119.0, 850, "2:21", 45) ==
        "120/35440 files, 850 docs/s, ETA 2:21");
  CHECK(vnews::fit_progress_line(120, 35440, 12.3, 119.0, 850, "2:21", 20) ==
        "10% ETA 2:21");
}

TEST_CASE("a status shown on a narrow terminal is cut to its width", "[progress]") {
  std::ostringstream out;
  vnews::Progress progress(out, redrawn(30), 10, 100);
  progress.show("merging 4 shards into the database (about 2 GB)");
  CHECK(out.str() == "\rvnews-index: merging 4 shards\033[K");
}

TEST_CASE("off a terminal, progress is a plain line now and then", "[progress]") {
  std::ostringstream out;
  vnews::ProgressStyle style;
  style.kind = vnews::ProgressStyle::Kind::kPeriodic;
  style.log_interval = std::chrono::milliseconds(200);
  vnews::Progress progress(out, style, 10, 4 * 1024 * 1024);
  progress.update(1, 1024, 1);
  CHECK(out.str().empty());
  std::this_thread::sleep_for(std::chrono::milliseconds(250));
  progress.update(5, 2 * 1024 * 1024, 5);
  progress.show("merging 2 shards");
  progress.clear();
  const std::string log = out.str();
  CHECK_THAT(log, Catch::StartsWith("vnews-index: 5/10 files, 2.0/4.0 MB, "));
  CHECK_THAT(log, Catch::EndsWith("\nvnews-index: merging 2 shards\n"));
  CHECK(log.find('\r') == std::string::npos);
  CHECK(log.find('\033') == std::string::npos);
}

TEST_CASE("a short run off a terminal logs no progress at all", "[progress]") {
  std::ostringstream out;
  vnews::ProgressStyle style;
  style.kind = vnews::ProgressStyle::Kind::kPeriodic;
  vnews::Progress progress(out, style, 10, 100);
  progress.update(5, 50, 5);
  progress.show("merging 2 shards");
  progress.clear();
  CHECK(out.str().empty());
}

TEST_CASE("a progress of kind none writes nothing", "[progress]") {
  std::ostringstream out;
  vnews::Progress progress(out, vnews::ProgressStyle{}, 10, 100);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  progress.update(5, 50, 5);
  progress.show("merging");
  progress.clear();
  CHECK(out.str().empty());
}
