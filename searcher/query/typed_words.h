// typed_words.h -- words typed with the input method off (Telex "ddieenj
// thoaij", VNI "D9ie6n5 thoa5i"), searched as the Vietnamese they spell.
#ifndef VNEWS_SEARCHER_QUERY_TYPED_WORDS_H_
#define VNEWS_SEARCHER_QUERY_TYPED_WORDS_H_

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "query/query_tree.h"
#include "query/term_frequencies.h"
#include "vnews/analyzer.h"

namespace vnews {

// Replaces in `root` (parsed from `query`) each word that is not Vietnamese
// as typed, whose folded term `db` does not hold, and that decodes in Telex
// or VNI (vnews/input_method.h) into a syllable `db` holds, by that
// syllable. A word valid as typed ("mix", "box") is never decoded. Returns
// `query` with those words decoded ("điện thoại"), "" when none was.
std::string decode_typed_words(QueryNode& root, std::string_view query,
                               TermFrequencies& db, Analyzer& analyzer);

// Returns the terms decode_typed_words() may look up for `root`, to fetch
// them at once from remote shards.
std::vector<std::string> typed_word_lookups(const QueryNode& root, Analyzer& analyzer);

}  // namespace vnews

#endif  // VNEWS_SEARCHER_QUERY_TYPED_WORDS_H_
