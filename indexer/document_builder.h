// document_builder.h -- turns an Article into the Xapian document the schema
// describes: exact and folded syllables, bigrams, id, category, data.
#ifndef VNEWS_INDEXER_DOCUMENT_BUILDER_H_
#define VNEWS_INDEXER_DOCUMENT_BUILDER_H_

#include <xapian.h>

#include <string>

#include "vnews/analyzer.h"
#include "vnews/document.h"

namespace vnews {

// Returns the unique id term of `id`: schema::kIdPrefix + id, or a hash of it
// when that would exceed Xapian's term length limit.
std::string id_term(const std::string& id);

// Returns the boolean term that filters on `category` (case folded).
std::string category_term(const std::string& category);

// Returns the boolean term that filters on `source` (case folded).
std::string source_term(const std::string& source);

// Returns the boolean term that filters on `url` (as written; hashed if long).
std::string url_term(const std::string& url);

// Builds the document for `article`. Fields are indexed with the weights and
// position gaps of schema.h; the article itself is stored as the data.
Xapian::Document build_document(const Article& article, Analyzer& analyzer);

}  // namespace vnews

#endif  // VNEWS_INDEXER_DOCUMENT_BUILDER_H_
