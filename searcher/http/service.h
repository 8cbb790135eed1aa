// service.h -- what vnews-serve answers, route by route: searches as JSON
// (the object --json prints), stored articles, health, and the search page.
#ifndef VNEWS_SEARCHER_HTTP_SERVICE_H_
#define VNEWS_SEARCHER_HTTP_SERVICE_H_

#include <httplib.h>

#include <chrono>
#include <exception>
#include <optional>
#include <string>

#include "http/query_string.h"
#include "http/search_pool.h"

namespace vnews {

class Service {
 public:
  // REQUIRES: `pool` outlives the service. A search waiting for a worker
  // and running for longer than `time_limit` in all is answered 503.
  Service(SearchPool& pool, std::chrono::milliseconds time_limit);

  // Answers a GET or HEAD request `req` by the route its path takes (the
  // table in handle()). Never throws: a failure is answered with its status
  // (error_status.h) and a JSON error, or on the page, the page with the
  // error. Thread-safe.
  void handle(const httplib::Request& req, httplib::Response& res);

 private:
  // One per route: `rest` is the path after the route's prefix (an id).
  void search(const Target& target, const std::string& rest, httplib::Response& res);
  void article(const Target& target, const std::string& rest, httplib::Response& res);
  // The articles like article `rest`, as /search with `like`.
  void like(const Target& target, const std::string& rest, httplib::Response& res);
  // Answers the search `params` ask for, as --json would; a failure is
  // answered with its status and `subject` (the query or id) in the log.
  void answer(const QueryParams& params, const std::optional<std::string>& subject,
              httplib::Response& res);
  void health(const Target& target, const std::string& rest, httplib::Response& res);
  void page(const Target& target, const std::string& rest, httplib::Response& res);

  // Sets `res` to the JSON error of `error`, quoting `query` when given.
  static void fail(std::exception_ptr error, const std::optional<std::string>& query,
                   httplib::Response& res);
  std::chrono::steady_clock::time_point deadline() const;

  SearchPool& pool_;
  const std::chrono::milliseconds time_limit_;
};

}  // namespace vnews

#endif  // VNEWS_SEARCHER_HTTP_SERVICE_H_
