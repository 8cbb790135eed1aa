#include "database_layout.h"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "vnews/error.h"

namespace fs = std::filesystem;

namespace vnews {
namespace {

constexpr char kStubName[] = "XAPIANDB";

std::string shard_name(std::size_t k) { return "shard-" + std::to_string(k); }

bool is_xapian_folder(const fs::path& dir) {
  std::error_code ec;
  return fs::exists(dir / "iamglass", ec) || fs::exists(dir / "iamchert", ec);
}

// Returns the shard paths a stub lists; only "auto NAME" lines with relative
// names are ours to write to.
std::vector<std::string> read_stub(const fs::path& db) {
  std::ifstream in(db / kStubName);
  std::vector<std::string> shards;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const std::size_t space = line.find(' ');
    const std::string kind = line.substr(0, space);
    const std::string name = space == std::string::npos ? "" : line.substr(space + 1);
    if (kind != "auto" || name.empty() || name[0] == '/') {
      throw UsageError("--db '" + db.string() + "': cannot write to stub entry '" + line +
                       "'");
    }
    shards.push_back((db / name).string());
  }
  if (shards.empty()) {
    throw UsageError("--db '" + db.string() + "': stub file XAPIANDB lists no database");
  }
  return shards;
}

std::string count_error(const std::string& db, std::size_t has, unsigned wanted) {
  return "--db '" + db + "' has " + std::to_string(has) + " shard" +
         (has == 1 ? "" : "s") + "; it cannot be re-indexed with --shards " +
         std::to_string(wanted) + " (index into a new folder instead)";
}

}  // namespace

DatabaseLayout plan_layout(const std::string& db, unsigned requested_shards,
                           unsigned new_shards) {
  const fs::path dir(db);
  std::error_code ec;
  DatabaseLayout layout;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
    throw UsageError("--db '" + db + "' is a file, not a database folder");
  }
  if (fs::exists(dir / kStubName, ec)) {
    layout.sharded = true;
    layout.shards = read_stub(dir);
  } else if (is_xapian_folder(dir)) {
    layout.shards = {db};
  } else if (fs::exists(dir, ec) && !fs::is_empty(dir, ec)) {
    throw UsageError("--db '" + db + "' exists and is not a Xapian database");
  } else {
    layout.created = true;
    const unsigned count = requested_shards != 0 ? requested_shards : new_shards;
    layout.sharded = count > 1;
    if (!layout.sharded) layout.shards = {db};
    for (unsigned k = 0; layout.sharded && k < count; ++k) {
      layout.shards.push_back((dir / shard_name(k)).string());
    }
    return layout;
  }
  if (requested_shards != 0 && requested_shards != layout.shards.size()) {
    throw UsageError(count_error(db, layout.shards.size(), requested_shards));
  }
  return layout;
}

void write_stub(const std::string& db, const DatabaseLayout& layout) {
  if (!layout.sharded) return;
  const fs::path dir(db);
  const fs::path temp = dir / (std::string(kStubName) + ".tmp");
  {
    std::ofstream out(temp, std::ios::trunc);
    for (const std::string& shard : layout.shards) {
      out << "auto " << fs::path(shard).filename().string() << '\n';
    }
    out.flush();
    if (!out) throw std::runtime_error("cannot write '" + temp.string() + "'");
  }
  fs::rename(temp, dir / kStubName);
}

std::size_t shard_of(const std::string& id_term, std::size_t shards) {
  // FNV-1a, 64 bits: stable across runs and machines, unlike std::hash.
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : id_term) hash = (hash ^ c) * 1099511628211ull;
  return static_cast<std::size_t>(hash % shards);
}

}  // namespace vnews
