// Integration test over the real corpus in ../shared/corpus/baomoi. Exits 77,
// which CTest reports as skipped, when that folder is absent.
#define CATCH_CONFIG_RUNNER
#include <xapian.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "run/searcher.h"
#include "run_index.h"
#include "shared_corpus_main.h"
#include "test_util.h"
#include "vnews/article_reader.h"

namespace fs = std::filesystem;

using vnews::test::baomoi;

namespace {

constexpr std::size_t kSubsetSize = 3000;  // of 35,440: the whole is too slow for CI
constexpr std::size_t kSampledTitles = 150;

// Every n-th file of the sorted corpus: the same subset on every run.
std::vector<fs::path> subset() {
  std::vector<fs::path> all;
  for (const auto& entry : fs::directory_iterator(baomoi())) {
    if (entry.path().extension() == ".txt") all.push_back(entry.path());
  }
  std::sort(all.begin(), all.end());
  std::vector<fs::path> picked;
  const std::size_t step = std::max<std::size_t>(1, all.size() / kSubsetSize);
  for (std::size_t i = 0; i < all.size() && picked.size() < kSubsetSize; i += step) {
    picked.push_back(all[i]);
  }
  return picked;
}

}  // namespace

TEST_CASE("a baomoi subset indexes one document per file and finds titles", "[shared]") {
  const std::vector<fs::path> files = subset();
  REQUIRE(files.size() == kSubsetSize);
  vnews::test::TempDir dir;
  vnews::IndexOptions options;
  options.db = (dir / "db").string();
  for (const fs::path& f : files) options.paths.push_back(f.string());
  std::ostringstream errors;
  const vnews::IndexReport report = vnews::run_index(options, errors);
  INFO(errors.str());
  CHECK(report.skipped + report.failed == 0);
  CHECK(Xapian::Database(options.db).get_doccount() == files.size());

  vnews::Searcher searcher({options.db});
  std::size_t found = 0, tried = 0;
  for (std::size_t i = 0; i < files.size(); i += files.size() / kSampledTitles) {
    const vnews::Article a =
        vnews::read_text_article(files[i], vnews::InvalidUtf8::kSkip);
    const std::string id = files[i].filename().string();
    ++tried;
    bool hit = false;
    for (const auto& h : searcher.search(a.title, 0, 3).hits)
      hit = hit || h.article.id == id;
    if (hit) {
      ++found;
    } else {
      UNSCOPED_INFO("not in top 3: " << id << " '" << a.title << "'");
    }
  }
  CHECK(found == tried);
}

int main(int argc, char* argv[]) {
  return vnews::test::run_with_shared_corpus("the shared corpus tests", argc, argv);
}
