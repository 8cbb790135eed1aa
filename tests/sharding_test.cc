// A database written as shards answers as the same database written whole.
#include <xapian.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <sstream>

#include "run/searcher.h"
#include "run_index.h"
#include "test_util.h"

using vnews::test::TempDir;

namespace {

std::string build(const TempDir& dir, const std::string& name, unsigned shards) {
  vnews::IndexOptions options;
  options.db = (dir / name).string();
  options.paths = {vnews::test::sample_corpus().string()};
  options.shards = shards;
  std::ostringstream errors;
  const vnews::IndexReport report = vnews::run_index(options, errors);
  REQUIRE(report.skipped + report.failed == 0);
  REQUIRE(report.shards == shards);
  return options.db;
}

// "id score" lines, ordered by score then id: equal scores may come in
// either docid order from two layouts.
std::string ranking(vnews::Searcher& searcher, const std::string& query) {
  std::vector<std::pair<double, std::string>> hits;
  for (const auto& h : searcher.search(query, 0, 100).hits) {
    hits.emplace_back(std::round(h.score * 1e6) / 1e6, h.article.id);
  }
  std::sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::ostringstream out;
  for (const auto& [score, id] : hits) out << id << ' ' << score << '\n';
  return out.str();
}

}  // namespace

TEST_CASE("a sharded database gives the same ids and scores as a single one",
          "[sharding]") {
  TempDir dir;
  const std::string single = build(dir, "single", 1);
  const std::string sharded = build(dir, "sharded", 3);
  REQUIRE(Xapian::Database(sharded).get_doccount() ==
          Xapian::Database(single).get_doccount());
  vnews::Searcher one({single});
  vnews::Searcher three({sharded});
  for (const char* query : {"thị trường châu Âu", "dien thoai xiaomi", "\"châu Âu\"",
                            "hòa", "bóng đá Hà Nội", "thuỵ điển"}) {
    INFO("query: " << query);
    const std::string expected = ranking(one, query);
    CHECK_FALSE(expected.empty());
    CHECK(ranking(three, query) == expected);
  }
}

TEST_CASE("each shard holds whole documents, none twice", "[sharding]") {
  TempDir dir;
  const std::string sharded = build(dir, "sharded", 2);
  Xapian::Database shard0(sharded + "/shard-0"), shard1(sharded + "/shard-1");
  CHECK(shard0.get_doccount() > 0);
  CHECK(shard1.get_doccount() > 0);
  Xapian::Database all(sharded);
  for (auto t = all.allterms_begin("Q"); t != all.allterms_end("Q"); ++t) {
    INFO(*t);
    CHECK(all.get_termfreq(*t) == 1);
  }
}
