// corpus_root.h -- the corpus root: the folder the ids of a database's files
// are relative to, recorded in the database (schema::kRootKey) by the first
// run that indexes files, so that a file keeps its id however a later
// command line names it.
#ifndef VNEWS_INDEXER_CORPUS_ROOT_H_
#define VNEWS_INDEXER_CORPUS_ROOT_H_

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "corpus_walker.h"
#include "indexed_set.h"

namespace vnews {

// Returns `path` absolute, with "." and ".." and every symlink it goes
// through resolved, also in the part of it that does not exist.
std::filesystem::path resolved_path(const std::string& path);

// Returns `path` relative to `root`, '/'-separated: "" for the root itself,
// nothing when `path` is not inside it. REQUIRES: both resolved_path()s.
std::optional<std::string> path_under(const std::filesystem::path& path,
                                      const std::filesystem::path& root);

// Returns the root recorded in the first of `shards` that exists, or "" when
// it records none (or none exists).
std::string recorded_root(const std::vector<std::string>& shards);

// Returns the root of a run: `given` (--root) when not empty, else the
// `recorded` one, else the default: the only PATH when it is a folder, or
// else the deepest folder holding every PATH (a file by its folder); "" when
// there is no PATH but "-". Throws UsageError when `given` is not a folder,
// or is not the recorded root and not `force` (changing the root changes
// every id), naming `db`.
std::filesystem::path choose_root(const std::string& recorded, const std::string& given,
                                  const std::vector<std::string>& paths, bool force,
                                  const std::string& db);

// Checks that the ids `files` get from an unrecorded default root are those
// of the database: `indexed` holds no document read from a file, or some
// file of the run has its id. Throws UsageError, naming `db` and asking for
// --root, when neither: the database was indexed from another folder (by
// an earlier version, which recorded no root) and would get every article
// twice.
void check_default_root(const std::vector<SourceFile>& files, const IndexedSet& indexed,
                        const std::string& db);

}  // namespace vnews

#endif  // VNEWS_INDEXER_CORPUS_ROOT_H_
