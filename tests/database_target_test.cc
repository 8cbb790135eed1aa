// Opening the database vnews-index writes to, local or served by
// `xapian-tcpsrv --writable`.
#include "database_target.h"

#include <xapian.h>

#include <catch2/catch.hpp>

#include "run/searcher.h"
#include "sharded_sample.h"
#include "tcp_server.h"
#include "test_util.h"

using vnews::test::run;
using vnews::test::RunResult;
using vnews::test::shell_quote;
using vnews::test::TcpServer;
using vnews::test::TempDir;

namespace {

const std::string kIndex = VNEWS_INDEX_BIN;

}  // namespace

TEST_CASE("tcp:// targets are remote, any other value a local folder",
          "[database_target]") {
  CHECK(vnews::is_remote_target("tcp://127.0.0.1:7000"));
  CHECK_FALSE(vnews::is_remote_target("news.db"));
  CHECK_FALSE(vnews::is_remote_target("tcp:news.db"));
}

TEST_CASE("a missing local target is created, with its parent folders",
          "[database_target]") {
  TempDir dir;
  for (const std::string name : {"new.db", "news.db/shard-0"}) {
    INFO(name);
    Xapian::WritableDatabase db = vnews::open_target((dir / name).string());
    CHECK(db.get_doccount() == 0);
    CHECK(std::filesystem::exists(dir / name / "iamglass"));
  }
}

TEST_CASE("vnews-index writes to a writable remote database",
          "[database_target][remote]") {
  TempDir dir;
  TcpServer server(dir / "remote.db", /*writable=*/true);
  const std::string corpus = shell_quote(vnews::test::sample_corpus().string());
  const RunResult first = run(kIndex + " --db " + server.url() + " " + corpus);
  INFO(first.err);
  CHECK(first.status == 0);
  CHECK_THAT(first.err,
             Catch::StartsWith("vnews-index: indexed 41, skipped 0, failed 0"));
  const RunResult again = run(kIndex + " --db " + server.url() + " " + corpus);
  CHECK(again.status == 0);  // replaced, not added: still 41 documents below
  server.stop();

  CHECK(Xapian::Database((dir / "remote.db").string()).get_doccount() == 41);
  CHECK_FALSE(
      std::filesystem::exists("tcp:"));  // nothing written to a local "tcp:" folder
  const RunResult local =
      run(kIndex + " --db " + shell_quote((dir / "local.db").string()) + " " + corpus);
  REQUIRE(local.status == 0);
  vnews::Searcher remote_built({(dir / "remote.db").string()});
  vnews::Searcher local_built({(dir / "local.db").string()});
  // The same documents and scores; not the same document numbers (a local
  // build is merged from shards), which order results of equal score.
  for (const std::string& query : vnews::test::ShardedSample::get().queries()) {
    CHECK(vnews::test::result_set_of(remote_built, query) ==
          vnews::test::result_set_of(local_built, query));
  }
}

TEST_CASE("vnews-index names a remote database it cannot write to and exits 2",
          "[database_target][remote]") {
  TempDir dir;
  vnews::test::write_file(dir / "corpus/a.txt", "Bài\nSapo\nThân");
  const std::string corpus = shell_quote((dir / "corpus").string());
  std::string down;
  {
    TcpServer server(vnews::test::ShardedSample::get().shard(0));
    down = server.url();
    const RunResult read_only = run(kIndex + " --db " + server.url() + " " + corpus);
    CHECK(read_only.status == 2);
    CHECK_THAT(read_only.err, Catch::StartsWith("vnews-index: cannot write to '" +
                                                server.url() + "': "));
  }
  const RunResult r = run(kIndex + " --db " + down + " " + corpus);
  CHECK(r.status == 2);
  CHECK(r.err == "vnews-index: cannot write to '" + down +
                     "': Couldn't connect (Connection refused)\n");
  const RunResult bad = run(kIndex + " --db tcp://localhost " + corpus);
  CHECK(bad.status == 2);
  CHECK_THAT(bad.err,
             Catch::StartsWith("vnews-index: --db must be tcp://HOST:PORT with a "
                               "port from 1 to 65535, got 'tcp://localhost'\n"));
}
