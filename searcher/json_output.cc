#include "json_output.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace vnews {
namespace {

using json = nlohmann::ordered_json;

std::string dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

double rounded(double value, double scale) {
  return std::round(value * scale) / scale;
}

json hit_json(const Hit& hit) {
  json highlights = json::array();
  for (const auto& [start, end] : hit.snippet.highlights) {
    highlights.push_back({start, end});
  }
  json object = {
      {"rank", hit.rank},
      {"id", hit.article.id},
      {"score", rounded(hit.score, 1e4)},
      {"title", hit.article.title},
      {"category", hit.article.category},
      {"snippet", hit.snippet.text},
      {"highlights", std::move(highlights)},
  };
  if (!hit.article.date.empty()) object["date"] = hit.article.date;
  if (!hit.article.url.empty()) object["url"] = hit.article.url;
  return object;
}

}  // namespace

std::string format_json(const SearchResult& result) {
  json hits = json::array();
  for (const Hit& hit : result.hits) hits.push_back(hit_json(hit));
  return dump({{"query", result.query},
               {"total", result.total},
               {"took_ms", rounded(result.took_ms, 1e3)},
               {"hits", std::move(hits)}});
}

std::string format_json_error(const std::string& query, const std::string& message) {
  return dump({{"query", query}, {"error", message}});
}

}  // namespace vnews
