// document_data.h -- how an Article is kept in a Xapian document's data, so
// results and snippets can be printed without the original file.
#ifndef VNEWS_DOCUMENT_DATA_H_
#define VNEWS_DOCUMENT_DATA_H_

#include <string>

#include "vnews/document.h"

namespace vnews {

// Returns `article` serialized as a JSON object (keys "id", "title", "lead",
// "body", "category", "url", "date", "source"; empty fields left out).
std::string encode_document_data(const Article& article);

// Returns the Article stored by encode_document_data(). Data that is not such
// an object (e.g. a database written by another tool) gives an Article whose
// body is the raw data.
Article decode_document_data(const std::string& data);

}  // namespace vnews

#endif  // VNEWS_DOCUMENT_DATA_H_
