#include "vnews/analyzer.h"

#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "test_util.h"

using vnews::test::folded_of;
using vnews::test::terms_of;

TEST_CASE("analyzer terms for ordinary and ugly text", "[analyzer]") {
  struct Row {
    const char* why;
    std::string text;
    const char* expected;
  };
  const Row rows[] = {
      {"syllables are terms", "Thị trường châu Âu", "thị trường châu âu"},
      {"NFD gives the NFC terms", "Thi\xCC\xA3 tru\xCC\x9Bo\xCC\x9B\xCC\x80ng",
       "thị trường"},
      {"new tone placement is stored traditionally", "Hoà bình, Thuỵ Điển",
       "hòa bình thụy điển"},
      {"all caps", "GIÁ VÀNG TĂNG MẠNH", "giá vàng tăng mạnh"},
      {"numbers kept whole", "giá 24.000 đồng, tăng 1,5% năm 2017",
       "giá 24.000 đồng tăng 1,5 năm 2017"},
      {"dates split at slashes", "ngày 3/6/2017", "ngày 3 6 2017"},
      {"abbreviation with a dot stays one term", "UBND TP.HCM", "ubnd tp.hcm"},
      {"brand and code", "iPhone 15 và Covid-19", "iphone 15 và covid 19"},
      {"stray punctuation gives nothing", "-- ... !!! «»", ""},
      {"emoji are not words", "Xin chào 😀👍🏽 bạn", "xin chào bạn"},
      {"zero-width space inside a word is ignored", "Xiao\xE2\x80\x8Bmi", "xiaomi"},
      {"...even between syllables, as if absent (the corpus has it only inside words)",
       "điện\xE2\x80\x8Bthoại", "điệnthoại"},
      {"no-break space separates words", "Hà\xC2\xA0Nội", "hà nội"},
      {"em and ideographic spaces separate words", "Hà\xE2\x80\x83Nội\xE3\x80\x80mới",
       "hà nội mới"},
      {"NFC and NFD mixed in one text", "Vie\xCC\xA3\xCC\x82t Nam và Việt Nam",
       "việt nam và việt nam"},
      {"e-mail stays one word, URL splits at :// and /",
       "lienhe@baotang.vn https://vnews.vn/tin-moi",
       "lienhe@baotang.vn https vnews.vn tin moi"},
      {"hashtag keeps its word", "#VanHoaViet", "vanhoaviet"},
      {"codes split at punctuation", "11-NQ/TW 4G", "11 nq tw 4g"},
      {"full-width Latin",
       "\xEF\xBC\xB8\xEF\xBD\x89\xEF\xBD\x81\xEF\xBD\x8F\xEF\xBD\x8D\xEF\xBD\x89",
       "xiaomi"},
      {"invalid bytes split words and vanish",
       "ab\xFF"
       "cd",
       "ab cd"},
      {"stray combining mark at the start", "\xCC\x81 hoa", "hoa"},
      {"i/y spellings of one syllable are one term", "tỉ đồng, tỷ đồng",
       "tỷ đồng tỷ đồng"},
      {"i/y after k, l, m, s, qu, h", "kĩ thuật lí do Mĩ bác sỹ quí hi vọng",
       "kỹ thuật lý do mỹ bác sĩ quý hy vọng"},
      {"i/y in capitals and NFD", "TỈ QUI ti\xCC\x89", "tỷ quy tỷ"},
      {"i/y left alone where they are other words", "Tường Vy vi phạm, Bảo Thy thi",
       "tường vy vi phạm bảo thy thi"},
      {"i/y left alone in longer rhymes and alone", "tuy tui y ý khuya",
       "tuy tui y ý khuya"},
      {"empty text", "", ""},
  };
  for (const Row& row : rows) {
    INFO(row.why);
    CHECK(terms_of(row.text) == row.expected);
  }
}

TEST_CASE("folded forms drop every diacritic", "[analyzer]") {
  CHECK(folded_of("Điện thoại Thụy Điển") == "dien thoai thuy dien");
  CHECK(folded_of("hoà") == "hoa");
}

TEST_CASE("both i/y spellings give the same exact and folded terms", "[analyzer]") {
  const std::pair<const char*, const char*> pairs[] = {
      {"tỉ đồng", "tỷ đồng"},   {"lí do", "lý do"},       {"kĩ thuật", "kỹ thuật"},
      {"bác sĩ", "bác sỹ"},     {"nước Mĩ", "nước Mỹ"},   {"quí", "quý"},
      {"kỉ niệm", "kỷ niệm"},   {"kí kết", "ký kết"},     {"công ti", "công ty"},
      {"hi sinh", "hy sinh"},   {"qui định", "quy định"}, {"kì thi", "kỳ thi"},
      {"mì tôm", "mỳ tôm"},     {"li hôn", "ly hôn"},     {"ti dong", "ty dong"},
      {"QUI DINH", "quy dinh"},
  };
  for (const auto& [i_form, y_form] : pairs) {
    INFO(i_form);
    CHECK(terms_of(i_form) == terms_of(y_form));
    CHECK(folded_of(i_form) == folded_of(y_form));
  }
  CHECK(folded_of("tỉ tỷ ti ty") == "ty ty ty ty");
}

