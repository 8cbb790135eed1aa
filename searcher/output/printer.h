// printer.h -- prints answers in one output format. Every format (text for
// people, JSON and TSV for scripts) implements Printer, so the code that
// answers queries never asks which one it has.
#ifndef VNEWS_SEARCHER_OUTPUT_PRINTER_H_
#define VNEWS_SEARCHER_OUTPUT_PRINTER_H_

#include <xapian.h>

#include <memory>
#include <ostream>
#include <string>

#include "output/output_fields.h"
#include "run/search_result.h"

namespace vnews {

enum class OutputFormat { kText, kJson, kTsv };

class Printer {
 public:
  virtual ~Printer() = default;

  // Prints the answer to one query on `out`.
  virtual void print(const SearchResult& result, std::ostream& out) = 0;

  // Prints the exact number of documents `query` matches (--count), in the
  // shards searched: all but `missing_shards` (SearchResult::missing_shards).
  virtual void print_count(const std::string& query, Xapian::doccount count,
                           const std::vector<std::string>& missing_shards,
                           std::ostream& out) = 0;

  // Prints a whole stored article (--show): every field it has, the lead
  // and the body.
  virtual void print_article(const Article& article, std::ostream& out) = 0;

  // Prints that `query` could not be answered: on `err` as one line for
  // people (text, TSV), or as an error object on `out` (JSON).
  virtual void print_error(const std::string& query, const std::string& message,
                           std::ostream& out, std::ostream& err) = 0;

  // Prints what separates the answers of two batch lines.
  virtual void end_answer(std::ostream& out) { (void)out; }
};

// How answers are printed.
struct PrintOptions {
  OutputFormat format = OutputFormat::kText;
  OutputFields fields = OutputFields::all();  // of each hit
  bool color = false;                         // ANSI colours (text only)
  unsigned width = 0;                         // wrap text at this many columns; 0: never
  bool batch = false;  // answers to batch lines: TSV rows start with the query
};

// Returns the printer of `options.format`.
std::unique_ptr<Printer> make_printer(const PrintOptions& options);

}  // namespace vnews

#endif  // VNEWS_SEARCHER_OUTPUT_PRINTER_H_
