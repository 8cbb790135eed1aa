#include "cli/search_options.h"

#include <boost/program_options.hpp>
#include <sstream>

#include "vnews/command_line.h"
#include "vnews/error.h"

namespace po = boost::program_options;

namespace vnews {
namespace {

po::options_description visible_options() {
  po::options_description options("Options");
  // One option a line, as --help shows them.
  // clang-format off
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
      ("facet", po::value<std::vector<std::string>>()->value_name("FIELD"),
       "count the matching articles per FIELD: category, source, date (per month), "
       "date:day, date:year (repeatable)")
      ("like", po::value<std::string>()->value_name("ID"),
       "the articles most like article ID (a query, if given, filters them)")
      ("no-collapse", "show every copy of a story, not the best one with 'and N similar'")
      ("synonyms", po::value<std::vector<std::string>>()->value_name("FILE"),
       "also search the synonyms of FILE (one group a line: 'UBND = ủy ban nhân dân'; "
       "repeatable)")
      ("count,c", "print only the exact number of matching articles (like grep -c)")
      ("show", po::value<std::string>()->value_name("ID"),
       "print the stored article ID whole (title, date, source, url, category, lead, "
       "body) instead of searching")
      ("json", "same as --format json")
      ("format", po::value<std::string>()->value_name("FMT")->default_value("text"),
       "text, json (one object per query per line) or tsv (one hit per line)")
      ("fields", po::value<std::string>()->value_name("LIST"),
       "hit fields to print, comma-separated, from: rank id score title category "
       "date url source snippet (default: all)")
      ("batch", "read one query per line from stdin; answer each as it is read")
      ("queries", po::value<std::string>()->value_name("FILE"),
       "as --batch, reading the queries from FILE ('-': stdin)")
      ("color", po::value<std::string>()->value_name("WHEN")->default_value("auto"),
       "highlight with ANSI colour: auto (on a terminal, unless NO_COLOR is set or "
       "TERM=dumb), always, never")
      ("allow-partial",
       "when a shard is down, search the others, warn on stderr and name it in "
       "each JSON answer (missing_shards); it is tried again at most every 30 s")
      ("help,h", "show this help and exit")
      ("version", "show the versions of vnews, Xapian and ICU and exit");
  // clang-format on
  return options;
}

// Returns `value` as the option `name` expects, a QueryError from the
// shared request checks (run/search_request.h) becoming a usage error.
template <typename Check>
auto checked(Check&& check) {
  try {
    return check();
  } catch (const QueryError& e) {
    throw UsageError(e.what());
  }
}

unsigned count_option(const po::variables_map& vm, const char* name, bool positive) {
  return checked([&] {
    return parse_result_count(std::string("--") + name, vm[name].as<std::string>(),
                              positive);
  });
}

// Returns the bound of --since or --until; a bad date is a usage error.
std::string date_option(const po::variables_map& vm, const char* name, bool upper) {
  if (!vm.count(name)) return "";
  return checked([&] {
    return parse_date_option(std::string("--") + name, vm[name].as<std::string>(), upper);
  });
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

std::string search_usage() {
  const po::options_description options = visible_options();
  std::ostringstream out;
  out << "Usage: vnews-search --db DIR [options] QUERY...\n"
         "  or:  vnews-search --db DIR --batch [options] < queries.txt\n"
         "Search a vnews database; print ranked results with highlighted snippets.\n\n"
         "What a query matches: the articles holding every word, each in one of\n"
         "its accepted forms. A word typed without diacritics accepts every accented\n"
         "form ('ban' finds bán, bạn, bàn...); a word typed with them accepts that\n"
         "word in either tone placement (hòa/hoà), NFC or NFD, any case, and no\n"
         "other ('bão' does not find 'bảo'). Ranking orders that set: words typed\n"
         "side by side rank articles holding them side by side first. Only when\n"
         "nothing matches as typed is the query widened (accented words to their\n"
         "other accents, then articles with most of the words), and the answer says\n"
         "so (a note under the count; \"relaxed\" in JSON). Filters hold for every\n"
         "result. Totals are exact up to 1000 matches, else estimates (\"about N\";\n"
         "\"total_exact\": false in JSON); --count counts exactly.\n\n"
         "Query language:\n"
         "  \"a phrase\"          the words must appear together, in this order, with\n"
         "                      punctuation between two only where typed between them\n"
         "  -word, -\"a phrase\"  excluded (+word is accepted: every word is required)\n"
         "  a AND b, a OR b, NOT a, ( )\n"
         "                      operators, upper case; AND binds tighter than OR\n"
         "  title:word, title:\"a phrase\"\n"
         "                      in the title\n"
         "  title:(a OR b), category:(x OR y)\n"
         "                      a field for every word inside\n"
         "  category:NAME, source:NAME, id:ID, category:\"two words\"\n"
         "                      only that category, source or article\n"
         "  date:2017-06-01..2017-06-30, date:2017-06, date:..2017-06-30\n"
         "                      dates\n"
         "  xiao*               words starting with 'xiao' (50 most frequent)\n"
         "Malformed queries are read leniently: unbalanced quotes run to the end,\n"
         "unbalanced parentheses are closed, an operator without operands is\n"
         "ignored. A bad or non-existent date, a word over 100 bytes or a query with\n"
         "no word is an error. Put '--' before a query that starts with '-'.\n\n";
  print_options(out, options);
  out << "\nDid you mean: the whole query again, with each word the index does not\n"
         "hold corrected, or, typed without diacritics, with the accents its words\n"
         "have side by side in the best results ('thu tuong' -> 'thủ tướng');\n"
         "operators, phrases, fields and filters kept as typed; never a query that\n"
         "finds nothing. Shown under the count line; \"suggestions\" in JSON.\n"
         "\nBatch mode: each line is a query, or a JSON object with per-query options\n"
         "(blank lines and comments, lines starting with '# ', are skipped):\n"
         "  {\"q\": \"dien thoai\", \"limit\": 5, \"offset\": 0, \"since\": "
         "\"2017-06\",\n"
         "   \"until\": \"2017-07-31\", \"sort\": \"date\", \"facet\": \"category\"}\n"
         "Each answer is flushed as soon as it is written, so another program can\n"
         "drive vnews-search as a coprocess. A line that fails gets an error answer\n"
         "({\"query\": ..., \"error\": ...} in JSON, 'error: ...' on stderr otherwise)\n"
         "and the batch goes on. In TSV each row starts with the query.\n"
         "\nText output is wrapped to $COLUMNS or the terminal's width. TSV prints one\n"
         "row per hit, then with --facet one row per category: #facet, category,\n"
         "name, count. Dates print as YYYY-MM-DD.\n"
         "\nExit status: 0 results found (with --count: a count over 0), 1 none,\n"
         "2 error. In batch mode the status\n"
         "is 2 if any line failed, else 0 if any line found results, else 1.\n"
         "\nExamples:\n"
         "  $ vnews-search --db news.db 'thị trường châu Âu'\n"
         "  $ vnews-search --db news.db --json --limit 3 dien thoai xiaomi\n"
         "  $ vnews-search --db news.db --sort date --since 2017-06 'title:bão -\"miền "
         "Bắc\"'\n"
         "  $ vnews-search --db news.db --facet category --format tsv --fields id,title "
         "xiao*\n";
  return out.str();
}

SearchOptions parse_search_options(int argc, const char* const argv[]) {
  // "-dien" is an unknown option, never "-d ien": values need their own word.
  const int style = po::command_line_style::default_style &
                    ~po::command_line_style::allow_sticky &
                    ~po::command_line_style::short_allow_adjacent;
  const po::variables_map vm = parse_command_line(
      argc, argv, visible_options(), "query", style,
      "; to search for a word starting with '-', put '--' before the query: "
      "vnews-search --db DIR -- ");
  SearchOptions options;
  options.help = vm.count("help") > 0;
  options.version = vm.count("version") > 0;
  if (options.help || options.version) return options;
  if (!vm.count("db")) throw UsageError("missing --db DIR");
  options.dbs = vm["db"].as<std::vector<std::string>>();
  SearchRequest& request = options.request;
  request.limit = count_option(vm, "limit", true);
  request.offset = count_option(vm, "offset", false);
  request.sort = checked([&] { return parse_sort_order(vm["sort"].as<std::string>()); });
  request.dates.from = date_option(vm, "since", false);
  request.dates.to = date_option(vm, "until", true);
  if (!request.dates.from.empty() && !request.dates.to.empty() &&
      request.dates.from > request.dates.to) {
    throw UsageError("--since is after --until");
  }
  request.count_only = vm.count("count") > 0;
  if (vm.count("facet")) {
    for (const std::string& facet : vm["facet"].as<std::vector<std::string>>()) {
      request.facets.push_back(checked([&] { return parse_facet(facet); }));
    }
  }
  request.collapse = vm.count("no-collapse") == 0;
  if (vm.count("synonyms"))
    options.synonyms = vm["synonyms"].as<std::vector<std::string>>();
  if (vm.count("like")) {
    request.like = vm["like"].as<std::string>();
    if (request.like.empty()) throw UsageError("--like needs an article id");
  }
  options.format = parse_format(vm);
  if (vm.count("fields"))
    options.fields = parse_output_fields(vm["fields"].as<std::string>());
  request.snippets = options.fields.has("snippet");
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
  if (vm.count("show")) {
    options.show = vm["show"].as<std::string>();
    if (options.show.empty()) throw UsageError("--show needs an article id");
    if (!request.query.empty() || options.batch) {
      throw UsageError("--show prints one article: give it no query and no --batch");
    }
    return options;
  }
  if (options.batch && !request.query.empty()) {
    throw UsageError("--batch reads queries from stdin; got a query too: '" +
                     request.query + "'");
  }
  if (!options.batch && request.query.empty() && request.like.empty()) {
    throw UsageError("missing QUERY");
  }
  if (!options.batch)
    checked([&] {
      check_request(request);
      return 0;
    });
  return options;
}

}  // namespace vnews
