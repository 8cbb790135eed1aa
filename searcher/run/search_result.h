// search_result.h -- the answer to one search: what every printer prints.
#ifndef VNEWS_SEARCHER_RUN_SEARCH_RESULT_H_
#define VNEWS_SEARCHER_RUN_SEARCH_RESULT_H_

#include <xapian.h>

#include <string>
#include <utility>
#include <vector>

#include "run/facets.h"
#include "run/snippet.h"
#include "vnews/document.h"

namespace vnews {

// One ranked result.
struct Hit {
  unsigned rank = 0;  // 1 for the best, counting from the first shown after --offset
  double score = 0;   // BM25 (plus the recency boost with SortOrder::kRecency)
  Article article;    // as stored, without its lead and body
  Snippet snippet;
  // [start, end) of each match in article.title, in code points.
  std::vector<std::pair<std::size_t, std::size_t>> title_highlights;
  // The ids of the copies of this story ranked below it, collapsed under it
  // (SearchRequest::collapse), best first.
  std::vector<std::string> similar;
};

// The answer to one query.
struct SearchResult {
  std::string query;
  std::string like;  // the article whose likes these are (SearchRequest::like)
  // Matching articles (copies of one story counted each): exact when
  // `total_exact`, else an estimate. The same on every page of a query.
  Xapian::doccount total = 0;
  bool total_exact = true;
  // What was widened because nothing matched the query as typed, for
  // people ("other accent forms of bão"); "" when nothing was.
  std::string relaxed;
  // The query as searched when some words typed with the input method off
  // (Telex, VNI) were decoded ("ddieenj thoaij" -> "điện thoại"); "" else.
  std::string decoded;
  // One message per shard not searched, naming it (Searcher::missing_shards:
  // --allow-partial); empty when every shard was.
  std::vector<std::string> missing_shards;
  double took_ms = 0;  // parsing, matching, snippets and suggestions
  std::vector<Hit> hits;
  // The counts of each facet asked for (SearchRequest::facets), in order.
  std::vector<FacetCounts> facets;
  std::vector<std::string> suggestions;  // "did you mean", best first
};

}  // namespace vnews

#endif  // VNEWS_SEARCHER_RUN_SEARCH_RESULT_H_
