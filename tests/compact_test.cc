// The documented way to merge shards into one database: xapian-compact, run
// on the folder holding the shards' stub.
#include <xapian.h>

#include <catch2/catch.hpp>

#include "run/searcher.h"
#include "sharded_sample.h"
#include "test_util.h"

using vnews::test::run;
using vnews::test::ShardedSample;
using vnews::test::shell_quote;

TEST_CASE("xapian-compact merges shards into a database with the same answers",
          "[compact]") {
  const ShardedSample& sample = ShardedSample::get();
  vnews::test::TempDir dir;
  const std::string merged = (dir / "merged.db").string();
  const auto r = run(std::string(VNEWS_XAPIAN_COMPACT) + " " +
                     shell_quote(sample.sharded().string()) + " " + shell_quote(merged));
  INFO(r.out << r.err);
  REQUIRE(r.status == 0);

  CHECK(Xapian::Database(merged).size() == 1);
  CHECK(Xapian::Database(merged).get_doccount() ==
        Xapian::Database(sample.sharded().string()).get_doccount());
  vnews::Searcher shards({sample.sharded().string()});
  vnews::Searcher compacted({merged});
  vnews::Searcher single({sample.single().string()});
  for (const std::string& query : sample.queries()) {
    const std::string expected = vnews::test::result_set_of(shards, query);
    CHECK(vnews::test::result_set_of(compacted, query) == expected);
    CHECK(vnews::test::result_set_of(single, query) == expected);
  }
}
