// shared_corpus_main.h -- main() for a test program over ../shared/corpus/baomoi.
// Include it once, in the program's one file that defines CATCH_CONFIG_RUNNER.
#ifndef VNEWS_TESTS_SHARED_CORPUS_MAIN_H_
#define VNEWS_TESTS_SHARED_CORPUS_MAIN_H_

#include <catch2/catch.hpp>
#include <filesystem>
#include <iostream>

namespace vnews::test {

// CTest reports a test that exits with this as skipped (SKIP_RETURN_CODE).
inline constexpr int kSkipped = 77;

// The real corpus beside the repository, which these tests read and never copy.
inline std::filesystem::path baomoi() {
  return std::filesystem::path(VNEWS_SOURCE_DIR).parent_path() / "shared" / "corpus" /
         "baomoi";
}

// Runs the Catch tests, or says why not and returns kSkipped when the corpus
// is absent; `what` names the tests in that message.
inline int run_with_shared_corpus(const char* what, int argc, char* argv[]) {
  if (!std::filesystem::is_directory(baomoi())) {
    std::cout << "SKIPPED: " << baomoi().string() << " not found; " << what
              << " need ../shared beside the repository\n";
    return kSkipped;
  }
  return Catch::Session().run(argc, argv);
}

}  // namespace vnews::test

#endif  // VNEWS_TESTS_SHARED_CORPUS_MAIN_H_
