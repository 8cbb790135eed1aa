#include "run/searcher.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>
#include <utility>

#include "query/query_parser.h"
#include "query/query_plan.h"
#include "run/database_set.h"
#include "run/recency.h"
#include "run/suggester.h"
#include "vnews/boolean_terms.h"
#include "vnews/document_data.h"
#include "vnews/error.h"
#include "vnews/schema.h"

namespace vnews {
namespace {

// Reopening after a concurrent commit is retried this often before giving up.
constexpr int kMaxReopens = 3;
// Totals of up to this many matches are exact; above, they are estimates
// (an exact count, --count, costs a pass over every match).
constexpr Xapian::doccount kExactTotalUpTo = 1000;
// A query whose matches are checked on their text fetches them in windows,
// the first of at least this many; when they are no more, all are checked
// and the total is exact...
constexpr unsigned kCheckWindow = 50;
constexpr Xapian::doccount kCheckAllUpTo = kCheckWindow;
// ...else the share of the first this many that pass estimates the total,
// the same on every page.
constexpr Xapian::doccount kShareSample = 20;
constexpr unsigned kMaxCheckWindow = 1u << 24;

// Returns the text a snippet is taken from: the lead and body, or the title
// when the article has neither.
std::string snippet_source(const Article& a) {
  if (a.lead.empty() && a.body.empty()) return a.title;
  if (a.body.empty()) return a.lead;
  if (a.lead.empty()) return a.body;
  return a.lead + "\n" + a.body;
}

// Returns `query` restricted by the request's filters. Every run of a
// request goes through here, so no page, count or facet leaves them out.
Xapian::Query with_filters(const Xapian::Query& query, const SearchRequest& request) {
  if (request.dates.empty()) return query;
  return Xapian::Query(Xapian::Query::OP_FILTER, query, date_filter(request.dates));
}

// Returns how `options` widened `plan`, for people; "" when it did not.
std::string describe_widening(const PlanOptions& options, const QueryPlan& plan,
                              std::size_t top_words) {
  std::string out;
  if (options.accents == Accents::kAny) {
    std::string words;
    for (const PlannedWord& w : plan.words) {
      if (!w.token.accented() || words.find(w.token.term) != std::string::npos) continue;
      words += (words.empty() ? "" : ", ") + w.token.term;
    }
    out = "other accent forms of " + words;
  }
  if (options.min_words > 0) {
    if (!out.empty()) out += "; ";
    out += "articles with " + std::to_string(options.min_words) + " of the " +
           std::to_string(top_words) + " words";
  }
  return out;
}

// Returns run(), reopening `db` and running again when a concurrent commit
// made what it read stale.
template <typename Run>
auto reopening(Xapian::Database& db, Run&& run) {
  for (int attempt = 0;; ++attempt) {
    try {
      return run();
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == kMaxReopens) throw;
      db.reopen();
    }
  }
}

// The number of documents `query` matches: exact when `.second`, which it
// is when there are at most `bound`. The same whatever page is shown.
std::pair<Xapian::doccount, bool> count_matches(Xapian::Database& db,
                                                const Xapian::Query& query,
                                                Xapian::doccount bound) {
  const Xapian::MSet mset = reopening(db, [&] {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());  // no weights: stops at `bound`
    return enquire.get_mset(0, 1, bound);
  });
  const bool exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
  return {exact ? mset.get_matches_lower_bound() : mset.get_matches_estimated(), exact};
}

// Returns the number of matches of `mset` when it counted them all.
std::optional<Xapian::doccount> exact_count(const Xapian::MSet& mset) {
  if (mset.get_matches_lower_bound() != mset.get_matches_upper_bound()) return std::nullopt;
  return mset.get_matches_lower_bound();
}

bool any_accented(const QueryPlan& plan) {
  return std::any_of(plan.words.begin(), plan.words.end(),
                     [](const PlannedWord& w) { return w.token.accented(); });
}

}  // namespace

// A document of a page, with its weight.
struct PageHit {
  double weight;
  Candidate candidate;
};

// The documents [offset, offset + limit) of a plan, and how many match.
struct Searcher::Page {
  std::vector<PageHit> hits;
  Xapian::doccount total = 0;
  bool exact = true;
};

struct Searcher::Planned {
  QueryPlan plan;
  Page page;
  std::string widened;
};

Searcher::Searcher(const std::vector<std::string>& dbs, bool allow_partial) {
  DatabaseSet set = open_database_set(dbs, allow_partial);
  db_ = std::move(set.db);
  remote_ = set.remote;
  missing_ = std::move(set.missing);
  suggester_ = std::make_unique<Suggester>(db_);
}

Searcher::~Searcher() = default;

Xapian::Enquire Searcher::enquire(const Xapian::Query& query, const SearchRequest& request) {
  Xapian::Enquire enquire(db_);
  enquire.set_query(request.sort == SortOrder::kRecency ? with_recency_boost(query, db_)
                                                        : query);
  enquire.set_weighting_scheme(Xapian::BM25Weight());
  if (request.sort == SortOrder::kDate) {
    enquire.set_sort_by_value_then_relevance(schema::kDateSlot, true);
  }
  return enquire;
}

