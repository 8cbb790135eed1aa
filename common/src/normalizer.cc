#include "vnews/normalizer.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <stdexcept>
#include <string>
#include <vector>

#include "vnews/i_y_spelling.h"

namespace vnews {
namespace {

const icu::Normalizer2& instance(const char* which) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n =
      which[0] == 'k'   ? icu::Normalizer2::getNFKCCasefoldInstance(status)
      : which[0] == 'd' ? icu::Normalizer2::getNFDInstance(status)
                        : icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) {
    throw std::runtime_error(std::string("ICU normalizer unavailable: ") +
                             u_errorName(status));
  }
  return *n;
}

const icu::Normalizer2& nfkc_casefold() {
  static const icu::Normalizer2& n = instance("kc");
  return n;
}
const icu::Normalizer2& nfd() {
  static const icu::Normalizer2& n = instance("d");
  return n;
}
const icu::Normalizer2& nfc() {
  static const icu::Normalizer2& n = instance("c");
  return n;
}

icu::UnicodeString apply(const icu::Normalizer2& n, const icu::UnicodeString& text) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString out = n.normalize(text, status);
  if (U_FAILURE(status)) {
    throw std::runtime_error(std::string("ICU normalization failed: ") +
                             u_errorName(status));
  }
  return out;
}

icu::UnicodeString from_utf8(std::string_view text) {
  return icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
}

std::string to_utf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

bool is_ascii(std::string_view text) {
  for (unsigned char c : text) {
    if (c >= 0x80) return false;
  }
  return true;
}

// --- Tone-mark placement -------------------------------------------------

// One letter of a decomposed syllable: its base, its vowel mark (circumflex,
// breve or horn) and its tone mark, each 0 when absent.
struct Letter {
  UChar32 base = 0;
  UChar32 vowel_mark = 0;
  UChar32 tone = 0;
};

bool is_tone_mark(UChar32 c) {
  return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323;
}
bool is_vowel_mark(UChar32 c) { return c == 0x0302 || c == 0x0306 || c == 0x031B; }
bool is_vowel(UChar32 c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}
bool is_consonant(UChar32 c) {
  return c == 0x0111 /* đ */ || (c >= 'a' && c <= 'z' && !is_vowel(c));
}

// Splits an NFD syllable into letters; false when it holds anything but
// Latin letters with Vietnamese marks, or more than one tone mark.
bool split_letters(const icu::UnicodeString& decomposed, std::vector<Letter>& letters,
                   int& tones) {
  tones = 0;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (is_tone_mark(c) || is_vowel_mark(c)) {
      if (letters.empty()) return false;
      UChar32& slot = is_tone_mark(c) ? letters.back().tone : letters.back().vowel_mark;
      if (slot != 0) return false;
      slot = c;
      if (is_tone_mark(c)) ++tones;
    } else if (is_vowel(c) || is_consonant(c)) {
      letters.push_back(Letter{c, 0, 0});
    } else {
      return false;
    }
  }
  return tones == 1;
}

bool starts_with(const std::vector<Letter>& letters, std::size_t at, std::string_view s) {
  if (at + s.size() > letters.size()) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (letters[at + i].base != static_cast<UChar32>(s[i])) return false;
  }
  return true;
}

// Returns the length of the initial consonant of a syllable. "qu" and "gi"
// are consonants when a vowel follows them.
std::size_t initial_length(const std::vector<Letter>& l) {
  static constexpr std::array<std::string_view, 10> kTwoOrThree = {
      "ngh", "ng", "gh", "kh", "nh", "ph", "th", "tr", "ch", "qu"};
  for (std::string_view c : kTwoOrThree) {
    if (starts_with(l, 0, c) && (c != "qu" || (l.size() > 2 && is_vowel(l[2].base))))
      return c.size();
  }
  if (starts_with(l, 0, "gi") && l.size() > 2 && is_vowel(l[2].base)) return 2;
  return !l.empty() && is_consonant(l[0].base) ? 1 : 0;
}

