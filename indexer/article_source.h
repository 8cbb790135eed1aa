// article_source.h -- turns the files found by the walker into articles: one
// per whole input, or one per record of an input of several (input_formats.h).
#ifndef VNEWS_INDEXER_ARTICLE_SOURCE_H_
#define VNEWS_INDEXER_ARTICLE_SOURCE_H_

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus_walker.h"
#include "vnews/input_formats.h"

namespace vnews {

// One article still to read: a whole input, or one record of an input of
// several (a line of a JSON Lines file).
struct ArticleTask {
  std::size_t file = 0;    // index into the files given to ArticleSource
  std::size_t record = 0;  // 1-based line of a record; 0 for a whole input
  // The format to read it as; nullptr for a whole input of --format "auto",
  // recognised by its contents once read.
  const InputFormat* format = nullptr;
  std::uint64_t bytes = 0;  // input bytes it accounts for (0 for the whole
                            // standard input)
  bool has_text = false;    // `text` holds the input (a record or standard input)
  std::string text;
  std::string error;  // set when the input could not be read at all

  // Returns true for one record of an input of several.
  bool is_record() const { return record != 0; }
};

// Yields the tasks of `files` in order. How an input splits into articles
// is decided before it is read, from input_formats.h: by `format` when it
// is given, by a file's extension, or by the first byte of the standard
// input that is not blank. The records of an input of several are read here;
// a whole file is left for read_article(). Not thread-safe.
class ArticleSource {
 public:
  // `format` is --format, nullptr for "auto". `stdin_stream` stands for "-";
  // the caller keeps it, `files` and `format` alive.
  ArticleSource(const std::vector<SourceFile>& files, const InputFormat* format,
                std::istream& stdin_stream);

  // Returns the next task, or nothing after the last.
  std::optional<ArticleTask> next();

 private:
  // Returns the format of the records of `file`, decided before it is read;
  // nullptr for a whole file.
  const InputFormat* records_format(const SourceFile& file);
  // Returns the next record of the input being split, or nothing after its
  // last (and then stops reading it).
  std::optional<ArticleTask> next_record();

  const std::vector<SourceFile>& files_;
  const InputFormat* const format_;
  std::istream& stdin_;
  std::size_t file_ = 0;  // next file to start
  std::size_t records_file_ = 0;
  const InputFormat* records_format_ = nullptr;
  std::size_t line_no_ = 0;
  std::istream* records_ = nullptr;  // the input being split, if any
  std::ifstream open_file_;
};

// Returns the format the records of the standard input `in` are read as:
// `format` or, when it is nullptr, the format of the first byte of `in` that
// is not blank (the blanks before it are consumed). Returns nullptr when that
// format takes the whole input as one article.
const InputFormat* stdin_records_format(std::istream& in, const InputFormat* format);

// Returns the id of an article of the standard input that names none:
// "stdin:" and the stable hash of its bytes, so that two articles never
// share one and the same article sent again replaces its document.
std::string stdin_id(std::string_view bytes);

// Returns the article of `task`, of the input `file`. A whole input is read
// as `task.format` or, when that is nullptr, as the whole-input format its
// contents are recognised as (detect_format()); its id and category come
// from `file` unless the file names a category, and the standard input's id
// is stdin_id() when `file` has none. A record's id defaults to "ID:LINE"
// (to stdin_id() of the record on the standard input) and its category to
// the file's. Throws InputError "path[:line]: error: ..." for input that
// cannot be used.
Article read_article(const SourceFile& file, const ArticleTask& task,
                     InvalidUtf8 on_invalid);

}  // namespace vnews

#endif  // VNEWS_INDEXER_ARTICLE_SOURCE_H_
