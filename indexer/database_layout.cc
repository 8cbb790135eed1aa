#include "database_layout.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <system_error>

#include "synced_files.h"
#include "vnews/database_folder.h"
#include "vnews/error.h"
#include "vnews/stable_hash.h"

namespace fs = std::filesystem;

namespace vnews {
namespace {

// The first line of a build's stub (a comment to Xapian).
constexpr char kMergeMark[] =
    "# vnews-index build: merged into one database when a run completes";

// The start of the line of a build's stub that names the boot it was written
// in; stubs of earlier versions, whose writers synced every commit, have none.
constexpr char kBootMark[] = "# boot ";

std::string shard_name(std::size_t k) { return "shard-" + std::to_string(k); }

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// What a stub says besides its shards.
struct StubMarks {
  bool merge = false;  // a build's stub
  std::string boot;    // the boot it was written in; "" when it does not say
};

// Returns the shard paths a stub lists; only "auto NAME" lines with relative
// names are ours to write to. Sets `marks` from its comment lines.
std::vector<std::string> read_stub(const fs::path& db, StubMarks& marks) {
  std::ifstream in(stub_in(db));
  std::vector<std::string> shards;
  marks = StubMarks{};
  for (std::string line; std::getline(in, line);) {
    if (line == kMergeMark) marks.merge = true;
    if (line.rfind(kBootMark, 0) == 0) marks.boot = line.substr(sizeof kBootMark - 1);
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

// Throws std::runtime_error when a shard the stub of `db` lists is not a
// database: written to, it would be created empty, and its articles lost
// from searches without a word.
void check_shards_exist(const fs::path& db, const std::vector<std::string>& shards) {
  for (const std::string& shard : shards) {
    if (holds_database(shard)) continue;
    throw std::runtime_error("--db '" + db.string() + "': shard '" +
                             fs::path(shard).filename().string() +
                             "', listed in its XAPIANDB, is not a database (deleted?); "
                             "restore it, or index into a new folder");
  }
}

std::string count_error(const std::string& db, std::size_t has, unsigned wanted) {
  return "--db '" + db + "' has " + std::to_string(has) + " shard" +
         (has == 1 ? "" : "s") + "; it cannot be re-indexed with --shards " +
         std::to_string(wanted) + " (index into a new folder instead)";
}

}  // namespace

DatabaseLayout plan_layout(const std::string& db, unsigned requested_shards,
                           unsigned new_shards, unsigned build_writers) {
  const fs::path dir(db);
  std::error_code ec;
  DatabaseLayout layout;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
    throw UsageError("--db '" + db + "' is a file, not a database folder");
  }
  if (holds_database(dir)) {
    layout.shards = {db};
  } else if (fs::exists(stub_in(dir), ec)) {
    layout.sharded = true;
    StubMarks marks;
    layout.shards = read_stub(dir, marks);
    layout.merge = marks.merge;
    layout.unsynced = layout.merge && !boot_id().empty();
    layout.written_before_restart =
        layout.merge && !marks.boot.empty() && marks.boot != boot_id();
    // A build a restart cut short may have lost anything: it is built again.
    if (!layout.written_before_restart) check_shards_exist(dir, layout.shards);
    // A build is one database to the user, whatever its writers.
    if (layout.merge && requested_shards == 1) return layout;
  } else if (fs::exists(dir, ec) && !fs::is_empty(dir, ec)) {
    throw UsageError("--db '" + db + "' exists and is not a Xapian database");
  } else {
    layout.created = true;
    unsigned count = requested_shards != 0 ? requested_shards : new_shards;
    if (requested_shards == 0 && count == 1 && build_writers > 1) {
      count = build_writers;
      layout.merge = true;
      layout.unsynced = !boot_id().empty();
    }
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
  const fs::path temp = dir / (std::string(kStubFileName) + ".tmp");
  std::string text;
  if (layout.merge) {
    text.append(kMergeMark).append("\n");
    if (!boot_id().empty()) text.append(kBootMark).append(boot_id()).append("\n");
  }
  for (const std::string& shard : layout.shards) {
    text.append("auto ").append(fs::path(shard).filename().string()).append("\n");
  }
  std::error_code ec;
  if (fs::exists(stub_in(dir), ec) && read_text(stub_in(dir)) == text) return;
  write_synced(temp, text);
  fs::rename(temp, stub_in(dir));
  sync_folder(dir);
}

std::vector<std::string> build_shards(const std::string& db) {
  StubMarks marks;
  std::vector<std::string> shards;
  try {
    shards = read_stub(db, marks);
  } catch (const UsageError&) {
    return {};
  }
  if (!marks.merge) return {};
  // Only what write_stub() writes: a merge deletes these folders.
  for (const std::string& shard : shards) {
    const fs::path path(shard);
    if (path.parent_path() != fs::path(db) ||
        path.filename().string().rfind("shard-", 0) != 0) {
      return {};
    }
  }
  return shards;
}

std::string boot_id() {
  static const std::string id = [] {
    std::ifstream in("/proc/sys/kernel/random/boot_id");
    std::string line;
    std::getline(in, line);
    return line;
  }();
  return id;
}

std::size_t shard_of(const std::string& id_term, std::size_t shards) {
  return static_cast<std::size_t>(stable_hash(id_term) % shards);
}

}  // namespace vnews
