#include "run_index.h"

#include <sys/resource.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iomanip>
#include <memory>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <thread>

#include "analysis_pipeline.h"
#include "article_source.h"
#include "corpus_root.h"
#include "corpus_walker.h"
#include "database_layout.h"
#include "database_metadata.h"
#include "database_target.h"
#include "dispatcher.h"
#include "free_space.h"
#include "indexed_set.h"
#include "progress.h"
#include "prune_scope.h"
#include "shard_merge.h"
#include "shard_writer.h"
#include "vnews/analyzer.h"
#include "vnews/boolean_terms.h"
#include "vnews/error.h"
#include "vnews/schema.h"

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

// What a run decides before it writes anything: a refusal leaves the
// database as it was.
struct RunPlan {
  bool remote = false;
  DatabaseLayout layout;
  std::string recorded_root;            // "" when the database records none
  std::optional<std::string> synonyms;  // the text of --synonyms FILE, checked
  // What the database records of them now, to write only what changes.
  std::string recorded_version, recorded_synonyms;
  std::filesystem::path root;
  CorpusListing listing;
  std::optional<PruneScope> prune_scope;  // with --prune
};

DatabaseLayout plan_layout_of(const IndexOptions& options) {
  return plan_layout(options.db, options.shards, kDefaultShards,
                     std::min(cores(), kMaxBuildWriters));
}

// Checks the database of `options` may be written as `layout` says.
void check_target(const IndexOptions& options, const DatabaseLayout& layout) {
  if (!options.deletes.empty() && layout.created) {
    throw UsageError("--delete: --db '" + options.db + "' holds no database");
  }
  if (options.dry_run) return;
  check_writable(options.db);
  for (const std::string& shard : layout.shards) check_writable(shard);
}

// Plans the run of `options`; reports the inputs the walk could not use on
// `errors`. Reads `in` only to tell whether it holds JSON Lines.
RunPlan plan_run(const IndexOptions& options, std::ostream& errors, std::istream& in) {
  RunPlan plan;
  plan.remote = is_remote_target(options.db);
  plan.layout = plan.remote ? DatabaseLayout{{options.db}} : plan_layout_of(options);
  if (!plan.remote) check_target(options, plan.layout);
  // A build a restart cut short is built again (prepare_folder), root and all.
  if (!plan.remote && !plan.layout.written_before_restart) {
    plan.recorded_root = recorded_root(plan.layout.shards);
    check_analyzer_version(indexed_analyzer_version(plan.layout.shards), options.force,
                           options.db);
    plan.recorded_version =
        recorded_metadata(plan.layout.shards, schema::kAnalyzerVersionKey);
    plan.recorded_synonyms = recorded_metadata(plan.layout.shards, schema::kSynonymsKey);
  }
  if (!options.synonyms_file.empty())
    plan.synonyms = read_synonyms(options.synonyms_file);
  plan.root = choose_root(plan.recorded_root, options.root, options.paths, options.force,
                          options.db);
  plan.listing = find_articles(options.paths, plan.root, options.stdin_id, options.prune);
  for (const ListingProblem& problem : plan.listing.problems) {
    errors << problem.message << '\n';
  }
  if (options.prune) plan.prune_scope.emplace(plan.listing, options.force);
  if (!options.stdin_id.empty() && stdin_records_format(in, options.format) != nullptr) {
    throw UsageError(
        "--id names one article, and the standard input holds JSON Lines "
        "(give each line its \"id\")");
  }
  return plan;
}

// Deletes what failed runs left in the database folder, and a build begun
// before the machine restarted, which `errors` is told; returns the layout
// to write. Throws std::runtime_error when the build cannot be deleted.
DatabaseLayout prepare_folder(const IndexOptions& options, DatabaseLayout layout,
                              std::ostream& errors) {
  remove_merge_leftovers(options.db);
  if (!layout.written_before_restart) return layout;
  errors << "vnews-index: '" << options.db
         << "': the new database being built when the machine restarted may be damaged; "
            "building it again\n";
  remove_build(options.db);
  layout = plan_layout_of(options);
  if (layout.written_before_restart) {
    throw std::runtime_error("cannot delete the build in '" + options.db +
                             "'; delete the folder and run again");
  }
  return layout;
}

