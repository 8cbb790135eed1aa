#include "extra_terms.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "vnews/schema.h"

namespace vnews {
namespace {

// The term prefix of a word's exact or folded form in `field`.
std::string prefix_of(Field field, bool exact) {
  if (field == Field::kTitle) return exact ? schema::kTitlePrefix : schema::kFoldedTitlePrefix;
  return exact ? "" : schema::kFoldedPrefix;
}

// Returns up to kMaxWildcardTerms terms of `db` starting with `start`, most
// frequent first.
std::vector<std::string> expand(const Xapian::Database& db, const std::string& start) {
  std::vector<std::pair<Xapian::doccount, std::string>> found;
  for (auto it = db.allterms_begin(start); it != db.allterms_end(start); ++it) {
    found.emplace_back(it.get_termfreq(), *it);
  }
  const std::size_t keep = std::min<std::size_t>(found.size(), kMaxWildcardTerms);
  std::partial_sort(found.begin(), found.begin() + keep, found.end(),
                    [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string> terms;
  for (std::size_t i = 0; i < keep; ++i) terms.push_back(std::move(found[i].second));
  return terms;
}

}  // namespace

Xapian::Query wildcard_query(const Token& prefix, Field field, const Xapian::Database* db,
                             MatchTerms& match) {
  const bool exact = prefix.accented();
  const std::string term_prefix = prefix_of(field, exact);
  const std::string start = term_prefix + (exact ? prefix.term : prefix.folded);
  if (db == nullptr) {
    return Xapian::Query(Xapian::Query::OP_WILDCARD, start, kMaxWildcardTerms,
                         Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  }
  std::vector<Xapian::Query> parts;
  for (const std::string& term : expand(*db, start)) {
    parts.emplace_back(term);
    const std::string word = term.substr(term_prefix.size());
    (exact ? match.exact : match.folded).insert(word);
  }
  return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

Xapian::Query excluded_query(const std::vector<Token>& tokens, Field field) {
  if (tokens.size() > 1) return phrase_query(tokens, field);
  const Token& t = tokens[0];
  return Xapian::Query(prefix_of(field, t.accented()) + (t.accented() ? t.term : t.folded));
}

}  // namespace vnews
