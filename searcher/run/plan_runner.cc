#include "run/plan_runner.h"

#include <algorithm>
#include <cmath>

#include "run/recency.h"
#include "vnews/schema.h"

namespace vnews {
namespace {

// A plan whose matches are checked on their text fetches them in windows,
// the first of at least this many; when they are no more, all are checked
// and the total is exact...
constexpr unsigned kCheckWindow = 50;
constexpr Xapian::doccount kCheckAllUpTo = kCheckWindow;
// ...else the share of the first this many that pass estimates the total,
// the same on every page.
constexpr Xapian::doccount kShareSample = 20;
constexpr unsigned kMaxCheckWindow = 1u << 24;

// A collapse key's "at most this many documents a key": none collapsed.
constexpr Xapian::doccount kCollapseNone = Xapian::doccount(-1);

// Returns the number of matches of `mset` when it counted them all.
std::optional<Xapian::doccount> exact_count(const Xapian::MSet& mset) {
  if (mset.get_matches_lower_bound() != mset.get_matches_upper_bound())
    return std::nullopt;
  return mset.get_matches_lower_bound();
}

}  // namespace

Xapian::Query PlanRunner::with_filters(const Xapian::Query& query,
                                       const SearchRequest& request) {
  if (request.dates.empty()) return query;
  return Xapian::Query(Xapian::Query::OP_FILTER, query, date_filter(request.dates));
}

Xapian::MSet PlanRunner::match(const Xapian::Query& query, const SearchRequest& request,
                               unsigned first, unsigned size,
                               Xapian::doccount check_at_least) {
  check_deadline(request);
  return reopening([&] {
    Xapian::Enquire enquire(db_);
    enquire.set_query(request.sort == SortOrder::kRecency ? with_recency_boost(query, db_)
                                                          : query);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    if (request.sort == SortOrder::kDate) {
      enquire.set_sort_by_value_then_relevance(schema::kDateSlot, true);
    }
    // Xapian 1.4 fetches a remote document in a round trip of its own (the
    // MSet's fetch() too): the sketches ride along with the match instead.
    // Nothing is collapsed, so counts stay exact, but a remote shard returns
    // every match it counted, with its sketch: count no further than the
    // page (fetch() counts larger totals apart).
    if (sketches_with_matches(request)) {
      enquire.set_collapse_key(schema::kSketchSlot, kCollapseNone);
      check_at_least = std::min<Xapian::doccount>(check_at_least, first + size);
    }
    return enquire.get_mset(first, size, check_at_least);
  });
}

PageHit PlanRunner::hit_at(const Xapian::MSetIterator& it,
                           const SearchRequest& request) const {
  PageHit hit{it.get_weight(), Candidate(db_, *it), std::nullopt, {}};
  if (sketches_with_matches(request)) hit.sketch = it.get_collapse_key();
  return hit;
}

void PlanRunner::add_hits(const Xapian::MSet& mset, const SearchRequest& request,
                          Page& page) const {
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    page.hits.push_back(hit_at(it, request));
  }
}

std::pair<Xapian::doccount, bool> PlanRunner::count_matches(const Xapian::Query& query,
                                                            Xapian::doccount bound) {
  // Past `bound` matches, the document the bound-th stands on, in docid
  // order, says how far through the database they reach: the estimate
  // scales them to all of it (Xapian's own estimate of an AND of common
  // words assumes they are independent, and falls far short).
  const Xapian::doccount first = bound > 1 && bound <= kExactTotalUpTo ? bound - 1 : 0;
  Xapian::docid last = 0;
  const Xapian::MSet mset = reopening([&] {
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());  // no weights: stops early
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    last = db_.get_lastdocid();
    // One match past `bound` tells exactly `bound` from more.
    return enquire.get_mset(first, 1, bound + 1);
  });
  const Xapian::doccount lower = mset.get_matches_lower_bound();
  if (lower == mset.get_matches_upper_bound()) return {lower, true};
  if (first == 0 || mset.empty()) return {mset.get_matches_estimated(), false};
  const double reach = static_cast<double>(*mset.begin()) / last;
  const auto scaled = static_cast<Xapian::doccount>(
      std::min<double>(std::lround(bound / reach), mset.get_matches_upper_bound()));
  return {std::max(lower + 1, scaled), false};
}

Page PlanRunner::fetch(const QueryPlan& plan, const SearchRequest& request,
                       unsigned first, unsigned count) {
  if (plan.test.needs_text) return checked(plan, request, first, count);
  if (!plan.first_tier.empty() && request.sort == SortOrder::kRelevance) {
    return tiered(plan, request, first, count);
  }
  // Counting up to kExactTotalUpTo matches as it ranks costs the match
  // little more: its AND of every word finds them anyway.
  const Xapian::MSet mset =
      match(with_filters(plan.query, request), request, first, count,
            std::max<Xapian::doccount>(first + count, kExactTotalUpTo));
  Page page;
  add_hits(mset, request, page);
  set_total(page, plan, request, exact_count(mset));
  return page;
}

