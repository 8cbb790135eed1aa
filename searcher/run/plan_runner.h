// plan_runner.h -- runs query plans (query_plan.h) in Xapian: the request's
// filters applied once, to the match set; ranked pages of the documents that
// pass the plan's checks; totals that are exact or say they are not, the
// same for every page; exact counts. Every match retries once the database
// has moved on under it (a concurrent commit); documents read later from a
// page (Candidate) throw DatabaseModifiedError then, for the whole request
// to run again.
#ifndef VNEWS_SEARCHER_RUN_PLAN_RUNNER_H_
#define VNEWS_SEARCHER_RUN_PLAN_RUNNER_H_

#include <xapian.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "query/query_plan.h"
#include "run/search_request.h"
#include "vnews/analyzer.h"

namespace vnews {

// Totals of up to this many matches are exact; above, they are estimates
// (an exact count, --count, costs a pass over every match).
inline constexpr Xapian::doccount kExactTotalUpTo = 1000;

// A ranked document that matched, with its weight.
struct PageHit {
  double weight = 0;
  Candidate candidate;
  // Its story sketch (schema::kSketchSlot), when the match returned it with
  // the document (remote shards: see PlanRunner::match); else read from the
  // document.
  std::optional<std::string> sketch;
  // The copies of its story, when collapsed, in rank order.
  std::vector<Candidate> copies;
};

// Ranked matching documents of a plan, and how many match in all.
struct Page {
  std::vector<PageHit> hits;
  Xapian::doccount total = 0;  // articles, not stories
  bool exact = true;
};

// Runs plans over one (possibly sharded) database. Not thread-safe.
class PlanRunner {
 public:
  // REQUIRES: `db` and `analyzer` outlive the runner. `remote`: some shard
  // of `db` is remote. `reopened`, when given, is called each time the
  // runner reopens `db`.
  PlanRunner(Xapian::Database& db, Analyzer& analyzer, bool remote,
             std::function<void()> reopened = {})
      : db_(db), analyzer_(analyzer), remote_(remote), reopened_(std::move(reopened)) {}

  // Returns `query` restricted by the request's filters (--since/--until).
  static Xapian::Query with_filters(const Xapian::Query& query,
                                    const SearchRequest& request);

  // Returns the matches [first, first + count) of `plan` with `request`'s
  // filters, in its sort order (by relevance, its first tier first:
  // QueryPlan::first_tier), and the total: exact up to kExactTotalUpTo
  // matches (for a plan with text checks: when its candidates are few, or
  // fewer than `request.limit`), else an estimate that depends neither on
  // `first` nor on `count`.
  Page fetch(const QueryPlan& plan, const SearchRequest& request, unsigned first,
             unsigned count);

  // Returns the exact number of documents `plan` matches with the filters.
  Xapian::doccount count(const QueryPlan& plan, const SearchRequest& request);

  // True when `plan` matches some document with the filters.
  bool finds_any(const QueryPlan& plan, const SearchRequest& request);

  // Returns Xapian's match of `query` [first, first + size), ranked as
  // `request` asks, counting at least `check_at_least` matches; from remote
  // shards, when `request` collapses stories, with each document's story
  // sketch as its collapse key (no document is collapsed), so that grouping
  // them does not fetch every document, and counting no further than
  // first + size.
  Xapian::MSet match(const Xapian::Query& query, const SearchRequest& request,
                     unsigned first, unsigned size, Xapian::doccount check_at_least);

  // Returns run(), reopening the database and running again when a
  // concurrent commit made what it read stale (at most a few times). Glass
  // reports a block that a commit reused under a reader as corrupt rather
  // than modified (seen while commits run back to back): that runs again
  // too; a damaged database fails every attempt.
  template <typename Run>
  auto reopening(Run&& run) {
    for (int attempt = 0;; ++attempt) {
      try {
        return run();
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt == kMaxReopens) throw;
      } catch (const Xapian::DatabaseCorruptError&) {
        if (attempt == kMaxReopens) throw;
      }
      reopen();
    }
  }

 private:
  static constexpr int kMaxReopens = 3;

  // Reopens the database at its latest revision. A commit meanwhile can
  // discard the revision reopen() itself was reading, or reuse its blocks
  // (seen while commits run back to back): then it reopens again, at most a
  // few times.
  void reopen() {
    for (int attempt = 0;; ++attempt) {
      try {
        db_.reopen();
        break;
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt == kMaxReopens) throw;
      } catch (const Xapian::DatabaseCorruptError&) {
        if (attempt == kMaxReopens) throw;
      }
    }
    if (reopened_) reopened_();
  }

  Page checked(const QueryPlan& plan, const SearchRequest& request, unsigned first,
               unsigned count);
  // fetch() of a plan with a first tier, ranked by relevance: the page
  // from the first tier, then from the other matches.
  Page tiered(const QueryPlan& plan, const SearchRequest& request, unsigned first,
              unsigned count);
  // Sets the total of `page`: `exact` when the match counted every match and
  // they are few, else an estimate, the same for every page.
  void set_total(Page& page, const QueryPlan& plan, const SearchRequest& request,
                 std::optional<Xapian::doccount> exact);
  // The number of documents `query` matches: exact when `.second`, which it
  // is when there are at most `bound`; else an estimate, from how far
  // through the database the first `bound` reach when `bound` is at most
  // kExactTotalUpTo.
  std::pair<Xapian::doccount, bool> count_matches(const Xapian::Query& query,
                                                  Xapian::doccount bound);

  // Returns the document `it` stands on, of a match() for `request`.
  PageHit hit_at(const Xapian::MSetIterator& it, const SearchRequest& request) const;
  // Appends the documents of `mset`, a match() for `request`, to `page`, in
  // its order.
  void add_hits(const Xapian::MSet& mset, const SearchRequest& request, Page& page) const;
  // True when match() returns story sketches with the documents.
  bool sketches_with_matches(const SearchRequest& request) const {
    return remote_ && request.collapse;
  }

  Xapian::Database& db_;
  Analyzer& analyzer_;
  bool remote_;
  std::function<void()> reopened_;
};

}  // namespace vnews

#endif  // VNEWS_SEARCHER_RUN_PLAN_RUNNER_H_
