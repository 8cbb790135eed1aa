// strings.h -- byte-level helpers on text that every reader shares, so that
// all of them agree on what a blank is.
#ifndef VNEWS_STRINGS_H_
#define VNEWS_STRINGS_H_

#include <string_view>

namespace vnews {

// The bytes trim() removes: ASCII space, tab, line feed, vertical tab, form
// feed and carriage return (what isspace() takes in the "C" locale). Other
// Unicode spaces, such as U+00A0, are text.
inline constexpr std::string_view kBlanks = " \t\n\v\f\r";

// Returns `s` without its leading and trailing kBlanks; empty when it holds
// nothing else. The result points into `s`.
inline std::string_view trim(std::string_view s) {
  const std::size_t begin = s.find_first_not_of(kBlanks);
  if (begin == std::string_view::npos) return {};
  return s.substr(begin, s.find_last_not_of(kBlanks) - begin + 1);
}

}  // namespace vnews

#endif  // VNEWS_STRINGS_H_
