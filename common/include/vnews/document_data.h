// document_data.h -- how an Article is kept in a Xapian document's data, so
// results and snippets can be printed without the original file.
#ifndef VNEWS_DOCUMENT_DATA_H_
#define VNEWS_DOCUMENT_DATA_H_

#include <string>

#include "vnews/document.h"

namespace vnews {

// Returns `article` serialized compactly: a format marker, each short field
// length-prefixed, then the lead and body compressed with zstd (which glass
// then stores as is, instead of deflating the whole article). Decoding it
// needs no parsing, which keeps snippets fast. Throws std::runtime_error
// naming the article if compression fails.
std::string encode_document_data(const Article& article);

// Returns the Article stored by encode_document_data(); with `with_text`
// false, the lead and body may be left empty, which is faster. The earlier
// uncompressed binary form and JSON objects with the same keys (the format of
// the first versions) are read too; other data (e.g. a database written by
// another tool) gives an Article whose body is the data. Damaged data gives
// the fields that could be read.
Article decode_document_data(const std::string& data, bool with_text = true);

}  // namespace vnews

#endif  // VNEWS_DOCUMENT_DATA_H_
