// Runs the built vnews-index and vnews-search on corpus/ in a temporary folder
// and checks their stdout, stderr and exit status.
#include <xapian.h>

#include <algorithm>
#include <catch2/catch.hpp>
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
    return vnews::test::index_folder(kIndex, vnews::test::sample_corpus(),
                                     dir / "sample.db");
  }();
  return db;
}

RunResult search(const std::string& args, const std::string& input = "") {
  return run(kSearch + " --db " + shell_quote(sample_db()) + " " + args, input);
}

nlohmann::json search_json(const std::string& query, int limit = 3) {
  const RunResult r =
      search("--json --limit " + std::to_string(limit) + " -- " + shell_quote(query));
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
      {kSearch + " --db " + (dir / "not-a-db").string() + " hello",
       "is not a vnews database"},
      {kSearch + " --db " + sample_db() + " --limit 0 hello",
       "vnews-search: --limit must be a positive integer up to 100000, got '0'"},
      {kSearch + " --db " + sample_db() + " --offset -3 hello",
       "vnews-search: --offset must be a non-negative integer up to 100000, got '-3'"},
      {kSearch + " --db " + sample_db() + " -bão",
       "put '--' before the query: vnews-search --db DIR -- -bão"},
      {kSearch + " --db " + sample_db() + " -xiaomi thoai",
       "unrecognised option '-xiaomi'; to search for a word starting with '-', put '--' "
       "before the query: vnews-search --db DIR -- -xiaomi"},
      {kSearch + " --db " + sample_db() + " -dien thoai",
       "unrecognised option '-dien' ('-d' takes its value as a word of its own: '-d "
       "ien'); to search for a word starting with '-', put '--' before the query: "
       "vnews-search --db DIR -- -dien"},
      {kSearch + " --db " + sample_db() + " -n5 thoai",
       "unrecognised option '-n5' ('-n' takes its value as a word of its own: '-n 5')"},
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
      {"new marks, traditional file", "cà phê Thuỵ Điển",
       "business/ca-phe-thuy-dien.txt"},
      {"tone variant in a title", "cầm hòa Hàng Đẫy", "sport/ha-noi-fc-cam-hoa.txt"},
      {"quoted phrase", "\"thị trường căn hộ\"", "business/thi-truong-can-ho-tphcm.txt"},
      {"phrase and word", "\"châu Âu\" carbon",
       "world/chau-au-thue-carbon-bien-gioi.txt"},
      {"all-caps title", "giá vàng tăng mạnh", "business/gia-vang-tang-manh.txt"},
      {"NFD file", "mũi nhắc lại vắc xin Covid-19",
       "health/vac-xin-covid-19-nhac-lai-nfd.txt"},
      {"NFD file 2", "lừa đảo tiền ảo", "law/xet-xu-lua-dao-tien-ao-nfd.txt"},
      {"accent matters", "bán ô tô điện", "business/vinfast-ban-o-to-dien.txt"},
      {"unaccented, other folder", "hoc bong harvard",
       "education/hoc-bong-harvard-nu-sinh-tphcm.txt"},
      {"legal code", "Nghị định 100/2019/NĐ-CP",
       "law/nghi-dinh-100-phat-nong-do-con.txt"},
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
    CHECK(top["category"] ==
          std::string(row.expected).substr(0, std::string(row.expected).find('/')));
  }
}

TEST_CASE("every sample article is found in the top 3 by its own title", "[cli][e2e]") {
  std::string queries;
  std::vector<std::string> expected;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(vnews::test::sample_corpus())) {
    if (entry.path().extension() != ".txt") continue;
    const auto article =
        vnews::read_text_article(entry.path(), vnews::InvalidUtf8::kSkip);
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
  CHECK_THAT(r.out, Catch::Contains("1. **Xiaomi** mở"));  // title matches too
  CHECK_THAT(r.out, Catch::Contains("**điện thoại**"));
  CHECK(r.out.find('\x1b') == std::string::npos);
  const RunResult colored = search("--limit 1 --color=always xiaomi");
  CHECK_THAT(colored.out, Catch::Contains("\x1b[1;33m"));
}

TEST_CASE("batch mode answers one line per query and keeps going after errors", "[cli]") {
  const RunResult r =
      search("--batch --json --limit 2", "xiaomi\n?!\nzzzqqq\n\"châu Âu\n");
  CHECK(r.status == 2);  // one line failed
  std::istringstream lines(r.out);
  std::vector<nlohmann::json> answers;
  for (std::string line; std::getline(lines, line);)
    answers.push_back(nlohmann::json::parse(line));
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
  const RunResult r =
      run(kIndex + " --db " + (dir / "db").string() + " " + (dir / "corpus").string());
  CHECK(r.status == 1);
  CHECK_THAT(r.err, Catch::Contains("empty.txt: error: file is empty"));
  CHECK_THAT(r.err, Catch::Contains("bad.txt: error: invalid UTF-8 at byte offset 5"));
  CHECK_THAT(r.err,
             Catch::Contains("indexed 1, skipped 2, failed 0 (1 empty, 1 invalid "
                             "UTF-8); added 1, updated 0, unchanged 0, deleted 0 in"));
  const RunResult replaced =
      run(kIndex + " --on-invalid=replace --db " + (dir / "db2").string() + " " +
          (dir / "corpus").string());
  CHECK_THAT(replaced.err,
             Catch::Contains("indexed 2, skipped 1, failed 0 (1 empty); added 2, "
                             "updated 0, unchanged 0, deleted 0 in"));
}

