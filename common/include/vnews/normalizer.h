// normalizer.h -- Unicode normalization, Vietnamese tone-mark placement and
// diacritic folding. Every function takes and returns UTF-8 and never throws on
// bad input: invalid bytes become U+FFFD.
#ifndef VNEWS_NORMALIZER_H_
#define VNEWS_NORMALIZER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vnews {

// Returns `text` in NFKC with full Unicode case folding and the default
// ignorable characters (ZWJ, ZWNJ, BOM, soft hyphen...) removed: NFC and NFD
// input, upper and lower case, full-width Latin all give the same string.
std::string fold_case(std::string_view text);

// Returns `text` in upper case, as Vietnamese writes it ("điện" -> "ĐIỆN").
std::string upper_case(std::string_view text);

// Returns a case-folded Vietnamese syllable with its tone mark in the
// traditional placement ("hoà" -> "hòa", "thuỷ" -> "thủy", "khoẻ" -> "khỏe").
// Strings that are not one Vietnamese syllable with one tone mark come back
// unchanged, e.g. "quý", "hoàng", "café".
std::string place_tone_mark(std::string_view syllable);

// Returns `text` with every combining mark removed and đ/Đ mapped to d/D, in
// NFC: "Điện thoại" -> "Dien thoai".
std::string strip_diacritics(std::string_view text);

// Returns `word` (lower case, as the Analyzer makes terms) in the letter
// case of `typed`: all upper case when `typed` has two or more letters, all
// upper case; its first letter upper case when `typed` starts with one;
// else unchanged. "điện", "Dien" -> "Điện"; "tp.hcm", "TPHCM" -> "TP.HCM".
std::string match_case(std::string_view word, std::string_view typed);

// Returns a quick search key for `text`: each letter and digit lowercased
// and folded to ASCII without its diacritics (đ -> d), combining marks and
// default-ignorable characters dropped, every other character a space, and
// the words whose i and y spellings are one spelt with y, as the Analyzer
// spells them ("Tỉ" -> "ty", i_y_spelling.h). `origin` receives, for each byte
// of the key, the offset in `text` of the character it came from. For
// locating candidate passages fast; the Analyzer decides what matches.
std::string search_skeleton(std::string_view text, std::vector<std::uint32_t>& origin);

// As above, into `key`, reusing its storage and `origin`'s.
void search_skeleton(std::string_view text, std::string& key,
                     std::vector<std::uint32_t>& origin);

// Returns the byte offset of the first invalid UTF-8 sequence in `text`
// (overlong forms, surrogates and truncated sequences count), or npos.
std::size_t find_invalid_utf8(std::string_view text);

// Returns `text` with each invalid UTF-8 sequence replaced by U+FFFD.
std::string repair_utf8(std::string_view text);

// Returns the longest prefix of `text` of at most `max_bytes` bytes that
// does not end inside a UTF-8 sequence.
std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes);

// Returns the number of Unicode code points in valid UTF-8 `text`.
std::size_t count_code_points(std::string_view text);

}  // namespace vnews

#endif  // VNEWS_NORMALIZER_H_
