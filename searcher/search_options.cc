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
       "database to search (required; repeat to search several as one)")
      ("limit,n", po::value<std::string>()->value_name("N")->default_value("10"),
       "show at most N results")
      ("offset", po::value<std::string>()->value_name("N")->default_value("0"),
       "skip the first N results (for paging)")
      ("sort", po::value<std::string>()->value_name("ORDER")->default_value("relevance"),
       "relevance, date (newest first) or recency (relevance with a boost for "
       "newer articles, halving every 30 days)")
      ("since", po::value<std::string>()->value_name("DATE"),
       "only articles dated DATE or later (YYYY-MM-DD, YYYY-MM or YYYY)")
      ("until", po::value<std::string>()->value_name("DATE"),
       "only articles dated DATE or earlier")
      ("facet", po::value<std::string>()->value_name("FIELD"),
       "count the matching articles per FIELD (only 'category')")
      ("json", "same as --format json")
      ("format", po::value<std::string>()->value_name("FMT")->default_value("text"),
       "text, json (one object per query per line) or tsv (one hit per line)")
      ("fields", po::value<std::string>()->value_name("LIST"),
       "hit fields to print, comma-separated, from: rank id score title category "
       "date url source snippet (default: all)")
      ("batch", "read one query per line from stdin; answer each as it is read")
      ("queries", po::value<std::string>()->value_name("FILE"),
       "as --batch, reading the queries from FILE")
      ("color", po::value<std::string>()->value_name("WHEN")->default_value("auto"),
       "highlight with ANSI colour: auto (on a terminal), always, never")
      ("allow-partial", "when a shard is down, search the others and warn on stderr")
      ("help,h", "show this help and exit")
      ("version", "show the versions of vnews, Xapian and ICU and exit");
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

// Returns the bound of --since or --until; a bad date is a usage error.
std::string date_option(const po::variables_map& vm, const char* name, bool upper) {
  if (!vm.count(name)) return "";
  try {
    return date_bound(vm[name].as<std::string>(), upper);
  } catch (const QueryError& e) {
    throw UsageError(std::string("--") + name + ": " + e.what());
  }
}

OutputFormat parse_format(const po::variables_map& vm) {
  if (vm.count("json")) return OutputFormat::kJson;
  const std::string format = vm["format"].as<std::string>();
  if (format == "text") return OutputFormat::kText;
  if (format == "json") return OutputFormat::kJson;
  if (format == "tsv") return OutputFormat::kTsv;
  throw UsageError("--format must be text, json or tsv, got '" + format + "'");
}

ColorMode parse_color(const std::string& color) {
  if (color == "always") return ColorMode::kAlways;
  if (color == "never") return ColorMode::kNever;
  if (color == "auto") return ColorMode::kAuto;
  throw UsageError("--color must be auto, always or never, got '" + color + "'");
}

}  // namespace

SortOrder parse_sort_order(const std::string& text) {
  if (text == "relevance") return SortOrder::kRelevance;
  if (text == "date") return SortOrder::kDate;
  if (text == "recency") return SortOrder::kRecency;
  throw UsageError("sort must be relevance, date or recency, got '" + text + "'");
}

