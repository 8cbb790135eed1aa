// database_target.h -- opens the database vnews-index writes to: a local
// folder, or a database served by `xapian-tcpsrv --writable`.
#ifndef VNEWS_INDEXER_DATABASE_TARGET_H_
#define VNEWS_INDEXER_DATABASE_TARGET_H_

#include <xapian.h>

#include <string>

namespace vnews {

// Returns true when --db value `db` names a remote database (tcp://HOST:PORT),
// which is never checked or created on the local disk.
bool is_remote_target(const std::string& db);

// Returns `db` opened for writing. "tcp://HOST:PORT" connects to a server
// started with `xapian-tcpsrv --writable`; anything else is a local folder,
// created with its parent folders when missing (a shard inside a new
// folder). Throws UsageError for a malformed tcp:// value, std::runtime_error
// naming the server when it cannot be reached or does not accept writes, and
// Xapian::DatabaseLockError when another writer holds a local database.
// With `wait_for_disk` false, a local database's commits do not wait for the
// disk (Xapian::DB_NO_SYNC): a killed process loses nothing it committed, but
// a power cut or system crash may leave it damaged.
Xapian::WritableDatabase open_target(const std::string& db, bool wait_for_disk = true);

}  // namespace vnews

#endif  // VNEWS_INDEXER_DATABASE_TARGET_H_
