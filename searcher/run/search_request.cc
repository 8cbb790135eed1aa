#include "run/search_request.h"

#include "vnews/error.h"

namespace vnews {

unsigned check_result_count(std::string_view name, long long value, bool positive) {
  if (value < (positive ? 1 : 0) || value > kMaxResultCount) {
    throw QueryError(std::string(name) + " must be a " +
                     (positive ? "positive" : "non-negative") + " integer up to " +
                     std::to_string(kMaxResultCount) + ", got " + std::to_string(value));
  }
  return static_cast<unsigned>(value);
}

unsigned parse_result_count(std::string_view name, std::string_view text, bool positive) {
  long long value = 0;
  bool digits = !text.empty() && text.size() <= 12;
  for (const char c : text) {
    digits = digits && c >= '0' && c <= '9';
    if (digits) value = value * 10 + (c - '0');
  }
  if (!digits || value < (positive ? 1 : 0) || value > kMaxResultCount) {
    throw QueryError(std::string(name) + " must be a " +
                     (positive ? "positive" : "non-negative") + " integer up to " +
                     std::to_string(kMaxResultCount) + ", got '" + std::string(text) +
                     "'");
  }
  return static_cast<unsigned>(value);
}

std::string_view sort_order_name(SortOrder order) {
  switch (order) {
    case SortOrder::kDate:
      return "date";
    case SortOrder::kRecency:
      return "recency";
    case SortOrder::kRelevance:
      break;
  }
  return "relevance";
}

SortOrder parse_sort_order(std::string_view text) {
  for (const SortOrder order : kSortOrders) {
    if (text == sort_order_name(order)) return order;
  }
  throw QueryError("sort must be relevance, date or recency, got '" + std::string(text) +
                   "'");
}

std::string parse_date_option(std::string_view name, std::string_view text, bool upper) {
  try {
    return date_bound(text, upper);
  } catch (const QueryError& e) {
    throw QueryError(std::string(name) + ": " + e.what());
  }
}

void check_request(const SearchRequest& request) {
  const DateRange& d = request.dates;
  if (!d.from.empty() && !d.to.empty() && d.from > d.to) {
    throw QueryError("since is after until: nothing can match");
  }
  if (request.query.empty() && request.like.empty()) {
    throw QueryError(
        "nothing to search for: give a query or an article to find others like");
  }
  for (std::size_t i = 0; i < request.facets.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (request.facets[i].field == request.facets[j].field) {
        throw QueryError(std::string("facet ") + facet_name(request.facets[i]) +
                         " asked for twice");
      }
    }
  }
}

void check_deadline(const SearchRequest& request) {
  if (request.deadline && std::chrono::steady_clock::now() > *request.deadline) {
    throw TimeLimitError("search stopped at its time limit: '" + request.query + "'");
  }
}

}  // namespace vnews
