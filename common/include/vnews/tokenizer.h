// tokenizer.h -- word boundaries by ICU's BreakIterator (UAX #29), in bytes.
#ifndef VNEWS_TOKENIZER_H_
#define VNEWS_TOKENIZER_H_

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace vnews {

// A word of the source text: bytes [begin, end).
struct WordSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Splits text into the words ICU finds: runs of letters (Vietnamese syllables,
// "TP.HCM", "iPhone") and numbers kept whole ("24.000", "1,5", "2017").
// Spaces, punctuation, symbols and emoji are dropped. Word boundaries are
// always grapheme-cluster boundaries; ICU splits at a zero-width space
// (see is_ignorable_gap()). Not thread-safe: one per thread.
class WordBreaker {
 public:
  WordBreaker();
  ~WordBreaker();
  WordBreaker(const WordBreaker&) = delete;
  WordBreaker& operator=(const WordBreaker&) = delete;

  // Replaces `out` with the words of `text`, in order. Invalid UTF-8 bytes
  // are never part of a word.
  void split(std::string_view text, std::vector<WordSpan>& out);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// True when `gap`, the bytes between two words, starts with a default-
// ignorable character (zero-width space, joiners, word joiner, BOM, soft
// hyphen...) and holds only those and combining marks (which would attach
// to the word before without them). Case folding removes such characters,
// so the Analyzer makes the words on either side one ("Xiao\u200Bmi", NFD
// "Vie\u200B\u0302\u0323t").
bool is_ignorable_gap(std::string_view gap);

// Returns the parts of one word (`word`: the bytes of a WordSpan) as spans
// within it, split at each character that is neither a letter nor a digit
// (dropped: "TP.HCM" -> "TP" "HCM"), each junction of letters and digits
// ("covid19", "H5N1"), and each lower-case letter followed by a capital
// after two letters or more ("LienVietPostBank"; not "iPhone"). Marks stay
// with their letter. Returns {} when the word is one part. Invalid UTF-8
// separates parts.
std::vector<WordSpan> inner_parts(std::string_view word);

}  // namespace vnews

#endif  // VNEWS_TOKENIZER_H_
