#include "vnews/syllable.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <string>
#include <vector>

#include "vnews/normalizer.h"

namespace {

// The syllables of tests/data/syllables.txt.
std::vector<std::string> fixture_syllables() {
  std::ifstream in(std::string(VNEWS_SOURCE_DIR) + "/tests/data/syllables.txt");
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') out.push_back(line);
  }
  return out;
}

// Returns "onset|rhyme|tone" for `word`, or "-" when it is no syllable.
std::string parts_of(const std::string& word) {
  const auto parts = vnews::parse_syllable(word);
  if (!parts) return "-";
  return parts->onset + "|" + parts->rhyme + "|" +
         std::to_string(static_cast<int>(parts->tone));
}

}  // namespace

TEST_CASE("syllables split into onset, rhyme and tone", "[syllable]") {
  struct Row {
    const char* why;
    std::string word;
    const char* expected;
  };
  const Row rows[] = {
      {"plain", "ba", "b|a|0"},
      {"three-letter onset and iê", "nghiêng", "ngh|iêng|0"},
      {"ươ with a tone", "người", "ng|ươi|2"},
      {"glide rhyme", "Thuyền", "th|uyên|2"},
      {"qu takes the glide", "quý", "qu|y|1"},
      {"quốc", "quốc", "qu|ôc|1"},
      {"gi takes the vowel", "giữa", "gi|ưa|4"},
      {"the i of gì is the onset's", "gì", "gi||2"},
      {"gìn", "gìn", "gi|n|2"},
      {"giếng: gi + iêng", "giếng", "gi|êng|1"},
      {"yê without an onset", "yên", "|yên|0"},
      {"vowel alone", "ý", "|y|1"},
      {"đ", "đường", "đ|ương|2"},
      {"upper case", "ĐIỆN", "đ|iên|5"},
      {"NFD", "Vie\xCC\xA3\xCC\x82t", "v|iêt|5"},
      {"new tone placement", "hoà", "h|oa|2"},
      {"loanword rhyme", "xoong", "x|oong|0"},
      {"k before a back vowel in place names", "Kạn", "k|an|5"},
      {"stop final with dot", "học", "h|oc|5"},
      {"stop final -ch", "sách", "s|ach|1"},
      {"the other i/y spelling", "qui", "qu|i|0"},
  };
  for (const Row& row : rows) {
    INFO(row.why);
    CHECK(parts_of(row.word) == row.expected);
  }
}

TEST_CASE("words Vietnamese cannot write are not syllables", "[syllable]") {
  struct Row {
    const char* why;
    std::string word;
  };
  const Row rows[] = {
      {"c before e", "ce"},
      {"k before a glide", "koa"},
      {"g before e needs gh", "ge"},
      {"gh before a", "gha"},
      {"ng before i needs ngh", "ngi"},
      {"ngh before o", "ngho"},
      {"iê needs an onset", "iên"},
      {"yê after an onset", "thyên"},
      {"stop final with the grave tone", "bàc"},
      {"stop final with no tone", "bac"},
      {"stop final with the tilde", "mẽt"},
      {"two tone marks", "tóà"},
      {"ă needs a final", "tă"},
      {"â needs a final", "tâ"},
      {"uô needs a final", "tuô"},
      {"ươ needs a final", "thươ"},
      {"q without u", "qa"},
      {"qu alone", "qu"},
      {"oo rhymes after two-letter onsets", "khoong"},
      {"English", "mix"},
      {"English", "bus"},
      {"English", "iphone"},
      {"two syllables", "hoàbình"},
      {"digits", "a1"},
      {"a space", "ba "},
      {"punctuation", "tp.hcm"},
      {"a consonant alone", "ng"},
      {"empty", ""},
      {"invalid UTF-8", "b\xFF"},
      {"truncated UTF-8", "bi\xE1\xBB"},
      {"another script", "москва"},
      {"very long", std::string(5000, 'a')},
      {"a final no syllable has", "bal"},
  };
  for (const Row& row : rows) {
    INFO(row.why << ": " << row.word.substr(0, 20));
    CHECK_FALSE(vnews::is_vietnamese_syllable(row.word));
  }
}

TEST_CASE("a word of two vowel groups cannot be one syllable, however accented",
          "[syllable]") {
  for (const char* word : {"wifi", "hanoi", "vietnam", "saigon", "valero", "ae1o"}) {
    INFO(word);
    CHECK(vnews::has_several_vowel_groups(word));
  }
  for (const char* word :
       {"thuan", "nguyen", "khuya", "quyen", "xoong", "kpop", "tphcm", "u23", "", "ng"}) {
    INFO(word);
    CHECK_FALSE(vnews::has_several_vowel_groups(word));
  }
}

TEST_CASE("composing puts the tone in the traditional place", "[syllable]") {
  using vnews::Tone;
  struct Row {
    vnews::SyllableParts parts;
    const char* expected;
  };
  const Row rows[] = {
      {{"h", "oa", Tone::kGrave}, "hòa"},     {{"th", "uy", Tone::kHook}, "thủy"},
      {{"h", "oang", Tone::kGrave}, "hoàng"}, {{"ng", "oai", Tone::kGrave}, "ngoài"},
      {{"ng", "ươi", Tone::kGrave}, "người"}, {{"kh", "uyu", Tone::kHook}, "khuỷu"},
      {{"qu", "y", Tone::kAcute}, "quý"},     {{"gi", "", Tone::kGrave}, "gì"},
      {{"gi", "n", Tone::kGrave}, "gìn"},     {{"gi", "ưa", Tone::kTilde}, "giữa"},
      {{"", "yêu", Tone::kLevel}, "yêu"},     {{"m", "ua", Tone::kGrave}, "mùa"},
      {{"t", "uyên", Tone::kDot}, "tuyện"},   {{"đ", "iêt", Tone::kDot}, "điệt"},
  };
  for (const Row& row : rows) {
    INFO(row.expected);
    CHECK(vnews::compose_syllable(row.parts) == row.expected);
  }
}

TEST_CASE("every syllable of the fixture parses and composes back", "[syllable]") {
  const std::vector<std::string> syllables = fixture_syllables();
  REQUIRE(syllables.size() > 1500);
  for (const std::string& s : syllables) {
    INFO(s);
    const auto parts = vnews::parse_syllable(s);
    REQUIRE(parts.has_value());
    CHECK(vnews::compose_syllable(*parts) == s);
    CHECK(vnews::is_vietnamese_syllable(vnews::upper_case(s)));
    CHECK(vnews::parse_syllable(parts->onset + parts->rhyme, parts->tone).has_value());
  }
}

TEST_CASE("the toneless letters and a tone parse like the whole syllable", "[syllable]") {
  CHECK(vnews::parse_syllable("bac", vnews::Tone::kAcute).has_value());
  CHECK_FALSE(vnews::parse_syllable("bac", vnews::Tone::kGrave).has_value());
  CHECK_FALSE(vnews::parse_syllable("", vnews::Tone::kLevel).has_value());
  CHECK_FALSE(
      vnews::parse_syllable("bá", vnews::Tone::kAcute).has_value());  // a tone inside
}
