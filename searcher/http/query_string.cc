#include "http/query_string.h"

#include <cctype>

#include "vnews/error.h"
#include "vnews/normalizer.h"

namespace vnews {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string percent_decode(std::string_view text, bool plus_is_space,
                           std::string_view what) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+' && plus_is_space) {
      out += ' ';
    } else if (c != '%') {
      out += c;
    } else {
      const int high = i + 1 < text.size() ? hex_value(text[i + 1]) : -1;
      const int low = i + 2 < text.size() ? hex_value(text[i + 2]) : -1;
      if (high < 0 || low < 0) {
        throw QueryError(std::string(what) + ": malformed percent-encoding at byte " +
                         std::to_string(i) + ": '" + std::string(text.substr(i, 3)) +
                         "' ('%' must be followed by two hexadecimal digits)");
      }
      out += static_cast<char>(high * 16 + low);
      i += 2;
    }
  }
  const std::size_t bad = find_invalid_utf8(out);
  if (bad != std::string::npos) {
    throw QueryError(std::string(what) + ": not valid UTF-8 (at byte " +
                     std::to_string(bad) + " once decoded)");
  }
  return out;
}

std::string percent_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    }
  }
  return out;
}

Target parse_target(std::string_view target) {
  target = target.substr(0, target.find('#'));
  const std::size_t question = target.find('?');
  Target out;
  out.path = percent_decode(target.substr(0, question), false, "path");
  if (question == std::string_view::npos) return out;
  std::string_view query = target.substr(question + 1);
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    const std::size_t eq = pair.find('=');
    std::string name = percent_decode(pair.substr(0, eq), true, "parameter name");
    const std::string_view raw = eq == std::string_view::npos ? "" : pair.substr(eq + 1);
    std::string value = percent_decode(raw, true, "parameter '" + name + "'");
    out.params.emplace_back(std::move(name), std::move(value));
  }
  return out;
}

}  // namespace vnews
