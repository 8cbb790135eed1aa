#include "database_layout.h"

#include <xapian.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "test_util.h"
#include "vnews/error.h"

using vnews::test::TempDir;
using vnews::test::write_file;

TEST_CASE("a new folder gets the shards asked for and a stub listing them", "[layout]") {
  TempDir dir;
  const std::string db = (dir / "db").string();
  const vnews::DatabaseLayout layout = vnews::plan_layout(db, 3, 2);
  CHECK(layout.created);
  CHECK(layout.sharded);
  REQUIRE(layout.shards.size() == 3);
  CHECK(layout.shards[2] == (dir / "db/shard-2").string());
  std::filesystem::create_directories(db);
  vnews::write_stub(db, layout);
  CHECK(vnews::test::read_file(dir / "db/XAPIANDB") ==
        "auto shard-0\nauto shard-1\nauto shard-2\n");
  for (const auto& s : layout.shards) Xapian::WritableDatabase(s, Xapian::DB_CREATE);
  CHECK(Xapian::Database(db).get_doccount() == 0);  // Xapian opens the folder as one

  const vnews::DatabaseLayout again = vnews::plan_layout(db, 0, 2);
  CHECK_FALSE(again.created);
  CHECK(again.shards == layout.shards);
  REQUIRE_THROWS_WITH(vnews::plan_layout(db, 2, 2),
                      "--db '" + db +
                          "' has 3 shards; it cannot be re-indexed with "
                          "--shards 2 (index into a new folder instead)");
}

TEST_CASE("an existing single database keeps its layout", "[layout]") {
  TempDir dir;
  const std::string db = (dir / "db").string();
  Xapian::WritableDatabase(db, Xapian::DB_CREATE);
  const vnews::DatabaseLayout layout = vnews::plan_layout(db, 0, 2);
  CHECK_FALSE(layout.sharded);
  CHECK(layout.shards == std::vector<std::string>{db});
  CHECK_FALSE(layout.created);
  REQUIRE_THROWS_WITH(vnews::plan_layout(db, 2, 2),
                      "--db '" + db +
                          "' has 1 shard; it cannot be re-indexed with "
                          "--shards 2 (index into a new folder instead)");
}

TEST_CASE("one shard asked for a new folder is a plain database", "[layout]") {
  TempDir dir;
  const vnews::DatabaseLayout layout = vnews::plan_layout((dir / "db").string(), 1, 4);
  CHECK_FALSE(layout.sharded);
  CHECK(layout.shards.size() == 1);
}

TEST_CASE("a new single database is built by several writers when there are cores",
          "[layout]") {
  TempDir dir;
  const std::string db = (dir / "db").string();
  CHECK_FALSE(vnews::plan_layout(db, 0, 1, 1).merge);  // one core: one writer
  CHECK_FALSE(vnews::plan_layout(db, 1, 1, 2).merge);  // --shards 1: one writer
  CHECK_FALSE(vnews::plan_layout(db, 0, 3, 2).merge);  // a sharded default stays so
  const vnews::DatabaseLayout layout = vnews::plan_layout(db, 0, 1, 2);
  CHECK(layout.merge);
  CHECK(layout.sharded);
  REQUIRE(layout.shards.size() == 2);
  std::filesystem::create_directories(db);
  vnews::write_stub(db, layout);
  const std::string boot =
      vnews::boot_id().empty() ? "" : "# boot " + vnews::boot_id() + "\n";
  CHECK(vnews::test::read_file(dir / "db/XAPIANDB") ==
        "# vnews-index build: merged into one database when a run completes\n" + boot +
            "auto shard-0\nauto shard-1\n");
  CHECK(layout.unsynced == !vnews::boot_id().empty());
  for (const auto& s : layout.shards) Xapian::WritableDatabase(s, Xapian::DB_CREATE);
  CHECK(Xapian::Database(db).get_doccount() == 0);  // the mark is a comment to Xapian

  // A later run, after a crash, goes on with the build, also with --shards 1.
  for (unsigned shards : {0u, 1u}) {
    const vnews::DatabaseLayout again = vnews::plan_layout(db, shards, 1, 4);
    CHECK(again.merge);
    CHECK(again.shards == layout.shards);
    CHECK_FALSE(again.created);
    CHECK_FALSE(again.written_before_restart);  // the same boot
  }
  CHECK(vnews::build_shards(db) == layout.shards);
}

TEST_CASE("a folder holding a database and a stub is the database, as to Xapian",
          "[layout]") {
  TempDir dir;
  const std::string db = (dir / "db").string();
  Xapian::WritableDatabase(db, Xapian::DB_CREATE);
  write_file(dir / "db/XAPIANDB", "auto shard-0\n");
  const vnews::DatabaseLayout layout = vnews::plan_layout(db, 0, 1, 2);
  CHECK_FALSE(layout.sharded);
  CHECK(layout.shards == std::vector<std::string>{db});
  CHECK(vnews::build_shards(db).empty());  // not a build's stub
}

TEST_CASE("a stub naming a remote or absolute database is not written to", "[layout]") {
  TempDir dir;
  write_file(dir / "db/XAPIANDB", "remote 127.0.0.1:9999\n");
  REQUIRE_THROWS_AS(vnews::plan_layout((dir / "db").string(), 0, 2), vnews::UsageError);
}

TEST_CASE("shard assignment is stable and spreads ids", "[layout]") {
  // Pinned values: a change here would move documents between shards of
  // existing databases.
  CHECK(vnews::shard_of("Qsport/a.txt", 2) == 0);
  CHECK(vnews::shard_of("Q21395276.txt", 2) == 1);
  CHECK(vnews::shard_of("Q21395276.txt", 7) == 6);
  CHECK(vnews::shard_of("Qnews_business_001.txt", 7) == 4);
  std::size_t counts[4] = {};
  for (int i = 0; i < 4000; ++i) {
    std::string id = "Q";  // appended, not "Q" + ...: GCC 12 warns falsely (-Wrestrict)
    id += std::to_string(i) + ".txt";
    ++counts[vnews::shard_of(id, 4)];
  }
  for (std::size_t c : counts) CHECK(c > 800);
}
