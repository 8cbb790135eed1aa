// SIGINT or SIGTERM stops vnews-index cleanly: it reads no more, commits what
// it analyzed, says "interrupted" and exits 130; a second signal ends it at
// once. Either way the next run completes the job.
#include "interrupt.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <sstream>
#include <thread>

#include "run_index.h"
#include "test_util.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using vnews::test::TempDir;

namespace {

constexpr int kArticles = 3000;

// A corpus long enough to index that a signal lands midway, and its database.
struct Corpus {
  TempDir dir;
  fs::path root = dir / "corpus";
  std::string db = (dir / "db").string();

  Corpus() {
    const auto old = fs::file_time_type::clock::now() - std::chrono::hours(1);
    const char* const words[] = {"thị", "trường", "bóng", "đá", "Hà", "Nội", "điện"};
    for (int i = 0; i < kArticles; ++i) {
      std::string text = "Bài số " + std::to_string(i) + "\nSapo\n";
      for (int w = 0; w < 300; ++w) text.append(words[(i + w) % 7]).append(" ");
      std::string folder = "c";  // not "c" + ...: GCC 12 warns wrongly (-Wrestrict)
      folder += std::to_string(i % 10);
      const fs::path path = root / folder / (std::to_string(i) + ".txt");
      vnews::test::write_file(path, text);
      fs::last_write_time(path, old);
    }
  }

  Xapian::doccount committed() const {
    try {
      return Xapian::Database(db).get_doccount();
    } catch (const Xapian::Error&) {
      return 0;  // not created yet
    }
  }

  // Runs the indexer in process until it is done; returns its report.
  vnews::IndexReport index_all() const {
    vnews::IndexOptions options;
    options.db = db;
    options.paths = {root.string()};
    std::ostringstream errors;
    return vnews::run_index(options, errors);
  }
};

// Starts vnews-index on `at`, its stderr going to a file of `at`.
pid_t start_indexer(const Corpus& at) {
  const std::string err = (at.dir / "stderr").string();
  const pid_t pid = fork();
  if (pid == 0) {
    freopen(err.c_str(), "w", stderr);
    execl(VNEWS_INDEX_BIN, VNEWS_INDEX_BIN, "-q", "--commit-every", "50", "--db",
          at.db.c_str(), at.root.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

// Waits until `at` holds some committed documents or `pid` has ended;
// returns false in the second case.
bool wait_for_commits(const Corpus& at, pid_t pid) {
  const auto deadline = Clock::now() + std::chrono::seconds(120);
  while (at.committed() < 100 && Clock::now() < deadline) {
    if (waitpid(pid, nullptr, WNOHANG) == pid) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

int exit_status(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("a run asked to stop commits what it read, and neither prunes nor merges",
          "[interrupt]") {
  const Corpus at;
  REQUIRE(at.index_all().added == kArticles);
  fs::remove(at.root / "c0/0.txt");
  vnews::IndexOptions options;
  options.db = (at.dir / "new.db").string();
  options.paths = {at.root.string()};
  std::atomic<int> polls{0};
  options.should_stop = [&polls] { return ++polls > 100; };
  std::ostringstream errors;
  const vnews::IndexReport report = vnews::run_index(options, errors);
  CHECK(report.interrupted);
  CHECK(report.merged == 0);
  CHECK(report.added > 0);
  CHECK(report.added < kArticles - 1);
  CHECK(Xapian::Database(options.db).get_doccount() == report.added);
  // A prune stopped midway would delete what it did not get to see.
  options.db = at.db;
  options.prune = true;
  polls = 0;
  CHECK(vnews::run_index(options, errors).deleted == 0);
  CHECK(Xapian::Database(at.db).get_doccount() == kArticles);
}

TEST_CASE("SIGINT stops the indexer with what it analyzed committed, and exit 130",
          "[interrupt]") {
  for (const int signal : {SIGINT, SIGTERM}) {
    INFO("signal " << signal);
    const Corpus at;
    const pid_t pid = start_indexer(at);
    const bool midway = wait_for_commits(at, pid);
    if (midway) kill(pid, signal);
    const int status = exit_status(pid);
    REQUIRE(midway);  // a signal after the end would test nothing
    const std::string err = vnews::test::read_file(at.dir / "stderr");
    INFO("stderr: " << err);
    CHECK(status == vnews::kInterruptedStatus);
    unsigned long indexed = 0;
    REQUIRE(std::sscanf(err.c_str(), "vnews-index: interrupted: indexed %lu,",
                        &indexed) == 1);
    CHECK(indexed == at.committed());  // every article analyzed was committed
    CHECK(indexed < kArticles);
    const vnews::IndexReport rerun = at.index_all();
    CHECK(rerun.unchanged == indexed);
    CHECK(at.committed() == kArticles);
  }
}

TEST_CASE("a second SIGINT ends the indexer at once, and a re-run completes",
          "[interrupt]") {
  const Corpus at;
  const pid_t pid = start_indexer(at);
  const bool midway = wait_for_commits(at, pid);
  const auto signalled = Clock::now();
  if (midway) {
    kill(pid, SIGINT);
    kill(pid, SIGINT);
  }
  const int status = exit_status(pid);
  const auto took = Clock::now() - signalled;
  REQUIRE(midway);
  const std::string err = vnews::test::read_file(at.dir / "stderr");
  INFO("stderr: " << err);
  CHECK(status == vnews::kInterruptedStatus);
  CHECK(took < std::chrono::seconds(5));
  const Xapian::doccount kept = at.committed();  // the database opens
  const vnews::IndexReport rerun = at.index_all();
  CHECK(rerun.unchanged == kept);
  CHECK(at.committed() == kArticles);
}
