// A disk too small for a run: the run is refused before it writes, with the
// space it needs; a disk that fills up during a build or its merge stops the
// run, and the next run, once there is room, completes it with no manual
// step. On a small tmpfs, skipped (with a warning) where it cannot be mounted.
#include "free_space.h"

#include <sys/mount.h>
#include <xapian.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <sstream>

#include "database_layout.h"
#include "run_index.h"
#include "test_util.h"

namespace fs = std::filesystem;
using vnews::test::run;
using vnews::test::RunResult;
using vnews::test::TempDir;

namespace {

constexpr int kArticles = 300;

// A tmpfs of a given size mounted on `where`, unmounted when destroyed.
class SmallDisk {
 public:
  SmallDisk(const fs::path& where, std::uint64_t bytes) : path_(where) {
    fs::create_directories(path_);
    mounted_ =
        ::mount("tmpfs", path_.c_str(), "tmpfs", 0, size_option(bytes).c_str()) == 0;
    if (!mounted_) error_ = std::strerror(errno);
  }
  ~SmallDisk() {
    if (mounted_) ::umount2(path_.c_str(), MNT_DETACH);
  }
  SmallDisk(const SmallDisk&) = delete;
  SmallDisk& operator=(const SmallDisk&) = delete;

  bool mounted() const { return mounted_; }
  const std::string& error() const { return error_; }
  const fs::path& path() const { return path_; }

  // Gives the disk `bytes` in all, keeping what it holds.
  void resize(std::uint64_t bytes) {
    REQUIRE(::mount("tmpfs", path_.c_str(), "tmpfs", MS_REMOUNT,
                    size_option(bytes).c_str()) == 0);
  }

 private:
  static std::string size_option(std::uint64_t bytes) {
    return "size=" + std::to_string((bytes + 4095) / 4096 * 4096);
  }

  fs::path path_;
  bool mounted_ = false;
  std::string error_;
};

// Says why the test cannot run, visibly, when `disk` is not mounted.
bool skipped(const SmallDisk& disk) {
  if (disk.mounted()) return false;
  WARN("SKIPPED: cannot mount a tmpfs on " << disk.path().string() << " (" << disk.error()
                                           << "); needs root");
  return true;
}

// Writes kArticles articles of about 3 KB under `root`, of syllables drawn
// from a few thousand as a news corpus has, old enough that an unchanged file
// is recognised.
void write_corpus(const fs::path& root) {
  const auto old = fs::file_time_type::clock::now() - std::chrono::hours(1);
  const char* const onsets[] = {"b",  "c",  "d",  "đ",  "g", "h", "kh", "l",  "m", "n",
                                "ng", "nh", "ph", "qu", "s", "t", "th", "tr", "v", "x"};
  const char* const rhymes[] = {"a",   "à",    "á",    "ả",   "ạ",   "an",  "ăn",  "ấn",
                                "em",  "ếch",  "i",    "ì",   "in",  "ình", "o",   "ò",
                                "ông", "ống",  "ơi",   "ời",  "u",   "ú",   "ung", "ưng",
                                "ước", "ương", "ường", "yến", "oan", "uyết"};
  std::uint32_t random = 7;
  for (int i = 0; i < kArticles; ++i) {
    std::string text = "Bài số " + std::to_string(i) + "\nSapo\n";
    for (int w = 0; w < 400; ++w) {
      random = random * 1103515245u + 12345u;
      text.append(onsets[(random >> 8) % 20])
          .append(rhymes[(random >> 16) % 30])
          .append(" ");
    }
    const fs::path path = root / (std::to_string(i) + ".txt");
    vnews::test::write_file(path, text);
    fs::last_write_time(path, old);
  }
}

RunResult index(const std::string& db, const fs::path& corpus,
                const std::string& flags = "", const std::string& environment = "") {
  return run(environment + " " + VNEWS_INDEX_BIN + " -q " + flags + " --db " + db + " " +
             corpus.string());
}

// Every article once in `db`, one database, nothing left of a build or a merge.
void check_complete(const std::string& db) {
  CHECK(Xapian::Database(db).get_doccount() == kArticles);
  for (const char* leftover : {"merging.tmp", "XAPIANDB", "XAPIANDB.tmp", "shard-0"}) {
    INFO(leftover);
    CHECK_FALSE(fs::exists(fs::path(db) / leftover));
  }
}

}  // namespace

