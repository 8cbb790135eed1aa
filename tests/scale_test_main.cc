// Runs the tests that need xapian-tools (xapian-tcpsrv, xapian-compact). Exits
// 77, which CTest reports as skipped, when they were not found at configure
// time.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include <filesystem>
#include <iostream>

namespace {

constexpr int kSkipped = 77;

}  // namespace

int main(int argc, char* argv[]) {
  for (const char* tool : {VNEWS_XAPIAN_TCPSRV, VNEWS_XAPIAN_COMPACT}) {
    if (std::string(tool).empty() || !std::filesystem::exists(tool)) {
      std::cout << "SKIPPED: xapian-tcpsrv or xapian-compact not found; the remote and "
                   "compaction tests need the package xapian-tools\n";
      return kSkipped;
    }
  }
  return Catch::Session().run(argc, argv);
}
