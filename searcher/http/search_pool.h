// search_pool.h -- the threads that answer a service's searches, each with a
// Searcher of its own (Xapian objects are never shared between threads), and
// the bounded queue of searches waiting for one of them.
#ifndef VNEWS_SEARCHER_HTTP_SEARCH_POOL_H_
#define VNEWS_SEARCHER_HTTP_SEARCH_POOL_H_

#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "run/searcher.h"

namespace vnews {

// A search refused because too many wait already: a service answers 503.
class OverloadedError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The databases a SearchPool searches, and its threads and queue.
struct PoolOptions {
  std::vector<std::string> dbs;  // searched as one (database_set.h)
  bool allow_partial = false;    // leave out the shards that do not open
  unsigned workers = 1;          // threads, each with its own Searcher
  std::size_t max_waiting = 64;  // searches that may wait for a worker
};

class SearchPool {
 public:
  // Work for a worker. It may run more than once: again from the start, on
  // the databases reopened, when a commit made what it read stale.
  using Job = std::function<void(Searcher&)>;
  using Clock = std::chrono::steady_clock;

  // Opens a Searcher per worker and starts the workers. Throws as
  // Searcher's constructor, naming the database that does not open.
  explicit SearchPool(const PoolOptions& options);

  // Runs the jobs already queued, then stops the workers.
  ~SearchPool();

  SearchPool(const SearchPool&) = delete;
  SearchPool& operator=(const SearchPool&) = delete;

  // Runs `job` on the Searcher of the first free worker, moved first to the
  // databases' latest commit, and returns when it has run, rethrowing what
  // it threw. Throws OverloadedError when options.max_waiting jobs are
  // waiting already, TimeLimitError when no worker was free before
  // `deadline`, and UnavailableError when a Searcher that failed could not
  // be opened again. Thread-safe.
  void run(const Job& job, Clock::time_point deadline);

  // Messages naming the shards that allow_partial left out at startup.
  const std::vector<std::string>& missing_shards() const { return missing_; }

  unsigned workers() const { return static_cast<unsigned>(threads_.size()); }

  // Returns the number of jobs waiting for a worker. Thread-safe.
  std::size_t waiting() const;

 private:
  struct Task;

  void work(std::unique_ptr<Searcher> searcher);
  // Returns a new Searcher sharing the pool's bitmaps; throws what its
  // constructor throws.
  std::unique_ptr<Searcher> new_searcher() const;
  // Returns a new Searcher; throws UnavailableError when it cannot open.
  std::unique_ptr<Searcher> open() const;
  // Runs `task` on `searcher`, reopening it first and again after a commit
  // made it stale; drops it when it failed with a Xapian error other than a
  // network one, which the Searcher mends itself (opened again for the next
  // task). Returns what the task threw, or null.
  std::exception_ptr run_task(Task& task, std::unique_ptr<Searcher>& searcher);

  const PoolOptions options_;
  // The bitmaps of common words, one set for every worker (term_bitmaps.h).
  const std::shared_ptr<TermBitmaps> bitmaps_ = std::make_shared<TermBitmaps>();
  std::vector<std::string> missing_;
  mutable std::mutex mu_;
  std::condition_variable ready_;
  std::deque<std::shared_ptr<Task>> queue_;  // GUARDED_BY(mu_)
  unsigned idle_ = 0;      // GUARDED_BY(mu_); workers not running a task
  bool stopping_ = false;  // GUARDED_BY(mu_)
  std::vector<std::thread> threads_;
};

}  // namespace vnews

#endif  // VNEWS_SEARCHER_HTTP_SEARCH_POOL_H_
