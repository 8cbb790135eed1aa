#include "progress.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <sstream>
#include <thread>

TEST_CASE("the progress line shows files, MB, rate and time left", "[progress]") {
  std::ostringstream out;
  vnews::Progress progress(out, true, 10, 4 * 1024 * 1024);
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

TEST_CASE("a disabled progress line writes nothing", "[progress]") {
  std::ostringstream out;
  vnews::Progress progress(out, false, 10, 100);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  progress.update(5, 50, 5);
  progress.clear();
  CHECK(out.str().empty());
}
