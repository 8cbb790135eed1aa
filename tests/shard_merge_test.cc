// A new single database is written by parallel writers as shards, then merged
// into one in place; a crash at any step leaves a database that opens, and
// the next run finishes the merge.
#include "shard_merge.h"

#include <xapian.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <sstream>

#include "run_index.h"
#include "test_util.h"

namespace fs = std::filesystem;
using vnews::test::TempDir;

namespace {

constexpr int kArticles = 40;

// A corpus of kArticles articles and a build of it: the shards of a new
// database indexed by two writers, as a crash before the merge leaves them.
struct Build {
  TempDir dir;
  std::string db = (dir / "db").string();
  std::string corpus = (dir / "corpus").string();
  vnews::DatabaseLayout layout;

  Build() {
    // Older than a second: files that new may still change, and are read again.
    const auto old = fs::file_time_type::clock::now() - std::chrono::hours(1);
    for (int i = 0; i < kArticles; ++i) {
      const std::string n = std::to_string(i);
      const fs::path path = dir / "corpus" / (n + ".txt");
      std::string text = "Bài số ";
      vnews::test::write_file(path,
                              text.append(n).append("\nSapo\nThân bài về thị trường"));
      fs::last_write_time(path, old);
    }
    layout = vnews::plan_layout(db, 0, 1, 2);
    REQUIRE(layout.merge);
    vnews::IndexOptions options;
    options.db = db;
    options.paths = {corpus};
    options.shards = 2;  // the same shards, without the stub's mark
    REQUIRE(index(options).added == kArticles);
    vnews::write_stub(db, layout);
  }

  // Runs the indexer as vnews-index does.
  static vnews::IndexReport index(const vnews::IndexOptions& options) {
    std::ostringstream errors;
    vnews::IndexReport report = vnews::run_index(options, errors);
    REQUIRE(errors.str().empty());
    return report;
  }

  vnews::IndexReport index_again() const {
    vnews::IndexOptions options;
    options.db = db;
    options.paths = {corpus};
    return index(options);
  }

  bool has(const std::string& name) const { return fs::exists(fs::path(db) / name); }

  // Adds to the first shard a document of no file, as only an earlier run of
  // the build could have.
  void add_ghost() const {
    Xapian::WritableDatabase shard(layout.shards[0], Xapian::DB_OPEN);
    Xapian::Document doc;
    doc.add_boolean_term("Qghost.txt");
    shard.add_document(doc);
    shard.commit();
  }

  // Makes the stub say the build was written in another boot of the machine.
  void stamp_other_boot() const {
    const fs::path stub = fs::path(db) / "XAPIANDB";
    std::string text = vnews::test::read_file(stub);
    const std::string line = "# boot " + vnews::boot_id();
    const std::size_t boot = text.find(line + "\n");
    REQUIRE(boot != std::string::npos);
    text.replace(boot, line.size(), "# boot 00000000-0000-0000-0000-000000000000");
    vnews::test::write_file(stub, text);
  }
};

}  // namespace

TEST_CASE("a build's shards become one database with every document", "[merge]") {
  Build build;
  CHECK(Xapian::Database(build.db).get_doccount() == kArticles);
  const vnews::IndexReport report = build.index_again();
  CHECK(report.unchanged == kArticles);
  CHECK(report.merged == 2);
  CHECK(build.has("iamglass"));
  CHECK_FALSE(build.has("XAPIANDB"));
  CHECK_FALSE(build.has("shard-0"));
  CHECK_FALSE(build.has("shard-1"));
  CHECK_FALSE(build.has("merging.tmp"));
  Xapian::Database db(build.db);
  CHECK(db.get_doccount() == kArticles);
  CHECK(db.get_termfreq("Q7.txt") == 1);
  CHECK(db.get_termfreq("trường") == kArticles);
  CHECK(db.get_spelling_suggestion("trườngg") == "trường");
  const vnews::IndexReport again = build.index_again();
  CHECK(again.unchanged == kArticles);
  CHECK(again.merged == 0);  // one database now
}

TEST_CASE("a merge cut short before its last rename is done again by the next run",
          "[merge]") {
  Build build;
  // The state a crash leaves before iamglass moves in: the build, beside some
  // tables of the merged database and a half-written one.
  const fs::path db(build.db);
  fs::copy_file(db / "shard-0" / "postlist.glass", db / "postlist.glass");
  vnews::test::write_file(db / "merging.tmp" / "postlist.glass", "half");
  CHECK(Xapian::Database(build.db).get_doccount() == kArticles);  // the stub's

  const vnews::IndexReport report = build.index_again();
  CHECK(report.unchanged == kArticles);
  CHECK(report.merged == 2);
  CHECK(Xapian::Database(build.db).get_doccount() == kArticles);
  CHECK_FALSE(build.has("XAPIANDB"));
  CHECK_FALSE(build.has("merging.tmp"));
}

