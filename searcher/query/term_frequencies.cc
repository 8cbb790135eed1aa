#include "query/term_frequencies.h"

#include <unordered_set>

namespace vnews {
namespace {

// Answers kept at most, so that a long batch does not grow without end.
constexpr std::size_t kMaxKnown = 1 << 16;

}  // namespace

void TermFrequencies::prefetch(const std::vector<std::string>& terms) {
  if (!remote_) return;
  std::vector<Xapian::Query> unknown;
  std::unordered_set<std::string> asked;
  for (const std::string& term : terms) {
    if (!term.empty() && !known_.count(term) && asked.insert(term).second)
      unknown.emplace_back(term);
  }
  if (unknown.empty()) return;
  if (known_.size() + unknown.size() > kMaxKnown) known_.clear();
  // An empty match gathers every frequency: two round trips, to every shard
  // at once.
  Xapian::Enquire enquire(db_);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, unknown.begin(), unknown.end()));
  const Xapian::MSet mset = enquire.get_mset(0, 0);
  for (const Xapian::Query& q : unknown) {
    const std::string term = *q.get_terms_begin();
    known_[term] = mset.get_termfreq(term);
  }
}

Xapian::doccount TermFrequencies::get(const std::string& term) {
  if (!remote_) return db_.get_termfreq(term);
  const auto found = known_.find(term);
  if (found != known_.end()) return found->second;
  prefetch({term});
  return known_[term];
}

}  // namespace vnews
