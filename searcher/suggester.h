// suggester.h -- "did you mean": corrections for typos, from Xapian's
// spelling data (written by the indexer), and diacritics for unaccented
// queries, from the corpus's own most frequent accented forms.
#ifndef VNEWS_SEARCHER_SUGGESTER_H_
#define VNEWS_SEARCHER_SUGGESTER_H_

#include <xapian.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "query_builder.h"
#include "run_search.h"

namespace vnews {

// Suggests other queries for the words of a plan. Not thread-safe.
class Suggester {
 public:
  // REQUIRES: `db` outlives the Suggester.
  explicit Suggester(const Xapian::Database& db) : db_(db) {}

  // Returns at most two suggestions for `plan`, best first, never the query
  // itself: its words with each word the index does not hold corrected by
  // the spelling data (words it holds are never "corrected"); and, when no
  // word carries diacritics, its words with the accents they most often have
  // in the titles and snippets of the best five `hits`, beside the other
  // query words ("dien thoai" -> "điện thoại", not the commoner "diễn"), or
  // else in the whole corpus. The first call
  // that needs the corpus's accents reads its word list once (tens of ms for
  // 35,000 articles); later calls take microseconds.
  std::vector<std::string> suggest(const QueryPlan& plan, const std::vector<Hit>& hits,
                                   Analyzer& analyzer);

  // Returns the most frequent accented form of folded syllable `folded`,
  // or "" when the corpus has none.
  const std::string& accented_form(const std::string& folded);

 private:
  void load_accents();

  const Xapian::Database& db_;
  bool accents_loaded_ = false;
  std::unordered_map<std::string, std::string> accents_;  // folded -> accented
};

}  // namespace vnews

#endif  // VNEWS_SEARCHER_SUGGESTER_H_
