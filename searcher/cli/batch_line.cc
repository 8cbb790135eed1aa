#include "cli/batch_line.h"

#include <nlohmann/json.hpp>

#include "vnews/error.h"

namespace vnews {
namespace {

using json = nlohmann::json;

bool is_json_line(const std::string& line) {
  const std::size_t first = line.find_first_not_of(" \t");
  return first != std::string::npos && line[first] == '{';
}

std::string string_value(const json& value, const std::string& key) {
  if (!value.is_string()) throw QueryError("\"" + key + "\" must be a string");
  return value.get<std::string>();
}

unsigned count_value(const json& value, const std::string& key, bool positive) {
  const std::string name = "\"" + key + "\"";
  if (!value.is_number_integer()) {
    throw QueryError(name + " must be a " + (positive ? "positive" : "non-negative") +
                     " integer up to " + std::to_string(kMaxResultCount));
  }
  return check_result_count(name, value.get<long long>(), positive);
}

bool bool_value(const json& value, const std::string& key) {
  if (!value.is_boolean()) throw QueryError("\"" + key + "\" must be true or false");
  return value.get<bool>();
}

void apply(const std::string& key, const json& value, SearchRequest& request) {
  if (key == "q" || key == "query") {
    request.query = string_value(value, key);
  } else if (key == "limit") {
    request.limit = count_value(value, key, true);
  } else if (key == "offset") {
    request.offset = count_value(value, key, false);
  } else if (key == "since") {
    request.dates.from =
        value.is_null() ? ""
                        : parse_date_option("\"since\"", string_value(value, key), false);
  } else if (key == "until") {
    request.dates.to =
        value.is_null() ? ""
                        : parse_date_option("\"until\"", string_value(value, key), true);
  } else if (key == "sort") {
    request.sort = parse_sort_order(string_value(value, key));
  } else if (key == "count") {
    request.count_only = bool_value(value, key);
  } else if (key == "facet") {
    request.facets.clear();
    if (value.is_string()) {
      request.facets.push_back(parse_facet(value.get<std::string>()));
    } else if (value.is_array()) {
      for (const json& one : value)
        request.facets.push_back(parse_facet(string_value(one, key)));
    } else if (!value.is_null()) {
      throw QueryError("\"facet\" must be a facet, a list of facets or null");
    }
  } else if (key == "like") {
    request.like = value.is_null() ? "" : string_value(value, key);
  } else if (key == "collapse") {
    request.collapse = bool_value(value, key);
  } else {
    throw QueryError(
        "unknown key \"" + key +
        "\" (known: q, like, limit, offset, since, until, sort, facet, collapse, count)");
  }
}

}  // namespace

SearchRequest parse_batch_line(const std::string& line, const SearchRequest& defaults) {
  SearchRequest request = defaults;
  if (!is_json_line(line)) {
    request.query = line;
    return request;
  }
  const json object = json::parse(line, nullptr, false);
  if (!object.is_object()) throw QueryError("line is not a valid JSON object");
  if (!object.contains("q") && !object.contains("query") && !object.contains("like")) {
    throw QueryError("JSON line has no \"q\" (nor \"like\")");
  }
  for (const auto& [key, value] : object.items()) apply(key, value, request);
  check_request(request);
  return request;
}

std::string batch_line_query(const std::string& line) {
  if (!is_json_line(line)) return line;
  const json object = json::parse(line, nullptr, false);
  if (object.is_object()) {
    for (const char* key : {"q", "query"}) {
      if (object.contains(key) && object[key].is_string()) return object[key];
    }
  }
  return line;
}

}  // namespace vnews
