// serve_options.h -- the command line of vnews-serve.
#ifndef VNEWS_SEARCHER_HTTP_SERVE_OPTIONS_H_
#define VNEWS_SEARCHER_HTTP_SERVE_OPTIONS_H_

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace vnews {

// What vnews-serve serves, where, and with which limits.
struct ServeOptions {
  std::vector<std::string> dbs;  // searched as one database
  std::string host = "127.0.0.1";
  unsigned port = 8080;        // 0: a free port, printed at startup
  unsigned workers = 1;        // search threads (default: one per core)
  std::size_t queue = 64;      // searches that may wait for a worker
  unsigned connections = 128;  // connections served at once
  std::chrono::microseconds time_limit{10'000'000};    // per search, waiting included
  std::chrono::microseconds read_timeout{10'000'000};  // per request line and headers
  bool allow_partial = false;  // serve the shards that open; warn about the others
  bool quiet = false;          // no access log
  bool help = false;
  bool version = false;
};

// Returns the options of `argv`. Throws UsageError for an unknown flag, a
// missing --db, a stray argument or a bad value, quoting what was typed.
ServeOptions parse_serve_options(int argc, const char* const argv[]);

// Returns the --help text.
std::string serve_usage();

}  // namespace vnews

#endif  // VNEWS_SEARCHER_HTTP_SERVE_OPTIONS_H_
