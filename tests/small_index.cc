#include "small_index.h"

#include <sstream>
#include <stdexcept>

#include "run_index.h"

namespace vnews::test {

SmallIndex::SmallIndex(const Articles& articles) {
  for (const auto& [name, contents] : articles)
    write_file(dir_ / ("corpus/" + name), contents);
  IndexOptions options;
  options.db = db();
  options.paths = {(dir_ / "corpus").string()};
  std::ostringstream errors;
  const IndexReport report = run_index(options, errors);
  if (report.skipped + report.failed > 0) throw std::runtime_error(errors.str());
}

SearchResult SmallIndex::search(const std::string& query, unsigned limit) const {
  Searcher searcher({db()});
  return searcher.search(query, 0, limit);
}

std::vector<std::string> SmallIndex::ids(const std::string& query) const {
  std::vector<std::string> out;
  for (const Hit& hit : search(query).hits) out.push_back(hit.article.id);
  return out;
}

double SmallIndex::score(const std::string& query, const std::string& id) const {
  for (const Hit& hit : search(query).hits) {
    if (hit.article.id == id) return hit.score;
  }
  return 0;
}

}  // namespace vnews::test
