// document_builder.h -- turns an Article into the Xapian document the schema
// describes: exact and folded syllables, bigrams, id, category, data.
#ifndef VNEWS_INDEXER_DOCUMENT_BUILDER_H_
#define VNEWS_INDEXER_DOCUMENT_BUILDER_H_

#include <xapian.h>

#include <string>

#include "vnews/analyzer.h"
#include "vnews/boolean_terms.h"  // id_term(), category_term()... used with documents
#include "vnews/document.h"

namespace vnews {

// Builds the document for `article`. Fields are indexed with the weights of
// schema.h, without positions (the searcher checks phrases on the stored
// text); the article itself is stored with it (vnews/document_data.h).
Xapian::Document build_document(const Article& article, Analyzer& analyzer);

}  // namespace vnews

#endif  // VNEWS_INDEXER_DOCUMENT_BUILDER_H_
