// tsv_printer.h -- the --format tsv answer, for cut and awk.
#ifndef VNEWS_SEARCHER_OUTPUT_TSV_PRINTER_H_
#define VNEWS_SEARCHER_OUTPUT_TSV_PRINTER_H_

#include "output/printer.h"

namespace vnews {

// Prints one line per hit: the values of the chosen fields, in order,
// separated by tabs (dates as YYYY-MM-DD); tabs and line breaks inside
// values become spaces, and invalid bytes U+FFFD; "similar" is the ids of the
// story's copies, comma-separated. Then, with --facet, one line per value:
// "#facet", the facet ("category", "source", "date"), the value, its count. In batch
// mode every line starts with a column holding the query. Prints nothing
// else: a result without hits prints no line. A count is one line with the
// number (after the query in batch mode); errors go to `err` as
// "error: MESSAGE".
class TsvPrinter : public Printer {
 public:
  TsvPrinter(OutputFields fields, bool batch)
      : fields_(std::move(fields)), batch_(batch) {}
  void print(const SearchResult& result, std::ostream& out) override;
  void print_count(const std::string& query, Xapian::doccount count,
                   const std::vector<std::string>& missing_shards,
                   std::ostream& out) override;
  // One line per field: its name, a tab, its value.
  void print_article(const Article& article, std::ostream& out) override;
  void print_error(const std::string& query, const std::string& message,
                   std::ostream& out, std::ostream& err) override;

 private:
  // Starts a line: the query's column in batch mode.
  void start_line(const std::string& query, std::ostream& out) const;

  OutputFields fields_;
  bool batch_;
};

}  // namespace vnews

#endif  // VNEWS_SEARCHER_OUTPUT_TSV_PRINTER_H_
