#include "query/wildcards.h"

#include <algorithm>
#include <utility>

#include "vnews/normalizer.h"

namespace vnews {

std::vector<std::string> wildcard_terms(const Token& prefix, Field field,
                                        const Xapian::Database& db, MatchTerms* match) {
  const bool exact = prefix.accented();
  const std::string start =
      exact ? exact_term(prefix, field) : folded_term(prefix.folded, field);
  const std::size_t prefix_bytes =
      std::string_view(exact ? exact_prefix(field) : folded_prefix(field)).size();
  std::vector<std::pair<Xapian::doccount, std::string>> found;
  for (auto it = db.allterms_begin(start); it != db.allterms_end(start); ++it) {
    found.emplace_back(it.get_termfreq(), *it);
  }
  const std::size_t keep = std::min<std::size_t>(found.size(), kMaxWildcardTerms);
  std::partial_sort(found.begin(), found.begin() + keep, found.end(),
                    [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string> terms;
  for (std::size_t i = 0; i < keep; ++i) {
    if (match != nullptr) {
      const std::string word = found[i].second.substr(prefix_bytes);
      if (exact) {
        match->exact.insert(word);
        match->exact_folded.insert(strip_diacritics(word));
      } else {
        match->folded.insert(word);
      }
    }
    terms.push_back(std::move(found[i].second));
  }
  return terms;
}

}  // namespace vnews
