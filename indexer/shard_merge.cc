#include "shard_merge.h"

#include <xapian.h>

#include <filesystem>
#include <stdexcept>
#include <system_error>

#include "spelling.h"
#include "synced_files.h"
#include "vnews/database_folder.h"

namespace fs = std::filesystem;

namespace vnews {
namespace {

// Where the merged database is written before it moves into place.
constexpr char kMergingName[] = "merging.tmp";

// Deletes the build `shards` of `dir`, what a merge of them left, and the stub
// last: it names what is left to delete.
void remove_build_files(const fs::path& dir, const std::vector<std::string>& shards) {
  std::error_code ec;
  for (const std::string& shard : shards) fs::remove_all(shard, ec);
  fs::remove_all(dir / kMergingName, ec);
  fs::remove(stub_in(dir), ec);
}

// Deletes what a merge that failed or was cut short left beside the build in
// `dir`: its half-written copy, the tables it had moved in before its
// iamglass, and a stub being rewritten.
void remove_merge_attempt(const fs::path& dir) {
  std::error_code ec;
  fs::remove_all(dir / kMergingName, ec);
  fs::remove(dir / (std::string(kStubFileName) + ".tmp"), ec);
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
    const fs::path name = entry.path().filename();
    if (entry.is_regular_file(ec) &&
        (name.extension() == ".glass" || name == "flintlock")) {
      fs::remove(entry.path(), ec);
    }
  }
}

void merge_in_place(const fs::path& dir, const DatabaseLayout& layout) {
  const fs::path merging = dir / kMergingName;
  fs::remove_all(merging);  // what a crash during an earlier merge left
  Xapian::Database shards;
  for (const std::string& shard : layout.shards)
    shards.add_database(Xapian::Database(shard));
  shards.compact(merging.string());
  {
    // A build's writers leave the spelling data to this step: done once, it
    // costs a pass over the vocabulary instead of one per document.
    Xapian::WritableDatabase merged(merging.string(), Xapian::DB_OPEN);
    add_spellings_of_all(merged);
    merged.commit();
  }
  // Until its iamglass file arrives, the folder stays the stub's database.
  for (const fs::directory_entry& entry : fs::directory_iterator(merging)) {
    const fs::path name = entry.path().filename();
    if (name != kGlassVersionFile) fs::rename(entry.path(), dir / name);
  }
  sync_folder(dir);
  fs::rename(merging / kGlassVersionFile, dir / kGlassVersionFile);
  sync_folder(dir);
}

std::string merge_failure(const std::string& db, const std::string& why) {
  return "cannot merge the shards of '" + db + "' into one database (" + why +
         "); they are still the database, and the next run merges them";
}

}  // namespace

void merge_shards(const std::string& db, const DatabaseLayout& layout) {
  std::string why;
  try {
    merge_in_place(db, layout);
    return;
  } catch (const Xapian::Error& e) {
    why = e.get_description();
  } catch (const fs::filesystem_error& e) {
    why = e.what();
  }
  // The half-written copy would fill the disk that the next run needs.
  if (!holds_database(db)) remove_merge_attempt(db);
  throw std::runtime_error(merge_failure(db, why));
}

void remove_merge_leftovers(const std::string& db) {
  const fs::path dir(db);
  if (!holds_database(dir)) return;
  const std::vector<std::string> shards = build_shards(db);
  if (!shards.empty()) remove_build_files(dir, shards);
}

void remove_failed_merge(const std::string& db) {
  const fs::path dir(db);
  if (holds_database(dir) || build_shards(db).empty()) return;
  remove_merge_attempt(dir);
}

void remove_build(const std::string& db) {
  const fs::path dir(db);
  if (holds_database(dir)) return;
  const std::vector<std::string> shards = build_shards(db);
  if (shards.empty()) return;
  remove_merge_attempt(dir);
  remove_build_files(dir, shards);
  sync_folder(dir);
}

}  // namespace vnews
