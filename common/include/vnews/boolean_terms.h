// boolean_terms.h -- the filter terms of schema.h built from a value, for the
// indexer that writes them and the searcher that filters on them alike.
#ifndef VNEWS_BOOLEAN_TERMS_H_
#define VNEWS_BOOLEAN_TERMS_H_

#include <string>

namespace vnews {

// Returns the unique id term of `id`: schema::kIdPrefix + id, or a stable
// hash of it when that would exceed Xapian's term length limit.
std::string id_term(const std::string& id);

// Returns the boolean term that filters on `category` (case folded).
std::string category_term(const std::string& category);

// Returns the boolean term that filters on `source` (case folded).
std::string source_term(const std::string& source);

// Returns the boolean term that filters on `url` (as written; hashed if long).
std::string url_term(const std::string& url);

}  // namespace vnews

#endif  // VNEWS_BOOLEAN_TERMS_H_