TEST_CASE("the indexer refuses a database another indexer holds", "[cli]") {
  TempDir dir;
  write_file(dir / "corpus/a.txt", "Bài\nSapo\nThân");
  Xapian::WritableDatabase holder((dir / "db").string(), Xapian::DB_CREATE_OR_OPEN);
  const RunResult r =
      run(kIndex + " --db " + (dir / "db").string() + " " + (dir / "corpus").string());
  CHECK(r.status == 2);
  CHECK_THAT(r.err,
             Catch::StartsWith("vnews-index: database is locked by another indexer"));
}

TEST_CASE("a second indexer on a sharded database exits 2, the first is unharmed",
          "[cli]") {
  TempDir dir;
  write_file(dir / "corpus/a.txt", "Bài\nSapo\nThân");
  const std::string db = (dir / "db").string();
  REQUIRE(
      run(kIndex + " --shards 2 --db " + db + " " + (dir / "corpus").string()).status ==
      0);
  {
    Xapian::WritableDatabase first(db + "/shard-1", Xapian::DB_OPEN);
    const RunResult second =
        run(kIndex + " --db " + db + " " + (dir / "corpus").string());
    CHECK(second.status == 2);
    CHECK_THAT(second.err,
               Catch::StartsWith("vnews-index: database is locked by another indexer"));
    first.commit();
  }
  CHECK(Xapian::Database(db).get_doccount() == 1);
}

TEST_CASE("the indexer prints one summary line, and no progress off a terminal",
          "[cli]") {
  TempDir dir;
  write_file(dir / "corpus/a.txt", "Bài\nSapo\nThân");
  const RunResult r =
      run(kIndex + " --db " + (dir / "db").string() + " " + (dir / "corpus").string());
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK_THAT(r.err,
             Catch::StartsWith("vnews-index: indexed 1, skipped 0, failed 0; added 1, "
                               "updated 0, unchanged 0, deleted 0 in "));
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  CHECK(r.err.find('\r') == std::string::npos);
  const RunResult quiet =
      run(kIndex + " -q --db " + (dir / "db").string() + " " + (dir / "corpus").string());
  CHECK_THAT(quiet.err, Catch::Contains("added 0, updated 1"));
}

TEST_CASE("articles piped on the standard input are indexed", "[cli]") {
  TempDir dir;
  const RunResult r =
      run(kIndex + " --db " + (dir / "db").string() + " -",
          "{\"id\": \"x1\", \"title\": \"Bài qua ống\"}\n{\"title\": \"\n");
  CHECK(r.status == 1);
  CHECK_THAT(r.err, Catch::Contains("-:2: error: malformed JSON"));
  CHECK(Xapian::Database((dir / "db").string()).term_exists("Qx1"));
}

TEST_CASE("tsv prints the chosen fields, one hit per line", "[cli]") {
  const RunResult r =
      search("--format tsv --fields rank,id,category --limit 2 dien thoai xiaomi");
  CHECK(r.status == 0);
  CHECK(r.out ==
        "1\ttechnology/xiaomi-chau-au.txt\ttechnology\n"
        "2\ttechnology/mang-5g-phu-song.txt\ttechnology\n");
  const RunResult none = search("--format tsv zzzqqq");
  CHECK(none.status == 1);
  CHECK(none.out.empty());
}

TEST_CASE("json --fields keeps only the chosen hit keys", "[cli]") {
  const RunResult r = search("--json --fields id,snippet --limit 1 xiaomi");
  const auto j = nlohmann::json::parse(r.out);
  const auto& hit = j["hits"][0];
  CHECK(hit.size() == 3);
  CHECK(hit.contains("highlights"));
  CHECK(j["suggestions"].is_array());
  const RunResult bad = search("--fields id,colour xiaomi");
  CHECK(bad.status == 2);
  CHECK_THAT(bad.err, Catch::Contains("--fields: unknown field 'colour'"));
}

TEST_CASE("text --fields shows only the chosen fields of each hit", "[cli]") {
  const RunResult r = search("--color never --fields rank,id --limit 1 xiaomi");
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains("\n1. technology/xiaomi-chau-au.txt\n"));
  CHECK_THAT(r.out, !Catch::Contains("score"));
  CHECK_THAT(r.out, !Catch::Contains("**"));
  const RunResult titles = search("--color never --fields title --limit 1 xiaomi");
  CHECK_THAT(titles.out, !Catch::Contains("technology/"));
  CHECK_THAT(titles.out, Catch::Contains("Xiaomi"));
}

