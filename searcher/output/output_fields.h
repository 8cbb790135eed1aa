// output_fields.h -- which fields of a hit --fields asks to print.
#ifndef VNEWS_SEARCHER_OUTPUT_OUTPUT_FIELDS_H_
#define VNEWS_SEARCHER_OUTPUT_OUTPUT_FIELDS_H_

#include <string>
#include <string_view>
#include <vector>

namespace vnews {

// Every field a hit can show, in the default order.
inline constexpr std::string_view kAllFields[] = {"rank",     "id",     "score", "title",
                                                  "category", "date",   "url",   "source",
                                                  "snippet",  "similar"};

// The fields of a hit to print, in order. "snippet" brings "highlights" in JSON.
struct OutputFields {
  std::vector<std::string> names;

  bool has(std::string_view name) const;
  // Returns every field of kAllFields.
  static OutputFields all();
};

// Returns the fields of a comma-separated list such as "id,title,snippet",
// given as the option that `option` quotes. Throws UsageError naming it and
// quoting an unknown or repeated field, or an empty list.
OutputFields parse_output_fields(std::string_view list,
                                 std::string_view option = "--fields");

}  // namespace vnews

#endif  // VNEWS_SEARCHER_OUTPUT_OUTPUT_FIELDS_H_
