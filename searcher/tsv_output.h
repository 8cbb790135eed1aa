// tsv_output.h -- the --format tsv answer, for cut and awk.
#ifndef VNEWS_SEARCHER_TSV_OUTPUT_H_
#define VNEWS_SEARCHER_TSV_OUTPUT_H_

#include <iosfwd>

#include "output_fields.h"
#include "run_search.h"

namespace vnews {

// Prints one line per hit: the values of `fields`, in order, separated by
// tabs; tabs and line breaks inside values become spaces, and invalid bytes
// U+FFFD. Prints nothing for a result without hits.
void print_tsv(const SearchResult& result, const OutputFields& fields, std::ostream& out);

}  // namespace vnews

#endif  // VNEWS_SEARCHER_TSV_OUTPUT_H_
