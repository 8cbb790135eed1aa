#include "vnews/article_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

#include "vnews/error.h"
#include "vnews/normalizer.h"
#include "vnews/strings.h"

namespace vnews {
namespace {

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

InputError input_error(const std::string& name, const std::string& message,
                       const std::string& reason) {
  return InputError(name + ": error: " + message, reason);
}

}  // namespace

std::string_view check_text(std::string_view contents, const std::string& name,
                            InvalidUtf8 on_invalid, std::string& repaired) {
  if (contents.size() > kMaxArticleBytes) {
    throw input_error(
        name, "article is too large: over " + std::to_string(kMaxArticleBytes) + " bytes",
        "too large");
  }
  if (contents.substr(0, 3) == "\xEF\xBB\xBF") contents.remove_prefix(3);
  if (const std::size_t nul = contents.find('\0'); nul != std::string_view::npos) {
    throw input_error(name,
                      "NUL byte at offset " + std::to_string(nul) + "; not a text file",
                      "binary file");
  }
  if (const std::size_t bad = find_invalid_utf8(contents);
      bad != std::string_view::npos) {
    if (on_invalid == InvalidUtf8::kSkip) {
      throw input_error(name, "invalid UTF-8 at byte offset " + std::to_string(bad),
                        "invalid UTF-8");
    }
    repaired = repair_utf8(contents);
    contents = repaired;
  }
  return contents;
}

Article parse_text_article(std::string_view contents, const std::string& name,
                           InvalidUtf8 on_invalid) {
  std::string repaired;
  contents = check_text(contents, name, on_invalid, repaired);
  const std::vector<std::string_view> lines = non_blank_lines(contents);
  if (lines.empty()) throw input_error(name, "file is empty", "empty");
  Article article;
  article.title = std::string(lines[0]);
  if (lines.size() > 1) article.lead = std::string(lines[1]);
  for (std::size_t i = 2; i < lines.size(); ++i) {
    if (i > 2) article.body += '\n';
    article.body += lines[i];
  }
  return article;
}

std::string read_file_contents(const std::filesystem::path& path) {
  const auto fail = [&](const char* what) {
    return input_error(path.string(), std::string(what) + std::strerror(errno),
                       "unreadable");
  };
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw fail("cannot open: ");
  std::string contents;
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
    contents.reserve(std::min<std::size_t>(st.st_size, kMaxArticleBytes + 1));
  }
  char buffer[65536];
  while (contents.size() <= kMaxArticleBytes) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      const InputError error = fail("cannot read: ");
      ::close(fd);
      throw error;
    }
    contents.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return contents;
}

Article read_text_article(const std::filesystem::path& path, InvalidUtf8 on_invalid) {
  return parse_text_article(read_file_contents(path), path.string(), on_invalid);
}

}  // namespace vnews
