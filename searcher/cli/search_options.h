// search_options.h -- the command line of vnews-search.
#ifndef VNEWS_SEARCHER_CLI_SEARCH_OPTIONS_H_
#define VNEWS_SEARCHER_CLI_SEARCH_OPTIONS_H_

#include <string>
#include <vector>

#include "output/output_fields.h"
#include "output/printer.h"
#include "run/search_request.h"
#include "vnews/terminal.h"

namespace vnews {

struct SearchOptions {
  std::vector<std::string> dbs;  // searched as one database
  SearchRequest request;         // the query (empty in batch mode) and its options,
                                 // the defaults for every batch line
  OutputFormat format = OutputFormat::kText;
  OutputFields fields = OutputFields::all();
  std::string show;                   // --show ID: print this article, search nothing
  std::vector<std::string> synonyms;  // --synonyms FILE: more synonyms to search
  bool batch = false;                 // one query per line of stdin or of `queries_file`
  std::string queries_file;           // --queries FILE ("-": stdin); implies batch
  bool allow_partial = false;  // search the shards that open; warn about the others
  ColorMode color = ColorMode::kAuto;
  bool help = false;
  bool version = false;  // print the versions and exit
};

// Returns the options of `argv`; the words after the flags form the query.
// Throws UsageError for an unknown flag, a missing --db or query, or a bad
// value, quoting what the user typed (an unknown flag that may be a query
// word starting with '-' gets a hint to put "--" before the query).
SearchOptions parse_search_options(int argc, const char* const argv[]);

// Returns the --help text.
std::string search_usage();

}  // namespace vnews

#endif  // VNEWS_SEARCHER_CLI_SEARCH_OPTIONS_H_
