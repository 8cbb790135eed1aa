// vnews-search: ranked search with highlighted snippets over a vnews database.
#include <unistd.h>
#include <xapian.h>

#include <iostream>
#include <string>

#include "json_output.h"
#include "run_search.h"
#include "search_options.h"
#include "text_output.h"
#include "vnews/error.h"

namespace {

bool use_color(const vnews::SearchOptions& options) {
  if (options.json) return false;
  if (options.color == vnews::ColorMode::kAuto) return isatty(STDOUT_FILENO) == 1;
  return options.color == vnews::ColorMode::kAlways;
}

// Answers one query on stdout; returns 0 when it found results, 1 when none.
int answer(vnews::Searcher& searcher, const std::string& query,
           const vnews::SearchOptions& options) {
  const vnews::SearchResult result =
      searcher.search(query, options.offset, options.limit);
  if (options.json) {
    std::cout << vnews::format_json(result) << '\n';
  } else {
    vnews::print_text(result, use_color(options), std::cout);
  }
  return result.hits.empty() ? 1 : 0;
}

// Answers each line of stdin; a line that fails gets an error answer.
int answer_batch(vnews::Searcher& searcher, const vnews::SearchOptions& options) {
  bool any_found = false, any_failed = false;
  for (std::string line; std::getline(std::cin, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    try {
      any_found = answer(searcher, line, options) == 0 || any_found;
    } catch (const vnews::QueryError& e) {
      any_failed = true;
      if (options.json) {
        std::cout << vnews::format_json_error(line, e.what()) << '\n';
      } else {
        std::cout << "error: " << e.what() << '\n';
      }
    }
    if (!options.json) std::cout << '\n';
    std::cout.flush();
  }
  return any_failed ? 2 : any_found ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const vnews::SearchOptions options = vnews::parse_search_options(argc, argv);
    if (options.help) {
      std::cout << vnews::search_usage();
      return 0;
    }
    vnews::Searcher searcher(options.dbs, options.allow_partial);
    for (const std::string& missing : searcher.missing_shards()) {
      std::cerr << "vnews-search: warning: " << missing << "; searching without it\n";
    }
    if (options.batch) return answer_batch(searcher, options);
    return answer(searcher, options.query, options);
  } catch (const vnews::UsageError& e) {
    std::cerr << "vnews-search: " << e.what() << "\nTry 'vnews-search --help'.\n";
    return 2;
  } catch (const Xapian::Error& e) {
    std::cerr << "vnews-search: " << e.get_description() << '\n';
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "vnews-search: " << e.what() << '\n';
    return 2;
  }
}
