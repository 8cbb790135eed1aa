// article_reader.h -- reads one article file of the plain-text format: line 1
// the title, line 2 the lead, the rest the body (see corpus/README.md).
#ifndef VNEWS_ARTICLE_READER_H_
#define VNEWS_ARTICLE_READER_H_

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "vnews/document.h"

namespace vnews {

// What to do with bytes that are not UTF-8.
enum class InvalidUtf8 {
  kSkip,     // reject the file with an InputError naming the byte offset
  kReplace,  // index it with U+FFFD in place of each bad sequence
};

// Files larger than this are rejected rather than read: real articles are
// under 100 KB, and a 50 MB line would cost minutes and gigabytes to analyze.
inline constexpr std::size_t kMaxArticleBytes = 4 * 1024 * 1024;

// Returns `contents` without a leading BOM, checked to be text: throws
// InputError "name: error: ..." for a NUL byte or (with InvalidUtf8::kSkip)
// invalid UTF-8, naming the byte offset. With kReplace, bad sequences are
// replaced by U+FFFD in `repaired`, which the result then points into.
std::string_view check_text(std::string_view contents, const std::string& name,
                            InvalidUtf8 on_invalid, std::string& repaired);

// Returns the article held by `contents`. Lines end in \n or \r\n; a leading
// BOM and blank lines before the title are ignored; one line is a title
// only. Throws InputError "name: error: ..." for an empty file, NUL bytes,
// more than kMaxArticleBytes, or (with InvalidUtf8::kSkip) invalid UTF-8.
Article parse_text_article(std::string_view contents, const std::string& name,
                           InvalidUtf8 on_invalid);

// Returns the bytes of the file at `path`, reading no more than
// kMaxArticleBytes + 1 of them. Throws InputError "path: error: cannot
// open/read: reason" (reason() "unreadable") when it cannot be read.
std::string read_file_contents(const std::filesystem::path& path);

// Reads and parses the file at `path`. Throws InputError when it cannot be
// read, naming the path and the system's reason.
Article read_text_article(const std::filesystem::path& path, InvalidUtf8 on_invalid);

}  // namespace vnews

#endif  // VNEWS_ARTICLE_READER_H_
