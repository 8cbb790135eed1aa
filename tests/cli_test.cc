// Runs the built vnews-index and vnews-search on corpus/ in a temporary folder
// and checks their stdout, stderr and exit status.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "test_util.h"
#include "vnews/article_reader.h"

using vnews::test::run;
using vnews::test::RunResult;
using vnews::test::shell_quote;
using vnews::test::TempDir;
using vnews::test::write_file;

namespace {

const std::string kIndex = VNEWS_INDEX_BIN;
const std::string kSearch = VNEWS_SEARCH_BIN;

// The sample corpus indexed once for all tests of this file.
const std::string& sample_db() {
  static TempDir dir;
  static const std::string db = [] {
    const std::string path = (dir / "sample.db").string();
    const RunResult r = run(kIndex + " --db " + shell_quote(path) + " " +
                            shell_quote(vnews::test::sample_corpus().string()));
    if (r.status != 0) FAIL("indexing corpus/sample failed: " << r.err);
    return path;
  }();
  return db;
}

RunResult search(const std::string& args, const std::string& input = "") {
  return run(kSearch + " --db " + shell_quote(sample_db()) + " " + args, input);
}

nlohmann::json search_json(const std::string& query, int limit = 3) {
  const RunResult r = search("--json --limit " + std::to_string(limit) + " -- " +
                             shell_quote(query));
  INFO(r.err);
  REQUIRE(r.status <= 1);
  return nlohmann::json::parse(r.out);
}

}  // namespace

TEST_CASE("both programs print help and exit 0", "[cli]") {
  for (const std::string& bin : {kIndex, kSearch}) {
    const RunResult r = run(bin + " --help");
    CHECK(r.status == 0);
    CHECK_THAT(r.out, Catch::StartsWith("Usage: vnews-"));
  }
}

TEST_CASE("bad command lines exit 2 with one clear message", "[cli]") {
  struct Row {
    std::string command;
    std::string message;
  };
  TempDir dir;
  write_file(dir / "not-a-db/file.txt", "x");
  const Row rows[] = {
      {kIndex + " --db " + (dir / "db").string() + " /nonexistent/corpus",
       "vnews-index: cannot open '/nonexistent/corpus': No such file or directory"},
      {kIndex + " /tmp", "vnews-index: missing --db DIR"},
      {kIndex + " --db " + (dir / "db").string(), "vnews-index: missing PATH to index"},
      {kIndex + " --db " + (dir / "db").string() + " --format xml /tmp",
       "vnews-index: --format must be 'auto', 'txt', 'dantri' or 'jsonl', got 'xml'"},
      {kIndex + " --db " + (dir / "db").string() + " --shards 0 /tmp",
       "vnews-index: --shards must be between 1 and 256, got '0'"},
      {kIndex + " --db " + (dir / "not-a-db").string() + " " +
           vnews::test::sample_corpus().string(),
       "' exists and is not a Xapian database"},
      {kSearch + " --db /nonexistent/db hello",
       "vnews-search: database '/nonexistent/db' does not exist"},
      {kSearch + " --db " + (dir / "not-a-db").string() + " hello", "is not a vnews database"},
      {kSearch + " --db " + sample_db() + " --limit 0 hello",
       "vnews-search: --limit must be a positive number up to 100000, got '0'"},
      {kSearch + " --db " + sample_db(), "vnews-search: missing QUERY"},
      {kSearch + " --db " + sample_db() + " --bogus x", "unrecognised option '--bogus'"},
      {kSearch + " --db " + sample_db() + " '?!'",
       "vnews-search: query '?!' has no word to search for"},
  };
  for (const Row& row : rows) {
    INFO(row.command);
    const RunResult r = run(row.command);
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Catch::Contains(row.message));
    CHECK(r.out.empty());
  }
}

TEST_CASE("a query that finds nothing exits 1", "[cli]") {
  const RunResult r = search("zzzqqq");
  CHECK(r.status == 1);
  CHECK(r.out == "no results for 'zzzqqq'\n");
}

