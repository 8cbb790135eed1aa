// database_set.h -- opens the databases that --db names, as one.
#ifndef VNEWS_SEARCHER_DATABASE_SET_H_
#define VNEWS_SEARCHER_DATABASE_SET_H_

#include <xapian.h>

#include <string>
#include <vector>

namespace vnews {

// Returns the databases at `paths` combined into one. Throws
// std::runtime_error naming the path that does not exist or is not a Xapian
// database.
Xapian::Database open_databases(const std::vector<std::string>& paths);

}  // namespace vnews

#endif  // VNEWS_SEARCHER_DATABASE_SET_H_
