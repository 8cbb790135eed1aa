#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <sstream>
#include <thread>

#include "run/searcher.h"
#include "run_index.h"
#include "test_util.h"

// Regression: a long-lived Searcher (vnews-search --batch, a vnews-serve
// worker) read the documents of a revision that the indexer's commits had
// discarded, and the DatabaseModifiedError ended the batch.
TEST_CASE("a searcher answers every request while an indexer commits", "[searcher]") {
  vnews::test::TempDir dir;
  std::filesystem::copy(vnews::test::sample_corpus(), dir / "corpus",
                        std::filesystem::copy_options::recursive);
  vnews::IndexOptions options;
  options.db = (dir / "db").string();
  options.paths = {(dir / "corpus").string()};
  options.commit_every = 5;
  std::ostringstream errors;
  vnews::run_index(options, errors);
  std::atomic<bool> indexing{true};
  std::thread indexer([&] {
    for (int round = 1; round <= 15; ++round) {
      // Every article changed: 9 commits a round.
      for (const auto& entry :
           std::filesystem::recursive_directory_iterator(dir / "corpus")) {
        if (!entry.is_regular_file()) continue;
        const std::string text = vnews::test::read_file(entry.path());
        vnews::test::write_file(entry.path(),
                                text + "Vòng " + std::to_string(round) + ".\n");
      }
      std::ostringstream ignored;
      vnews::run_index(options, ignored);
    }
    indexing = false;
  });
  vnews::Searcher searcher({options.db});
  // Bitmaps of common words too (every word of the 41 articles, from its
  // second use at a revision): built again after each commit.
  const bool bitmaps = GENERATE(false, true);
  INFO("bitmaps " << bitmaps);
  if (bitmaps) {
    searcher.use_bitmaps(std::make_shared<vnews::TermBitmaps>(
        vnews::TermBitmaps::kDefaultBudgetBytes, 1, 2));
  }
  vnews::SearchRequest request;
  request.query = "thị trường";
  std::size_t searches = 0, wrong = 0;
  std::string error;
  while (indexing && error.empty()) {
    try {
      wrong += searcher.search(request).total != 13;
      request.count_only = true;
      wrong += searcher.count(request) != 13;
      request.count_only = false;
      searches += 2;
    } catch (const Xapian::Error& e) {
      error = e.get_description();
    }
  }
  indexer.join();
  INFO(searches << " searches");
  CHECK(error == "");
  CHECK(wrong == 0);
  CHECK(searches > 0);
}
