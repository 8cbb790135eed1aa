// page.h -- the search page of vnews-serve (page.html, compiled into the
// program): a form, and the answer to a search rendered on the server as the
// page's script renders it from /search, so that it works without JavaScript.
#ifndef VNEWS_SEARCHER_HTTP_PAGE_H_
#define VNEWS_SEARCHER_HTTP_PAGE_H_

#include <string>

#include "run/search_request.h"
#include "run/search_result.h"

namespace vnews {

// What the page shows.
struct PageView {
  SearchRequest request;                 // the query in the form; sort and paging
  const SearchResult* result = nullptr;  // the answer to show, if any
  std::string error;                     // shown instead of an answer when not empty
};

// Returns the page of `view` as HTML; every text in it is escaped.
std::string render_page(const PageView& view);

// Returns `text` with &, <, >, " and ' escaped for HTML text and attributes.
std::string html_escape(std::string_view text);

// Returns `text` escaped for HTML, with each [start, end) span of
// `highlights` (counted in code points, in order) in <mark>.
std::string mark_html(std::string_view text,
                      const std::vector<std::pair<std::size_t, std::size_t>>& highlights);

}  // namespace vnews

#endif  // VNEWS_SEARCHER_HTTP_PAGE_H_
