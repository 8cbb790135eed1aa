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
// their bitmaps.
class AllTermsSource : public Xapian::PostingSource {
 public:
  AllTermsSource(std::vector<std::string> terms, TermBitmaps& bitmaps)
      : terms_(std::move(terms)), bitmaps_(bitmaps) {}

  AllTermsSource* clone() const override { return new AllTermsSource(terms_, bitmaps_); }

  void init(const Xapian::Database& shard) override {
    maps_.clear();
    for (const std::string& term : terms_) maps_.push_back(bitmaps_.get(shard, term));
    // The sparsest first: a document missing from it is rejected soonest.
    std::sort(maps_.begin(), maps_.end(),
              [](const auto& a, const auto& b) { return a->documents < b->documents; });
    size_ = shard.get_lastdocid() / kBitsPerWord + 1;
    for (const auto& map : maps_) size_ = std::min(size_, map->words.size());
    // The bounds and estimate Xapian gives an AND of the terms' posting
    // lists (which assumes them independent), so that totals estimated from
    // them do not change.
    const Xapian::doccount all = shard.get_doccount();
    min_ = max_ = est_ = all;
    double est = all;
    for (std::size_t i = 0; i < maps_.size(); ++i) {
      const Xapian::doccount documents = maps_[i]->documents;
      max_ = std::min(max_, documents);
      est = i == 0 ? documents : (all == 0 ? 0 : est * documents / all);
      const std::uint64_t sum = std::uint64_t{min_} + documents;
      min_ =
          i == 0 ? documents : static_cast<Xapian::doccount>(sum > all ? sum - all : 0);
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

  // Moves to the first document at or after `did` holding every term.
  void move_to(Xapian::docid did) {
    std::size_t w = did / kBitsPerWord;
    if (w >= size_) {
      current_ = kEnd;
      return;
    }
    std::uint64_t bits = ~std::uint64_t{0} << (did % kBitsPerWord);
    for (;;) {
      for (const auto& map : maps_) {
        bits &= map->words[w];
        if (bits == 0) break;
      }
      if (bits != 0) {
        current_ = static_cast<Xapian::docid>(
            w * kBitsPerWord + static_cast<unsigned>(std::countr_zero(bits)));
        return;
      }
      if (++w == size_) {
        current_ = kEnd;
        return;
      }
      bits = ~std::uint64_t{0};
    }
  }

  std::vector<std::string> terms_;
  TermBitmaps& bitmaps_;
  std::vector<std::shared_ptr<const TermBitmap>> maps_;
  std::size_t size_ = 0;  // words of every map
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
  // A database without an identity cannot be told from another: never kept.
  if (key.first.empty()) return std::make_shared<const TermBitmap>(build(shard, term));
  const Xapian::rev revision = shard.get_revision();
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    const auto found = entries_.find(key);
    if (found != entries_.end() && found->second.revision == revision) {
      recency_.splice(recency_.begin(), recency_, found->second.recency);
      return found->second.bitmap;
    }
  }
  // Built unlocked: other threads go on meanwhile (two may build the same).
  auto bitmap = std::make_shared<const TermBitmap>(build(shard, term));
  const std::lock_guard<std::mutex> lock(mutex_);
  keep(key, revision, bitmap);
  return bitmap;
}

void TermBitmaps::keep(const Key& key, Xapian::rev revision,
                       std::shared_ptr<const TermBitmap> bitmap) {
  const auto found = entries_.find(key);
  if (found != entries_.end()) {
    bytes_ -= bytes_of(*found->second.bitmap);
    recency_.erase(found->second.recency);
    entries_.erase(found);
  }
  if (bytes_of(*bitmap) > budget_bytes_) return;
  bytes_ += bytes_of(*bitmap);
  recency_.push_front(key);
  entries_.emplace(key, Entry{revision, std::move(bitmap), recency_.begin()});
  while (bytes_ > budget_bytes_) {
    const auto oldest = entries_.find(recency_.back());
    bytes_ -= bytes_of(*oldest->second.bitmap);
    entries_.erase(oldest);
    recency_.pop_back();
  }
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
