#include "cli/answer.h"

#include <algorithm>
#include <string>

#include "cli/batch_line.h"
#include "vnews/error.h"

namespace vnews {
namespace {

// True for a line with nothing to search: blank, or a comment ("#" alone or
// followed by a space; "#VanHoaViet" is a query).
bool is_blank_or_comment(const std::string& line) {
  const std::size_t first = line.find_first_not_of(" \t");
  if (first == std::string::npos) return true;
  return line[first] == '#' &&
         (first + 1 == line.size() || line[first + 1] == ' ' || line[first + 1] == '\t');
}

}  // namespace

void warn_of_missing_shards(const Searcher& searcher, std::vector<std::string>& warned,
                            std::ostream& err) {
  const std::vector<std::string>& missing = searcher.missing_shards();
  for (const std::string& shard : missing) {
    if (std::find(warned.begin(), warned.end(), shard) == warned.end()) {
      err << "vnews-search: warning: " << shard << "; searching without it\n";
    }
  }
  warned = missing;
}

int answer_query(Searcher& searcher, const SearchRequest& request, Printer& printer,
                 std::ostream& out) {
  if (request.count_only) {
    const Xapian::doccount count = searcher.count(request);
    printer.print_count(request.query, count, searcher.missing_shards(), out);
    return count > 0 ? 0 : 1;
  }
  const SearchResult result = searcher.search(request);
  printer.print(result, out);
  return result.hits.empty() ? 1 : 0;
}

int answer_batch(Searcher& searcher, const SearchOptions& options, Printer& printer,
                 std::istream& in, std::ostream& out, std::ostream& err) {
  bool any_found = false, any_failed = false;
  std::vector<std::string> warned = searcher.missing_shards();
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (is_blank_or_comment(line)) continue;
    const auto fail = [&](const std::string& message) {
      any_failed = true;
      printer.print_error(batch_line_query(line), message, out, err);
    };
    try {
      const SearchRequest request = parse_batch_line(line, options.request);
      any_found = answer_query(searcher, request, printer, out) == 0 || any_found;
    } catch (const QueryError& e) {
      fail(e.what());
    } catch (const UnavailableError& e) {
      fail(e.what());  // a shard failed this line; the next opens them again
    } catch (const Xapian::NetworkError& e) {
      fail(e.get_description());
    }
    warn_of_missing_shards(searcher, warned, err);
    printer.end_answer(out);
    out.flush();
  }
  return any_failed ? 2 : any_found ? 0 : 1;
}

}  // namespace vnews
