// The built vnews-index refuses what it cannot do safely with one line on
// stderr and exit 2, writing nothing: numbers out of bounds, --delete on no
// database, a shard that is gone, a database it may not write, a --prune
// over a folder it could not list.
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>

#include "test_util.h"

namespace fs = std::filesystem;
using vnews::test::run;
using vnews::test::RunResult;
using vnews::test::shell_quote;
using vnews::test::TempDir;
using vnews::test::write_file;

namespace {

const std::string kIndex = VNEWS_INDEX_BIN;

std::string index_command(const std::string& args) { return kIndex + " -q " + args; }

// Returns the prefix that runs a command as an unprivileged user: nothing
// when this process is one, setpriv's when it is root; nothing either when
// that cannot be done (`possible` is then false).
std::string unprivileged(bool& possible) {
  possible = true;
  if (geteuid() != 0) return "";
  possible =
      run("setpriv --reuid=65534 --regid=65534 --clear-groups -- true").status == 0;
  return "setpriv --reuid=65534 --regid=65534 --clear-groups -- ";
}

// Writes `count` articles under `folder`, old enough to be trusted unchanged.
void write_articles(const fs::path& folder, int count) {
  for (int i = 0; i < count; ++i) {
    const fs::path path = folder / (std::to_string(i) + ".txt");
    write_file(path, "Bài " + std::to_string(i) + "\nSapo");
    fs::last_write_time(path, fs::file_time_type::clock::now() - std::chrono::minutes(5));
  }
}

}  // namespace

TEST_CASE("options out of bounds are one line and exit 2, and create no database",
          "[cli][refusal]") {
  TempDir dir;
  const std::string db = (dir / "db").string();
  const std::string corpus = shell_quote(vnews::test::sample_corpus().string());
  const std::pair<std::string, std::string> rows[] = {
      {"-j 0", "vnews-index: -j must be between 1 and 256, got '0'\n"},
      {"-j -1", "vnews-index: -j must be between 1 and 256, got '-1'\n"},
      {"-j 100000", "vnews-index: -j must be between 1 and 256, got '100000'\n"},
      {"--commit-every 0",
       "vnews-index: --commit-every must be between 1 and 100000, got '0'\n"},
      {"--commit-every -5",
       "vnews-index: --commit-every must be between 1 and 100000, got '-5'\n"},
      {"--commit-every 1e9",
       "vnews-index: --commit-every must be between 1 and 100000, got '1e9'\n"},
      {"--shards 100000",
       "vnews-index: --shards must be between 1 and 256, got '100000'\n"},
  };
  for (const auto& [args, message] : rows) {
    INFO(args);
    const RunResult r = run(index_command("--db " + db + " " + args + " " + corpus));
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Catch::StartsWith(message));
    CHECK(r.out.empty());
    CHECK_FALSE(fs::exists(db));
  }
}

TEST_CASE("deleting from a folder that holds no database creates none",
          "[cli][refusal]") {
  TempDir dir;
  fs::create_directories(dir / "empty");
  for (const std::string name : {"missing", "empty"}) {
    const std::string db = (dir / name).string();
    const RunResult r = run(index_command("--db " + db + " --delete x"));
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Catch::StartsWith("vnews-index: --delete: --db '" + db +
                                        "' holds no database\n"));
    CHECK_FALSE(fs::exists(dir / name / "iamglass"));
  }
  CHECK_FALSE(fs::exists(dir / "missing"));
}

TEST_CASE("a shard the stub lists that is gone is refused, not created empty",
          "[cli][refusal]") {
  TempDir dir;
  write_articles(dir / "corpus", 6);
  const std::string db = (dir / "db").string();
  const std::string index_again =
      index_command("--db " + db + " " + (dir / "corpus").string());
  REQUIRE(run(index_command("--shards 2 --db " + db + " " + (dir / "corpus").string()))
              .status == 0);
  fs::remove_all(dir / "db/shard-1");
  const RunResult r = run(index_again);
  CHECK(r.status == 2);
  CHECK(r.err == "vnews-index: --db '" + db +
                     "': shard 'shard-1', listed in its XAPIANDB, is not a database "
                     "(deleted?); restore it, or index into a new folder\n");
  CHECK_FALSE(fs::exists(dir / "db/shard-1"));
}

