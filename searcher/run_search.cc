#include "run_search.h"

#include <algorithm>
#include <chrono>

#include "database_set.h"
#include "phrase_check.h"
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
// A query with phrases checks the documents it matches in windows of at
// least this many, the first one large enough for the page asked for.
constexpr unsigned kPhraseWindow = 50;
constexpr unsigned kMaxPhraseWindow = 1u << 24;
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

Searcher::Page Searcher::page(const Xapian::Query& query, const SearchRequest& request,
                              unsigned offset, unsigned limit, const QueryPlan& plan) {
  Page page;
  if (plan.phrases.empty()) {
    const Xapian::MSet mset = run(query, request, offset, limit);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      page.hits.push_back({it.get_weight(), it.get_document(), std::nullopt});
    }
    page.total = mset.get_matches_estimated();
    return page;
  }
  // The match returns the documents that may hold the phrases, best first:
  // check them in that order until the page is full.
  const unsigned wanted = offset + limit;
  unsigned first = 0, window = std::max(2 * wanted, kPhraseWindow);
  Xapian::doccount checked = 0, held = 0, candidates = 0;
  for (;;) {
    const Xapian::MSet mset = run(query, request, first, window);
    candidates = mset.get_matches_estimated();
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      ++checked;
      const Xapian::Document doc = it.get_document();
      Article article = load_article(doc, true);
      if (!keeps_rules(article, plan.phrases, analyzer_)) continue;
      if (held >= offset && held < wanted) {
        page.hits.push_back({it.get_weight(), doc, std::move(article)});
      }
      ++held;
    }
    if (mset.size() < window) {  // every candidate checked: the count is exact
      page.total = held;
      return page;
    }
    if (held >= wanted) break;
    first += window;
    window = std::min(window * 4, kMaxPhraseWindow);
  }
  // As many of the unchecked candidates hold the phrases as of those checked.
  page.total = std::max<Xapian::doccount>(
      held, static_cast<Xapian::doccount>(static_cast<double>(candidates) * held / checked + 0.5));
  return page;
}

void Searcher::collect(Page& page, const QueryPlan& plan, const SearchRequest& request,
                       SearchResult& result) {
  for (PageHit& found : page.hits) {
    Hit hit;
    hit.rank = request.offset + static_cast<unsigned>(result.hits.size()) + 1;
    hit.score = found.weight;
    hit.article = found.article ? std::move(*found.article)
                                : load_article(found.document, request.snippets);
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
    Page found = page(all, request, request.offset, request.limit, plan);
    result.total = found.total;
    collect(found, plan, request, result);
  } else if (request.sort != SortOrder::kDate) {
    // One run: documents with every word get kTierBoost on top of their
    // score, and once enough of them are found the others are never scored.
    // OR, not the equivalent AND_MAYBE (`strict` matches only documents `all`
    // matches): Xapian 1.4.22's AND_MAYBE with a check_at_least above the
    // limit can miss the best document of `tier`, depending on docid order
    // ("search ranks a document with every word first whatever its docid").
    const Xapian::Query boost((new Xapian::FixedWeightPostingSource(kTierBoost))->release());
    const Xapian::Query tier(Xapian::Query::OP_FILTER, boost, plan.strict);
    Page found = page(Xapian::Query(Xapian::Query::OP_OR, all, tier), request,
                      request.offset, request.limit, plan);
    result.total = found.total;
    collect(found, plan, request, result);
    for (Hit& hit : result.hits) {
      if (hit.score >= kTierBoost) hit.score -= kTierBoost;
    }
  } else {
    // Newest first among documents with every word, then among the others.
    const Xapian::Query strict = filtered(plan.strict, request.dates);
    Page first = page(strict, request, request.offset, request.limit, plan);
    collect(first, plan, request, result);
    if (first.hits.size() < request.limit) {
      const Xapian::doccount strict_total = first.total;
      const unsigned skip = request.offset > strict_total ? request.offset - strict_total : 0;
      Page rest = page(Xapian::Query(Xapian::Query::OP_AND_NOT, all, strict), request,
                       skip, request.limit - static_cast<unsigned>(first.hits.size()), plan);
      collect(rest, plan, request, result);
      result.total = strict_total + rest.total;
    } else {
      result.total = std::max(first.total, page(all, request, 0, 0, plan).total);
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
