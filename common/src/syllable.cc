#include "vnews/syllable.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_set>
#include <vector>

#include "vnews/normalizer.h"

namespace vnews {
namespace {

// Longer than any syllable ("nghiêng" is 9 bytes), in any form.
constexpr std::size_t kMaxSyllableBytes = 30;

// The twelve vowels, each in its six tones (the order of Tone).
constexpr std::array<std::array<std::string_view, 6>, 12> kVowels = {{
    {"a", "á", "à", "ả", "ã", "ạ"},
    {"ă", "ắ", "ằ", "ẳ", "ẵ", "ặ"},
    {"â", "ấ", "ầ", "ẩ", "ẫ", "ậ"},
    {"e", "é", "è", "ẻ", "ẽ", "ẹ"},
    {"ê", "ế", "ề", "ể", "ễ", "ệ"},
    {"i", "í", "ì", "ỉ", "ĩ", "ị"},
    {"o", "ó", "ò", "ỏ", "õ", "ọ"},
    {"ô", "ố", "ồ", "ổ", "ỗ", "ộ"},
    {"ơ", "ớ", "ờ", "ở", "ỡ", "ợ"},
    {"u", "ú", "ù", "ủ", "ũ", "ụ"},
    {"ư", "ứ", "ừ", "ử", "ữ", "ự"},
    {"y", "ý", "ỳ", "ỷ", "ỹ", "ỵ"},
}};

// Every rhyme, without tone. The glide rhymes (oa, oă, oe, uâ, uê, uy, uơ
// and their closed forms) are in kGlideRhymes.
constexpr std::string_view kRhymes[] = {
    "a",    "ac",  "ach",  "ai",  "am",  "an",  "ang",  "anh",  "ao",  "ap",  "at",
    "au",   "ay",  "ăc",   "ăm",  "ăn",  "ăng", "ăp",   "ăt",   "âc",  "âm",  "ân",
    "âng",  "âp",  "ât",   "âu",  "ây",  "e",   "ec",   "em",   "en",  "eng", "eo",
    "ep",   "et",  "ê",    "êch", "êm",  "ên",  "ênh",  "êp",   "êt",  "êu",  "i",
    "ia",   "ich", "im",   "in",  "inh", "ip",  "it",   "iu",   "iêc", "iêm", "iên",
    "iêng", "iêp", "iêt",  "iêu", "yêm", "yên", "yêt",  "yêu",  "y",   "o",   "oc",
    "oi",   "om",  "on",   "ong", "op",  "ot",  "ooc",  "oong", "ô",   "ôc",  "ôi",
    "ôm",   "ôn",  "ông",  "ôp",  "ôt",  "ơ",   "ơi",   "ơm",   "ơn",  "ơp",  "ơt",
    "u",    "ua",  "uc",   "ui",  "um",  "un",  "ung",  "up",   "ut",  "uôc", "uôi",
    "uôm",  "uôn", "uông", "uôt", "ư",   "ưa",  "ưc",   "ưi",   "ưm",  "ưn",  "ưng",
    "ưt",   "ưu",  "ươc",  "ươi", "ươm", "ươn", "ương", "ươp",  "ươt", "ươu",
};
constexpr std::string_view kGlideRhymes[] = {
    "oa",   "oac", "oach", "oai", "oam", "oan",  "oang", "oanh", "oap", "oat",
    "oay",  "oao", "oăc",  "oăm", "oăn", "oăng", "oăt",  "oe",   "oen", "oeo",
    "oet",  "uân", "uâng", "uât", "uây", "uê",   "uêch", "uênh", "uy",  "uych",
    "uynh", "uyp", "uyt",  "uyu", "uya", "uyên", "uyêt", "uơ",
};

// The onsets of more than one letter, longest first, then the others.
constexpr std::string_view kOnsets[] = {
    "ngh", "ng", "gh", "kh", "nh", "ph", "th", "tr", "ch", "b", "c", "d", "đ",
    "g",   "h",  "k",  "l",  "m",  "n",  "p",  "r",  "s",  "t", "v", "x",
};

using RhymeSet = std::unordered_set<std::string_view>;

const RhymeSet& rhymes() {
  static const RhymeSet set(std::begin(kRhymes), std::end(kRhymes));
  return set;
}
const RhymeSet& glide_rhymes() {
  static const RhymeSet set(std::begin(kGlideRhymes), std::end(kGlideRhymes));
  return set;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}
bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Returns `first` followed by `rest`.
std::string with_first(std::string_view first, std::string_view rest) {
  std::string out;
  out.reserve(first.size() + rest.size());
  return out.append(first).append(rest);
}

// True when `rhyme` starts with a front vowel: e, ê, i, or y when `with_y`.
bool front(std::string_view rhyme, bool with_y) {
  return starts_with(rhyme, "e") || starts_with(rhyme, "ê") || starts_with(rhyme, "i") ||
         (with_y && starts_with(rhyme, "y"));
}

// The rhymes after qu: the glide rhymes without their glide (qua, quyên,
// quơ), their i spellings (qui, quít), and quốc, quên, quết, quắp, Quới.
bool is_qu_rhyme(std::string_view rhyme) {
  static constexpr std::string_view kOthers[] = {"ôc", "ên", "êt", "ăp", "ơi"};
  if (std::find(std::begin(kOthers), std::end(kOthers), rhyme) != std::end(kOthers)) {
    return true;
  }
  if (starts_with(rhyme, "i")) {
    return is_qu_rhyme(with_first("y", rhyme.substr(1)));
  }
  const RhymeSet& glides = glide_rhymes();
  return glides.count(with_first("o", rhyme)) > 0 ||
         glides.count(with_first("u", rhyme)) > 0;
}

// True when `onset` may stand before `rhyme`, both known.
bool onset_fits(std::string_view onset, std::string_view rhyme) {
  const bool glide = glide_rhymes().count(rhyme) > 0;
  if (starts_with(rhyme, "oo")) {  // loanwords after one letter: xoong, moóc, voọc
    return onset.size() == 1 || onset == "đ";
  }
  if (starts_with(rhyme, "yê")) return onset.empty();  // yên, but tiên
  if (starts_with(rhyme, "iê") && onset.empty()) return false;
  if (onset == "c") return !front(rhyme, true) && !glide;  // ke, qua
  if (onset == "k") return !glide;  // ke, kia; also Bắc Kạn, Kon Tum, Mê Kông
  if (onset == "g" || onset == "ng") return !front(rhyme, true);
  if (onset == "gh" || onset == "ngh") return front(rhyme, false);
  return true;
}

// True when `rhyme` ends in a stop consonant: then only the acute and the
// dot tones are possible.
bool stop_final(std::string_view rhyme) {
  return ends_with(rhyme, "c") || ends_with(rhyme, "ch") || ends_with(rhyme, "p") ||
         ends_with(rhyme, "t");
}

// Splits `onset_and_rhyme` (toneless, lower case) into `parts`; false when it
// is not a syllable.
bool split_parts(std::string_view s, SyllableParts& parts) {
  const RhymeSet& known = rhymes();
  if (starts_with(s, "qu") && s.size() > 2) {
    parts.onset = "qu";
    parts.rhyme = s.substr(2);
    return is_qu_rhyme(parts.rhyme);
  }
  if (starts_with(s, "gi")) {  // gia, giữa, giếng (gi + iêng), gì (gi + i)
    const std::string_view rest = s.substr(2);
    parts.onset = "gi";
    parts.rhyme = rest;
    if (!starts_with(rest, "i") && !starts_with(rest, "yê") && !rest.empty() &&
        (known.count(rest) > 0 || glide_rhymes().count(rest) > 0)) {
      return true;
    }
    return !starts_with(rest, "i") && known.count(with_first("i", rest)) > 0;
  }
  std::string_view onset;
  for (std::string_view candidate : kOnsets) {
    if (starts_with(s, candidate)) {
      onset = candidate;
      break;
    }
  }
  const std::string_view rhyme = s.substr(onset.size());
  if (known.count(rhyme) == 0 && glide_rhymes().count(rhyme) == 0) return false;
  if (!onset_fits(onset, rhyme)) return false;
  parts.onset = onset;
  parts.rhyme = rhyme;
  return true;
}

// Returns the byte length of the UTF-8 sequence starting with `lead`.
std::size_t sequence_length(unsigned char lead) {
  return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

// Appends to `toneless` the letter `letter` without its tone, and sets `tone`
// from it; false when it is not a Vietnamese letter or a second tone.
bool add_letter(std::string_view letter, std::string& toneless, int& tone) {
  if (letter.size() == 1) {
    const char c = letter[0];
    if (c < 'a' || c > 'z') return false;
    toneless += c;
    return true;
  }
  if (letter == "đ") {
    toneless += letter;
    return true;
  }
  for (const auto& row : kVowels) {
    for (int t = 0; t < 6; ++t) {
      if (row[t] != letter) continue;
      if (t != 0) {
        if (tone != 0) return false;
        tone = t;
      }
      toneless += row[0];
      return true;
    }
  }
  return false;
}

// True when `letter` is one of the twelve vowels, without tone.
bool is_vowel(std::string_view letter) {
  for (const auto& row : kVowels) {
    if (row[0] == letter) return true;
  }
  return false;
}

// Returns the index among `rhyme`'s letters of the vowel that carries the
// tone in the traditional placement; -1 when it has no vowel.
int tone_letter(const std::vector<std::string_view>& letters) {
  static const std::string_view kMarked[] = {"ă", "â", "ê", "ô", "ơ", "ư"};
  int vowels = 0;
  while (vowels < static_cast<int>(letters.size()) && is_vowel(letters[vowels])) ++vowels;
  if (vowels == 0) return -1;
  for (int i = vowels; i-- > 0;) {
    if (std::find(std::begin(kMarked), std::end(kMarked), letters[i]) !=
        std::end(kMarked)) {
      return i;
    }
  }
  if (vowels < static_cast<int>(letters.size())) return vowels - 1;  // hoàng
  if (vowels == 3) return 1;                                         // ngoài
  return 0;                                                          // hòa
}

std::vector<std::string_view> letters_of(std::string_view s) {
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n =
        std::min(sequence_length(static_cast<unsigned char>(s[i])), s.size() - i);
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

}  // namespace

std::optional<SyllableParts> parse_syllable(std::string_view word) {
  if (word.empty() || word.size() > kMaxSyllableBytes) return std::nullopt;
  const std::string folded = fold_case(word);
  std::string toneless;
  int tone = 0;
  for (std::size_t i = 0; i < folded.size();) {
    const std::size_t n = sequence_length(static_cast<unsigned char>(folded[i]));
    if (i + n > folded.size() ||
        !add_letter(std::string_view(folded).substr(i, n), toneless, tone)) {
      return std::nullopt;
    }
    i += n;
  }
  return parse_syllable(toneless, static_cast<Tone>(tone));
}

std::optional<SyllableParts> parse_syllable(std::string_view letters, Tone tone) {
  SyllableParts parts;
  if (letters.empty() || letters.size() > kMaxSyllableBytes) return std::nullopt;
  if (!split_parts(letters, parts)) return std::nullopt;
  parts.tone = tone;
  const bool acute_or_dot = tone == Tone::kAcute || tone == Tone::kDot;
  if (stop_final(parts.rhyme) && !acute_or_dot) return std::nullopt;
  return parts;
}

bool is_vietnamese_syllable(std::string_view word) {
  return parse_syllable(word).has_value();
}

bool has_several_vowel_groups(std::string_view folded) {
  constexpr std::string_view kVowels = "aeiouy";
  const std::size_t first = folded.find_first_of(kVowels);
  const std::size_t gap = folded.find_first_not_of(kVowels, first);
  return gap != std::string_view::npos &&
         folded.find_first_of(kVowels, gap) != std::string_view::npos;
}

std::string compose_syllable(const SyllableParts& parts) {
  const int tone = static_cast<int>(parts.tone);
  std::string onset = parts.onset;
  std::string rhyme = parts.rhyme;
  if (onset == "gi" && (rhyme.empty() || !is_vowel(letters_of(rhyme).front()))) {
    // gì, gìn: the tone is on the onset's i
    onset.pop_back();  // "g"
    rhyme = with_first("i", rhyme);
  }
  const std::vector<std::string_view> letters = letters_of(rhyme);
  const int at = tone_letter(letters);
  std::string out = onset;
  for (int i = 0; i < static_cast<int>(letters.size()); ++i) {
    std::string_view letter = letters[i];
    if (i == at && tone != 0) {
      for (const auto& row : kVowels) {
        if (row[0] == letter) letter = row[tone];
      }
    }
    out += letter;
  }
  return out;
}

}  // namespace vnews
