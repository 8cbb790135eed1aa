#include "vnews/input_method.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "vnews/normalizer.h"
#include "vnews/syllable.h"

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

// One letter of a syllable as its keys: base letter, mark and tone.
struct Keyed {
  char base;
  char mark;  // 0, '^' circumflex, '(' breve, '+' horn, '-' stroke
  int tone;   // 0-5, the order of vnews::Tone
};

// Splits a lower-case NFC syllable into its letters' keys. Written against
// the Unicode names of the letters, not against the code under test.
std::vector<Keyed> keyed(const std::string& syllable) {
  struct Row {
    const char* letters;  // the letter in its six tones
    char base, mark;
  };
  static const Row kRows[] = {
      {"aáàảãạ", 'a', 0}, {"ăắằẳẵặ", 'a', '('}, {"âấầẩẫậ", 'a', '^'},
      {"eéèẻẽẹ", 'e', 0}, {"êếềểễệ", 'e', '^'}, {"iíìỉĩị", 'i', 0},
      {"oóòỏõọ", 'o', 0}, {"ôốồổỗộ", 'o', '^'}, {"ơớờởỡợ", 'o', '+'},
      {"uúùủũụ", 'u', 0}, {"ưứừửữự", 'u', '+'}, {"yýỳỷỹỵ", 'y', 0},
  };
  std::vector<Keyed> out;
  for (std::size_t i = 0; i < syllable.size();) {
    const auto c = static_cast<unsigned char>(syllable[i]);
    const std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : 3;
    const std::string letter = syllable.substr(i, n);
    i += n;
    if (letter == "đ") {
      out.push_back({'d', '-', 0});
      continue;
    }
    Keyed k{letter[0], 0, 0};
    for (const Row& row : kRows) {
      const std::string forms = row.letters;
      for (int tone = 0, at = 0; tone < 6; ++tone) {
        const std::size_t len = static_cast<unsigned char>(forms[at]) < 0x80   ? 1
                                : static_cast<unsigned char>(forms[at]) < 0xE0 ? 2
                                                                               : 3;
        if (forms.substr(at, len) == letter) k = {row.base, row.mark, tone};
        at += static_cast<int>(len);
      }
    }
    out.push_back(k);
  }
  return out;
}

int tone_of(const std::vector<Keyed>& letters) {
  int tone = 0;
  for (const Keyed& k : letters) tone = std::max(tone, k.tone);
  return tone;
}

// Ways of typing a syllable in Telex: marks after their letter and the tone
// at the end ("ddieenj"); the tone after its vowel ("ddieejn"); vowel marks
// at the end ("ddienej"); ươ with one w ("nguowif").
enum class TelexStyle { kToneLast, kToneAfterVowel, kMarksLast, kOneW };

std::string telex(const std::string& syllable, TelexStyle style) {
  static const char kToneKeys[] = " sfrxj";
  const std::vector<Keyed> letters = keyed(syllable);
  const int tone = tone_of(letters);
  std::string out, late;
  for (std::size_t i = 0; i < letters.size(); ++i) {
    const Keyed& k = letters[i];
    out += k.base;
    std::string mark = k.mark == '^'   ? std::string(1, k.base)
                       : k.mark == '-' ? "d"
                       : k.mark        ? "w"
                                       : "";
    const bool second_of_uo = k.base == 'o' && k.mark == '+' && i > 0 &&
                              letters[i - 1].base == 'u' && letters[i - 1].mark == '+';
    if (style == TelexStyle::kOneW && k.base == 'u' && k.mark == '+' &&
        i + 1 < letters.size() && letters[i + 1].mark == '+') {
      mark = "";  // "uow": the w after the o marks both
    }
    if (style == TelexStyle::kMarksLast && k.mark != '-' && k.mark != 0) {
      if (!(second_of_uo && late.back() == 'w')) late += mark;
      mark = "";
    }
    out += mark;
    if (style == TelexStyle::kToneAfterVowel && k.tone != 0) out += kToneKeys[k.tone];
  }
  out += late;
  if (style != TelexStyle::kToneAfterVowel && tone != 0) out += kToneKeys[tone];
  return out;
}

// Ways of typing a syllable in VNI: digits after their letter and the tone
// at the end ("d9ie6n5"); the tone after its vowel ("d9ie65n"); every digit
// at the end ("dien965").
enum class VniStyle { kToneLast, kToneAfterVowel, kDigitsLast };

std::string vni(const std::string& syllable, VniStyle style) {
  const std::vector<Keyed> letters = keyed(syllable);
  const int tone = tone_of(letters);
  std::string out, late;
  for (const Keyed& k : letters) {
    out += k.base;
    const char digit = k.mark == '^'   ? '6'
                       : k.mark == '+' ? '7'
                       : k.mark == '(' ? '8'
                       : k.mark == '-' ? '9'
                                       : 0;
    if (digit != 0) {
      if (style != VniStyle::kDigitsLast) {
        out += digit;
      } else if (late.empty() || late.back() != '7' || digit != '7') {
        late += digit;  // one 7 marks both letters of ươ
      }
    }
    if (style == VniStyle::kToneAfterVowel && k.tone != 0) out += char('0' + k.tone);
  }
  out += late;
  if (style != VniStyle::kToneAfterVowel && tone != 0) out += char('0' + tone);
  return out;
}

