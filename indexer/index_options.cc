#include "index_options.h"

#include <algorithm>
#include <boost/program_options.hpp>
#include <charconv>
#include <sstream>

#include "corpus_walker.h"
#include "database_target.h"
#include "vnews/command_line.h"
#include "vnews/error.h"
#include "vnews/terminal.h"

namespace po = boost::program_options;

namespace vnews {
namespace {

// Returns `words` quoted, between commas and a last "or": "'a', 'b' or 'c'".
std::string or_list(const std::vector<std::string>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? " or " : ", ";
    out += "'" + words[i] + "'";
  }
  return out;
}

// Returns the names of the input formats, as or_list() writes them.
std::string format_names() {
  std::vector<std::string> names;
  for (const InputFormat& format : input_formats()) names.emplace_back(format.name);
  return or_list(names);
}

// Returns the extensions of the input formats, each once: "*.txt, *.jsonl
// and *.ndjson".
std::string extension_list() {
  std::vector<std::string_view> extensions;
  for (const InputFormat& format : input_formats()) {
    for (std::string_view ext : format.extensions) {
      if (std::find(extensions.begin(), extensions.end(), ext) == extensions.end()) {
        extensions.push_back(ext);
      }
    }
  }
  std::string out;
  for (std::size_t i = 0; i < extensions.size(); ++i) {
    if (i > 0) out += i + 1 == extensions.size() ? " and " : ", ";
    out += '*';
    out += extensions[i];
  }
  return out;
}

// Returns `text` wrapped to `width` columns, its first line starting at
// column `indent` and the others indented as far, with a newline.
std::string wrapped(std::string_view text, unsigned width, std::size_t indent = 0) {
  return wrap(text, width, indent, std::string(indent, ' ')) + '\n';
}

// Returns the lines of --help that list the input formats.
std::string format_help() {
  constexpr std::size_t kSummaryColumn = 10;
  std::string out =
      "Input formats (--format), told apart by extension, then by content:\n";
  for (const InputFormat& format : input_formats()) {
    std::string name = "  ";
    name += format.name;
    name.resize(kSummaryColumn, ' ');
    std::string summary;
    for (std::size_t i = 0; i < format.extensions.size(); ++i) {
      summary += i > 0 ? ", *" : "*";
      summary += format.extensions[i];
    }
    summary += ": ";
    summary += format.summary;
    out += name + wrapped(summary, 76, kSummaryColumn);
  }
  return out;
}

po::options_description visible_options() {
  po::options_description options("Options");
  // One option a line, as --help shows them.
  // clang-format off
  options.add_options()
      ("db,d", po::value<std::string>()->value_name("DIR"),
       "database folder to create or update (required), or tcp://HOST:PORT\n"
       "for a database served by 'xapian-tcpsrv --writable'")
      ("root", po::value<std::string>()->value_name("DIR"),
       "the folder the ids of files are relative to, recorded in a new database "
       "(default: the PATH when it is the only folder, else the deepest folder "
       "holding every PATH); a database keeps the root it recorded")
      ("synonyms", po::value<std::string>()->value_name("FILE"),
       "store the synonyms of FILE (one group a line: 'UBND = ủy ban nhân dân') in the "
       "database, for every searcher; a malformed line stops the run, nothing written")
      ("id", po::value<std::string>()->value_name("ID"),
       "the id of the article read from '-' (default: 'stdin:' and a hash of it)")
      ("format", po::value<std::string>()->value_name("FORMAT")->default_value("auto"),
       ("input format: 'auto' (by extension and content), " + format_names()).c_str())
      ("on-invalid", po::value<std::string>()->value_name("MODE")->default_value("skip"),
       "file with invalid UTF-8: 'skip' it (reported) or 'replace' bad bytes with U+FFFD")
      ("shards", po::value<std::string>()->value_name("N"),
       "a new database gets N shard databases written in parallel (default: "
       "one database, written as a shard per core and merged when the run "
       "completes); an existing one keeps its layout")
      ("prune", "delete the documents of articles no longer found under the PATHs "
       "(refused for a PATH missing, empty or not listed in full, or when it "
       "would delete more than half of the database)")
      ("delete", po::value<std::vector<std::string>>()->value_name("ID"),
       "delete the document with this id (repeatable)")
      ("dry-run,n", "print what would be added, updated and deleted; write nothing")
      ("force", "go on where a check refuses: --prune as above, a run the free "
       "disk space will not hold, a --root other than the one recorded")
      ("threads,j", po::value<std::string>()->value_name("N"),
       "analysis threads (default: one per core)")
      ("commit-every", po::value<std::string>()->value_name("N"),
       "changes per shard between two commits (default: 250)")
      ("quiet,q", "no progress (on a terminal a line redrawn in place, else a line every\n"
                   "10 s); the closing summary is always printed")
      ("help,h", "show this help and exit")
      ("version", "show the versions of vnews, Xapian and ICU and exit");
  // clang-format on
  return options;
}

// Returns the value of option `name` as a number from `low` to `high`.
// Throws UsageError quoting what was typed otherwise (a sign, a fraction,
// digits past the bounds).
std::size_t number_in(const po::variables_map& vm, const char* name,
                      const std::string& flag, std::size_t low, std::size_t high) {
  const std::string text = vm[name].as<std::string>();
  std::size_t value = 0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  const bool parsed = !text.empty() && error == std::errc() && stop == end;
  if (!parsed || value < low || value > high) {
    throw UsageError(flag + " must be between " + std::to_string(low) + " and " +
                     std::to_string(high) + ", got '" + text + "'");
  }
  return value;
}

void check_combinations(const IndexOptions& options) {
  if (options.paths.empty() && options.deletes.empty() && options.synonyms_file.empty()) {
    throw UsageError("missing PATH to index");
  }
  const bool reads_stdin = std::find(options.paths.begin(), options.paths.end(),
                                     kStdinPath) != options.paths.end();
  if (!options.stdin_id.empty() && !reads_stdin) {
    throw UsageError("--id names the article read from '-', and no PATH is '-'");
  }
  if (is_remote_target(options.db) && (options.dry_run || options.prune)) {
    throw UsageError(std::string(options.dry_run ? "--dry-run" : "--prune") +
                     " needs a local --db, not '" + options.db + "'");
  }
}

}  // namespace

