// syllable.h -- Vietnamese orthography: whether a word is one syllable as
// Vietnamese writes it, and its parts (onset, rhyme, tone).
#ifndef VNEWS_SYLLABLE_H_
#define VNEWS_SYLLABLE_H_

#include <optional>
#include <string>
#include <string_view>

namespace vnews {

// The six tones, in the order of VNI's digits 1-5 after kLevel.
enum class Tone { kLevel = 0, kAcute, kGrave, kHook, kTilde, kDot };

// A syllable split into its parts, lower case, NFC, without the tone mark:
// "Thuyền" is {"th", "uyên", kGrave}; "quý" is {"qu", "y", kAcute}; "gì" is
// {"gi", "", kGrave} (the i of the onset gi is the vowel).
struct SyllableParts {
  std::string onset;  // "", "b", "ch", "đ", "gh", "gi", "ngh", "qu", ...
  std::string rhyme;  // "a", "ương", "uyên"; "" only after gi ("gì")
  Tone tone = Tone::kLevel;
};

// Returns the parts of `word` when it is one Vietnamese syllable as written:
// a known onset and rhyme that may stand together (k, gh, ngh before e, ê, i
// and c, g, ng before other vowels; k also before them in place names: Kạn,
// Kon Tum; qu and gi; yê only without an onset), at most one tone mark, and
// a stop-final rhyme (-c, -ch, -p, -t) only with the acute or dot tone. Any
// case, NFC or NFD; either tone-mark placement; loanword rhymes written in
// Vietnamese ("xoong", "moóc") count. Returns nothing for anything else,
// including invalid UTF-8 and words over 30 bytes.
std::optional<SyllableParts> parse_syllable(std::string_view word);

// As above, for the letters of a syllable without its tone mark, in lower
// case NFC ("thuyên"), and the tone to give it.
std::optional<SyllableParts> parse_syllable(std::string_view letters, Tone tone);

// True when parse_syllable(word) would return parts.
bool is_vietnamese_syllable(std::string_view word);

// True when `folded` (a word without diacritics, in lower case) has two
// groups of vowels apart ("wifi", "hanoi", "vietnam"), which no syllable has
// however it is accented; false for a word that is a syllable only once
// accented ("thuan": thuần) and for words of no vowel.
bool has_several_vowel_groups(std::string_view folded);

// Returns the syllable of `parts` in lower case NFC, its tone mark in the
// traditional placement ("hòa", "thủy"). Parts parse_syllable() would not
// give come back in the same way, unchecked.
std::string compose_syllable(const SyllableParts& parts);

}  // namespace vnews

#endif  // VNEWS_SYLLABLE_H_
