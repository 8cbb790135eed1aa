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
      ("on-invalid", po::value<std::string>()->value_name("MODE")->default_value("skip"),
       "file with invalid UTF-8: 'skip' it (reported) or 'replace' bad bytes with U+FFFD")
      ("threads,j", po::value<unsigned>()->value_name("N")->default_value(0),
       "analysis threads (0 = one per core)")
      ("help,h", "show this help and exit");
  return options;
}

}  // namespace

std::string index_usage() {
  std::ostringstream out;
  out << "Usage: vnews-index --db DIR PATH...\n"
         "Index Vietnamese news articles into a Xapian database.\n\n"
         "Each PATH is a folder, walked recursively for *.txt articles, or one\n"
         "article file. An article file holds the title on line 1, the lead on\n"
         "line 2 and the body after it. Its id is its path relative to the PATH\n"
         "it was found under, its category the first folder level below it.\n"
         "Indexing a file again replaces its document.\n\n"
      << visible_options()
      << "\nExit status: 0 all indexed, 1 some files skipped (reported on stderr),\n"
         "2 nothing done (bad option, missing path, locked or foreign database).\n"
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
  if (options.help) return options;
  if (!vm.count("db")) throw UsageError("missing --db DIR");
  options.db = vm["db"].as<std::string>();
  if (!vm.count("path")) throw UsageError("missing PATH to index");
  options.paths = vm["path"].as<std::vector<std::string>>();
  const std::string mode = vm["on-invalid"].as<std::string>();
  if (mode == "replace") {
    options.on_invalid = InvalidUtf8::kReplace;
  } else if (mode != "skip") {
    throw UsageError("--on-invalid must be 'skip' or 'replace', got '" + mode + "'");
  }
  options.threads = vm["threads"].as<unsigned>();
  return options;
}

}  // namespace vnews
