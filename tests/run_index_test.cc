#include "run_index.h"

#include <unistd.h>
#include <xapian.h>

#include <catch2/catch.hpp>
#include <sstream>

#include "test_util.h"
#include "vnews/error.h"
#include "vnews/schema.h"
#include "vnews/stable_hash.h"

using vnews::test::TempDir;
using vnews::test::write_file;

namespace {

vnews::IndexOptions options_for(const TempDir& dir, const std::string& root = "corpus") {
  vnews::IndexOptions options;
  options.db = (dir / "db").string();
  options.paths = {(dir / root).string()};
  return options;
}

}  // namespace

TEST_CASE("re-indexing the same article keeps one document", "[indexer]") {
  TempDir dir;
  write_file(dir / "corpus/a.txt", "Tiêu đề một\nSapo\nThân bài");
  std::ostringstream errors;
  vnews::run_index(options_for(dir), errors);
  write_file(dir / "corpus/a.txt", "Tiêu đề mới\nSapo\nThân bài");
  const auto report = vnews::run_index(options_for(dir), errors);
  CHECK(report.indexed == 1);
  Xapian::Database db((dir / "db").string());
  CHECK(db.get_doccount() == 1);
  CHECK(db.term_exists("mới"));
  CHECK_FALSE(db.term_exists("một"));
}

TEST_CASE("empty, unreadable and invalid UTF-8 files are reported and the run goes on",
          "[indexer]") {
  TempDir dir;
  write_file(dir / "corpus/good.txt", "Bài tốt\nSapo\nThân");
  write_file(dir / "corpus/empty.txt", "");
  write_file(dir / "corpus/bad.txt", "Bài \xFF hỏng");
  write_file(dir / "corpus/locked.txt", "Bài khóa");
  std::filesystem::permissions(dir / "corpus/locked.txt", std::filesystem::perms::none);
  const bool can_lock = getuid() != 0;  // root reads everything
  std::ostringstream errors;
  const auto report = vnews::run_index(options_for(dir), errors);
  CHECK(report.indexed == (can_lock ? 1 : 2));
  CHECK(report.skipped == 2);
  CHECK(report.failed == (can_lock ? 1 : 0));
  const std::string messages = errors.str();
  CHECK_THAT(messages, Catch::Contains("empty.txt: error: file is empty"));
  CHECK_THAT(messages, Catch::Contains("bad.txt: error: invalid UTF-8 at byte offset 5"));
  if (can_lock) CHECK_THAT(messages, Catch::Contains("locked.txt: error: cannot open"));
  CHECK(Xapian::Database((dir / "db").string()).term_exists("tốt"));
}

TEST_CASE("the category is the first folder level under the root", "[indexer]") {
  TempDir dir;
  write_file(dir / "corpus/sport/derby/a.txt", "Trận derby\nSapo\nThân");
  std::ostringstream errors;
  vnews::run_index(options_for(dir), errors);
  Xapian::Database db((dir / "db").string());
  CHECK(db.term_exists("Qsport/derby/a.txt"));
  CHECK(db.term_exists("XCATsport"));
}

TEST_CASE("a --db that is not a Xapian database is refused", "[indexer]") {
  TempDir dir;
  write_file(dir / "corpus/a.txt", "Tiêu đề");
  write_file(dir / "db/notes.txt", "not a database");
  std::ostringstream errors;
  REQUIRE_THROWS_WITH(
      vnews::run_index(options_for(dir), errors),
      "--db '" + (dir / "db").string() + "' exists and is not a Xapian database");
  CHECK_FALSE(std::filesystem::exists(dir / "db/iamglass"));
}

TEST_CASE("a database held by another writer is refused", "[indexer]") {
  TempDir dir;
  write_file(dir / "corpus/a.txt", "Tiêu đề");
  Xapian::WritableDatabase holder((dir / "db").string(), Xapian::DB_CREATE_OR_OPEN);
  std::ostringstream errors;
  REQUIRE_THROWS_AS(vnews::run_index(options_for(dir), errors),
                    Xapian::DatabaseLockError);
}