bool is_final(const std::vector<Letter>& l, std::size_t at) {
  static constexpr std::array<std::string_view, 9> kFinals = {"",   "c",  "ch", "m", "n",
                                                              "ng", "nh", "p",  "t"};
  const std::size_t rest = l.size() - at;
  for (std::string_view f : kFinals) {
    if (f.size() == rest && starts_with(l, at, f)) return true;
  }
  return false;
}

// Returns the index of the letter that carries the tone in the traditional
// placement, or -1 when `l` is not a Vietnamese syllable.
int tone_index(const std::vector<Letter>& l) {
  const std::size_t first = initial_length(l);
  std::size_t last = first;
  while (last < l.size() && is_vowel(l[last].base)) ++last;
  const std::size_t vowels = last - first;
  if (vowels == 0 || vowels > 3 || !is_final(l, last)) return -1;
  for (std::size_t i = last; i-- > first;) {
    if (l[i].vowel_mark != 0) return static_cast<int>(i);  // ê ơ ô â ă ư
  }
  if (last < l.size()) return static_cast<int>(last - 1);  // closed: hoàng
  if (vowels == 3) return static_cast<int>(first + 1);     // khuỷu, ngoái
  return static_cast<int>(first);  // open: hòa, thủy, khỏe, mái
}

// Code points below this are folded by table; others become a space.
constexpr UChar32 kSkeletonLimit = 0x2000;

// For each code point below kSkeletonLimit: its folded ASCII letter or digit,
// 0 for a combining mark or a default-ignorable character (dropped), ' ' for
// anything else.
const std::array<char, kSkeletonLimit>& skeleton_table() {
  static const std::array<char, kSkeletonLimit> table = [] {
    std::array<char, kSkeletonLimit> t{};
    for (UChar32 c = 0; c < kSkeletonLimit; ++c) {
      t[c] = ' ';
      if (u_charType(c) == U_NON_SPACING_MARK ||
          u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) {
        t[c] = 0;
        continue;
      }
      if (!u_isalnum(c)) continue;
      icu::UnicodeString folded = apply(nfd(), icu::UnicodeString(c).foldCase());
      const UChar32 base = folded.length() > 0 ? folded.char32At(0) : 0;
      if (base == 0x0111) {
        t[c] = 'd';
      } else if (base < 0x80 && u_isalnum(base)) {
        t[c] = static_cast<char>(base);
      }
    }
    return t;
  }();
  return table;
}

// Spells each word of `key` (n bytes) that has_i_y_spelling() as the
// Analyzer does: "ti" -> "ty", "qui" -> "quy", "sy" -> "si".
void unify_i_y_words(char* key, std::size_t n) {
  for (std::size_t begin = 0; begin < n;) {
    std::size_t end = begin;
    while (end < n && key[end] != ' ') ++end;
    if (end - begin >= 2 && end - begin <= 3) {
      std::string word(key + begin, end - begin);
      if (unify_i_y(word)) key[end - 1] = word.back();  // ASCII: one byte for one
    }
    begin = end + 1;
  }
}

}  // namespace

std::string search_skeleton(std::string_view text, std::vector<std::uint32_t>& origin) {
  std::string key;
  search_skeleton(text, key, origin);
  return key;
}

void search_skeleton(std::string_view text, std::string& key,
                     std::vector<std::uint32_t>& origin) {
  const char* const table = skeleton_table().data();
  key.resize(text.size());
  origin.resize(text.size());
  // Plain pointers: writes through a char* could otherwise alias the
  // containers' own pointers and force reloads on every byte.
  char* const out = key.data();
  std::uint32_t* const from = origin.data();
  std::size_t n = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    if (s[i] < 0x80) {  // no ASCII character is a combining mark
      out[n] = table[s[i]];
      from[n++] = static_cast<std::uint32_t>(i++);
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    char folded = c >= 0 && c < kSkeletonLimit ? table[c] : ' ';
    if (c >= 0xFF10 && c <= 0xFF5A) folded = table[c - 0xFEE0];  // full-width
    if (c >= kSkeletonLimit &&
        u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) {
      folded = 0;  // zero-width space, BOM...
    }
    if (folded == 0) continue;  // a combining mark or an ignorable character
    out[n] = folded;
    from[n++] = static_cast<std::uint32_t>(start);
  }
  unify_i_y_words(out, n);
  key.resize(n);
  origin.resize(n);
}

