// document_data.h -- how an Article is kept in a Xapian document, so that
// results and snippets can be printed without the original file.
#ifndef VNEWS_DOCUMENT_DATA_H_
#define VNEWS_DOCUMENT_DATA_H_

#include <xapian.h>

#include <string>

#include "vnews/document.h"

namespace vnews {

// Stores `article` in `doc`: a format marker and each short field,
// length-prefixed, as its data; the lead and body, compressed with zstd, in
// value slot schema::kTextSlot, which glass stores as it is. Reading it back
// needs no parsing, which keeps snippets fast. Throws std::runtime_error
// naming the article if compression fails.
void store_article(const Article& article, Xapian::Document& doc);

// Returns the Article that store_article() put in `doc`; with `with_text`
// false, the lead and body may be left empty, which is faster. The forms of
// earlier versions are read too: the text inside the data, uncompressed
// binary, and JSON objects with the same keys. Other data (e.g. a database
// written by another tool) gives an Article whose body is the data. Damaged
// data gives the fields that could be read.
Article load_article(const Xapian::Document& doc, bool with_text = true);

}  // namespace vnews

#endif  // VNEWS_DOCUMENT_DATA_H_
