#include "http/search_pool.h"

#include <xapian.h>

#include <future>

#include "vnews/error.h"

namespace vnews {
namespace {

// A job whose reads a commit made stale runs again on the databases
// reopened, this often at most (Searcher retries each match too).
constexpr int kMaxAttempts = 3;

}  // namespace

// Shared by run(), which waits for it, and the worker that runs it: the
// promise must outlive set_value(), which wakes run().
struct SearchPool::Task {
  Task(const Job& job, Clock::time_point deadline) : job(job), deadline(deadline) {}
  const Job& job;  // run() waits, so it outlives the task's run
  Clock::time_point deadline;
  std::promise<void> done;
};

SearchPool::SearchPool(const PoolOptions& options) : options_(options) {
  std::vector<std::unique_ptr<Searcher>> searchers;
  for (unsigned i = 0; i < std::max(1u, options.workers); ++i) {
    searchers.push_back(new_searcher());
  }
  missing_ = searchers.front()->missing_shards();
  idle_ = static_cast<unsigned>(searchers.size());
  for (std::unique_ptr<Searcher>& searcher : searchers) {
    threads_.emplace_back(&SearchPool::work, this, std::move(searcher));
  }
}

SearchPool::~SearchPool() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  ready_.notify_all();
  for (std::thread& thread : threads_) thread.join();
}

std::size_t SearchPool::waiting() const {
  std::lock_guard<std::mutex> lock(mu_);
  return queue_.size() > idle_ ? queue_.size() - idle_ : 0;
}

void SearchPool::run(const Job& job, Clock::time_point deadline) {
  auto task = std::make_shared<Task>(job, deadline);
  std::future<void> done = task->done.get_future();
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_) throw UnavailableError("the service is stopping");
    // A task is waiting when no idle worker is about to take it.
    if (queue_.size() >= idle_ + options_.max_waiting) {
      throw OverloadedError("overloaded: " + std::to_string(options_.max_waiting) +
                            " searches are waiting for a worker already; try again");
    }
    queue_.push_back(task);
  }
  ready_.notify_one();
  done.get();
}

void SearchPool::work(std::unique_ptr<Searcher> searcher) {
  for (;;) {
    std::shared_ptr<Task> task;
    {
      std::unique_lock<std::mutex> lock(mu_);
      ready_.wait(lock, [&] { return !queue_.empty() || stopping_; });
      if (queue_.empty()) return;  // stopping, and every task has run
      task = queue_.front();
      queue_.pop_front();
      --idle_;
    }
    const std::exception_ptr error = run_task(*task, searcher);
    {
      // Free before run() returns, so that its caller finds the worker free.
      std::lock_guard<std::mutex> lock(mu_);
      ++idle_;
    }
    if (error) {
      task->done.set_exception(error);
    } else {
      task->done.set_value();
    }
  }
}

std::unique_ptr<Searcher> SearchPool::new_searcher() const {
  auto searcher = std::make_unique<Searcher>(options_.dbs, options_.allow_partial);
  searcher->use_bitmaps(bitmaps_);
  return searcher;
}

std::unique_ptr<Searcher> SearchPool::open() const {
  try {
    return new_searcher();
  } catch (const Xapian::Error& e) {
    throw UnavailableError("database unavailable: " + e.get_description());
  } catch (const std::exception& e) {
    throw UnavailableError(std::string("database unavailable: ") + e.what());
  }
}

std::exception_ptr SearchPool::run_task(Task& task, std::unique_ptr<Searcher>& searcher) {
  try {
    if (Clock::now() > task.deadline) {
      throw TimeLimitError("no worker was free before the time limit");
    }
    if (!searcher) searcher = open();
    for (int attempt = 1;; ++attempt) {
      if (attempt > 1 && Clock::now() > task.deadline) {
        throw TimeLimitError("commits made the search stale until the time limit");
      }
      try {
        // A connection its server closed while idle is opened again there.
        searcher->reopen();
        task.job(*searcher);
        break;
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt == kMaxAttempts) throw;
      } catch (const Xapian::DatabaseCorruptError&) {
        // A stale read too, as PlanRunner::reopening() takes it.
        if (attempt == kMaxAttempts) throw;
      }
    }
    return nullptr;
  } catch (const Xapian::NetworkError&) {
    // The Searcher connects again itself, keeping out the shards it knows
    // are missing: kept for the next task.
    return std::current_exception();
  } catch (const Xapian::Error&) {
    searcher.reset();  // opened anew for the next task
    return std::current_exception();
  } catch (...) {
    return std::current_exception();
  }
}

}  // namespace vnews