std::string index_usage() {
  const po::options_description options = visible_options();
  std::ostringstream out;
  out << "Usage: vnews-index --db DIR [OPTION]... PATH...\n"
         "  or:  vnews-index --db DIR --delete ID...\n"
         "Index Vietnamese news articles into a Xapian database.\n\n"
      << wrapped("Each PATH is a folder, walked recursively for " + extension_list() +
                     " files, one article file, or '-' for the standard input. A "
                     "file's id is its path relative to the corpus root (see --root), "
                     "however the PATH names it; its category is the first folder "
                     "level below the root. Indexing an article again replaces its "
                     "document; an unchanged file (same size and modification time) "
                     "is skipped unread.",
                 72)
      << '\n'
      << format_help() << '\n';
  print_options(out, options);
  out << "\nExit status: 0 all indexed, 1 some inputs skipped (reported on stderr),\n"
         "2 stopped: nothing done (bad option, missing path, locked or foreign\n"
         "database, a check refused), or a write error such as a full disk (what\n"
         "was committed before it is kept; running the same command again\n"
         "finishes the job), 130 interrupted (what was analyzed is committed).\n"
         "\nExample:\n  vnews-index --db news.db corpus/sample\n";
  return out.str();
}

IndexOptions parse_index_options(int argc, const char* const argv[]) {
  const po::variables_map vm = parse_command_line(argc, argv, visible_options(), "path");
  IndexOptions options;
  options.help = vm.count("help") > 0;
  options.version = vm.count("version") > 0;
  if (options.help || options.version) return options;
  if (!vm.count("db")) throw UsageError("missing --db DIR");
  options.db = vm["db"].as<std::string>();
  if (vm.count("path")) options.paths = vm["path"].as<std::vector<std::string>>();
  if (vm.count("delete")) options.deletes = vm["delete"].as<std::vector<std::string>>();
  if (vm.count("root")) options.root = vm["root"].as<std::string>();
  if (vm.count("id")) options.stdin_id = vm["id"].as<std::string>();
  if (vm.count("synonyms")) {
    options.synonyms_file = vm["synonyms"].as<std::string>();
    if (options.synonyms_file.empty()) throw UsageError("--synonyms needs a FILE");
  }
  const std::string mode = vm["on-invalid"].as<std::string>();
  if (mode == "replace") {
    options.on_invalid = InvalidUtf8::kReplace;
  } else if (mode != "skip") {
    throw UsageError("--on-invalid must be 'skip' or 'replace', got '" + mode + "'");
  }
  const std::string format = vm["format"].as<std::string>();
  if (format != "auto") {
    options.format = input_format_named(format);
    if (options.format == nullptr) {
      throw UsageError("--format must be 'auto', " + format_names() + ", got '" + format +
                       "'");
    }
  }
  if (vm.count("shards")) {
    options.shards = number_in(vm, "shards", "--shards", 1, kMaxShards);
  }
  if (vm.count("threads")) {
    options.threads = number_in(vm, "threads", "-j", 1, kMaxThreads);
  }
  if (vm.count("commit-every")) {
    options.commit_every =
        number_in(vm, "commit-every", "--commit-every", 1, kMaxCommitEvery);
  }
  options.prune = vm.count("prune") > 0;
  options.force = vm.count("force") > 0;
  options.dry_run = vm.count("dry-run") > 0;
  options.quiet = vm.count("quiet") > 0;
  check_combinations(options);
  return options;
}

}  // namespace vnews
