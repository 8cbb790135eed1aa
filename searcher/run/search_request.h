// search_request.h -- one search and its options, and the checks on them
// that every way of asking (the command line, a batch line) goes through.
#ifndef VNEWS_SEARCHER_RUN_SEARCH_REQUEST_H_
#define VNEWS_SEARCHER_RUN_SEARCH_REQUEST_H_

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "query/date_range.h"
#include "run/facets.h"

namespace vnews {

// How results are ordered. Every order lists the same matches.
enum class SortOrder {
  kRelevance,  // BM25: words side by side and as typed first
  kDate,       // newest first, undated last; equal dates by relevance
  kRecency,    // BM25 plus a boost for newer articles (see recency.h)
};

// One query and how to answer it.
struct SearchRequest {
  std::string query;  // may be empty with `like`
  // --like ID: the articles like this one, ranked so (the query, when
  // given, and the filters keep only those that match them).
  std::string like;
  unsigned offset = 0;  // in stories when `collapse`, else in articles
  unsigned limit = 10;
  DateRange dates;  // --since/--until, on top of date: in the query
  SortOrder sort = SortOrder::kRelevance;
  std::vector<FacetSpec> facets;  // counts of the matches per field
  bool collapse = true;           // one story once: copies under the best
  bool snippets = true;           // false: leave Hit::snippet empty (faster)
  bool count_only = false;        // only the exact number of matches (--count)
  // When set, the search stops with TimeLimitError once this time has
  // passed (checked between Xapian's matches and between the documents it
  // reads; a service's time limit).
  std::optional<std::chrono::steady_clock::time_point> deadline;
};

// Every sort order, the default first.
inline constexpr SortOrder kSortOrders[] = {SortOrder::kRelevance, SortOrder::kDate,
                                            SortOrder::kRecency};

// Returns the name of `order` as parse_sort_order() reads it ("relevance").
std::string_view sort_order_name(SortOrder order);

// Largest --limit and --offset.
inline constexpr long long kMaxResultCount = 100000;

// Returns `value` as a --limit (`positive`) or --offset for the option that
// `name` quotes ("--limit", "\"limit\""). Throws QueryError naming it when
// `value` is out of range.
unsigned check_result_count(std::string_view name, long long value, bool positive);

// As check_result_count(), for `text` typed on a command line: digits only.
unsigned parse_result_count(std::string_view name, std::string_view text, bool positive);

// Returns `text` as a sort order: "relevance", "date" or "recency". Throws
// QueryError quoting anything else.
SortOrder parse_sort_order(std::string_view text);

// Returns the bound of --since (`upper` false) or --until for the option
// `name` quotes. Throws QueryError naming it for a date that is malformed
// or does not exist.
std::string parse_date_option(std::string_view name, std::string_view text, bool upper);

// Throws QueryError when `request` cannot be answered as a whole: --since
// after --until, neither a query nor --like, a facet asked for twice.
void check_request(const SearchRequest& request);

// Throws TimeLimitError when `request` has a deadline and it has passed.
void check_deadline(const SearchRequest& request);

}  // namespace vnews

#endif  // VNEWS_SEARCHER_RUN_SEARCH_REQUEST_H_
