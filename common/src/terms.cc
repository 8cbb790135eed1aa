#include "vnews/terms.h"

#include "vnews/schema.h"

namespace vnews {

const char* exact_prefix(Field field) {
  return field == Field::kTitle ? schema::kTitlePrefix : "";
}

const char* folded_prefix(Field field) {
  return field == Field::kTitle ? schema::kFoldedTitlePrefix : schema::kFoldedPrefix;
}

std::string exact_term(const Token& token, Field field) {
  if (token.single_form()) return folded_term(token.folded, field);
  return exact_prefix(field) + token.term;
}

std::string folded_term(std::string_view folded, Field field) {
  std::string out;
  return set_folded_term(out, folded, field);
}

std::string pair_term(std::string_view first_folded, std::string_view second_folded) {
  std::string out;
  return set_pair_term(out, first_folded, second_folded);
}

std::string& set_folded_term(std::string& out, std::string_view folded, Field field) {
  out.assign(folded_prefix(field));
  return out.append(folded);
}

std::string& set_exact_title_term(std::string& out, std::string_view term) {
  out.assign(schema::kTitlePrefix);
  return out.append(term);
}

std::string& set_pair_term(std::string& out, std::string_view first_folded,
                           std::string_view second_folded) {
  out.assign(schema::kBigramPrefix);
  out.append(first_folded).push_back(' ');
  return out.append(second_folded);
}

bool is_exact_term(std::string_view term) {
  return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z');
}

}  // namespace vnews
