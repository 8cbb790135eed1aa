#include "shard_writer.h"

#include <stdexcept>
#include <utility>

#include "database_target.h"

namespace vnews {
namespace {

// Changes that may wait for the thread; bounds the memory they hold.
constexpr std::size_t kMaxQueued = 256;

std::runtime_error write_failure(const std::string& path, const Xapian::Error& e) {
  return std::runtime_error("cannot write to database '" + path + "' (" +
                            e.get_description() +
                            "); what it held at its last commit is kept, and running the "
                            "same command again finishes the job");
}

}  // namespace

ShardWriter::ShardWriter(const std::string& path, std::size_t commit_every, Role role)
    : path_(path),
      db_(open_target(path, role != Role::kUnsyncedBuild)),
      commit_every_(commit_every == 0 ? 1 : commit_every),
      spelling_(role == Role::kDatabase),
      thread_([this] { run(); }) {}

ShardWriter::~ShardWriter() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard lock(mutex_);
    aborting_ = closing_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void ShardWriter::add(Xapian::Document doc) {
  push(Change{Change::kAdd, std::move(doc), {}, 0, {}});
}

void ShardWriter::replace(std::string id_term, Xapian::Document doc) {
  push(Change{Change::kReplaceTerm, std::move(doc), std::move(id_term), 0, {}});
}

void ShardWriter::replace(Xapian::docid docid, Xapian::Document doc) {
  push(Change{Change::kReplaceId, std::move(doc), {}, docid, {}});
}

void ShardWriter::remove(Xapian::docid docid) {
  push(Change{Change::kRemoveId, {}, {}, docid, {}});
}

void ShardWriter::set_metadata(std::string key, std::string value) {
  push(Change{Change::kMetadata, {}, std::move(key), 0, std::move(value)});
}

void ShardWriter::push(Change change) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return queue_.size() < kMaxQueued || error_; });
  if (error_) std::rethrow_exception(error_);
  queue_.push_back(std::move(change));
  changed_.notify_all();
}

void ShardWriter::finish() {
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
  }
  changed_.notify_all();
  thread_.join();
  if (error_) std::rethrow_exception(error_);
  try {
    commit();
  } catch (const Xapian::Error& e) {
    throw write_failure(path_, e);
  }
}

void ShardWriter::run() {
  for (;;) {
    Change change;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] { return closing_ || !queue_.empty(); });
      if (aborting_ || (queue_.empty() && closing_)) return;
      change = std::move(queue_.front());
      queue_.pop_front();
    }
    changed_.notify_all();
    std::exception_ptr failure;
    try {
      apply(change);
    } catch (const Xapian::Error& e) {
      failure = std::make_exception_ptr(write_failure(path_, e));
    } catch (...) {
      failure = std::current_exception();
    }
    if (failure) {
      std::lock_guard lock(mutex_);
      error_ = failure;
      queue_.clear();
      changed_.notify_all();
      return;
    }
  }
}

void ShardWriter::apply(Change& change) {
  switch (change.kind) {
    case Change::kAdd:
      db_.add_document(change.doc);
      if (spelling_) spellings_.add(change.doc);
      break;
    case Change::kReplaceTerm:
      db_.replace_document(change.term, change.doc);
      if (spelling_) spellings_.add(change.doc);
      break;
    case Change::kReplaceId:
      db_.replace_document(change.docid, change.doc);
      if (spelling_) spellings_.add(change.doc);
      break;
    case Change::kRemoveId:
      db_.delete_document(change.docid);
      break;
    case Change::kMetadata:
      db_.set_metadata(change.term, change.value);
      break;
  }
  if (++uncommitted_ >= commit_every_) commit();
}

void ShardWriter::commit() {
  // The batch's spelling words go with its documents, in the same commit.
  spellings_.write_to(db_);
  db_.commit();
  uncommitted_ = 0;
}

}  // namespace vnews
