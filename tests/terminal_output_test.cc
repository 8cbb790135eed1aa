// vnews-search's output for people and scripts (terminal conventions, TSV
// and JSON for scripts), run as a program over a small dated corpus.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "test_util.h"
#include "vnews/terminal.h"

using vnews::test::run;
using vnews::test::RunResult;
using vnews::test::shell_quote;
using vnews::test::TempDir;
using vnews::test::write_file;

namespace {

const std::string kIndex = VNEWS_INDEX_BIN;
const std::string kSearch = VNEWS_SEARCH_BIN;

// Three dated articles, indexed once.
const std::string& dated_db() {
  static TempDir dir;
  static const std::string db = [] {
    write_file(dir / "corpus/news/storm.txt",
               "# date = 2021-04-26\n# source = Dân trí\nBão số 3 đổ bộ miền Trung\n"
               "Cơn bão mạnh nhất năm gây mưa lớn ở các tỉnh miền Trung.\n"
               "Hàng nghìn hộ dân phải sơ tán trước khi bão đổ bộ vào đất liền.");
    write_file(dir / "corpus/news/price.txt",
               "# date = 20200115\nGiá vàng tăng\nGiá vàng miếng tăng mạnh.\nThân bài.");
    write_file(dir / "corpus/sport/ball.txt",
               "Bóng đá Việt Nam\nĐội tuyển thắng.\nCác cầu thủ chơi tốt trước bão.");
    return vnews::test::index_folder(kIndex, dir / "corpus", dir / "db");
  }();
  return db;
}

RunResult search(const std::string& args, const std::string& input = "",
                 const std::string& env = "") {
  return run(env + " " + kSearch + " --db " + shell_quote(dated_db()) + " " + args,
             input);
}

}  // namespace

TEST_CASE("colour follows --color, NO_COLOR and TERM=dumb as ripgrep and git do",
          "[terminal]") {
  using vnews::ColorMode;
  CHECK(vnews::wants_color(ColorMode::kAlways, false));
  CHECK_FALSE(vnews::wants_color(ColorMode::kNever, true));
  CHECK_FALSE(vnews::wants_color(ColorMode::kAuto, false));
  ::setenv("TERM", "xterm", 1);
  ::unsetenv("NO_COLOR");
  CHECK(vnews::wants_color(ColorMode::kAuto, true));
  ::setenv("NO_COLOR", "1", 1);
  CHECK_FALSE(vnews::wants_color(ColorMode::kAuto, true));
  CHECK(vnews::wants_color(ColorMode::kAlways, true));
  ::setenv("NO_COLOR", "", 1);  // empty: not set
  CHECK(vnews::wants_color(ColorMode::kAuto, true));
  ::setenv("TERM", "dumb", 1);
  CHECK_FALSE(vnews::wants_color(ColorMode::kAuto, true));
  ::unsetenv("NO_COLOR");
}

TEST_CASE("lines wrap at word boundaries with a hanging indent, escapes taking no room",
          "[terminal]") {
  CHECK(vnews::wrap("một hai ba bốn năm", 10, 3, "   ") == "một hai\n   ba bốn\n   năm");
  CHECK(vnews::wrap("id  [cat]  score", 12, 3, "   ") == "id  [cat]\n   score");
  CHECK(vnews::wrap("averyveryverylongword x", 8, 0, "  ") ==
        "averyveryverylongword\n  x");
  CHECK(vnews::wrap("a b", 0, 0, "") == "a b");
  CHECK(vnews::display_width("\x1b[1;33mThu\xCC\x9B\x1b[0m") == 3);  // NFD ư
  CHECK(vnews::display_width("北京") == 4);
}

TEST_CASE("text output wraps to $COLUMNS and prints exactly this under TERM=dumb",
          "[terminal]") {
  const RunResult r = search("--fields rank,title,date,snippet 'bão miền Trung'", "",
                             "TERM=dumb COLUMNS=40");
  CHECK(r.status == 0);
  const std::string expected =
      "1 result for 'bão miền Trung' (X ms)\n"
      "\n"
      "1. **Bão** số 3 đổ bộ **miền Trung**\n"
      "   2021-04-26\n"
      "   Cơn **bão** mạnh nhất năm gây mưa lớn\n"
      "   ở các tỉnh **miền Trung**. Hàng nghìn\n"
      "   hộ dân phải sơ tán trước khi **bão**\n"
      "   đổ bộ vào đất liền\n";
  std::string out = r.out;
  const std::size_t ms = out.find(" ms)");
  REQUIRE(ms != std::string::npos);
  out.replace(out.rfind('(', ms) + 1, ms - out.rfind('(', ms) - 1, "X");
  CHECK(out == expected);
}

TEST_CASE("dates print as YYYY-MM-DD in every format", "[terminal]") {
  CHECK(search("--format tsv --fields id,date 'giá vàng'").out ==
        "news/price.txt\t2020-01-15\n");
  const auto j = nlohmann::json::parse(search("--json --fields date 'giá vàng'").out);
  CHECK(j["hits"][0]["date"] == "2020-01-15");
  CHECK_THAT(search("--fields date 'giá vàng'").out, Catch::Contains("\n\n2020-01-15\n"));
}

