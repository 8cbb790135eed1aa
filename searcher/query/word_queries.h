// word_queries.h -- the Xapian queries for analyzed words, over the terms of
// vnews/terms.h: which forms of a word a document may hold to match it, and
// how words weigh. Whatever syntax the parser accepts, its words end up here,
// so how Vietnamese words match and rank is decided in one place.
#ifndef VNEWS_SEARCHER_QUERY_WORD_QUERIES_H_
#define VNEWS_SEARCHER_QUERY_WORD_QUERIES_H_

#include <xapian.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "query/term_frequencies.h"
#include "vnews/analyzer.h"
#include "vnews/terms.h"

namespace vnews {

// Which forms of a word typed with diacritics a document may hold.
enum class Accents {
  kAsTyped,  // that word only, in either tone placement, NFC or NFD, any case
  kAny,      // any accents: the query was widened because nothing matched
};

// Where term frequencies come from (term_frequencies.h); none: long queries
// rank by all their parts.
struct TermStats {
  TermFrequencies* frequencies = nullptr;
};

// The words a result's text must show highlighted.
struct MatchTerms {
  std::set<std::string> exact;         // accented query words: match the exact form
  std::set<std::string> folded;        // unaccented ones: match any accents
  std::set<std::string> exact_folded;  // the folded forms of `exact`
  // Other ways of writing some query words in several words ("ủy ban nhân
  // dân" for "UBND"): their folded words, highlighted only standing together.
  std::vector<std::vector<std::string>> runs;
  // Folded form -> exact form of each accented query word whose other accent
  // forms match too (Accents::kAny).
  std::map<std::string, std::string> fallback;

  bool empty() const { return exact.empty() && folded.empty() && runs.empty(); }
};

// True when a document matches `token` by its folded form: the word was
// typed without diacritics, has a single form, or `accents` is kAny.
bool matches_folded(const Token& token, Accents accents);

// Returns the one term a document must hold to match `token` in `field`:
// its exact term when typed with diacritics (Accents::kAsTyped), else its
// folded term.
std::string accepted_term(const Token& token, Field field, Accents accents);

// Returns the query for words typed side by side, for ranking: any of them
// may match, documents with more of them rank higher, and adjacent words that
// the analyzer marks as joined also match as a pair, so documents holding
// them side by side rank first. When any of the words carries diacritics the
// user is typing them, so each word, accented or not, ranks its form as typed
// first ("lán oai" prefers "oai" to "oái"); when none does, every accent form
// of each word counts alike. Given a database in `stats`, a long query (over
// eight words and pairs) weighs only its eight rarest parts, and still
// matches every document holding all its words.
// REQUIRES: !tokens.empty().
Xapian::Query words_query(const std::vector<Token>& tokens, Field field,
                          const TermStats& stats = {});

// The ranking of words typed side by side, and its first tier.
struct WordsRanking {
  Xapian::Query query;  // as words_query()
  // Matches the documents holding one of the query's rarest parts, words or
  // pairs: the rarest part, then the next ones while the documents holding
  // them stay few (a few thousand, whatever the size of the database);
  // never all of its parts. Empty when there is no need of a tier: a word
  // held by few documents, parts all rare, a single part.
  Xapian::Query first_tier;
};

// Returns words_query(tokens, field, stats) and, when `with_tier` and
// `stats` has a database, its first tier. REQUIRES: !tokens.empty().
WordsRanking rank_words(const std::vector<Token>& tokens, Field field,
                        const TermStats& stats, bool with_tier);

// Returns the query matching the documents that may hold `tokens` as a
// phrase: those holding each word's accepted term and, side by side
// somewhere, each pair of them the query joins (pairs are indexed over all
// fields only). Whether the words stand together in one run is left to
// document_check.h. REQUIRES: !tokens.empty().
Xapian::Query phrase_query(const std::vector<Token>& tokens, Field field,
                           Accents accents);

// Returns the pair terms of the words of `tokens` the query joins, when
// `field` is kAll (titles have no pair terms of their own).
std::vector<std::string> joined_pair_terms(const std::vector<Token>& tokens, Field field);

// Adds the highlight terms of `tokens` to `match`: accented words as typed
// (and their other accents with Accents::kAny), unaccented ones in any form.
void add_match_terms(const std::vector<Token>& tokens, Accents accents,
                     MatchTerms& match);

}  // namespace vnews

#endif  // VNEWS_SEARCHER_QUERY_WORD_QUERIES_H_
