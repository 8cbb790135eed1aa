// prune_scope.h -- what a --prune may delete: the documents of articles read
// from under a PATH of the run that was listed in full, whose article the run
// did not find, and never more than half of the database unless forced.
#ifndef VNEWS_INDEXER_PRUNE_SCOPE_H_
#define VNEWS_INDEXER_PRUNE_SCOPE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus_walker.h"
#include "indexed_set.h"

namespace vnews {

class PruneScope {
 public:
  // The scope of the PATHs of `listing`. Throws std::runtime_error, a
  // one-line refusal naming the PATH, when one is missing, could not be
  // listed in full or holds no article (an unmounted disk, a typo), unless
  // `force`: then a missing or empty PATH's documents may all be deleted,
  // and those under a folder that could not be listed are still kept.
  PruneScope(const CorpusListing& listing, bool force);

  // Returns true when a document read from `source` (a path under the root,
  // as indexed_set.h's source_of() returns) may be deleted by the prune.
  bool covers(std::string_view source) const;

  // Returns how many documents of `indexed` the scope covers whose file is
  // not among `files`: the least a prune of this run will delete.
  std::size_t count_gone(const IndexedSet& indexed,
                         const std::vector<SourceFile>& files) const;

 private:
  std::vector<std::string> scopes_;    // of the PATHs
  std::vector<std::string> unlisted_;  // folders under them that were not listed
};

// Returns the one-line refusal of a prune that would delete `doomed` of the
// `total` documents of `db`, more than half of them, unless `force`; nothing
// when it may go on.
std::optional<std::string> prune_share_refusal(std::size_t doomed, std::size_t total,
                                               bool force, const std::string& db);

}  // namespace vnews

#endif  // VNEWS_INDEXER_PRUNE_SCOPE_H_
