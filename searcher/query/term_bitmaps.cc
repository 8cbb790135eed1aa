#include "query/term_bitmaps.h"

namespace vnews {
namespace {

constexpr Xapian::docid kBitsPerWord = TermBitmap::kBitsPerWord;

TermBitmap build(const Xapian::Database& shard, const std::string& term) {
  TermBitmap bitmap;
  bitmap.words.assign(shard.get_lastdocid() / kBitsPerWord + 1, 0);
  for (auto it = shard.postlist_begin(term); it != shard.postlist_end(term); ++it) {
    const Xapian::docid did = *it;
    bitmap.words[did / kBitsPerWord] |= std::uint64_t{1} << (did % kBitsPerWord);
    ++bitmap.documents;
  }
  return bitmap;
}

std::size_t bytes_of(const TermBitmap& bitmap) {
  return bitmap.words.size() * sizeof(std::uint64_t);
}

}  // namespace

bool TermBitmaps::worth_it(Xapian::doccount documents,
                           Xapian::doccount database_size) const {
  return documents >= min_documents_ &&
         static_cast<std::uint64_t>(documents) * kOneIn >= database_size;
}

std::shared_ptr<const TermBitmap> TermBitmaps::get(const Xapian::Database& shard,
                                                   const std::string& term) {
  Key key{shard.get_uuid(), term};
  // A database without an identity cannot be told from another: no bitmap.
  if (key.first.empty()) return nullptr;
  const Xapian::rev revision = shard.get_revision();
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    auto found = entries_.find(key);
    bool eager = build_at_first_use_;
    if (found != entries_.end() && found->second.revision != revision) {
      // Another revision's bitmap is of no use now. Built again at the
      // first use when it paid off; else commits replace revisions faster
      // than this term is used: it waits for uses_before_building_ uses.
      eager = build_at_first_use_ && found->second.bitmap_uses >= kUsesThatPayOff;
      drop(found);
      found = entries_.end();
    }
    if (found == entries_.end()) {
      recency_.push_front(key);
      found =
          entries_.emplace(key, Entry{revision, nullptr, 0, 0, eager, recency_.begin()})
              .first;
    } else {
      recency_.splice(recency_.begin(), recency_, found->second.recency);
    }
    Entry& entry = found->second;
    ++entry.uses;
    if (entry.bitmap) {
      ++entry.bitmap_uses;
      return entry.bitmap;
    }
    if (!entry.eager && entry.uses < uses_before_building_) return nullptr;
  }
  // Built unlocked: other threads go on meanwhile (two may build the same).
  auto bitmap = std::make_shared<const TermBitmap>(build(shard, term));
  const std::lock_guard<std::mutex> lock(mutex_);
  keep(key, revision, bitmap);
  return bitmap;
}

void TermBitmaps::drop(std::map<Key, Entry>::iterator entry) {
  if (entry->second.bitmap) bytes_ -= bytes_of(*entry->second.bitmap);
  recency_.erase(entry->second.recency);
  entries_.erase(entry);
}

void TermBitmaps::keep(const Key& key, Xapian::rev revision,
                       std::shared_ptr<const TermBitmap> bitmap) {
  const std::size_t size = bytes_of(*bitmap);
  auto found = entries_.find(key);
  if (found != entries_.end() && found->second.revision != revision) {
    drop(found);  // another thread moved it on meanwhile
    found = entries_.end();
  }
  if (found == entries_.end()) {
    recency_.push_front(key);
    found = entries_.emplace(key, Entry{revision, nullptr, 1, 0, true, recency_.begin()})
                .first;
  }
  Entry& entry = found->second;
  if (entry.bitmap || size > budget_bytes_) return;  // built by another thread too
  recency_.splice(recency_.begin(), recency_, entry.recency);
  entry.bitmap = std::move(bitmap);
  entry.bitmap_uses = 1;  // the use that built it
  bytes_ += size;
  // The least recently used go first; never the one just kept (at the front).
  while (bytes_ > budget_bytes_) drop(entries_.find(recency_.back()));
}

std::size_t TermBitmaps::bytes() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return bytes_;
}

}  // namespace vnews
