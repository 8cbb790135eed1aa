// analysis_pipeline.h -- reads and analyzes articles on worker threads and
// hands the finished documents to one consumer, in input order.
#ifndef VNEWS_INDEXER_ANALYSIS_PIPELINE_H_
#define VNEWS_INDEXER_ANALYSIS_PIPELINE_H_

#include <xapian.h>

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "article_source.h"
#include "indexed_set.h"

namespace vnews {

// What became of one article.
struct Analyzed {
  enum class Outcome {
    kDocument,   // `doc` is ready to be written under `id_term`
    kUnchanged,  // the database holds it with the same signature
    kSkipped,    // rejected for its contents; `error` and `reason` say why
    kFailed,     // could not be read; `error` says why
  };
  Outcome outcome = Outcome::kSkipped;
  std::string id_term;  // set for kDocument and kUnchanged
  Xapian::Document doc;
  std::string error;        // "path[:line]: error: ..."
  std::string reason;       // short category of the error, for the summary
  std::size_t file = 0;     // index of the input file
  std::uint64_t bytes = 0;  // input bytes this article accounts for
};

// Runs `threads` workers over the tasks of `source`, holding at most a fixed
// window of finished results, so memory stays bounded. A document's id is
// checked against `indexed` first: an unchanged file is not even read. Once
// `stop_reading` (when set) returns true, no more tasks are taken; those
// taken are finished and returned. A document of a record (a JSON line) or
// of the standard input notes where it came from in schema::kFileSlot.
// REQUIRES: `source`, `files` and `indexed` outlive the pipeline.
class AnalysisPipeline {
 public:
  AnalysisPipeline(ArticleSource& source, const std::vector<SourceFile>& files,
                   const IndexedSet& indexed, InvalidUtf8 on_invalid, unsigned threads,
                   std::function<bool()> stop_reading = {});
  ~AnalysisPipeline();
  AnalysisPipeline(const AnalysisPipeline&) = delete;
  AnalysisPipeline& operator=(const AnalysisPipeline&) = delete;

  // Returns the next result in input order, or nothing after the last.
  std::optional<Analyzed> next();

 private:
  struct Slot {
    Analyzed result;
    bool ready = false;
  };

  void work();
  Analyzed analyze(const ArticleTask& task, class Analyzer& analyzer) const;

  ArticleSource& source_;  // GUARDED_BY(mutex_): it is not thread-safe
  const std::vector<SourceFile>& files_;
  const IndexedSet& indexed_;
  const InvalidUtf8 on_invalid_;
  const std::function<bool()> stop_reading_;  // called with mutex_ held
  std::vector<Slot> slots_;                   // GUARDED_BY(mutex_)
  std::vector<std::thread> workers_;
  std::size_t issued_ = 0;    // GUARDED_BY(mutex_); tasks taken from the source
  bool exhausted_ = false;    // GUARDED_BY(mutex_); the source has no more tasks
  std::size_t consumed_ = 0;  // GUARDED_BY(mutex_); results returned by next()
  bool stop_ = false;         // GUARDED_BY(mutex_)
  // Guards source_, slots_ and the counts and flags above; `changed_` is
  // notified when one of them changes.
  std::mutex mutex_;
  std::condition_variable changed_;
};

}  // namespace vnews

#endif  // VNEWS_INDEXER_ANALYSIS_PIPELINE_H_
