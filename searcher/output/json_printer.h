// json_printer.h -- the --json answer: one object per query, on one line.
#ifndef VNEWS_SEARCHER_OUTPUT_JSON_PRINTER_H_
#define VNEWS_SEARCHER_OUTPUT_JSON_PRINTER_H_

#include <string>

#include "output/printer.h"

namespace vnews {

// Returns `result` as one line of JSON (no newline): {"query", "total",
// "total_exact", "took_ms", "hits": [{"rank", "id", "score", "title",
// "title_highlights", "category", "snippet", "highlights": [[start, end]...],
// "date" (YYYY-MM-DD), "url", "source", "similar": [ids]}], "suggestions":
// [...]}, plus "relaxed" when the query was widened and "facets": {"category":
// {name: count...}, "source": {...}, "date": {"2021-04": count...}} (and
// "facets_exact": false when they are estimates) when asked for. `fields`
// chooses the keys of each hit ("snippet" brings "highlights"). Optional hit
// keys are left out when empty: "title_highlights" (the title did not
// match), "category", "date", "url", "source" (the article has none),
// "similar" (no copies collapsed under it). Highlights count code points.
// Any text gives valid JSON: control characters are escaped and invalid
// bytes become U+FFFD.
std::string format_json(const SearchResult& result,
                        const OutputFields& fields = OutputFields::all());

// Returns {"query": ..., "error": ...} on one line.
std::string format_json_error(const std::string& query, const std::string& message);

// Returns `article` as one line of JSON: {"id", "title", "date"
// (YYYY-MM-DD), "source", "url", "category", "lead", "body"}, the fields it
// lacks left out (id and title always there).
std::string format_json_article(const Article& article);

// Returns {"query": ..., "count": ...} on one line.
std::string format_json_count(const std::string& query, Xapian::doccount count,
                              const std::vector<std::string>& missing_shards);

class JsonPrinter : public Printer {
 public:
  explicit JsonPrinter(OutputFields fields) : fields_(std::move(fields)) {}
  void print(const SearchResult& result, std::ostream& out) override;
  void print_count(const std::string& query, Xapian::doccount count,
                   const std::vector<std::string>& missing_shards,
                   std::ostream& out) override;
  void print_article(const Article& article, std::ostream& out) override;
  void print_error(const std::string& query, const std::string& message,
                   std::ostream& out, std::ostream& err) override;

 private:
  OutputFields fields_;
};

}  // namespace vnews

#endif  // VNEWS_SEARCHER_OUTPUT_JSON_PRINTER_H_
