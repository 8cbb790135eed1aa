// --prune deletes only what a PATH listed in full no longer holds, never more
// than half of the database unless forced; --dry-run lists what a run would
// change and writes nothing.
#include "prune_scope.h"

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

vnews::ListedPath listed(std::string scope, std::size_t files = 1) {
  vnews::ListedPath path;
  path.path = "corpus/" + scope;
  path.scope = std::move(scope);
  path.files = files;
  return path;
}

// A corpus of articles in two folders, written long enough ago that their
// signatures are trusted, and its database.
struct Indexed {
  TempDir dir;
  fs::path corpus = dir / "corpus";
  std::string db = (dir / "db").string();

  explicit Indexed(int per_folder = 3) {
    for (const char* folder : {"sport", "world"}) {
      for (int i = 0; i < per_folder; ++i)
        write(std::string(folder) + "/" + std::to_string(i));
    }
    REQUIRE(run({corpus.string()}).added == 2u * per_folder);
  }

  void write(const std::string& name) const {
    const fs::path path = corpus / (name + ".txt");
    write_file(path, "Bài " + name + "\nSapo");
    fs::last_write_time(path, fs::file_time_type::clock::now() - std::chrono::minutes(5));
  }

  vnews::IndexReport run(const std::vector<std::string>& paths, bool prune = false,
                         bool force = false, bool dry_run = false) const {
    vnews::IndexOptions options;
    options.db = db;
    options.paths = paths;
    options.prune = prune;
    options.force = force;
    options.dry_run = dry_run;
    std::ostringstream errors;
    return vnews::run_index(options, errors, std::cin, listing);
  }

  // Runs a prune expected to be refused; returns its message.
  std::string refusal(const std::vector<std::string>& paths) const {
    try {
      run(paths, true);
    } catch (const std::runtime_error& e) {
      return e.what();
    }
    return "not refused";
  }

  Xapian::doccount count() const { return Xapian::Database(db).get_doccount(); }
  Xapian::rev revision() const { return Xapian::Database(db).get_revision(); }

  mutable std::ostringstream listing;
};

}  // namespace

TEST_CASE("a prune scope covers what is under its PATHs, but no folder left unlisted",
          "[prune]") {
  vnews::CorpusListing listing;
  listing.paths = {listed("sport"), listed("world/asia.txt")};
  listing.unlisted = {"sport/locked"};
  const vnews::PruneScope scope(listing, true);
  CHECK(scope.covers("sport/a.txt"));
  CHECK(scope.covers("sport/deep/b.jsonl"));
  CHECK(scope.covers("world/asia.txt"));
  CHECK_FALSE(scope.covers("sports/a.txt"));  // a folder is not a prefix of a name
  CHECK_FALSE(scope.covers("world/europe.txt"));
  CHECK_FALSE(scope.covers("sport/locked/c.txt"));
  CHECK_FALSE(scope.covers("-"));  // the standard input's
  listing.paths = {listed("")};    // the root
  CHECK(vnews::PruneScope(listing, true).covers("anything/at/all.txt"));
  CHECK_FALSE(vnews::PruneScope(listing, true).covers("-"));
}

TEST_CASE("a PATH missing, empty or not listed in full refuses the prune unless forced",
          "[prune]") {
  struct Row {
    vnews::ListedPath path;
    std::string message;
  };
  vnews::ListedPath missing = listed("gone", 0), empty = listed("empty", 0),
                    partial = listed("partial");
  missing.missing = true;
  partial.complete = false;
  const Row rows[] = {
      {missing,
       "refusing to prune: 'corpus/gone' does not exist (add --force to delete "
       "the documents under it)"},
      {empty,
       "refusing to prune: 'corpus/empty' holds no article (add --force to delete "
       "the documents under it)"},
      {partial,
       "refusing to prune: 'corpus/partial' could not be listed in full (add "
       "--force to prune the folders that could be listed)"},
  };
  for (const Row& row : rows) {
    vnews::CorpusListing listing;
    listing.paths = {listed("ok"), row.path};
    REQUIRE_THROWS_WITH(vnews::PruneScope(listing, false), row.message);
    CHECK(vnews::PruneScope(listing, true).covers(row.path.scope + "/a.txt"));
  }
}

TEST_CASE("a prune of more than half of the database is refused unless forced",
          "[prune]") {
  CHECK_FALSE(vnews::prune_share_refusal(5, 10, false, "db"));
  CHECK_FALSE(vnews::prune_share_refusal(0, 0, false, "db"));
  CHECK(
      vnews::prune_share_refusal(6, 10, false, "db") ==
      "refusing to prune: it would delete 6 of the 10 documents of 'db', more than half "
      "(add --force to delete them)");
  CHECK_FALSE(vnews::prune_share_refusal(10, 10, true, "db"));
}

TEST_CASE("pruning a PATH deletes only the documents under it", "[prune]") {
  const Indexed at;
  fs::remove(at.corpus / "sport/0.txt");
  fs::remove(at.corpus / "world/0.txt");
  const vnews::IndexReport report = at.run({(at.corpus / "sport").string()}, true);
  CHECK(report.deleted == 1);
  Xapian::Database db(at.db);
  CHECK_FALSE(db.term_exists("Qsport/0.txt"));
  CHECK(db.term_exists("Qworld/0.txt"));  // not under the PATH: kept
}

