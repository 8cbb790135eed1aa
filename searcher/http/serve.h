// serve.h -- what vnews-serve does once its options are read: open the
// databases, listen, and answer until SIGTERM or SIGINT.
#ifndef VNEWS_SEARCHER_HTTP_SERVE_H_
#define VNEWS_SEARCHER_HTTP_SERVE_H_

#include <ostream>

#include "http/serve_options.h"

namespace vnews {

// Serves `options` until SIGTERM or SIGINT, then answers the requests in
// flight and returns. Writes to `log` a line with the address once it
// listens, a warning per shard left out, the access log unless
// options.quiet, and a line when it stops. Throws std::runtime_error (or
// Xapian::Error) naming the database that does not open or the address that
// cannot be bound.
// REQUIRES: no other thread has been started: SIGTERM and SIGINT are
// blocked in every thread, and waited for by one.
void run_serve(const ServeOptions& options, std::ostream& log);

}  // namespace vnews

#endif  // VNEWS_SEARCHER_HTTP_SERVE_H_
