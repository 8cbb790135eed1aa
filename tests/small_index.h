// small_index.h -- a database of a few articles written for one test, built
// with run_index and searched with Searcher, as the programs do.
#ifndef VNEWS_TESTS_SMALL_INDEX_H_
#define VNEWS_TESTS_SMALL_INDEX_H_

#include <string>
#include <utility>
#include <vector>

#include "run/searcher.h"
#include "test_util.h"

namespace vnews::test {

// {file name under the corpus root, file contents}
using Articles = std::vector<std::pair<std::string, std::string>>;

class SmallIndex {
 public:
  // Indexes `articles`. REQUIRES: every article indexes without error.
  explicit SmallIndex(const Articles& articles);

  // Returns the first `limit` results of `query`.
  SearchResult search(const std::string& query, unsigned limit = 10) const;

  // Returns the ids of the results of `query`, best first.
  std::vector<std::string> ids(const std::string& query) const;

  // Returns the score of article `id` for `query`, or 0 when not found.
  double score(const std::string& query, const std::string& id) const;

  std::string db() const { return (dir_ / "db").string(); }

 private:
  TempDir dir_;
};

}  // namespace vnews::test

#endif  // VNEWS_TESTS_SMALL_INDEX_H_
