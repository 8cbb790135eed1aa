// The corpus root: how it is chosen and recorded, and the ids it gives the
// same file however the command line names it, over several runs.
#include "corpus_root.h"

#include <xapian.h>

#include <catch2/catch.hpp>
#include <sstream>

#include "run_index.h"
#include "test_util.h"
#include "vnews/error.h"
#include "vnews/schema.h"

namespace fs = std::filesystem;
using vnews::test::TempDir;
using vnews::test::write_file;

namespace {

// Runs the indexer on `paths` into `db`; returns what it reported.
vnews::IndexReport index(const std::string& db, const std::vector<std::string>& paths,
                         const std::string& root = "") {
  vnews::IndexOptions options;
  options.db = db;
  options.paths = paths;
  options.root = root;
  std::ostringstream errors;
  vnews::IndexReport report = vnews::run_index(options, errors);
  INFO(errors.str());
  CHECK(report.skipped + report.failed == 0);
  return report;
}

// Returns the ids of `db`, space-separated, in term order.
std::string ids_of(const std::string& db) {
  Xapian::Database database(db);
  std::string ids;
  const std::string prefix = vnews::schema::kIdPrefix;
  for (auto t = database.allterms_begin(prefix); t != database.allterms_end(prefix);
       ++t) {
    ids += (*t).substr(prefix.size()) + " ";
  }
  return ids;
}

std::string root_of(const std::string& db) {
  return Xapian::Database(db).get_metadata(vnews::schema::kRootKey);
}

// Makes `db` look written by an earlier version: no root recorded.
void forget_root(const std::string& db) {
  Xapian::WritableDatabase database(db, Xapian::DB_OPEN);
  database.set_metadata(vnews::schema::kRootKey, "");
  database.commit();
}

}  // namespace

TEST_CASE("the default root is the only folder, or the deepest folder holding every PATH",
          "[root]") {
  TempDir dir;
  write_file(dir / "c/a/x.txt", "x");
  write_file(dir / "c/b/x.txt", "x");
  const fs::path c = vnews::resolved_path((dir / "c").string());
  const auto root = [](std::vector<std::string> paths) {
    return vnews::choose_root("", "", paths, false, "db");
  };
  CHECK(root({(dir / "c").string()}) == c);
  CHECK(root({(dir / "c/a").string()}) == c / "a");
  CHECK(root({(dir / "c/a/x.txt").string()}) == c / "a");  // a file: its folder
  CHECK(root({(dir / "c/a/x.txt").string(), (dir / "c/b/x.txt").string()}) == c);
  CHECK(root({(dir / "c/a").string(), "-", (dir / "c/b").string()}) == c);
  CHECK(root({"-"}).empty());
}

TEST_CASE("a recorded root wins, and another --root is refused unless forced", "[root]") {
  TempDir dir;
  fs::create_directories(dir / "c/a");
  const std::string c = vnews::resolved_path((dir / "c").string()).string();
  CHECK(vnews::choose_root(c, "", {(dir / "c/a").string()}, false, "db") == c);
  CHECK(vnews::choose_root(c, (dir / "c/./a/..").string(), {}, false, "db") == c);
  const std::string other = (dir / "c/a").string();
  REQUIRE_THROWS_WITH(vnews::choose_root(c, other, {}, false, "db"),
                      "--root '" + other + "' is not the corpus root '" + c +
                          "' that --db 'db' records; a new root changes every id (add "
                          "--force to record it when the corpus has moved)");
  CHECK(vnews::choose_root(c, other, {}, true, "db") == fs::path(other));
  REQUIRE_THROWS_WITH(vnews::choose_root("", (dir / "nope").string(), {}, false, "db"),
                      "--root '" + (dir / "nope").string() + "' is not a folder");
}

TEST_CASE("indexing a folder, then a folder inside it, keeps one document per article",
          "[root]") {
  TempDir dir;
  const std::string db = (dir / "db").string();
  const fs::path sample = vnews::test::sample_corpus();
  CHECK(index(db, {sample.string()}).added == 41);
  const vnews::IndexReport sport = index(db, {(sample / "sport").string()});
  CHECK(sport.added == 0);
  CHECK(sport.unchanged == 5);
  Xapian::Database database(db);
  CHECK(database.get_doccount() == 41);
  CHECK(database.term_exists("Qtechnology/xiaomi-chau-au.txt"));  // the ids of the docs
  CHECK(database.get_termfreq("XCATsport") == 5);
  CHECK(root_of(db) == vnews::resolved_path(sample.string()).string());
}

TEST_CASE("a folder named twice, or with a folder inside it, is indexed once", "[root]") {
  TempDir dir;
  const fs::path sample = vnews::test::sample_corpus();
  const vnews::IndexReport report =
      index((dir / "db").string(),
            {sample.string(), sample.string() + "/", (sample / "sport").string()});
  CHECK(report.added == 41);
  CHECK(Xapian::Database((dir / "db").string()).get_doccount() == 41);
}

