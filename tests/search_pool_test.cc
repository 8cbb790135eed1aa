#include "http/search_pool.h"

#include <catch2/catch.hpp>
#include <future>
#include <sstream>
#include <thread>

#include "run_index.h"
#include "small_index.h"
#include "vnews/error.h"

namespace {

using Clock = std::chrono::steady_clock;
using vnews::SearchPool;

const vnews::test::Articles kArticles = {
    {"tech/xiaomi.txt", "Xiaomi ra mắt điện thoại mới\nGiá từ 5 triệu đồng.\n"},
    {"world/bao.txt", "Bão số 3 đổ bộ\nMưa lớn ở miền Bắc.\n"},
};

Clock::time_point in_a_minute() { return Clock::now() + std::chrono::minutes(1); }

// Waits until `pool` has `n` jobs waiting (at most 10 s).
void wait_for_waiting(const SearchPool& pool, std::size_t n) {
  const Clock::time_point until = Clock::now() + std::chrono::seconds(10);
  while (pool.waiting() != n && Clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  REQUIRE(pool.waiting() == n);
}

// Keeps one worker of a pool busy from construction (returns once the job
// has started, at most 10 s) until release().
class BusyWorker {
 public:
  explicit BusyWorker(SearchPool& pool) {
    job_ = std::async(std::launch::async, [&] {
      pool.run(
          [&](vnews::Searcher&) {
            started_.set_value();
            release_.get_future().wait();
          },
          in_a_minute());
    });
    REQUIRE(started_.get_future().wait_for(std::chrono::seconds(10)) ==
            std::future_status::ready);
  }

  // Ends the job (if a check failed before release()), so that no test hangs.
  ~BusyWorker() {
    if (job_.valid()) {
      release_.set_value();
      job_.wait();
    }
  }

  // Ends the job and waits for it.
  void release() {
    release_.set_value();
    job_.get();
  }

 private:
  std::promise<void> release_, started_;
  std::future<void> job_;
};

}  // namespace

TEST_CASE("a pool runs jobs on its workers' searchers and passes their errors on",
          "[pool]") {
  const vnews::test::SmallIndex index(kArticles);
  SearchPool pool({{index.db()}, false, 2, 4});
  CHECK(pool.workers() == 2);
  std::size_t hits = 0;
  pool.run([&](vnews::Searcher& s) { hits = s.search("dien thoai", 0, 10).hits.size(); },
           in_a_minute());
  CHECK(hits == 1);
  CHECK_THROWS_AS(pool.run([](vnews::Searcher& s) { s.article("nope"); }, in_a_minute()),
                  vnews::NotFoundError);
  CHECK_THROWS_WITH(
      pool.run([](vnews::Searcher& s) { s.search("!!!", 0, 10); }, in_a_minute()),
      Catch::Contains("no word"));
}

TEST_CASE("a pool refuses a job at once when its queue is full", "[pool]") {
  const vnews::test::SmallIndex index(kArticles);
  SearchPool pool({{index.db()}, false, 1, 1});
  // The only worker is busy, one job waits: the next is refused.
  BusyWorker busy(pool);
  auto waiting = std::async(std::launch::async,
                            [&] { pool.run([](vnews::Searcher&) {}, in_a_minute()); });
  wait_for_waiting(pool, 1);
  CHECK_THROWS_AS(pool.run([](vnews::Searcher&) {}, in_a_minute()),
                  vnews::OverloadedError);
  CHECK_THROWS_WITH(pool.run([](vnews::Searcher&) {}, in_a_minute()),
                    "overloaded: 1 searches are waiting for a worker already; try again");
  busy.release();
  waiting.get();
  CHECK(pool.waiting() == 0);
  pool.run([](vnews::Searcher&) {}, in_a_minute());  // free again
}

TEST_CASE("a pool with no queue takes a job only when a worker is free", "[pool]") {
  const vnews::test::SmallIndex index(kArticles);
  SearchPool pool({{index.db()}, false, 1, 0});
  // The worker is free again when run() returns.
  for (int i = 0; i < 100; ++i) pool.run([](vnews::Searcher&) {}, in_a_minute());
  BusyWorker busy(pool);
  CHECK_THROWS_AS(pool.run([](vnews::Searcher&) {}, in_a_minute()),
                  vnews::OverloadedError);
  busy.release();
  pool.run([](vnews::Searcher&) {}, in_a_minute());  // free again, at once
}

TEST_CASE("a job still waiting for a worker at its deadline is not run", "[pool]") {
  const vnews::test::SmallIndex index(kArticles);
  SearchPool pool({{index.db()}, false, 1, 4});
  BusyWorker busy(pool);
  bool ran = false;
  auto late = std::async(std::launch::async, [&] {
    pool.run([&](vnews::Searcher&) { ran = true; },
             Clock::now() + std::chrono::milliseconds(20));
  });
  wait_for_waiting(pool, 1);
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  busy.release();
  CHECK_THROWS_WITH(late.get(), "no worker was free before the time limit");
  CHECK_FALSE(ran);
}

TEST_CASE("every job sees the latest commit, without a restart", "[pool]") {
  vnews::test::TempDir dir;
  const auto index = [&](const std::string& name, const std::string& text) {
    vnews::test::write_file(dir / ("corpus/" + name), text);
    vnews::IndexOptions options;
    options.db = (dir / "db").string();
    options.paths = {(dir / "corpus").string()};
    std::ostringstream errors;
    REQUIRE(vnews::run_index(options, errors).skipped == 0);
  };
  index("a.txt", "Bão số 3\nMưa lớn.\n");
  SearchPool pool({{(dir / "db").string()}, false, 2, 4});
  const auto count = [&](const std::string& query) {
    Xapian::doccount n = 0;
    vnews::SearchRequest request;
    request.query = query;
    pool.run([&](vnews::Searcher& s) { n = s.count(request); }, in_a_minute());
    return n;
  };
  CHECK(count("xiaomi") == 0);
  index("b.txt", "Xiaomi ra mắt điện thoại\nGiá rẻ.\n");
  // Both workers, whichever takes the job.
  CHECK(count("xiaomi") == 1);
  CHECK(count("xiaomi") == 1);
  Xapian::doccount documents = 0;
  pool.run([&](vnews::Searcher& s) { documents = s.document_count(); }, in_a_minute());
  CHECK(documents == 2);
}

TEST_CASE("a search past its request's deadline stops with TimeLimitError", "[pool]") {
  const vnews::test::SmallIndex index(kArticles);
  vnews::Searcher searcher({index.db()});
  vnews::SearchRequest request;
  request.query = "dien thoai";
  request.deadline = Clock::now() - std::chrono::seconds(1);
  CHECK_THROWS_AS(searcher.search(request), vnews::TimeLimitError);
  request.query = "\"ra mắt điện\"";
  request.count_only = true;
  CHECK_THROWS_AS(searcher.count(request), vnews::TimeLimitError);
  request.deadline = Clock::now() + std::chrono::minutes(1);
  CHECK(searcher.search(request).total == 1);
}
