#include "query/term_bitmaps.h"

#include <algorithm>
#include <bit>

namespace vnews {
namespace {

constexpr Xapian::docid kBitsPerWord = 64;

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

// The documents of one shard holding every one of some terms, read off
// their bitmaps where TermBitmaps has them, else off their posting lists.
class AllTermsSource : public Xapian::PostingSource {
 public:
  AllTermsSource(std::vector<std::string> terms, TermBitmaps& bitmaps)
      : terms_(std::move(terms)), bitmaps_(bitmaps) {}

  AllTermsSource* clone() const override { return new AllTermsSource(terms_, bitmaps_); }

  void init(const Xapian::Database& shard) override {
    maps_.clear();
    lists_.clear();
    std::vector<Xapian::doccount> documents;  // of each term
    for (const std::string& term : terms_) {
      if (auto map = bitmaps_.get(shard, term)) {
        documents.push_back(map->documents);
        maps_.push_back(std::move(map));
      } else {
        documents.push_back(shard.get_termfreq(term));
        lists_.push_back({documents.back(), shard.postlist_begin(term)});
      }
    }
    // The sparsest first: a document missing from it is rejected soonest.
    std::sort(maps_.begin(), maps_.end(),
              [](const auto& a, const auto& b) { return a->documents < b->documents; });
    std::sort(lists_.begin(), lists_.end(),
              [](const List& a, const List& b) { return a.documents < b.documents; });
    last_ = shard.get_lastdocid();
    size_ = last_ / kBitsPerWord + 1;
    for (const auto& map : maps_) size_ = std::min(size_, map->words.size());
    // The bounds and estimate Xapian gives an AND of the terms' posting
    // lists (which assumes them independent, and takes them from the
    // rarest), so that totals estimated from them do not change.
    std::sort(documents.begin(), documents.end());
    const Xapian::doccount all = shard.get_doccount();
    min_ = max_ = est_ = all;
    double est = all;
    for (std::size_t i = 0; i < documents.size(); ++i) {
      max_ = std::min(max_, documents[i]);
      est = i == 0 ? documents[i] : (all == 0 ? 0 : est * documents[i] / all);
      const std::uint64_t sum = std::uint64_t{min_} + documents[i];
      min_ = i == 0 ? documents[i]
                    : static_cast<Xapian::doccount>(sum > all ? sum - all : 0);
    }
    est_ = static_cast<Xapian::doccount>(est + 0.5);
    current_ = 0;
  }

  Xapian::doccount get_termfreq_min() const override { return min_; }
  Xapian::doccount get_termfreq_est() const override { return est_; }
  Xapian::doccount get_termfreq_max() const override { return max_; }
  Xapian::docid get_docid() const override { return current_; }
  bool at_end() const override { return current_ == kEnd; }

  void next(double) override {
    if (current_ != kEnd) move_to(current_ + 1);
  }

  void skip_to(Xapian::docid did, double) override {
    if (did > current_) move_to(did);
  }

  bool check(Xapian::docid did, double) override {
    if (did > current_) move_to(did);
    return true;
  }

  std::string get_description() const override { return "AllTermsSource"; }

 private:
  static constexpr Xapian::docid kEnd = Xapian::docid(-1);

  struct List {
    Xapian::doccount documents;
    Xapian::PostingIterator it;
  };

  // Moves to the first document at or after `did` holding every term: the
  // next one in every bitmap, then the posting lists agree or move it on.
  void move_to(Xapian::docid did) {
    for (;;) {
      did = next_in_maps(did);
      if (did == kEnd) break;
      bool agreed = true;
      for (List& list : lists_) {
        list.it.skip_to(did);
        if (list.it == Xapian::PostingIterator()) {
          did = kEnd;
          break;
        }
        if (*list.it != did) {
          did = *list.it;
          agreed = false;
          break;
        }
      }
      if (did == kEnd || agreed) break;
    }
    current_ = did;
  }

  // Returns the first document at or after `did` set in every bitmap, or
  // kEnd.
  Xapian::docid next_in_maps(Xapian::docid did) const {
    if (did > last_) return kEnd;
    if (maps_.empty()) return did;
    std::size_t w = did / kBitsPerWord;
    if (w >= size_) return kEnd;
    std::uint64_t bits = ~std::uint64_t{0} << (did % kBitsPerWord);
    for (;;) {
      for (const auto& map : maps_) {
        bits &= map->words[w];
        if (bits == 0) break;
      }
      if (bits != 0) {
        return static_cast<Xapian::docid>(w * kBitsPerWord +
                                          static_cast<unsigned>(std::countr_zero(bits)));
      }
      if (++w == size_) return kEnd;
      bits = ~std::uint64_t{0};
    }
  }

  std::vector<std::string> terms_;
  TermBitmaps& bitmaps_;
  std::vector<std::shared_ptr<const TermBitmap>> maps_;
  std::vector<List> lists_;  // of the terms without a bitmap yet, rarest first
  Xapian::docid last_ = 0;   // the shard's last docid
  std::size_t size_ = 0;     // words of every map
  Xapian::doccount min_ = 0, est_ = 0, max_ = 0;
  Xapian::docid current_ = 0;
};

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

Xapian::Query all_terms_on_bitmaps(std::vector<std::string> terms, TermBitmaps& bitmaps) {
  if (terms.empty()) return Xapian::Query::MatchAll;
  return Xapian::Query((new AllTermsSource(std::move(terms), bitmaps))->release());
}

}  // namespace vnews
