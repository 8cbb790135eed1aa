// vnews-index: indexes Vietnamese news articles into a Xapian database.
#include <unistd.h>
#include <xapian.h>

#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>

#include "index_options.h"
#include "interrupt.h"
#include "run_index.h"
#include "vnews/error.h"
#include "vnews/version.h"

namespace {

// Xapian says "already locked" when another writer holds the lock; other
// failures to take it (permissions, too many open files) are not a lock.
bool held_by_another(const Xapian::DatabaseLockError& e) {
  const std::string& message = e.get_msg();
  const std::string locked = "already locked";
  return message.size() >= locked.size() &&
         message.compare(message.size() - locked.size(), locked.size(), locked) == 0;
}

// Xapian 1.4 can throw a second exception while unwinding from a failed
// commit (a full disk), which ends the process through std::terminate. The
// commit is atomic, so the database is as a kill would leave it: say so in
// one line and exit 2, as for any write error.
// The --db of this run, for on_terminate()'s message.
std::string g_database;  // NOLINT: read only by the terminate handler

[[noreturn]] void on_terminate() {
  std::string what = "unknown error";
  if (const std::exception_ptr error = std::current_exception()) {
    try {
      std::rethrow_exception(error);
    } catch (const Xapian::Error& e) {
      what = e.get_description();
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
  }
  std::cerr << "vnews-index: cannot write to database '" << g_database << "' (" << what
            << "); what it held at its last commit is kept, and running the same "
               "command again finishes the job\n";
  std::_Exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  std::set_terminate(on_terminate);
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
    g_database = options.db;
    options.progress = vnews::progress_style_for_stderr(options.quiet);
    vnews::catch_interrupts();
    options.should_stop = vnews::interrupted;
    const vnews::IndexReport report = vnews::run_index(options, std::cerr);
    vnews::print_summary(report, std::cerr);
    if (report.interrupted) return vnews::kInterruptedStatus;
    return report.skipped + report.failed == 0 ? 0 : 1;
  } catch (const vnews::UsageError& e) {
    std::cerr << "vnews-index: " << e.what() << "\nTry 'vnews-index --help'.\n";
    return 2;
  } catch (const Xapian::DatabaseLockError& e) {
    std::cerr << "vnews-index: "
              << (held_by_another(e) ? "database is locked by another indexer: "
                                     : "cannot lock the database: ")
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
