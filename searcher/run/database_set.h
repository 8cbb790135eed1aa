// database_set.h -- opens the databases that --db names, local or remote, as
// one: database folders, Xapian stub files listing shards, and databases
// served by xapian-tcpsrv.
#ifndef VNEWS_SEARCHER_RUN_DATABASE_SET_H_
#define VNEWS_SEARCHER_RUN_DATABASE_SET_H_

#include <xapian.h>

#include <string>
#include <vector>

namespace vnews {

// One database that a --db value leads to, directly or through a stub.
struct Shard {
  enum class Kind { kLocal, kTcp, kProgram };
  Kind kind = Kind::kLocal;
  std::string
      location;  // kLocal: the folder; kTcp: "HOST:PORT"; kProgram: "PROGRAM ARGS"
  std::string listed_in;  // "STUB:LINE" when a stub named it; empty for a --db value
};

// Returns the shards that the --db value `db` names, in order. `db` is
// "tcp://HOST:PORT" (a database served by xapian-tcpsrv), a database folder,
// or a Xapian stub: a file, or a folder holding a file named XAPIANDB, with one
// shard a line ("auto PATH", "glass PATH" or "chert PATH", relative to the
// stub's folder; "remote HOST:PORT"; "remote :PROGRAM ARGS"; "#" comments).
// Stubs may list stubs, up to 8 deep. Does not check that the shards exist.
// Throws UsageError for a bad tcp:// value and std::runtime_error quoting the
// file and line of a stub line it cannot parse.
std::vector<Shard> list_shards(const std::string& db);

// Returns how messages name `shard`: "database 'news.db'" for a --db value,
// "shard '10.0.0.2:7000' (listed in 'news.db/XAPIANDB:2')" for a stub line.
std::string describe(const Shard& shard);

// Opens `shard`: a remote one over a connection of its own. Throws
// std::runtime_error naming it (see describe()) when it does not exist, is
// not a Xapian database or its server cannot be reached.
Xapian::Database open_shard(const Shard& shard);

// The shards of several --db values, opened as one database.
struct DatabaseSet {
  Xapian::Database db;               // every shard that opened, searched as one
  std::vector<Shard> opened;         // the shards of `db`, in its order
  std::vector<std::string> missing;  // one message per shard that did not open
  std::vector<Shard> left_out;       // those shards, in the same order
  std::size_t shards = 0;            // shards listed, opened or not
  bool remote = false;               // some shard that opened is served over a connection
};

// Opens every shard of `dbs`. A shard that does not exist, is not a Xapian
// database or whose server cannot be reached throws std::runtime_error naming
// it (see describe()), unless `allow_partial`: then it is left out and
// reported in `missing`, and only a set where no shard opens throws. With
// `allow_partial` and `keep_out`, the shards `keep_out` left out are not
// tried: left out again, with the same messages.
DatabaseSet open_database_set(const std::vector<std::string>& dbs, bool allow_partial,
                              const DatabaseSet* keep_out = nullptr);

// True when `a` and `b` are the same line of the same stub, or --db value.
bool operator==(const Shard& a, const Shard& b);

}  // namespace vnews

#endif  // VNEWS_SEARCHER_RUN_DATABASE_SET_H_
