#include "article_source.h"

#include <cerrno>
#include <cstring>
#include <iterator>

#include "vnews/error.h"
#include "vnews/stable_hash.h"

namespace vnews {

namespace {

// Returns the format of the records of `format`, or nullptr when it takes a
// whole input.
const InputFormat* of_records(const InputFormat& format) {
  return format.records == Records::kWholeFile ? nullptr : &format;
}

}  // namespace

ArticleSource::ArticleSource(const std::vector<SourceFile>& files,
                             const InputFormat* format, std::istream& stdin_stream)
    : files_(files), format_(format), stdin_(stdin_stream) {}

const InputFormat* stdin_records_format(std::istream& in, const InputFormat* format) {
  if (format != nullptr) return of_records(*format);
  in >> std::ws;
  const int first = in.peek();
  const std::string head = first == std::char_traits<char>::eof()
                               ? std::string()
                               : std::string(1, static_cast<char>(first));
  return of_records(detect_format(kStdinPath, head));
}

const InputFormat* ArticleSource::records_format(const SourceFile& file) {
  if (file.is_stdin()) return stdin_records_format(stdin_, format_);
  if (format_ != nullptr) return of_records(*format_);
  return of_records(detect_format(file.path, ""));
}

std::string stdin_id(std::string_view bytes) { return "stdin:" + stable_hash_hex(bytes); }

std::optional<ArticleTask> ArticleSource::next_record() {
  ArticleTask task;
  task.file = records_file_;
  task.format = records_format_;
  task.has_text = true;
  while (std::getline(*records_, task.text)) {
    task.record = ++line_no_;
    task.bytes = task.text.size() + 1;
    if (task.text.find_first_not_of(" \t\r") != std::string::npos) return task;
  }
  const bool failed = records_->bad();
  records_ = nullptr;
  open_file_.close();
  if (!failed) return std::nullopt;
  task.record = line_no_ + 1;
  task.bytes = 0;
  task.text.clear();
  task.error = files_[task.file].path.string() + ":" + std::to_string(task.record) +
               ": error: cannot read: " + std::strerror(errno);
  return task;
}

std::optional<ArticleTask> ArticleSource::next() {
  for (;;) {
    if (records_ != nullptr) {
      if (std::optional<ArticleTask> task = next_record()) return task;
      continue;
    }
    if (file_ >= files_.size()) return std::nullopt;
    const std::size_t index = file_++;
    const SourceFile& file = files_[index];
    const InputFormat* records = records_format(file);
    ArticleTask task;
    task.file = index;
    if (records == nullptr) {
      task.format = format_;
      task.bytes = file.size;
      if (file.is_stdin()) {
        task.has_text = true;
        task.text.assign(std::istreambuf_iterator<char>(stdin_), {});
      }
      return task;
    }
    records_file_ = index;
    records_format_ = records;
    line_no_ = 0;
    if (file.is_stdin()) {
      records_ = &stdin_;
      continue;
    }
    open_file_.clear();
    open_file_.open(file.path, std::ios::binary);
    if (!open_file_) {
      task.error = file.path.string() + ": error: cannot open: " + std::strerror(errno);
      task.bytes = file.size;
      return task;
    }
    records_ = &open_file_;
  }
}

Article read_article(const SourceFile& file, const ArticleTask& task,
                     InvalidUtf8 on_invalid) {
  const std::string name = file.path.string();
  if (task.is_record()) {
    Article article = task.format->parse(
        task.text, name + ":" + std::to_string(task.record), on_invalid);
    if (article.id.empty()) {
      article.id = file.is_stdin() ? stdin_id(task.text)
                                   : file.id + ":" + std::to_string(task.record);
    }
    if (article.category.empty()) article.category = file.category;
    return article;
  }
  const std::string contents = task.has_text ? task.text : read_file_contents(file.path);
  const InputFormat& format =
      task.format != nullptr
          ? *task.format
          : detect_format(file.path, std::string_view(contents).substr(0, 4096),
                          Records::kWholeFile);
  Article article = format.parse(contents, name, on_invalid);
  article.id = file.id.empty() && file.is_stdin() ? stdin_id(contents) : file.id;
  if (article.category.empty()) article.category = file.category;
  return article;
}

}  // namespace vnews
