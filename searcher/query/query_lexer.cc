#include "query/query_lexer.h"

namespace vnews {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool ends_word(char c) { return is_space(c) || c == '(' || c == ')' || c == '"'; }

bool starts_with_field(std::string_view word, std::string_view name) {
  if (word.size() <= name.size() || word[name.size()] != ':') return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = word[i];
    if ((c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c) != name[i]) return false;
  }
  return true;
}

// Strips a field prefix ("title:", "category:", ...) from `word`.
Lexeme::FieldName take_field(std::string_view& word) {
  static constexpr std::pair<std::string_view, Lexeme::FieldName> kFields[] = {
      {"title", Lexeme::kTitleField}, {"category", Lexeme::kCategoryField},
      {"date", Lexeme::kDateField},   {"source", Lexeme::kSourceField},
      {"id", Lexeme::kIdField},       {"url", Lexeme::kUrlField}};
  for (const auto& [name, field] : kFields) {
    if (starts_with_field(word, name)) {
      word.remove_prefix(name.size() + 1);
      return field;
    }
  }
  return Lexeme::kNoField;
}

Lexeme::Kind word_kind(std::string_view word) {
  if (word == "AND" || word == "&&") return Lexeme::kAnd;
  if (word == "OR" || word == "||") return Lexeme::kOr;
  if (word == "NOT") return Lexeme::kNot;
  return Lexeme::kWord;
}

// Reads a quoted phrase starting at the quote `pos`; returns the end.
std::size_t read_phrase(std::string_view query, std::size_t pos, Lexeme& lexeme) {
  const std::size_t close = query.find('"', pos + 1);
  const std::size_t stop = close == std::string_view::npos ? query.size() : close;
  lexeme.kind = Lexeme::kPhrase;
  lexeme.text = query.substr(pos + 1, stop - pos - 1);
  return close == std::string_view::npos ? stop : stop + 1;
}

}  // namespace

std::vector<Lexeme> lex_query(std::string_view query) {
  std::vector<Lexeme> out;
  std::size_t pos = 0;
  while (pos < query.size()) {
    if (is_space(query[pos])) {
      ++pos;
      continue;
    }
    Lexeme lexeme;
    lexeme.begin = pos;
    if (query[pos] == '(' || query[pos] == ')') {
      lexeme.kind = query[pos] == '(' ? Lexeme::kOpen : Lexeme::kClose;
      lexeme.text = query.substr(pos, 1);
      lexeme.end = ++pos;
      out.push_back(lexeme);
      continue;
    }
    if (query[pos] == '"') {
      lexeme.end = pos = read_phrase(query, pos, lexeme);
      out.push_back(lexeme);
      continue;
    }
    std::size_t stop = pos;
    while (stop < query.size() && !ends_word(query[stop])) ++stop;
    std::string_view word = query.substr(pos, stop - pos);
    pos = stop;
    lexeme.kind = word_kind(word);
    if (lexeme.kind == Lexeme::kWord) {
      if (word.size() > 1 && (word[0] == '+' || word[0] == '-')) {
        lexeme.sign = word[0];
        word.remove_prefix(1);
      } else if (word.size() == 1 && (word[0] == '+' || word[0] == '-') &&
                 pos < query.size() && (query[pos] == '(' || query[pos] == '"')) {
        lexeme.sign = word[0];  // "-(a b)" or -"a b": the sign goes to what follows
        word.remove_prefix(1);
      }
      lexeme.field = take_field(word);
      if (word.empty() && pos < query.size() &&
          (query[pos] == '"' || query[pos] == '(')) {
        if (query[pos] == '"') {
          pos = read_phrase(query, pos, lexeme);
        } else {
          lexeme.kind = Lexeme::kOpen;
          lexeme.text = query.substr(pos++, 1);
        }
        lexeme.end = pos;
        out.push_back(lexeme);
        continue;
      }
      if (word.size() > 1 && word.back() == '*') {
        while (word.size() > 1 && word.back() == '*') word.remove_suffix(1);
        lexeme.wildcard = word.back() != '*';
      }
    }
    lexeme.text = word;
    lexeme.end = pos;
    out.push_back(lexeme);
  }
  return out;
}

}  // namespace vnews
