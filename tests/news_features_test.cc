// One story once, related articles, one article by id, more fields and
// facets: vnews-search over corpus/stories (three copies of one story, a
// story on the same topic, another), run as a program.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test_util.h"

using vnews::test::run;
using vnews::test::RunResult;
using vnews::test::shell_quote;
using vnews::test::TempDir;

namespace {

const std::string kIndex = VNEWS_INDEX_BIN;
const std::string kSearch = VNEWS_SEARCH_BIN;

const std::string& stories_db() {
  static TempDir dir;
  static const std::string db = [] {
    return vnews::test::index_folder(
        kIndex, vnews::test::sample_corpus().parent_path() / "stories", dir / "db");
  }();
  return db;
}

RunResult search(const std::string& args) {
  return run(kSearch + " --db " + shell_quote(stories_db()) + " " + args);
}

nlohmann::json json_of(const std::string& args) {
  const RunResult r = search("--json " + args);
  INFO(r.err);
  REQUIRE(r.status <= 1);
  return nlohmann::json::parse(r.out);
}

std::vector<std::string> ids(const nlohmann::json& answer) {
  std::vector<std::string> out;
  for (const auto& hit : answer["hits"]) out.push_back(hit["id"]);
  return out;
}

const std::vector<std::string> kCopies = {
    "bao-so-5-quang-tri.txt", "quang-tri-so-tan-truoc-bao.txt", "bao-so-5-vao-bo.txt"};

bool is_copy(const std::string& id) {
  return std::find(kCopies.begin(), kCopies.end(), id) != kCopies.end();
}

}  // namespace

TEST_CASE(
    "copies of one story are shown once, the best ranked with the others as similar",
    "[news]") {
  const auto j = json_of("'bão Quảng Trị'");
  CHECK(j["total"] == 3);  // articles
  REQUIRE(j["hits"].size() == 1);
  const auto& hit = j["hits"][0];
  CHECK(is_copy(hit["id"]));
  REQUIRE(hit["similar"].size() == 2);
  for (const auto& id : hit["similar"]) CHECK(is_copy(id));
  CHECK(hit["similar"][0] != hit["id"]);
  // Every copy on its own with --no-collapse; another story stays apart.
  CHECK(json_of("--no-collapse 'bão Quảng Trị'")["hits"].size() == 3);
  const auto storms = json_of("bão");
  CHECK(storms["total"] == 4);
  CHECK(ids(storms).size() == 2);
  CHECK_THAT(search("'bão Quảng Trị'").out, Catch::Contains("and 2 similar (") &&
                                                Catch::Contains("copies of one story"));
  CHECK(search("--format tsv --fields id,similar 'bão Quảng Trị'").out.find(",") !=
        std::string::npos);
}

TEST_CASE("stories page on: the second page starts with the second story", "[news]") {
  const auto all = ids(json_of("--limit 2 bão"));
  REQUIRE(all.size() == 2);
  const auto second = json_of("--limit 1 --offset 1 bão");
  CHECK(ids(second) == std::vector<std::string>{all[1]});
  CHECK(second["hits"][0]["rank"] == 2);
}

TEST_CASE(
    "like lists the articles most like one, itself left out, with filters and sorts",
    "[news]") {
  const auto j = json_of("--no-collapse --like bao-so-5-quang-tri.txt");
  CHECK(j["like"] == "bao-so-5-quang-tri.txt");
  const auto found = ids(j);
  REQUIRE(found.size() >= 2);
  CHECK(is_copy(found[0]));
  CHECK(is_copy(found[1]));
  CHECK(std::find(found.begin(), found.end(), "bao-so-5-quang-tri.txt") == found.end());
  const auto dated =
      ids(json_of("--no-collapse --like bao-so-5-quang-tri.txt --until 2024-09-01"));
  CHECK(dated == std::vector<std::string>{"bao-so-3-quang-ninh.txt"});
  const auto newest = json_of("--no-collapse --sort date --like bao-so-5-quang-tri.txt");
  CHECK(newest["hits"][0]["date"] == "2024-09-19");
  CHECK(ids(json_of("--like bao-so-5-quang-tri.txt 'Quảng Ninh'")) ==
        std::vector<std::string>{"bao-so-3-quang-ninh.txt"});
  CHECK_THAT(search("--like bao-so-5-quang-tri.txt --fields id").out,
             Catch::StartsWith("3 results like 'bao-so-5-quang-tri.txt'"));
  const RunResult batch =
      run(kSearch + " --db " + shell_quote(stories_db()) + " --batch --json",
          "{\"like\": \"bao-so-5-quang-tri.txt\", \"limit\": 1}\n");
  CHECK(nlohmann::json::parse(batch.out)["hits"].size() == 1);
}

TEST_CASE("an unknown like id is an error naming it", "[news]") {
  const RunResult r = search("--like nope.txt");
  CHECK(r.status == 2);
  CHECK(r.err == "vnews-search: no article with id 'nope.txt'\n");
  CHECK(search("--like ''").status == 2);
}

TEST_CASE("facets count by source and by day, month or year, in every format", "[news]") {
  const auto j = json_of("--no-collapse --facet source --facet date:day bão");
  CHECK(j["facets"]["source"]["Báo Miền Trung"] == 2);
  CHECK(j["facets"]["source"]["Tin Nhanh Việt"] == 1);
  CHECK(j["facets"]["date"]["2024-09-18"] == 2);
  CHECK(j["facets"]["date"]["2024-08-02"] == 1);
  CHECK(json_of("--facet date bão")["facets"]["date"]["2024-09"] == 3);
  CHECK(json_of("--facet date:year bão")["facets"]["date"]["2024"] == 4);
  CHECK_THAT(search("--facet source --fields id bão").out,
             Catch::Contains("source:  Báo Miền Trung 2"));
  CHECK_THAT(search("--facet date --format tsv --fields id bão").out,
             Catch::Contains("#facet\tdate\t2024-09\t3\n"));
}

TEST_CASE("url: keeps a site and its subdomains, or the urls under a prefix", "[news]") {
  CHECK(json_of("--no-collapse 'url:example.vn bão'")["total"] == 2);
  CHECK(ids(json_of("'url:mientrung.example.vn bão'")) ==
        std::vector<std::string>{"bao-so-5-quang-tri.txt"});
  CHECK(ids(json_of("'url:https://tinnhanh.example.vn/xa-hoi/ bão'")) ==
        std::vector<std::string>{"quang-tri-so-tan-truoc-bao.txt"});
  CHECK(json_of("'url:nowhere.example.org bão'")["total"] == 0);
}
