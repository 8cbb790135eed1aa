// terminal.h -- what a terminal needs of the text output: whether to colour
// it, how wide it is, and lines wrapped to that width at word boundaries.
#ifndef VNEWS_TERMINAL_H_
#define VNEWS_TERMINAL_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace vnews {

enum class ColorMode { kAuto, kAlways, kNever };

// True when output to a stream that `is_terminal` or not should be coloured:
// kAlways and kNever decide; kAuto colours a terminal unless the environment
// sets NO_COLOR (to anything but "") or TERM=dumb, as ripgrep and git do.
bool wants_color(ColorMode mode, bool is_terminal);

// Returns the width to wrap text output at: $COLUMNS when it is a number
// from 20 to 1000, else the width of the terminal on `fd`, else 0 (do not
// wrap: not a terminal).
unsigned output_width(int fd);

// Returns the columns `text` takes on a terminal: a column per character,
// two for East Asian wide ones and none for combining marks and ANSI escape
// sequences. REQUIRES: valid UTF-8.
std::size_t display_width(std::string_view text);

// Returns `text` (one paragraph, no line breaks) wrapped to `width` columns
// at spaces: the first line starts at column `first_column` (what the caller
// printed before it), the others with `indent`. The spaces where a line
// breaks are dropped, the others kept; a word wider than a line stands alone
// on its line. `width` 0: unwrapped. No trailing newline.
std::string wrap(std::string_view text, unsigned width, std::size_t first_column,
                 std::string_view indent);

}  // namespace vnews

#endif  // VNEWS_TERMINAL_H_
