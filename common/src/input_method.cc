#include "vnews/input_method.h"

#include <algorithm>
#include <set>

#include "vnews/normalizer.h"
#include "vnews/syllable.h"

namespace vnews {
namespace {

// Longer than any syllable typed with all its keys ("nghieengx" is 9).
constexpr std::size_t kMaxTypedBytes = 24;

enum class Mark { kNone, kCircumflex, kBreve, kHorn, kStroke };

// One letter as typed: its ASCII base, its case and the mark keys gave it.
struct Letter {
  char base = 0;
  bool upper = false;
  Mark mark = Mark::kNone;
};

// A word read key by key: its letters, tone and what the keys showed.
struct Keys {
  std::vector<Letter> letters;
  Tone tone = Tone::kLevel;
  int marks = 0;          // marks given: đ, circumflex, breve, horn
  int far_marks = 0;      // of which circumflexes not typed as "aa", "ee", "oo" ("ngono")
  int tone_keys = 0;      // tone keys or digits typed
  bool stroke = false;    // dd or 9
  bool dot_last = false;  // the last key is Telex's j
  bool key_inside = false;  // a VNI digit with a letter after it
  bool tone_first = false;  // a VNI tone digit before a mark digit ("Su27")
};

bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// True when letters[i] is the u of the onset qu, which takes no mark.
bool onset_u(const std::vector<Letter>& letters, std::size_t i) {
  return i == 1 && letters[0].base == 'q' && letters[i].base == 'u';
}

// Returns the index of the last vowel with base `base` and no mark that a
// key doubling it may still reach, or -1: the key may come after the final
// consonant or semivowel ("ngono", "toio", "nhieuef"), not after another
// vowel of the nucleus ("ngoeo" keeps its o's).
int doubled(const std::vector<Letter>& letters, char base) {
  for (std::size_t i = letters.size(); i-- > 0;) {
    const char c = letters[i].base;
    if (c == base && letters[i].mark == Mark::kNone) return static_cast<int>(i);
    if (c == 'a' || c == 'e') return -1;
  }
  return -1;
}

// Returns the index of the last vowel with base `base` and no mark, or -1.
int last_unmarked(const std::vector<Letter>& letters, char base) {
  for (std::size_t i = letters.size(); i-- > 0;) {
    if (letters[i].base == base && letters[i].mark == Mark::kNone &&
        !onset_u(letters, i)) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

// Gives the horn to "uo" (ươ) when the word has it, else to the last o or u;
// false when there is neither.
bool add_horn(std::vector<Letter>& letters) {
  for (std::size_t i = 0; i + 1 < letters.size(); ++i) {
    Letter &u = letters[i], &o = letters[i + 1];
    const bool free_u = u.mark == Mark::kNone || u.mark == Mark::kHorn;
    const bool free_o = o.mark == Mark::kNone || o.mark == Mark::kHorn;
    if (u.base == 'u' && o.base == 'o' && free_u && free_o && !onset_u(letters, i) &&
        (u.mark == Mark::kNone || o.mark == Mark::kNone)) {
      u.mark = o.mark = Mark::kHorn;
      return true;
    }
  }
  const int at = std::max(last_unmarked(letters, 'o'), last_unmarked(letters, 'u'));
  if (at < 0) return false;
  letters[at].mark = Mark::kHorn;
  return true;
}

// Telex w: a breve on a, a horn on o, u or uo, whichever comes last.
bool add_w(std::vector<Letter>& letters) {
  const int a = last_unmarked(letters, 'a');
  const int horn = std::max(last_unmarked(letters, 'o'), last_unmarked(letters, 'u'));
  if (a > horn) {
    letters[a].mark = Mark::kBreve;
    return true;
  }
  return add_horn(letters);
}

// The tone of a Telex tone key; -1 for other keys.
int telex_tone(char key) {
  switch (key) {
    case 'z':
      return 0;
    case 's':
      return 1;
    case 'f':
      return 2;
    case 'r':
      return 3;
    case 'x':
      return 4;
    case 'j':
      return 5;
    default:
      return -1;
  }
}

// Reads `word` key by key as Telex; false when a key asks for its letter
// itself or `word` holds anything but letters.
bool read_telex(std::string_view word, Keys& keys) {
  bool vowel_seen = false;
  char previous = 0;
  bool previous_acted = false;  // the previous key marked a letter
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (!is_letter(word[i])) return false;
    const char key = lower(word[i]);
    const bool repeated = key == previous && previous_acted;
    bool acted = true;
    std::vector<Letter>& letters = keys.letters;
    const int tone = vowel_seen ? telex_tone(key) : -1;
    if (key == 'd' && i == 1 && letters[0].base == 'd') {
      letters[0].mark = Mark::kStroke;
      keys.stroke = true;
      ++keys.marks;
    } else if (tone >= 0) {
      if (repeated || (tone == 0 && keys.tone == Tone::kLevel)) return false;  // "herr"
      keys.tone = static_cast<Tone>(tone);
      ++keys.tone_keys;
      keys.dot_last = key == 'j' && i + 1 == word.size();
    } else if (key == 'w') {
      if (repeated) return false;
      if (add_w(letters)) {
        ++keys.marks;
      } else {  // ư: "nhw", "tw"; at the start of a word it shows no more than English
        letters.push_back(Letter{'u', is_upper(word[i]), Mark::kHorn});
        keys.marks += letters.size() > 1;
        vowel_seen = true;
      }
    } else if (repeated) {
      return false;  // "ddd", "aaa"
    } else if (vowel_seen && (key == 'a' || key == 'e' || key == 'o') &&
               doubled(letters, key) >= 0) {
      const int at = doubled(letters, key);
      letters[at].mark = Mark::kCircumflex;
      ++keys.marks;
      keys.far_marks += previous != key;  // "ngono", "here": not typed as "oo", "ee"
    } else {
      letters.push_back(Letter{key, is_upper(word[i]), Mark::kNone});
      vowel_seen = vowel_seen || is_vowel(key);
      acted = false;
    }
    previous = key;
    previous_acted = acted;
  }
  return true;
}

// Reads `word` as VNI; false when a digit has nothing to mark, a tone comes
// twice, or `word` holds anything but letters and digits or no digit.
bool read_vni(std::string_view word, Keys& keys) {
  bool vowel_seen = false;
  std::vector<Letter>& letters = keys.letters;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    if (is_letter(c)) {
      letters.push_back(Letter{lower(c), is_upper(c), Mark::kNone});
      vowel_seen = vowel_seen || is_vowel(lower(c));
      keys.key_inside = keys.key_inside || keys.tone_keys + keys.marks > 0;
      continue;
    }
    if (c < '1' || c > '9') return false;  // 0 (no tone) only appears in codes
    if (c <= '5') {
      if (!vowel_seen || keys.tone != Tone::kLevel) return false;
      keys.tone = static_cast<Tone>(c - '0');
      ++keys.tone_keys;
      continue;
    }
    int at = -1;
    if (c == '6') {
      at = std::max({last_unmarked(letters, 'a'), last_unmarked(letters, 'e'),
                     last_unmarked(letters, 'o')});
      if (at >= 0) letters[at].mark = Mark::kCircumflex;
    } else if (c == '7') {
      at = add_horn(letters) ? 0 : -1;
    } else if (c == '8') {
      at = last_unmarked(letters, 'a');
      if (at >= 0) letters[at].mark = Mark::kBreve;
    } else if (!letters.empty() && letters[0].base == 'd' &&
               letters[0].mark == Mark::kNone) {
      at = 0;  // 9
      letters[0].mark = Mark::kStroke;
      keys.stroke = true;
    }
    if (at < 0) return false;
    ++keys.marks;
    keys.tone_first = keys.tone_first || keys.tone_keys > 0;
  }
  return keys.tone_keys + keys.marks > 0;
}

// Returns the lower-case letter `l` stands for, in NFC.
std::string_view spelled(const Letter& l) {
  switch (l.mark) {
    case Mark::kStroke:
      return "đ";
    case Mark::kCircumflex:
      return l.base == 'a' ? "â" : l.base == 'e' ? "ê" : "ô";
    case Mark::kBreve:
      return "ă";
    case Mark::kHorn:
      return l.base == 'o' ? "ơ" : "ư";
    case Mark::kNone:
      break;
  }
  return std::string_view(&l.base, 1);
}

// Returns the syllable `letters` spell with `tone`, each letter in its
// typed case, or nothing when it is not a Vietnamese syllable.
std::optional<std::string> spell_letters(const std::vector<Letter>& letters, Tone tone) {
  std::string toneless;
  for (const Letter& l : letters) toneless += spelled(l);
  const auto parts = parse_syllable(toneless, tone);
  if (!parts) return std::nullopt;
  const std::string lower_case = compose_syllable(*parts);
  std::string out;
  std::size_t i = 0;
  for (std::size_t at = 0; at < lower_case.size(); ++i) {
    std::size_t n = 1;
    while (at + n < lower_case.size() && (lower_case[at + n] & 0xC0) == 0x80) ++n;
    const std::string_view letter(lower_case.data() + at, n);
    out +=
        i < letters.size() && letters[i].upper ? upper_case(letter) : std::string(letter);
    at += n;
  }
  return out;
}

// Returns the syllable `keys` spell, or nothing. ưo is ươ (Unikey's "uwo").
// When the letters as read are no syllable, tries ươ as uơ ("thuowr" ->
// thuở), then each horn or breve moved to another vowel that takes one, the
// way Unikey places a late w ("chuaw" -> chưa, "cuuws" -> cứu).
std::optional<std::string> spell(const Keys& keys) {
  std::vector<Letter> letters = keys.letters;
  for (std::size_t i = 0; i + 1 < letters.size(); ++i) {
    if (letters[i].base == 'u' && letters[i].mark == Mark::kHorn &&
        letters[i + 1].base == 'o' && letters[i + 1].mark == Mark::kNone) {
      letters[i + 1].mark = Mark::kHorn;
    }
  }
  std::vector<std::vector<Letter>> candidates = {letters};
  for (std::size_t i = 0; i + 1 < letters.size(); ++i) {
    if (letters[i].base == 'u' && letters[i].mark == Mark::kHorn &&
        letters[i + 1].mark == Mark::kHorn) {
      candidates.push_back(letters);
      candidates.back()[i].mark = Mark::kNone;
    }
  }
  for (std::size_t from = 0; from < letters.size(); ++from) {
    if (letters[from].mark != Mark::kHorn && letters[from].mark != Mark::kBreve) continue;
    for (std::size_t to = 0; to < letters.size(); ++to) {
      const char base = letters[to].base;
      if (to == from || letters[to].mark != Mark::kNone || onset_u(letters, to) ||
          (base != 'a' && base != 'o' && base != 'u')) {
        continue;
      }
      candidates.push_back(letters);
      candidates.back()[from].mark = Mark::kNone;
      candidates.back()[to].mark = base == 'a' ? Mark::kBreve : Mark::kHorn;
    }
  }
  for (const std::vector<Letter>& candidate : candidates) {
    if (auto syllable = spell_letters(candidate, keys.tone)) return syllable;
  }
  return std::nullopt;
}

// True when the syllable holds no more than one or two vowels ("ở", "ý",
// "ai"): codes and English words ("A1", "U17", "as", "of") decode so.
bool only_vowels(const std::string& syllable) {
  const auto parts = parse_syllable(syllable);
  return parts && parts->onset.empty() && count_code_points(parts->rhyme) <= 2;
}

// True when `keys` show what English words and codes do not: đ, a final j,
// a VNI digit before a letter, or two marks or more, counting one tone and
// no circumflex whose keys were apart, VNI marks typed before the tone.
// Measured on baomoi's foreign words and codes ("doji", "hermes", "hamas",
// "perez", "Su27" show less).
bool telltale(const Keys& keys, InputMethod method) {
  if (keys.stroke) return true;
  if (method == InputMethod::kVni && keys.key_inside) return true;
  if (method == InputMethod::kTelex && keys.dot_last && keys.tone_keys == 1) return true;
  if (keys.tone_first) return false;
  const bool one_tone = keys.tone_keys == 1 && keys.tone != Tone::kLevel;
  return keys.marks - keys.far_marks + (one_tone ? 1 : 0) >= 2;
}

}  // namespace

std::optional<std::string> decode_telex(std::string_view word) {
  Keys keys;
  if (word.empty() || word.size() > kMaxTypedBytes || !read_telex(word, keys)) {
    return std::nullopt;
  }
  return spell(keys);
}

std::optional<std::string> decode_vni(std::string_view word) {
  Keys keys;
  if (word.empty() || word.size() > kMaxTypedBytes || !read_vni(word, keys)) {
    return std::nullopt;
  }
  return spell(keys);
}

std::optional<TypedWord> read_typed_word(std::string_view word) {
  if (word.empty() || word.size() > kMaxTypedBytes || is_vietnamese_syllable(word)) {
    return std::nullopt;
  }
  const bool vni =
      std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
  Keys keys;
  if (!(vni ? read_vni(word, keys) : read_telex(word, keys))) return std::nullopt;
  std::optional<std::string> syllable = spell(keys);
  if (!syllable || *syllable == word) return std::nullopt;
  TypedWord out;
  out.method = vni ? InputMethod::kVni : InputMethod::kTelex;
  out.certain = !only_vowels(*syllable) && telltale(keys, out.method);
  out.syllable = std::move(*syllable);
  return out;
}

std::optional<std::string> decode_typed_word(std::string_view word) {
  std::optional<TypedWord> typed = read_typed_word(word);
  if (!typed || !typed->certain) return std::nullopt;
  return std::move(typed->syllable);
}

std::vector<std::optional<std::string>> decode_typed_words(
    const std::vector<std::string>& words) {
  std::vector<std::optional<TypedWord>> typed;
  std::set<InputMethod> certain;
  for (const std::string& word : words) {
    typed.push_back(read_typed_word(word));
    if (typed.back() && typed.back()->certain) certain.insert(typed.back()->method);
  }
  std::vector<std::optional<std::string>> out(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (typed[i] && certain.count(typed[i]->method) > 0) out[i] = typed[i]->syllable;
  }
  return out;
}

}  // namespace vnews