Xapian::MSet Searcher::match(const Xapian::Query& query, const SearchRequest& request,
                             unsigned first, unsigned size, unsigned check_at_least) {
  return reopening(db_, [&] {
    return enquire(query, request).get_mset(first, size, check_at_least);
  });
}

Searcher::Page Searcher::run_page(const QueryPlan& plan, const SearchRequest& request) {
  const Xapian::Query query = with_filters(plan.query, request);
  const unsigned wanted = request.offset + request.limit;
  if (!plan.test.needs_text) {
    // Counting up to kExactTotalUpTo matches as it ranks costs the match
    // little more: its AND of every word finds them anyway.
    const Xapian::MSet mset = match(query, request, request.offset, request.limit,
                                    std::max<Xapian::doccount>(wanted, kExactTotalUpTo));
    Page page;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      page.hits.push_back({it.get_weight(), Candidate(it.get_document())});
    }
    set_total(page, plan, request, exact_count(mset));
    return page;
  }
  return checked_page(query, plan, request);
}

void Searcher::set_total(Page& page, const QueryPlan& plan, const SearchRequest& request,
                         std::optional<Xapian::doccount> exact) {
  if (exact && *exact <= kExactTotalUpTo) {
    page.total = *exact;
    return;
  }
  // An estimate from a count that does not depend on the page, so that
  // every page shows the same total.
  std::tie(page.total, page.exact) =
      count_matches(db_, with_filters(plan.match_set, request), kExactTotalUpTo);
}

Searcher::Page Searcher::checked_page(const Xapian::Query& query, const QueryPlan& plan,
                                      const SearchRequest& request) {
  // The match returns the documents that may match, best first: check them
  // in that order until the page is full, or all of them when they are few
  // enough for the total to be exact.
  const unsigned wanted = request.offset + request.limit;
  Page page;
  unsigned first = 0, window = std::max(2 * wanted, kCheckWindow);
  Xapian::doccount checked = 0, held = 0, held_in_sample = 0;
  bool check_all = false, exhausted = false;
  const auto done = [&] { return held >= wanted && checked >= kShareSample && !check_all; };
  for (;;) {
    const Xapian::MSet mset =
        match(query, request, first, window,
              first == 0 ? std::max<Xapian::doccount>(window, kCheckAllUpTo) : first + window);
    if (first == 0) {
      const std::optional<Xapian::doccount> candidates = exact_count(mset);
      check_all = candidates && *candidates <= kCheckAllUpTo;
    }
    for (auto it = mset.begin(); it != mset.end() && !done(); ++it) {
      Candidate candidate(it.get_document());
      ++checked;
      if (!passes(plan.test, candidate, analyzer_)) continue;
      if (checked <= kShareSample) ++held_in_sample;
      if (held >= request.offset && held < wanted) {
        page.hits.push_back({it.get_weight(), std::move(candidate)});
      }
      ++held;
    }
    exhausted = mset.size() < window && !done();
    if (exhausted || done()) break;
    first += window;
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
      count_matches(db_, with_filters(plan.match_set, request), kExactTotalUpTo).first;
  const double share = static_cast<double>(held_in_sample) / kShareSample;
  page.total = std::max<Xapian::doccount>(
      {held_in_sample, held > 0 ? 1u : 0u,
       static_cast<Xapian::doccount>(std::lround(candidates * share))});
  page.exact = false;
  return page;
}

Searcher::Planned Searcher::plan_and_run(const QueryNode& tree, const SearchRequest& request) {
  Planned strict{plan_query(tree, db_, remote_), {}, ""};
  strict.page = run_page(strict.plan, request);
  if (strict.page.total > 0) return strict;
  // Nothing matches as typed: widen, step by step, and say so.
  // Each step widens as little as it can: other accents first, then fewer
  // words with the accents as typed, then with any.
  std::vector<PlanOptions> wider;
  const bool accented = any_accented(strict.plan);
  if (accented) wider.push_back({Accents::kAny, 0});
  const std::size_t top_words = top_level_words(tree);
  for (const std::size_t k : relaxed_word_counts(top_words)) {
    wider.push_back({Accents::kAsTyped, k});
    if (accented) wider.push_back({Accents::kAny, k});
  }
  for (const PlanOptions& options : wider) {
    Planned planned{plan_query(tree, db_, remote_, options), {}, ""};
    planned.page = run_page(planned.plan, request);
    if (planned.page.total == 0) continue;
    planned.widened = describe_widening(options, planned.plan, top_words);
    return planned;
  }
  return strict;
}

void Searcher::collect(Page& page, const QueryPlan& plan, const SearchRequest& request,
                       SearchResult& result) {
  for (PageHit& found : page.hits) {
    Hit hit;
    hit.rank = request.offset + static_cast<unsigned>(result.hits.size()) + 1;
    hit.score = found.weight;
    std::optional<Article> decoded = found.candidate.take_article();
    hit.article = decoded ? std::move(*decoded)
                          : load_article(found.candidate.document(), request.snippets);
    if (request.snippets) {
      hit.snippet = make_snippet(snippet_source(hit.article), plan.highlight, analyzer_);
    }
    hit.title_highlights = highlight_whole(hit.article.title, plan.highlight, analyzer_).highlights;
    hit.article.lead.clear();
    hit.article.body.clear();
    result.hits.push_back(std::move(hit));
  }
}

void Searcher::count_categories(const QueryPlan& plan, const SearchRequest& request,
                                SearchResult& result) {
  std::unique_ptr<Xapian::ValueCountMatchSpy> spy;
  reopening(db_, [&] {
    spy = std::make_unique<Xapian::ValueCountMatchSpy>(schema::kCategorySlot);
    Xapian::Enquire counting(db_);
    counting.set_query(with_filters(plan.match_set, request));
    counting.set_weighting_scheme(Xapian::BoolWeight());
    counting.add_matchspy(spy.get());
    return counting.get_mset(0, 0, db_.get_doccount());
  });
  for (auto it = spy->top_values_begin(1000); it != spy->top_values_end(1000); ++it) {
    result.categories.emplace_back(*it, it.get_termfreq());
  }
  result.faceted = true;
  result.facets_exact = !plan.test.needs_text;
}

std::vector<std::string> Searcher::accent_evidence(const QueryPlan& plan,
                                                   const SearchRequest& request,
                                                   const SearchResult& result) {
  std::vector<std::string> texts;
  const bool page_shows_best = request.offset == 0 && request.snippets &&
                               (result.hits.size() >= kAccentEvidenceDocuments ||
                                result.hits.size() == result.total);
  if (page_shows_best) {
    for (const Hit& hit : result.hits) {
      texts.push_back(hit.article.title);
      texts.push_back(hit.snippet.text);
    }
    return texts;
  }
  SearchRequest best = request;
  best.offset = 0;
  best.limit = kAccentEvidenceDocuments;
  const Xapian::MSet mset = match(with_filters(plan.query, best), best, 0,
                                  kAccentEvidenceDocuments, kAccentEvidenceDocuments);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const Article article = load_article(it.get_document(), true);
    texts.push_back(article.title);
    texts.push_back(make_snippet(snippet_source(article), plan.highlight, analyzer_).text);
  }
  return texts;
}

