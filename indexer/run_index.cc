#include "run_index.h"

#include <sys/resource.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <thread>
#include <unordered_set>

#include "analysis_pipeline.h"
#include "article_source.h"
#include "corpus_walker.h"
#include "database_layout.h"
#include "database_target.h"
#include "document_builder.h"
#include "indexed_set.h"
#include "progress.h"
#include "shard_merge.h"
#include "shard_writer.h"

namespace vnews {
namespace {

// Changes per shard between two commits: a crash loses at most this many, and
// Xapian's in-memory batch (whose lookups slow down as it grows) stays small.
// Measured on baomoi (bench/README.md): 250 took 3% less time than 500 and
// 6% less CPU.
constexpr std::size_t kDefaultCommitEvery = 250;

// Shards of a new database without --shards: one, the layout other tools and
// scripts expect of a plain --db folder. --shards N opts in to N writers.
// Not one per core: a layout that depends on the machine that built it, and
// each shard costs every search (baomoi, 2 cores: --shards 2 indexes in 46 s
// instead of 64 s, but search p50 goes from 1.17 to 1.46 ms, bench/scale).
constexpr unsigned kDefaultShards = 1;

// Writers that build a new single database, as shards merged at the end: one
// per core, up to this many (each holds a batch in memory). One Xapian writer
// is the bottleneck of a run; merging costs 4 s for baomoi (bench/README.md).
constexpr unsigned kMaxBuildWriters = 4;

unsigned cores() { return std::max(1u, std::thread::hardware_concurrency()); }

using Writers = std::vector<std::unique_ptr<ShardWriter>>;

Writers open_writers(const std::string& db, const DatabaseLayout& layout,
                     std::size_t commit_every) {
  if (layout.sharded) std::filesystem::create_directories(db);
  using Role = ShardWriter::Role;
  const Role role = !layout.merge    ? Role::kDatabase
                    : layout.unsynced ? Role::kUnsyncedBuild
                                      : Role::kBuild;
  Writers writers;
  for (const std::string& shard : layout.shards) {
    writers.push_back(std::make_unique<ShardWriter>(shard, commit_every, role));
  }
  // Before the first commit: a build's stub names the boot its shards are
  // written in, so that the build is started over after a restart.
  if (layout.created || layout.merge) write_stub(db, layout);
  return writers;
}

// Returns the layout run_index() writes to `db`: a build begun before the
// machine restarted is deleted first (DatabaseLayout::written_before_restart),
// which `errors` is told; std::runtime_error when it cannot be.
DatabaseLayout writable_layout(const IndexOptions& options, std::ostream& errors) {
  if (is_remote_target(options.db)) return DatabaseLayout{{options.db}, false, false};
  remove_merge_leftovers(options.db);
  const auto plan = [&options] {
    return plan_layout(options.db, options.shards, kDefaultShards,
                       std::min(cores(), kMaxBuildWriters));
  };
  DatabaseLayout layout = plan();
  if (layout.written_before_restart) {
    errors << "vnews-index: '" << options.db
           << "': the new database being built when the machine restarted may be damaged; "
              "building it again\n";
    remove_build(options.db);
    layout = plan();
    if (layout.written_before_restart) {
      throw std::runtime_error("cannot delete the build in '" + options.db +
                               "'; delete the folder and run again");
    }
  }
  return layout;
}

// Writes the documents the pipeline produces and counts what happens.
class Dispatcher {
 public:
  // `complete` says `indexed` lists every document of the database; when it
  // does not, documents are replaced by id term rather than added.
  Dispatcher(Writers& writers, const IndexedSet& indexed, bool complete,
             IndexReport& report, std::ostream& errors, Progress& progress)
      : writers_(writers), indexed_(indexed), complete_(complete), report_(report),
        errors_(errors), progress_(progress) {}

  void take(Analyzed& result, const SourceFile& file) {
    report_.bytes += result.bytes;
    switch (result.outcome) {
      case Analyzed::Outcome::kDocument: write(result); break;
      case Analyzed::Outcome::kUnchanged:
        ++report_.unchanged;
        seen_.insert(std::move(result.id_term));
        break;
      case Analyzed::Outcome::kSkipped:
      case Analyzed::Outcome::kFailed:
        progress_.clear();
        errors_ << result.error << '\n';
        ++(result.outcome == Analyzed::Outcome::kFailed ? report_.failed : report_.skipped);
        ++report_.reasons[result.reason];
        // A file that is there but unusable keeps its old document on --prune.
        seen_.insert(id_term(file.id));
        break;
    }
  }

  void prune() {
    for (const auto& [term, doc] : indexed_) {
      if (seen_.count(term)) continue;
      writers_[doc.shard]->remove(doc.docid);
      ++report_.deleted;
    }
  }

