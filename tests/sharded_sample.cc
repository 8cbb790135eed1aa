#include "sharded_sample.h"

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <stdexcept>

#include "run_index.h"
#include "vnews/article_reader.h"

namespace fs = std::filesystem;

namespace vnews::test {
namespace {

// Indexes `roots` into `db`; throws if any file was not indexed.
void index_into(const fs::path& db, const std::vector<fs::path>& roots) {
  IndexOptions options;
  options.db = db.string();
  for (const fs::path& root : roots) options.paths.push_back(root.string());
  options.threads = 1;
  std::ostringstream errors;
  const IndexReport report = run_index(options, errors);
  if (report.skipped + report.failed > 0) throw std::runtime_error(errors.str());
}

std::string format_score(double score, const char* format) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, format, score);
  return buffer;
}

}  // namespace

const ShardedSample& ShardedSample::get() {
  static const ShardedSample sample;
  return sample;
}

ShardedSample::ShardedSample() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(sample_corpus())) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  // Every other file goes to the other half, keeping its category folder, so
  // both halves, each its own corpus root, give the ids the single database
  // of the whole sample gives.
  for (std::size_t i = 0; i < files.size(); ++i) {
    const fs::path relative = files[i].lexically_relative(sample_corpus());
    const fs::path copy = dir_ / ("half-" + std::to_string(i % 2)) / relative;
    fs::create_directories(copy.parent_path());
    fs::copy_file(files[i], copy);
    queries_.push_back(read_text_article(files[i], InvalidUtf8::kSkip).title);
  }
  queries_.insert(queries_.end(), {"dien thoai xiaomi", "\"thị trường căn hộ\"",
                                   "\"châu Âu\" carbon", "Thuỵ Điển", "ha noi", "giá"});
  index_into(single(), {sample_corpus()});
  fs::create_directories(sharded());
  index_into(shard(0), {dir_ / "half-0"});
  index_into(shard(1), {dir_ / "half-1"});
  write_file(sharded() / "XAPIANDB", "auto shard-0\nauto shard-1\n");
}

std::string results_of(Searcher& searcher, const std::string& query, unsigned limit) {
  const SearchResult result = searcher.search(query, 0, limit);
  // The total is an estimate, which Xapian computes differently for remote
  // shards, unless every result was returned.
  const bool exact = result.hits.size() < limit;
  std::ostringstream out;
  out << "'" << query << "': " << (exact ? std::to_string(result.total) : "some")
      << " results\n";
  for (const Hit& hit : result.hits) {
    out << hit.rank << ". " << hit.article.id << " [" << hit.article.category << "] "
        << format_score(hit.score, "%.9g") << " " << hit.article.title << " | "
        << hit.snippet.text << " |";
    for (const auto& [start, end] : hit.snippet.highlights)
      out << ' ' << start << '-' << end;
    out << '\n';
  }
  return out.str();
}

std::string result_set_of(Searcher& searcher, const std::string& query) {
  std::vector<std::string> lines;
  for (const Hit& hit : searcher.search(query, 0, 1000).hits) {
    lines.push_back(hit.article.id + " " + format_score(hit.score, "%.6f"));
  }
  std::sort(lines.begin(), lines.end());
  std::string out = "'" + query + "':\n";
  for (const std::string& line : lines) out += line + '\n';
  return out;
}

}  // namespace vnews::test
