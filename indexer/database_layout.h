// database_layout.h -- where the documents of a --db live: one Xapian
// database, or N shard databases DIR/shard-K listed by the stub file
// DIR/XAPIANDB, which Xapian opens as one database. A new single database is
// built as shards by parallel writers, then merged (shard_merge.h).
#ifndef VNEWS_INDEXER_DATABASE_LAYOUT_H_
#define VNEWS_INDEXER_DATABASE_LAYOUT_H_

#include <cstddef>
#include <string>
#include <vector>

namespace vnews {

// The databases a --db folder is made of.
struct DatabaseLayout {
  std::vector<std::string> shards;  // paths to open for writing, in shard order
  bool sharded = false;             // true when the folder holds a XAPIANDB stub
  bool created = false;             // true when the folder held no database yet
  // True for the shards of a new single database: written in parallel, they
  // are merged into one database when a run completes (the stub says so).
  bool merge = false;
  // True when the build's commits need not wait for the disk: the machine
  // names its boot, so the stub can tell a restart (written_before_restart).
  // The merged database is synced to the disk before it takes the build's
  // place, as a build's stub is before its first commit.
  bool unsynced = false;
  // True for a build begun before the machine last started: a power cut or
  // a system crash may have damaged its unsynced shards, so it is started
  // over (remove_build() in shard_merge.h, then plan_layout() again).
  bool written_before_restart = false;
};

// Returns the identity of the machine's current boot (Linux's boot_id), or ""
// when the system does not tell it.
std::string boot_id();

// Returns the layout of `db`. An existing single database or sharded folder
// keeps its layout: `requested_shards` 0 accepts it, another count is a
// UsageError; a folder holding both a database and a stub is the database, as
// Xapian opens it. A missing or empty folder gets `requested_shards` shards,
// or `new_shards` when that is 0 (a single database for a count of 1); a
// single database without --shards is built by `build_writers` merged shards
// when that is more than 1. A build's stub keeps it one on later runs until
// it is merged. Throws UsageError when `db` is a file or a folder holding
// something else, std::runtime_error when a shard its stub lists is not a
// database. Creates nothing.
DatabaseLayout plan_layout(const std::string& db, unsigned requested_shards,
                           unsigned new_shards, unsigned build_writers = 1);

// Writes `layout`'s stub file DIR/XAPIANDB, one "auto shard-K" line per
// shard (after comment lines marking a build to merge and naming the boot it
// is written in), atomically and synced to the disk (a crash leaves the old
// stub or the new one). Does nothing for an unsharded layout, or when the
// stub already says so.
void write_stub(const std::string& db, const DatabaseLayout& layout);

// Returns the shards the stub in `db` lists when it is a build's stub, else
// nothing (also when it is missing or unreadable).
std::vector<std::string> build_shards(const std::string& db);

// Returns the shard, in 0..shards-1, of the document with unique term
// `id_term`: a stable hash, the same on every run and machine.
std::size_t shard_of(const std::string& id_term, std::size_t shards);

}  // namespace vnews

#endif  // VNEWS_INDEXER_DATABASE_LAYOUT_H_
