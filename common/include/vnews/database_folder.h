// database_folder.h -- what a folder holds, decided as Xapian decides when it
// opens one, so that vnews-index, vnews-search and Xapian agree: a folder with
// a database's version file is that database, even if it also holds a stub
// (what a merge cut short leaves, indexer/shard_merge.h); otherwise its
// XAPIANDB file, if any, is a stub listing other databases.
#ifndef VNEWS_DATABASE_FOLDER_H_
#define VNEWS_DATABASE_FOLDER_H_

#include <filesystem>
#include <system_error>

namespace vnews {

// The name of the stub file inside a folder that is a stub database.
inline constexpr char kStubFileName[] = "XAPIANDB";
// The version file of a glass database, the format this Xapian writes.
inline constexpr char kGlassVersionFile[] = "iamglass";

// True when `dir` holds a glass or chert database of its own.
inline bool holds_database(const std::filesystem::path& dir) {
  std::error_code ec;
  return std::filesystem::exists(dir / kGlassVersionFile, ec) ||
         std::filesystem::exists(dir / "iamchert", ec);
}

// Returns the path of the stub file `dir` would hold.
inline std::filesystem::path stub_in(const std::filesystem::path& dir) {
  return dir / kStubFileName;
}

}  // namespace vnews

#endif  // VNEWS_DATABASE_FOLDER_H_
