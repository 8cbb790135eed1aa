// term_bitmaps.h -- the documents of the terms most documents hold, as
// bitmaps in memory. Every word of a query must match; in a large database
// most of a query's time went to checking candidates against the posting
// lists of its common words (a seek through a long list for each): a bitmap
// answers the same question with a bit test (all_terms_query.h). A bitmap
// is built from the posting list when a term is first checked, kept for
// later queries within a memory budget, and built again after a commit (at
// once for the terms in steady use, after a few checks on the posting list
// for the others).
#ifndef VNEWS_SEARCHER_QUERY_TERM_BITMAPS_H_
#define VNEWS_SEARCHER_QUERY_TERM_BITMAPS_H_

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace vnews {

// The documents of one database holding one term: bit d for docid d.
struct TermBitmap {
  static constexpr Xapian::docid kBitsPerWord = 64;
  std::vector<std::uint64_t> words;
  Xapian::doccount documents = 0;  // bits set
};

// Term bitmaps of local databases, kept while they fit a budget (least
// recently used first out). Thread-safe: searchers of several threads may
// share one.
class TermBitmaps {
 public:
  static constexpr std::size_t kDefaultBudgetBytes = std::size_t{256} << 20;
  // Below this many documents, a term's posting list is short enough.
  static constexpr Xapian::doccount kDefaultMinDocuments = 1024;
  // Nor is it worth it for a term held by fewer than 1 document in kOneIn:
  // its list holds few documents between two candidates, a short seek.
  // (1 in 16 and 1 in 256 measured within 8% of this at 10x baomoi.)
  static constexpr Xapian::doccount kOneIn = 64;

  // A term's bitmap is built at its first use. After a commit, a term whose
  // bitmap was used fewer than kUsesThatPayOff times (the commit came before
  // it repaid reading the whole list) is checked on its posting list this
  // many times at the new revision before its bitmap is built again: under
  // frequent commits only the terms in steady use are rebuilt.
  static constexpr unsigned kDefaultUsesBeforeBuilding = 4;
  static constexpr unsigned kUsesThatPayOff = 8;

  // Bitmaps are kept up to `budget_bytes` in all, for terms held by at least
  // `min_documents` (see worth_it()). `uses_before_building` as above;
  // `build_at_first_use` false makes every term wait for it (for tests).
  explicit TermBitmaps(std::size_t budget_bytes = kDefaultBudgetBytes,
                       Xapian::doccount min_documents = kDefaultMinDocuments,
                       unsigned uses_before_building = kDefaultUsesBeforeBuilding,
                       bool build_at_first_use = true)
      : budget_bytes_(budget_bytes),
        min_documents_(min_documents),
        uses_before_building_(uses_before_building),
        build_at_first_use_(build_at_first_use) {}

  // Returns the bitmap of `term` in `shard` (one local database, not a
  // set) at the shard's revision: kept, or built from its posting list (see
  // kDefaultUsesBeforeBuilding for when), else nothing: the caller reads the
  // posting list. Never for a database without a UUID, which could not be
  // told from another. Throws what reading the shard throws
  // (DatabaseModifiedError after a commit), keeping nothing then.
  std::shared_ptr<const TermBitmap> get(const Xapian::Database& shard,
                                        const std::string& term);

  // True when a term held by `documents` of the `database_size` documents
  // searched is checked on a bitmap: it is held by at least min_documents
  // and by 1 document in kOneIn, so that its posting list is long and
  // dense, and a seek in it costs far more than a bit test.
  bool worth_it(Xapian::doccount documents, Xapian::doccount database_size) const;

  // The bytes of bitmaps kept now.
  std::size_t bytes() const;

 private:
  using Key = std::pair<std::string, std::string>;  // shard uuid, term
  struct Entry {
    Xapian::rev revision = 0;
    std::shared_ptr<const TermBitmap> bitmap;  // null until built
    unsigned uses = 0;                         // get() calls at `revision`
    unsigned bitmap_uses = 0;                  // those that returned `bitmap`
    bool eager = true;  // built at the first use, not uses_before_building_
    std::list<Key>::iterator recency;
  };

  // Keeps `bitmap` under `key`, dropping the least recently used bitmaps
  // beyond the budget. REQUIRES: mutex_ held.
  void keep(const Key& key, Xapian::rev revision,
            std::shared_ptr<const TermBitmap> bitmap);
  // Forgets `entry`. REQUIRES: mutex_ held.
  void drop(std::map<Key, Entry>::iterator entry);

  const std::size_t budget_bytes_;
  const Xapian::doccount min_documents_;
  const unsigned uses_before_building_;
  const bool build_at_first_use_;
  mutable std::mutex mutex_;
  std::map<Key, Entry> entries_;
  std::list<Key> recency_;  // most recently used first
  std::size_t bytes_ = 0;
};

}  // namespace vnews

#endif  // VNEWS_SEARCHER_QUERY_TERM_BITMAPS_H_
