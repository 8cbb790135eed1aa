#include "analysis_pipeline.h"

#include "document_builder.h"
#include "vnews/analyzer.h"
#include "vnews/error.h"
#include "vnews/schema.h"
#include "vnews/stable_hash.h"

namespace vnews {
namespace {

// Finished results that may wait for the consumer; bounds memory.
constexpr std::size_t kWindow = 512;

// The signature of one record: a stable hash of its bytes.
std::string record_signature(const std::string& record) {
  return "h:" + stable_hash_hex(record);
}

}  // namespace

AnalysisPipeline::AnalysisPipeline(ArticleSource& source,
                                   const std::vector<SourceFile>& files,
                                   const IndexedSet& indexed, InvalidUtf8 on_invalid,
                                   unsigned threads, std::function<bool()> stop_reading)
    : source_(source),
      files_(files),
      indexed_(indexed),
      on_invalid_(on_invalid),
      stop_reading_(std::move(stop_reading)),
      slots_(kWindow) {
  for (unsigned i = 0; i < threads; ++i) workers_.emplace_back([this] { work(); });
}

AnalysisPipeline::~AnalysisPipeline() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  for (std::thread& t : workers_) t.join();
}

std::optional<Analyzed> AnalysisPipeline::next() {
  std::unique_lock lock(mutex_);
  Slot& slot = slots_[consumed_ % slots_.size()];
  changed_.wait(lock, [&] { return slot.ready || (exhausted_ && consumed_ >= issued_); });
  if (!slot.ready) return std::nullopt;
  Analyzed result = std::move(slot.result);
  slot.ready = false;
  ++consumed_;
  changed_.notify_all();
  return result;
}

void AnalysisPipeline::work() {
  Analyzer analyzer;
  for (;;) {
    std::size_t i;
    std::optional<ArticleTask> task;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock,
                    [&] { return stop_ || exhausted_ || issued_ < consumed_ + kWindow; });
      if (stop_ || exhausted_) return;
      if (!stop_reading_ || !stop_reading_()) task = source_.next();
      if (!task) {
        exhausted_ = true;
        changed_.notify_all();
        return;
      }
      i = issued_++;
    }
    Analyzed result = analyze(*task, analyzer);
    {
      std::lock_guard lock(mutex_);
      slots_[i % slots_.size()] = Slot{std::move(result), true};
    }
    changed_.notify_all();
  }
}

Analyzed AnalysisPipeline::analyze(const ArticleTask& task, Analyzer& analyzer) const {
  const SourceFile& file = files_[task.file];
  Analyzed result;
  result.file = task.file;
  result.bytes = task.bytes;
  if (!task.error.empty()) {
    result.outcome = Analyzed::Outcome::kFailed;
    result.error = task.error;
    result.reason = "unreadable";
    return result;
  }
  try {
    // A record has no file signature of its own: it is known by its bytes.
    const std::string signature =
        task.is_record() ? record_signature(task.text) : file.signature;
    if (!task.is_record() && holds_unchanged(indexed_, id_term(file.id), signature)) {
      result.outcome = Analyzed::Outcome::kUnchanged;
      result.id_term = id_term(file.id);
      return result;
    }
    const Article article = read_article(file, task, on_invalid_);
    result.id_term = id_term(article.id);
    if (holds_unchanged(indexed_, result.id_term, signature)) {
      result.outcome = Analyzed::Outcome::kUnchanged;
      return result;
    }
    result.doc = build_document(article, analyzer);
    if (!signature.empty()) result.doc.add_value(schema::kSignatureSlot, signature);
    if (file.is_stdin()) {
      result.doc.add_value(schema::kFileSlot, schema::kStdinFile);
    } else if (task.is_record()) {
      result.doc.add_value(schema::kFileSlot, file.id);
    }
    result.outcome = Analyzed::Outcome::kDocument;
  } catch (const InputError& e) {
    result.error = e.what();
    result.reason = e.reason();
    result.outcome = e.reason() == "unreadable" ? Analyzed::Outcome::kFailed
                                                : Analyzed::Outcome::kSkipped;
  }
  return result;
}

}  // namespace vnews
