#include "vnews/tokenizer.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace {

// Returns the words of `text` as WordBreaker splits them, joined by '|'.
std::string words_of(const std::string& text) {
  vnews::WordBreaker breaker;
  std::vector<vnews::WordSpan> spans;
  breaker.split(text, spans);
  std::string out;
  for (const vnews::WordSpan& span : spans) {
    if (!out.empty()) out += '|';
    out += text.substr(span.begin, span.end - span.begin);
  }
  return out;
}

}  // namespace

TEST_CASE("default-ignorable characters inside a word do not split it", "[tokenizer]") {
  struct Row {
    const char* why;
    std::string text;
    std::string expected;
  };
  const Row rows[] = {
      {"zero-width space", "Xiao\u200Bmi", "Xiao\u200Bmi"},
      {"zero-width non-joiner", "Xiao\u200Cmi", "Xiao\u200Cmi"},
      {"zero-width joiner", "Xiao\u200Dmi", "Xiao\u200Dmi"},
      {"word joiner", "Xiao\u2060mi", "Xiao\u2060mi"},
      {"BOM", "Xiao\uFEFFmi", "Xiao\uFEFFmi"},
      {"soft hyphen", "Xiao\u00ADmi", "Xiao\u00ADmi"},
      {"several in a row", "Xiao\u200B\u00AD\u200Bmi", "Xiao\u200B\u00AD\u200Bmi"},
      {"one word in three pieces", "Y\u200BouTu\u200Bbe", "Y\u200BouTu\u200Bbe"},
      {"between digits", "24\u200B000", "24\u200B000"},
      {"NFD syllable cut after its marks", "Vie\u0302\u0323\u200Bt",
       "Vie\u0302\u0323\u200Bt"},
      {"NFD syllable cut before its marks", "Vie\u200B\u0302\u0323t",
       "Vie\u200B\u0302\u0323t"},
      {"in words of a sentence", "Điện thoại Xiao\u200Bmi mới",
       "Điện|thoại|Xiao\u200Bmi|mới"},
  };
  for (const Row& row : rows) {
    INFO(row.why);
    CHECK(words_of(row.text) == row.expected);
  }
}

TEST_CASE("ignorable characters beside a space or punctuation still separate",
          "[tokenizer]") {
  CHECK(words_of("Xiao\u200B mi") == "Xiao|mi");
  CHECK(words_of("Xiao \u200Bmi") == "Xiao|mi");
  CHECK(words_of("Xiao\u200B,\u200Bmi") == "Xiao|mi");
  CHECK(words_of("Xiao\u200B\xFFmi") == "Xiao|mi");  // an invalid byte is no ignorable
  CHECK(words_of("\u200BXiaomi\u200B") == "Xiaomi");
  CHECK(words_of("\u200B\u200B") == "");
  CHECK(words_of("Xiao\u200B \u0301mi") == "Xiao|mi");            // a space, then a mark
  CHECK(words_of("Xiao\u0301\u200Bmi") == "Xiao\u0301\u200Bmi");  // the mark is Xiao's
  CHECK(words_of("Xiao\u200B\U0001F600mi") == "Xiao|mi");         // an emoji between
}

TEST_CASE("word breaking gives byte spans of ordinary text", "[tokenizer]") {
  CHECK(words_of("Thị trường, TP.HCM 24.000 Covid-19") ==
        "Thị|trường|TP.HCM|24.000|Covid|19");
  CHECK(words_of("") == "");
  CHECK(words_of("ab\xC3") == "ab");  // truncated sequence at the end
}

TEST_CASE("inner parts split a word at separators, digits and camel case",
          "[tokenizer]") {
  const auto parts_of = [](const std::string& word) {
    std::string out;
    for (const vnews::WordSpan& s : vnews::inner_parts(word)) {
      if (!out.empty()) out += '|';
      out += word.substr(s.begin, s.end - s.begin);
    }
    return out;
  };
  CHECK(parts_of("TP.HCM") == "TP|HCM");
  CHECK(parts_of("covid19") == "covid|19");
  CHECK(parts_of("LienVietPostBank") == "Lien|Viet|Post|Bank");
  CHECK(parts_of("ĐiệnMáyXanh") == "Điện|Máy|Xanh");
  CHECK(parts_of("iPhone") == "");  // one lower-case letter before the capital
  CHECK(parts_of("McDonald") == "Mc|Donald");
  CHECK(parts_of("HAGL") == "");
  CHECK(parts_of("Vie\u0302\u0323tNam") == "Vie\u0302\u0323t|Nam");
  CHECK(parts_of("Xiao\u200Dmi") == "");  // a joiner stays inside
  CHECK(parts_of("a..b") == "a|b");
  CHECK(parts_of(".a") == "");
  CHECK(parts_of("") == "");
  CHECK(parts_of("\xFF\xFE") == "");
}
