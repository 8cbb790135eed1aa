// recency.h -- a boost for newer articles, for --sort recency: relevance
// first, but among comparable matches the newer one wins.
#ifndef VNEWS_SEARCHER_RUN_RECENCY_H_
#define VNEWS_SEARCHER_RUN_RECENCY_H_

#include <xapian.h>

#include <string>

namespace vnews {

// Days after which an article's boost halves.
inline constexpr double kRecencyHalfLifeDays = 30;
// Boost of an article as new as the newest in the database, in BM25 points.
inline constexpr double kRecencyMaxBoost = 3;

// Returns `query` with each match's weight raised by kRecencyMaxBoost halved
// every kRecencyHalfLifeDays before the newest date in `db`. Documents
// without a date get no boost; the query matches the same documents.
Xapian::Query with_recency_boost(const Xapian::Query& query, const Xapian::Database& db);

}  // namespace vnews

#endif  // VNEWS_SEARCHER_RUN_RECENCY_H_
