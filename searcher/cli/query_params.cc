#include "cli/query_params.h"

#include <algorithm>
#include <string_view>

#include "vnews/error.h"

namespace vnews {
namespace {

constexpr std::string_view kNames[] = {"q",      "like",  "limit",   "offset",
                                       "since",  "until", "sort",    "facet",
                                       "fields", "count", "collapse"};

bool is_known(const std::string& name) {
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

std::string known_names() {
  std::string out;
  for (const std::string_view name : kNames)
    out += (out.empty() ? "" : ", ") + std::string(name);
  return out;
}

bool parse_flag(const std::string& name, const std::string& value) {
  if (value == "true" || value == "1") return true;
  if (value == "false" || value == "0") return false;
  throw QueryError(name + " must be true, false, 1 or 0, got '" + value + "'");
}

OutputFields parse_fields(const std::string& value) {
  try {
    return parse_output_fields(value, "fields");
  } catch (const UsageError& e) {
    throw QueryError(e.what());
  }
}

void apply(const std::string& name, const std::string& value, ParamsRequest& out) {
  SearchRequest& request = out.request;
  if (name == "q") {
    request.query = value;
  } else if (value.empty()) {
    // Not given: an HTML form sends its empty fields too.
  } else if (name == "limit") {
    request.limit = parse_result_count("limit", value, true);
  } else if (name == "offset") {
    request.offset = parse_result_count("offset", value, false);
  } else if (name == "since") {
    request.dates.from = parse_date_option("since", value, false);
  } else if (name == "until") {
    request.dates.to = parse_date_option("until", value, true);
  } else if (name == "sort") {
    request.sort = parse_sort_order(value);
  } else if (name == "facet") {  // one or several, comma-separated
    for (std::size_t at = 0; at <= value.size();) {
      const std::size_t comma = std::min(value.find(',', at), value.size());
      request.facets.push_back(
          parse_facet(std::string_view(value).substr(at, comma - at)));
      at = comma + 1;
    }
  } else if (name == "fields") {
    out.fields = parse_fields(value);
  } else if (name == "count") {
    request.count_only = parse_flag(name, value);
  } else if (name == "collapse") {
    request.collapse = parse_flag(name, value);
  } else if (name == "like") {
    request.like = value;
  }
}

}  // namespace

ParamsRequest parse_query_params(const QueryParams& params,
                                 const SearchRequest& defaults) {
  ParamsRequest out{defaults, OutputFields::all()};
  out.request.query.clear();
  std::vector<std::string> seen;
  for (const auto& [name, value] : params) {
    if (!is_known(name)) {
      throw QueryError("unknown parameter '" + name + "' (known: " + known_names() + ")");
    }
    if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
      throw QueryError("parameter '" + name + "' is given twice");
    }
    seen.push_back(name);
    apply(name, value, out);
  }
  if (out.request.query.empty() && out.request.like.empty()) {
    throw QueryError("missing parameter q (the query)");
  }
  out.request.snippets = out.fields.has("snippet");
  check_request(out.request);
  return out;
}

}  // namespace vnews
