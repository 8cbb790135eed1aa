#include "spelling.h"

#include <cstring>
#include <string>

#include "vnews/schema.h"
#include "vnews/terms.h"

namespace vnews {
namespace {

// Words shorter than this (in bytes) are too short to correct usefully.
constexpr std::size_t kMinWordBytes = 3;
// Longer ones are no syllables, and not worth suggesting.
constexpr std::size_t kMaxSpellingWordBytes = 64;

// Sets `word` to the spelling word of `term` and returns true, or returns
// false when `term` gives none.
bool spelling_word(const std::string& term, std::string& word) {
  static const std::size_t kFoldedBytes = std::strlen(schema::kFoldedPrefix);
  std::size_t skip = 0;
  if (is_exact_term(term)) {
    skip = 0;
  } else if (term.compare(0, kFoldedBytes, schema::kFoldedPrefix) == 0) {
    skip = kFoldedBytes;
  } else {
    return false;
  }
  const std::size_t bytes = term.size() - skip;
  if (bytes < kMinWordBytes || bytes > kMaxSpellingWordBytes) return false;
  if (term.find_first_of("0123456789", skip) != std::string::npos) return false;
  word.assign(term, skip, std::string::npos);
  return true;
}

}  // namespace

void SpellingCounts::add(const Xapian::Document& doc) {
  std::string word;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    if (spelling_word(*it, word)) ++counts_[word];
  }
}

void add_spellings_of_all(Xapian::WritableDatabase& db) {
  std::unordered_map<std::string, Xapian::termcount> counts;
  std::string word;
  const auto count = [&](const Xapian::TermIterator& t) {
    if (spelling_word(*t, word)) counts[word] += t.get_termfreq();
  };
  for (auto t = db.allterms_begin(schema::kFoldedPrefix);
       t != db.allterms_end(schema::kFoldedPrefix); ++t) {
    count(t);
  }
  // Exact terms: all but those starting with a prefix's capital letter.
  for (auto t = db.allterms_begin(); t != db.allterms_end();) {
    if (!is_exact_term(*t)) {
      t.skip_to(kAfterPrefixedTerms);
      continue;
    }
    count(t);
    ++t;
  }
  for (const auto& [w, n] : counts) db.add_spelling(w, n);
}

void SpellingCounts::write_to(Xapian::WritableDatabase& db) {
  for (const auto& [word, count] : counts_) db.add_spelling(word, count);
  counts_.clear();
}

}  // namespace vnews
