#include "run_index.h"

#include <unistd.h>
#include <xapian.h>

#include <catch2/catch.hpp>
#include <sstream>

#include "test_util.h"
#include "vnews/error.h"

using vnews::test::TempDir;
using vnews::test::write_file;

namespace {

vnews::IndexOptions options_for(const TempDir& dir, const std::string& root = "corpus") {
  vnews::IndexOptions options;
  options.db = (dir / "db").string();
  options.paths = {(dir / root).string()};
  return options;
}

}  // namespace

TEST_CASE("re-indexing the same article keeps one document", "[indexer]") {
  TempDir dir;
  write_file(dir / "corpus/a.txt", "Tiêu đề một\nSapo\nThân bài");
  std::ostringstream errors;
  vnews::run_index(options_for(dir), errors);
  write_file(dir / "corpus/a.txt", "Tiêu đề mới\nSapo\nThân bài");
  const auto report = vnews::run_index(options_for(dir), errors);
  CHECK(report.indexed == 1);
  Xapian::Database db((dir / "db").string());
  CHECK(db.get_doccount() == 1);
  CHECK(db.term_exists("mới"));
  CHECK_FALSE(db.term_exists("một"));
}

TEST_CASE("empty, unreadable and invalid UTF-8 files are reported and the run goes on",
          "[indexer]") {
  TempDir dir;
  write_file(dir / "corpus/good.txt", "Bài tốt\nSapo\nThân");
  write_file(dir / "corpus/empty.txt", "");
  write_file(dir / "corpus/bad.txt", "Bài \xFF hỏng");
  write_file(dir / "corpus/locked.txt", "Bài khóa");
  std::filesystem::permissions(dir / "corpus/locked.txt", std::filesystem::perms::none);
  const bool can_lock = getuid() != 0;  // root reads everything
  std::ostringstream errors;
  const auto report = vnews::run_index(options_for(dir), errors);
  CHECK(report.indexed == (can_lock ? 1 : 2));
  CHECK(report.skipped == 2);
  CHECK(report.failed == (can_lock ? 1 : 0));
  const std::string messages = errors.str();
  CHECK_THAT(messages, Catch::Contains("empty.txt: error: file is empty"));
  CHECK_THAT(messages, Catch::Contains("bad.txt: error: invalid UTF-8 at byte offset 5"));
  if (can_lock) CHECK_THAT(messages, Catch::Contains("locked.txt: error: cannot open"));
  CHECK(Xapian::Database((dir / "db").string()).term_exists("tốt"));
}

TEST_CASE("the category is the first folder level under the root", "[indexer]") {
  TempDir dir;
  write_file(dir / "corpus/sport/derby/a.txt", "Trận derby\nSapo\nThân");
  std::ostringstream errors;
  vnews::run_index(options_for(dir), errors);
  Xapian::Database db((dir / "db").string());
  CHECK(db.term_exists("Qsport/derby/a.txt"));
  CHECK(db.term_exists("XCATsport"));
}

TEST_CASE("a --db that is not a Xapian database is refused", "[indexer]") {
  TempDir dir;
  write_file(dir / "corpus/a.txt", "Tiêu đề");
  write_file(dir / "db/notes.txt", "not a database");
  std::ostringstream errors;
  REQUIRE_THROWS_WITH(vnews::run_index(options_for(dir), errors),
                      "--db '" + (dir / "db").string() +
                          "' exists and is not a Xapian database");
  CHECK_FALSE(std::filesystem::exists(dir / "db/iamglass"));
}

TEST_CASE("a database held by another writer is refused", "[indexer]") {
  TempDir dir;
  write_file(dir / "corpus/a.txt", "Tiêu đề");
  Xapian::WritableDatabase holder((dir / "db").string(), Xapian::DB_CREATE_OR_OPEN);
  std::ostringstream errors;
  REQUIRE_THROWS_AS(vnews::run_index(options_for(dir), errors),
                    Xapian::DatabaseLockError);
}

TEST_CASE("many files keep their order and all get indexed", "[indexer]") {
  TempDir dir;
  for (int i = 0; i < 300; ++i) {
    write_file(dir / ("corpus/" + std::to_string(i) + ".txt"),
               "Bài số " + std::to_string(i) + "\nSapo\nThân bài");
  }
  vnews::IndexOptions options = options_for(dir);
  options.threads = 3;
  std::ostringstream errors;
  CHECK(vnews::run_index(options, errors).indexed == 300);
  Xapian::Database db((dir / "db").string());
  CHECK(db.get_doccount() == 300);
}
