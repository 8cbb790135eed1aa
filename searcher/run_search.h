// run_search.h -- runs queries against one or more databases and gathers
// everything a result printer needs.
#ifndef VNEWS_SEARCHER_RUN_SEARCH_H_
#define VNEWS_SEARCHER_RUN_SEARCH_H_

#include <xapian.h>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "date_range.h"
#include "snippet.h"
#include "vnews/analyzer.h"
#include "vnews/document.h"

namespace vnews {

class Suggester;

// How results are ordered.
enum class SortOrder {
  kRelevance,  // BM25, documents with every word first
  kDate,       // newest first (undated last), documents with every word first
  kRecency,    // BM25 plus a boost for newer articles (see recency.h)
};

// One query and how to answer it.
struct SearchRequest {
  std::string query;
  unsigned offset = 0;
  unsigned limit = 10;
  DateRange dates;              // --since/--until, on top of date: in the query
  SortOrder sort = SortOrder::kRelevance;
  bool facet_category = false;  // count matches per category
  bool snippets = true;         // false: leave Hit::snippet empty (faster)
};

// One ranked result.
struct Hit {
  unsigned rank = 0;  // 1 for the best, counting from the first shown after --offset
  double score = 0;   // BM25 (plus the recency boost with SortOrder::kRecency)
  Article article;    // as stored; body and lead are not needed by printers
  Snippet snippet;
};

// The answer to one query.
struct SearchResult {
  std::string query;
  Xapian::doccount total = 0;  // matching documents: exact up to 100, else estimated
  double took_ms = 0;          // parsing, matching, snippets and suggestions
  std::vector<Hit> hits;
  // Category -> matching documents, most first; filled when asked for.
  std::vector<std::pair<std::string, Xapian::doccount>> categories;
  std::vector<std::string> suggestions;  // "did you mean", best first
};

// Searches a set of databases as one. Not thread-safe.
class Searcher {
 public:
  // Opens every database of `dbs` (see database_set.h). Throws
  // std::runtime_error naming the path that does not exist, is not a Xapian
  // database or cannot be reached; with `allow_partial`, such shards are left
  // out and listed by missing_shards(), and only throws when none opens.
  explicit Searcher(const std::vector<std::string>& dbs, bool allow_partial = false);
  ~Searcher();

  // Returns one message per shard left out by `allow_partial`, naming it.
  const std::vector<std::string>& missing_shards() const { return missing_; }

  // Returns the results [offset, offset + limit) of `request`. Throws
  // QueryError for a query with nothing to search for or a bad date.
  SearchResult search(const SearchRequest& request);

  // As above, for `query` with default options.
  SearchResult search(const std::string& query, unsigned offset, unsigned limit);

 private:
  // A document of a page, with its weight, and the article when decoded
  // already (with its text) for the phrase checks.
  struct PageHit {
    double weight;
    Xapian::Document document;
    std::optional<Article> article;
  };
  // The documents [offset, offset + limit) of a query, and how many match.
  struct Page {
    std::vector<PageHit> hits;
    Xapian::doccount total = 0;  // may be an estimate
  };

  Xapian::MSet run(const Xapian::Query& query, const SearchRequest& request,
                   unsigned offset, unsigned limit, Xapian::MatchSpy* spy = nullptr);
  // Returns the page of `query`'s matches that hold `plan`'s phrases.
  Page page(const Xapian::Query& query, const SearchRequest& request, unsigned offset,
            unsigned limit, const struct QueryPlan& plan);
  // Adds the hits of `page` to `result` (taking the articles it decoded).
  void collect(Page& page, const struct QueryPlan& plan, const SearchRequest& request,
               SearchResult& result);

  Xapian::Database db_;
  bool remote_ = false;  // some shard of db_ is remote
  std::vector<std::string> missing_;
  Analyzer analyzer_;
  std::unique_ptr<Suggester> suggester_;
};

}  // namespace vnews

#endif  // VNEWS_SEARCHER_RUN_SEARCH_H_
