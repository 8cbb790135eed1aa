// i_y_spelling.h -- one spelling for the syllables Vietnamese writes with
// either i or y: "tỉ"/"tỷ", "lí"/"lý", "kĩ"/"kỹ", "qui"/"quy", "hi"/"hy".
//
// The rule: a syllable that is exactly one of the onsets h, k, l, m, s, t or
// qu followed by i or y and nothing else (an open syllable, any tone) is
// spelt with the letter most of the corpus writes after that onset: y, but i
// after s ("bác sĩ", "sĩ quan"). Other onsets keep their
// letter: there the two spellings are different words or names ("vi"/"Vy",
// "thi"/"Thy", "ni"/"Ny", "xi"/"xy"), and so do "y" alone, "uy"/"ui",
// "ay"/"ai" and every longer rhyme. README.md ("How text becomes terms")
// gives the corpus counts behind the choice.
#ifndef VNEWS_I_Y_SPELLING_H_
#define VNEWS_I_Y_SPELLING_H_

#include <string>
#include <string_view>

namespace vnews {

// Returns true when `syllable` is one whose i and y spellings are one word:
// an onset of the rule and i or y, with or without a tone mark.
// REQUIRES: `syllable` is case folded and in NFC (as fold_case() returns it).
bool has_i_y_spelling(std::string_view syllable);

// Rewrites `syllable` to the one spelling of the rule when has_i_y_spelling();
// returns whether it changed it ("tỉ" -> "tỷ", "qui" -> "quy", "sỹ" -> "sĩ";
// "tỷ", "sĩ" and "thi" stay).
// REQUIRES: as has_i_y_spelling().
bool unify_i_y(std::string& syllable);

}  // namespace vnews

#endif  // VNEWS_I_Y_SPELLING_H_
