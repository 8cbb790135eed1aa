#include "answer.h"

#include <istream>
#include <ostream>

#include "batch_line.h"
#include "json_output.h"
#include "text_output.h"
#include "tsv_output.h"
#include "vnews/error.h"

namespace vnews {

int answer_query(Searcher& searcher, const SearchRequest& request,
                 const SearchOptions& options, bool color, std::ostream& out) {
  const SearchResult result = searcher.search(request);
  switch (options.format) {
    case OutputFormat::kJson:
      out << format_json(result, options.fields) << '\n';
      break;
    case OutputFormat::kTsv:
      print_tsv(result, options.fields, out);
      break;
    case OutputFormat::kText:
      print_text(result, options.fields, color, out);
      break;
  }
  return result.hits.empty() ? 1 : 0;
}

int answer_batch(Searcher& searcher, const SearchOptions& options, bool color,
                 std::istream& in, std::ostream& out) {
  bool any_found = false, any_failed = false;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    try {
      const SearchRequest request = parse_batch_line(line, options.request);
      any_found = answer_query(searcher, request, options, color, out) == 0 || any_found;
    } catch (const QueryError& e) {
      any_failed = true;
      if (options.format == OutputFormat::kJson) {
        out << format_json_error(batch_line_query(line), e.what()) << '\n';
      } else {
        out << "error: " << e.what() << '\n';
      }
    }
    if (options.format == OutputFormat::kText) out << '\n';
    out.flush();
  }
  return any_failed ? 2 : any_found ? 0 : 1;
}

}  // namespace vnews
