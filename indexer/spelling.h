// spelling.h -- the words the searcher's "did you mean" may suggest.
#ifndef VNEWS_INDEXER_SPELLING_H_
#define VNEWS_INDEXER_SPELLING_H_

#include <xapian.h>

#include <string>
#include <unordered_map>

namespace vnews {

// The spelling words of documents (as built by build_document): their
// syllables in their exact and their folded form, each counted once per
// document. Words with digits or under 3 bytes are left out. Counting a batch
// of documents here and writing the counts once gives the same spelling data
// as adding each document's words to the database, for a fraction of the
// database calls.
class SpellingCounts {
 public:
  // Counts the words of `doc`. Counting a replaced document again counts its
  // words again.
  void add(const Xapian::Document& doc);
  // Adds the counted words to the spelling data of `db` (committed with its
  // next commit) and forgets them. REQUIRES: `db` was opened for writing.
  void write_to(Xapian::WritableDatabase& db);
  bool empty() const { return counts_.empty(); }

 private:
  std::unordered_map<std::string, Xapian::termcount> counts_;
};

// Adds to the spelling data of `db` the words of every document it holds, as
// SpellingCounts would from each of them, but from the term frequencies: one
// pass over the vocabulary instead of one over each document. For a database
// none of whose documents' words are there yet (a build, merged).
// REQUIRES: `db` was opened for writing.
void add_spellings_of_all(Xapian::WritableDatabase& db);

}  // namespace vnews

#endif  // VNEWS_INDEXER_SPELLING_H_
