#include "database_metadata.h"

#include <xapian.h>

#include <fstream>
#include <sstream>

#include "vnews/analyzer.h"
#include "vnews/database_folder.h"
#include "vnews/error.h"
#include "vnews/schema.h"
#include "vnews/synonyms.h"

namespace vnews {

unsigned indexed_analyzer_version(const std::vector<std::string>& shards) {
  for (const std::string& shard : shards) {
    if (!holds_database(shard)) continue;
    const Xapian::Database db(shard);
    if (db.get_doccount() == 0) continue;
    const std::string version = db.get_metadata(schema::kAnalyzerVersionKey);
    return version.empty() ? 1 : static_cast<unsigned>(std::stoul(version));
  }
  return 0;
}

std::string recorded_metadata(const std::vector<std::string>& shards, const char* key) {
  for (const std::string& shard : shards) {
    if (holds_database(shard)) return Xapian::Database(shard).get_metadata(key);
  }
  return "";
}

void check_analyzer_version(unsigned version, bool force, const std::string& db) {
  if (version == 0 || version == kAnalyzerVersion || force) return;
  throw UsageError("database '" + db + "' was indexed by analyzer version " +
                   std::to_string(version) + " and this vnews-index writes version " +
                   std::to_string(kAnalyzerVersion) +
                   " (other terms for some words): index the corpus into a new database, "
                   "or give --force to add to it anyway");
}

std::string read_synonyms(const std::string& path) {
  Analyzer analyzer;
  SynonymTable::read_file(path, analyzer);  // throws for a bad file
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace vnews
