// search_options.h -- the command line of vnews-search.
#ifndef VNEWS_SEARCHER_SEARCH_OPTIONS_H_
#define VNEWS_SEARCHER_SEARCH_OPTIONS_H_

#include <string>
#include <vector>

namespace vnews {

enum class ColorMode { kAuto, kAlways, kNever };

struct SearchOptions {
  std::vector<std::string> dbs;  // searched as one database
  std::string query;             // empty in batch mode
  unsigned limit = 10;
  unsigned offset = 0;
  bool json = false;             // one JSON object per query, one line each
  bool batch = false;            // one query per line of stdin
  bool allow_partial = false;    // search the shards that open; warn about the others
  ColorMode color = ColorMode::kAuto;
  bool help = false;
};

// Returns the options of `argv`; the words after the flags form the query.
// Throws UsageError for an unknown flag, a missing --db or query, or a bad
// value, quoting what the user typed.
SearchOptions parse_search_options(int argc, const char* const argv[]);

// Returns the --help text.
std::string search_usage();

}  // namespace vnews

#endif  // VNEWS_SEARCHER_SEARCH_OPTIONS_H_
