// input_method.h -- words typed in Telex or VNI with the input method off
// ("ddieenj", "D9ie6n5"), decoded into the Vietnamese syllable meant.
#ifndef VNEWS_INPUT_METHOD_H_
#define VNEWS_INPUT_METHOD_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vnews {

enum class InputMethod { kTelex, kVni };

// Returns the syllable `word` gives typed in Telex, as Unikey reads it:
// dd -> đ; aa, ee, oo -> â, ê, ô; aw, ow, uw -> ă, ơ, ư; w with no vowel
// to mark -> ư; uow, uwo, uwow -> ươ; s f r x j -> the five tones and z -> no
// tone, anywhere after the first vowel (the last one counts). Marks may come
// after the final consonant ("ddienej", "ddajngw"). A key typed twice to
// get the letter itself ("herr", "aaa") gives nothing. Each letter keeps
// its case ("DDieenj" -> "Điện", "DDIEENJ" -> "ĐIỆN"); the tone goes where
// the traditional placement puts it. Returns nothing when `word` holds
// anything but ASCII letters or the result is not a Vietnamese syllable
// (syllable.h).
std::optional<std::string> decode_telex(std::string_view word);

// Returns the syllable `word` gives typed in VNI: digits 1-5 the tones
// (sắc, huyền, hỏi, ngã, nặng), 6 circumflex (â ê ô), 7 horn (ơ ư; ươ on
// uo), 8 breve (ă), 9 đ, each after its letter or later in the word
// ("D9ie6n5", "dien65", "die65n"). Case as decode_telex(). Returns nothing
// when `word` holds anything but ASCII letters and digits, no digit, a
// digit with nothing to mark, two tone digits, or when the result is not a
// Vietnamese syllable.
std::optional<std::string> decode_vni(std::string_view word);

// How a typed word decodes.
struct TypedWord {
  std::string syllable;  // what decode_telex() or decode_vni() gives
  InputMethod method = InputMethod::kTelex;
  // True when the keys typed are ones English words and codes do not show:
  // dd, a j tone, a VNI digit before a letter, two marks or more ("ddieenj",
  // "thoaij", "nguwowif", "D9ie6n5", "dien65"), and the syllable has more
  // than its vowels ("o73" for "ở", like "U17", is not certain). False for
  // "mix", "bus", "tex", "teen", "Mi5" and "cos" (có).
  bool certain = false;
};

// Returns how `word` decodes when it is not a Vietnamese syllable as typed
// and decodes, in Telex or else in VNI, into one that differs from it.
// Returns nothing for "xoong", "thoai" or "Hà" (syllables already),
// "iPhone" and "H5N1" (no syllable), "ddd" (a key typed twice).
std::optional<TypedWord> read_typed_word(std::string_view word);

// Returns the syllable `word` was meant to be, when read_typed_word() is
// certain of it: "ddieenj" -> "điện", "D9ie6n5" -> "Điện"; nothing for
// "mix", "box", "tex", "fix", "six", "bus" or "điện".
std::optional<std::string> decode_typed_word(std::string_view word);

// Returns, for each word of one query, the syllable it was meant to be or
// nothing: certain decodings, and the others read_typed_word() gives when
// another word of the query decodes certainly in the same input method
// ("cos" is "có" in "ddieenj thoaij cos", "mix" stays in "mix sex").
std::vector<std::optional<std::string>> decode_typed_words(
    const std::vector<std::string>& words);

}  // namespace vnews

#endif  // VNEWS_INPUT_METHOD_H_
