#include "vnews/article_reader.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

#include "vnews/error.h"
#include "vnews/normalizer.h"

namespace vnews {
namespace {

std::string_view trim(std::string_view s) {
  const auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
  };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Returns the non-blank lines of `text`, trimmed.
std::vector<std::string_view> non_blank_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    const std::string_view line = trim(text.substr(0, newline));
    if (!line.empty()) lines.push_back(line);
    if (newline == std::string_view::npos) break;
    text.remove_prefix(newline + 1);
  }
  return lines;
}

InputError input_error(const std::string& name, const std::string& message) {
  return InputError(name + ": error: " + message);
}

}  // namespace

Article parse_text_article(std::string_view contents, const std::string& name,
                           InvalidUtf8 on_invalid) {
  if (contents.size() > kMaxArticleBytes) {
    throw input_error(name, "file is too large: over " +
                                std::to_string(kMaxArticleBytes) + " bytes");
  }
  if (contents.substr(0, 3) == "\xEF\xBB\xBF") contents.remove_prefix(3);
  if (const std::size_t nul = contents.find('\0'); nul != std::string_view::npos) {
    throw input_error(name, "NUL byte at offset " + std::to_string(nul) +
                                "; not a text file");
  }
  std::string repaired;
  if (const std::size_t bad = find_invalid_utf8(contents);
      bad != std::string_view::npos) {
    if (on_invalid == InvalidUtf8::kSkip) {
      throw input_error(name, "invalid UTF-8 at byte offset " + std::to_string(bad));
    }
    repaired = repair_utf8(contents);
    contents = repaired;
  }
  const std::vector<std::string_view> lines = non_blank_lines(contents);
  if (lines.empty()) throw input_error(name, "file is empty");
  Article article;
  article.title = std::string(lines[0]);
  if (lines.size() > 1) article.lead = std::string(lines[1]);
  for (std::size_t i = 2; i < lines.size(); ++i) {
    if (i > 2) article.body += '\n';
    article.body += lines[i];
  }
  return article;
}

Article read_text_article(const std::filesystem::path& path,
                          InvalidUtf8 on_invalid) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw input_error(path.string(), std::string("cannot open: ") + std::strerror(errno));
  }
  // Reads in chunks, stopping one byte past the limit: enough to know the file
  // is too large, whatever size the file system claims.
  std::string contents;
  char chunk[64 * 1024];
  while (contents.size() <= kMaxArticleBytes && in.read(chunk, sizeof chunk).gcount() > 0) {
    contents.append(chunk, static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) {
    throw input_error(path.string(), std::string("cannot read: ") + std::strerror(errno));
  }
  return parse_text_article(contents, path.string(), on_invalid);
}

}  // namespace vnews
