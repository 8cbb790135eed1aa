#include "vnews/word_forms.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

namespace {

// Returns the joined form of each word of `text`, "-" for none, space-separated.
std::string joined_of(const std::string& text) {
  vnews::Analyzer analyzer;
  std::string out;
  for (const vnews::Token& t : analyzer.analyze(text)) {
    if (!out.empty()) out += ' ';
    const std::string joined = vnews::joined_form(t);
    out += joined.empty() ? "-" : joined;
  }
  return out;
}

// Returns the parts of `word`, "term[begin,end)" each, '+' before a joined one.
std::string parts_of(const std::string& word) {
  vnews::Analyzer analyzer;
  std::string out;
  for (const vnews::Token& t : vnews::word_parts(word, analyzer)) {
    if (t.joined) out += '+';
    out.append(t.term).append("[").append(std::to_string(t.begin)).append(",");
    out.append(std::to_string(t.end)).append(")");
  }
  return out;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += ' ';
    out += p;
  }
  return out;
}

}  // namespace

TEST_CASE("dotted words and grouped numbers have a joined form", "[word_forms]") {
  struct Row {
    const char* why;
    const char* text;
    const char* expected;
  };
  const Row rows[] = {
      {"dotted abbreviation", "TP.HCM tp.hcm", "tphcm tphcm"},
      {"a dot between a letter and a digit splits the word", "Q.1 U.20", "- - - -"},
      {"thousands with dots and with commas", "1.000 1,000 24.000.000",
       "1000 1000 24000000"},
      {"decimals, dates and versions are other numbers", "1,5 3.5 3.6.2017 2.0 1,50",
       "- - - - -"},
      {"separators mixed or misplaced", "1.000,5 1,000.5 1.0000 1234.567", "- - - -"},
      {"a join that is a word is left out", "T.Ư M.U", "- -"},
      {"domain names", "VOV.VN vnexpress.net", "vovvn vnexpressnet"},
      {"e-mail addresses are searched as written", "lienhe@baotang.vn", "-"},
      {"words without inner dots", "TPHCM Covid-19 1000 điện thoại", "- - - - - -"},
      {"NFD and capitals", "PGS.TS GS.TS", "pgsts gsts"},
  };
  for (const Row& row : rows) {
    INFO(row.why);
    CHECK(joined_of(row.text) == row.expected);
  }
}

TEST_CASE("a query word splits at dots, letter-digit junctions and camel case",
          "[word_forms]") {
  struct Row {
    const char* why;
    std::string word;
    const char* expected;
  };
  const Row rows[] = {
      {"dotted", "TP.HCM", "tp[0,2)+hcm[3,6)"},
      {"letters and digits", "covid19", "covid[0,5)+19[5,7)"},
      {"several junctions", "H5N1", "h[0,1)+5[1,2)+n[2,3)+1[3,4)"},
      {"camel case", "LienVietPostBank", "lien[0,4)+viet[4,8)+post[8,12)+bank[12,16)"},
      {"camel case with Vietnamese letters", "LiênViệt", "liên[0,5)+việt[5,11)"},
      {"a capital after one letter is not a junction", "iPhone7", "iphone[0,6)+7[6,7)"},
      {"NFD marks stay with their letter", "Vie\xCC\xA3\xCC\x82tNam",
       "việt[0,8)+nam[8,11)"},
      {"i/y spelling of each part", "TiVi", "ty[0,2)+vi[2,4)"},
      {"one part", "xiaomi", ""},
      {"capitals only", "TPHCM", ""},
      {"numbers are left whole", "1.000", ""},
      {"a decimal", "1,5", ""},
      {"a date", "3.6.2017", ""},
      {"an e-mail address", "lienhe@baotang.vn", ""},
      {"empty", "", ""},
      {"invalid UTF-8 separates",
       "ab\xFF"
       "cd",
       "ab[0,2)+cd[3,5)"},
  };
  for (const Row& row : rows) {
    INFO(row.why);
    CHECK(parts_of(row.word) == row.expected);
  }
}

TEST_CASE("adjacent query words join into one", "[word_forms]") {
  vnews::Analyzer analyzer;
  const std::vector<vnews::Token> tokens =
      analyzer.analyze("Covid-19 tại TP HCM, Lien Viet");
  REQUIRE(tokens.size() == 7);
  CHECK(vnews::joined_word(tokens, 0, 2) == "covid19");
  CHECK(vnews::joined_word(tokens, 3, 5) == "tphcm");  // the joined form of TP.HCM
  CHECK(vnews::joined_word(tokens, 5, 7) == "lienviet");
  CHECK(vnews::joined_word(tokens, 2, 3) == "tai");
}

TEST_CASE("a joined word splits into terms whose pairs the index holds", "[word_forms]") {
  const std::set<std::string> terms = {"tp",   "hcm",      "lien", "viet", "post",
                                       "bank", "lienviet", "li",   "en"};
  const std::set<std::string> pairs = {"tp hcm", "lien viet", "viet post", "post bank"};
  std::size_t asked = 0;
  const vnews::TermTest is_term = [&](std::string_view t) {
    ++asked;
    return terms.count(std::string(t)) > 0;
  };
  const vnews::PairTest is_pair = [&](std::string_view l, std::string_view r) {
    ++asked;
    return pairs.count(std::string(l) + " " + std::string(r)) > 0;
  };
  CHECK(joined(vnews::split_word("tphcm", is_term, is_pair)) == "tp hcm");
  CHECK(joined(vnews::split_word("lienvietpostbank", is_term, is_pair)) ==
        "lien viet post bank");
  CHECK(vnews::split_word("lienvietpostbank", is_term, is_pair, 3).empty());  // 4 parts
  CHECK(vnews::split_word("xiaomi", is_term, is_pair).empty());
  CHECK(vnews::split_word("tph", is_term, is_pair).empty());  // too short to split
  CHECK(vnews::split_word("", is_term, is_pair).empty());
  asked = 0;
  CHECK(vnews::split_word("lienvietpostbank", is_term, is_pair, 6, 10).empty());
  CHECK(asked <= 10);  // the budget holds
  asked = 0;
  const std::string long_word(200, 'a');
  CHECK(vnews::split_word(long_word, is_term, is_pair).empty());
  CHECK(asked <= 200);
}
