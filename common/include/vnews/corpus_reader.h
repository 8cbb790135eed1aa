// corpus_reader.h -- the corpus formats besides plain .txt: the dantri header
// format and JSON Lines, and how each is recognised by content (the table of
// formats is input_formats.h; see corpus/README.md).
#ifndef VNEWS_CORPUS_READER_H_
#define VNEWS_CORPUS_READER_H_

#include <string>
#include <string_view>

#include "vnews/article_reader.h"
#include "vnews/document.h"

namespace vnews {

// Returns true when `head`, the start of an input, opens with a "# key =
// value" header line: the dantri format.
bool starts_with_dantri_header(std::string_view head);

// Returns true when the first byte of `head` that is not blank is '{': JSON
// Lines.
bool starts_with_json_object(std::string_view head);

// Returns the article of a dantri-style file: leading "# key = value" lines
// (url, date, source, category; doc_id and unknown keys are ignored, and the
// id is left empty for the caller), then the plain-text format. The date may
// be in any form parse_date() accepts and is stored as "YYYYMMDD". Throws
// InputError "name:line: error: ..." for a bad date, and as
// parse_text_article() for bad text.
Article parse_dantri_article(std::string_view contents, const std::string& name,
                             InvalidUtf8 on_invalid);

// Returns the article of one JSON Lines line. Field names are mapped:
// title; sapo/lead/description/summary -> lead; body/content/text -> body
// (an array of paragraphs is joined by newlines); url/link; date/publish/
// published_at/published/pubdate -> date (a string or epoch seconds);
// category/topic; source/author; id/doc_id/guid -> id (empty when absent).
// `where` is "path:line". Throws InputError "where: error: ..." for malformed
// JSON, a value that is not an object, no title and no body, a bad date, NUL
// bytes or (with InvalidUtf8::kSkip) invalid UTF-8.
Article parse_jsonl_article(std::string_view line, const std::string& where,
                            InvalidUtf8 on_invalid);

}  // namespace vnews

#endif  // VNEWS_CORPUS_READER_H_
