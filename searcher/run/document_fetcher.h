// document_fetcher.h -- reads the documents of a results page from several
// remote shards at once. Xapian 1.4 reads a remote document in a round trip
// of its own, one after the other, whatever shard holds it; this reads each
// shard's documents in a thread of its own, over a second connection to the
// shard, while the calling thread reads one shard's over the searched
// database's own connection.
#ifndef VNEWS_SEARCHER_RUN_DOCUMENT_FETCHER_H_
#define VNEWS_SEARCHER_RUN_DOCUMENT_FETCHER_H_

#include <xapian.h>

#include <optional>
#include <utility>
#include <vector>

#include "query/document_check.h"
#include "run/database_set.h"

namespace vnews {

class DocumentFetcher {
 public:
  // Opens a second connection to each remote shard of `shards`: the shards
  // of the searched database, in the order it holds them
  // (DatabaseSet::opened), just opened, so that the connections are at its
  // revisions. A connection that does not open is not tried again; its
  // shard is read over the first one.
  explicit DocumentFetcher(std::vector<Shard> shards);

  // Reads the documents of `candidates` (candidates of the searched
  // database) not read yet: those of remote shards at once, as above, the
  // shard with the most of them (the first on a tie) on this thread; those
  // of local shards are left to be read when asked. A second connection
  // that fails (its server closed it, idle) is dropped, its documents read
  // over the first, and opened again at the next call. Throws as
  // Candidate::document() does: a document deleted since it matched,
  // Xapian::DatabaseModifiedError; a shard gone, Xapian::NetworkError.
  void fetch(const std::vector<Candidate*>& candidates);

  // Moves the second connections to their shards' latest revisions at their
  // next use: call it whenever the searched database reopens. (Xapian 1.4
  // does not tell a remote shard's revision: a commit that lands between
  // the two moves can still show a page an article newer than its match.)
  void moved_on();

 private:
  struct Connection {
    std::optional<Xapian::Database> db;
    bool stale = false;        // reopen before the next read
    bool unavailable = false;  // did not open: read over the first connection
  };

  // The shard of the searched database that holds `docid`, and its docid
  // there.
  std::pair<std::size_t, Xapian::docid> locate(Xapian::docid docid) const;
  // Returns the second connection to remote shard `shard` (opened again
  // when it was dropped), or nullptr when it cannot be opened.
  Xapian::Database* connection(std::size_t shard);

  std::vector<Shard> shards_;
  std::vector<Connection> connections_;
};

}  // namespace vnews

#endif  // VNEWS_SEARCHER_RUN_DOCUMENT_FETCHER_H_
