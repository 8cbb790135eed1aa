// sharded_sample.h -- corpus/sample indexed twice for tests: into one database,
// and into two shards listed by a stub, with the same document ids.
#ifndef VNEWS_TESTS_SHARDED_SAMPLE_H_
#define VNEWS_TESTS_SHARDED_SAMPLE_H_

#include <filesystem>
#include <string>
#include <vector>

#include "run/searcher.h"
#include "test_util.h"

namespace vnews::test {

// Built once per test process; read-only for tests.
class ShardedSample {
 public:
  // Returns the sample, building it on first use.
  static const ShardedSample& get();

  std::filesystem::path single() const { return dir_ / "single.db"; }  // every article
  std::filesystem::path sharded() const {
    return dir_ / "sharded";
  }  // folder with XAPIANDB
  std::filesystem::path shard(int i) const {
    return sharded() / ("shard-" + std::to_string(i));
  }
  const std::filesystem::path& dir() const { return dir_.path(); }

  // Queries worth comparing: every article's title, phrases, unaccented words.
  const std::vector<std::string>& queries() const { return queries_; }

 private:
  ShardedSample();
  TempDir dir_;
  std::vector<std::string> queries_;
};

// Returns every field a printer shows of the top `limit` results, in rank
// order, one line each (score to 9 significant digits): equal strings mean
// equal answers, snippets and highlights included. The total is shown only
// when it is exact, as it is when fewer than `limit` results exist.
std::string results_of(Searcher& searcher, const std::string& query, unsigned limit);

// Returns "id score" of every result of `query` (at most 1000), sorted by id,
// scores to 6 decimals: equal for databases holding the same documents
// however their document numbers are assigned.
std::string result_set_of(Searcher& searcher, const std::string& query);

}  // namespace vnews::test

#endif  // VNEWS_TESTS_SHARDED_SAMPLE_H_
