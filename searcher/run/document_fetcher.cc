#include "run/document_fetcher.h"

#include <exception>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <unordered_set>

namespace vnews {
namespace {

// One shard's documents to read: candidates and their docids in the shard.
struct ShardReads {
  std::vector<Candidate*> candidates;
  std::vector<Xapian::docid> docids;
  Xapian::Database* second = nullptr;  // read over it, in a thread
  bool second_failed = false;          // it failed: read over the first after all
  std::exception_ptr error;
};

// Reads `reads` over its second connection, reopened first when `stale`.
void read_over_second(ShardReads& reads, bool stale) {
  try {
    if (stale) reads.second->reopen();
    for (std::size_t i = 0; i < reads.docids.size(); ++i) {
      reads.candidates[i]->set_document(matched_document(*reads.second, reads.docids[i]));
    }
  } catch (const Xapian::NetworkError&) {
    reads.second_failed = true;
  } catch (...) {
    reads.error = std::current_exception();
  }
}

}  // namespace

DocumentFetcher::DocumentFetcher(std::vector<Shard> shards)
    : shards_(std::move(shards)), connections_(shards_.size()) {
  for (std::size_t s = 0; s < shards_.size(); ++s) {
    if (shards_[s].kind != Shard::Kind::kLocal) connection(s);
  }
}

std::pair<std::size_t, Xapian::docid> DocumentFetcher::locate(Xapian::docid docid) const {
  // Xapian numbers the documents of n databases searched as one in turn:
  // docid d of shard s is (d - 1) * n + s + 1.
  const std::size_t n = shards_.size();
  return {(docid - 1) % n, static_cast<Xapian::docid>((docid - 1) / n + 1)};
}

Xapian::Database* DocumentFetcher::connection(std::size_t shard) {
  Connection& c = connections_[shard];
  if (!c.db && !c.unavailable) {
    try {
      c.db = open_shard(shards_[shard]);
      c.stale = false;
    } catch (const std::runtime_error&) {
      c.unavailable = true;
    }
  }
  return c.db ? &*c.db : nullptr;
}

void DocumentFetcher::moved_on() {
  for (Connection& c : connections_) c.stale = true;
}

void DocumentFetcher::fetch(const std::vector<Candidate*>& candidates) {
  std::vector<ShardReads> reads(shards_.size());
  std::unordered_set<const Candidate*> asked;
  for (Candidate* candidate : candidates) {
    if (candidate->has_document() || !asked.insert(candidate).second) continue;
    const auto [shard, docid] = locate(candidate->docid());
    if (shards_[shard].kind == Shard::Kind::kLocal) continue;
    reads[shard].candidates.push_back(candidate);
    reads[shard].docids.push_back(docid);
  }
  std::size_t here = 0;  // read on this thread, over the first connection
  for (std::size_t s = 1; s < reads.size(); ++s) {
    if (reads[s].candidates.size() > reads[here].candidates.size()) here = s;
  }
  std::vector<std::thread> threads;
  threads.reserve(reads.size());  // only a thread's start can throw below
  for (std::size_t s = 0; s < reads.size(); ++s) {
    if (s == here || reads[s].candidates.empty()) continue;
    reads[s].second = connection(s);
    if (reads[s].second == nullptr) continue;
    try {
      threads.emplace_back(read_over_second, std::ref(reads[s]), connections_[s].stale);
      connections_[s].stale = false;
    } catch (const std::system_error&) {  // no thread to be had: read it here
      reads[s].second = nullptr;
    }
  }
  std::exception_ptr error;
  try {
    for (ShardReads& shard : reads) {
      if (shard.second != nullptr) continue;
      for (Candidate* candidate : shard.candidates) candidate->document();
    }
  } catch (...) {
    error = std::current_exception();
  }
  for (std::thread& thread : threads) thread.join();
  for (std::size_t s = 0; s < reads.size(); ++s) {
    if (!error) error = reads[s].error;
    if (!reads[s].second_failed) continue;
    connections_[s].db.reset();  // opened again next time
    try {
      for (Candidate* candidate : reads[s].candidates) {
        if (!candidate->has_document()) candidate->document();
      }
    } catch (...) {
      if (!error) error = std::current_exception();
    }
  }
  if (error) std::rethrow_exception(error);
}

}  // namespace vnews
