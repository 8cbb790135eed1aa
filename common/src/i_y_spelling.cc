#include "vnews/i_y_spelling.h"

#include <array>

namespace vnews {
namespace {

// The vowel of the syllable in NFC, by tone: none, sắc, huyền, hỏi, ngã, nặng.
constexpr std::array<std::string_view, 6> kI = {"i",      "\u00ED", "\u00EC",
                                                "\u1EC9", "\u0129", "\u1ECB"};
constexpr std::array<std::string_view, 6> kY = {"y",      "\u00FD", "\u1EF3",
                                                "\u1EF7", "\u1EF9", "\u1EF5"};

// The onsets after which i and y spell one word, each with the letter most
// of the corpus writes after it (README.md, "How text becomes terms"); 0 for
// any other onset.
char i_y_letter(std::string_view onset) {
  if (onset.size() == 2) return onset == "qu" ? 'y' : 0;
  if (onset.size() != 1) return 0;
  switch (onset[0]) {
    case 'h':
    case 'k':
    case 'l':
    case 'm':
    case 't':
      return 'y';
    case 's':
      return 'i';  // bác sĩ, sĩ quan: 5,856 articles against 1,558 with sỹ
    default:
      return 0;
  }
}

// Returns the tone index of `vowel` in kI or kY and sets `is_y`; -1 when it
// is neither.
int vowel_tone(std::string_view vowel, bool& is_y) {
  for (int tone = 0; tone < 6; ++tone) {
    if (vowel == kI[tone] || vowel == kY[tone]) {
      is_y = vowel == kY[tone];
      return tone;
    }
  }
  return -1;
}

// Returns the length of the onset of `syllable` when it is an onset of the
// rule followed by one i/y vowel, else 0.
std::size_t onset_length(std::string_view syllable) {
  if (syllable.size() < 2 || syllable.size() > 5) return 0;  // "quỷ" is 5 bytes
  const std::size_t n = syllable.substr(0, 2) == "qu" && syllable.size() > 2 ? 2 : 1;
  if (i_y_letter(syllable.substr(0, n)) == 0) return 0;
  bool is_y = false;
  return vowel_tone(syllable.substr(n), is_y) >= 0 ? n : 0;
}

}  // namespace

bool has_i_y_spelling(std::string_view syllable) { return onset_length(syllable) > 0; }

bool unify_i_y(std::string& syllable) {
  const std::size_t size = syllable.size();
  if (size < 2 || size > 5) return false;
  const char last = syllable[size - 1];
  if (size <= 3 && (last == 'i' || last == 'y')) {  // no tone mark: "ti", "qui"
    const char letter = i_y_letter(std::string_view(syllable).substr(0, size - 1));
    if (letter == 0 || letter == last) return false;
    syllable[size - 1] = letter;
    return true;
  }
  const std::size_t n = onset_length(syllable);
  if (n == 0) return false;
  bool is_y = false;
  const int tone = vowel_tone(std::string_view(syllable).substr(n), is_y);
  const bool want_y = i_y_letter(std::string_view(syllable).substr(0, n)) == 'y';
  if (is_y == want_y) return false;
  syllable.replace(n, std::string::npos, want_y ? kY[tone] : kI[tone]);
  return true;
}

}  // namespace vnews
