// error.h -- the exception types vnews throws. Library code throws; only main()
// catches, prints one line to stderr and chooses the exit status.
#ifndef VNEWS_ERROR_H_
#define VNEWS_ERROR_H_

#include <stdexcept>
#include <string>
#include <utility>

namespace vnews {

// A bad command line: an unknown flag or a value out of range. main() adds a
// hint to run --help and exits 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One input file that cannot be used. what() is in compiler form,
// "path[:line]: error: message", so editors and scripts can jump to it. The
// indexer reports it, skips the file and goes on.
// reason() is a short category for summaries ("empty", "invalid UTF-8").
class InputError : public std::runtime_error {
 public:
  explicit InputError(const std::string& what, std::string reason = "bad input")
      : std::runtime_error(what), reason_(std::move(reason)) {}
  const std::string& reason() const { return reason_; }

 private:
  std::string reason_;
};

// A query that cannot be turned into a search; what() quotes the query.
class QueryError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Something asked for by name that is not there: an article id. main()
// prints it and exits 2; a service answers 404.
class NotFoundError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A request still running at its deadline (SearchRequest::deadline). A
// service answers 503.
class TimeLimitError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A database being searched can no longer be reached, and opening it again
// failed (a shard's server down). vnews-search prints it and exits 2; a
// service answers 503.
class UnavailableError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace vnews

#endif  // VNEWS_ERROR_H_
