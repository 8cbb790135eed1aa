#include "vnews/article_reader.h"

#include <catch2/catch.hpp>

#include "test_util.h"

using vnews::InvalidUtf8;
using vnews::parse_text_article;

TEST_CASE("three lines give title, lead and body", "[reader]") {
  const auto a = parse_text_article("Tiêu đề\nSapo ngắn.\nĐoạn một.\nĐoạn hai.\n",
                                    "a.txt", InvalidUtf8::kSkip);
  CHECK(a.title == "Tiêu đề");
  CHECK(a.lead == "Sapo ngắn.");
  CHECK(a.body == "Đoạn một.\nĐoạn hai.");
}

TEST_CASE("one line is a title only", "[reader]") {
  const auto a = parse_text_article("Chỉ có tiêu đề", "a.txt", InvalidUtf8::kSkip);
  CHECK(a.title == "Chỉ có tiêu đề");
  CHECK(a.lead.empty());
  CHECK(a.body.empty());
}

TEST_CASE("CRLF line ends, a BOM and blank lines are ignored", "[reader]") {
  const auto a = parse_text_article("\xEF\xBB\xBF\r\nTiêu đề\r\n\r\nSapo\r\nThân bài\r\n",
                                    "a.txt", InvalidUtf8::kSkip);
  CHECK(a.title == "Tiêu đề");
  CHECK(a.lead == "Sapo");
  CHECK(a.body == "Thân bài");
}

TEST_CASE("an empty or blank file is rejected with its name", "[reader]") {
  REQUIRE_THROWS_WITH(parse_text_article("", "empty.txt", InvalidUtf8::kSkip),
                      "empty.txt: error: file is empty");
  REQUIRE_THROWS_WITH(parse_text_article(" \n\t\n", "blank.txt", InvalidUtf8::kSkip),
                      "blank.txt: error: file is empty");
}

TEST_CASE("a NUL byte marks a binary file", "[reader]") {
  REQUIRE_THROWS_WITH(
      parse_text_article(std::string("ab\0c", 4), "bin.txt", InvalidUtf8::kSkip),
      "bin.txt: error: NUL byte at offset 2; not a text file");
}

TEST_CASE("invalid UTF-8 is reported with its byte offset", "[reader]") {
  REQUIRE_THROWS_WITH(parse_text_article("Tiêu \xFF đề", "bad.txt", InvalidUtf8::kSkip),
                      "bad.txt: error: invalid UTF-8 at byte offset 6");
}

TEST_CASE("replace mode keeps an invalid file with U+FFFD", "[reader]") {
  const auto a = parse_text_article("Tiêu \xFF đề", "bad.txt", InvalidUtf8::kReplace);
  CHECK(a.title == "Tiêu \xEF\xBF\xBD đề");
}

TEST_CASE("a missing file is reported with its path and reason", "[reader]") {
  REQUIRE_THROWS_WITH(
      vnews::read_text_article("/nonexistent/x.txt", InvalidUtf8::kSkip),
      "/nonexistent/x.txt: error: cannot open: No such file or directory");
}

TEST_CASE("a file is read whole from disk", "[reader]") {
  vnews::test::TempDir dir;
  vnews::test::write_file(dir / "a.txt", "Tiêu đề\nSapo\nThân");
  CHECK(vnews::read_text_article(dir / "a.txt", InvalidUtf8::kSkip).body == "Thân");
}

TEST_CASE("a file over the size limit is rejected without being read whole", "[reader]") {
  vnews::test::TempDir dir;
  // One 50 MB line: analyzing it used to take minutes and gigabytes.
  const std::string line(50 * 1024 * 1024, 'a');
  vnews::test::write_file(dir / "huge.txt", line);
  REQUIRE_THROWS_WITH(
      vnews::read_text_article(dir / "huge.txt", InvalidUtf8::kSkip),
      (dir / "huge.txt").string() + ": error: article is too large: over 4194304 bytes");
  const std::string at_limit = "T\n" + std::string(vnews::kMaxArticleBytes - 2, 'b');
  CHECK(parse_text_article(at_limit, "a.txt", InvalidUtf8::kSkip).title == "T");
  REQUIRE_THROWS_WITH(parse_text_article(at_limit + "b", "b.txt", InvalidUtf8::kSkip),
                      "b.txt: error: article is too large: over 4194304 bytes");
}