TEST_CASE("json hits leave out the fields an article lacks, and mark title matches",
          "[terminal]") {
  const auto j = nlohmann::json::parse(search("--json 'bóng đá'").out);
  const auto& hit = j["hits"][0];
  CHECK(hit["category"] == "sport");
  CHECK_FALSE(hit.contains("date"));
  CHECK_FALSE(hit.contains("source"));
  CHECK(hit["title_highlights"] == nlohmann::json::parse("[[0, 7]]"));
  const auto storm = nlohmann::json::parse(search("--json 'bão số 3'").out)["hits"][0];
  CHECK(storm["source"] == "Dân trí");
}

TEST_CASE("batch TSV rows carry the query and facet rows, errors going to stderr",
          "[terminal]") {
  const RunResult r = search("--batch --format tsv --fields id --facet category",
                             "giá vàng\n\n# a comment\n  \nbão date:2021-02-30\nbão\n");
  CHECK(r.status == 2);
  CHECK(r.out ==
        "giá vàng\tnews/price.txt\n"
        "giá vàng\t#facet\tcategory\tnews\t1\n"
        "bão\tnews/storm.txt\n"
        "bão\tsport/ball.txt\n"
        "bão\t#facet\tcategory\tnews\t1\n"
        "bão\t#facet\tcategory\tsport\t1\n");
  CHECK(r.err == "error: bad date '2021-02-30': that day does not exist\n");
}

TEST_CASE(
    "a batch read from --queries - comes from stdin, and a folder or a missing file "
    "is an error",
    "[terminal]") {
  const RunResult r = search("--queries - --format tsv --fields id", "giá vàng\n");
  CHECK(r.status == 0);
  CHECK(r.out == "giá vàng\tnews/price.txt\n");
  TempDir dir;
  const RunResult folder = search("--queries " + shell_quote(dir.path().string()));
  CHECK(folder.status == 2);
  CHECK_THAT(folder.err, Catch::Contains("is a folder, not a file of queries"));
  const RunResult missing = search("--queries /nonexistent/queries.txt");
  CHECK(missing.status == 2);
  CHECK_THAT(missing.err,
             Catch::Contains("cannot open --queries '/nonexistent/queries.txt'"));
}

TEST_CASE("a single JSON query that fails prints its error object and exits 2",
          "[terminal]") {
  const RunResult r = search("--json 'date:2021-04-31 bão'");
  CHECK(r.status == 2);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["error"] == "bad date '2021-04-31': that day does not exist");
  CHECK(j["query"] == "date:2021-04-31 bão");
  CHECK_THAT(r.err, Catch::StartsWith("vnews-search: bad date"));
}

TEST_CASE("a count prints the number alone, exit 1 when it is 0", "[terminal]") {
  CHECK(search("--count bão").out == "2\n");
  const RunResult none = search("--count 'bão giá'");
  CHECK(none.out == "0\n");
  CHECK(none.status == 1);
  CHECK(search("--count --json 'giá vàng'").out ==
        "{\"query\":\"giá vàng\",\"count\":1}\n");
}

TEST_CASE("show prints one stored article whole in every format, and names an unknown id",
          "[terminal]") {
  const RunResult text = search("--show news/storm.txt", "", "COLUMNS=200");
  CHECK(text.status == 0);
  CHECK(text.out ==
        "Bão số 3 đổ bộ miền Trung\n"
        "news/storm.txt  [news]  2021-04-26  Dân trí\n"
        "\n"
        "Cơn bão mạnh nhất năm gây mưa lớn ở các tỉnh miền Trung.\n"
        "\n"
        "Hàng nghìn hộ dân phải sơ tán trước khi bão đổ bộ vào đất liền.\n");
  const auto j = nlohmann::json::parse(search("--show news/storm.txt --json").out);
  CHECK(j["title"] == "Bão số 3 đổ bộ miền Trung");
  CHECK(j["date"] == "2021-04-26");
  CHECK(j["source"] == "Dân trí");
  CHECK(j["category"] == "news");
  CHECK(j["lead"] == "Cơn bão mạnh nhất năm gây mưa lớn ở các tỉnh miền Trung.");
  CHECK_FALSE(j.contains("url"));
  CHECK_THAT(search("--show news/storm.txt --format tsv").out,
             Catch::Contains("date\t2021-04-26\n"));
  const RunResult unknown = search("--show news/none.txt --json");
  CHECK(unknown.status == 2);
  CHECK(nlohmann::json::parse(unknown.out)["error"] ==
        "no article with id 'news/none.txt'");
  CHECK(unknown.err == "vnews-search: no article with id 'news/none.txt'\n");
  CHECK(search("--show news/storm.txt bão").status == 2);
  CHECK(search("--show ''").status == 2);
}

TEST_CASE("id: and source: filter the query", "[terminal]") {
  CHECK(search("--format tsv --fields id 'bão id:sport/ball.txt'").out ==
        "sport/ball.txt\n");
  CHECK(search("--format tsv --fields id 'bão source:\"dân trí\"'").out ==
        "news/storm.txt\n");
  CHECK(search("--format tsv --fields id 'bão -source:\"Dân trí\"'").out ==
        "sport/ball.txt\n");
}
