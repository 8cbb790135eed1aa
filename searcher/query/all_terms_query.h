// all_terms_query.h -- a query matching the documents that hold every one
// of some terms, read off their bitmaps (term_bitmaps.h): how the common
// words of a query are checked, instead of a seek in each one's long posting
// list per candidate.
#ifndef VNEWS_SEARCHER_QUERY_ALL_TERMS_QUERY_H_
#define VNEWS_SEARCHER_QUERY_ALL_TERMS_QUERY_H_

#include <xapian.h>

#include <string>
#include <vector>

#include "query/term_bitmaps.h"

namespace vnews {

// Returns a query that matches the documents holding every one of `terms`
// (none: every document), checked on their bitmaps in `bitmaps` (their
// posting lists until those are built), weighing nothing; its bounds and
// estimate are those Xapian gives an AND of the terms. REQUIRES: every shard
// searched is local (bitmaps cannot be built on a remote server); `bitmaps`
// outlives every match of the query.
Xapian::Query all_terms_on_bitmaps(std::vector<std::string> terms, TermBitmaps& bitmaps);

}  // namespace vnews

#endif  // VNEWS_SEARCHER_QUERY_ALL_TERMS_QUERY_H_
