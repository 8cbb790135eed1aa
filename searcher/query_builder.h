// query_builder.h -- parses the query language into Xapian queries over the
// terms of schema.h, through the same Analyzer as the documents.
//
//   words side by side   every word counts; documents with all of them rank
//                        first (in queries of up to kMaxTieredWords words),
//                        those holding them side by side before others
//   "a phrase"           its words in order, side by side within one field,
//                        with nothing but spaces between the words typed so;
//                        an unbalanced quote runs to the end. Within a group
//                        excluded or among alternatives that are not all
//                        phrases, it matches as its words, each pair of them
//                        side by side somewhere
//   +word  -word         required / excluded (also +"phrase", -"phrase", -(a b))
//   a AND b, a OR b, NOT a, ( )   AND binds tighter than OR; words side by
//                        side bind tighter than AND
//   title:word  title:"a phrase"  in the title only (required)
//   category:name  category:"two words"   filter on the category
//   date:2017-06-01..2017-06-30, date:2017-06, date:..2017-06-30   filter
//   xiao*                words starting with "xiao"
//
// Operators are upper case; one that lacks an operand is searched as a word.
// Unbalanced parentheses are closed or ignored. Nothing in the query is ever
// a parse error except a malformed date or a query with nothing to search.
#ifndef VNEWS_SEARCHER_QUERY_BUILDER_H_
#define VNEWS_SEARCHER_QUERY_BUILDER_H_

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "phrase_check.h"
#include "query_terms.h"
#include "vnews/analyzer.h"

namespace vnews {

// Longest query accepted, in bytes.
inline constexpr std::size_t kMaxQueryBytes = 4096;
// Queries of more words (a pasted title, say) rank by BM25 and word pairs
// alone: requiring all their words first would cost more than it helps.
inline constexpr std::size_t kMaxTieredWords = 6;

// A query ready to run, and what its results should highlight.
struct QueryPlan {
  Xapian::Query query;   // matches if any word matches; ranks as described above
  // The documents of `query` holding every word typed side by side, which
  // rank before the others (its own weights rank only by the words, not the
  // pairs); empty when it would match the same as `query`, or when the
  // query has more than kMaxTieredWords words.
  Xapian::Query strict;
  MatchTerms match;
  std::vector<Token> words;  // searched words (not excluded ones), in order
  // What every result must hold (or not) of the phrases typed: `query`
  // matches the documents that may, and the searcher checks their text.
  std::vector<PhraseRule> phrases;
};

// Builds the plan for `text`. With `db`, wildcards expand there, so their
// expansions are highlighted, and long queries select documents by their
// rarest words (see words_query()); `remote` says that some shard of `db`
// is remote. Throws QueryError quoting `text` when it holds
// nothing to search for, when it is longer than kMaxQueryBytes, or for a
// malformed date.
QueryPlan build_query(std::string_view text, Analyzer& analyzer,
                      const Xapian::Database* db = nullptr, bool remote = false);

}  // namespace vnews

#endif  // VNEWS_SEARCHER_QUERY_BUILDER_H_
