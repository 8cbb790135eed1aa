#include "database_target.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "vnews/tcp_address.h"

namespace fs = std::filesystem;

namespace vnews {
namespace {

// Milliseconds to wait for the server to accept; answers may take any time,
// as a commit of a large batch does.
constexpr unsigned kConnectTimeoutMs = 5000;
constexpr unsigned kNoTimeout = 0;

}  // namespace

bool is_remote_target(const std::string& db) { return is_tcp_url(db); }

fs::path existing_folder(const std::string& path) {
  std::error_code ec;
  fs::path folder = fs::absolute(path, ec);
  while (!fs::exists(folder, ec) && folder.has_relative_path()) {
    folder = folder.parent_path();
  }
  return folder;
}

void check_writable(const std::string& path) {
  const fs::path folder = existing_folder(path);
  if (::access(folder.c_str(), W_OK | X_OK) == 0) return;
  const std::string reason = std::strerror(errno);
  std::error_code ec;
  if (fs::equivalent(folder, path, ec)) {
    throw std::runtime_error("cannot write to database '" + path + "': " + reason);
  }
  throw std::runtime_error("cannot create database '" + path + "' in '" +
                           folder.string() + "': " + reason);
}

Xapian::WritableDatabase open_target(const std::string& db, bool wait_for_disk) {
  const std::optional<TcpAddress> address = parse_tcp_url(db);
  if (!address) {
    const fs::path parent = fs::path(db).parent_path();
    std::error_code ec;
    if (!parent.empty()) fs::create_directories(parent, ec);  // Xapian reports a failure
    return Xapian::WritableDatabase(
        db, Xapian::DB_CREATE_OR_OPEN | (wait_for_disk ? 0 : Xapian::DB_NO_SYNC));
  }
  try {
    return Xapian::Remote::open_writable(address->host, address->port, kNoTimeout,
                                         kConnectTimeoutMs);
  } catch (const Xapian::NetworkError& e) {
    std::string reason = e.get_msg();
    if (e.get_error_string() != nullptr)
      reason += std::string(" (") + e.get_error_string() + ")";
    throw std::runtime_error("cannot write to '" + db + "': " + reason);
  } catch (const Xapian::InvalidOperationError& e) {
    throw std::runtime_error("cannot write to '" + db + "': " + e.get_msg() +
                             "; start xapian-tcpsrv with --writable");
  }
}

}  // namespace vnews
