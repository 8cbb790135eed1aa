#include "output/tsv_printer.h"

#include <cstdio>
#include <ostream>

#include "vnews/date_parser.h"
#include "vnews/normalizer.h"

namespace vnews {
namespace {

std::string cell(const std::string& value) {
  std::string out =
      find_invalid_utf8(value) == std::string::npos ? value : repair_utf8(value);
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
  if (field == "date") return iso_date(a.date);
  if (field == "url") return a.url;
  if (field == "source") return a.source;
  if (field == "snippet") return hit.snippet.text;
  if (field == "similar") {
    std::string ids;
    for (const std::string& id : hit.similar) ids += (ids.empty() ? "" : ",") + id;
    return ids;
  }
  return "";  // parse_output_fields() knows no other field
}

}  // namespace

void TsvPrinter::start_line(const std::string& query, std::ostream& out) const {
  if (batch_) out << cell(query) << '\t';
}

void TsvPrinter::print(const SearchResult& result, std::ostream& out) {
  for (const Hit& hit : result.hits) {
    start_line(result.query, out);
    for (std::size_t i = 0; i < fields_.names.size(); ++i) {
      if (i > 0) out << '\t';
      out << cell(value_of(hit, fields_.names[i]));
    }
    out << '\n';
  }
  for (const FacetCounts& facet : result.facets) {
    for (const auto& [value, count] : facet.counts) {
      start_line(result.query, out);
      out << "#facet\t" << facet_name(facet.spec) << '\t' << cell(value) << '\t' << count
          << '\n';
    }
  }
}

void TsvPrinter::print_article(const Article& article, std::ostream& out) {
  const std::pair<const char*, std::string> fields[] = {{"id", article.id},
                                                        {"title", article.title},
                                                        {"date", iso_date(article.date)},
                                                        {"source", article.source},
                                                        {"url", article.url},
                                                        {"category", article.category},
                                                        {"lead", article.lead},
                                                        {"body", article.body}};
  for (const auto& [name, value] : fields) {
    if (!value.empty()) out << name << '\t' << cell(value) << '\n';
  }
}

void TsvPrinter::print_count(const std::string& query, Xapian::doccount count,
                             const std::vector<std::string>&, std::ostream& out) {
  start_line(query, out);
  out << count << '\n';
}

void TsvPrinter::print_error(const std::string&, const std::string& message,
                             std::ostream&, std::ostream& err) {
  err << "error: " << message << '\n';
}

}  // namespace vnews
