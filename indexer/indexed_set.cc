#include "indexed_set.h"

#include <filesystem>
#include <system_error>

#include "vnews/schema.h"

namespace vnews {
namespace {

// Returns docid -> value of slot `slot`, for the documents that have one.
std::unordered_map<Xapian::docid, std::string> values_of(const Xapian::Database& db,
                                                         Xapian::valueno slot) {
  std::unordered_map<Xapian::docid, std::string> values;
  values.reserve(db.get_value_freq(slot));
  for (auto v = db.valuestream_begin(slot); v != db.valuestream_end(slot); ++v) {
    values.emplace(v.get_docid(), *v);
  }
  return values;
}

void read_shard(const std::string& path, std::size_t shard, IndexedSet& out) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return;
  Xapian::Database db(path);
  const auto signatures = values_of(db, schema::kSignatureSlot);
  const auto files = values_of(db, schema::kFileSlot);
  const std::string prefix = schema::kIdPrefix;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    for (auto p = db.postlist_begin(*t); p != db.postlist_end(*t); ++p) {
      IndexedDoc& doc = out[*t];
      doc.shard = static_cast<std::uint32_t>(shard);
      doc.docid = *p;
      if (auto it = signatures.find(*p); it != signatures.end())
        doc.signature = it->second;
      if (auto it = files.find(*p); it != files.end()) {
        doc.file = std::make_unique<const std::string>(it->second);
      }
    }
  }
}

}  // namespace

IndexedSet read_indexed_set(const std::vector<std::string>& shards) {
  IndexedSet out;
  for (std::size_t k = 0; k < shards.size(); ++k) read_shard(shards[k], k, out);
  return out;
}

bool holds_unchanged(const IndexedSet& indexed, const std::string& id_term,
                     const std::string& signature) {
  if (signature.empty()) return false;
  const auto it = indexed.find(id_term);
  return it != indexed.end() && it->second.signature == signature;
}

std::string_view source_of(const std::string& id_term, const IndexedDoc& doc) {
  if (doc.file) return *doc.file;
  return std::string_view(id_term).substr(sizeof schema::kIdPrefix - 1);
}

}  // namespace vnews