TEST_CASE("two files of the same name in two folders are two documents", "[root]") {
  TempDir dir;
  write_file(dir / "col/a/x.txt", "Bài một\nSapo");
  write_file(dir / "col/b/x.txt", "Bài hai\nSapo");
  const std::string db = (dir / "db").string();
  CHECK(
      index(db, {(dir / "col/a/x.txt").string(), (dir / "col/b/x.txt").string()}).added ==
      2);
  CHECK(ids_of(db) == "a/x.txt b/x.txt ");
  // Later runs keep the root: each file alone keeps its id.
  CHECK(index(db, {(dir / "col/b/x.txt").string()}).added == 0);
  CHECK(Xapian::Database(db).get_doccount() == 2);
}

TEST_CASE("a root given sets the root of a new database, and the category below it",
          "[root]") {
  TempDir dir;
  write_file(dir / "corpus/sport/derby.txt", "Trận derby\nSapo");
  const std::string db = (dir / "db").string();
  index(db, {(dir / "corpus/sport").string()}, (dir / "corpus").string());
  CHECK(ids_of(db) == "sport/derby.txt ");
  CHECK(Xapian::Database(db).term_exists("XCATsport"));
}

TEST_CASE("a PATH outside the recorded root is refused and nothing is written",
          "[root]") {
  TempDir dir;
  write_file(dir / "corpus/a.txt", "Bài một");
  write_file(dir / "other/b.txt", "Bài hai");
  const std::string db = (dir / "db").string();
  index(db, {(dir / "corpus").string()});
  const Xapian::rev before = Xapian::Database(db).get_revision();
  vnews::IndexOptions options;
  options.db = db;
  options.paths = {(dir / "other").string()};
  std::ostringstream errors;
  REQUIRE_THROWS_AS(vnews::run_index(options, errors), vnews::UsageError);
  CHECK(Xapian::Database(db).get_revision() == before);
}

TEST_CASE("the root survives the merge of a new database's shards", "[root]") {
  TempDir dir;
  write_file(dir / "corpus/a/x.txt", "Bài một");
  const std::string db = (dir / "db").string();
  const vnews::IndexReport report = index(db, {(dir / "corpus").string()});
  INFO("writers merged: " << report.merged);
  CHECK(root_of(db) == vnews::resolved_path((dir / "corpus").string()).string());
  vnews::IndexOptions sharded;
  sharded.db = (dir / "sharded").string();
  sharded.paths = {(dir / "corpus").string()};
  sharded.shards = 3;
  std::ostringstream errors;
  vnews::run_index(sharded, errors);
  for (const char* shard : {"shard-0", "shard-1", "shard-2"}) {
    CHECK(root_of((dir / "sharded" / shard).string()) == root_of(db));
  }
}

TEST_CASE(
    "a database of an earlier version takes the root its ids fit, else asks for one",
    "[root]") {
  TempDir dir;
  const std::string db = (dir / "db").string();
  const fs::path sample = vnews::test::sample_corpus();
  index(db, {sample.string()});
  forget_root(db);
  // Its ids are relative to a subfolder run's root ("derby.txt"), not these.
  vnews::IndexOptions options;
  options.db = db;
  options.paths = {(sample / "sport").string()};
  std::ostringstream errors;
  REQUIRE_THROWS_WITH(
      vnews::run_index(options, errors),
      "--db '" + db +
          "' records no corpus root, and none of its ids is one of the "
          "files under the PATHs: run again with --root DIR, DIR the folder "
          "its ids are relative to (the PATH it was indexed from)");
  CHECK(root_of(db).empty());
  // The PATH it was indexed from fits: its root is recorded, nothing doubled.
  CHECK(index(db, {sample.string()}).added == 0);
  CHECK(root_of(db) == vnews::resolved_path(sample.string()).string());
  forget_root(db);
  CHECK(index(db, {(sample / "sport").string()}, sample.string()).added == 0);
  CHECK(Xapian::Database(db).get_doccount() == 41);
}

TEST_CASE("articles from the standard input leave the root to the first files",
          "[root]") {
  TempDir dir;
  write_file(dir / "corpus/sport/a.txt", "Bài một");
  const std::string db = (dir / "db").string();
  vnews::IndexOptions options;
  options.db = db;
  options.paths = {"-"};
  std::ostringstream errors;
  std::istringstream in("Bài từ stdin");
  vnews::run_index(options, errors, in);
  CHECK(root_of(db).empty());
  CHECK(index(db, {(dir / "corpus").string()}).added == 1);
  CHECK(root_of(db) == vnews::resolved_path((dir / "corpus").string()).string());
}
