#include "vnews/terms.h"

#include <initializer_list>
#include <string>

#include "vnews/schema.h"

namespace vnews {

const char* exact_prefix(Field field) {
  return field == Field::kTitle ? schema::kTitlePrefix : "";
}

const char* folded_prefix(Field field) {
  return field == Field::kTitle ? schema::kFoldedTitlePrefix : schema::kFoldedPrefix;
}

namespace {

// Sets `out` to the concatenation of `parts`, in one allocation at most.
std::string& concatenate(std::string& out, std::initializer_list<std::string_view> parts) {
  std::size_t size = 0;
  for (const std::string_view part : parts) size += part.size();
  out.resize(size);
  char* at = out.data();
  for (const std::string_view part : parts) {
    std::char_traits<char>::copy(at, part.data(), part.size());
    at += part.size();
  }
  return out;
}

}  // namespace

std::string exact_term(const Token& token, Field field) {
  if (token.single_form()) return folded_term(token.folded, field);
  std::string out;
  return concatenate(out, {exact_prefix(field), token.term});
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
  return concatenate(out, {folded_prefix(field), folded});
}

std::string& set_exact_title_term(std::string& out, std::string_view term) {
  return concatenate(out, {schema::kTitlePrefix, term});
}

std::string& set_pair_term(std::string& out, std::string_view first_folded,
                           std::string_view second_folded) {
  return concatenate(out, {schema::kBigramPrefix, first_folded, " ", second_folded});
}

bool is_exact_term(std::string_view term) {
  return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z');
}

}  // namespace vnews
