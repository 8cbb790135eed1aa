// shard_writer.h -- one Xapian database written on its own thread, so that
// several shards are written at once.
#ifndef VNEWS_INDEXER_SHARD_WRITER_H_
#define VNEWS_INDEXER_SHARD_WRITER_H_

#include <xapian.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>
#include <string>
#include <thread>

#include "spelling.h"

namespace vnews {

// Applies queued changes to one database in the order they were queued (the
// words of each added or replaced document go to its spelling data too,
// unless left to a later add_spellings_of_all()) and
// commits every `commit_every` changes and at finish(). A crash loses at most
// the changes since the last commit; each commit holds only whole documents.
class ShardWriter {
 public:
  // What the database written to is.
  enum class Role {
    kDatabase,       // a database or shard of its own: its spelling data goes with
                     // each commit, and each commit waits for the disk
    kBuild,          // a shard of a build (DatabaseLayout::merge): spelling data is
                     // left to the merge, which makes it once for all shards
    kUnsyncedBuild,  // as kBuild, and commits do not wait for the disk: only
                     // for a build that a restart starts over (DatabaseLayout)
  };

  // Opens (creating when missing) the database at `path`, a folder or a
  // tcp://HOST:PORT target, for writing. Throws as open_target().
  ShardWriter(const std::string& path, std::size_t commit_every,
              Role role = Role::kDatabase);
  // Stops the thread; queued changes not yet applied are dropped.
  ~ShardWriter();
  ShardWriter(const ShardWriter&) = delete;
  ShardWriter& operator=(const ShardWriter&) = delete;

  // The queueing calls below throw the error the thread met, if it met one:
  // then nothing queued after it is written, and the caller should stop.
  // Errors name the database: "cannot write to database 'PATH' (...)".

  // Queues a new document. REQUIRES: no document has its unique term yet.
  void add(Xapian::Document doc);
  // Queues a replacement of the document with unique term `id_term`, added
  // when there is none.
  void replace(std::string id_term, Xapian::Document doc);
  // Queues a replacement of document `docid`.
  void replace(Xapian::docid docid, Xapian::Document doc);
  // Queues the deletion of document `docid`.
  void remove(Xapian::docid docid);
  // Queues setting the database's metadata `key` to `value`.
  void set_metadata(std::string key, std::string value);

  // Applies what is queued, commits, and stops the thread. Throws the first
  // error met (then nothing after it was committed).
  void finish();

 private:
  struct Change {
    enum Kind { kAdd, kReplaceTerm, kReplaceId, kRemoveId, kMetadata } kind;
    Xapian::Document doc;
    std::string term;  // or the metadata key
    Xapian::docid docid = 0;
    std::string value;  // of the metadata
  };

  void push(Change change);
  void run();
  void apply(Change& change);
  void commit();

  const std::string path_;
  Xapian::WritableDatabase db_;  // used by the writer thread alone, and by
                                 // finish() once the thread has stopped
  const std::size_t commit_every_;
  const bool spelling_;
  std::size_t uncommitted_ = 0;  // as db_
  SpellingCounts spellings_;     // as db_; of the changes since the last commit
  std::deque<Change> queue_;     // GUARDED_BY(mutex_)
  bool closing_ = false;         // GUARDED_BY(mutex_)
  bool aborting_ = false;        // GUARDED_BY(mutex_)
  // GUARDED_BY(mutex_); finish() reads it unlocked once the thread has stopped.
  std::exception_ptr error_;
  // Guards queue_, closing_, aborting_ and error_; `changed_` is notified
  // when one of them changes.
  std::mutex mutex_;
  std::condition_variable changed_;
  std::thread thread_;
};

}  // namespace vnews

#endif  // VNEWS_INDEXER_SHARD_WRITER_H_
