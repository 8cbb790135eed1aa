// suggester.h -- "did you mean": the query with its misspelt words corrected
// (from Xapian's spelling data, written by the indexer) and, for a query
// typed without diacritics, with the accents the corpus gives its words.
#ifndef VNEWS_SEARCHER_RUN_SUGGESTER_H_
#define VNEWS_SEARCHER_RUN_SUGGESTER_H_

#include <xapian.h>

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "query/query_plan.h"
#include "query/term_frequencies.h"
#include "vnews/analyzer.h"

namespace vnews {

// Texts whose words show how the corpus accents a query's words: the
// titles and snippets of about this many of its best results.
inline constexpr std::size_t kAccentEvidenceDocuments = 10;

// Suggests other queries for a query. Not thread-safe.
class Suggester {
 public:
  // REQUIRES: `db` and `frequencies` (of `db`) outlive the Suggester.
  Suggester(const Xapian::Database& db, TermFrequencies& frequencies)
      : db_(db), frequencies_(frequencies) {}

  // Returns at most two suggestions for `query` (planned as `plan`), best
  // first, never `query` itself:
  //  - each word the index does not hold corrected by the spelling data;
  //  - when no word searched for carries diacritics, the words with their
  //    accents: each run of words typed side by side gets the sequence of
  //    accented forms seen most often side by side in the texts `evidence`
  //    returns (called only then: the titles and snippets of the best
  //    results) ("thu tuong" -> "thủ tướng", not the commoner syllables
  //    "thủ tượng"); a word they do not show gets its commonest form in the
  //    corpus.
  // A suggestion is `query` with only those words replaced, in their typed
  // letter case: operators, phrases, fields, filters, exclusions and word
  // order stay as typed. It is offered only when `finds_any` says it finds
  // something. The first call that needs the corpus's accents reads its
  // word list once (tens of ms for 35,000 articles).
  std::vector<std::string> suggest(
      std::string_view query, const QueryPlan& plan, Analyzer& analyzer,
      const std::function<std::vector<std::string>()>& evidence,
      const std::function<bool(const std::string&)>& finds_any);

  // Returns the most frequent accented form of folded word `folded`, or ""
  // when the corpus has none.
  const std::string& accented_form(const std::string& folded);

 private:
  void load_accents();
  // Returns the form of each word of `words` with its accents restored.
  std::vector<std::string> restore_accents(const std::vector<PlannedWord>& words,
                                           const std::vector<std::string>& base,
                                           const std::vector<std::string>& texts,
                                           Analyzer& analyzer);

  const Xapian::Database& db_;
  TermFrequencies& frequencies_;
  bool accents_loaded_ = false;
  std::unordered_map<std::string, std::string> accents_;  // folded -> accented
};

}  // namespace vnews

#endif  // VNEWS_SEARCHER_RUN_SUGGESTER_H_
