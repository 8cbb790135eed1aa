// tsv_printer.h -- the --format tsv answer, for cut and awk.
#ifndef VNEWS_SEARCHER_OUTPUT_TSV_PRINTER_H_
#define VNEWS_SEARCHER_OUTPUT_TSV_PRINTER_H_

#include "output/printer.h"

namespace vnews {

// Prints one line per hit: the values of the chosen fields, in order,
// separated by tabs; tabs and line breaks inside values become spaces, and
// invalid bytes U+FFFD. Prints nothing for a result without hits. A count
// is one line with the number; errors go to `err` as "error: MESSAGE".
class TsvPrinter : public Printer {
 public:
  explicit TsvPrinter(OutputFields fields) : fields_(std::move(fields)) {}
  void print(const SearchResult& result, std::ostream& out) override;
  void print_count(const std::string& query, Xapian::doccount count,
                   std::ostream& out) override;
  void print_error(const std::string& query, const std::string& message, std::ostream& out,
                   std::ostream& err) override;

 private:
  OutputFields fields_;
};

}  // namespace vnews

#endif  // VNEWS_SEARCHER_OUTPUT_TSV_PRINTER_H_
