// database_metadata.h -- what a run records in the database beside its
// documents (schema.h's metadata keys): the analyzer version its terms come
// from, and the synonyms of --synonyms FILE that every searcher uses.
#ifndef VNEWS_INDEXER_DATABASE_METADATA_H_
#define VNEWS_INDEXER_DATABASE_METADATA_H_

#include <string>
#include <vector>

namespace vnews {

// Returns the analyzer version whose terms the first of `shards` that
// holds documents was indexed with: its recorded one, 1 when it records
// none (databases of before versions); 0 when no shard holds a document.
unsigned indexed_analyzer_version(const std::vector<std::string>& shards);

// Returns the value of metadata `key` in the first of `shards` that exists,
// "" when it has none (or none exists).
std::string recorded_metadata(const std::vector<std::string>& shards, const char* key);

// Throws UsageError naming `db` when `version` (from
// indexed_analyzer_version()) is another than this program's: its old
// documents and the new ones would not find each other. Not with `force`.
void check_analyzer_version(unsigned version, bool force, const std::string& db);

// Returns the contents of the synonyms file at `path`, checked. Throws
// InputError "path:LINE: error: MESSAGE" for a malformed line (see
// SynonymTable::parse) and "path: error: ..." when it cannot be read.
std::string read_synonyms(const std::string& path);

}  // namespace vnews

#endif  // VNEWS_INDEXER_DATABASE_METADATA_H_
