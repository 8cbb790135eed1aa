// term_frequencies.h -- how many documents hold each term, asked of the
// databases as seldom as possible: a local database answers each lookup
// from its B-tree; remote shards answer a whole list of terms in one match
// (two round trips, to every shard at once), and their answers are kept
// until forget().
#ifndef VNEWS_SEARCHER_QUERY_TERM_FREQUENCIES_H_
#define VNEWS_SEARCHER_QUERY_TERM_FREQUENCIES_H_

#include <xapian.h>

#include <string>
#include <unordered_map>
#include <vector>

namespace vnews {

class TermFrequencies {
 public:
  // REQUIRES: `db` outlives this. `remote`: some shard of it is remote.
  TermFrequencies(const Xapian::Database& db, bool remote) : db_(db), remote_(remote) {}

  // Asks remote shards, at once, for the frequencies of `terms` not known
  // yet. Does nothing for local databases.
  void prefetch(const std::vector<std::string>& terms);

  // Returns the number of documents holding `term`: known, else asked.
  Xapian::doccount get(const std::string& term);

  // Forgets every answer (the database was reopened).
  void forget() { known_.clear(); }

 private:
  const Xapian::Database& db_;
  bool remote_;
  std::unordered_map<std::string, Xapian::doccount> known_;  // remote shards' answers
};

}  // namespace vnews

#endif  // VNEWS_SEARCHER_QUERY_TERM_FREQUENCIES_H_
