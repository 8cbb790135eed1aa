#include "tsv_output.h"

#include <cstdio>
#include <ostream>

#include "vnews/normalizer.h"

namespace vnews {
namespace {

std::string cell(const std::string& value) {
  std::string out = find_invalid_utf8(value) == std::string::npos ? value : repair_utf8(value);
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

std::string value_of(const Hit& hit, const std::string& field) {
  const Article& a = hit.article;
  if (field == "rank") return std::to_string(hit.rank);
  if (field == "id") return a.id;
  if (field == "score") {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4f", hit.score);
    return buffer;
  }
  if (field == "title") return a.title;
  if (field == "category") return a.category;
  if (field == "date") return a.date;
  if (field == "url") return a.url;
  if (field == "source") return a.source;
  return hit.snippet.text;
}

}  // namespace

void print_tsv(const SearchResult& result, const OutputFields& fields, std::ostream& out) {
  for (const Hit& hit : result.hits) {
    for (std::size_t i = 0; i < fields.names.size(); ++i) {
      if (i > 0) out << '\t';
      out << cell(value_of(hit, fields.names[i]));
    }
    out << '\n';
  }
}

}  // namespace vnews