TEST_CASE("many files keep their order and all get indexed", "[indexer]") {
  TempDir dir;
  for (int i = 0; i < 300; ++i) {
    write_file(dir / ("corpus/" + std::to_string(i) + ".txt"),
               "Bài số " + std::to_string(i) + "\nSapo\nThân bài");
  }
  vnews::IndexOptions options = options_for(dir);
  options.threads = 3;
  std::ostringstream errors;
  CHECK(vnews::run_index(options, errors).indexed == 300);
  Xapian::Database db((dir / "db").string());
  CHECK(db.get_doccount() == 300);
}

TEST_CASE("a sharded database held by another indexer is refused", "[indexer]") {
  TempDir dir;
  write_file(dir / "corpus/a.txt", "Tiêu đề");
  vnews::IndexOptions options = options_for(dir);
  options.shards = 2;
  std::ostringstream errors;
  vnews::run_index(options, errors);
  Xapian::WritableDatabase holder((dir / "db/shard-1").string(), Xapian::DB_OPEN);
  options.shards = 0;
  REQUIRE_THROWS_AS(vnews::run_index(options, errors), Xapian::DatabaseLockError);
}

TEST_CASE("JSON Lines, dantri and plain text are indexed side by side", "[indexer]") {
  TempDir dir;
  write_file(
      dir / "corpus/feed.jsonl",
      "{\"id\": \"j1\", \"title\": \"Bài JSON\", \"date\": \"2021-04-11\", "
      "\"url\": \"https://x.vn/j1\", \"source\": \"Báo X\", \"category\": \"Thể thao\"}\n"
      "\n"
      "{\"title\": \"Không có id\"}\n"
      "{\"title\": \"hỏng\",\n"
      "{\"url\": \"https://x.vn/no-text\"}\n");
  write_file(dir / "corpus/d.txt",
             "# doc_id = d1\n# url = https://dantri.com.vn/d1.htm\n# date = 20201001\n"
             "Bài dantri\nSapo\nThân");
  write_file(dir / "corpus/bad-date.txt", "# doc_id = d2\n# date = 2020-02-31\nBài\n");
  std::ostringstream errors;
  const auto report = vnews::run_index(options_for(dir), errors);
  CHECK(report.added == 3);
  CHECK(report.skipped == 3);
  const std::string feed = (dir / "corpus/feed.jsonl").string();
  CHECK_THAT(errors.str(), Catch::Contains(feed + ":4: error: malformed JSON"));
  CHECK_THAT(errors.str(),
             Catch::Contains(feed + ":5: error: article has no title and no body"));
  CHECK_THAT(errors.str(),
             Catch::Contains("bad-date.txt:2: error: '# date' is not a date: "
                             "'2020-02-31'"));
  Xapian::Database db((dir / "db").string());
  CHECK(db.get_doccount() == 3);
  REQUIRE(db.term_exists("Qj1"));
  REQUIRE(db.term_exists("Qfeed.jsonl:3"));
  REQUIRE(db.term_exists("Qd.txt"));
  const Xapian::Document j1 = db.get_document(*db.postlist_begin("Qj1"));
  CHECK(j1.get_value(vnews::schema::kDateSlot) == "20210411");
  CHECK(db.term_exists("Uhttps://x.vn/j1"));
  CHECK(db.term_exists(std::string(vnews::schema::kSourcePrefix) + "báo x"));
  CHECK(db.term_exists("XCATthể thao"));
  const Xapian::Document d = db.get_document(*db.postlist_begin("Qd.txt"));
  CHECK(d.get_value(vnews::schema::kDateSlot) == "20201001");
  CHECK(db.term_exists("Uhttps://dantri.com.vn/d1.htm"));
}

TEST_CASE("a forced format decides how files are read", "[indexer]") {
  TempDir dir;
  write_file(dir / "corpus/a.txt", "{\"title\": \"Tiêu đề JSON\"}\n");
  vnews::IndexOptions options = options_for(dir);
  std::ostringstream errors;
  vnews::run_index(options, errors);
  CHECK(Xapian::Database(options.db).term_exists("Qa.txt"));  // plain text by default
  options.db = (dir / "db2").string();
  options.format = vnews::input_format_named("jsonl");
  vnews::run_index(options, errors);
  CHECK(Xapian::Database(options.db).term_exists("Qa.txt:1"));
}