TEST_CASE("sample queries return the expected article first, highlighted", "[cli][e2e]") {
  struct Row {
    const char* why;
    const char* query;
    const char* expected;
  };
  const Row rows[] = {
      {"unaccented", "dien thoai xiaomi", "technology/xiaomi-chau-au.txt"},
      {"traditional marks, new-style file", "Xiaomi Thụy Điển thỏa thuận",
       "technology/xiaomi-chau-au.txt"},
      {"new marks, traditional file", "cà phê Thuỵ Điển", "business/ca-phe-thuy-dien.txt"},
      {"tone variant in a title", "cầm hòa Hàng Đẫy", "sport/ha-noi-fc-cam-hoa.txt"},
      {"quoted phrase", "\"thị trường căn hộ\"", "business/thi-truong-can-ho-tphcm.txt"},
      {"phrase and word", "\"châu Âu\" carbon", "world/chau-au-thue-carbon-bien-gioi.txt"},
      {"all-caps title", "giá vàng tăng mạnh", "business/gia-vang-tang-manh.txt"},
      {"NFD file", "mũi nhắc lại vắc xin Covid-19",
       "health/vac-xin-covid-19-nhac-lai-nfd.txt"},
      {"NFD file 2", "lừa đảo tiền ảo", "law/xet-xu-lua-dao-tien-ao-nfd.txt"},
      {"accent matters", "bán ô tô điện", "business/vinfast-ban-o-to-dien.txt"},
      {"unaccented, other folder", "hoc bong harvard",
       "education/hoc-bong-harvard-nu-sinh-tphcm.txt"},
      {"legal code", "Nghị định 100/2019/NĐ-CP", "law/nghi-dinh-100-phat-nong-do-con.txt"},
      {"abbreviations", "UBND TP.HCM marathon", "sport/marathon-quoc-te-tphcm.txt"},
      {"brand and number", "iPhone 15", "technology/iphone-15-len-ke.txt"},
  };
  for (const Row& row : rows) {
    INFO(row.why << ": " << row.query);
    const auto j = search_json(row.query);
    REQUIRE_FALSE(j["hits"].empty());
    const auto& top = j["hits"][0];
    CHECK(top["id"] == row.expected);
    CHECK_FALSE(top["highlights"].empty());
    CHECK(top["category"] == std::string(row.expected).substr(0, std::string(row.expected).find('/')));
  }
}

TEST_CASE("every sample article is found in the top 3 by its own title", "[cli][e2e]") {
  std::string queries;
  std::vector<std::string> expected;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(vnews::test::sample_corpus())) {
    if (entry.path().extension() != ".txt") continue;
    const auto article = vnews::read_text_article(entry.path(), vnews::InvalidUtf8::kSkip);
    queries += article.title + "\n";
    expected.push_back(
        entry.path().lexically_relative(vnews::test::sample_corpus()).generic_string());
  }
  REQUIRE(expected.size() >= 40);
  const RunResult r = search("--batch --json --limit 3", queries);
  CHECK(r.status == 0);
  std::istringstream lines(r.out);
  std::size_t i = 0;
  for (std::string line; std::getline(lines, line); ++i) {
    REQUIRE(i < expected.size());
    const auto j = nlohmann::json::parse(line);
    std::vector<std::string> ids;
    for (const auto& hit : j["hits"]) ids.push_back(hit["id"]);
    INFO(j["query"] << " -> " << expected[i]);
    CHECK(std::find(ids.begin(), ids.end(), expected[i]) != ids.end());
  }
  CHECK(i == expected.size());
}

TEST_CASE("plain output marks highlights with ** when not on a terminal", "[cli]") {
  const RunResult r = search("--limit 1 dien thoai xiaomi");
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains("1. Xiaomi"));
  CHECK_THAT(r.out, Catch::Contains("**điện thoại**"));
  CHECK(r.out.find('\x1b') == std::string::npos);
  const RunResult colored = search("--limit 1 --color=always xiaomi");
  CHECK_THAT(colored.out, Catch::Contains("\x1b[1;33m"));
}

TEST_CASE("batch mode answers one line per query and keeps going after errors", "[cli]") {
  const RunResult r = search("--batch --json --limit 2", "xiaomi\n?!\nzzzqqq\n\"châu Âu\n");
  CHECK(r.status == 2);  // one line failed
  std::istringstream lines(r.out);
  std::vector<nlohmann::json> answers;
  for (std::string line; std::getline(lines, line);) answers.push_back(nlohmann::json::parse(line));
  REQUIRE(answers.size() == 4);
  CHECK(answers[0]["hits"].size() == 2);
  CHECK(answers[1]["error"] == "query '?!' has no word to search for");
  CHECK(answers[2]["total"] == 0);
  CHECK(answers[3]["query"] == "\"châu Âu");
}

