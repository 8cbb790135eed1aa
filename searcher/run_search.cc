#include "run_search.h"

#include <algorithm>
#include <chrono>

#include "database_set.h"
#include "query_builder.h"
#include "recency.h"
#include "suggester.h"
#include "vnews/document_data.h"
#include "vnews/schema.h"

namespace vnews {
namespace {

// Reopening after a concurrent commit is retried this often before giving up.
constexpr int kMaxReopens = 3;
// Match counts up to this are exact; above it they may be estimates.
constexpr Xapian::doccount kExactCountUpTo = 100;
// Weight added to documents matching every word, so they rank first: more
// than any BM25 score of a query (terms weigh at most ~30 each, and long
// queries keep their 8 weightiest parts). Hits show their score without it.
constexpr double kTierBoost = 100000;

// Returns the text a snippet is taken from: the lead and body, or the title
// when the article has neither.
std::string snippet_source(const Article& a) {
  if (a.lead.empty() && a.body.empty()) return a.title;
  if (a.body.empty()) return a.lead;
  if (a.lead.empty()) return a.body;
  return a.lead + "\n" + a.body;
}

Xapian::Query filtered(const Xapian::Query& query, const DateRange& dates) {
  if (dates.empty()) return query;
  return Xapian::Query(Xapian::Query::OP_FILTER, query, date_filter(dates));
}

}  // namespace

Searcher::Searcher(const std::vector<std::string>& dbs, bool allow_partial) {
  DatabaseSet set = open_database_set(dbs, allow_partial);
  db_ = std::move(set.db);
  remote_ = set.remote;
  missing_ = std::move(set.missing);
  suggester_ = std::make_unique<Suggester>(db_);
}

Searcher::~Searcher() = default;

Xapian::MSet Searcher::run(const Xapian::Query& query, const SearchRequest& request,
                           unsigned offset, unsigned limit, Xapian::MatchSpy* spy) {
  for (int attempt = 0;; ++attempt) {
    try {
      Xapian::Enquire enquire(db_);
      enquire.set_query(request.sort == SortOrder::kRecency
                            ? with_recency_boost(query, db_) : query);
      enquire.set_weighting_scheme(Xapian::BM25Weight());
      if (request.sort == SortOrder::kDate) {
        enquire.set_sort_by_value_then_relevance(schema::kDateSlot, true);
      }
      if (spy != nullptr) {
        enquire.add_matchspy(spy);
        return enquire.get_mset(offset, limit, db_.get_doccount());
      }
      return enquire.get_mset(offset, limit, std::max(offset + limit, kExactCountUpTo));
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == kMaxReopens) throw;
      db_.reopen();
    }
  }
}

void Searcher::collect(const Xapian::MSet& mset, const QueryPlan& plan,
                       const SearchRequest& request, SearchResult& result) {
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Hit hit;
    hit.rank = request.offset + static_cast<unsigned>(result.hits.size()) + 1;
    hit.score = it.get_weight();
    hit.article = decode_document_data(it.get_document().get_data(), request.snippets);
    if (request.snippets) {
      hit.snippet = make_snippet(snippet_source(hit.article), plan.match, analyzer_);
    }
    hit.article.lead.clear();
    hit.article.body.clear();
    result.hits.push_back(std::move(hit));
  }
}

SearchResult Searcher::search(const SearchRequest& request) {
  const auto start = std::chrono::steady_clock::now();
  SearchResult result;
  result.query = request.query;
  const QueryPlan plan = build_query(request.query, analyzer_, &db_, remote_);
  const Xapian::Query all = filtered(plan.query, request.dates);
  if (plan.strict.empty()) {
    const Xapian::MSet mset = run(all, request, request.offset, request.limit);
    result.total = mset.get_matches_estimated();
    collect(mset, plan, request, result);
  } else if (request.sort != SortOrder::kDate) {
    // One run: documents with every word get kTierBoost on top of their
    // score, and once enough of them are found the others are never scored.
    // OR, not the equivalent AND_MAYBE (`strict` matches only documents `all`
    // matches): Xapian 1.4.22's AND_MAYBE with a check_at_least above the
    // limit can miss the best document of `tier`, depending on docid order
    // ("search ranks a document with every word first whatever its docid").
    const Xapian::Query tier(Xapian::Query::OP_FILTER,
                             Xapian::Query((new Xapian::FixedWeightPostingSource(kTierBoost))->release()),
                             plan.strict);
    const Xapian::MSet mset = run(Xapian::Query(Xapian::Query::OP_OR, all, tier),
                                  request, request.offset, request.limit);
    result.total = mset.get_matches_estimated();
    collect(mset, plan, request, result);
    for (Hit& hit : result.hits) {
      if (hit.score >= kTierBoost) hit.score -= kTierBoost;
    }
  } else {
    // Newest first among documents with every word, then among the others.
    const Xapian::Query strict = filtered(plan.strict, request.dates);
    const Xapian::MSet first = run(strict, request, request.offset, request.limit);
    collect(first, plan, request, result);
    if (first.size() < request.limit) {
      const Xapian::doccount strict_total = first.get_matches_estimated();
      const unsigned skip = request.offset > strict_total ? request.offset - strict_total : 0;
      const Xapian::MSet rest =
          run(Xapian::Query(Xapian::Query::OP_AND_NOT, all, strict), request, skip,
              request.limit - static_cast<unsigned>(first.size()));
      collect(rest, plan, request, result);
      result.total = strict_total + rest.get_matches_estimated();
    } else {
      result.total = std::max(first.get_matches_estimated(),
                              run(all, request, 0, 0).get_matches_estimated());
    }
  }
  if (request.facet_category) {
    Xapian::ValueCountMatchSpy spy(schema::kCategorySlot);
    run(all, request, 0, 0, &spy);
    for (auto it = spy.top_values_begin(1000); it != spy.top_values_end(1000); ++it) {
      result.categories.emplace_back(*it, it.get_termfreq());
    }
  }
  result.suggestions = suggester_->suggest(plan, result.hits, analyzer_);
  result.took_ms = std::chrono::duration<double, std::milli>(
                       std::chrono::steady_clock::now() - start).count();
  return result;
}

SearchResult Searcher::search(const std::string& query, unsigned offset, unsigned limit) {
  SearchRequest request;
  request.query = query;
  request.offset = offset;
  request.limit = limit;
  return search(request);
}

}  // namespace vnews