TEST_CASE("a word cut by a zero-width character is one token over all its bytes",
          "[analyzer]") {
  vnews::Analyzer analyzer;
  const std::string text =
      "Điện thoại Xiao\u200Bmi và Y\u200BouTu\u200Bbe, "
      "Vie\u0302\u0323\u200Bt Nam";
  const std::vector<vnews::Token> tokens = analyzer.analyze(text);
  REQUIRE(tokens.size() == 7);
  const auto source = [&](const vnews::Token& t) {
    return text.substr(t.begin, t.end - t.begin);
  };
  CHECK(tokens[2].term == "xiaomi");
  CHECK(source(tokens[2]) == "Xiao\u200Bmi");
  CHECK(tokens[2].joined);
  CHECK(tokens[4].term == "youtube");
  CHECK(source(tokens[4]) == "Y\u200BouTu\u200Bbe");
  CHECK(tokens[5].term == "việt");
  CHECK(tokens[5].folded == "viet");
  CHECK(source(tokens[5]) == "Vie\u0302\u0323\u200Bt");
  CHECK(terms_of("Xiao\u200Cmi Xiao\u200Dmi Xiao\u2060mi Xiao\uFEFFmi Xiao\u00ADmi") ==
        "xiaomi xiaomi xiaomi xiaomi xiaomi");
  CHECK(terms_of("\u200B\u200B \u200B") == "");
  CHECK(terms_of("Hà\u200B\xFFNội") == "hà nội");
  CHECK(terms_of("t\u200B\u1EC9 \u0111\u200B\u1ED3ng") == "tỷ đồng");  // i/y too
  CHECK(terms_of("Vie\u200B\u0302\u0323t") == "việt");  // marks after the space
}

TEST_CASE("a word no diacritic could change has a single form", "[analyzer]") {
  vnews::Analyzer analyzer;
  const auto single = [&](const char* text) {
    const std::vector<vnews::Token> tokens = analyzer.analyze(text);
    REQUIRE(tokens.size() == 1);
    return tokens[0].single_form();
  };
  for (const char* word : {"2017", "3.5", "km", "TP", "HCM", "Hz2", "x"}) {
    INFO(word);
    CHECK(single(word));
  }
  // Vowels and d take diacritics, and other scripts are left alone.
  for (const char* word : {"theo", "ban", "bạn", "UBND", "đ", "москва", "北京"}) {
    INFO(word);
    CHECK_FALSE(single(word));
  }
}

TEST_CASE("token offsets point at the original bytes", "[analyzer]") {
  vnews::Analyzer analyzer;
  const std::string text = "  Thi\xCC\xA3 tru\xCC\x9Bo\xCC\x9B\xCC\x80ng, HÀ NỘI!";
  const auto tokens = analyzer.analyze(text);
  REQUIRE(tokens.size() == 4);
  CHECK(text.substr(tokens[0].begin, tokens[0].end - tokens[0].begin) == "Thi\xCC\xA3");
  CHECK(text.substr(tokens[3].begin, tokens[3].end - tokens[3].begin) == "NỘI");
  CHECK(tokens[3].term == "nội");
}

TEST_CASE("zero-width characters join words only when nothing else separates them",
          "[analyzer]") {
  struct Row {
    const char* why;
    std::string text;
    const char* expected;
  };
  const Row rows[] = {
      {"a space after", "Hà\u200B Nội", "hà nội"},
      {"a space before", "Hà \u200BNội", "hà nội"},
      {"punctuation between", "Hà\u200B,\u200BNội", "hà nội"},
      {"at the edges of a word", "\u200BXiaomi\u200B", "xiaomi"},
      {"a space, then a stray mark", "Hà\u200B \u0301Nội", "hà nội"},
      {"a mark before it stays with its letter", "Xiao\u0301\u200Bmi", "xiaómi"},
      {"three pieces", "Y\u200Bou\u200BTu\u200Bbe", "youtube"},
      {"a word made too long by the join is dropped whole",
       std::string(99, 'a') + "\u200Bmi tỉ", "tỷ"},
      {"nothing but ignorables", "\u200B\u200D\uFEFF", ""},
  };
  for (const Row& row : rows) {
    INFO(row.why);
    CHECK(terms_of(row.text) == row.expected);
  }
  vnews::Analyzer analyzer;
  const auto tokens = analyzer.analyze("a, Xiao\u200Bmi b");
  REQUIRE(tokens.size() == 3);
  CHECK_FALSE(tokens[1].joined);  // after a comma
  CHECK(tokens[2].joined);
}

TEST_CASE("joined marks words separated only by spaces or one joiner", "[analyzer]") {
  vnews::Analyzer analyzer;
  const auto tokens = analyzer.analyze("thị trường. Covid-19 và  bạn");
  REQUIRE(tokens.size() == 6);
  CHECK_FALSE(tokens[0].joined);
  CHECK(tokens[1].joined);
  CHECK_FALSE(tokens[2].joined);  // across a full stop
  CHECK(tokens[3].joined);        // Covid-19
  CHECK(tokens[4].joined);
  CHECK(tokens[5].joined);  // two spaces
  const auto codes = analyzer.analyze("11-NQ/TW, 3/6/2017 a@b.vn -- x");
  REQUIRE(codes.size() == 8);  // 11 nq tw 3 6 2017 a@b.vn x
  for (int i : {1, 2, 4, 5, 6}) CHECK(codes[i].joined);
  CHECK_FALSE(codes[3].joined);  // after a comma
  CHECK_FALSE(codes[7].joined);  // two hyphens
}

TEST_CASE("over-long words are dropped without shifting positions", "[analyzer]") {
  const std::string huge(5000, 'a');
  CHECK(terms_of("một " + huge + " hai") == "một hai");
}

TEST_CASE("analyzer survives a huge text", "[analyzer]") {
  std::string text;
  for (int i = 0; i < 200000; ++i) text += "điện thoại ";
  vnews::Analyzer analyzer;
  CHECK(analyzer.analyze(text).size() == 400000);
}
