// shard_merge.h -- turns a build's shards (database_layout.h) into the one
// database they stand for, in place, so that a crash at any moment leaves a
// database that opens: the shards, or the merged database.
#ifndef VNEWS_INDEXER_SHARD_MERGE_H_
#define VNEWS_INDEXER_SHARD_MERGE_H_

#include <string>

#include "database_layout.h"

namespace vnews {

// Compacts the shards of `layout` (a build: layout.merge) into one database
// beside them in `db`, adds the spelling data of all its documents (a
// build's writers write none), then makes it the database with one rename: its
// "iamglass" file, which Xapian and plan_layout() look for before the stub.
// REQUIRES: every shard committed and still held open by its writer, so that
// no other indexer writes to them meanwhile. Throws std::runtime_error
// naming `db` and the cause when it cannot (a full disk, say); the shards are
// then still the database, what the merge had written is deleted, and the
// next run merges them again.
void merge_shards(const std::string& db, const DatabaseLayout& layout);

// Deletes what a merge leaves in `db` once its merged database is in place:
// the build's stub, its shards and a half-written merge. Does nothing to a
// folder that holds no merged build. Never throws: what it cannot delete, a
// later run deletes.
void remove_merge_leftovers(const std::string& db);

// Deletes what a merge that failed or was cut short (a kill, a full disk)
// left beside the build in `db`: a half-written merged database, tables it
// had moved in, a stub being written. Does nothing to a folder holding a
// database or no build. Never throws: what it cannot delete, the next merge
// replaces.
void remove_failed_merge(const std::string& db);

// Deletes the build in `db` (its shards, stub and any half-written merge,
// also the tables a merge cut short had moved in), leaving an empty folder.
// Does nothing to a folder holding a database, or a stub that is not a
// build's. Never throws: what it cannot delete is reported when the folder
// is used next.
void remove_build(const std::string& db);

}  // namespace vnews

#endif  // VNEWS_INDEXER_SHARD_MERGE_H_
