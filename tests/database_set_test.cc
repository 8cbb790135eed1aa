#include "run/database_set.h"

#include <xapian.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>

#include "run/searcher.h"
#include "small_index.h"
#include "test_util.h"
#include "vnews/error.h"

using vnews::Shard;
using vnews::test::TempDir;
using vnews::test::write_file;

namespace {

// Returns the shards of `db` as one line: "KIND location <- listed_in" each,
// joined by " | ", KIND being local, tcp or prog.
std::string shards_of(const std::string& db) {
  std::string out;
  for (const Shard& s : vnews::list_shards(db)) {
    if (!out.empty()) out += " | ";
    out += s.kind == Shard::Kind::kLocal ? "local "
           : s.kind == Shard::Kind::kTcp ? "tcp "
                                         : "prog ";
    out += s.location;
    if (!s.listed_in.empty()) out += " <- " + s.listed_in;
  }
  return out;
}

// Creates an empty Xapian database at `path`.
void make_db(const std::filesystem::path& path) {
  std::filesystem::create_directories(path.parent_path());
  Xapian::WritableDatabase(path.string(), Xapian::DB_CREATE_OR_OPEN).commit();
}

}  // namespace

TEST_CASE("stub lines become shards, relative paths from the stub's folder",
          "[database_set]") {
  TempDir dir;
  const std::string d = dir.path().string();
  make_db(dir / "news/shard-0");
  write_file(dir / "news/XAPIANDB",
             "# two local shards and two remote ones\n"
             "auto shard-0\n"
             "\n"
             "glass /abs/shard-1\r\n"  // CRLF line, absolute path
             "remote 10.0.0.2:7000\n"
             "remote [fe80::1]:7001\n"
             "remote :xapian-progsrv /srv/db\n");
  CHECK(shards_of(d + "/news") == "local " + d + "/news/shard-0 <- " + d +
                                      "/news/XAPIANDB:2 | "
                                      "local /abs/shard-1 <- " +
                                      d +
                                      "/news/XAPIANDB:4 | "
                                      "tcp 10.0.0.2:7000 <- " +
                                      d +
                                      "/news/XAPIANDB:5 | "
                                      "tcp [fe80::1]:7001 <- " +
                                      d +
                                      "/news/XAPIANDB:6 | "
                                      "prog xapian-progsrv /srv/db <- " +
                                      d + "/news/XAPIANDB:7");
}

TEST_CASE("plain folders, tcp:// values and nested stubs are listed in order",
          "[database_set]") {
  TempDir dir;
  const std::string d = dir.path().string();
  make_db(dir / "plain");
  make_db(dir / "a/shard-0");
  write_file(dir / "a/XAPIANDB", "auto shard-0\nauto ../b.stub\n");
  write_file(dir / "b.stub", "remote h:1\n");
  CHECK(shards_of(d + "/plain") == "local " + d + "/plain");
  CHECK(shards_of("tcp://h:2") == "tcp h:2");
  CHECK(shards_of(d + "/missing") == "local " + d + "/missing");  // reported when opened
  CHECK(shards_of(d + "/a") == "local " + d + "/a/shard-0 <- " + d +
                                   "/a/XAPIANDB:1 | "
                                   "tcp h:1 <- " +
                                   d + "/b.stub:1");
}

TEST_CASE("bad stub lines and loops are errors naming the file and line",
          "[database_set]") {
  TempDir dir;
  const std::string d = dir.path().string();
  struct Row {
    const char* why;
    const char* stub;
    std::string message;
  };
  const Row rows[] = {
      {"unknown type", "auto x\nbogus y\n",
       d + "/s:2: error: not a stub line ('auto PATH' or 'remote HOST:PORT')"},
      {"auto without a path", "auto\n",
       d + "/s:1: error: not a stub line ('auto PATH' or 'remote HOST:PORT')"},
      {"remote without a port", "remote host\n",
       d + "/s:1: remote must be HOST:PORT with a port from 1 to 65535, got 'host'"},
      {"a stub listing itself", "auto s\n",
       "stub '" + d + "/s' lists stubs more than 8 deep; is there a loop?"},
  };
  for (const Row& row : rows) {
    INFO(row.why);
    write_file(dir / "s", row.stub);
    CHECK_THROWS_WITH(vnews::list_shards(d + "/s"), row.message);
  }
}

