// facets.h -- counts of the matching articles per category, source or date
// (--facet), over the whole match set.
#ifndef VNEWS_SEARCHER_RUN_FACETS_H_
#define VNEWS_SEARCHER_RUN_FACETS_H_

#include <xapian.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vnews {

// What --facet counts by.
struct FacetSpec {
  enum class Field { kCategory, kSource, kDate };
  enum class DateUnit { kDay, kMonth, kYear };
  Field field = Field::kCategory;
  DateUnit unit = DateUnit::kMonth;  // kDate only

  bool operator==(const FacetSpec&) const = default;
};

// Returns the facet of `text`: "category", "source", "date" (per month),
// "date:day", "date:month" or "date:year". Throws QueryError quoting
// anything else.
FacetSpec parse_facet(std::string_view text);

// Returns how a facet is named in answers: "category", "source" or "date".
const char* facet_name(const FacetSpec& facet);

// The counts of one facet.
struct FacetCounts {
  FacetSpec spec;
  // Value -> matching articles: categories and sources most first, dates
  // (YYYY-MM-DD, YYYY-MM or YYYY) newest first. Articles without a value
  // are not counted.
  std::vector<std::pair<std::string, Xapian::doccount>> counts;
  bool exact = true;  // false when a query's phrases were counted by their words
};

// Returns the counts of `facets` over the documents `match_set` matches in
// `db`: one pass over them. `exact` is copied into each.
std::vector<FacetCounts> count_facets(Xapian::Database& db,
                                      const Xapian::Query& match_set,
                                      const std::vector<FacetSpec>& facets, bool exact);

}  // namespace vnews

#endif  // VNEWS_SEARCHER_RUN_FACETS_H_
