#include "prune_scope.h"

#include <algorithm>
#include <stdexcept>
#include <unordered_set>

#include "vnews/schema.h"

namespace vnews {
namespace {

// True when `source` is `scope` or under it; everything read from a file is
// under the root's scope "".
bool is_under(std::string_view source, const std::string& scope) {
  if (scope.empty()) return true;
  return source.size() >= scope.size() && source.compare(0, scope.size(), scope) == 0 &&
         (source.size() == scope.size() || source[scope.size()] == '/');
}

std::string refusal(const std::string& why, const std::string& what_force_does) {
  return "refusing to prune: " + why + " (add --force to " + what_force_does + ")";
}

// Throws the refusal to prune under `path` when it was not listed in full:
// its documents would be deleted for want of looking.
void check_listed(const ListedPath& path) {
  std::string why, what_force_does = "delete the documents under it";
  if (path.missing) {
    why = "does not exist";
  } else if (!path.complete) {
    why = "could not be listed in full";
    what_force_does = "prune the folders that could be listed";
  } else if (path.files == 0) {
    why = "holds no article";
  }
  if (!why.empty()) {
    throw std::runtime_error(refusal("'" + path.path + "' " + why, what_force_does));
  }
}

}  // namespace

PruneScope::PruneScope(const CorpusListing& listing, bool force)
    : unlisted_(listing.unlisted) {
  for (const ListedPath& path : listing.paths) {
    if (!force) check_listed(path);
    scopes_.push_back(path.scope);
  }
}

bool PruneScope::covers(std::string_view source) const {
  if (source == schema::kStdinFile) return false;
  const auto under = [source](const std::string& scope) {
    return is_under(source, scope);
  };
  return std::any_of(scopes_.begin(), scopes_.end(), under) &&
         std::none_of(unlisted_.begin(), unlisted_.end(), under);
}

std::size_t PruneScope::count_gone(const IndexedSet& indexed,
                                   const std::vector<SourceFile>& files) const {
  std::unordered_set<std::string_view> listed;
  listed.reserve(files.size());
  for (const SourceFile& file : files) listed.insert(file.id);
  std::size_t gone = 0;
  for (const auto& [term, doc] : indexed) {
    const std::string_view source = source_of(term, doc);
    if (covers(source) && listed.count(source) == 0) ++gone;
  }
  return gone;
}

std::optional<std::string> prune_share_refusal(std::size_t doomed, std::size_t total,
                                               bool force, const std::string& db) {
  if (force || doomed * 2 <= total) return std::nullopt;
  return refusal("it would delete " + std::to_string(doomed) + " of the " +
                     std::to_string(total) + " documents of '" + db + "', more than half",
                 "delete them");
}

}  // namespace vnews