TEST_CASE("a database that may not be written is a permission error, not a lock",
          "[cli][refusal]") {
  bool possible = false;
  const std::string as_user = unprivileged(possible);
  if (!possible) {
    WARN("SKIPPED: cannot run vnews-index as an unprivileged user (setpriv)");
    return;
  }
  TempDir dir;
  write_articles(dir / "corpus", 3);
  const std::string db = (dir / "db").string();
  REQUIRE(run(index_command("--db " + db + " " + (dir / "corpus").string())).status == 0);
  // Unprivileged already: the database is made read-only instead.
  const bool self = geteuid() != 0;
  if (self) fs::permissions(db, fs::perms::owner_write, fs::perm_options::remove);
  const Xapian::rev before = Xapian::Database(db).get_revision();
  write_articles(dir / "corpus", 4);
  const RunResult r =
      run(as_user + index_command("--db " + db + " " + (dir / "corpus").string()));
  if (self) fs::permissions(db, fs::perms::owner_write, fs::perm_options::add);
  CHECK(r.status == 2);
  CHECK(r.err ==
        "vnews-index: cannot write to database '" + db + "': Permission denied\n");
  CHECK(Xapian::Database(db).get_revision() == before);
  // Where the database would be created.
  if (self) {
    fs::permissions(dir.path(), fs::perms::owner_write, fs::perm_options::remove);
  }
  const RunResult created = run(as_user + index_command("--db " + (dir / "new").string() +
                                                        " " + (dir / "corpus").string()));
  fs::permissions(dir.path(), fs::perms::owner_write, fs::perm_options::add);
  CHECK(created.status == 2);
  CHECK(created.err == "vnews-index: cannot create database '" + (dir / "new").string() +
                           "' in '" + dir.path().string() + "': Permission denied\n");
}

TEST_CASE("a folder that cannot be listed keeps its documents on --prune",
          "[cli][refusal]") {
  bool possible = false;
  const std::string as_user = unprivileged(possible);
  if (!possible) {
    WARN("SKIPPED: cannot run vnews-index as an unprivileged user (setpriv)");
    return;
  }
  TempDir dir;
  const fs::path work = dir / "work";  // the user's own: it may write the database there
  fs::create_directories(work);
  fs::permissions(work, fs::perms::all);
  write_articles(work / "corpus/open", 3);
  write_articles(work / "corpus/locked", 3);
  const std::string db = (work / "db").string();
  const std::string corpus = (work / "corpus").string();
  REQUIRE(run(as_user + index_command("--db " + db + " " + corpus)).status == 0);
  fs::remove(work / "corpus/open/0.txt");
  fs::permissions(work / "corpus/locked", fs::perms::none);
  const RunResult refused =
      run(as_user + index_command("--prune --db " + db + " " + corpus));
  CHECK(refused.status == 2);
  const std::string locked = (work / "corpus/locked").string();
  CHECK(refused.err == locked +
                           ": error: cannot list folder: Permission denied\n"
                           "vnews-index: refusing to prune: '" +
                           corpus +
                           "' could not be listed in full (add --force to prune the "
                           "folders that could be listed)\n");
  CHECK(Xapian::Database(db).get_doccount() == 6);
  const RunResult forced =
      run(as_user + index_command("--prune --force --db " + db + " " + corpus));
  fs::permissions(work / "corpus/locked", fs::perms::owner_all);
  CHECK(forced.status == 1);  // the folder is reported
  CHECK_THAT(forced.err, Catch::Contains("deleted 1 in"));
  Xapian::Database database(db);
  CHECK(database.get_doccount() == 5);
  CHECK(database.term_exists("Qlocked/0.txt"));
}
