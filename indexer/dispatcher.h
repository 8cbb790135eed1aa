// dispatcher.h -- sends each analyzed article to the shard writer of its
// document and counts what happens; in a dry run, lists the changes instead.
#ifndef VNEWS_INDEXER_DISPATCHER_H_
#define VNEWS_INDEXER_DISPATCHER_H_

#include <iosfwd>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "analysis_pipeline.h"
#include "indexed_set.h"
#include "progress.h"
#include "prune_scope.h"
#include "run_index.h"
#include "shard_writer.h"

namespace vnews {

using Writers = std::vector<std::unique_ptr<ShardWriter>>;

class Dispatcher {
 public:
  // Writes to `writers`; when there is none (a dry run), prints one line per
  // change on `listing` instead: "add ID", "update ID", "delete ID".
  // `complete` says `indexed` lists every document of the database; when it
  // does not, documents are replaced by id term rather than added. Errors of
  // inputs go to `errors`. REQUIRES: all outlive the dispatcher.
  Dispatcher(Writers& writers, IndexedSet& indexed, bool complete, IndexReport& report,
             std::ostream& errors, std::ostream& listing, Progress& progress);

  // Writes, counts or reports `result`, an article of `file`. Throws the
  // error a writer met.
  void take(Analyzed& result, const SourceFile& file);

  // Deletes the documents of `ids` and forgets them from the indexed set (an
  // article of the run with one of these ids is then indexed anew); an
  // unknown id is reported and counted as skipped. Throws the error a writer
  // met.
  void delete_ids(const std::vector<std::string>& ids);

  // Returns the id terms of the documents a prune deletes: those `scope`
  // covers whose article was not taken (an input that was there but could
  // not be used keeps its document).
  std::vector<std::string> unseen(const PruneScope& scope) const;

  // Deletes the documents of `id_terms`, from unseen().
  void prune(const std::vector<std::string>& id_terms);

 private:
  bool dry_run() const { return writers_.empty(); }
  void write(Analyzed& result);
  void remove(const std::string& id_term, const IndexedDoc& doc);
  void list(const char* change, const std::string& id_term);

  Writers& writers_;
  IndexedSet& indexed_;
  const bool complete_;
  IndexReport& report_;
  std::ostream& errors_;
  std::ostream& listing_;
  Progress& progress_;
  std::unordered_set<std::string> seen_;  // id terms taken
};

}  // namespace vnews

#endif  // VNEWS_INDEXER_DISPATCHER_H_