TEST_CASE("the indexer exits 1 and reports each skipped file", "[cli]") {
  TempDir dir;
  write_file(dir / "corpus/good.txt", "Bài tốt\nSapo\nThân");
  write_file(dir / "corpus/empty.txt", "");
  write_file(dir / "corpus/bad.txt", "Bài \xC3 hỏng");
  const RunResult r = run(kIndex + " --db " + (dir / "db").string() + " " +
                          (dir / "corpus").string());
  CHECK(r.status == 1);
  CHECK_THAT(r.err, Catch::Contains("empty.txt: error: file is empty"));
  CHECK_THAT(r.err, Catch::Contains("bad.txt: error: invalid UTF-8 at byte offset 5"));
  CHECK_THAT(r.err, Catch::Contains("indexed 1, skipped 2, failed 0 (1 empty, 1 invalid "
                                    "UTF-8); added 1, updated 0, unchanged 0, deleted 0 in"));
  const RunResult replaced = run(kIndex + " --on-invalid=replace --db " +
                                 (dir / "db2").string() + " " + (dir / "corpus").string());
  CHECK_THAT(replaced.err, Catch::Contains("indexed 2, skipped 1, failed 0 (1 empty); added 2, "
                                           "updated 0, unchanged 0, deleted 0 in"));
}

TEST_CASE("the indexer refuses a database another indexer holds", "[cli]") {
  TempDir dir;
  write_file(dir / "corpus/a.txt", "Bài\nSapo\nThân");
  Xapian::WritableDatabase holder((dir / "db").string(), Xapian::DB_CREATE_OR_OPEN);
  const RunResult r = run(kIndex + " --db " + (dir / "db").string() + " " +
                          (dir / "corpus").string());
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Catch::StartsWith("vnews-index: database is locked by another indexer"));
}

TEST_CASE("a second indexer on a sharded database exits 2, the first is unharmed",
          "[cli]") {
  TempDir dir;
  write_file(dir / "corpus/a.txt", "Bài\nSapo\nThân");
  const std::string db = (dir / "db").string();
  REQUIRE(run(kIndex + " --shards 2 --db " + db + " " + (dir / "corpus").string()).status == 0);
  {
    Xapian::WritableDatabase first(db + "/shard-1", Xapian::DB_OPEN);
    const RunResult second = run(kIndex + " --db " + db + " " + (dir / "corpus").string());
    CHECK(second.status == 2);
    CHECK_THAT(second.err,
               Catch::StartsWith("vnews-index: database is locked by another indexer"));
    first.commit();
  }
  CHECK(Xapian::Database(db).get_doccount() == 1);
}

TEST_CASE("the indexer prints one summary line, and no progress off a terminal", "[cli]") {
  TempDir dir;
  write_file(dir / "corpus/a.txt", "Bài\nSapo\nThân");
  const RunResult r = run(kIndex + " --db " + (dir / "db").string() + " " +
                          (dir / "corpus").string());
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::StartsWith("vnews-index: indexed 1, skipped 0, failed 0; added 1, "
                                      "updated 0, unchanged 0, deleted 0 in "));
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  CHECK(r.err.find('\r') == std::string::npos);
  const RunResult quiet = run(kIndex + " -q --db " + (dir / "db").string() + " " +
                              (dir / "corpus").string());
  CHECK_THAT(quiet.err, Catch::Contains("added 0, updated 1"));
}

TEST_CASE("articles piped on the standard input are indexed", "[cli]") {
  TempDir dir;
  const RunResult r = run(kIndex + " --db " + (dir / "db").string() + " -",
                          "{\"id\": \"x1\", \"title\": \"Bài qua ống\"}\n{\"title\": \"\n");
  CHECK(r.status == 1);
  CHECK_THAT(r.err, Catch::Contains("-:2: error: malformed JSON"));
  CHECK(Xapian::Database((dir / "db").string()).term_exists("Qx1"));
}
