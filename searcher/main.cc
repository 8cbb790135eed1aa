// vnews-search: ranked search with highlighted snippets over a vnews database.
#include <unistd.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "cli/answer.h"
#include "cli/search_options.h"
#include "output/printer.h"
#include "run/searcher.h"
#include "vnews/error.h"
#include "vnews/terminal.h"
#include "vnews/version.h"

namespace {

vnews::PrintOptions print_options(const vnews::SearchOptions& options) {
  vnews::PrintOptions print;
  print.format = options.format;
  print.fields = options.fields;
  print.batch = options.batch;
  if (options.format == vnews::OutputFormat::kText) {
    print.color = vnews::wants_color(options.color, isatty(STDOUT_FILENO) == 1);
    print.width = vnews::output_width(STDOUT_FILENO);
  }
  return print;
}

// Opens --queries FILE. Throws UsageError naming it when it cannot be read.
std::ifstream open_queries(const std::string& path) {
  if (std::filesystem::is_directory(path)) {
    throw vnews::UsageError("--queries '" + path +
                            "' is a folder, not a file of queries");
  }
  std::ifstream queries(path);
  if (!queries) throw vnews::UsageError("cannot open --queries '" + path + "'");
  return queries;
}

int run(const vnews::SearchOptions& options, vnews::Printer& printer) {
  vnews::Searcher searcher(options.dbs, options.allow_partial);
  std::vector<std::string> warned;
  vnews::warn_of_missing_shards(searcher, warned, std::cerr);
  for (const std::string& warning : searcher.warnings()) {
    std::cerr << "vnews-search: warning: " << warning << '\n';
  }
  for (const std::string& file : options.synonyms) searcher.add_synonyms(file);
  // Many queries repay the bitmaps of their common words; one does not.
  if (options.batch) searcher.use_bitmaps(std::make_shared<vnews::TermBitmaps>());
  if (!options.show.empty()) {
    try {
      printer.print_article(searcher.article(options.show), std::cout);
      return 0;
    } catch (const vnews::NotFoundError& e) {
      if (options.format == vnews::OutputFormat::kJson) {
        printer.print_error(options.show, e.what(), std::cout, std::cerr);
      }
      throw;
    }
  }
  if (!options.batch) {
    try {
      const int status =
          vnews::answer_query(searcher, options.request, printer, std::cout);
      vnews::warn_of_missing_shards(searcher, warned, std::cerr);  // lost meanwhile
      return status;
    } catch (const vnews::QueryError& e) {
      // Scripts reading JSON get the error as an answer too, as in batch mode.
      if (options.format == vnews::OutputFormat::kJson) {
        printer.print_error(options.request.query, e.what(), std::cout, std::cerr);
      }
      throw;
    }
  }
  if (options.queries_file.empty() || options.queries_file == "-") {
    return vnews::answer_batch(searcher, options, printer, std::cin, std::cout,
                               std::cerr);
  }
  std::ifstream queries = open_queries(options.queries_file);
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
    if (options.version) {
      std::cout << vnews::version_text("vnews-search");
      return 0;
    }
    const auto printer = vnews::make_printer(print_options(options));
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