 private:
  void write(Analyzed& result) {
    const auto existing = indexed_.find(result.id_term);
    const bool again = !seen_.insert(result.id_term).second;
    if (existing != indexed_.end()) {
      writers_[existing->second.shard]->replace(existing->second.docid,
                                                std::move(result.doc));
      ++report_.updated;
    } else {
      ShardWriter& writer = *writers_[shard_of(result.id_term, writers_.size())];
      if (again || !complete_) {
        writer.replace(result.id_term, std::move(result.doc));
        ++(again ? report_.updated : report_.added);
      } else {
        writer.add(std::move(result.doc));
        ++report_.added;
      }
    }
    ++report_.indexed;
  }

  Writers& writers_;
  const IndexedSet& indexed_;
  const bool complete_;
  IndexReport& report_;
  std::ostream& errors_;
  Progress& progress_;
  std::unordered_set<std::string> seen_;
};

void delete_ids(const std::vector<std::string>& ids, Writers& writers, IndexedSet& indexed,
                IndexReport& report, std::ostream& errors) {
  for (const std::string& id : ids) {
    const auto it = indexed.find(id_term(id));
    if (it == indexed.end()) {
      errors << "vnews-index: --delete '" << id << "': no document has this id\n";
      ++report.skipped;
      ++report.reasons["unknown id"];
      continue;
    }
    writers[it->second.shard]->remove(it->second.docid);
    indexed.erase(it);
    ++report.deleted;
  }
}

std::uint64_t total_bytes(const std::vector<SourceFile>& files) {
  std::uint64_t total = 0;
  for (const SourceFile& f : files) total += f.size;
  return total;
}

}  // namespace

IndexReport run_index(const IndexOptions& options, std::ostream& errors, std::istream& in) {
  const auto start = std::chrono::steady_clock::now();
  IndexReport report;
  std::vector<std::string> problems;
  const std::vector<SourceFile> files = find_articles(options.paths, problems);
  for (const std::string& problem : problems) errors << problem << '\n';
  report.failed += problems.size();
  if (!problems.empty()) report.reasons["unreadable"] += problems.size();

  const bool remote = is_remote_target(options.db);
  const DatabaseLayout layout = writable_layout(options, errors);
  Writers writers = open_writers(
      options.db, layout,
      options.commit_every != 0 ? options.commit_every : kDefaultCommitEvery);
  report.shards = layout.merge ? 1 : writers.size();
  // A remote database is not scanned: its documents are replaced by id term.
  IndexedSet indexed = remote ? IndexedSet{} : read_indexed_set(layout.shards);
  delete_ids(options.deletes, writers, indexed, report, errors);

  Progress progress(errors, options.progress, files.size(), total_bytes(files));
  Dispatcher dispatcher(writers, indexed, !remote, report, errors, progress);
  {
    ArticleSource source(files, options.format, in);
    AnalysisPipeline pipeline(source, files, indexed, options.format, options.on_invalid,
                              options.threads > 0 ? options.threads : cores());
    std::size_t files_done = 0;
    while (std::optional<Analyzed> result = pipeline.next()) {
      files_done = std::max(files_done, result->file);
      dispatcher.take(*result, files[result->file]);
      progress.update(files_done, report.bytes, report.indexed + report.unchanged);
    }
  }
  if (options.prune) dispatcher.prune();
  for (auto& writer : writers) writer->finish();
  if (layout.merge) {
    progress.show("merging " + std::to_string(writers.size()) + " shards into one database");
    merge_shards(options.db, layout);  // while the writers still hold the shards' locks
    writers.clear();
    remove_merge_leftovers(options.db);
    report.merged = layout.shards.size();
  }
  progress.clear();
  report.seconds = std::chrono::duration<double>(
                       std::chrono::steady_clock::now() - start).count();
  return report;
}

IndexReport run_index(const IndexOptions& options, std::ostream& errors) {
  return run_index(options, errors, std::cin);
}

void print_summary(const IndexReport& report, std::ostream& out) {
  const double seconds = std::max(report.seconds, 1e-6);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  out << "vnews-index: indexed " << report.indexed << ", skipped " << report.skipped
      << ", failed " << report.failed;
  if (!report.reasons.empty()) {
    const char* separator = " (";
    for (const auto& [reason, count] : report.reasons) {
      out << separator << count << ' ' << reason;
      separator = ", ";
    }
    out << ')';
  }
  out << "; added " << report.added << ", updated " << report.updated << ", unchanged "
      << report.unchanged << ", deleted " << report.deleted;
  out << " in " << std::fixed << std::setprecision(2) << report.seconds << " s ("
      << std::setprecision(0) << (report.indexed + report.unchanged) / seconds
      << " docs/s, " << std::setprecision(1) << report.bytes / seconds / (1 << 20)
      << " MB/s, " << report.shards << (report.shards == 1 ? " shard" : " shards");
  if (report.merged != 0) out << " merged from " << report.merged << " writers";
  out << ", peak memory " << usage.ru_maxrss / 1024 << " MB)\n";
}

}  // namespace vnews
