// snippet.h -- picks the passage of a result that best shows the query and
// marks the words that matched, on the original text.
#ifndef VNEWS_SEARCHER_RUN_SNIPPET_H_
#define VNEWS_SEARCHER_RUN_SNIPPET_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "query/word_queries.h"
#include "vnews/analyzer.h"

namespace vnews {

// A passage of a document with its highlighted spans.
struct Snippet {
  std::string text;  // original case, diacritics and normalization form
  // [start, end) of each highlighted span in `text`, in code points, in order.
  std::vector<std::pair<std::size_t, std::size_t>> highlights;
};

// Returns the passage of `text` of at most about `max_bytes` bytes that holds
// the most distinct query words, highlighting every word that matches
// `match` as the Analyzer sees it (so unaccented and other-orthography
// matches are marked too). Passages start and end on word boundaries, never
// inside a grapheme cluster; "…" marks text cut off at either end. Line breaks
// become spaces. Text without a match gives its opening words.
Snippet make_snippet(std::string_view text, const MatchTerms& match, Analyzer& analyzer,
                     std::size_t max_bytes = 300);

// Returns the whole of `text` (a title) with every word that matches `match`
// highlighted, line breaks as spaces.
Snippet highlight_whole(std::string_view text, const MatchTerms& match,
                        Analyzer& analyzer);

}  // namespace vnews

#endif  // VNEWS_SEARCHER_RUN_SNIPPET_H_
