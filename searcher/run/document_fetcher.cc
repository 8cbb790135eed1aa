#include "run/document_fetcher.h"

#include <algorithm>
#include <exception>
#include <stdexcept>
#include <thread>

namespace vnews {
namespace {

// Reads the documents `docids` of `db` (at its latest revision) into
// `candidates`, in order.
void read_documents(Xapian::Database& db, const std::vector<Xapian::docid>& docids,
                    const std::vector<Candidate*>& candidates) {
  db.reopen();
  for (std::size_t i = 0; i < docids.size(); ++i) {
    try {
      candidates[i]->set_document(db.get_document(docids[i], Xapian::DOC_ASSUME_VALID));
    } catch (const Xapian::DocNotFoundError&) {
      throw Xapian::DatabaseModifiedError("document " +
                                          std::to_string(candidates[i]->docid()) +
                                          " went away after it matched");
    }
  }
}

}  // namespace

std::pair<std::size_t, Xapian::docid> DocumentFetcher::locate(Xapian::docid docid) const {
  // Xapian numbers the documents of n databases searched as one in turn:
  // docid d of shard s is (d - 1) * n + s + 1.
  const std::size_t n = shards_.size();
  return {(docid - 1) % n, static_cast<Xapian::docid>((docid - 1) / n + 1)};
}

Xapian::Database* DocumentFetcher::connection(std::size_t shard) {
  if (!connections_[shard] && !unavailable_[shard]) {
    try {
      connections_[shard] = open_shard(shards_[shard]);
    } catch (const std::runtime_error&) {
      unavailable_[shard] = true;  // read over the first connection
    }
  }
  return connections_[shard] ? &*connections_[shard] : nullptr;
}

void DocumentFetcher::fetch(const std::vector<Candidate*>& candidates) {
  // Each remote shard's unread documents.
  std::vector<std::vector<Candidate*>> wanted(shards_.size());
  std::vector<std::vector<Xapian::docid>> docids(shards_.size());
  for (Candidate* candidate : candidates) {
    if (candidate->has_document()) continue;
    const auto [shard, docid] = locate(candidate->docid());
    if (shards_[shard].kind == Shard::Kind::kLocal) continue;
    wanted[shard].push_back(candidate);
    docids[shard].push_back(docid);
  }
  // The shard with the most is read here, over the searched database.
  std::size_t here = 0;
  for (std::size_t s = 1; s < wanted.size(); ++s) {
    if (wanted[s].size() > wanted[here].size()) here = s;
  }
  std::vector<std::thread> threads;
  std::vector<std::exception_ptr> errors(shards_.size());
  for (std::size_t s = 0; s < shards_.size(); ++s) {
    if (s == here || wanted[s].empty()) continue;
    Xapian::Database* db = connection(s);
    if (db == nullptr) continue;
    threads.emplace_back([&, s, db] {
      try {
        read_documents(*db, docids[s], wanted[s]);
      } catch (...) {
        errors[s] = std::current_exception();
      }
    });
  }
  std::exception_ptr error;
  try {
    for (Candidate* candidate : wanted[here]) candidate->document();
  } catch (...) {
    error = std::current_exception();
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::exception_ptr& e : errors) {
    if (!error) error = e;
  }
  if (error) std::rethrow_exception(error);
}

}  // namespace vnews