bool Searcher::finds_any(const std::string& query, const SearchRequest& request) {
  SearchRequest probe = request;
  probe.query = query;
  probe.offset = 0;
  probe.limit = 1;
  const QueryPlan plan = plan_query(parse_query(query, analyzer_), db_, remote_);
  if (plan.test.needs_text) return run_page(plan, probe).total > 0;
  return count_matches(db_, with_filters(plan.match_set, request), 1).first > 0;
}

SearchResult Searcher::search(const SearchRequest& request) {
  const auto start = std::chrono::steady_clock::now();
  check_request(request);
  SearchResult result;
  result.query = request.query;
  const QueryNode tree = parse_query(request.query, analyzer_);
  Planned planned = plan_and_run(tree, request);
  result.total = planned.page.total;
  result.total_exact = planned.page.exact;
  result.relaxed = std::move(planned.widened);
  collect(planned.page, planned.plan, request, result);
  if (request.facet_category) count_categories(planned.plan, request, result);
  result.suggestions = suggester_->suggest(
      request.query, planned.plan, analyzer_,
      [&] { return accent_evidence(planned.plan, request, result); },
      [&](const std::string& suggestion) { return finds_any(suggestion, request); });
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

Article Searcher::article(const std::string& id) {
  const std::string term = id_term(id);
  return reopening(db_, [&] {
    const Xapian::PostingIterator found = db_.postlist_begin(term);
    if (found == db_.postlist_end(term) || id.empty()) {
      throw NotFoundError("no article with id " + quote_query(id));
    }
    return load_article(db_.get_document(*found), true);
  });
}

Xapian::doccount Searcher::count(const SearchRequest& request) {
  check_request(request);
  const QueryPlan plan = plan_query(parse_query(request.query, analyzer_), db_, remote_);
  const Xapian::Query query = with_filters(plan.match_set, request);
  if (query.get_type() == Xapian::Query::LEAF_TERM) {  // one word, no filter
    return reopening(db_, [&] { return db_.get_termfreq(*query.get_terms_begin()); });
  }
  if (!plan.test.needs_text) return count_matches(db_, query, db_.get_doccount()).first;
  // Every candidate, in document order, checked.
  const Xapian::MSet mset = reopening(db_, [&] {
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    return enquire.get_mset(0, db_.get_doccount());
  });
  Xapian::doccount held = 0;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Candidate candidate(it.get_document());
    held += passes(plan.test, candidate, analyzer_);
  }
  return held;
}

}  // namespace vnews
