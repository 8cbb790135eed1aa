// corpus_reader.h -- the corpus formats besides plain .txt: the dantri header
// format and JSON Lines, and how a file's format is recognised (see
// corpus/README.md).
#ifndef VNEWS_CORPUS_READER_H_
#define VNEWS_CORPUS_READER_H_

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "vnews/article_reader.h"
#include "vnews/document.h"

namespace vnews {

enum class Format {
  kAuto,    // recognise by extension, then by content
  kText,    // .txt: title, lead, body lines
  kDantri,  // "# key = value" header lines, then as kText
  kJsonl,   // one JSON object per line, one article each
};

// Returns the format named `name` ("auto", "txt", "dantri", "jsonl"), or
// nothing for another name.
std::optional<Format> format_named(std::string_view name);

// Returns the format of a file called `path` whose contents start with
// `head`: ".jsonl"/".ndjson" files and contents whose first non-blank byte is
// '{' are kJsonl; contents starting with "# " header lines are kDantri;
// anything else is kText. Never returns kAuto.
Format detect_format(const std::filesystem::path& path, std::string_view head);

// Returns the article of a dantri-style file: leading "# key = value" lines
// (doc_id, url, date, source, category; unknown keys are ignored), then the
// plain-text format. The date may be in any form parse_date() accepts and is
// stored as "YYYYMMDD". Throws InputError "name:line: error: ..." for a bad
// date, and as parse_text_article() for bad text.
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
