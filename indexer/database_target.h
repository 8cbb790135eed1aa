// database_target.h -- opens the database vnews-index writes to: a local
// folder, or a database served by `xapian-tcpsrv --writable`.
#ifndef VNEWS_INDEXER_DATABASE_TARGET_H_
#define VNEWS_INDEXER_DATABASE_TARGET_H_

#include <xapian.h>

#include <filesystem>
#include <string>

namespace vnews {

// Returns true when --db value `db` names a remote database (tcp://HOST:PORT),
// which is never checked or created on the local disk.
bool is_remote_target(const std::string& db);

// Returns `path` made absolute when it exists, else the nearest of its parent
// folders that does: where a database at `path` would be created.
std::filesystem::path existing_folder(const std::string& path);

// Throws std::runtime_error "cannot write to database 'PATH': REASON" (as
// "Permission denied", "Read-only file system") when this process may not
// write to the local database folder `path`, or "cannot create database
// 'PATH' in 'FOLDER': REASON" when it does not exist and may not be created.
void check_writable(const std::string& path);

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
