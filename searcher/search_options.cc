#include "search_options.h"

#include <boost/program_options.hpp>
#include <sstream>

#include "vnews/error.h"

namespace po = boost::program_options;

namespace vnews {
namespace {

po::options_description visible_options() {
  po::options_description options("Options");
  options.add_options()
      ("db,d", po::value<std::vector<std::string>>()->value_name("DIR"),
       "database to search (required; repeat to search several as one): a folder,\n"
       "a stub file listing shards, or tcp://HOST:PORT for xapian-tcpsrv")
      ("allow-partial", "when a shard is down, search the others and warn on stderr")
      ("limit,n", po::value<std::string>()->value_name("N")->default_value("10"),
       "show at most N results")
      ("offset", po::value<std::string>()->value_name("N")->default_value("0"),
       "skip the first N results")
      ("json", "print one JSON object per query, on one line")
      ("batch", "read one query per line from stdin; answer each on its own line")
      ("color", po::value<std::string>()->value_name("WHEN")->default_value("auto"),
       "highlight with ANSI colour: auto (on a terminal), always, never")
      ("help,h", "show this help and exit");
  return options;
}

unsigned parse_count(const po::variables_map& vm, const char* name, bool positive) {
  const std::string text = vm[name].as<std::string>();
  std::size_t used = 0;
  unsigned long value = 0;
  try {
    value = std::stoul(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != text.size() || text.empty() || text[0] == '-' ||
      value > 100000 || (positive && value == 0)) {
    throw UsageError(std::string("--") + name + " must be a " +
                     (positive ? "positive" : "non-negative") +
                     " number up to 100000, got '" + text + "'");
  }
  return static_cast<unsigned>(value);
}

}  // namespace

std::string search_usage() {
  std::ostringstream out;
  out << "Usage: vnews-search --db DIR [options] QUERY...\n"
         "       vnews-search --db DIR --batch [options] < queries.txt\n"
         "Search a vnews database; print ranked results with highlighted snippets.\n\n"
         "Words may be typed with or without diacritics and in either tone-mark\n"
         "placement (hòa/hoà): 'dien thoai' finds 'điện thoại'; accents that are\n"
         "typed rank exact matches first. Words standing together in the query\n"
         "rank documents where they stand together first. \"Quoted words\" must\n"
         "appear as a phrase.\n\n"
      << visible_options()
      << "\nExit status: 0 results found, 1 none, 2 error. In batch mode a line that\n"
         "fails gets an error answer and the batch goes on; the status is 2 if any\n"
         "line failed, else 0 if any line found results, else 1.\n"
         "\nExamples:\n"
         "  vnews-search --db news.db 'thị trường châu Âu'\n"
         "  vnews-search --db news.db --json --limit 3 dien thoai xiaomi\n";
  return out.str();
}

SearchOptions parse_search_options(int argc, const char* const argv[]) {
  po::options_description all = visible_options();
  all.add_options()("query", po::value<std::vector<std::string>>(), "");
  po::positional_options_description positional;
  positional.add("query", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(e.what());
  }
  SearchOptions options;
  options.help = vm.count("help") > 0;
  if (options.help) return options;
  if (!vm.count("db")) throw UsageError("missing --db DIR");
  options.dbs = vm["db"].as<std::vector<std::string>>();
  options.limit = parse_count(vm, "limit", true);
  options.offset = parse_count(vm, "offset", false);
  options.json = vm.count("json") > 0;
  options.batch = vm.count("batch") > 0;
  options.allow_partial = vm.count("allow-partial") > 0;
  const std::string color = vm["color"].as<std::string>();
  if (color == "always") {
    options.color = ColorMode::kAlways;
  } else if (color == "never") {
    options.color = ColorMode::kNever;
  } else if (color != "auto") {
    throw UsageError("--color must be auto, always or never, got '" + color + "'");
  }
  if (vm.count("query")) {
    for (const std::string& word : vm["query"].as<std::vector<std::string>>()) {
      if (!options.query.empty()) options.query += ' ';
      options.query += word;
    }
  }
  if (options.batch && !options.query.empty()) {
    throw UsageError("--batch reads queries from stdin; got a query too: '" +
                     options.query + "'");
  }
  if (!options.batch && options.query.empty()) throw UsageError("missing QUERY");
  return options;
}

}  // namespace vnews
