// Kills vnews-index with SIGKILL at random points of a run over 3,000 files of
// ../shared/corpus/baomoi: the database must always open, and a re-run must
// end with exactly one document per article. Exits 77, which CTest reports as
// skipped, when the corpus is absent.
#define CATCH_CONFIG_RUNNER
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <random>
#include <set>
#include <thread>

#include "shared_corpus_main.h"
#include "test_util.h"
#include "vnews/schema.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

using vnews::test::baomoi;

namespace {

constexpr std::size_t kSubsetSize = 3000;
constexpr unsigned kSeed = 7;  // fixed: the same kill points on every run
constexpr int kKillsOnNewDatabase = 4;
constexpr int kKillsOnFullDatabase = 2;

// A folder of symlinks to every n-th file of the sorted corpus, so one PATH
// argument names them all; returns their names, which are the ids.
std::set<std::string> link_subset(const fs::path& folder) {
  std::vector<fs::path> all;
  for (const auto& entry : fs::directory_iterator(baomoi())) {
    if (entry.path().extension() == ".txt") all.push_back(entry.path());
  }
  std::sort(all.begin(), all.end());
  fs::create_directories(folder);
  std::set<std::string> ids;
  const std::size_t step = std::max<std::size_t>(1, all.size() / kSubsetSize);
  for (std::size_t i = 0; i < all.size() && ids.size() < kSubsetSize; i += step) {
    fs::create_symlink(all[i], folder / all[i].filename());
    ids.insert(all[i].filename().string());
  }
  return ids;
}

// A running vnews-index, its output thrown away.
class Indexer {
 public:
  Indexer(const std::string& db, const fs::path& corpus) {
    pid_ = fork();
    if (pid_ == 0) {
      const int null = open("/dev/null", O_WRONLY);
      dup2(null, 1), dup2(null, 2);
      execl(VNEWS_INDEX_BIN, VNEWS_INDEX_BIN, "-j", "2", "--db", db.c_str(),
            corpus.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    if (pid_ < 0) throw std::runtime_error("fork failed");
  }

  // Waits for the end; returns the exit status, or -1 when it did not exit.
  int wait() {
    int status = 0;
    waitpid(pid_, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  // Kills it with SIGKILL after `delay`; returns false when it had already
  // finished by then.
  bool kill_after(std::chrono::microseconds delay) {
    std::this_thread::sleep_for(delay);
    int status = 0;
    const bool running = waitpid(pid_, &status, WNOHANG) == 0;
    if (running) {
      ::kill(pid_, SIGKILL);
      waitpid(pid_, &status, 0);
    }
    return running;
  }

 private:
  pid_t pid_;
};

// Returns the ids of the documents of `db`, failing when one is held twice.
std::set<std::string> ids_in(const std::string& db) {
  Xapian::Database database(db);
  std::set<std::string> ids;
  const std::string prefix = vnews::schema::kIdPrefix;
  for (auto t = database.allterms_begin(prefix); t != database.allterms_end(prefix);
       ++t) {
    INFO("id term " << *t);
    CHECK(t.get_termfreq() == 1);
    ids.insert((*t).substr(prefix.size()));
  }
  CHECK(ids.size() == database.get_doccount());
  return ids;
}

// After a kill: the database, when it was created at all, opens and holds
// each id at most once, and only ids of the corpus.
void check_opens(const std::string& db, const std::set<std::string>& expected) {
  if (!fs::exists(fs::path(db) / "iamglass")) return;
  const std::set<std::string> ids = ids_in(db);
  CHECK(std::includes(expected.begin(), expected.end(), ids.begin(), ids.end()));
}

}  // namespace

TEST_CASE("SIGKILL at random points never breaks the database, and a re-run completes it",
          "[kill]") {
  vnews::test::TempDir dir;
  const fs::path corpus = dir / "corpus";
  const std::set<std::string> expected = link_subset(corpus);
  REQUIRE(expected.size() == kSubsetSize);

  // A complete run, timed, to place the kill points within a run.
  const std::string full = (dir / "full.db").string();
  const auto start = Clock::now();
  REQUIRE(Indexer(full, corpus).wait() == 0);
  const auto run_time =
      std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start);
  CHECK(ids_in(full) == expected);

  std::mt19937 random(kSeed);
  std::uniform_real_distribution<double> fraction(0.0, 0.8);
  int kills = 0, tried = 0;
  const auto kill_point = [&] {
    ++tried;
    return std::chrono::microseconds(
        static_cast<long>(fraction(random) * run_time.count()));
  };

  // A new database killed again and again, then completed by a re-run.
  const std::string fresh = (dir / "fresh.db").string();
  int fresh_kills = 0;
  for (int i = 0; i < kKillsOnNewDatabase; ++i) {
    const auto delay = kill_point();
    INFO("kill " << i << " after " << delay.count() << " us");
    fresh_kills += Indexer(fresh, corpus).kill_after(delay);
    check_opens(fresh, expected);
  }
  kills += fresh_kills;
  REQUIRE(Indexer(fresh, corpus).wait() == 0);
  CHECK(ids_in(fresh) == expected);

  // Re-runs of a complete database killed midway lose nothing committed.
  for (int i = 0; i < kKillsOnFullDatabase; ++i) {
    const auto delay = kill_point();
    INFO("kill of a re-run after " << delay.count() << " us");
    kills += Indexer(full, corpus).kill_after(delay);
    CHECK(ids_in(full) == expected);
  }

  std::cout << "kill points tried " << tried << ", of which " << kills
            << " killed a running vnews-index (a full run took "
            << run_time.count() / 1000 << " ms)\n";
  // Re-runs of a complete database skip unchanged files and often end before
  // the kill point; the runs on a new database do the whole work, so at least
  // half of those must really be killed for the test to mean something.
  CHECK(fresh_kills * 2 >= kKillsOnNewDatabase);
}

int main(int argc, char* argv[]) {
  return vnews::test::run_with_shared_corpus("the kill and resume tests", argc, argv);
}
