#include "output/printer.h"

#include "output/json_printer.h"
#include "output/text_printer.h"
#include "output/tsv_printer.h"

namespace vnews {

std::unique_ptr<Printer> make_printer(const PrintOptions& options) {
  switch (options.format) {
    case OutputFormat::kJson:
      return std::make_unique<JsonPrinter>(options.fields);
    case OutputFormat::kTsv:
      return std::make_unique<TsvPrinter>(options.fields, options.batch);
    case OutputFormat::kText:
      break;
  }
  return std::make_unique<TextPrinter>(options.fields, options.color, options.width);
}

}  // namespace vnews
