// query_terms.h -- the Xapian queries for analyzed words, over the terms of
// schema.h. Whatever syntax the query parser accepts, its words end up here,
// so how Vietnamese words match and rank is decided in one place.
#ifndef VNEWS_SEARCHER_QUERY_TERMS_H_
#define VNEWS_SEARCHER_QUERY_TERMS_H_

#include <xapian.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "vnews/analyzer.h"

namespace vnews {

// Where words must occur.
enum class Field { kAll, kTitle };

// The database that term frequencies come from, and whether it has remote
// shards, where asking for each term's frequency would cost a round trip.
struct TermStats {
  const Xapian::Database* db = nullptr;
  bool remote = false;
};

// The words a result's text must show highlighted.
struct MatchTerms {
  std::set<std::string> exact;   // accented query syllables: match the exact form
  std::set<std::string> folded;  // unaccented ones: match any accents
  // Folded form -> exact form of each accented query syllable, for texts
  // that hold the syllable only with other accents.
  std::map<std::string, std::string> fallback;

  bool empty() const { return exact.empty() && folded.empty(); }
};

// Returns the query for one word. Typed with diacritics, it matches that
// exact syllable and, at a lower weight, its other accent forms; typed
// without, it matches every accented form equally.
Xapian::Query word_query(const Token& token, Field field = Field::kAll);

// Returns the query for words typed side by side: any of them may match,
// documents with more of them rank higher, and adjacent syllables that the
// analyzer marks as joined also match as a pair, so documents holding them
// side by side rank first. When any of the words carries diacritics the user
// is typing them, so each word, accented or not, ranks its form as typed
// first ("lán oai" prefers "oai" to "oái"); when none does, every accent
// form of each word counts alike. Given a database in `stats`, a long query
// (over eight words and pairs) keeps only its eight rarest parts.
// REQUIRES: !tokens.empty().
Xapian::Query words_query(const std::vector<Token>& tokens, Field field = Field::kAll,
                          const TermStats& stats = {});

// Returns the query matching the documents that may hold `tokens` as a
// phrase: those holding its words (exact forms when typed with any
// diacritics or in the title, any accents otherwise) and, side by side
// somewhere, each pair of them the query joins. Whether the words stand
// together in one run is left to phrase_check.h. REQUIRES: !tokens.empty().
Xapian::Query phrase_query(const std::vector<Token>& tokens, Field field = Field::kAll);

// Adds the highlight terms of `tokens` to `match`, by the same rule as
// words_query(): words as typed when any of them carries diacritics.
void add_match_terms(const std::vector<Token>& tokens, MatchTerms& match);

}  // namespace vnews

#endif  // VNEWS_SEARCHER_QUERY_TERMS_H_