std::string fold_case(std::string_view text) {
  if (is_ascii(text)) {
    std::string out(text);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  return to_utf8(apply(nfkc_casefold(), from_utf8(text)));
}

std::string upper_case(std::string_view text) {
  icu::UnicodeString upper = from_utf8(text);
  upper.toUpper(icu::Locale("vi"));
  return to_utf8(upper);
}

std::string place_tone_mark(std::string_view syllable) {
  if (is_ascii(syllable)) return std::string(syllable);
  const icu::UnicodeString decomposed = apply(nfd(), from_utf8(syllable));
  std::vector<Letter> letters;
  int tones = 0;
  if (!split_letters(decomposed, letters, tones)) return std::string(syllable);
  const int target = tone_index(letters);
  if (target < 0) return std::string(syllable);
  UChar32 tone = 0;
  for (Letter& letter : letters) {
    if (letter.tone != 0) tone = letter.tone, letter.tone = 0;
  }
  letters[target].tone = tone;
  icu::UnicodeString rebuilt;
  for (const Letter& letter : letters) {
    rebuilt.append(letter.base);
    if (letter.vowel_mark != 0) rebuilt.append(letter.vowel_mark);
    if (letter.tone != 0) rebuilt.append(letter.tone);
  }
  return to_utf8(apply(nfc(), rebuilt));
}

std::string strip_diacritics(std::string_view text) {
  if (is_ascii(text)) return std::string(text);
  const icu::UnicodeString decomposed = apply(nfd(), from_utf8(text));
  icu::UnicodeString kept;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (c == 0x0111) c = 'd';
    if (c == 0x0110) c = 'D';
    kept.append(c);
  }
  return to_utf8(apply(nfc(), kept));
}

std::size_t find_invalid_utf8(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return static_cast<std::size_t>(start);
  }
  return std::string_view::npos;
}

std::string repair_utf8(std::string_view text) {
  if (find_invalid_utf8(text) == std::string_view::npos) {
    return std::string(text);
  }
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  std::string out;
  out.reserve(text.size() + 16);
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(text.substr(start, i - start));
    }
  }
  return out;
}

std::string match_case(std::string_view word, std::string_view typed) {
  const icu::UnicodeString typed_text = from_utf8(typed);
  int letters = 0, upper = 0;
  bool first_upper = false;
  for (int32_t i = 0; i < typed_text.length();) {
    const UChar32 c = typed_text.char32At(i);
    if (u_isalpha(c)) {
      first_upper = first_upper || (letters == 0 && u_isupper(c));
      ++letters;
      upper += u_isupper(c) ? 1 : 0;
    }
    i += U16_LENGTH(c);
  }
  icu::UnicodeString out = from_utf8(word);
  if (letters >= 2 && upper == letters)
    return to_utf8(out.toUpper(icu::Locale::getRoot()));
  if (!first_upper) return std::string(word);
  for (int32_t i = 0; i < out.length(); i += U16_LENGTH(out.char32At(i))) {
    const UChar32 c = out.char32At(i);
    if (!u_isalpha(c)) continue;
    icu::UnicodeString first(c);
    out.replace(i, U16_LENGTH(c), first.toUpper(icu::Locale::getRoot()));
    break;
  }
  return to_utf8(out);
}

std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut);
}

std::size_t count_code_points(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace vnews