std::string or_dash(const std::optional<std::string>& s) { return s ? *s : "-"; }

}  // namespace

TEST_CASE("the test's encoders type syllables as Telex and VNI users do",
          "[input_method]") {
  CHECK(telex("điện", TelexStyle::kToneLast) == "ddieenj");
  CHECK(telex("điện", TelexStyle::kToneAfterVowel) == "ddieejn");
  CHECK(telex("điện", TelexStyle::kMarksLast) == "ddienej");
  CHECK(telex("người", TelexStyle::kToneLast) == "nguwowif");
  CHECK(telex("người", TelexStyle::kOneW) == "nguowif");
  CHECK(telex("người", TelexStyle::kMarksLast) == "nguoiwf");
  CHECK(vni("điện", VniStyle::kToneLast) == "d9ie6n5");
  CHECK(vni("điện", VniStyle::kToneAfterVowel) == "d9ie65n");
  CHECK(vni("người", VniStyle::kDigitsLast) == "nguoi72");
}

TEST_CASE("Telex words decode into their syllable", "[input_method]") {
  const std::pair<const char*, const char*> rows[] = {
      {"ddieenj", "điện"},    {"dieenj", "diện"},   {"ddienej", "điện"},
      {"ddieejn", "điện"},    {"thoaij", "thoại"},  {"nguwowif", "người"},
      {"nguowif", "người"},   {"nguwoif", "người"}, {"truowngf", "trường"},
      {"truongwf", "trường"}, {"thuowr", "thuở"},   {"huow", "huơ"},
      {"khoong", "không"},    {"ddajngw", "đặng"},  {"ngono", "ngôn"},
      {"vietje", "việt"},     {"quoocs", "quốc"},   {"gif", "gì"},
      {"giuwax", "giữa"},     {"quys", "quý"},      {"nhw", "như"},
      {"tw", "tư"},           {"chuaw", "chưa"},    {"cuuws", "cứu"},
      {"khuyur", "khuỷu"},    {"ngoaif", "ngoài"},  {"toois", "tối"},
      {"toio", "tôi"},        {"yeeu", "yêu"},      {"asz", "a"},
      {"asf", "à"},           {"ngoeof", "ngoèo"},  {"DDieenj", "Điện"},
      {"DDIEENJ", "ĐIỆN"},    {"ddIEENJ", "đIỆN"},  {"Thoaij", "Thoại"},
  };
  for (const auto& [typed, expected] : rows) {
    INFO(typed);
    CHECK(or_dash(vnews::decode_telex(typed)) == expected);
  }
}

TEST_CASE("Telex words that are no syllable or ask for their letters decode to nothing",
          "[input_method]") {
  const char* const rows[] = {
      "herr",    // a tone key typed twice: the letter itself
      "aaa",     // a vowel typed three times
      "ddd",     // d typed three times
      "aww",     // w typed twice
      "az",      // z with no tone to clear
      "fix",     // f is no onset
      "tiesng",  // iê needs its circumflex
      "next",    // the tilde on a stop final
      "iphone",
      "xiaomi",
      "covid",
      "",
      "ddieenj1",  // a digit
      "điện",      // not ASCII
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  };
  for (const char* typed : rows) {
    INFO(typed);
    CHECK_FALSE(vnews::decode_telex(typed).has_value());
  }
}

TEST_CASE("VNI words decode into their syllable", "[input_method]") {
  const std::pair<const char*, const char*> rows[] = {
      {"D9ie6n5", "Điện"}, {"dien65", "diện"},    {"D9ien65", "Điện"},
      {"die65n", "diện"},  {"dien965", "điện"},   {"thoa5i", "thoại"},
      {"thoai5", "thoại"}, {"ngu7o7i2", "người"}, {"nguoi72", "người"},
      {"thuo73", "thuở"},  {"quo61c", "quốc"},    {"gi2", "gì"},
      {"tra8ng", "trăng"}, {"u7u1", "ứu"},        {"D9IE6N5", "ĐIỆN"},
  };
  for (const auto& [typed, expected] : rows) {
    INFO(typed);
    CHECK(or_dash(vnews::decode_vni(typed)) == expected);
  }
}

TEST_CASE("VNI words with digits that mark nothing decode to nothing", "[input_method]") {
  const char* const rows[] = {
      "U23",      // two tone digits
      "U19",      // 9 with no d
      "H5N1",     // a tone before any vowel
      "mi6",      // 6 with no a, e or o
      "a0",       // 0 only appears in codes
      "a66",      // 6 typed twice
      "dien",     // no digit
      "ti8",      // 8 with no a
      "dien65x",  // no syllable
      "1",       "", "d9", "điện5",
  };
  for (const char* typed : rows) {
    INFO(typed);
    CHECK_FALSE(vnews::decode_vni(typed).has_value());
  }
}

