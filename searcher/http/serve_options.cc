#include "http/serve_options.h"

#include <boost/program_options.hpp>
#include <charconv>
#include <sstream>
#include <thread>

#include "query/term_bitmaps.h"
#include "vnews/command_line.h"
#include "vnews/error.h"
#include "vnews/tcp_address.h"

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
      ("listen,l", po::value<std::string>()->value_name("[HOST:]PORT"),
       "address to listen on (default: 127.0.0.1:8080); PORT alone listens on "
       "127.0.0.1, port 0 on a free port (printed at startup)")
      ("workers", po::value<std::string>()->value_name("N"),
       "search threads, each with its own database handles (default: one per core)")
      ("queue", po::value<std::string>()->value_name("N")->default_value("64"),
       "searches that may wait for a worker; more are answered 503")
      ("connections", po::value<std::string>()->value_name("N")->default_value("128"),
       "connections served at once; as many more may wait, others are answered 503")
      ("time-limit", po::value<std::string>()->value_name("SECONDS")->default_value("10"),
       "a search waiting and running longer is answered 503")
      ("read-timeout",
       po::value<std::string>()->value_name("SECONDS")->default_value("10"),
       "a request line and headers must arrive within this, else 408")
      ("allow-partial",
       "when a shard is down, serve the others, warn at startup and name it in "
       "answers and /health (missing_shards); it is tried again at most every 30 s")
      ("quiet,q", "no access log on stderr")
      ("help,h", "show this help and exit")
      ("version", "show the versions of vnews, Xapian and ICU and exit");
  // clang-format on
  return options;
}

unsigned count_option(const po::variables_map& vm, const char* name, unsigned low,
                      unsigned high) {
  const std::string text = vm[name].as<std::string>();
  unsigned value = 0;
  const char* const last = text.data() + text.size();
  const auto [end, error] = std::from_chars(text.data(), last, value);
  if (text.empty() || error != std::errc() || end != last || value < low ||
      value > high) {
    throw UsageError(std::string("--") + name + " must be an integer from " +
                     std::to_string(low) + " to " + std::to_string(high) + ", got '" +
                     text + "'");
  }
  return value;
}

std::chrono::microseconds seconds_option(const po::variables_map& vm, const char* name) {
  const std::string text = vm[name].as<std::string>();
  double value = 0;
  const char* const last = text.data() + text.size();
  const auto [end, error] = std::from_chars(text.data(), last, value);
  if (text.empty() || error != std::errc() || end != last ||
      !(value >= 1e-6 && value <= 3600)) {
    throw UsageError(std::string("--") + name +
                     " must be a number of seconds from 0.000001 to 3600, got '" + text +
                     "'");
  }
  return std::chrono::microseconds(static_cast<long long>(value * 1e6));
}

void parse_listen(const std::string& text, ServeOptions& options) {
  const bool port_only = text.find(':') == std::string::npos;
  const TcpAddress address =
      parse_host_port(port_only ? options.host + ":" + text : text, "--listen", true);
  options.host = address.host;
  options.port = address.port;
}

}  // namespace

std::string serve_usage() {
  const po::options_description options = visible_options();
  std::ostringstream out;
  out << "Usage: vnews-serve --db DIR [options]\n"
         "Serve a vnews database over HTTP: searches as JSON, stored articles, and a\n"
         "search page for people.\n\n"
         "Endpoints (GET or HEAD; anything else is answered 405):\n"
         "  /search?q=QUERY     the object 'vnews-search --json' prints; parameters\n"
         "                      limit, offset, since, until, sort, facet, fields and\n"
         "                      count, as the options of the same names\n"
         "  /article/ID         the stored article, as 'vnews-search --show ID --json'\n"
         "  /like/ID            not implemented yet (501)\n"
         "  /health             {\"status\": \"ok\", \"documents\": N, ...}\n"
         "  /                   the search page (also without JavaScript: /?q=QUERY)\n"
         "Errors are JSON objects with an \"error\": 400 a bad request, 404 an unknown\n"
         "id or path, 405 another method, 408 a request too slow to arrive, 414 or 431\n"
         "one too large, 503 overloaded, over the time limit or a shard down.\n\n";
  print_options(out, options);
  out << "\nEach worker reopens the database before each search, so a commit by\n"
         "vnews-index is served at once, without a restart. One access log line per\n"
         "request on stderr: time (UTC), status, milliseconds, method, target.\n"
         "The workers share up to "
      << (TermBitmaps::kDefaultBudgetBytes >> 20)
      << " MB of bitmaps of the common words of local\n"
         "databases, which make checking every word of a query cheap.\n"
         "SIGTERM or SIGINT stops the service: the requests in flight are answered,\n"
         "then it exits 0.\n"
         "\nExit status: 0 stopped by a signal, 2 error (bad option, a database that\n"
         "does not open, an address that cannot be bound).\n"
         "\nExamples:\n"
         "  $ vnews-serve --db news.db\n"
         "  $ vnews-serve --db news.db --listen 0.0.0.0:8080 --workers 4 --quiet\n";
  return out.str();
}

ServeOptions parse_serve_options(int argc, const char* const argv[]) {
  const po::variables_map vm = parse_command_line(argc, argv, visible_options(), "stray");
  ServeOptions options;
  options.help = vm.count("help") > 0;
  options.version = vm.count("version") > 0;
  if (options.help || options.version) return options;
  if (vm.count("stray")) {
    throw UsageError("unexpected argument '" +
                     vm["stray"].as<std::vector<std::string>>().front() +
                     "': vnews-serve takes options only (queries come over HTTP)");
  }
  if (!vm.count("db")) throw UsageError("missing --db DIR");
  options.dbs = vm["db"].as<std::vector<std::string>>();
  if (vm.count("listen")) parse_listen(vm["listen"].as<std::string>(), options);
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  options.workers = vm.count("workers") ? count_option(vm, "workers", 1, 256) : cores;
  options.queue = count_option(vm, "queue", 0, 100000);
  options.connections = count_option(vm, "connections", 1, 10000);
  options.time_limit = seconds_option(vm, "time-limit");
  options.read_timeout = seconds_option(vm, "read-timeout");
  options.allow_partial = vm.count("allow-partial") > 0;
  options.quiet = vm.count("quiet") > 0;
  return options;
}

}  // namespace vnews
