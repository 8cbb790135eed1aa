// Re-runs of run_index on a changed corpus: added, updated, unchanged,
// pruned and deleted documents, on single and sharded databases.
#include <sys/stat.h>
#include <xapian.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <sstream>

#include "run_index.h"
#include "test_util.h"

namespace fs = std::filesystem;
using vnews::test::TempDir;
using vnews::test::write_file;

namespace {

// Writes an article dated well in the past, so its size and mtime are trusted.
void write_old(const fs::path& path, const std::string& contents, int age_seconds = 60) {
  write_file(path, contents);
  fs::last_write_time(
      path, fs::file_time_type::clock::now() - std::chrono::seconds(age_seconds));
}

vnews::IndexReport index(const TempDir& dir, unsigned shards = 1, bool prune = false) {
  vnews::IndexOptions options;
  options.db = (dir / "db").string();
  options.paths = {(dir / "corpus").string()};
  options.shards = shards;
  options.prune = prune;
  std::ostringstream errors;
  return vnews::run_index(options, errors);
}

std::string counts(const vnews::IndexReport& r) {
  return "added " + std::to_string(r.added) + ", updated " + std::to_string(r.updated) +
         ", unchanged " + std::to_string(r.unchanged) + ", deleted " +
         std::to_string(r.deleted);
}

}  // namespace

TEST_CASE("a re-run adds new, updates changed and skips unchanged articles",
          "[incremental]") {
  for (unsigned shards : {1u, 3u}) {
    INFO("shards " << shards);
    TempDir dir;
    write_old(dir / "corpus/a.txt", "Bài một\nSapo\nThân");
    write_old(dir / "corpus/b.txt", "Bài hai\nSapo\nThân");
    CHECK(counts(index(dir, shards)) == "added 2, updated 0, unchanged 0, deleted 0");
    CHECK(counts(index(dir, shards)) == "added 0, updated 0, unchanged 2, deleted 0");
    write_old(dir / "corpus/b.txt", "Bài hai đã sửa\nSapo\nThân", 30);
    write_old(dir / "corpus/c.txt", "Bài ba\nSapo\nThân");
    CHECK(counts(index(dir, shards)) == "added 1, updated 1, unchanged 1, deleted 0");
    Xapian::Database db((dir / "db").string());
    CHECK(db.get_doccount() == 3);
    CHECK(db.get_termfreq("Qb.txt") == 1);
    CHECK(db.term_exists("sửa"));
  }
}

TEST_CASE("an unchanged re-run does not write to the database", "[incremental]") {
  TempDir dir;
  write_old(dir / "corpus/a.txt", "Bài một\nSapo\nThân");
  index(dir);
  const Xapian::rev before = Xapian::Database((dir / "db").string()).get_revision();
  index(dir);
  CHECK(Xapian::Database((dir / "db").string()).get_revision() == before);
}

TEST_CASE("a file modified just now is indexed again on the next run", "[incremental]") {
  // Same size, possibly the same mtime tick: the signature must not be trusted.
  TempDir dir;
  write_file(dir / "corpus/a.txt", "Tiêu đề một");
  index(dir);
  write_file(dir / "corpus/a.txt", "Tiêu đề mới");
  CHECK(counts(index(dir)) == "added 0, updated 1, unchanged 0, deleted 0");
  CHECK(Xapian::Database((dir / "db").string()).term_exists("mới"));
}

TEST_CASE("pruning deletes documents whose files are gone", "[incremental]") {
  for (unsigned shards : {1u, 2u}) {
    TempDir dir;
    write_old(dir / "corpus/a.txt", "Bài một");
    write_old(dir / "corpus/b.txt", "Bài hai");
    write_old(dir / "corpus/broken.txt", "Bài ba");
    index(dir, shards);
    fs::remove(dir / "corpus/a.txt");
    write_file(dir / "corpus/broken.txt", "");  // still there: keeps its document
    CHECK(counts(index(dir, shards)) == "added 0, updated 0, unchanged 1, deleted 0");
    CHECK(counts(index(dir, shards, true)) ==
          "added 0, updated 0, unchanged 1, deleted 1");
    Xapian::Database db((dir / "db").string());
    CHECK(db.get_doccount() == 2);
    CHECK_FALSE(db.term_exists("Qa.txt"));
  }
}

TEST_CASE("deleting by id removes one document and reports an unknown id",
          "[incremental]") {
  TempDir dir;
  write_old(dir / "corpus/a.txt", "Bài một");
  write_old(dir / "corpus/b.txt", "Bài hai");
  index(dir, 2);
  vnews::IndexOptions options;
  options.db = (dir / "db").string();
  options.deletes = {"a.txt", "nope.txt"};
  std::ostringstream errors;
  const vnews::IndexReport r = vnews::run_index(options, errors);
  CHECK(r.deleted == 1);
  CHECK(r.skipped == 1);
  CHECK(errors.str() == "vnews-index: --delete 'nope.txt': no document has this id\n");
  Xapian::Database db((dir / "db").string());
  CHECK(db.get_doccount() == 1);
  CHECK(db.term_exists("Qb.txt"));
}

TEST_CASE("re-indexing a sharded folder keeps its shards", "[incremental]") {
  TempDir dir;
  write_old(dir / "corpus/a.txt", "Bài một");
  index(dir, 2);
  write_old(dir / "corpus/b.txt", "Bài hai");
  CHECK(index(dir, 0).shards == 2);
  CHECK(fs::exists(dir / "db/shard-1/iamglass"));
  CHECK_FALSE(fs::exists(dir / "db/iamglass"));
}