TEST_CASE("every fixture syllable typed in Telex decodes back", "[input_method]") {
  const std::vector<std::string> syllables = fixture_syllables();
  REQUIRE(syllables.size() > 1500);
  for (const std::string& s : syllables) {
    for (const TelexStyle style : {TelexStyle::kToneLast, TelexStyle::kToneAfterVowel,
                                   TelexStyle::kMarksLast, TelexStyle::kOneW}) {
      const std::string typed = telex(s, style);
      INFO(s << " typed " << typed);
      CHECK(or_dash(vnews::decode_telex(typed)) == s);
      std::string upper = typed;
      for (char& c : upper) c = static_cast<char>(std::toupper(c));
      CHECK(or_dash(vnews::decode_telex(upper)) == vnews::upper_case(s));
      if (!vnews::is_vietnamese_syllable(typed)) {  // "xoong" stays: bông is "boong"
        const auto read = vnews::read_typed_word(typed);
        CHECK(
            (read && read->syllable == s && read->method == vnews::InputMethod::kTelex));
      }
    }
  }
}

TEST_CASE("every fixture syllable typed in VNI decodes back", "[input_method]") {
  const std::vector<std::string> syllables = fixture_syllables();
  REQUIRE(syllables.size() > 1500);
  for (const std::string& s : syllables) {
    for (const VniStyle style :
         {VniStyle::kToneLast, VniStyle::kToneAfterVowel, VniStyle::kDigitsLast}) {
      const std::string typed = vni(s, style);
      if (typed == s) continue;  // no digit to type: not VNI
      INFO(s << " typed " << typed);
      CHECK(or_dash(vnews::decode_vni(typed)) == s);
      const auto read = vnews::read_typed_word(typed);
      CHECK((read && read->syllable == s && read->method == vnews::InputMethod::kVni));
    }
  }
}

TEST_CASE("a word valid as typed, English or a code is not decoded alone",
          "[input_method]") {
  const char* const rows[] = {
      // Vietnamese as typed.
      "xoong",
      "thoai",
      "dien",
      "Hà",
      "điện",
      "tôi",
      "ĐIỆN",
      // English words whose Telex reading is a syllable too.
      "mix",
      "box",
      "tex",
      "fix",
      "six",
      "bus",
      "taxi",
      "moon",
      "teen",
      "queen",
      "paris",
      "is",
      "of",
      "as",
      "us",
      "bar",
      "car",
      "max",
      "sex",
      "gas",
      "test",
      "best",
      "post",
      "virus",
      "visa",
      "maps",
      "perez",
      "hermes",
      "hamas",
      "doji",
      "was",
      "how",
      "cos",
      // Codes, VNI-like.
      "U23",
      "U17",
      "A1",
      "Mi5",
      "H5N1",
      "Su27",
      "E5",
      "covid19",
      "iPhone7",
      "4G",
      // Not words.
      "",
      "ddd",
      "aaa",
      "\xFF\xFE",
      "Xiao\xE2\x80\x8Bmi",
  };
  for (const char* word : rows) {
    INFO(word);
    CHECK_FALSE(vnews::decode_typed_word(word).has_value());
  }
}

TEST_CASE("words typed with telltale keys are decoded alone", "[input_method]") {
  const std::pair<const char*, const char*> rows[] = {
      {"ddieenj", "điện"}, {"thoaij", "thoại"}, {"nguwowif", "người"},
      {"toois", "tối"},    {"D9ie6n5", "Điện"}, {"dien65", "diện"},
      {"thoa5i", "thoại"}, {"DDIEENJ", "ĐIỆN"},
  };
  for (const auto& [typed, expected] : rows) {
    INFO(typed);
    CHECK(or_dash(vnews::decode_typed_word(typed)) == expected);
    const auto read = vnews::read_typed_word(typed);
    REQUIRE(read.has_value());
    CHECK(read->certain);
  }
  const auto mix = vnews::read_typed_word("mix");  // readable, but not certain
  REQUIRE(mix.has_value());
  CHECK(mix->syllable == "mĩ");
  CHECK_FALSE(mix->certain);
}

TEST_CASE("a query decodes its uncertain words when another word is certain",
          "[input_method]") {
  const auto decoded = [](const std::vector<std::string>& words) {
    std::string out;
    for (const auto& d : vnews::decode_typed_words(words)) out += or_dash(d) + " ";
    return out;
  };
  CHECK(decoded({"ddieenj", "thoaij", "cos", "gias", "rer"}) == "điện thoại có giá rẻ ");
  CHECK(decoded({"D9ie6n5", "thoai5", "mix"}) ==
        "Điện thoại - ");  // VNI does not vouch for Telex
  CHECK(decoded({"mix", "sex", "box"}) == "- - - ");
  CHECK(decoded({"ddieenj", "xiaomi", "dien"}) == "điện - - ");
  CHECK(decoded({}).empty());
}
