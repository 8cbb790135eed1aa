#include "spelling.h"

#include <string>

#include "vnews/schema.h"

namespace vnews {
namespace {

// Words shorter than this (in bytes) are too short to correct usefully.
constexpr std::size_t kMinWordBytes = 3;

// True for an exact syllable term: schema.h gives those no prefix, and every
// prefix starts with an upper-case letter, which case-folded words never do.
bool is_exact_term(const std::string& term) {
  return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z');
}

}  // namespace

void add_spellings(Xapian::WritableDatabase& db, const Xapian::Document& doc) {
  const std::string folded = schema::kFoldedPrefix;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    const std::string term = *it;
    std::string word;
    if (is_exact_term(term)) {
      word = term;
    } else if (term.compare(0, folded.size(), folded) == 0) {
      word = term.substr(folded.size());
    }
    if (word.size() < kMinWordBytes || word.size() > 64) continue;
    if (word.find_first_of("0123456789") != std::string::npos) continue;
    db.add_spelling(word);
  }
}

}  // namespace vnews
