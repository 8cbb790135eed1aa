#include "vnews/corpus_reader.h"

#include <catch2/catch.hpp>

#include "vnews/article_reader.h"
#include "vnews/error.h"

using vnews::InvalidUtf8;

TEST_CASE("dantri headers give url, date and source, and text follows",
          "[corpus_reader]") {
  const vnews::Article a = vnews::parse_dantri_article(
      "# doc_id = news_1\n# url = https://dantri.com.vn/a.htm\n# date = 20201001\n"
      "# source = Dân trí\n# mood = ignored\nTiêu đề\nSapo\nĐoạn một\nĐoạn hai\n",
      "a.txt", InvalidUtf8::kSkip);
  CHECK(a.url == "https://dantri.com.vn/a.htm");
  CHECK(a.date == "20201001");
  CHECK(a.source == "Dân trí");
  CHECK(a.title == "Tiêu đề");
  CHECK(a.lead == "Sapo");
  CHECK(a.body == "Đoạn một\nĐoạn hai");
}

TEST_CASE("a wrong header date is reported with its line", "[corpus_reader]") {
  REQUIRE_THROWS_WITH(
      vnews::parse_dantri_article("# doc_id = x\n# date = 2021-13-45\nTiêu đề\n",
                                  "bad.txt", InvalidUtf8::kSkip),
      "bad.txt:2: error: '# date' is not a date: '2021-13-45'");
}

TEST_CASE("a dantri file with headers only is empty", "[corpus_reader]") {
  REQUIRE_THROWS_WITH(vnews::parse_dantri_article("# doc_id = x\n# date = 20200101\n",
                                                  "h.txt", InvalidUtf8::kSkip),
                      "h.txt: error: file is empty");
}

TEST_CASE("JSON lines map the common field names", "[corpus_reader]") {
  const vnews::Article a = vnews::parse_jsonl_article(
      R"({"doc_id": 7, "title": " Tiêu đề ", "sapo": "Sapo", "content": ["Một", "Hai"],)"
      R"( "link": "https://x.vn/a", "published_at": "2020-10-01T08:00:00+07:00",)"
      R"( "topic": "Thể thao", "author": "Báo X", "extra": {"nested": true}})",
      "f.jsonl:3", InvalidUtf8::kSkip);
  CHECK(a.id == "7");
  CHECK(a.title == "Tiêu đề");
  CHECK(a.lead == "Sapo");
  CHECK(a.body == "Một\nHai");
  CHECK(a.url == "https://x.vn/a");
  CHECK(a.date == "20201001");
  CHECK(a.category == "Thể thao");
  CHECK(a.source == "Báo X");
  const vnews::Article b = vnews::parse_jsonl_article(
      R"({"title": "T", "description": "D", "text": "B", "date": 1601545000})",
      "f.jsonl:4", InvalidUtf8::kSkip);
  CHECK(b.id.empty());
  CHECK(b.lead == "D");
  CHECK(b.body == "B");
  CHECK(b.date == "20201001");
}

TEST_CASE("bad JSON lines are reported as path:line", "[corpus_reader]") {
  struct Row {
    const char* line;
    const char* message;
  };
  const Row rows[] = {
      {R"({"title": "x",)", "f.jsonl:9: error: malformed JSON"},  // cut short
      {R"(["title"])", "f.jsonl:9: error: a JSON line must hold an object"},
      {R"({"url": "https://x"})", "f.jsonl:9: error: article has no title and no body"},
      {R"({"title": "x", "date": "hôm qua"})",
       "f.jsonl:9: error: 'date' is not a date: 'hôm qua'"},
      {"{\"title\": \"x\xFF\"}", "f.jsonl:9: error: invalid UTF-8 at byte offset 12"},
      {"{\"title\": \"x\"}\0",
       "f.jsonl:9: error: NUL byte at offset 14; not a text file"},
  };
  for (const Row& row : rows) {
    const std::string line(
        row.line,
        std::string_view(row.line).size() +
            (std::string_view(row.message).find("NUL") != std::string_view::npos ? 1
                                                                                 : 0));
    INFO(row.line);
    REQUIRE_THROWS_WITH(vnews::parse_jsonl_article(line, "f.jsonl:9", InvalidUtf8::kSkip),
                        row.message);
  }
}

TEST_CASE("a JSON line over the article size limit is reported as path:line",
          "[corpus_reader]") {
  const std::string line = "{\"title\": \"x\", \"body\": \"" +
                           std::string(vnews::kMaxArticleBytes, 'a') + "\"}";
  REQUIRE_THROWS_WITH(vnews::parse_jsonl_article(line, "f.jsonl:3", InvalidUtf8::kSkip),
                      "f.jsonl:3: error: article is too large: over 4194304 bytes");
}

TEST_CASE("invalid UTF-8 in a JSON line can be replaced", "[corpus_reader]") {
  const vnews::Article a = vnews::parse_jsonl_article("{\"title\": \"x\xFFy\"}",
                                                      "f.jsonl:1", InvalidUtf8::kReplace);
  CHECK(a.title == "x\xEF\xBF\xBDy");
}
