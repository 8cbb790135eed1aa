#include "output/printer.h"

#include "output/json_printer.h"
#include "output/text_printer.h"
#include "output/tsv_printer.h"

namespace vnews {

std::unique_ptr<Printer> make_printer(OutputFormat format, const OutputFields& fields,
                                      bool color) {
  switch (format) {
    case OutputFormat::kJson:
      return std::make_unique<JsonPrinter>(fields);
    case OutputFormat::kTsv:
      return std::make_unique<TsvPrinter>(fields);
    case OutputFormat::kText:
      break;
  }
  return std::make_unique<TextPrinter>(fields, color);
}

}  // namespace vnews
