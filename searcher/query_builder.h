// query_builder.h -- turns what the user typed into a Xapian query over the
// terms of schema.h, through the same Analyzer as the documents.
#ifndef VNEWS_SEARCHER_QUERY_BUILDER_H_
#define VNEWS_SEARCHER_QUERY_BUILDER_H_

#include <xapian.h>

#include <string>
#include <string_view>

#include "query_terms.h"
#include "vnews/analyzer.h"

namespace vnews {

// A query ready to run, and what its results should highlight.
struct QueryPlan {
  Xapian::Query query;
  MatchTerms match;
};

// Builds the query for `text`: its words match as query_terms.h describes;
// "quoted phrases" must appear as typed; an unbalanced quote runs to the end.
// `stats`, when given, lets long queries select documents by their rarest
// words (see words_query()). Throws QueryError quoting `text` when it holds
// no word to search for.
QueryPlan build_query(std::string_view text, Analyzer& analyzer,
                      const Xapian::Database* stats = nullptr);

}  // namespace vnews

#endif  // VNEWS_SEARCHER_QUERY_BUILDER_H_
