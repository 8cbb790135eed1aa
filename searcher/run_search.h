// run_search.h -- runs queries against one or more databases and gathers
// everything a result printer needs.
#ifndef VNEWS_SEARCHER_RUN_SEARCH_H_
#define VNEWS_SEARCHER_RUN_SEARCH_H_

#include <xapian.h>

#include <string>
#include <vector>

#include "snippet.h"
#include "vnews/analyzer.h"
#include "vnews/document.h"

namespace vnews {

// One ranked result.
struct Hit {
  unsigned rank = 0;  // 1 for the best, counting from the first shown after --offset
  double score = 0;   // BM25
  Article article;    // as stored; body and lead are not needed by printers
  Snippet snippet;
};

// The answer to one query.
struct SearchResult {
  std::string query;
  Xapian::doccount total = 0;  // estimated number of matching documents
  double took_ms = 0;          // parsing, matching and snippets
  std::vector<Hit> hits;
};

// Searches a set of databases as one. Not thread-safe.
class Searcher {
 public:
  // Opens every database of `dbs` (see database_set.h). Throws
  // std::runtime_error naming the path that does not exist, is not a Xapian
  // database or cannot be reached; with `allow_partial`, such shards are left
  // out and listed by missing_shards(), and only throws when none opens.
  explicit Searcher(const std::vector<std::string>& dbs, bool allow_partial = false);

  // Returns one message per shard left out by `allow_partial`, naming it.
  const std::vector<std::string>& missing_shards() const { return missing_; }

  // Returns results [offset, offset + limit) of `query` by BM25. Throws
  // QueryError for a query with no word to search for.
  SearchResult search(const std::string& query, unsigned offset, unsigned limit);

 private:
  Xapian::MSet run(const Xapian::Query& query, unsigned offset, unsigned limit);

  Xapian::Database db_;
  std::vector<std::string> missing_;
  Analyzer analyzer_;
};

}  // namespace vnews

#endif  // VNEWS_SEARCHER_RUN_SEARCH_H_
