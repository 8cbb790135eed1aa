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

TEST_CASE("ICU splits a word at a zero-width space, not at other ignorables",
          "[tokenizer]") {
  CHECK(words_of("Xiao\u200Bmi") == "Xiao|mi");
  CHECK(words_of("Xiao\u200Cmi Xiao\u200Dmi Xiao\u2060mi Xiao\uFEFFmi Xiao\u00ADmi") ==
        "Xiao\u200Cmi|Xiao\u200Dmi|Xiao\u2060mi|Xiao\uFEFFmi|Xiao\u00ADmi");
}

TEST_CASE("a gap of ignorable characters, and marks after them, is ignorable",
          "[tokenizer]") {
  const char* const ignorable[] = {
      "\u200B",
      "\u200C",
      "\u200D",
      "\u2060",
      "\uFEFF",
      "\u00AD",
      "\u200B\u00AD\u200B",  // several in a row
      "\u200B\u0302\u0323",  // NFD marks cut from their letter
  };
  for (const char* gap : ignorable) {
    INFO(gap);
    CHECK(vnews::is_ignorable_gap(gap));
  }
  const char* const not_ignorable[] = {
      "",
      " ",
      "\u200B ",
      " \u200B",
      ",",
      "\u200B,",
      "\u0301",  // a mark alone
      "\u0301\u200B",
      "\u200B\xFF",
      "\xFF",
      "\u200B\U0001F600",
      "\u00A0",
  };
  for (const char* gap : not_ignorable) {
    INFO(gap);
    CHECK_FALSE(vnews::is_ignorable_gap(gap));
  }
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
