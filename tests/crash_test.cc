// kill -9 at a random moment of a run, or a disk that fills up, leaves a
// database that opens and holds whole documents only; the next run completes
// it with one document each.
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <iterator>
#include <sstream>
#include <thread>
#include <vector>

#include "run_index.h"
#include "test_util.h"
#include "vnews/document_data.h"

namespace fs = std::filesystem;
using vnews::test::TempDir;

namespace {

constexpr int kArticles = 3000;

const char* const kWords[] = {"thị",   "trường", "bóng", "đá",   "Hà",  "Nội", "điện",
                              "thoại", "kinh",   "tế",   "giáo", "dục", "sức", "khỏe"};

void write_corpus(const fs::path& root) {
  const auto old = fs::file_time_type::clock::now() - std::chrono::hours(1);
  for (int i = 0; i < kArticles; ++i) {
    std::string text = "Bài số " + std::to_string(i) + "\nSapo " + kWords[i % 14] + "\n";
    for (int w = 0; w < 300; ++w) {
      text += kWords[(i + w * 7) % 14];
      text += ' ';
    }
    std::string folder = "c", name = std::to_string(i);
    folder += std::to_string(i % 10);
    name += ".txt";
    const fs::path path = root / folder / name;
    vnews::test::write_file(path, text);
    fs::last_write_time(path, old);
  }
}

// Starts vnews-index on `corpus` with `shards` ("" for the default layout),
// its stderr going to `err` ("": /dev/null). With `max_file_bytes`, no file it
// writes may grow past that size: writes beyond fail as on a full disk.
pid_t start_indexer(const std::string& db, const std::string& corpus,
                    const std::string& shards, const std::string& err = "",
                    rlim_t max_file_bytes = RLIM_INFINITY) {
  std::vector<const char*> args = {VNEWS_INDEX_BIN, "-q", "--commit-every", "50"};
  if (!shards.empty()) args.insert(args.end(), {"--shards", shards.c_str()});
  args.insert(args.end(), {"--db", db.c_str(), corpus.c_str(), nullptr});
  const pid_t pid = fork();
  if (pid == 0) {
    freopen(err.empty() ? "/dev/null" : err.c_str(), "w", stderr);
    if (max_file_bytes != RLIM_INFINITY) {
      signal(SIGXFSZ, SIG_IGN);  // the write fails with EFBIG instead
      const rlimit limit{max_file_bytes, max_file_bytes};
      setrlimit(RLIMIT_FSIZE, &limit);
    }
    execv(VNEWS_INDEX_BIN, const_cast<char* const*>(args.data()));
    _exit(127);
  }
  return pid;
}

Xapian::doccount committed(const std::string& db) {
  try {
    return Xapian::Database(db).get_doccount();
  } catch (const Xapian::Error&) {
    return 0;  // not created yet
  }
}

// Every document has one id term, its stored data names the same id, and the
// title words it was built from are among its terms.
void check_whole_documents(const std::string& db_path) {
  Xapian::Database db(db_path);
  for (auto t = db.allterms_begin("Q"); t != db.allterms_end("Q"); ++t) {
    REQUIRE(db.get_termfreq(*t) == 1);
    const Xapian::Document doc = db.get_document(*db.postlist_begin(*t));
    const vnews::Article article = vnews::load_article(doc);
    REQUIRE((*t).substr(1) == article.id);
    auto term = doc.termlist_begin();
    term.skip_to("bài");
    REQUIRE((term != doc.termlist_end() && *term == "bài"));
  }
}

// A temporary folder holding the test corpus, and where its database goes.
struct CorpusDir {
  TempDir dir;
  fs::path corpus = dir / "corpus";
  std::string db = (dir / "db").string();
  CorpusDir() { write_corpus(corpus); }
};

// Runs vnews-index again on `at`, in process, and checks that it completes
// the interrupted run: every article once and whole, what the first run
// committed kept, in the layout `shards` asked for.
void check_rerun_completes(const CorpusDir& at, const std::string& shards) {
  vnews::IndexOptions options;
  options.db = at.db;
  options.paths = {at.corpus.string()};
  std::ostringstream errors;
  const vnews::IndexReport report = vnews::run_index(options, errors);
  CHECK(report.unchanged + report.indexed == kArticles);
  CHECK(report.unchanged > 0);
  CHECK(Xapian::Database(at.db).get_doccount() == kArticles);
  check_whole_documents(at.db);
  // The default layout is one database once a run completes.
  CHECK(fs::exists(fs::path(at.db) / "XAPIANDB") == !shards.empty());
}

}  // namespace

TEST_CASE("an indexer killed mid-run leaves whole documents and a re-run completes",
          "[crash]") {
  // Two shards; and the default, a database built by a writer per core and
  // merged at the end of the run, which the kill prevents.
  const std::string shards = GENERATE(as<std::string>{}, "2", "");
  INFO("--shards '" << shards << "'");
  const CorpusDir at;
  const std::string& db = at.db;
  const pid_t pid = start_indexer(db, at.corpus.string(), shards);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  int status = 0;
  bool exited = false;
  while (committed(db) < 200 && std::chrono::steady_clock::now() < deadline) {
    if (waitpid(pid, &status, WNOHANG) == pid) {
      exited = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  if (!exited) {
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
  }
  INFO("committed before the kill: " << committed(db));
  CHECK_FALSE(exited);  // the kill must land mid-run to test anything
  CHECK(committed(db) < kArticles);
  check_whole_documents(db);
  check_rerun_completes(at, shards);
}

TEST_CASE("a full disk stops the indexer with the database named, and a re-run completes",
          "[crash]") {
  const std::string shards = GENERATE(as<std::string>{}, "2", "");
  INFO("--shards '" << shards << "'");
  const CorpusDir at;
  const std::string& db = at.db;
  // Room for a few commits of --commit-every 50, not for the whole corpus.
  const pid_t pid = start_indexer(db, at.corpus.string(), shards,
                                  (at.dir / "stderr").string(), 256 * 1024);
  int status = 0;
  waitpid(pid, &status, 0);
  const std::string err = vnews::test::read_file(at.dir / "stderr");
  INFO("stderr: " << err);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 2);
  CHECK(err.find("cannot write to database '" + db) != std::string::npos);
  CHECK(err.find("running the same command again finishes the job") != std::string::npos);
  CHECK(err.find("vnews-index: indexed") == std::string::npos);  // no summary of success
  CHECK(committed(db) > 0);
  CHECK(committed(db) < kArticles);
  check_whole_documents(db);
  check_rerun_completes(at, shards);
}
