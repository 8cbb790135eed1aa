#include "vnews/i_y_spelling.h"

#include <catch2/catch.hpp>
#include <string>
#include <utility>

namespace {

std::string unified(std::string syllable) {
  vnews::unify_i_y(syllable);
  return syllable;
}

}  // namespace

TEST_CASE("i after h, k, l, m, t and qu is spelt y, in every tone", "[i_y]") {
  const std::pair<const char*, const char*> rows[] = {
      {"ti", "ty"},   {"tí", "tý"},   {"tì", "tỳ"},   {"tỉ", "tỷ"},   {"tĩ", "tỹ"},
      {"tị", "tỵ"},   {"hi", "hy"},   {"kĩ", "kỹ"},   {"kì", "kỳ"},   {"kỉ", "kỷ"},
      {"kí", "ký"},   {"kị", "kỵ"},   {"lí", "lý"},   {"li", "ly"},   {"mĩ", "mỹ"},
      {"mì", "mỳ"},   {"mi", "my"},   {"hỉ", "hỷ"},   {"lị", "lỵ"},   {"qui", "quy"},
      {"quí", "quý"}, {"quỉ", "quỷ"}, {"quĩ", "quỹ"}, {"quị", "quỵ"}, {"quì", "quỳ"},
  };
  for (const auto& [input, expected] : rows) {
    INFO(input);
    std::string word = input;
    CHECK(vnews::has_i_y_spelling(word));
    CHECK(vnews::unify_i_y(word));
    CHECK(word == expected);
    CHECK(vnews::has_i_y_spelling(expected));
    CHECK(unified(expected) == expected);  // the y spelling is kept
  }
}

TEST_CASE("y after s is spelt i, as most of the corpus writes it", "[i_y]") {
  const std::pair<const char*, const char*> rows[] = {
      {"sy", "si"}, {"sý", "sí"}, {"sỳ", "sì"}, {"sỷ", "sỉ"}, {"sỹ", "sĩ"}, {"sỵ", "sị"},
  };
  for (const auto& [input, expected] : rows) {
    INFO(input);
    CHECK(vnews::has_i_y_spelling(input));
    CHECK(unified(input) == expected);
    CHECK(unified(expected) == expected);
  }
}

TEST_CASE("syllables where i and y are different words keep their letter", "[i_y]") {
  const char* const rows[] = {
      // Other onsets: names and other words ("Vy" is not "vi", "Thy" not "thi").
      "vi",
      "vy",
      "vĩ",
      "vỹ",
      "thi",
      "thy",
      "ni",
      "ny",
      "xi",
      "xy",
      "di",
      "dy",
      "đi",
      "bi",
      "chi",
      "khi",
      "nhi",
      "nghi",
      "phi",
      "tri",
      "ri",
      "gi",
      "gì",
      // No onset, or a longer rhyme.
      "i",
      "y",
      "ý",
      "ỷ",
      "uy",
      "ui",
      "ay",
      "ai",
      "tuy",
      "tui",
      "tay",
      "tai",
      "huy",
      "thủy",
      "khuya",
      "kia",
      "lia",
      "tim",
      "tin",
      "tít",
      "kịp",
      "quyết",
      "quýt",
      "quy1",
      "t",
      "q",
      "qu",
      "quu",
      "",
      // Not one lowercase NFC syllable: the caller folds case first.
      "Ti",
      "TI",
      "ti\xCC\x89",
      "xiaomi",
      "tỉtỉ",
      "\xFF\xFE",
  };
  for (const char* word : rows) {
    INFO(word);
    CHECK_FALSE(vnews::has_i_y_spelling(word));
    CHECK(unified(word) == word);
  }
}
