// article_source.h -- turns the files found by the walker into articles: one
// per .txt or dantri file, one per line of a JSON Lines file or stream.
#ifndef VNEWS_INDEXER_ARTICLE_SOURCE_H_
#define VNEWS_INDEXER_ARTICLE_SOURCE_H_

#include <cstddef>
#include <fstream>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus_walker.h"
#include "vnews/corpus_reader.h"

namespace vnews {

// One article still to read: a whole file, or one line of a JSON Lines input.
struct ArticleTask {
  std::size_t file = 0;     // index into the files given to ArticleSource
  std::size_t line = 0;     // 1-based line of a JSON Lines input; 0 for a whole file
  bool has_text = false;    // `text` holds the input (JSON line or standard input)
  std::string text;
  std::string error;        // set when the input could not be read at all
};

// Yields the tasks of `files` in order. Files ending in .jsonl or .ndjson, any
// file when `format` is kJsonl, and a standard input starting with '{' are
// read line by line here; other files are left for read_article(). Not
// thread-safe.
class ArticleSource {
 public:
  // `stdin_stream` stands for "-"; the caller keeps both alive.
  ArticleSource(const std::vector<SourceFile>& files, Format format,
                std::istream& stdin_stream);

  // Returns the next task, or nothing after the last.
  std::optional<ArticleTask> next();

 private:
  bool is_lines(const SourceFile& file);

  const std::vector<SourceFile>& files_;
  const Format format_;
  std::istream& stdin_;
  std::size_t file_ = 0;  // next file to start
  std::size_t lines_file_ = 0;
  std::size_t line_no_ = 0;
  std::istream* lines_ = nullptr;  // the JSON Lines input being read, if any
  std::ifstream open_file_;
};

// Returns true when the standard input `in` is to be read as JSON Lines:
// `format` is kJsonl, or kAuto and its first non-blank byte is '{' (the
// blanks before it are consumed).
bool stdin_is_json_lines(std::istream& in, Format format);

// Returns the id of an article of the standard input that names none:
// "stdin:" and the stable hash of its bytes, so that two articles never
// share one and the same article sent again replaces its document.
std::string stdin_id(std::string_view bytes);

// Returns the article of a whole-file task (not a JSON line): its format is
// `format` or, for kAuto, recognised by content (dantri headers or plain
// text). Its id and category come from `file` unless the file names a
// category; the standard input's id is stdin_id() when `file` has none.
// Throws InputError "path[:line]: error: ..." for input that cannot be used.
Article read_article(const SourceFile& file, const ArticleTask& task, Format format,
                     InvalidUtf8 on_invalid);

// Returns the article of a JSON Lines task; its id defaults to "ID:LINE" (to
// stdin_id() of the line on the standard input) and its category to the
// file's. Throws InputError "path:line: error: ...".
Article read_json_article(const SourceFile& file, const ArticleTask& task,
                          InvalidUtf8 on_invalid);

}  // namespace vnews

#endif  // VNEWS_INDEXER_ARTICLE_SOURCE_H_
