// wildcards.h -- trailing wildcards (xiao*): the words of the index that
// start with what was typed.
#ifndef VNEWS_SEARCHER_QUERY_WILDCARDS_H_
#define VNEWS_SEARCHER_QUERY_WILDCARDS_H_

#include <xapian.h>

#include <string>
#include <vector>

#include "query/word_queries.h"
#include "vnews/analyzer.h"

namespace vnews {

// Words a wildcard expands to at most, the most frequent first.
inline constexpr unsigned kMaxWildcardTerms = 50;

// Returns the terms of `db` for the words starting with `prefix`, at most
// kMaxWildcardTerms, the most frequent first: typed with diacritics it
// expands over exact terms, typed without over folded ones, in all fields or
// only titles. Adds the words expanded to to `match` for highlighting, when
// given.
std::vector<std::string> wildcard_terms(const Token& prefix, Field field,
                                        const Xapian::Database& db, MatchTerms* match);

}  // namespace vnews

#endif  // VNEWS_SEARCHER_QUERY_WILDCARDS_H_
