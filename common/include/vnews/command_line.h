// command_line.h -- how the programs read their command lines, with
// Boost.ProgramOptions, and print their options in --help.
#ifndef VNEWS_COMMAND_LINE_H_
#define VNEWS_COMMAND_LINE_H_

#include <boost/program_options.hpp>
#include <iosfwd>
#include <string>

namespace vnews {

// Returns `argv` parsed against `visible` plus a hidden option `rest_name`
// that takes every word that is not an option, read in Boost's `style`.
// Errors: UsageError with Boost's message; for an unknown option, followed
// by `unknown_hint` and the option's name when the hint is not empty. When
// `style` wants values in words of their own (no short_allow_adjacent), a
// word of a dash, a letter and more ("-dien") before any "--" is an unknown
// option, not an option glued to its value.
boost::program_options::variables_map parse_command_line(
    int argc, const char* const argv[],
    const boost::program_options::options_description& visible,
    const std::string& rest_name,
    int style = boost::program_options::command_line_style::default_style,
    const std::string& unknown_hint = "");

// Prints `options` as --help shows them, with two spaces before each
// description, which help2man needs to make the man pages (man/).
void print_options(std::ostream& out,
                   const boost::program_options::options_description& options);

}  // namespace vnews

#endif  // VNEWS_COMMAND_LINE_H_
