#include "article_source.h"

#include <cerrno>
#include <cstring>
#include <iterator>

#include "vnews/error.h"
#include "vnews/stable_hash.h"

namespace vnews {

ArticleSource::ArticleSource(const std::vector<SourceFile>& files, Format format,
                             std::istream& stdin_stream)
    : files_(files), format_(format), stdin_(stdin_stream) {}

bool stdin_is_json_lines(std::istream& in, Format format) {
  if (format != Format::kAuto) return format == Format::kJsonl;
  in >> std::ws;
  return in.peek() == '{';
}

std::string stdin_id(std::string_view bytes) { return "stdin:" + stable_hash_hex(bytes); }

bool ArticleSource::is_lines(const SourceFile& file) {
  if (file.is_stdin()) return stdin_is_json_lines(stdin_, format_);
  if (format_ == Format::kJsonl) return true;
  return format_ == Format::kAuto && detect_format(file.path, "") == Format::kJsonl;
}

std::optional<ArticleTask> ArticleSource::next() {
  for (;;) {
    if (lines_ != nullptr) {
      ArticleTask task;
      task.file = lines_file_;
      task.has_text = true;
      if (std::getline(*lines_, task.text)) {
        task.line = ++line_no_;
        if (task.text.find_first_not_of(" \t\r") == std::string::npos) continue;
        return task;
      }
      const bool failed = lines_->bad();
      lines_ = nullptr;
      open_file_.close();
      if (failed) {
        task.line = line_no_ + 1;
        task.error = files_[task.file].path.string() + ":" + std::to_string(task.line) +
                     ": error: cannot read: " + std::strerror(errno);
        return task;
      }
      continue;
    }
    if (file_ >= files_.size()) return std::nullopt;
    const std::size_t index = file_++;
    const SourceFile& file = files_[index];
    ArticleTask task;
    task.file = index;
    if (!is_lines(file)) {
      if (file.is_stdin()) {
        task.has_text = true;
        task.text.assign(std::istreambuf_iterator<char>(stdin_), {});
      }
      return task;
    }
    lines_file_ = index;
    line_no_ = 0;
    if (file.is_stdin()) {
      lines_ = &stdin_;
      continue;
    }
    open_file_.clear();
    open_file_.open(file.path, std::ios::binary);
    if (!open_file_) {
      task.error = file.path.string() + ": error: cannot open: " + std::strerror(errno);
      return task;
    }
    lines_ = &open_file_;
  }
}

Article read_article(const SourceFile& file, const ArticleTask& task, Format format,
                     InvalidUtf8 on_invalid) {
  const std::string name = file.path.string();
  const std::string contents = task.has_text ? task.text : read_file_contents(file.path);
  if (format == Format::kAuto) format = detect_format("", contents.substr(0, 4096));
  Article article = format == Format::kDantri
                        ? parse_dantri_article(contents, name, on_invalid)
                        : parse_text_article(contents, name, on_invalid);
  article.id = file.id.empty() && file.is_stdin() ? stdin_id(contents) : file.id;
  if (article.category.empty()) article.category = file.category;
  return article;
}

Article read_json_article(const SourceFile& file, const ArticleTask& task,
                          InvalidUtf8 on_invalid) {
  const std::string where = file.path.string() + ":" + std::to_string(task.line);
  Article article = parse_jsonl_article(task.text, where, on_invalid);
  if (article.id.empty()) {
    article.id =
        file.is_stdin() ? stdin_id(task.text) : file.id + ":" + std::to_string(task.line);
  }
  if (article.category.empty()) article.category = file.category;
  return article;
}

}  // namespace vnews