std::string search_usage() {
  const po::options_description options = visible_options();
  std::ostringstream out;
  out << "Usage: vnews-search --db DIR [options] QUERY...\n"
         "  or:  vnews-search --db DIR --batch [options] < queries.txt\n"
         "Search a vnews database; print ranked results with highlighted snippets.\n\n"
         "Words may be typed with or without diacritics and in either tone-mark\n"
         "placement (hòa/hoà): 'dien thoai' finds 'điện thoại'; accents that are\n"
         "typed rank exact matches first. Every word counts: articles with all the\n"
         "words come first, those holding them side by side before the others,\n"
         "then articles with only some of them.\n\n"
         "Query language:\n"
         "  \"a phrase\"          the words must appear together, in this order, with\n"
         "                      punctuation between two only where typed between them\n"
         "  +word, -word        the word is required / excluded (also -\"a phrase\")\n"
         "  a AND b, a OR b, NOT a, ( )\n"
         "                      operators, upper case; AND binds tighter than OR\n"
         "  title:word, title:\"a phrase\"\n"
         "                      in the title\n"
         "  title:(a OR b), category:(x OR y)\n"
         "                      a field for every word inside\n"
         "  category:NAME, category:\"two words\"\n"
         "                      only that category\n"
         "  date:2017-06-01..2017-06-30, date:2017-06, date:..2017-06-30\n"
         "                      dates\n"
         "  xiao*               words starting with 'xiao' (50 most frequent)\n"
         "Malformed queries are read leniently: unbalanced quotes run to the end,\n"
         "unbalanced parentheses are closed, an operator without operands is a\n"
         "word. A bad date or a query with no word is an error.\n\n";
  // Two spaces before each description, which help2man needs (man/).
  options.print(out, options.get_option_column_width() + 1);
  out << "\nDid you mean: a word the index does not hold gets the closest one it\n"
         "holds, and a query typed without diacritics gets the accents the corpus\n"
         "uses most ('dien thoai' -> 'điện thoại'); shown under the count line and\n"
         "in JSON as \"suggestions\".\n"
         "\nBatch mode: each line is a query, or a JSON object with per-query options:\n"
         "  {\"q\": \"dien thoai\", \"limit\": 5, \"offset\": 0, \"since\": \"2017-06\",\n"
         "   \"until\": \"2017-07-31\", \"sort\": \"date\", \"facet\": \"category\"}\n"
         "Each answer is flushed as soon as it is written, so another program can\n"
         "drive vnews-search as a coprocess. A line that fails gets an error answer\n"
         "({\"query\": ..., \"error\": ...} in JSON) and the batch goes on.\n"
         "\nExit status: 0 results found, 1 none, 2 error. In batch mode the status\n"
         "is 2 if any line failed, else 0 if any line found results, else 1.\n"
         "\nExamples:\n"
         "  $ vnews-search --db news.db 'thị trường châu Âu'\n"
         "  $ vnews-search --db news.db --json --limit 3 dien thoai xiaomi\n"
         "  $ vnews-search --db news.db --sort date --since 2017-06 'title:bão -\"miền Bắc\"'\n"
         "  $ vnews-search --db news.db --facet category --format tsv --fields id,title xiao*\n";
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
  options.version = vm.count("version") > 0;
  if (options.help || options.version) return options;
  if (!vm.count("db")) throw UsageError("missing --db DIR");
  options.dbs = vm["db"].as<std::vector<std::string>>();
  SearchRequest& request = options.request;
  request.limit = parse_count(vm, "limit", true);
  request.offset = parse_count(vm, "offset", false);
  request.sort = parse_sort_order(vm["sort"].as<std::string>());
  request.dates.from = date_option(vm, "since", false);
  request.dates.to = date_option(vm, "until", true);
  if (!request.dates.from.empty() && !request.dates.to.empty() &&
      request.dates.from > request.dates.to) {
    throw UsageError("--since is after --until");
  }
  if (vm.count("facet")) {
    const std::string facet = vm["facet"].as<std::string>();
    if (facet != "category") {
      throw UsageError("--facet: only 'category' is supported, got '" + facet + "'");
    }
    request.facet_category = true;
  }
  options.format = parse_format(vm);
  if (vm.count("fields")) options.fields = parse_output_fields(vm["fields"].as<std::string>());
  request.snippets = options.fields.has("snippet");
  options.allow_partial = vm.count("allow-partial") > 0;
  options.color = parse_color(vm["color"].as<std::string>());
  if (vm.count("queries")) options.queries_file = vm["queries"].as<std::string>();
  options.batch = vm.count("batch") > 0 || !options.queries_file.empty();
  options.allow_partial = vm.count("allow-partial") > 0;
  if (vm.count("query")) {
    for (const std::string& word : vm["query"].as<std::vector<std::string>>()) {
      if (!request.query.empty()) request.query += ' ';
      request.query += word;
    }
  }
  if (options.batch && !request.query.empty()) {
    throw UsageError("--batch reads queries from stdin; got a query too: '" +
                     request.query + "'");
  }
  if (!options.batch && request.query.empty()) throw UsageError("missing QUERY");
  return options;
}

}  // namespace vnews
