// indexed_set.h -- what a database already holds: each document's unique term,
// shard, document id and source signature, read once at the start of a run so
// that unchanged articles are recognised without a lookup each.
#ifndef VNEWS_INDEXER_INDEXED_SET_H_
#define VNEWS_INDEXER_INDEXED_SET_H_

#include <xapian.h>

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

namespace vnews {

// Where one indexed document is and what it was built from.
struct IndexedDoc {
  std::size_t shard = 0;
  Xapian::docid docid = 0;
  std::string signature;  // schema::kSignatureSlot; empty when none was stored
};

// Unique id term -> IndexedDoc, for every document of every shard.
using IndexedSet = std::unordered_map<std::string, IndexedDoc>;

// Returns the documents of the databases at `shards` that exist (a missing
// path holds nothing). Two sequential scans per shard: the id terms with their
// postings, and the signature value stream.
IndexedSet read_indexed_set(const std::vector<std::string>& shards);

}  // namespace vnews

#endif  // VNEWS_INDEXER_INDEXED_SET_H_
