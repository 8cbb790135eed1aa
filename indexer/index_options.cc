#include "index_options.h"

#include <boost/program_options.hpp>
#include <sstream>

#include "vnews/error.h"

namespace po = boost::program_options;

namespace vnews {
namespace {

po::options_description visible_options() {
  po::options_description options("Options");
  options.add_options()
      ("db,d", po::value<std::string>()->value_name("DIR"),
       "database folder to create or update (required), or tcp://HOST:PORT\n"
       "for a database served by 'xapian-tcpsrv --writable'")
      ("format", po::value<std::string>()->value_name("FORMAT")->default_value("auto"),
       "input format: 'auto' (by extension and content), 'txt', 'dantri' or 'jsonl'")
      ("on-invalid", po::value<std::string>()->value_name("MODE")->default_value("skip"),
       "file with invalid UTF-8: 'skip' it (reported) or 'replace' bad bytes with U+FFFD")
      ("shards", po::value<unsigned>()->value_name("N"),
       "a new database gets N shard databases written in parallel (default: "
       "one database, written as a shard per core and merged when the run "
       "completes); an existing one keeps its layout")
      ("prune", "delete the documents whose article was not found under the PATHs")
      ("delete", po::value<std::vector<std::string>>()->value_name("ID"),
       "delete the document with this id (repeatable)")
      ("threads,j", po::value<unsigned>()->value_name("N")->default_value(0),
       "analysis threads (0 = one per core)")
      ("commit-every", po::value<std::size_t>()->value_name("N")->default_value(0),
       "changes per shard between two commits (0 = the default, 250)")
      ("quiet,q", "no progress line (the closing summary is always printed)")
      ("help,h", "show this help and exit")
      ("version", "show the versions of vnews, Xapian and ICU and exit");
  return options;
}

}  // namespace

std::string index_usage() {
  const po::options_description options = visible_options();
  std::ostringstream out;
  out << "Usage: vnews-index --db DIR [OPTION]... PATH...\n"
         "  or:  vnews-index --db DIR --delete ID...\n"
         "Index Vietnamese news articles into a Xapian database.\n\n"
         "Each PATH is a folder, walked recursively for *.txt, *.jsonl and\n"
         "*.ndjson files, one article file, or '-' for the standard input.\n"
         "A .txt file holds the title on line 1, the lead on line 2 and the body\n"
         "after it, optionally under '# key = value' header lines (dantri format);\n"
         "a .jsonl file holds one JSON object per line. A file's id is its path\n"
         "relative to the PATH it was found under, its category the first folder\n"
         "level below it. Indexing an article again replaces its document; an\n"
         "unchanged file (same size and modification time) is skipped unread.\n\n";
  // Two spaces before each description, which help2man needs (man/).
  options.print(out, options.get_option_column_width() + 1);
  out << "\nExit status: 0 all indexed, 1 some inputs skipped (reported on stderr),\n"
         "2 stopped: nothing done (bad option, missing path, locked or foreign\n"
         "database), or a write error such as a full disk (what was committed\n"
         "before it is kept; running the same command again finishes the job).\n"
         "\nExample:\n  vnews-index --db news.db corpus/sample\n";
  return out.str();
}

IndexOptions parse_index_options(int argc, const char* const argv[]) {
  po::options_description all = visible_options();
  all.add_options()("path", po::value<std::vector<std::string>>(), "");
  po::positional_options_description positional;
  positional.add("path", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(e.what());
  }
  IndexOptions options;
  options.help = vm.count("help") > 0;
  options.version = vm.count("version") > 0;
  if (options.help || options.version) return options;
  if (!vm.count("db")) throw UsageError("missing --db DIR");
  options.db = vm["db"].as<std::string>();
  if (vm.count("path")) options.paths = vm["path"].as<std::vector<std::string>>();
  if (vm.count("delete")) options.deletes = vm["delete"].as<std::vector<std::string>>();
  if (options.paths.empty() && options.deletes.empty()) {
    throw UsageError("missing PATH to index");
  }
  const std::string mode = vm["on-invalid"].as<std::string>();
  if (mode == "replace") {
    options.on_invalid = InvalidUtf8::kReplace;
  } else if (mode != "skip") {
    throw UsageError("--on-invalid must be 'skip' or 'replace', got '" + mode + "'");
  }
  const std::string format = vm["format"].as<std::string>();
  const std::optional<Format> named = format_named(format);
  if (!named) {
    throw UsageError("--format must be 'auto', 'txt', 'dantri' or 'jsonl', got '" +
                     format + "'");
  }
  options.format = *named;
  if (vm.count("shards")) {
    options.shards = vm["shards"].as<unsigned>();
    if (options.shards == 0 || options.shards > 256) {
      throw UsageError("--shards must be between 1 and 256, got '" +
                       std::to_string(options.shards) + "'");
    }
  }
  options.prune = vm.count("prune") > 0;
  options.quiet = vm.count("quiet") > 0;
  options.threads = vm["threads"].as<unsigned>();
  options.commit_every = vm["commit-every"].as<std::size_t>();
  return options;
}

}  // namespace vnews
