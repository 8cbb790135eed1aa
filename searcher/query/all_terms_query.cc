#include "query/all_terms_query.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <memory>

namespace vnews {
namespace {

constexpr Xapian::docid kBitsPerWord = TermBitmap::kBitsPerWord;

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

Xapian::Query all_terms_on_bitmaps(std::vector<std::string> terms, TermBitmaps& bitmaps) {
  if (terms.empty()) return Xapian::Query::MatchAll;
  return Xapian::Query((new AllTermsSource(std::move(terms), bitmaps))->release());
}

}  // namespace vnews