TEST_CASE("the standard input is read for '-', as one article or JSON lines",
          "[indexer]") {
  TempDir dir;
  vnews::IndexOptions options;
  options.db = (dir / "db").string();
  options.paths = {"-"};
  std::ostringstream errors;
  const std::string article = "Bài từ stdin\nSapo\nThân";
  std::istringstream text(article);
  CHECK(vnews::run_index(options, errors, text).added == 1);
  const std::string line = "{\"title\": \"Hai\"}";
  std::istringstream lines("{\"id\": \"s1\", \"title\": \"Một\"}\n" + line + "\n");
  CHECK(vnews::run_index(options, errors, lines).added == 2);
  Xapian::Database db(options.db);
  CHECK(db.term_exists("Qstdin:" + vnews::stable_hash_hex(article)));
  CHECK(db.term_exists("Qs1"));
  CHECK(db.term_exists("Qstdin:" + vnews::stable_hash_hex(line)));
}

TEST_CASE("articles piped one by one get ids that do not collide", "[indexer]") {
  TempDir dir;
  vnews::IndexOptions options;
  options.db = (dir / "db").string();
  options.paths = {"-"};
  std::ostringstream errors;
  for (const char* text : {"Bài một\nSapo", "Bài hai\nSapo", "Bài một\nSapo"}) {
    std::istringstream in(text);
    vnews::run_index(options, errors, in);
  }
  options.stdin_id = "ghi-chu/1";
  std::istringstream named("Bài ba\nSapo");
  CHECK(vnews::run_index(options, errors, named).added == 1);
  Xapian::Database db(options.db);
  CHECK(db.get_doccount() == 3);  // the same article sent twice is one document
  CHECK(db.term_exists("Qghi-chu/1"));
}

TEST_CASE("an id given for JSON Lines on the standard input is refused", "[indexer]") {
  TempDir dir;
  vnews::IndexOptions options;
  options.db = (dir / "db").string();
  options.paths = {"-"};
  options.stdin_id = "x";
  std::ostringstream errors;
  std::istringstream lines("{\"title\": \"Một\"}\n");
  REQUIRE_THROWS_WITH(vnews::run_index(options, errors, lines),
                      "--id names one article, and the standard input holds JSON Lines "
                      "(give each line its \"id\")");
  CHECK_FALSE(std::filesystem::exists(dir / "db"));
}

TEST_CASE("ugly inputs are reported and the run goes on", "[indexer]") {
  TempDir dir;
  write_file(dir / "corpus/good.txt", "Bài tốt\nSapo\nThân");
  write_file(dir / "corpus/nul.txt", std::string("Bài\0có NUL", 11));
  std::string binary;
  for (int i = 0; i < 4096; ++i) binary += static_cast<char>(i * 7 % 256);
  write_file(dir / "corpus/image.txt", binary);
  write_file(dir / "corpus/blank.txt", "\n \r\n\t\n");
  write_file(dir / "corpus/t\xE9n-latin1.txt", "Tên tệp không phải UTF-8");
  std::filesystem::create_symlink("loop.txt", dir / "corpus/loop.txt");
  std::filesystem::create_symlink("missing.txt", dir / "corpus/dangling.txt");
  std::string big = "Một dòng rất dài";
  while (big.size() < 50 * 1024 * 1024) big += " tin tức mới nhất hôm nay";
  write_file(dir / "corpus/huge.txt", big);
  std::ostringstream errors;
  const auto report = vnews::run_index(options_for(dir), errors);
  const std::string messages = errors.str();
  INFO(messages);
  CHECK(report.added == 2);  // good, latin1 name
  CHECK(report.skipped == 4);
  CHECK(report.failed == 2);
  CHECK_THAT(messages, Catch::Contains("nul.txt: error: NUL byte at offset 4"));
  CHECK_THAT(messages, Catch::Contains("image.txt: error: NUL byte at offset 0"));
  CHECK_THAT(messages, Catch::Contains("blank.txt: error: file is empty"));
  CHECK_THAT(messages,
             Catch::Contains("huge.txt: error: article is too large: over 4194304 "
                             "bytes"));
  CHECK_THAT(messages, Catch::Contains("loop.txt: error: cannot open: Too many levels"));
  CHECK_THAT(messages, Catch::Contains("dangling.txt: error: cannot open: No such file"));
  Xapian::Database db((dir / "db").string());
  CHECK(db.term_exists("Qt\xEF\xBF\xBDn-latin1.txt"));  // the id is made valid UTF-8
  CHECK_FALSE(db.term_exists("Qhuge.txt"));
}
