// error_status.h -- the HTTP status of each way a request can fail.
#ifndef VNEWS_SEARCHER_HTTP_ERROR_STATUS_H_
#define VNEWS_SEARCHER_HTTP_ERROR_STATUS_H_

#include <exception>
#include <string>

namespace vnews {

struct ErrorStatus {
  int status;
  std::string message;
};

// Returns the status and message of `error`: 400 for a QueryError (a bad
// request), 404 for a NotFoundError, 503 for an OverloadedError,
// TimeLimitError or UnavailableError and for Xapian's database and network
// errors (a shard down), 500 for anything else.
// REQUIRES: `error` is not null.
ErrorStatus error_status(std::exception_ptr error);

}  // namespace vnews

#endif  // VNEWS_SEARCHER_HTTP_ERROR_STATUS_H_
