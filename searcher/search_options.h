// search_options.h -- the command line of vnews-search.
#ifndef VNEWS_SEARCHER_SEARCH_OPTIONS_H_
#define VNEWS_SEARCHER_SEARCH_OPTIONS_H_

#include <string>
#include <vector>

#include "output_fields.h"
#include "run_search.h"

namespace vnews {

enum class ColorMode { kAuto, kAlways, kNever };
enum class OutputFormat { kText, kJson, kTsv };

struct SearchOptions {
  std::vector<std::string> dbs;  // searched as one database
  SearchRequest request;         // the query (empty in batch mode) and its options,
                                 // the defaults for every batch line
  OutputFormat format = OutputFormat::kText;
  OutputFields fields = OutputFields::all();
  bool batch = false;            // one query per line of stdin or of `queries_file`
  std::string queries_file;      // --queries FILE; implies batch
  bool allow_partial = false;    // search the shards that open; warn about the others
  ColorMode color = ColorMode::kAuto;
  bool help = false;
  bool version = false;          // print the versions and exit
};

// Returns the options of `argv`; the words after the flags form the query.
// Throws UsageError for an unknown flag, a missing --db or query, or a bad
// value, quoting what the user typed.
SearchOptions parse_search_options(int argc, const char* const argv[]);

// Returns `text` as a sort order: "relevance", "date" or "recency". Throws
// UsageError quoting anything else.
SortOrder parse_sort_order(const std::string& text);

// Returns the --help text.
std::string search_usage();

}  // namespace vnews

#endif  // VNEWS_SEARCHER_SEARCH_OPTIONS_H_
