// document_data.h -- how an Article is kept in a Xapian document's data, so
// results and snippets can be printed without the original file.
#ifndef VNEWS_DOCUMENT_DATA_H_
#define VNEWS_DOCUMENT_DATA_H_

#include <string>

#include "vnews/document.h"

namespace vnews {

// Returns `article` serialized compactly: a format marker, then each field
// length-prefixed. Decoding it needs no parsing, which keeps snippets fast.
std::string encode_document_data(const Article& article);

// Returns the Article stored by encode_document_data(). A JSON object with the
// same keys (the format of earlier versions) is read too; other data (e.g. a
// database written by another tool) gives an Article whose body is the data.
Article decode_document_data(const std::string& data);

}  // namespace vnews

#endif  // VNEWS_DOCUMENT_DATA_H_
