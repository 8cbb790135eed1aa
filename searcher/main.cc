// vnews-search: ranked search with highlighted snippets over a vnews database.
#include <unistd.h>
#include <xapian.h>

#include <fstream>
#include <iostream>
#include <string>

#include "answer.h"
#include "run_search.h"
#include "search_options.h"
#include "vnews/error.h"
#include "vnews/version.h"

namespace {

bool use_color(const vnews::SearchOptions& options) {
  if (options.format != vnews::OutputFormat::kText) return false;
  if (options.color == vnews::ColorMode::kAuto) return isatty(STDOUT_FILENO) == 1;
  return options.color == vnews::ColorMode::kAlways;
}

int run(const vnews::SearchOptions& options) {
  vnews::Searcher searcher(options.dbs, options.allow_partial);
  for (const std::string& missing : searcher.missing_shards()) {
    std::cerr << "vnews-search: warning: " << missing << "; searching without it\n";
  }
  const bool color = use_color(options);
  if (!options.batch) {
    return vnews::answer_query(searcher, options.request, options, color, std::cout);
  }
  if (options.queries_file.empty()) {
    return vnews::answer_batch(searcher, options, color, std::cin, std::cout);
  }
  std::ifstream queries(options.queries_file);
  if (!queries) throw vnews::UsageError("cannot open --queries '" + options.queries_file + "'");
  return vnews::answer_batch(searcher, options, color, queries, std::cout);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const vnews::SearchOptions options = vnews::parse_search_options(argc, argv);
    if (options.help) {
      std::cout << vnews::search_usage();
      return 0;
    }
    if (options.version) {
      std::cout << vnews::version_text("vnews-search");
      return 0;
    }
    return run(options);
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
