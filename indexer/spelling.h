// spelling.h -- the words the searcher's "did you mean" may suggest.
#ifndef VNEWS_INDEXER_SPELLING_H_
#define VNEWS_INDEXER_SPELLING_H_

#include <xapian.h>

namespace vnews {

// Adds the syllables of `doc` (as built by build_document) to the spelling
// data of `db`, in their exact and their folded form, counting each once per document.
// Words with digits or under 3 bytes are left out. Re-adding a replaced document counts its words again.
// REQUIRES: `db` was opened for writing.
void add_spellings(Xapian::WritableDatabase& db, const Xapian::Document& doc);

}  // namespace vnews

#endif  // VNEWS_INDEXER_SPELLING_H_
