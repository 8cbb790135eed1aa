// searcher.h -- answers search requests over one or more databases. A
// request runs as a pipeline: parse the query (query_parser.h), plan its
// match set and ranking (query_plan.h), run it in Xapian with the request's
// filters applied once, to the match set, collect the hits (document checks,
// snippets), and leave printing to the caller.
#ifndef VNEWS_SEARCHER_RUN_SEARCHER_H_
#define VNEWS_SEARCHER_RUN_SEARCHER_H_

#include <xapian.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "run/search_request.h"
#include "run/search_result.h"
#include "vnews/analyzer.h"

namespace vnews {

class Suggester;
struct QueryNode;
struct QueryPlan;

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

  // Returns the results [offset, offset + limit) of `request` among the
  // documents matching its query and filters. When none matches the query
  // as typed, the query is widened (accented words to their other accent
  // forms, then to documents holding most of the words) until some do, and
  // SearchResult::relaxed says how. Throws QueryError for a query with
  // nothing to search for, a bad date or a request that check_request()
  // refuses.
  SearchResult search(const SearchRequest& request);

  // Returns the article stored under `id`, with its lead and body. Throws
  // NotFoundError naming `id` when no document has it.
  Article article(const std::string& id);

  // As above, for `query` with default options.
  SearchResult search(const std::string& query, unsigned offset, unsigned limit);

  // Returns the exact number of documents matching `request`'s query as
  // typed, with its filters; never widened. Throws as search().
  Xapian::doccount count(const SearchRequest& request);

 private:
  struct Page;
  struct Planned;

  // Returns the plan of `tree` (widened by `relaxation`, see searcher.cc)
  // and the page of `request` it gives.
  Planned plan_and_run(const QueryNode& tree, const SearchRequest& request);
  Page run_page(const QueryPlan& plan, const SearchRequest& request);
  // The page of a plan whose candidates are checked on their text.
  Page checked_page(const Xapian::Query& query, const QueryPlan& plan,
                    const SearchRequest& request);
  // Sets the total of `page`: `exact`, when the match counted every match
  // and they are few, else an estimate, the same for every page.
  void set_total(Page& page, const QueryPlan& plan, const SearchRequest& request,
                 std::optional<Xapian::doccount> exact);
  Xapian::Enquire enquire(const Xapian::Query& query, const SearchRequest& request);
  Xapian::MSet match(const Xapian::Query& query, const SearchRequest& request,
                     unsigned first, unsigned size, unsigned check_at_least);
  void collect(Page& page, const QueryPlan& plan, const SearchRequest& request,
               SearchResult& result);
  void count_categories(const QueryPlan& plan, const SearchRequest& request,
                        SearchResult& result);
  // Returns the titles and snippets of the best results of `plan`, from
  // which the suggester reads how the corpus accents the query's words.
  std::vector<std::string> accent_evidence(const QueryPlan& plan, const SearchRequest& request,
                                           const SearchResult& result);
  // True when `query` (a suggestion) finds a document with `request`'s filters.
  bool finds_any(const std::string& query, const SearchRequest& request);

  Xapian::Database db_;
  bool remote_ = false;  // some shard of db_ is remote
  std::vector<std::string> missing_;
  Analyzer analyzer_;
  std::unique_ptr<Suggester> suggester_;
};

}  // namespace vnews

#endif  // VNEWS_SEARCHER_RUN_SEARCHER_H_
