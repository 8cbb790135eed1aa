#include "output/output_fields.h"

#include <algorithm>

#include "vnews/error.h"

namespace vnews {

bool OutputFields::has(std::string_view name) const {
  return std::find(names.begin(), names.end(), name) != names.end();
}

OutputFields OutputFields::all() {
  OutputFields fields;
  for (std::string_view name : kAllFields) fields.names.emplace_back(name);
  return fields;
}

OutputFields parse_output_fields(std::string_view list, std::string_view option) {
  OutputFields fields;
  while (true) {
    const std::size_t comma = list.find(',');
    const std::string name(list.substr(0, comma));
    if (std::find(std::begin(kAllFields), std::end(kAllFields), name) ==
        std::end(kAllFields)) {
      throw UsageError(std::string(option) + ": unknown field '" + name +
                       "' (known: rank,id,score,title,category,date,url,source,snippet,"
                       "similar)");
    }
    if (fields.has(name)) {
      throw UsageError(std::string(option) + ": '" + name + "' given twice");
    }
    fields.names.push_back(name);
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return fields;
}

}  // namespace vnews
