#include "database_set.h"

#include <filesystem>
#include <stdexcept>

namespace vnews {
namespace {

Xapian::Database open_one(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    throw std::runtime_error("database '" + path + "' does not exist");
  }
  try {
    return Xapian::Database(path);
  } catch (const Xapian::DatabaseOpeningError& e) {
    throw std::runtime_error("'" + path + "' is not a vnews database: " + e.get_msg());
  }
}

}  // namespace

Xapian::Database open_databases(const std::vector<std::string>& paths) {
  Xapian::Database db;
  for (const std::string& path : paths) db.add_database(open_one(path));
  return db;
}

}  // namespace vnews