Page PlanRunner::tiered(const QueryPlan& plan, const SearchRequest& request,
                        unsigned first, unsigned count) {
  const Xapian::Query query = with_filters(plan.query, request);
  const unsigned wanted = first + count;
  Page page;
  // Counting no more than the page asks for lets Xapian skip what cannot
  // reach it; the total is counted apart.
  const Xapian::MSet top =
      match(Xapian::Query(Xapian::Query::OP_FILTER, query, plan.first_tier), request,
            first, count, wanted);
  add_hits(top, request, page);
  std::optional<Xapian::doccount> exact;
  if (top.size() < count) {
    // The first tier ran out, so the match counted all of it.
    const Xapian::doccount in_first = top.get_matches_lower_bound();
    const unsigned skip = first > in_first ? first - in_first : 0;
    const Xapian::MSet rest =
        match(Xapian::Query(Xapian::Query::OP_AND_NOT, query, plan.first_tier), request,
              skip, count - static_cast<unsigned>(top.size()),
              std::max<Xapian::doccount>(skip + count, kExactTotalUpTo));
    add_hits(rest, request, page);
    if (const std::optional<Xapian::doccount> others = exact_count(rest)) {
      exact = in_first + *others;
    }
  }
  set_total(page, plan, request, exact);
  return page;
}

void PlanRunner::set_total(Page& page, const QueryPlan& plan,
                           const SearchRequest& request,
                           std::optional<Xapian::doccount> exact) {
  if (exact && *exact <= kExactTotalUpTo) {
    page.total = *exact;
    return;
  }
  std::tie(page.total, page.exact) =
      count_matches(with_filters(plan.match_set, request), kExactTotalUpTo);
}

Page PlanRunner::checked(const QueryPlan& plan, const SearchRequest& request,
                         unsigned first, unsigned count) {
  // The match returns the documents that may match, best first: check them
  // in that order until [first, first + count) is full, or all of them when
  // they are few enough for the total to be exact.
  const Xapian::Query query = with_filters(plan.query, request);
  const unsigned wanted = first + count;
  Page page;
  unsigned from = 0, window = std::max(2 * wanted, kCheckWindow);
  Xapian::doccount checked = 0, held = 0, held_in_sample = 0;
  bool check_all = false, exhausted = false;
  const auto done = [&] {
    return held >= wanted && checked >= kShareSample && !check_all;
  };
  for (;;) {
    const Xapian::MSet mset = match(
        query, request, from, window,
        from == 0 ? std::max<Xapian::doccount>(window, kCheckAllUpTo) : from + window);
    if (from == 0) {
      const std::optional<Xapian::doccount> candidates = exact_count(mset);
      check_all = candidates && *candidates <= kCheckAllUpTo;
    }
    for (auto it = mset.begin(); it != mset.end() && !done(); ++it) {
      check_deadline(request);
      PageHit hit = hit_at(it, request);
      ++checked;
      if (!passes(plan.test, hit.candidate, analyzer_)) continue;
      if (checked <= kShareSample) ++held_in_sample;
      if (held >= first && held < wanted) page.hits.push_back(std::move(hit));
      ++held;
    }
    exhausted = mset.size() < window && !done();
    if (exhausted || done()) break;
    from += window;
    window = std::min(window * 4, kMaxCheckWindow);
  }
  // Exact when every candidate was checked on the first page of this
  // --limit too (few candidates, or fewer results than a page).
  if (check_all || (exhausted && held < request.limit)) {
    page.total = held;
    return page;
  }
  // Every page checks the first kShareSample candidates: the share of them
  // that passed estimates the total, the same on every page.
  const Xapian::doccount candidates =
      count_matches(with_filters(plan.match_set, request), kExactTotalUpTo).first;
  const double share = static_cast<double>(held_in_sample) / kShareSample;
  page.total = std::max<Xapian::doccount>(
      {held_in_sample, held > 0 ? 1u : 0u,
       static_cast<Xapian::doccount>(std::lround(candidates * share))});
  page.exact = false;
  return page;
}

bool PlanRunner::finds_any(const QueryPlan& plan, const SearchRequest& request) {
  if (plan.test.needs_text) return !fetch(plan, request, 0, 1).hits.empty();
  return count_matches(with_filters(plan.match_set, request), 1).first > 0;
}

Xapian::doccount PlanRunner::count(const QueryPlan& plan, const SearchRequest& request) {
  const Xapian::Query query = with_filters(plan.match_set, request);
  if (query.get_type() == Xapian::Query::LEAF_TERM) {  // one word, no filter
    return reopening([&] { return db_.get_termfreq(*query.get_terms_begin()); });
  }
  if (!plan.test.needs_text) return count_matches(query, db_.get_doccount()).first;
  // Every candidate, in document order, checked.
  const Xapian::MSet mset = reopening([&] {
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    return enquire.get_mset(0, db_.get_doccount());
  });
  Xapian::doccount held = 0;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    check_deadline(request);
    Candidate candidate(db_, *it);
    held += passes(plan.test, candidate, analyzer_);
  }
  return held;
}

}  // namespace vnews
