#include "output/json_printer.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "vnews/date_parser.h"

namespace vnews {
namespace {

using json = nlohmann::ordered_json;

std::string dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

double rounded(double value, double scale) { return std::round(value * scale) / scale; }

// Sets `key` to `value` when `fields` has it and, if `optional`, it is not empty.
void put(json& object, const OutputFields& fields, const char* key,
         const std::string& value, bool optional) {
  if (fields.has(key) && (!optional || !value.empty())) object[key] = value;
}

json hit_json(const Hit& hit, const OutputFields& fields) {
  json object = json::object();
  const Article& a = hit.article;
  if (fields.has("rank")) object["rank"] = hit.rank;
  put(object, fields, "id", a.id, false);
  if (fields.has("score")) object["score"] = rounded(hit.score, 1e4);
  put(object, fields, "title", a.title, false);
  if (fields.has("title") && !hit.title_highlights.empty()) {
    json spans = json::array();
    for (const auto& [start, end] : hit.title_highlights) spans.push_back({start, end});
    object["title_highlights"] = std::move(spans);
  }
  put(object, fields, "category", a.category, true);
  if (fields.has("snippet")) {
    json highlights = json::array();
    for (const auto& [start, end] : hit.snippet.highlights) {
      highlights.push_back({start, end});
    }
    object["snippet"] = hit.snippet.text;
    object["highlights"] = std::move(highlights);
  }
  put(object, fields, "date", iso_date(a.date), true);
  if (fields.has("similar") && !hit.similar.empty()) object["similar"] = hit.similar;
  put(object, fields, "url", a.url, true);
  put(object, fields, "source", a.source, true);
  return object;
}

}  // namespace

std::string format_json(const SearchResult& result, const OutputFields& fields) {
  json hits = json::array();
  for (const Hit& hit : result.hits) hits.push_back(hit_json(hit, fields));
  json answer = {{"query", result.query}};
  if (!result.like.empty()) answer["like"] = result.like;
  answer["total"] = result.total;
  answer["total_exact"] = result.total_exact;
  if (!result.relaxed.empty()) answer["relaxed"] = result.relaxed;
  if (!result.decoded.empty()) answer["decoded"] = result.decoded;
  if (!result.missing_shards.empty()) answer["missing_shards"] = result.missing_shards;
  answer["took_ms"] = rounded(result.took_ms, 1e3);
  answer["hits"] = std::move(hits);
  if (!result.facets.empty()) {
    json facets = json::object();
    bool exact = true;
    for (const FacetCounts& facet : result.facets) {
      json counts = json::object();
      for (const auto& [value, count] : facet.counts) counts[value] = count;
      facets[facet_name(facet.spec)] = std::move(counts);
      exact = exact && facet.exact;
    }
    answer["facets"] = std::move(facets);
    if (!exact) answer["facets_exact"] = false;
  }
  answer["suggestions"] = result.suggestions;
  return dump(answer);
}

std::string format_json_error(const std::string& query, const std::string& message) {
  return dump({{"query", query}, {"error", message}});
}

std::string format_json_article(const Article& article) {
  json object = {{"id", article.id}, {"title", article.title}};
  const auto add = [&](const char* key, const std::string& value) {
    if (!value.empty()) object[key] = value;
  };
  add("date", iso_date(article.date));
  add("source", article.source);
  add("url", article.url);
  add("category", article.category);
  add("lead", article.lead);
  add("body", article.body);
  return dump(object);
}

void JsonPrinter::print_article(const Article& article, std::ostream& out) {
  out << format_json_article(article) << '\n';
}

std::string format_json_count(const std::string& query, Xapian::doccount count,
                              const std::vector<std::string>& missing_shards) {
  json answer = {{"query", query}, {"count", count}};
  if (!missing_shards.empty()) answer["missing_shards"] = missing_shards;
  return dump(answer);
}

void JsonPrinter::print(const SearchResult& result, std::ostream& out) {
  out << format_json(result, fields_) << '\n';
}

void JsonPrinter::print_count(const std::string& query, Xapian::doccount count,
                              const std::vector<std::string>& missing_shards,
                              std::ostream& out) {
  out << format_json_count(query, count, missing_shards) << '\n';
}

void JsonPrinter::print_error(const std::string& query, const std::string& message,
                              std::ostream& out, std::ostream&) {
  out << format_json_error(query, message) << '\n';
}

}  // namespace vnews
