#include "indexed_set.h"

#include <filesystem>
#include <system_error>

#include "vnews/schema.h"

namespace vnews {
namespace {

void read_shard(const std::string& path, std::size_t shard, IndexedSet& out) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return;
  Xapian::Database db(path);
  std::unordered_map<Xapian::docid, std::string> signatures;
  signatures.reserve(db.get_doccount());
  for (auto v = db.valuestream_begin(schema::kSignatureSlot);
       v != db.valuestream_end(schema::kSignatureSlot); ++v) {
    signatures.emplace(v.get_docid(), *v);
  }
  const std::string prefix = schema::kIdPrefix;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    for (auto p = db.postlist_begin(*t); p != db.postlist_end(*t); ++p) {
      IndexedDoc& doc = out[*t];
      doc.shard = shard;
      doc.docid = *p;
      if (auto it = signatures.find(*p); it != signatures.end()) doc.signature = it->second;
    }
  }
}

}  // namespace

IndexedSet read_indexed_set(const std::vector<std::string>& shards) {
  IndexedSet out;
  for (std::size_t k = 0; k < shards.size(); ++k) read_shard(shards[k], k, out);
  return out;
}

}  // namespace vnews
