// terms.h -- how each kind of term of schema.h is spelled for a word, a field
// and a form. The indexer that writes terms and the searcher that looks them
// up both spell them here, so the two can never disagree.
#ifndef VNEWS_TERMS_H_
#define VNEWS_TERMS_H_

#include <string>
#include <string_view>

#include "vnews/analyzer.h"
#include "vnews/schema.h"

namespace vnews {

// Where a word's terms are: in any field, or only in the title.
enum class Field { kAll, kTitle };

// Returns the term of `token` in exactly the form written (NFKC, case folded,
// traditional tone placement): the unprefixed exact term, or in the title
// kTitlePrefix + term. A word of a single form (Token::single_form()) has
// no exact term: its folded term is returned.
std::string exact_term(const Token& token, Field field);

// Returns the folded term of a word whose folded form is `folded`:
// kFoldedPrefix + folded, or in the title kFoldedTitlePrefix + folded.
std::string folded_term(std::string_view folded, Field field);

// Returns the term of two adjacent words: kBigramPrefix + "a b" of their
// folded forms. Pairs are indexed over all fields together.
std::string pair_term(std::string_view first_folded, std::string_view second_folded);

// Returns the prefix of `field`'s exact terms ("" for kAll) or folded terms.
constexpr std::string_view exact_prefix(Field field) {
  return field == Field::kTitle ? schema::kTitlePrefix : "";
}
constexpr std::string_view folded_prefix(Field field) {
  return field == Field::kTitle ? schema::kFoldedTitlePrefix : schema::kFoldedPrefix;
}

// As the functions above, but set `out` to the term and return it, reusing
// its storage (the indexer calls these once per word: inline).
inline std::string& set_folded_term(std::string& out, std::string_view folded,
                                    Field field) {
  out.clear();
  return out.append(folded_prefix(field)).append(folded);
}
inline std::string& set_exact_title_term(std::string& out, std::string_view term) {
  out.clear();
  return out.append(schema::kTitlePrefix).append(term);
}
inline std::string& set_pair_term(std::string& out, std::string_view first_folded,
                                  std::string_view second_folded) {
  out.clear();
  return out.append(schema::kBigramPrefix)
      .append(first_folded)
      .append(1, ' ')
      .append(second_folded);
}

// True when `term` is an unprefixed exact term. Every prefix of schema.h
// starts with a letter A-Z, which a case-folded word never does; so the
// exact terms are the terms outside the range ["A", "[").
bool is_exact_term(std::string_view term);

// The first term after every term starting with A-Z: skip_to() it to pass
// over the prefixed terms of a term list in one step.
inline constexpr char kAfterPrefixedTerms[] = "[";

}  // namespace vnews

#endif  // VNEWS_TERMS_H_
