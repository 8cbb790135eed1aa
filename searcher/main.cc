// vnews-search: ranked search with highlighted snippets over a vnews database.
#include <unistd.h>
#include <xapian.h>

#include <fstream>
#include <iostream>
#include <string>

#include "cli/answer.h"
#include "cli/search_options.h"
#include "output/printer.h"
#include "run/searcher.h"
#include "vnews/error.h"

namespace {

bool use_color(const vnews::SearchOptions& options) {
  if (options.format != vnews::OutputFormat::kText) return false;
  if (options.color == vnews::ColorMode::kAuto) return isatty(STDOUT_FILENO) == 1;
  return options.color == vnews::ColorMode::kAlways;
}

int run(const vnews::SearchOptions& options, vnews::Printer& printer) {
  vnews::Searcher searcher(options.dbs, options.allow_partial);
  for (const std::string& missing : searcher.missing_shards()) {
    std::cerr << "vnews-search: warning: " << missing << "; searching without it\n";
  }
  if (!options.batch) {
    return vnews::answer_query(searcher, options.request, printer, std::cout);
  }
  if (options.queries_file.empty()) {
    return vnews::answer_batch(searcher, options, printer, std::cin, std::cout, std::cerr);
  }
  std::ifstream queries(options.queries_file);
  if (!queries) throw vnews::UsageError("cannot open --queries '" + options.queries_file + "'");
  return vnews::answer_batch(searcher, options, printer, queries, std::cout, std::cerr);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const vnews::SearchOptions options = vnews::parse_search_options(argc, argv);
    if (options.help) {
      std::cout << vnews::search_usage();
      return 0;
    }
    const auto printer =
        vnews::make_printer(options.format, options.fields, use_color(options));
    return run(options, *printer);
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
