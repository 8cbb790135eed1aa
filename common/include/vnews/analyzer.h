// analyzer.h -- decides what a term is. The indexer, the query builder, the
// snippet highlighter and the tests all go through Analyzer, so no two places
// disagree about what a word is.
#ifndef VNEWS_ANALYZER_H_
#define VNEWS_ANALYZER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "vnews/tokenizer.h"

namespace vnews {

// The version of the rules that turn text into terms. A database is searched
// with the rules it was indexed with: store this in its metadata and compare
// it when opening. DO NOT forget to bump it when a change gives any text other
// terms. 1: before versions were stored. 2: i/y spellings unified
// (i_y_spelling.h); default-ignorable characters no longer split a word.
inline constexpr int kAnalyzerVersion = 2;

// One word of analyzed text.
struct Token {
  std::string term;       // exact form: NFKC, case folded, traditional tone placement,
                          // one spelling for i/y (i_y_spelling.h)
  std::string folded;     // `term` without diacritics, đ -> d
  std::size_t begin = 0;  // bytes [begin, end) of the word in the analyzed text
  std::size_t end = 0;
  // True when only spaces and at most one '-', '/' or '@' separate this
  // token from the one before it, so the two may form a word ("thị trường",
  // "Covid-19", "3/6/2017"); false across other punctuation and for the first.
  bool joined = false;

  // True when the word carries diacritics, i.e. `term` and `folded` differ.
  bool accented() const { return term != folded; }

  // True when no Vietnamese diacritic could change the word: `folded` is ASCII
  // without vowels or d (2017, 3.5, km, tp, hcm). Such a word has one form,
  // indexed once, as its folded term (schema.h).
  bool single_form() const;
};

// Turns text into tokens. NFC and NFD text, both tone-mark placements, both
// i/y spellings ("tỉ"/"tỷ") and any letter case give the same terms; zero-
// width and other default-ignorable characters never split a word
// ("Xiao\u200Bmi" is one token over all its bytes). Words
// that normalize to nothing or to more than kMaxWordBytes are dropped, so
// positions count only the tokens returned.
// Not thread-safe (it caches normalized words): use one Analyzer per thread.
class Analyzer {
 public:
  static constexpr std::size_t kMaxWordBytes = 100;

  // Returns the tokens of `text` in order; a token's position is its index.
  std::vector<Token> analyze(std::string_view text);

  // As analyze(), but reuses `out`'s storage.
  void analyze(std::string_view text, std::vector<Token>& out);

  // Returns the first word of `text` that analyze() drops because it is
  // longer than kMaxWordBytes once normalized, or "" when there is none.
  std::string_view overlong_word(std::string_view text);

  // Returns the exact and folded forms of one word as analyze() would.
  // REQUIRES: `word` is one word as WordBreaker splits it.
  const Token& normalize_word(std::string_view word);

 private:
  // Hashes std::string and std::string_view alike, so lookups need no copy.
  struct WordHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const {
      return std::hash<std::string_view>()(s);
    }
  };

  // Replaces the token of the word ending at spans_[i - 1], if any, by one
  // spanning it and spans_[i], which only ignorable characters separate.
  void join_ignorable(std::string_view text, std::size_t i, std::vector<Token>& out);

  WordBreaker breaker_;
  std::vector<WordSpan> spans_;
  std::unordered_map<std::string, Token, WordHash, std::equal_to<>>
      cache_;  // raw word -> forms
};

}  // namespace vnews

#endif  // VNEWS_ANALYZER_H_
