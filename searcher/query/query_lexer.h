// query_lexer.h -- splits what the user typed into the pieces of the query
// language: words, "phrases", parentheses, operators, +/- signs, field
// prefixes (title:, category:, date:, source:, id:, url:) and trailing
// wildcards.
// It never fails: any bytes give pieces.
#ifndef VNEWS_SEARCHER_QUERY_QUERY_LEXER_H_
#define VNEWS_SEARCHER_QUERY_QUERY_LEXER_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace vnews {

// One piece of a query.
struct Lexeme {
  enum Kind { kWord, kPhrase, kOpen, kClose, kAnd, kOr, kNot };
  enum FieldName {
    kNoField,
    kTitleField,
    kCategoryField,
    kDateField,
    kSourceField,
    kIdField,
    kUrlField
  };

  Kind kind = kWord;
  std::string_view text;  // the word, or the phrase without its quotes
  char sign = 0;          // '+' (required), '-' (excluded) or 0
  FieldName field = kNoField;
  bool wildcard = false;  // the word ended in '*', which `text` leaves out
  std::size_t begin = 0;  // bytes [begin, end) of the whole piece in the query
  std::size_t end = 0;
};

// Returns the pieces of `query` in order. Operators are the upper-case words
// AND, OR and NOT (also "&&", "||"); the parser decides whether they act as
// operators. An unbalanced quote runs to the end. The returned views point
// into `query`.
std::vector<Lexeme> lex_query(std::string_view query);

}  // namespace vnews

#endif  // VNEWS_SEARCHER_QUERY_QUERY_LEXER_H_