TEST_CASE("pruning an empty folder is refused and deletes nothing", "[prune]") {
  const Indexed at;
  for (int i = 0; i < 3; ++i)
    fs::remove(at.corpus / ("sport/" + std::to_string(i) + ".txt"));
  const Xapian::rev before = at.revision();
  CHECK(at.refusal({(at.corpus / "sport").string()}) ==
        "refusing to prune: '" + (at.corpus / "sport").string() +
            "' holds no article (add --force to delete the documents under it)");
  CHECK(at.revision() == before);
  CHECK(at.run({(at.corpus / "sport").string()}, true, true).deleted == 3);
  CHECK(at.count() == 3);
}

TEST_CASE("pruning a PATH that is gone is refused, and forced deletes its documents",
          "[prune]") {
  const Indexed at(4);
  fs::remove_all(at.corpus / "world");
  const std::string world = (at.corpus / "world").string();
  CHECK(at.refusal({world}) ==
        "refusing to prune: '" + world +
            "' does not exist (add --force to delete the documents "
            "under it)");
  CHECK(at.count() == 8);
  CHECK(at.run({world}, true, true).deleted == 4);
  CHECK(at.count() == 4);
}

TEST_CASE("a prune that would delete most of the database is refused before writing",
          "[prune]") {
  const Indexed at;
  for (const char* name : {"sport/0", "sport/1", "world/0", "world/1"}) {
    fs::remove(at.corpus / (std::string(name) + ".txt"));
  }
  at.write("world/new");
  const Xapian::rev before = at.revision();
  CHECK(at.refusal({at.corpus.string()}) ==
        "refusing to prune: it would delete 4 of the 6 documents of '" + at.db +
            "', more than half (add --force to delete them)");
  CHECK(at.revision() == before);  // not even the new article was added
  const vnews::IndexReport forced = at.run({at.corpus.string()}, true, true);
  CHECK(forced.deleted == 4);
  CHECK(forced.added == 1);
  CHECK(at.count() == 3);
}

TEST_CASE("articles of the standard input are never pruned", "[prune]") {
  const Indexed at;
  vnews::IndexOptions options;
  options.db = at.db;
  options.paths = {"-"};
  std::ostringstream errors;
  std::istringstream in("Bài từ stdin");
  vnews::run_index(options, errors, in);
  CHECK(at.run({at.corpus.string()}, true).deleted == 0);
  CHECK(at.count() == 7);
}

TEST_CASE("a JSON line gone from its file is pruned with its file's PATH", "[prune]") {
  const Indexed at;
  write_file(
      at.corpus / "feeds/f.jsonl",
      "{\"id\": \"j1\", \"title\": \"Một\"}\n{\"id\": \"j2\", \"title\": \"Hai\"}\n");
  at.run({at.corpus.string()});
  write_file(at.corpus / "feeds/f.jsonl", "{\"id\": \"j1\", \"title\": \"Một\"}\n");
  CHECK(at.run({(at.corpus / "sport").string()}, true).deleted == 0);  // another PATH
  CHECK(at.run({(at.corpus / "feeds").string()}, true).deleted == 1);
  Xapian::Database db(at.db);
  CHECK(db.term_exists("Qj1"));
  CHECK_FALSE(db.term_exists("Qj2"));
}

TEST_CASE("a dry run lists what would be added, updated and deleted, and writes nothing",
          "[prune][dry-run]") {
  const Indexed at;
  fs::remove(at.corpus / "sport/0.txt");
  at.write("sport/new");
  write_file(at.corpus / "world/1.txt", "Bài đã sửa\nSapo");
  const Xapian::rev before = at.revision();
  const vnews::IndexReport report = at.run({at.corpus.string()}, true, false, true);
  CHECK(report.dry_run);
  CHECK(at.listing.str() ==
        "add sport/new.txt\nupdate world/1.txt\ndelete sport/0.txt\n");
  CHECK(report.added == 1);
  CHECK(report.updated == 1);
  CHECK(report.deleted == 1);
  CHECK(at.revision() == before);
  CHECK(at.count() == 6);
}

TEST_CASE("a dry run on a new database creates nothing", "[dry-run]") {
  TempDir dir;
  write_file(dir / "corpus/a.txt", "Bài một");
  vnews::IndexOptions options;
  options.db = (dir / "new.db").string();
  options.paths = {(dir / "corpus").string()};
  options.dry_run = true;
  std::ostringstream errors, listing;
  CHECK(vnews::run_index(options, errors, std::cin, listing).added == 1);
  CHECK(listing.str() == "add a.txt\n");
  CHECK_FALSE(fs::exists(dir / "new.db"));
}

TEST_CASE("a dry run of --delete lists the deletions and deletes nothing", "[dry-run]") {
  const Indexed at;
  vnews::IndexOptions options;
  options.db = at.db;
  options.deletes = {"sport/1.txt", "nope.txt"};
  options.dry_run = true;
  std::ostringstream errors, listing;
  const vnews::IndexReport report = vnews::run_index(options, errors, std::cin, listing);
  CHECK(report.deleted == 1);
  CHECK(listing.str() == "delete sport/1.txt\n");
  CHECK(errors.str() == "vnews-index: --delete 'nope.txt': no document has this id\n");
  CHECK(at.count() == 6);
}
