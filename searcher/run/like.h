// like.h -- related articles (--like ID): the words and word pairs that
// tell one article from the rest of the corpus, searched for.
#ifndef VNEWS_SEARCHER_RUN_LIKE_H_
#define VNEWS_SEARCHER_RUN_LIKE_H_

#include <xapian.h>

#include <string>

#include "query/query_plan.h"

namespace vnews {

// Folded words and word pairs a related-articles query searches for.
inline constexpr Xapian::termcount kLikeTerms = 25;

// Returns the plan matching the articles like `document` (its Xapian
// docid, in `db`), itself excluded: documents holding any of its
// kLikeTerms most telling folded words and word pairs (Xapian's relevance
// feedback: the expand set of a one-document relevance set), ranked by how
// many and how rare. Highlights those words.
QueryPlan like_plan(const Xapian::Database& db, Xapian::docid document,
                    const std::string& id);

}  // namespace vnews

#endif  // VNEWS_SEARCHER_RUN_LIKE_H_
