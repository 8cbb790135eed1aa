// query_plan.h -- turns a parsed query (query_tree.h) into what runs: one
// Xapian query whose matches are the answer and whose weights rank it, the
// checks Xapian cannot make (document_check.h), and what to highlight.
//
// What a query matches: the documents holding every word, each in one of its
// accepted forms (word_queries.h: typed without diacritics, any accents;
// typed with them, that word in either tone placement, NFC or NFD, any case,
// and no other), and keeping every phrase, operator, field and filter. The
// ranking decides the order inside that set, never its membership: words
// typed side by side rank documents holding them side by side first, and
// accented words rank their form as typed above their other forms.
#ifndef VNEWS_SEARCHER_QUERY_QUERY_PLAN_H_
#define VNEWS_SEARCHER_QUERY_QUERY_PLAN_H_

#include <xapian.h>

#include <cstddef>
#include <string_view>
#include <vector>

#include "query/all_terms_query.h"
#include "query/document_check.h"
#include "query/query_parser.h"
#include "query/query_tree.h"
#include "query/word_queries.h"
#include "query/word_variants.h"

namespace vnews {

// How far a query is widened. The default is the query as typed; the
// searcher widens only a query that matches nothing, and says so.
struct PlanOptions {
  // kAny: words typed with diacritics accept their other accent forms too.
  Accents accents = Accents::kAsTyped;
  // When not 0, the words typed side by side at the top of the query (not
  // inside a group, an exclusion or an AND, not marked '+') need only this
  // many of them held, not all; see top_level_words().
  std::size_t min_words = 0;
};

// One word of the query, where it was typed.
struct PlannedWord {
  Token token;
  std::size_t begin = 0;  // bytes [begin, end) of the word in the query
  std::size_t end = 0;
  Field field = Field::kAll;
};

// A query ready to run.
struct QueryPlan {
  // Matches the answer, ranked; when test.needs_text, the documents that
  // may be in it, each to be checked with passes(test, ...).
  Xapian::Query query;
  // Matches the same documents as `query`, without its ranking: cheaper to
  // count, and Xapian estimates its size better.
  Xapian::Query match_set;
  // Ranked by relevance, the matches of `query` that also match this one
  // come first, then the others (each group by weight): the documents
  // holding the query's rarest parts, few at any size of database, so that
  // a page is found without scanning every document holding all the common
  // words. Empty: no tiers (always, when a shard is remote).
  Xapian::Query first_tier;
  DocumentTest test;
  MatchTerms highlight;
  std::vector<PlannedWord> words;  // the words searched for (not excluded), in order
};

// Returns the plan of `root` over `db` (`remote`: some shard of it is
// remote), widened by `options`. Wildcards expand in `db`. With `sources`,
// words also match their variants (word_variants.h): abbreviations and
// long forms, joined and split names. With `bitmaps` (ignored when
// `remote`), documents are checked for the common words on bitmaps kept
// there (term_bitmaps.h); REQUIRES: it outlives the plan's matches.
QueryPlan plan_query(const QueryNode& root, const Xapian::Database& db, bool remote,
                     const PlanOptions& options = {},
                     const VariantSources* sources = nullptr,
                     TermBitmaps* bitmaps = nullptr);

// Returns what the results of `text` highlight, as typed (wildcards are not
// expanded). Throws as parse_query().
MatchTerms highlight_terms(std::string_view text, Analyzer& analyzer);

// Returns how many words PlanOptions::min_words counts among: those of the
// kWords nodes at the top of `root`.
std::size_t top_level_words(const QueryNode& root);

// Returns the values of PlanOptions::min_words worth trying, most first, for
// a query of `words` top-level words: fewer than all of them, as long as the
// query stays small; at least 1 when `words` > 1, else none.
std::vector<std::size_t> relaxed_word_counts(std::size_t words);

}  // namespace vnews

#endif  // VNEWS_SEARCHER_QUERY_QUERY_PLAN_H_
