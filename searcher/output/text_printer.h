// text_printer.h -- the answer for people at a terminal.
#ifndef VNEWS_SEARCHER_OUTPUT_TEXT_PRINTER_H_
#define VNEWS_SEARCHER_OUTPUT_TEXT_PRINTER_H_

#include <string>
#include <string_view>

#include "output/printer.h"

namespace vnews {

// Returns `snippet` with its highlights wrapped in ANSI bold yellow when
// `color` (followed by `style`, the escape sequence of the text around it),
// else in "**" markers.
std::string mark_highlights(const Snippet& snippet, bool color,
                            std::string_view style = "");

// Prints a count line ("about N results" when the total is an estimate), a
// note saying how the query was widened when it was, the "did you mean"
// suggestions and category counts when there are any, then per hit the
// chosen fields: a head line with the rank and the title, its matches marked
// (or, without a title, the rank and the details); the details (id,
// [category], YYYY-MM-DD date, url, source, score: those not empty); the
// marked snippet. Lines are wrapped at `width` columns (0: not wrapped) with
// a hanging indent. Prints "no results" (and any suggestions) when there
// are none. A count is one line with the number; errors go to `err` as
// "error: MESSAGE".
class TextPrinter : public Printer {
 public:
  TextPrinter(OutputFields fields, bool color, unsigned width)
      : fields_(std::move(fields)), color_(color), width_(width) {}
  void print(const SearchResult& result, std::ostream& out) override;
  void print_count(const std::string& query, Xapian::doccount count,
                   const std::vector<std::string>& missing_shards,
                   std::ostream& out) override;
  // The title, a line of details (id, [category], date, source, url), then
  // the lead and the body's paragraphs, wrapped.
  void print_article(const Article& article, std::ostream& out) override;
  void print_error(const std::string& query, const std::string& message,
                   std::ostream& out, std::ostream& err) override;
  void end_answer(std::ostream& out) override;

 private:
  void print_hit(const Hit& hit, std::ostream& out) const;
  // Returns the details of `hit` the fields ask for, two spaces apart.
  std::string details(const Hit& hit) const;
  // Prints `text` as one paragraph wrapped to the width: `prefix` first,
  // continuation lines indented as deep as `prefix`.
  void print_paragraph(std::string_view prefix, std::string_view text,
                       std::ostream& out) const;

  OutputFields fields_;
  bool color_;
  unsigned width_;
};

}  // namespace vnews

#endif  // VNEWS_SEARCHER_OUTPUT_TEXT_PRINTER_H_
