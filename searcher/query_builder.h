// query_builder.h -- turns what the user typed into a Xapian query over the
// terms of schema.h, through the same Analyzer as the documents.
#ifndef VNEWS_SEARCHER_QUERY_BUILDER_H_
#define VNEWS_SEARCHER_QUERY_BUILDER_H_

#include <xapian.h>

#include <map>
#include <set>
#include <string>
#include <string_view>

#include "vnews/analyzer.h"

namespace vnews {

// The words a result's text must show highlighted.
struct MatchTerms {
  std::set<std::string> exact;   // accented query syllables: match the exact form
  std::set<std::string> folded;  // unaccented ones: match any accents
  // Folded form -> exact form of each accented query syllable, for texts
  // that hold the syllable only with other accents.
  std::map<std::string, std::string> fallback;

  bool empty() const { return exact.empty() && folded.empty(); }
};

// A query ready to run, and what its results should highlight.
struct QueryPlan {
  Xapian::Query query;
  MatchTerms match;
};

// Builds the query for `text`. Each syllable typed with diacritics matches
// that exact syllable (ranked first) and its unaccented form; one typed
// without matches every accented form. Syllables that stand together also
// match as a pair, so documents holding them side by side rank first.
// "Quoted phrases" must appear as typed; an unbalanced quote runs to the end.
// Throws QueryError quoting `text` when it holds no word to search for.
QueryPlan build_query(std::string_view text, Analyzer& analyzer);

}  // namespace vnews

#endif  // VNEWS_SEARCHER_QUERY_BUILDER_H_
