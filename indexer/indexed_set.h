// indexed_set.h -- what a database already holds: each document's unique term,
// shard, document id and source signature, read once at the start of a run so
// that unchanged articles are recognised without a lookup each.
#ifndef VNEWS_INDEXER_INDEXED_SET_H_
#define VNEWS_INDEXER_INDEXED_SET_H_

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vnews {

// Where one indexed document is and what it was built from.
struct IndexedDoc {
  std::uint32_t shard = 0;
  Xapian::docid docid = 0;
  std::string signature;  // schema::kSignatureSlot; empty when none was stored
  // schema::kFileSlot; null for a whole file, which most documents are (a
  // pointer keeps this at 48 bytes: the set holds one per document).
  std::unique_ptr<const std::string> file;
};

// Unique id term -> IndexedDoc, for every document of every shard.
using IndexedSet = std::unordered_map<std::string, IndexedDoc>;

// Returns the documents of the databases at `shards` that exist (a missing
// path holds nothing). Sequential scans of each shard: the id terms with their
// postings, and the signature and file value streams.
IndexedSet read_indexed_set(const std::vector<std::string>& shards);

// Returns true when `indexed` holds the document with id term `id_term` as
// built from the input of `signature`, so that it need not be read again; never
// for an empty signature (an input whose signature is not to be trusted).
bool holds_unchanged(const IndexedSet& indexed, const std::string& id_term,
                     const std::string& signature);

// Returns the path under the corpus root of the file the document with id
// term `id_term` was read from: its kFileSlot, else its id (a whole file);
// schema::kStdinFile for the standard input.
std::string_view source_of(const std::string& id_term, const IndexedDoc& doc);

}  // namespace vnews

#endif  // VNEWS_INDEXER_INDEXED_SET_H_