Writers open_writers(const std::string& db, const DatabaseLayout& layout,
                     std::size_t commit_every) {
  if (layout.sharded) std::filesystem::create_directories(db);
  using Role = ShardWriter::Role;
  const Role role = !layout.merge     ? Role::kDatabase
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

std::uint64_t build_bytes(const DatabaseLayout& layout) {
  std::uint64_t total = 0;
  for (const std::string& shard : layout.shards) total += bytes_under(shard);
  return total;
}

// Throws when the disk of `db` cannot hold what the run writes: the
// documents of the files `indexed` does not hold as they are, and for a
// build, the merged copy of it all.
void check_space_for_run(const std::string& db, const DatabaseLayout& layout,
                         const std::vector<SourceFile>& files,
                         const IndexedSet& indexed) {
  std::uint64_t input = 0;
  for (const SourceFile& file : files) {
    if (!holds_unchanged(indexed, id_term(file.id), file.signature)) input += file.size;
  }
  check_free_space(db, input,
                   layout.merge ? std::optional(build_bytes(layout)) : std::nullopt);
}

// Opens the writers of a run that writes (none for a dry run) and returns
// what the database holds, under their locks; checks the free space unless
// forced. Throws as run_index().
IndexedSet open_database(const IndexOptions& options, const RunPlan& plan,
                         const DatabaseLayout& layout, Writers& writers) {
  if (options.dry_run) {
    const bool readable = !plan.remote && !layout.written_before_restart;
    return readable ? read_indexed_set(layout.shards) : IndexedSet{};
  }
  const bool check_space = !plan.remote && !options.force;
  if (check_space && layout.created) {
    check_space_for_run(options.db, layout, plan.listing.files, {});
  }
  writers = open_writers(
      options.db, layout,
      options.commit_every != 0 ? options.commit_every : kDefaultCommitEvery);
  if (plan.remote) return {};  // not scanned: documents are replaced by id term
  if (layout.merge) remove_failed_merge(options.db);  // under the shards' locks
  IndexedSet indexed = read_indexed_set(layout.shards);
  if (check_space && !layout.created) {
    check_space_for_run(options.db, layout, plan.listing.files, indexed);
  }
  return indexed;
}

// The checks a run makes once it knows what the database holds.
void check_fit(const IndexOptions& options, const RunPlan& plan,
               const IndexedSet& indexed) {
  if (plan.recorded_root.empty() && options.root.empty() && !plan.root.empty()) {
    check_default_root(plan.listing.files, indexed, options.db);
  }
  if (!plan.prune_scope) return;
  const std::size_t gone = plan.prune_scope->count_gone(indexed, plan.listing.files);
  if (auto refusal =
          prune_share_refusal(gone, indexed.size(), options.force, options.db)) {
    throw std::runtime_error(*refusal);
  }
}

// Records in every shard the root (when it is new), the analyzer version
// and the synonyms of --synonyms.
void record_metadata(const RunPlan& plan, Writers& writers) {
  for (auto& writer : writers) {
    if (!plan.remote && !plan.root.empty() && plan.root != plan.recorded_root) {
      writer->set_metadata(schema::kRootKey, plan.root.string());
    }
    const std::string version = std::to_string(kAnalyzerVersion);
    if (version != plan.recorded_version) {
      writer->set_metadata(schema::kAnalyzerVersionKey, version);
    }
    if (plan.synonyms && *plan.synonyms != plan.recorded_synonyms) {
      writer->set_metadata(schema::kSynonymsKey, *plan.synonyms);
    }
  }
}

std::uint64_t total_bytes(const std::vector<SourceFile>& files) {
  std::uint64_t total = 0;
  for (const SourceFile& f : files) total += f.size;
  return total;
}

// Reads, analyzes and dispatches every article of the plan.
void index_articles(const IndexOptions& options, const RunPlan& plan,
                    const IndexedSet& indexed, Dispatcher& dispatcher, Progress& progress,
                    IndexReport& report, std::istream& in) {
  const std::vector<SourceFile>& files = plan.listing.files;
  ArticleSource source(files, options.format, in);
  AnalysisPipeline pipeline(source, files, indexed, options.on_invalid,
                            options.threads > 0 ? options.threads : cores(),
                            options.should_stop);
  std::size_t files_done = 0;
  while (std::optional<Analyzed> result = pipeline.next()) {
    files_done = std::max(files_done, result->file);
    dispatcher.take(*result, files[result->file]);
    progress.update(files_done, report.bytes, report.indexed + report.unchanged);
  }
}

// Merges the build of `layout` into one database, when the disk can hold it
// (or `force`).
void merge_build(const IndexOptions& options, const DatabaseLayout& layout,
                 Writers& writers, Progress& progress) {
  if (!options.force) check_free_space(options.db, 0, build_bytes(layout));
  progress.show("merging " + std::to_string(writers.size()) +
                " shards into one database");
  merge_shards(options.db, layout);  // while the writers still hold the shards' locks
  writers.clear();
  remove_merge_leftovers(options.db);
}

}  // namespace

IndexReport run_index(const IndexOptions& options, std::ostream& errors, std::istream& in,
                      std::ostream& listing) {
  const auto start = std::chrono::steady_clock::now();
  IndexReport report;
  report.dry_run = options.dry_run;
  const RunPlan plan = plan_run(options, errors, in);
  for (const ListingProblem& problem : plan.listing.problems) {
    ++report.failed;
    ++report.reasons[problem.reason];
  }
  const DatabaseLayout layout = options.dry_run || plan.remote
                                    ? plan.layout
                                    : prepare_folder(options, plan.layout, errors);
  Writers writers;
  IndexedSet indexed = open_database(options, plan, layout, writers);
  check_fit(options, plan, indexed);
  if (!options.dry_run) record_metadata(plan, writers);
  report.shards = layout.merge ? 1 : layout.shards.size();

  Progress progress(errors, options.progress, plan.listing.files.size(),
                    total_bytes(plan.listing.files));
  Dispatcher dispatcher(writers, indexed, !plan.remote, report, errors, listing,
                        progress);
  dispatcher.delete_ids(options.deletes);
  index_articles(options, plan, indexed, dispatcher, progress, report, in);
  report.interrupted = options.should_stop && options.should_stop();
  std::optional<std::string> refusal;
  if (plan.prune_scope && !report.interrupted) {
    const std::vector<std::string> doomed = dispatcher.unseen(*plan.prune_scope);
    refusal =
        prune_share_refusal(doomed.size(), indexed.size(), options.force, options.db);
    if (!refusal) dispatcher.prune(doomed);
  }
  for (auto& writer : writers) writer->finish();
  if (refusal) {
    throw std::runtime_error(
        *refusal + (options.dry_run ? "" : "; the articles found were indexed"));
  }
  if (layout.merge && !options.dry_run && !report.interrupted) {
    merge_build(options, layout, writers, progress);
    report.merged = layout.shards.size();
  }
  progress.clear();
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

void print_summary(const IndexReport& report, std::ostream& out) {
  const double seconds = std::max(report.seconds, 1e-6);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  out << "vnews-index: " << (report.dry_run ? "dry run: " : "")
      << (report.interrupted ? "interrupted: " : "") << "indexed " << report.indexed
      << ", skipped " << report.skipped << ", failed " << report.failed;
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
