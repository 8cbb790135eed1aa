#include "corpus_root.h"

#include <xapian.h>

#include <algorithm>
#include <system_error>

#include "vnews/boolean_terms.h"
#include "vnews/database_folder.h"
#include "vnews/error.h"
#include "vnews/schema.h"

namespace fs = std::filesystem;

namespace vnews {
namespace {

// Returns the deepest folder holding both `a` and `b`.
fs::path common_folder(const fs::path& a, const fs::path& b) {
  fs::path common;
  for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end() && *i == *j;
       ++i, ++j) {
    common /= *i;
  }
  return common;
}

fs::path default_root(const std::vector<std::string>& paths) {
  std::optional<fs::path> root;
  for (const std::string& path : paths) {
    if (path == kStdinPath) continue;
    const fs::path p = resolved_path(path);
    std::error_code ec;
    const fs::path folder = fs::is_directory(p, ec) ? p : p.parent_path();
    root = root ? common_folder(*root, folder) : folder;
  }
  return root.value_or(fs::path());
}

}  // namespace

fs::path resolved_path(const std::string& path) {
  std::error_code ec;
  fs::path resolved = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) throw UsageError("cannot open '" + path + "': " + ec.message());
  // weakly_canonical keeps the trailing separator of "dir/"; ids must not.
  if (!resolved.has_filename() && resolved.has_relative_path()) {
    resolved = resolved.parent_path();
  }
  return resolved;
}

std::optional<std::string> path_under(const fs::path& path, const fs::path& root) {
  const fs::path relative = path.lexically_relative(root);
  if (relative.empty() || *relative.begin() == "..") return std::nullopt;
  if (relative == ".") return std::string();
  return relative.generic_string();
}

std::string recorded_root(const std::vector<std::string>& shards) {
  for (const std::string& shard : shards) {
    if (holds_database(shard)) {
      return Xapian::Database(shard).get_metadata(schema::kRootKey);
    }
  }
  return "";
}

fs::path choose_root(const std::string& recorded, const std::string& given,
                     const std::vector<std::string>& paths, bool force,
                     const std::string& db) {
  if (given.empty()) return recorded.empty() ? default_root(paths) : fs::path(recorded);
  const fs::path root = resolved_path(given);
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    throw UsageError("--root '" + given + "' is not a folder");
  }
  if (!recorded.empty() && root != fs::path(recorded) && !force) {
    throw UsageError("--root '" + given + "' is not the corpus root '" + recorded +
                     "' that --db '" + db +
                     "' records; a new root changes every id (add --force to record it "
                     "when the corpus has moved)");
  }
  return root;
}

void check_default_root(const std::vector<SourceFile>& files, const IndexedSet& indexed,
                        const std::string& db) {
  const auto from_file = [](const auto& entry) {
    return source_of(entry.first, entry.second) != schema::kStdinFile;
  };
  const bool holds_files = std::any_of(indexed.begin(), indexed.end(), from_file);
  if (!holds_files) return;
  for (const SourceFile& file : files) {
    if (!file.is_stdin() && indexed.count(id_term(file.id)) > 0) return;
  }
  throw UsageError(
      "--db '" + db +
      "' records no corpus root, and none of its ids is one of the files "
      "under the PATHs: run again with --root DIR, DIR the folder its ids are "
      "relative to (the PATH it was indexed from)");
}

}  // namespace vnews