TEST_CASE("what a merge cut short after its last rename left is deleted by the next run",
          "[merge]") {
  Build build;
  build.index_again();
  // The state a crash leaves after iamglass moved in: the build is still there.
  vnews::write_stub(build.db, build.layout);
  fs::create_directories(build.layout.shards[0]);
  CHECK(Xapian::Database(build.db).get_doccount() == kArticles);  // iamglass wins

  const vnews::IndexReport report = build.index_again();
  CHECK(report.unchanged == kArticles);
  CHECK_FALSE(build.has("XAPIANDB"));
  CHECK_FALSE(build.has("shard-0"));
  CHECK(Xapian::Database(build.db).get_doccount() == kArticles);
}

TEST_CASE("a build begun before the machine restarted is built again", "[merge]") {
  if (vnews::boot_id().empty()) {
    WARN("SKIPPED: this system does not name its boot, so builds sync every commit");
    return;
  }
  Build build;
  REQUIRE(build.layout.unsynced);
  build.add_ghost();
  build.stamp_other_boot();
  CHECK(vnews::plan_layout(build.db, 0, 1, 2).written_before_restart);

  vnews::IndexOptions options;
  options.db = build.db;
  options.paths = {build.corpus};
  std::ostringstream errors;
  const vnews::IndexReport report = vnews::run_index(options, errors);
  CHECK(errors.str() == "vnews-index: '" + build.db +
                            "': the new database being built when the machine restarted "
                            "may be damaged; building it again\n");
  CHECK(report.added == kArticles);
  CHECK(report.merged == 2);
  Xapian::Database db(build.db);
  CHECK(db.get_doccount() == kArticles);
  CHECK(db.get_termfreq("Qghost.txt") == 0);
}

TEST_CASE("a build whose merge a restart cut short is built again", "[merge]") {
  if (vnews::boot_id().empty()) {
    WARN("SKIPPED: this system does not name its boot, so builds sync every commit");
    return;
  }
  Build build;
  // What a merge leaves before iamglass moves in: some merged tables beside the build.
  const fs::path db(build.db);
  fs::copy_file(db / "shard-0" / "postlist.glass", db / "postlist.glass");
  fs::copy_file(db / "shard-0" / "flintlock", db / "flintlock");
  build.stamp_other_boot();

  vnews::IndexOptions options;
  options.db = build.db;
  options.paths = {build.corpus};
  std::ostringstream errors;
  const vnews::IndexReport report = vnews::run_index(options, errors);
  CHECK_THAT(errors.str(), Catch::Contains("building it again"));
  CHECK(report.added == kArticles);
  CHECK(Xapian::Database(build.db).get_doccount() == kArticles);
  CHECK_FALSE(build.has("XAPIANDB"));
}

TEST_CASE("a build killed without a restart is resumed, not built again", "[merge]") {
  Build build;
  build.add_ghost();
  CHECK_FALSE(vnews::plan_layout(build.db, 0, 1, 2).written_before_restart);
  const vnews::IndexReport report = build.index_again();
  CHECK(report.unchanged == kArticles);
  Xapian::Database db(build.db);
  CHECK(db.get_doccount() == kArticles + 1);
  CHECK(db.get_termfreq("Qghost.txt") == 1);
}

TEST_CASE("a build's stub from before boots were named is resumed", "[merge]") {
  Build build;
  build.add_ghost();
  vnews::test::write_file(fs::path(build.db) / "XAPIANDB",
                          "# vnews-index build: merged into one database when a run "
                          "completes\nauto shard-0\nauto shard-1\n");
  CHECK_FALSE(vnews::plan_layout(build.db, 0, 1, 2).written_before_restart);
  CHECK(build.index_again().unchanged == kArticles);
  CHECK(Xapian::Database(build.db).get_doccount() == kArticles + 1);
}

TEST_CASE("leftovers are only ever a build's own shards", "[merge]") {
  Build build;
  build.index_again();
  fs::create_directories(fs::path(build.db) / "shard-0");
  fs::create_directories(build.dir / "elsewhere");
  for (const char* stub : {"auto shard-0\n",  // a user's stub: not a build's
                           "# vnews-index build: merged into one database when a run "
                           "completes\nauto ../elsewhere\nauto shard-0\n"}) {
    INFO(stub);
    vnews::test::write_file(fs::path(build.db) / "XAPIANDB", stub);
    vnews::remove_merge_leftovers(build.db);
    CHECK(build.has("XAPIANDB"));
    CHECK(build.has("shard-0"));
    CHECK(fs::exists(build.dir / "elsewhere"));
  }
}

TEST_CASE("a merge that fails says so and leaves the build as it was", "[merge]") {
  Build build;
  fs::remove_all(build.layout.shards[1]);
  fs::create_directories(build.layout.shards[1]);  // a shard that does not open
  REQUIRE_THROWS_WITH(vnews::merge_shards(build.db, build.layout),
                      Catch::StartsWith("cannot merge the shards of '" + build.db +
                                        "' into one database (") &&
                          Catch::EndsWith("); they are still the database, and the next "
                                          "run merges them"));
  CHECK(build.has("XAPIANDB"));
  CHECK_FALSE(build.has("iamglass"));
  CHECK(Xapian::Database(build.layout.shards[0]).get_doccount() > 0);
}
