// input_formats.h -- the table of input formats: which files are articles,
// how a format is recognised, whether an input is one article or several
// records, and the parser of each. The corpus walker, the article source and
// vnews-index's --format and --help all read it (see corpus/README.md).
#ifndef VNEWS_INPUT_FORMATS_H_
#define VNEWS_INPUT_FORMATS_H_

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vnews/article_reader.h"
#include "vnews/document.h"

namespace vnews {

// How an input of a format splits into articles.
enum class Records {
  kWholeFile,  // the whole input is one article
  kLines,      // each line that is not blank is one article
};

// Returns the article of one record: a whole input, or one record of it.
// `where` names the record in errors: "path", or "path:line". Throws
// InputError "where: error: ..." for a record that cannot be used.
using RecordParser = Article (*)(std::string_view record, const std::string& where,
                                 InvalidUtf8 on_invalid);

// One input format: one row of the table.
struct InputFormat {
  std::string_view name;                     // as --format takes it
  std::vector<std::string_view> aliases;     // other names --format takes
  std::vector<std::string_view> extensions;  // ".txt": files walked, and
                                             // recognised as this format
  // Returns true when an input starting with `head` (no BOM) is of this
  // format. Null for the default format, which takes any other input.
  bool (*recognises)(std::string_view head);
  Records records;
  RecordParser parse;
  std::string_view summary;  // what a file holds, for --help
};

// Returns every format, in the order --help names them. The first is the
// default: it takes an input that no other format recognises.
const std::vector<InputFormat>& input_formats();

// Returns the format called `name` (its name or an alias), or nullptr for
// another name ("auto" among them: it is no format).
const InputFormat* input_format_named(std::string_view name);

// Returns true when some format claims the extension of `path`: such files
// are the articles of a folder.
bool is_input_file_name(const std::filesystem::path& path);

// Returns the format of an input called `path` ("-" for the standard input)
// whose contents start with `head`, a leading BOM skipped. The candidates are
// the formats that claim the extension of `path` or, when none does, every
// format; with `records`, only those of that kind. Returns the first
// candidate that recognises `head`, else the first candidate.
// REQUIRES: some format's records are `records`.
const InputFormat& detect_format(const std::filesystem::path& path, std::string_view head,
                                 std::optional<Records> records = std::nullopt);

}  // namespace vnews

#endif  // VNEWS_INPUT_FORMATS_H_
