#include "vnews/terminal.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace vnews {
namespace {

bool env_set(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr && value[0] != '\0';
}

// Decodes the code point starting at `text[i]` and moves `i` past it.
char32_t next_code_point(std::string_view text, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b = byte(i);
  std::size_t length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  if (i + length > text.size()) length = text.size() - i;
  char32_t c = length == 1 ? b : b & (0x3F >> (length - 1));
  for (std::size_t k = 1; k < length; ++k) c = (c << 6) | (byte(i + k) & 0x3F);
  i += length;
  return c;
}

bool is_combining(char32_t c) {
  return (c >= 0x300 && c <= 0x36F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
         (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
         (c >= 0xFE20 && c <= 0xFE2F) || c == 0x200B || c == 0x200C || c == 0x200D;
}

bool is_wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
         (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
}

}  // namespace

bool wants_color(ColorMode mode, bool is_terminal) {
  if (mode != ColorMode::kAuto) return mode == ColorMode::kAlways;
  if (!is_terminal || env_set("NO_COLOR")) return false;
  const char* term = std::getenv("TERM");
  return term == nullptr || std::string_view(term) != "dumb";
}

unsigned output_width(int fd) {
  if (const char* columns = std::getenv("COLUMNS")) {
    char* end = nullptr;
    const long value = std::strtol(columns, &end, 10);
    if (end != columns && *end == '\0' && value >= 20 && value <= 1000) {
      return static_cast<unsigned>(value);
    }
  }
  winsize size{};
  if (isatty(fd) == 1 && ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col >= 20) {
    return size.ws_col;
  }
  return 0;
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '\x1b') {  // CSI: ESC [ ... final byte
      ++i;
      if (i < text.size() && text[i] == '[') ++i;
      while (i < text.size() && !(text[i] >= '@' && text[i] <= '~')) ++i;
      if (i < text.size()) ++i;
      continue;
    }
    const char32_t c = next_code_point(text, i);
    width += is_combining(c) ? 0 : is_wide(c) ? 2 : 1;
  }
  return width;
}

std::string wrap(std::string_view text, unsigned width, std::size_t first_column,
                 std::string_view indent) {
  if (width == 0) return std::string(text);
  std::string out;
  std::size_t column = first_column;
  bool line_empty = true;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t start = text.find_first_not_of(' ', at);
    if (start == std::string_view::npos) break;
    const std::string_view gap = text.substr(at, start - at);
    const std::size_t end = std::min(text.find(' ', start), text.size());
    const std::string_view word = text.substr(start, end - start);
    at = end;
    const std::size_t w = display_width(word);
    if (!line_empty && column + gap.size() + w > width) {
      out += '\n';
      out += indent;
      column = display_width(indent);
      line_empty = true;
    }
    if (!line_empty) {
      out += gap;
      column += gap.size();
    }
    out += word;
    column += w;
    line_empty = false;
  }
  return out;
}

}  // namespace vnews
