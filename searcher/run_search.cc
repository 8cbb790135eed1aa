#include "run_search.h"

#include <chrono>

#include "database_set.h"
#include "query_builder.h"
#include "vnews/document_data.h"

namespace vnews {
namespace {

// Reopening after a concurrent commit is retried this often before giving up.
constexpr int kMaxReopens = 3;

// Returns the text a snippet is taken from: the lead and body, or the title
// when the article has neither.
std::string snippet_source(const Article& a) {
  if (a.lead.empty() && a.body.empty()) return a.title;
  if (a.body.empty()) return a.lead;
  if (a.lead.empty()) return a.body;
  return a.lead + "\n" + a.body;
}

}  // namespace

Searcher::Searcher(const std::vector<std::string>& dbs, bool allow_partial) {
  DatabaseSet set = open_database_set(dbs, allow_partial);
  db_ = std::move(set.db);
  missing_ = std::move(set.missing);
}

Xapian::MSet Searcher::run(const Xapian::Query& query, unsigned offset,
                           unsigned limit) {
  for (int attempt = 0;; ++attempt) {
    try {
      Xapian::Enquire enquire(db_);
      enquire.set_query(query);
      enquire.set_weighting_scheme(Xapian::BM25Weight());
      return enquire.get_mset(offset, limit);
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == kMaxReopens) throw;
      db_.reopen();
    }
  }
}

SearchResult Searcher::search(const std::string& query, unsigned offset,
                              unsigned limit) {
  const auto start = std::chrono::steady_clock::now();
  SearchResult result;
  result.query = query;
  const QueryPlan plan = build_query(query, analyzer_);
  const Xapian::MSet mset = run(plan.query, offset, limit);
  result.total = mset.get_matches_estimated();
  unsigned rank = offset;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Hit hit;
    hit.rank = ++rank;
    hit.score = it.get_weight();
    hit.article = decode_document_data(it.get_document().get_data());
    hit.snippet = make_snippet(snippet_source(hit.article), plan.match, analyzer_);
    hit.article.lead.clear();
    hit.article.body.clear();
    result.hits.push_back(std::move(hit));
  }
  result.took_ms = std::chrono::duration<double, std::milli>(
                       std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace vnews