TEST_CASE("the space a run needs is estimated from its input", "[space]") {
  CHECK(vnews::written_bytes(10 << 20) == (1 << 20) + 5 * (10 << 20));
  CHECK(vnews::merged_bytes(100 << 20) == (1 << 20) + (50 << 20));
  TempDir dir;
  vnews::test::write_file(dir / "a/b", std::string(1000, 'x'));
  vnews::test::write_file(dir / "a/c/d", std::string(24, 'x'));
  CHECK(vnews::bytes_under(dir / "a") == 1024);
  CHECK(vnews::bytes_under(dir / "nothing") == 0);
  CHECK_NOTHROW(vnews::check_free_space((dir / "db").string(), 1000, 1000));
}

TEST_CASE("a run the disk cannot hold is refused before it writes, saying what it needs",
          "[space]") {
  TempDir dir;
  write_corpus(dir / "corpus");
  SmallDisk disk(dir / "disk", 2 << 20);
  if (skipped(disk)) return;
  const std::string db = (disk.path() / "db").string();
  const RunResult r = index(db, dir / "corpus");
  INFO(r.err);
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Catch::StartsWith("vnews-index: not enough free space for --db '" +
                                      db + "': indexing "));
  CHECK_THAT(r.err,
             Catch::Contains(" are free on '" + disk.path().string() +
                             "' (free some space, or add --force to try anyway)\n"));
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  CHECK_FALSE(fs::exists(db));
}

TEST_CASE("a disk full during a build stops it, and the next run with room completes it",
          "[space]") {
  TempDir dir;
  write_corpus(dir / "corpus");
  SmallDisk disk(dir / "disk", 2 << 20);
  if (skipped(disk)) return;
  const std::string db = (disk.path() / "db").string();
  const RunResult full = index(db, dir / "corpus", "--force --commit-every 20");
  INFO(full.err);
  CHECK(full.status == 2);
  CHECK_THAT(full.err,
             Catch::StartsWith("vnews-index: cannot write to ") &&
                 Catch::Contains("running the same command again finishes the job"));
  const Xapian::doccount kept = Xapian::Database(db).get_doccount();  // it opens
  CHECK(kept < kArticles);
  disk.resize(64 << 20);
  const RunResult again = index(db, dir / "corpus");
  INFO(again.err);
  CHECK(again.status == 0);
  check_complete(db);
}

TEST_CASE(
    "a merge that runs out of space leaves the build, and is done once there is room",
    "[space]") {
  TempDir dir;
  write_corpus(dir / "corpus");
  // A build of the corpus, its shards not merged yet, as a kill leaves it.
  const std::string built = (dir / "build").string();
  const vnews::DatabaseLayout layout = vnews::plan_layout(built, 0, 1, 2);
  REQUIRE(layout.merge);
  vnews::IndexOptions options;
  options.db = built;
  options.paths = {(dir / "corpus").string()};
  options.shards = 2;
  std::ostringstream errors;
  REQUIRE(vnews::run_index(options, errors).added == kArticles);
  vnews::write_stub(built, layout);
  // Room for the build and a quarter of it: not for its merged copy.
  const std::uint64_t size = vnews::bytes_under(built);
  SmallDisk disk(dir / "disk", size + size / 4);
  if (skipped(disk)) return;
  const std::string db = (disk.path() / "db").string();
  fs::copy(built, db, fs::copy_options::recursive);

  // Xapian's compaction leaks what it allocated when it fails: not a leak of
  // ours for LeakSanitizer to report (and exit 1 for) in a sanitizer build.
  const RunResult failed =
      index(db, dir / "corpus", "--force", "ASAN_OPTIONS=detect_leaks=0");
  INFO(failed.err);
  CHECK(failed.status == 2);
  CHECK_THAT(failed.err, Catch::Contains("cannot merge the shards of '" + db + "'"));
  CHECK_FALSE(fs::exists(disk.path() / "db/merging.tmp"));  // the disk is free again
  CHECK(Xapian::Database(db).get_doccount() ==
        kArticles);  // the shards, as the stub says

  const RunResult refused = index(db, dir / "corpus");
  INFO(refused.err);
  CHECK(refused.status == 2);
  CHECK_THAT(refused.err,
             Catch::StartsWith("vnews-index: not enough free space for --db '" + db +
                               "': merging the new database into one "
                               "needs about "));
  CHECK(Xapian::Database(db).get_doccount() == kArticles);

  disk.resize(size * 4);
  const RunResult merged = index(db, dir / "corpus");
  INFO(merged.err);
  CHECK(merged.status == 0);
  CHECK_THAT(merged.err, Catch::Contains("merged from 2 writers"));
  check_complete(db);
}
