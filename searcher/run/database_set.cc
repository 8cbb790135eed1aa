#include "run/database_set.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "vnews/database_folder.h"
#include "vnews/tcp_address.h"

namespace fs = std::filesystem;

namespace vnews {
namespace {

// Stubs listing stubs deeper than this are taken for a loop.
constexpr int kMaxStubDepth = 8;
// Milliseconds to wait for a server to accept, and for each answer.
constexpr unsigned kConnectTimeoutMs = 5000;
constexpr unsigned kRemoteTimeoutMs = 10000;

// Returns true when the file at `path` looks like text, not a single-file
// database: no NUL byte in its first block.
bool looks_like_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  char block[512];
  in.read(block, sizeof block);
  return std::string_view(block, static_cast<std::size_t>(in.gcount())).find('\0') ==
         std::string_view::npos;
}

// Returns the stub file that `path` is or holds, or an empty path when `path`
// is a database folder (database_folder.h), a single-file database or does
// not exist.
fs::path stub_file_of(const fs::path& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    if (holds_database(path)) return {};
    const fs::path inside = stub_in(path);
    return fs::is_regular_file(inside, ec) ? inside : fs::path();
  }
  return fs::is_regular_file(path, ec) && looks_like_text(path) ? path : fs::path();
}

void list_into(const std::string& db, const std::string& listed_in, int depth,
               std::vector<Shard>& shards);

// Adds the shards that the stub file `stub` lists.
void list_stub(const fs::path& stub, int depth, std::vector<Shard>& shards) {
  if (depth > kMaxStubDepth) {
    throw std::runtime_error("stub '" + stub.string() + "' lists stubs more than " +
                             std::to_string(kMaxStubDepth) + " deep; is there a loop?");
  }
  std::ifstream in(stub);
  if (!in) throw std::runtime_error("cannot read stub '" + stub.string() + "'");
  int line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const std::string where = stub.string() + ":" + std::to_string(line_no);
    const std::size_t space = line.find(' ');
    const std::string type = line.substr(0, space);
    const std::string rest = space == std::string::npos ? "" : line.substr(space + 1);
    if ((type == "auto" || type == "glass" || type == "chert") && !rest.empty()) {
      const fs::path target = (stub.parent_path() / rest).lexically_normal();
      list_into(target.string(), where, depth + 1, shards);
    } else if (type == "remote" && rest.size() > 1 && rest[0] == ':') {
      shards.push_back({Shard::Kind::kProgram, rest.substr(1), where});
    } else if (type == "remote" && !rest.empty()) {
      const TcpAddress address = parse_host_port(rest, where + ": remote");
      shards.push_back({Shard::Kind::kTcp, to_string(address), where});
    } else {
      throw std::runtime_error(where +
                               ": error: not a stub line ('auto PATH' or "
                               "'remote HOST:PORT')");
    }
  }
}

void list_into(const std::string& db, const std::string& listed_in, int depth,
               std::vector<Shard>& shards) {
  if (const auto address = parse_tcp_url(db)) {
    shards.push_back({Shard::Kind::kTcp, to_string(*address), listed_in});
    return;
  }
  const fs::path stub = stub_file_of(db);
  if (stub.empty()) {
    shards.push_back({Shard::Kind::kLocal, db, listed_in});
  } else {
    list_stub(stub, depth, shards);
  }
}

// Returns what went wrong with a remote database, e.g. "Couldn't connect
// (Connection refused)".
std::string network_reason(const Xapian::Error& e) {
  std::string reason = e.get_msg();
  if (e.get_error_string() != nullptr)
    reason += std::string(" (") + e.get_error_string() + ")";
  return reason;
}

Xapian::Database open_local(const Shard& shard) {
  std::error_code ec;
  if (!fs::exists(shard.location, ec)) {
    throw std::runtime_error(describe(shard) + " does not exist");
  }
  try {
    return Xapian::Database(shard.location);
  } catch (const Xapian::DatabaseOpeningError& e) {
    throw std::runtime_error(describe(shard) +
                             " is not a vnews database: " + e.get_msg());
  }
}

Xapian::Database open_remote(const Shard& shard) {
  try {
    if (shard.kind == Shard::Kind::kTcp) {
      const TcpAddress address = parse_host_port(shard.location, "remote");
      return Xapian::Remote::open(address.host, address.port, kRemoteTimeoutMs,
                                  kConnectTimeoutMs);
    }
    const std::size_t space = shard.location.find(' ');
    const std::string args =
        space == std::string::npos ? "" : shard.location.substr(space + 1);
    return Xapian::Remote::open(shard.location.substr(0, space), args, kRemoteTimeoutMs);
  } catch (const Xapian::NetworkError& e) {
    throw std::runtime_error(describe(shard) + " is unreachable: " + network_reason(e));
  } catch (const Xapian::Error& e) {
    throw std::runtime_error(describe(shard) +
                             " cannot be opened: " + e.get_description());
  }
}

}  // namespace

Xapian::Database open_shard(const Shard& shard) {
  return shard.kind == Shard::Kind::kLocal ? open_local(shard) : open_remote(shard);
}

std::vector<Shard> list_shards(const std::string& db) {
  std::vector<Shard> shards;
  list_into(db, "", 0, shards);
  return shards;
}

std::string describe(const Shard& shard) {
  if (shard.listed_in.empty()) {
    const std::string name =
        shard.kind == Shard::Kind::kTcp ? "tcp://" + shard.location : shard.location;
    return "database '" + name + "'";
  }
  return "shard '" + shard.location + "' (listed in '" + shard.listed_in + "')";
}

bool operator==(const Shard& a, const Shard& b) {
  return a.kind == b.kind && a.location == b.location && a.listed_in == b.listed_in;
}

DatabaseSet open_database_set(const std::vector<std::string>& dbs, bool allow_partial,
                              const DatabaseSet* keep_out) {
  DatabaseSet set;
  for (const std::string& db : dbs) {
    for (const Shard& shard : list_shards(db)) {
      ++set.shards;
      if (allow_partial && keep_out != nullptr) {
        const auto& out = keep_out->left_out;
        const auto it = std::find(out.begin(), out.end(), shard);
        if (it != out.end()) {
          set.missing.push_back(keep_out->missing[it - out.begin()]);
          set.left_out.push_back(shard);
          continue;
        }
      }
      try {
        set.db.add_database(open_shard(shard));
        set.opened.push_back(shard);
        if (shard.kind != Shard::Kind::kLocal) set.remote = true;
      } catch (const std::runtime_error& e) {
        if (!allow_partial) throw;
        set.missing.push_back(e.what());
        set.left_out.push_back(shard);
      }
    }
  }
  if (set.shards == 0) throw std::runtime_error("the stubs list no database to search");
  if (set.missing.size() == set.shards) {
    throw std::runtime_error("no shard could be opened; " + set.missing.front());
  }
  return set;
}

}  // namespace vnews
