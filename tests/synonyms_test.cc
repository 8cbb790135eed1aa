#include "vnews/synonyms.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "test_util.h"
#include "vnews/error.h"

namespace {

// Returns the alternatives `table` gives for `query`, one "begin-end:text"
// each, joined by "; ", "(?)" marking an ambiguous group's.
std::string alternatives_of(const vnews::SynonymTable& table, const std::string& query) {
  vnews::Analyzer analyzer;
  const std::vector<vnews::Token> tokens = analyzer.analyze(query);
  std::string out;
  for (const vnews::SynonymAlternative& a : table.alternatives(tokens)) {
    if (!out.empty()) out += "; ";
    out += std::to_string(a.begin) + "-" + std::to_string(a.end) + ":" + a.form->text;
    if (a.group->ambiguous) out += "(?)";
  }
  return out;
}

vnews::SynonymTable parse(const std::string& text) {
  vnews::Analyzer analyzer;
  return vnews::SynonymTable::parse(text, "syn.txt", analyzer);
}

// Returns the forms of each group of `table`, "a = b" per group, "; " between.
std::string groups_of(const vnews::SynonymTable& table) {
  std::string out;
  for (const vnews::SynonymGroup& g : table.groups()) {
    if (!out.empty()) out += "; ";
    for (std::size_t i = 0; i < g.forms.size(); ++i) {
      out += (i ? " = " : "") + g.forms[i].text;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("the built-in abbreviations load, each entry with its forms", "[synonyms]") {
  const vnews::SynonymTable& table = vnews::SynonymTable::abbreviations();
  REQUIRE(table.groups().size() >= 300);
  std::size_t ambiguous = 0;
  for (const vnews::SynonymGroup& g : table.groups()) {
    INFO(g.origin);
    CHECK(g.origin.rfind("abbreviations.tsv:", 0) == 0);
    REQUIRE(g.forms.size() >= 2);
    CHECK(g.forms.front().abbreviation);
    CHECK_FALSE(g.forms.back().abbreviation);
    for (const vnews::SynonymForm& f : g.forms) CHECK_FALSE(f.tokens.empty());
    ambiguous += g.ambiguous;
  }
  CHECK(ambiguous > 20);
  CHECK(&vnews::SynonymTable::abbreviations() == &table);  // built once
}

TEST_CASE("an abbreviation finds its long form and the long form its abbreviation",
          "[synonyms]") {
  const vnews::SynonymTable& table = vnews::SynonymTable::abbreviations();
  struct Row {
    const char* why;
    const char* query;
    const char* expected;
  };
  const Row rows[] = {
      {"abbreviation", "UBND tỉnh", "0-1:ủy ban nhân dân"},
      {"long form, and an ambiguous form inside it", "ủy ban nhân dân tỉnh",
       "0-4:UBND; 0-2:UB(?)"},
      {"long form, new tone placement and capitals", "UỶ BAN NHÂN DÂN",
       "0-4:UBND; 0-2:UB(?)"},
      {"long form without diacritics", "uy ban nhan dan", "0-4:UBND; 0-2:UB(?)"},
      {"dotted abbreviation", "TP.HCM",
       "0-1:TPHCM; 0-1:TP HCM; 0-1:HCM; 0-1:thành phố hồ chí minh; 0-1:tp hồ chí minh"},
      {"a longer form is listed before the shorter runs it holds",
       "thành phố Hồ Chí Minh",
       "0-5:TP.HCM; 0-5:TPHCM; 0-5:TP HCM; 0-5:HCM; 0-5:tp hồ chí minh; 0-2:TP(?)"},
      {"two abbreviations in a query", "HLV CLB", "0-1:huấn luyện viên; 1-2:câu lạc bộ"},
      {"nothing to offer", "giá vàng hôm nay", ""},
      {"empty query", "", ""},
  };
  for (const Row& row : rows) {
    INFO(row.why);
    CHECK(alternatives_of(table, row.query) == row.expected);
  }
}

TEST_CASE("ambiguous abbreviations offer each meaning, marked", "[synonyms]") {
  const vnews::SynonymTable& table = vnews::SynonymTable::abbreviations();
  CHECK(alternatives_of(table, "ĐT") ==
        "0-1:đội tuyển(?); 0-1:đầu tư(?); 0-1:điện thoại(?)");
  CHECK(alternatives_of(table, "đội tuyển") == "0-2:ĐT(?)");
  CHECK(alternatives_of(table, "TP") == "0-1:thành phố(?)");
}

TEST_CASE("words typed with diacritics must match them, and unaccented ones match any",
          "[synonyms]") {
  const vnews::SynonymTable& table = vnews::SynonymTable::abbreviations();
  CHECK(alternatives_of(table, "NĐT") == "0-1:nhà đầu tư(?)");
  CHECK(alternatives_of(table, "NDT") == "0-1:nhà đầu tư(?); 0-1:nhân dân tệ(?)");
  CHECK(alternatives_of(table, "ủy bán nhân dân").empty());  // bán is not ban
}

TEST_CASE("a form's words must stand together in the query", "[synonyms]") {
  const vnews::SynonymTable& table = vnews::SynonymTable::abbreviations();
  CHECK(alternatives_of(table, "ủy ban, nhân dân") == "0-2:UB(?)");
  CHECK(alternatives_of(table, "câu lạc. bộ").empty());
}

TEST_CASE("a synonyms file gives one group a line", "[synonyms]") {
  const vnews::SynonymTable table = parse(
      "\xEF\xBB\xBF# our names\r\n"
      "\n"
      "  Sài Gòn = TP.HCM = thành phố Hồ Chí Minh  \r\n"
      "\t# indented comment\n"
      "Covid-19 = SARS-CoV-2 = virus corona mới\n");
  CHECK(groups_of(table) ==
        "Sài Gòn = TP.HCM = thành phố Hồ Chí Minh; Covid-19 = SARS-CoV-2 = virus corona "
        "mới");
  CHECK(table.groups()[0].origin == "syn.txt:3");
  CHECK(table.groups()[1].origin == "syn.txt:5");
  CHECK_FALSE(table.groups()[0].ambiguous);
  CHECK(alternatives_of(table, "sai gon") == "0-2:TP.HCM; 0-2:thành phố Hồ Chí Minh");
  CHECK(alternatives_of(table, "covid 19") == "0-2:SARS-CoV-2; 0-2:virus corona mới");
}

TEST_CASE("lines sharing a form are merged, cycles included", "[synonyms]") {
  CHECK(groups_of(parse("a = b\nc = d\nb = c\nd = a\n")) == "a = b = c = d");
  CHECK(groups_of(parse("x = y\ny = x\n")) == "x = y");
  CHECK(parse("a = b\nc = d\nb = c\n").groups()[0].origin == "syn.txt:1");
}

TEST_CASE("forms the analyzer makes the same count once", "[synonyms]") {
  CHECK(groups_of(parse("Covid-19 = covid 19 = COVID 19 = covid19\n")) ==
        "Covid-19 = covid19");
  CHECK(groups_of(parse("hoà = hòa\n")).empty());  // one form left: adds nothing
  CHECK(groups_of(parse("UBND = ubnd = ủy ban nhân dân = Uỷ ban nhân dân\n")) ==
        "UBND = ủy ban nhân dân");
}

TEST_CASE("an empty or comment-only file gives no group", "[synonyms]") {
  CHECK(parse("").groups().empty());
  CHECK(parse("\n\n# nothing\n   \n").groups().empty());
}

TEST_CASE("a malformed synonyms line is rejected with file:line", "[synonyms]") {
  struct Row {
    std::string text;
    const char* message;
  };
  const std::string long_line = "a = " + std::string(5000, 'b');
  std::string huge_group = "a0";
  for (int i = 1; i <= 40; ++i) huge_group.append(" = a").append(std::to_string(i));
  const Row rows[] = {
      {"a = b\nUBND\n", "syn.txt:2: error: expected forms separated by '=', got 'UBND'"},
      {"a = = b\n", "syn.txt:1: error: empty form"},
      {"= b\n", "syn.txt:1: error: empty form"},
      {"a =\n", "syn.txt:1: error: empty form"},
      {"a = !!! \n", "syn.txt:1: error: '!!!' has no word to search for"},
      {"a = \xF0\x9F\x98\x80\n",
       "syn.txt:1: error: '\xF0\x9F\x98\x80' has no word to search for"},
      {"a = một hai ba bốn năm sáu bảy tám chín mười mươi mốt hai\n",
       "syn.txt:1: error: 'một hai ba bốn năm sáu bảy tám chín mười mươi mốt hai' has "
       "more "
       "than "
       "12 words"},
      {"# ok\n\na = b\xFF\n", "syn.txt:3: error: invalid UTF-8"},
      {std::string("a = b\0c\n", 8), "syn.txt:1: error: NUL byte"},
      {long_line, "syn.txt:1: error: line is longer than 4096 bytes"},
      {huge_group,
       "syn.txt:1: error: group of 'a0' (syn.txt:1) has 41 forms, more than 32"},
  };
  for (const Row& row : rows) {
    INFO(row.message);
    REQUIRE_THROWS_AS(parse(row.text), vnews::InputError);
    REQUIRE_THROWS_WITH(parse(row.text), row.message);
  }
}

TEST_CASE("a group grown too large by merging names the line that did it", "[synonyms]") {
  std::string text;
  for (const char* name : {"a", "b"}) {
    for (int i = 0; i < 20; ++i)
      text.append(name).append(std::to_string(i)).append(" = shared\n");
  }
  REQUIRE_THROWS_WITH(
      parse(text),
      "syn.txt:32: error: group of 'a0' (syn.txt:1) has 33 forms, more than 32");
}

TEST_CASE("a synonyms file is read from disk, or its path named", "[synonyms]") {
  vnews::test::TempDir dir;
  vnews::test::write_file(dir / "syn.txt", "UBND = chính quyền tỉnh\n");
  vnews::Analyzer analyzer;
  const vnews::SynonymTable table =
      vnews::SynonymTable::read_file((dir / "syn.txt").string(), analyzer);
  CHECK(groups_of(table) == "UBND = chính quyền tỉnh");
  const std::string missing = (dir / "missing.txt").string();
  REQUIRE_THROWS_AS(vnews::SynonymTable::read_file(missing, analyzer), vnews::InputError);
  REQUIRE_THROWS_WITH(vnews::SynonymTable::read_file(missing, analyzer),
                      Catch::StartsWith(missing + ": error: "));
}
