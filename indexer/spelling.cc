#include "spelling.h"

#include <cstring>
#include <string>

#include "vnews/schema.h"

namespace vnews {
namespace {

// Words shorter than this (in bytes) are too short to correct usefully.
constexpr std::size_t kMinWordBytes = 3;
// Longer ones are no syllables.
constexpr std::size_t kMaxWordBytes = 64;

// True for an exact syllable term: schema.h gives those no prefix, and every
// prefix starts with an upper-case letter, which case-folded words never do.
bool is_exact_term(const std::string& term) {
  return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z');
}

}  // namespace

void SpellingCounts::add(const Xapian::Document& doc) {
  static const std::size_t kFoldedBytes = std::strlen(schema::kFoldedPrefix);
  std::string word;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    const std::string& term = *it;
    std::size_t skip = 0;
    if (is_exact_term(term)) {
      skip = 0;
    } else if (term.compare(0, kFoldedBytes, schema::kFoldedPrefix) == 0) {
      skip = kFoldedBytes;
    } else {
      continue;
    }
    const std::size_t bytes = term.size() - skip;
    if (bytes < kMinWordBytes || bytes > kMaxWordBytes) continue;
    if (term.find_first_of("0123456789", skip) != std::string::npos) continue;
    word.assign(term, skip, std::string::npos);
    ++counts_[word];
  }
}

void SpellingCounts::write_to(Xapian::WritableDatabase& db) {
  for (const auto& [word, count] : counts_) db.add_spelling(word, count);
  counts_.clear();
}

void add_spellings(Xapian::WritableDatabase& db, const Xapian::Document& doc) {
  SpellingCounts counts;
  counts.add(doc);
  counts.write_to(db);
}

}  // namespace vnews
