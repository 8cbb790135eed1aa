#include "vnews/command_line.h"

#include <cctype>
#include <ostream>
#include <string_view>
#include <vector>

#include "vnews/error.h"

namespace po = boost::program_options;

namespace vnews {

namespace {

// Throws for a word such as "-dien" or "-n5" when `style` wants values in
// words of their own: Boost would read it as "-d ien" (the option -d, valued
// "ien"). A word that starts with a short option of `visible` is told to
// write the value apart ("-n 5"); any other is an unknown option.
void refuse_glued_short_options(int argc, const char* const argv[],
                                const po::options_description& visible, int style,
                                const std::string& unknown_hint) {
  if ((style & po::command_line_style::short_allow_adjacent) != 0) return;
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    if (word == "--") return;
    const bool glued = word.size() > 2 && word[0] == '-' &&
                       std::isalpha(static_cast<unsigned char>(word[1]));
    if (!glued) continue;
    std::string message = "unrecognised option '" + std::string(word) + "'";
    for (const auto& option : visible.options()) {
      const std::string name =
          option->canonical_display_name(po::command_line_style::allow_dash_for_short);
      if (word.substr(0, 2) == name) {
        message += " ('" + name + "' takes its value as a word of its own: '" + name +
                   " " + std::string(word.substr(2)) + "')";
      }
    }
    throw UsageError(unknown_hint.empty() ? message
                                          : message + unknown_hint + std::string(word));
  }
}

}  // namespace

po::variables_map parse_command_line(int argc, const char* const argv[],
                                     const po::options_description& visible,
                                     const std::string& rest_name, int style,
                                     const std::string& unknown_hint) {
  po::options_description all;
  all.add(visible);
  all.add_options()(rest_name.c_str(), po::value<std::vector<std::string>>(), "");
  po::positional_options_description positional;
  positional.add(rest_name.c_str(), -1);
  refuse_glued_short_options(argc, argv, visible, style, unknown_hint);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv)
                  .options(all)
                  .positional(positional)
                  .style(style)
                  .run(),
              vm);
    po::notify(vm);
  } catch (const po::unknown_option& e) {
    if (unknown_hint.empty()) throw UsageError(e.what());
    throw UsageError(std::string(e.what()) + unknown_hint + e.get_option_name());
  } catch (const po::error& e) {
    throw UsageError(e.what());
  }
  return vm;
}

void print_options(std::ostream& out, const po::options_description& options) {
  options.print(out, options.get_option_column_width() + 1);
}

}  // namespace vnews
