// vnews-index: indexes Vietnamese news articles into a Xapian database.
#include <unistd.h>
#include <xapian.h>

#include <iostream>

#include "index_options.h"
#include "run_index.h"
#include "vnews/error.h"
#include "vnews/version.h"

int main(int argc, char** argv) {
  try {
    vnews::IndexOptions options = vnews::parse_index_options(argc, argv);
    if (options.help) {
      std::cout << vnews::index_usage();
      return 0;
    }
    if (options.version) {
      std::cout << vnews::version_text("vnews-index");
      return 0;
    }
    options.progress = !options.quiet && isatty(STDERR_FILENO);
    const vnews::IndexReport report = vnews::run_index(options, std::cerr);
    vnews::print_summary(report, std::cerr);
    return report.skipped + report.failed == 0 ? 0 : 1;
  } catch (const vnews::UsageError& e) {
    std::cerr << "vnews-index: " << e.what() << "\nTry 'vnews-index --help'.\n";
    return 2;
  } catch (const Xapian::DatabaseLockError& e) {
    std::cerr << "vnews-index: database is locked by another indexer: "
              << e.get_msg() << '\n';
    return 2;
  } catch (const Xapian::Error& e) {
    std::cerr << "vnews-index: " << e.get_description() << '\n';
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "vnews-index: " << e.what() << '\n';
    return 2;
  }
}