TEST_CASE("the searcher opens a folder holding a database and a stub as the database",
          "[database_set]") {
  // What a merge cut short after its last rename leaves: the merged database,
  // beside the stub of shards it was deleting (shard_merge.h).
  TempDir dir;
  const std::string d = dir.path().string();
  make_db(dir / "news");
  write_file(dir / "news/XAPIANDB", "auto shard-0\nauto shard-1\n");
  CHECK(shards_of(d + "/news") == "local " + d + "/news");
  CHECK(vnews::open_database_set({d + "/news"}, false).shards == 1);
}

TEST_CASE("a missing shard is an error naming it, or left out with allow_partial",
          "[database_set]") {
  TempDir dir;
  const std::string d = dir.path().string();
  make_db(dir / "news/shard-0");
  write_file(dir / "news/XAPIANDB", "auto shard-0\nauto shard-1\n");
  const std::string message = "shard '" + d + "/news/shard-1' (listed in '" + d +
                              "/news/XAPIANDB:2') does not exist";
  CHECK_THROWS_WITH(vnews::open_database_set({d + "/news"}, false), message);

  const vnews::DatabaseSet set = vnews::open_database_set({d + "/news"}, true);
  CHECK(set.shards == 2);
  CHECK(set.missing == std::vector<std::string>{message});
  CHECK(set.db.size() == 1);
  // The shards that opened, in the database's order (docids interleave them).
  REQUIRE(set.opened.size() == 1);
  CHECK(set.opened[0].location == d + "/news/shard-0");
}

TEST_CASE("allow_partial still fails when no shard opens", "[database_set]") {
  TempDir dir;
  const std::string d = dir.path().string();
  write_file(dir / "empty.stub", "# nothing listed\n");
  CHECK_THROWS_WITH(vnews::open_database_set({d + "/nope"}, true),
                    "no shard could be opened; database '" + d + "/nope' does not exist");
  CHECK_THROWS_WITH(vnews::open_database_set({d + "/empty.stub"}, true),
                    "the stubs list no database to search");
}

TEST_CASE("a server that is down is named with the reason", "[database_set]") {
  // Port 1 on loopback: nothing listens there on a test machine.
  CHECK_THROWS_WITH(vnews::open_database_set({"tcp://127.0.0.1:1"}, false),
                    Catch::StartsWith("database 'tcp://127.0.0.1:1' is unreachable: "
                                      "Couldn't connect"));
}

TEST_CASE(
    "a shard left out by allow_partial is named in each answer, and searched again "
    "once it opens",
    "[database_set]") {
  const vnews::test::SmallIndex first(
      vnews::test::Articles{{"a.txt", "Giá vàng hôm nay\n\nGiá vàng tăng."}});
  const vnews::test::SmallIndex second(
      vnews::test::Articles{{"b.txt", "Giá vàng thế giới\n\nGiá vàng thế giới giảm."}});
  TempDir dir;
  const std::filesystem::path later = dir / "later";
  write_file(dir / "news.stub", "auto " + first.db() + "\nauto " + later.string() + "\n");
  vnews::Searcher searcher({(dir / "news.stub").string()}, true);
  searcher.retry_missing_shards_every(std::chrono::hours(1));

  vnews::SearchResult result = searcher.search("giá vàng", 0, 10);
  REQUIRE(result.missing_shards.size() == 1);
  CHECK_THAT(result.missing_shards[0], Catch::Contains(later.string()));
  CHECK(result.total == 1);
  CHECK_THROWS_WITH(searcher.article("b.txt"),
                    Catch::Contains("in the shards searched (1 could not be opened)"));

  std::filesystem::copy(second.db(), later, std::filesystem::copy_options::recursive);
  CHECK(searcher.search("giá vàng", 0, 10).total == 1);  // not tried again yet
  searcher.retry_missing_shards_every(std::chrono::seconds(0));
  // Opened in the background: searched from a request after that.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  do {
    result = searcher.search("giá vàng", 0, 10);
  } while (!result.missing_shards.empty() && std::chrono::steady_clock::now() < deadline);
  CHECK(result.missing_shards.empty());
  CHECK(result.total == 2);
  CHECK(searcher.missing_shards().empty());
}
