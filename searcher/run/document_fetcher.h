// document_fetcher.h -- reads the documents of a results page from several
// remote shards at once. Xapian 1.4 reads a remote document in a round trip
// of its own, one after the other, whatever shard holds it; this reads each
// shard's documents in a thread of its own, over a second connection to the
// shard, while the calling thread reads one shard's over the searched
// database's own.
#ifndef VNEWS_SEARCHER_RUN_DOCUMENT_FETCHER_H_
#define VNEWS_SEARCHER_RUN_DOCUMENT_FETCHER_H_

#include <xapian.h>

#include <optional>
#include <vector>

#include "query/document_check.h"
#include "run/database_set.h"

namespace vnews {

class DocumentFetcher {
 public:
  // `shards`: the shards of the searched database, in the order it holds
  // them (DatabaseSet::opened). REQUIRES: `db` is that database and outlives
  // the fetcher.
  DocumentFetcher(const Xapian::Database& db, std::vector<Shard> shards)
      : db_(db), shards_(std::move(shards)), connections_(shards_.size()) {}

  // Reads the documents of `candidates` (candidates of `db`) not read yet:
  // those of remote shards at once, as above (a second connection moves to
  // the shard's latest revision first); those of local shards are left to
  // be read when asked. A shard whose second connection does not open is
  // read over the first. Throws as Candidate::document() does: a document
  // deleted since it matched, Xapian::DatabaseModifiedError; a shard gone,
  // Xapian::NetworkError.
  void fetch(const std::vector<Candidate*>& candidates);

 private:
  // The shard of the searched database that holds `docid`, and its docid there.
  std::pair<std::size_t, Xapian::docid> locate(Xapian::docid docid) const;
  // Returns the second connection to remote shard `shard`, opened the first
  // time; nullptr when it cannot be opened (it is not tried again).
  Xapian::Database* connection(std::size_t shard);

  const Xapian::Database& db_;
  std::vector<Shard> shards_;
  std::vector<std::optional<Xapian::Database>> connections_;
  std::vector<bool> unavailable_ = std::vector<bool>(shards_.size(), false);
};

}  // namespace vnews

#endif  // VNEWS_SEARCHER_RUN_DOCUMENT_FETCHER_H_
