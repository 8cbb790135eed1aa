#include "vnews/terms.h"

namespace vnews {

std::string exact_term(const Token& token, Field field) {
  if (token.single_form()) return folded_term(token.folded, field);
  std::string out(exact_prefix(field));
  return out.append(token.term);
}

std::string folded_term(std::string_view folded, Field field) {
  std::string out;
  return set_folded_term(out, folded, field);
}

std::string pair_term(std::string_view first_folded, std::string_view second_folded) {
  std::string out;
  return set_pair_term(out, first_folded, second_folded);
}

bool is_exact_term(std::string_view term) {
  return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z');
}

}  // namespace vnews
