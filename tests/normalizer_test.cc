#include "vnews/normalizer.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <vector>

using vnews::fold_case;
using vnews::place_tone_mark;
using vnews::strip_diacritics;

TEST_CASE("NFC and NFD input fold to the same string", "[normalizer]") {
  const std::string nfc = "Thị trường";
  const std::string nfd = "Thi\xCC\xA3 tru\xCC\x9Bo\xCC\x9B\xCC\x80ng";
  CHECK(fold_case(nfd) == fold_case(nfc));
  CHECK(fold_case(nfc) == "thị trường");
}

TEST_CASE("case folding lowers Vietnamese capitals", "[normalizer]") {
  CHECK(fold_case("ĐIỆN THOẠI") == "điện thoại");
  CHECK(fold_case("Ủy Ban") == "ủy ban");
  CHECK(fold_case("XIAOMI") == "xiaomi");
}

TEST_CASE("full-width Latin folds to plain letters", "[normalizer]") {
  CHECK(fold_case("\xEF\xBC\xB8\xEF\xBD\x89\xEF\xBD\x81\xEF\xBD\x8F") ==
        "xiao");  // Ｘｉａｏ
}

TEST_CASE("zero-width and other ignorable characters are removed", "[normalizer]") {
  CHECK(fold_case("đi\xE2\x80\x8D\xE1\xBB\x87n") == "điện");  // ZWJ inside
  CHECK(fold_case("\xEF\xBB\xBFho\xC2\xAD"
                  "a") == "hoa");  // BOM, soft hyphen
}

TEST_CASE("tone marks move to the traditional placement", "[normalizer]") {
  // {input, expected}: every oa/oe/uy open syllable, in the new placement.
  const std::pair<const char*, const char*> rows[] = {
      {"hoà", "hòa"},   {"hoá", "hóa"},   {"hoả", "hỏa"},   {"hoã", "hõa"},
      {"hoạ", "họa"},   {"khoẻ", "khỏe"}, {"thuỷ", "thủy"}, {"thuỵ", "thụy"},
      {"uỷ", "ủy"},     {"tuỳ", "tùy"},   {"luỹ", "lũy"},   {"toà", "tòa"},
      {"thoả", "thỏa"}, {"xoè", "xòe"},   {"loà", "lòa"},
  };
  for (const auto& [input, expected] : rows) {
    INFO(input);
    CHECK(place_tone_mark(input) == expected);
    CHECK(place_tone_mark(expected) == expected);  // traditional is kept
  }
}

TEST_CASE("tone placement leaves syllables with one correct place alone",
          "[normalizer]") {
  const char* const rows[] = {
      "quý",                      // qu- is a consonant: the tone is on y in both styles
      "quỳnh", "già",    "giữa",  // gi- is a consonant before a vowel
      "gìn",                      // ...but not before a consonant
      "hoàng", "toán",   "thuyền", "khuỷu", "ngoái",  "người",
      "tuổi",  "chuyển", "xiaomi", "café",  "24.000", "hòa",
  };
  for (const char* word : rows) {
    INFO(word);
    CHECK(place_tone_mark(word) == word);
  }
}

TEST_CASE("tone placement repairs a tone on the u of qu", "[normalizer]") {
  CHECK(place_tone_mark("qúy") == "quý");
}

TEST_CASE("tone placement works on decomposed input", "[normalizer]") {
  CHECK(place_tone_mark("hoa\xCC\x80") == "hòa");  // NFD "hoà"
}

TEST_CASE("strip_diacritics removes every mark and maps đ to d", "[normalizer]") {
  CHECK(strip_diacritics("Điện thoại") == "Dien thoai");
  CHECK(strip_diacritics("thị trường châu Âu") == "thi truong chau Au");
  CHECK(strip_diacritics("Thi\xCC\xA3") == "Thi");
  CHECK(strip_diacritics("abc") == "abc");
}

TEST_CASE("invalid UTF-8 is found at its byte offset", "[normalizer][utf8]") {
  CHECK(vnews::find_invalid_utf8("ab\xC3") == 2);         // truncated
  CHECK(vnews::find_invalid_utf8("\xC0\xAF") == 0);       // overlong '/'
  CHECK(vnews::find_invalid_utf8("x\xED\xA0\x80") == 1);  // surrogate
  CHECK(vnews::find_invalid_utf8("ok \xFF") == 3);
  CHECK(vnews::find_invalid_utf8("tiếng Việt 😀") == std::string::npos);
}

TEST_CASE("repair replaces each bad sequence with U+FFFD", "[normalizer][utf8]") {
  CHECK(vnews::repair_utf8("a\xFF"
                           "b") ==
        "a\xEF\xBF\xBD"
        "b");
  CHECK(vnews::repair_utf8("việt") == "việt");
}

TEST_CASE("code points are counted, not bytes", "[normalizer][utf8]") {
  CHECK(vnews::count_code_points("điện") == 4);
  CHECK(vnews::count_code_points("😀a") == 2);
}

TEST_CASE("the search skeleton folds letters to ASCII and maps back to bytes",
          "[normalizer]") {
  std::vector<std::uint32_t> origin;
  const std::string text =
      "Điện THOẠI, Thi\xCC\xA3 24.000\xEF\xBC\xB8";  // NFD ị, full-width X
  const std::string key = vnews::search_skeleton(text, origin);
  CHECK(key == "dien thoai  thi 24 000x");
  REQUIRE(origin.size() == key.size());
  CHECK(origin[0] == 0);  // Đ
  CHECK(text.substr(origin[5], 1) == "T");
  CHECK(origin.back() == text.size() - 3);  // the full-width X
}

TEST_CASE("the search skeleton drops ignorable characters and spells i/y as the analyzer",
          "[normalizer]") {
  std::vector<std::uint32_t> origin;
  CHECK(vnews::search_skeleton("Xiao\u200Bmi Xiao\u00ADmi \uFEFFa", origin) ==
        "xiaomi xiaomi a");
  CHECK(vnews::search_skeleton("Tỉ lệ, QUÍ, kĩ, tí, li, thi, vi, Ti\u200Bm", origin) ==
        "ty le  quy  ky  ty  ly  thi  vi  tim");
  const std::string text = "bác sỹ, tỉ";
  CHECK(vnews::search_skeleton(text, origin) == "bac si  ty");
  CHECK(origin[5] == 6);       // the i stands where the ỹ began
  CHECK(origin.back() == 12);  // the y where the ỉ did
  CHECK(vnews::search_skeleton("ti1 1ti tii", origin) == "ti1 1ti tii");
}