TEST_CASE("facets count the matches per category", "[cli]") {
  const RunResult r =
      search("--json --limit 1 --facet category 'category:sport OR xiaomi'");
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["facets"]["category"]["sport"] == 5);
  CHECK(j["facets"]["category"]["technology"] == 2);
  const RunResult text = search("--limit 1 --facet category xiaomi");
  CHECK_THAT(text.out, Catch::Contains("category:  technology 2"));
}

TEST_CASE("did you mean is shown to people and in JSON", "[cli]") {
  const RunResult r = search("xiaomj");
  CHECK(r.status == 1);
  CHECK(r.out == "no results for 'xiaomj'\ndid you mean: xiaomi\n");
  const auto j = search_json("dien thoai");
  CHECK(j["suggestions"] == nlohmann::json::array({"điện thoại"}));
}

TEST_CASE(
    "batch lines may be JSON with their own options, and errors keep the batch going",
    "[cli]") {
  const std::string input =
      "{\"q\": \"xiaomi\", \"limit\": 1}\n"
      "{\"q\": \"xiaomi\", \"limt\": 1}\n"
      "{broken\n"
      "{\"q\": \"category:sport\", \"sort\": \"date\", \"limit\": 5}\n"
      "date:2017-99\n";
  const RunResult r = search("--batch --json --limit 3", input);
  CHECK(r.status == 2);
  std::istringstream lines(r.out);
  std::vector<nlohmann::json> answers;
  for (std::string line; std::getline(lines, line);)
    answers.push_back(nlohmann::json::parse(line));
  REQUIRE(answers.size() == 5);
  CHECK(answers[0]["hits"].size() == 1);
  CHECK(answers[1]["query"] == "xiaomi");
  CHECK_THAT(answers[1]["error"].get<std::string>(),
             Catch::StartsWith("unknown key \"limt\""));
  CHECK(answers[2]["error"] == "line is not a valid JSON object");
  CHECK(answers[3]["hits"].size() == 5);
  CHECK_THAT(answers[4]["error"].get<std::string>(),
             Catch::StartsWith("bad date '2017-99'"));
}

TEST_CASE("a batch is read from the file that --queries names", "[cli]") {
  TempDir dir;
  write_file(dir / "q.txt", "xiaomi\nzzzqqq\n");
  const RunResult r =
      search("--json --limit 1 --queries " + shell_quote((dir / "q.txt").string()));
  CHECK(r.status == 0);
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 2);
  const RunResult missing = search("--queries /nonexistent/q.txt");
  CHECK(missing.status == 2);
  CHECK_THAT(missing.err, Catch::Contains("cannot open --queries '/nonexistent/q.txt'"));
}

TEST_CASE("paging with --offset continues where the last page stopped", "[cli]") {
  const auto all = search_json("thị trường", 6);
  REQUIRE(all["hits"].size() == 6);
  const RunResult page = search("--json --offset 3 --limit 3 'thị trường'");
  const auto j = nlohmann::json::parse(page.out);
  REQUIRE(j["hits"].size() == 3);
  for (int i = 0; i < 3; ++i) {
    CHECK(j["hits"][i]["id"] == all["hits"][i + 3]["id"]);
    CHECK(j["hits"][i]["rank"] == i + 4);
  }
}

TEST_CASE("bad option values exit 2 with one message", "[cli]") {
  const std::pair<std::string, std::string> rows[] = {
      {"--sort size x", "sort must be relevance, date or recency, got 'size'"},
      {"--since 2017-13 x", "--since: bad date '2017-13'"},
      {"--since 2018 --until 2017 x", "--since is after --until"},
      {"--facet author x",
       "facet must be category, source, date, date:day, date:month or "
       "date:year, got 'author'"},
      {"--facet date --facet date:day x", "facet date asked for twice"},
      {"--format xml x", "--format must be text, json or tsv, got 'xml'"},
      {"-- " + std::string(5000, 'a'), "is too long: 5000 bytes, at most 4096"},
      {"-- xiaomi " + std::string(150, 'a'), "has a word too long to search for"},
      {"--since 2021-02-30 x", "--since: bad date '2021-02-30': that day does not exist"},
      {"--until 2021-04-31 x", "--until: bad date '2021-04-31': that day does not exist"},
      {"'x date:2021-04-31'", "bad date '2021-04-31': that day does not exist"},
  };
  for (const auto& [args, message] : rows) {
    INFO(args.substr(0, 60));
    const RunResult r = search(args);
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Catch::Contains(message));
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') <= 2);
  }
}

TEST_CASE("json answers stay valid for control characters and bad bytes", "[cli]") {
  const RunResult r =
      search("--batch --json --limit 1", std::string("xiaomi \x01\x1f\xff\xc3 \"\\\n"));
  const auto j = nlohmann::json::parse(r.out);
  CHECK_FALSE(j["hits"].empty());
  CHECK(j["query"].get<std::string>().find("\xEF\xBF\xBD") != std::string::npos);
}
