// synced_files.h -- writes that survive a power cut once they return.
#ifndef VNEWS_INDEXER_SYNCED_FILES_H_
#define VNEWS_INDEXER_SYNCED_FILES_H_

#include <filesystem>
#include <string>

namespace vnews {

// Writes `text` to `path` (replacing what it held) and waits until it is on
// the disk. Throws std::runtime_error naming `path` when it cannot.
void write_synced(const std::filesystem::path& path, const std::string& text);

// Waits until the entries of folder `dir` (files created, renamed or deleted
// in it) are on the disk; a power cut may otherwise undo them. Does nothing
// when `dir` cannot be opened.
void sync_folder(const std::filesystem::path& dir);

}  // namespace vnews

#endif  // VNEWS_INDEXER_SYNCED_FILES_H_
