#include "run_index.h"

#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <iomanip>
#include <mutex>
#include <optional>
#include <ostream>
#include <thread>

#include "corpus_walker.h"
#include "database_target.h"
#include "document_builder.h"
#include "spelling.h"
#include "vnews/error.h"

namespace fs = std::filesystem;

namespace vnews {
namespace {

// Documents between two commits: a crash loses at most this many.
constexpr std::size_t kCommitEvery = 10000;
// Analyzed documents that may wait for the writer; bounds memory.
constexpr std::size_t kWindow = 512;

// What the analysis of one file produced.
struct Analyzed {
  std::optional<Xapian::Document> doc;
  std::string error;   // set when the file is skipped or failed
  bool failed = false; // could not be read, as opposed to rejected
};

Analyzed analyze_file(const SourceFile& file, InvalidUtf8 on_invalid,
                      Analyzer& analyzer) {
  Analyzed result;
  try {
    Article article = read_text_article(file.path, on_invalid);
    article.id = file.id;
    article.category = file.category;
    result.doc = build_document(article, analyzer);
  } catch (const InputError& e) {
    result.error = e.what();
    result.failed = std::string_view(e.what()).find(": error: cannot ") !=
                    std::string_view::npos;
  }
  return result;
}

// Analyzes files on worker threads and hands the results to one consumer in
// file order, holding at most kWindow of them.
class AnalysisPipeline {
 public:
  AnalysisPipeline(const std::vector<SourceFile>& files, InvalidUtf8 on_invalid,
                   unsigned threads)
      : files_(files), slots_(std::min(kWindow, std::max<std::size_t>(files.size(), 1))) {
    for (unsigned i = 0; i < threads; ++i) {
      workers_.emplace_back([this, on_invalid] { work(on_invalid); });
    }
  }
  ~AnalysisPipeline() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    changed_.notify_all();
    for (std::thread& t : workers_) t.join();
  }

  // Returns the result for file `i`. REQUIRES: called for i = 0, 1, 2... in turn.
  Analyzed take(std::size_t i) {
    std::unique_lock lock(mutex_);
    Slot& slot = slots_[i % slots_.size()];
    changed_.wait(lock, [&] { return slot.ready; });
    Analyzed result = std::move(slot.result);
    slot.ready = false;
    consumed_ = i + 1;
    changed_.notify_all();
    return result;
  }

 private:
  struct Slot {
    Analyzed result;
    bool ready = false;
  };

  void work(InvalidUtf8 on_invalid) {
    Analyzer analyzer;
    for (;;) {
      const std::size_t i = next_.fetch_add(1);
      if (i >= files_.size()) return;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return stop_ || i < consumed_ + slots_.size(); });
        if (stop_) return;
      }
      Analyzed result = analyze_file(files_[i], on_invalid, analyzer);
      {
        std::lock_guard lock(mutex_);
        slots_[i % slots_.size()] = Slot{std::move(result), true};
      }
      changed_.notify_all();
    }
  }

  const std::vector<SourceFile>& files_;
  std::vector<Slot> slots_;
  std::vector<std::thread> workers_;
  std::atomic<std::size_t> next_{0};
  std::size_t consumed_ = 0;
  bool stop_ = false;
  std::mutex mutex_;
  std::condition_variable changed_;
};

// Throws UsageError when `db` exists but is not a Xapian database we may open.
void check_database_path(const std::string& db) {
  std::error_code ec;
  if (!fs::exists(db, ec)) return;
  if (!fs::is_directory(db, ec)) {
    throw UsageError("--db '" + db + "' is a file, not a database folder");
  }
  const bool is_xapian = fs::exists(fs::path(db) / "iamglass", ec) ||
                         fs::exists(fs::path(db) / "iamchert", ec);
  if (!is_xapian && !fs::is_empty(db, ec)) {
    throw UsageError("--db '" + db + "' exists and is not a Xapian database");
  }
}

unsigned analysis_threads(unsigned requested) {
  if (requested > 0) return requested;
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace

IndexReport run_index(const IndexOptions& options, std::ostream& errors) {
  const auto start = std::chrono::steady_clock::now();
  IndexReport report;
  std::vector<std::string> problems;
  const std::vector<SourceFile> files = find_articles(options.paths, problems);
  for (const std::string& problem : problems) errors << problem << '\n';
  report.failed += problems.size();

  if (!is_remote_target(options.db)) check_database_path(options.db);
  Xapian::WritableDatabase db = open_target(options.db);
  AnalysisPipeline pipeline(files, options.on_invalid,
                            analysis_threads(options.threads));
  for (std::size_t i = 0; i < files.size(); ++i) {
    Analyzed result = pipeline.take(i);
    if (!result.doc) {
      errors << result.error << '\n';
      (result.failed ? report.failed : report.skipped) += 1;
      continue;
    }
    db.replace_document(id_term(files[i].id), *result.doc);
    add_spellings(db, *result.doc);
    if (++report.indexed % kCommitEvery == 0) db.commit();
  }
  db.commit();
  report.seconds = std::chrono::duration<double>(
                       std::chrono::steady_clock::now() - start).count();
  return report;
}

void print_summary(const IndexReport& report, std::ostream& out) {
  const double rate = report.seconds > 0 ? report.indexed / report.seconds : 0;
  out << "vnews-index: indexed " << report.indexed << ", skipped " << report.skipped
      << ", failed " << report.failed << " in " << std::fixed << std::setprecision(2)
      << report.seconds << " s (" << std::setprecision(0) << rate << " docs/s)\n";
}

}  // namespace vnews
