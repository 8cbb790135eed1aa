// text_printer.h -- the answer for people at a terminal.
#ifndef VNEWS_SEARCHER_OUTPUT_TEXT_PRINTER_H_
#define VNEWS_SEARCHER_OUTPUT_TEXT_PRINTER_H_

#include <string>

#include "output/printer.h"

namespace vnews {

// Returns `snippet` with its highlights wrapped in ANSI bold yellow when
// `color`, else in "**" markers.
std::string mark_highlights(const Snippet& snippet, bool color);

// Prints a count line ("about N results" when the total is an estimate), a
// note saying how the query was widened when it was, the "did you mean"
// suggestions and category counts when there are any, then per hit the
// chosen fields: rank and title; id, category, date, url, source and score
// (those that are not empty); the marked snippet. Prints "no results" (and
// any suggestions) when there are none. Errors go to `err` as
// "error: MESSAGE".
class TextPrinter : public Printer {
 public:
  TextPrinter(OutputFields fields, bool color) : fields_(std::move(fields)), color_(color) {}
  void print(const SearchResult& result, std::ostream& out) override;
  void print_count(const std::string& query, Xapian::doccount count,
                   std::ostream& out) override;
  void print_error(const std::string& query, const std::string& message, std::ostream& out,
                   std::ostream& err) override;
  void end_answer(std::ostream& out) override;

 private:
  void print_hit(const Hit& hit, std::ostream& out) const;
  void print_details(const Hit& hit, std::ostream& out) const;

  OutputFields fields_;
  bool color_;
};

}  // namespace vnews

#endif  // VNEWS_SEARCHER_OUTPUT_TEXT_PRINTER_H_
