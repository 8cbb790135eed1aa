// extra_terms.h -- term queries the query language needs beyond those of
// query_terms.h: trailing wildcards and excluded words.
#ifndef VNEWS_SEARCHER_EXTRA_TERMS_H_
#define VNEWS_SEARCHER_EXTRA_TERMS_H_

#include <xapian.h>

#include "query_terms.h"
#include "vnews/analyzer.h"

namespace vnews {

// Words a wildcard expands to at most, the most frequent first.
inline constexpr unsigned kMaxWildcardTerms = 50;

// Returns the query for the words starting with `prefix`: typed with
// diacritics it expands over exact syllables, typed without over folded ones,
// in all fields or only titles. With `db`, it expands there (to at most
// kMaxWildcardTerms words) and adds each expansion to `match` for
// highlighting; with none, Xapian expands when the query runs. A prefix that
// matches nothing gives a query that matches nothing.
Xapian::Query wildcard_query(const Token& prefix, Field field, const Xapian::Database* db,
                             MatchTerms& match);

// Returns the query matching documents that hold `tokens` as typed: one word
// typed with diacritics matches only that exact syllable (so "-bán" keeps
// "bạn"), without diacritics any accents; several words match as a phrase.
// REQUIRES: !tokens.empty().
Xapian::Query excluded_query(const std::vector<Token>& tokens, Field field);

}  // namespace vnews

#endif  // VNEWS_SEARCHER_EXTRA_TERMS_H_
