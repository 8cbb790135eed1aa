// free_space.h -- whether the disk of a database has room for a run, checked
// before writing so that a run the disk cannot hold stops at once, with the
// space it needs, rather than midway.
#ifndef VNEWS_INDEXER_FREE_SPACE_H_
#define VNEWS_INDEXER_FREE_SPACE_H_

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace vnews {

// Returns the bytes the databases of a run grow by when it indexes
// `input_bytes` of articles, committing every 250 changes: 5 per input byte,
// as the shards of a build of baomoi take. An estimate, on the high side.
std::uint64_t written_bytes(std::uint64_t input_bytes);

// Returns the bytes the merged copy of a build of `build_bytes` takes while
// the merge writes it: about half of the build's, which compaction packs.
std::uint64_t merged_bytes(std::uint64_t build_bytes);

// Returns the bytes of the files under `path` (0 when it does not exist).
std::uint64_t bytes_under(const std::filesystem::path& path);

// Throws std::runtime_error, a one-line refusal naming `db`, the bytes
// needed and those free, when the file system `db` is on (or would be
// created on) cannot hold a run that indexes `input_bytes` of articles into
// it, then, with `build_bytes` (the size of its build before the run),
// merges the build into one database. Does nothing when the free space
// cannot be known.
void check_free_space(const std::string& db, std::uint64_t input_bytes,
                      std::optional<std::uint64_t> build_bytes);

}  // namespace vnews

#endif  // VNEWS_INDEXER_FREE_SPACE_H_
