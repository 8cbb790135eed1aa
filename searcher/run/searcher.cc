#include "run/searcher.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <optional>
#include <system_error>
#include <thread>
#include <utility>

#include "query/query_parser.h"
#include "query/query_plan.h"
#include "query/typed_words.h"
#include "run/database_set.h"
#include "run/document_fetcher.h"
#include "run/like.h"
#include "run/plan_runner.h"
#include "run/stories.h"
#include "run/suggester.h"
#include "vnews/boolean_terms.h"
#include "vnews/document_data.h"
#include "vnews/error.h"
#include "vnews/schema.h"
#include "vnews/terms.h"

namespace vnews {
namespace {

// Collapsing fetches this many articles per story wanted at first, then
// four times as many while stories are missing, up to kMaxStoryWindow.
constexpr unsigned kArticlesPerStory = 3;
constexpr unsigned kMinStoryWindow = 30;
constexpr unsigned kMaxStoryWindow = 1u << 16;
// The next query fetches at once at most this many times its first window:
// one query of a story with thousands of copies does not make every later
// query fetch thousands of articles.
constexpr unsigned kMaxRememberedGrowth = 16;

// Returns the text a snippet is taken from: the lead and body, or the title
// when the article has neither.
std::string snippet_source(const Article& a) {
  if (a.lead.empty() && a.body.empty()) return a.title;
  if (a.body.empty()) return a.lead;
  if (a.lead.empty()) return a.body;
  return a.lead + "\n" + a.body;
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

bool any_accented(const QueryPlan& plan) {
  return std::any_of(plan.words.begin(), plan.words.end(),
                     [](const PlannedWord& w) { return w.token.accented(); });
}

// Returns `like` restricted to the documents `query` matches, checked as
// `query` is; ranked as `like`.
QueryPlan like_and_query(QueryPlan like, QueryPlan query) {
  like.query = Xapian::Query(Xapian::Query::OP_FILTER, like.query, query.match_set);
  like.match_set = Xapian::Query(Xapian::Query::OP_AND, like.match_set, query.match_set);
  like.test = std::move(query.test);
  return like;
}

}  // namespace

struct Searcher::Planned {
  QueryPlan plan;
  Page page;
  std::string widened;
  std::string decoded;  // the query with its Telex and VNI words decoded, if any
};

Searcher::Searcher(const std::vector<std::string>& dbs, bool allow_partial)
    : dbs_(dbs), allow_partial_(allow_partial) {
  adopt(open_database_set(dbs, allow_partial));
  sources_.synonyms.push_back(&SynonymTable::abbreviations());
  sources_.analyzer = &analyzer_;
  read_metadata();
}

void Searcher::adopt(DatabaseSet set) {
  // Built first, then swapped in: nothing is left half replaced.
  std::unique_ptr<DocumentFetcher> fetcher;
  if (set.remote && set.opened.size() > 1) {
    fetcher = std::make_unique<DocumentFetcher>(std::move(set.opened));
  }
  // What reads the databases starts afresh, knowing whether one is remote.
  auto frequencies = std::make_unique<TermFrequencies>(db_, set.remote);
  auto runner = std::make_unique<PlanRunner>(db_, analyzer_, set.remote, [this] {
    if (fetcher_) fetcher_->moved_on();
  });
  auto suggester = std::make_unique<Suggester>(db_, *frequencies);
  db_ = std::move(set.db);
  remote_ = set.remote;
  missing_ = std::move(set.missing);
  left_out_ = std::move(set.left_out);
  fetcher_ = std::move(fetcher);
  suggester_ = std::move(suggester);
  runner_ = std::move(runner);
  frequencies_ = std::move(frequencies);
  sources_.frequencies = frequencies_.get();
  last_open_ = std::chrono::steady_clock::now();
}

DatabaseSet Searcher::open_again(const std::vector<Shard>& answered) const {
  DatabaseSet known;  // the shards left out, but those that answered again
  for (std::size_t i = 0; i < left_out_.size(); ++i) {
    if (std::find(answered.begin(), answered.end(), left_out_[i]) != answered.end()) {
      continue;
    }
    known.left_out.push_back(left_out_[i]);
    known.missing.push_back(missing_[i]);
  }
  return open_database_set(dbs_, allow_partial_, &known);
}

// Shards left out, tried again in a thread of its own.
struct Searcher::MissingProbe {
  std::vector<Shard> shards;
  std::vector<Shard> answered;  // those that opened, written before `done`
  std::atomic<bool> done{false};
};

void Searcher::try_missing_shards() {
  if (left_out_.empty()) return;
  const auto now = std::chrono::steady_clock::now();
  if (probe_) {
    if (!probe_->done.load(std::memory_order_acquire)) return;
    const std::shared_ptr<MissingProbe> probe = std::move(probe_);
    last_open_ = now;  // the next try counts from the end of this one
    if (probe->answered.empty()) return;
    try {
      adopt(open_again(probe->answered));
    } catch (const std::runtime_error&) {
      // None opens now: searched as before, and tried again later.
    } catch (const Xapian::Error&) {
      // Nor does a database that a commit is replacing.
    }
    return;
  }
  if (now - last_open_ < retry_missing_every_) return;
  last_open_ = now;
  auto probe = std::make_shared<MissingProbe>();
  probe->shards = left_out_;
  try {
    // Detached: a host that does not answer holds up neither a request nor
    // the searcher's end (the thread owns what it reads and writes).
    std::thread([probe] {
      std::vector<Shard> answered;
      for (const Shard& shard : probe->shards) {
        try {
          open_shard(shard);
          answered.push_back(shard);
        } catch (...) {
        }
      }
      probe->answered = std::move(answered);
      probe->done.store(true, std::memory_order_release);
    }).detach();
    probe_ = std::move(probe);
  } catch (const std::system_error&) {
    // No thread to try them in: tried again later.
  }
}

void Searcher::reconnect() {
  try {
    adopt(open_again({}));  // shards left out already are not waited for
    timed_out_ = false;
  } catch (const std::runtime_error& e) {
    throw UnavailableError(std::string("database unavailable: ") + e.what());
  } catch (const Xapian::Error& e) {
    throw UnavailableError("database unavailable: " + e.get_description());
  }
}

template <typename Run>
auto Searcher::reconnecting(Run&& run) {
  try_missing_shards();
  // A connection that timed out may still be waiting for its answer: it
  // would keep this request waiting as long.
  if (timed_out_) reconnect();
  try {
    return run();
  } catch (const Xapian::NetworkTimeoutError& e) {
    if (!remote_) throw;
    // The server's own timeout, sent back as it closed a connection left
    // idle, is "REMOTE:"; a shard that did not answer in time here would
    // not the second time either: the next request connects again.
    if (e.get_msg().rfind("REMOTE:", 0) != 0) {
      timed_out_ = true;
      throw;
    }
  } catch (const Xapian::NetworkError&) {
    if (!remote_) throw;
  }
  reconnect();
  try {
    return run();
  } catch (const Xapian::NetworkError& e) {
    timed_out_ = true;
    throw UnavailableError("database unavailable: " + e.get_description());
  }
}

void Searcher::read_metadata() {
  const std::string version = db_.get_metadata(schema::kAnalyzerVersionKey);
  if (db_.get_doccount() > 0 && version != std::to_string(kAnalyzerVersion)) {
    warnings_.push_back("the database was indexed by analyzer version " +
                        (version.empty() ? std::string("1") : version) +
                        ", and this vnews-search searches with version " +
                        std::to_string(kAnalyzerVersion) +
                        ": some spellings will not be found until it is indexed again");
  }
  const std::string synonyms = db_.get_metadata(schema::kSynonymsKey);
  if (synonyms.empty()) return;
  try {
    add_table(SynonymTable::parse(synonyms, "the database's synonyms", analyzer_));
  } catch (const InputError& e) {
    warnings_.push_back(std::string(e.what()) + "; searching without them");
  }
}

void Searcher::reopen() {
  reconnecting([&] {
    if (!db_.reopen()) return;
    if (fetcher_) fetcher_->moved_on();
    frequencies_->forget();
  });
}

Xapian::doccount Searcher::document_count() {
  return reconnecting(
      [&] { return runner_->reopening([&] { return db_.get_doccount(); }); });
}

namespace {

// Returns what `lookups` returns for each node of words or a phrase in
// `root`'s tree.
template <typename Lookups>
std::vector<std::string> lookups_of(const QueryNode& root, const Lookups& lookups) {
  std::vector<std::string> terms;
  for_each_words_node(root, [&](const QueryNode& node) {
    for (std::string& term : lookups(node)) terms.push_back(std::move(term));
  });
  return terms;
}

// Returns what planning the words of `node` may look up, but for the pairs
// of the words it cuts (split_pair_lookups()).
std::vector<std::string> planning_lookups(const QueryNode& node,
                                          const VariantSources& sources) {
  std::vector<std::string> terms;
  for (const Token& t : node.tokens) {
    terms.push_back(folded_term(t.folded, Field::kAll));
    terms.push_back(exact_term(t, node.field));
  }
  for (std::string& pair : joined_pair_terms(node.tokens, node.field)) {
    terms.push_back(std::move(pair));
  }
  for (std::string& term :
       variant_lookups(node.tokens, node.text, node.field, Accents::kAsTyped, sources)) {
    terms.push_back(std::move(term));
  }
  return terms;
}

}  // namespace

QueryNode Searcher::parse(const std::string& query, std::string* decoded) {
  QueryNode tree = parse_query(query, analyzer_);
  if (remote_) frequencies_->prefetch(typed_word_lookups(tree, analyzer_));
  std::string spelled = decode_typed_words(tree, query, *frequencies_, analyzer_);
  if (remote_) {
    frequencies_->prefetch(lookups_of(
        tree, [&](const QueryNode& node) { return planning_lookups(node, sources_); }));
    // Where words the index lacks are cut depends on those answers: the
    // pairs of their parts next, all at once.
    frequencies_->prefetch(lookups_of(tree, [&](const QueryNode& node) {
      return split_pair_lookups(node.tokens, node.text, node.field, sources_);
    }));
  }
  if (decoded != nullptr) *decoded = std::move(spelled);
  return tree;
}

void Searcher::add_table(SynonymTable table) {
  synonyms_.push_back(std::make_unique<SynonymTable>(std::move(table)));
  sources_.synonyms.push_back(synonyms_.back().get());
}

void Searcher::add_synonyms(const std::string& path) {
  add_table(SynonymTable::read_file(path, analyzer_));
}

Searcher::~Searcher() = default;

Xapian::docid Searcher::docid_of(const std::string& id) {
  const std::string term = id_term(id);
  return runner_->reopening([&] {
    const Xapian::PostingIterator found = db_.postlist_begin(term);
    if (id.empty() || found == db_.postlist_end(term)) {
      std::string where;
      if (!missing_.empty()) {
        where = " in the shards searched (" + std::to_string(missing_.size()) +
                " could not be opened)";
      }
      throw NotFoundError("no article with id " + quote_query(id) + where);
    }
    return *found;
  });
}

Article Searcher::article(const std::string& id) {
  return reconnecting([&] {
    const Xapian::docid docid = docid_of(id);
    return runner_->reopening(
        [&] { return load_article(db_.get_document(docid), true); });
  });
}

QueryPlan Searcher::plan(const QueryNode& tree, const PlanOptions& options) {
  return plan_query(tree, db_, remote_, options, &sources_, bitmaps_.get());
}

Searcher::Planned Searcher::plan_request(const QueryNode* tree,
                                         const SearchRequest& request,
                                         const PlanOptions& options) {
  Planned planned;
  if (request.like.empty()) {
    planned.plan = plan(*tree, options);
  } else {
    const Xapian::docid docid = docid_of(request.like);
    planned.plan =
        runner_->reopening([&] { return like_plan(db_, docid, request.like); });
    if (tree != nullptr) {
      planned.plan = like_and_query(std::move(planned.plan), plan(*tree, options));
    }
  }
  planned.page = run(planned.plan, request);
  return planned;
}

Searcher::Planned Searcher::plan_and_run(const SearchRequest& request) {
  std::optional<QueryNode> tree;
  std::string decoded;
  if (!request.query.empty()) {
    tree = parse(request.query, &decoded);
  }
  const QueryNode* parsed = tree ? &*tree : nullptr;
  Planned strict = plan_request(parsed, request, {});
  strict.decoded = decoded;
  if (strict.page.total > 0 || parsed == nullptr) return strict;
  // Nothing matches as typed: widen, step by step, and say so. Each step
  // widens as little as it can: other accents first, then fewer words with
  // the accents as typed, then with any.
  std::vector<PlanOptions> wider;
  const bool accented = any_accented(strict.plan);
  if (accented) wider.push_back({Accents::kAny, 0});
  const std::size_t top_words = top_level_words(*parsed);
  for (const std::size_t k : relaxed_word_counts(top_words)) {
    wider.push_back({Accents::kAsTyped, k});
    if (accented) wider.push_back({Accents::kAny, k});
  }
  for (const PlanOptions& options : wider) {
    Planned planned = plan_request(parsed, request, options);
    if (planned.page.total == 0) continue;
    planned.widened = describe_widening(options, planned.plan, top_words);
    planned.decoded = decoded;
    return planned;
  }
  return strict;
}

Page Searcher::run(const QueryPlan& plan, const SearchRequest& request) {
  if (!request.collapse)
    return runner_->fetch(plan, request, request.offset, request.limit);
  // Stories [offset, offset + limit): group the best articles of a window,
  // widened until it holds enough stories or all the articles. When the
  // last query had to widen it (an archive of many copies), the widest
  // window it needed is fetched at once, in one match, and grouped a part
  // at a time as before: the same stories, one match instead of several.
  // Not for text checks, whose total depends on how far the match reads.
  const unsigned wanted = request.offset + request.limit;
  const unsigned first = std::max(wanted * kArticlesPerStory, kMinStoryWindow);
  Page fetched;
  unsigned fetched_window = 0;
  for (unsigned window = first;; window *= 4) {
    if (window > fetched_window) {
      // Never less than the window itself, however large.
      fetched_window =
          plan.test.needs_text
              ? window
              : std::max(window, std::min(first * story_window_growth_, kMaxStoryWindow));
      fetched = runner_->fetch(plan, request, 0, fetched_window);
    }
    const bool all_fetched = fetched.hits.size() < window || window >= kMaxStoryWindow;
    std::vector<PageHit> articles(
        fetched.hits.begin(),
        fetched.hits.begin() + std::min<std::size_t>(window, fetched.hits.size()));
    std::vector<Story> stories = group_stories(std::move(articles));
    if (stories.size() < wanted && !all_fetched) continue;
    story_window_growth_ = std::min(window / first, kMaxRememberedGrowth);
    Page page;
    page.total = fetched.total;
    page.exact = fetched.exact;
    for (std::size_t s = request.offset; s < stories.size() && s < wanted; ++s) {
      PageHit best = std::move(stories[s].best);
      for (PageHit& copy : stories[s].copies) {
        best.copies.push_back(std::move(copy.candidate));
      }
      page.hits.push_back(std::move(best));
    }
    return page;
  }
}

void Searcher::collect(Page& page, const QueryPlan& plan, const SearchRequest& request,
                       SearchResult& result) {
  if (fetcher_) {
    check_deadline(request);
    std::vector<Candidate*> shown;
    for (PageHit& found : page.hits) {
      shown.push_back(&found.candidate);
      for (Candidate& copy : found.copies) shown.push_back(&copy);
    }
    fetcher_->fetch(shown);
  }
  for (PageHit& found : page.hits) {
    check_deadline(request);
    Hit hit;
    hit.rank = request.offset + static_cast<unsigned>(result.hits.size()) + 1;
    hit.score = found.weight;
    std::optional<Article> decoded = found.candidate.take_article();
    hit.article = decoded ? std::move(*decoded)
                          : load_article(found.candidate.document(), request.snippets);
    if (request.snippets) {
      hit.snippet = make_snippet(snippet_source(hit.article), plan.highlight, analyzer_);
    }
    hit.title_highlights =
        highlight_whole(hit.article.title, plan.highlight, analyzer_).highlights;
    for (Candidate& copy : found.copies) {
      hit.similar.push_back(load_article(copy.document(), false).id);
    }
    hit.article.lead.clear();
    hit.article.body.clear();
    result.hits.push_back(std::move(hit));
  }
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
  // Ranked as the page, but without story sketches: they are not read here.
  SearchRequest articles = request;
  articles.collapse = false;
  const Xapian::MSet mset =
      runner_->match(PlanRunner::with_filters(plan.query, request), articles, 0,
                     kAccentEvidenceDocuments, kAccentEvidenceDocuments);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const Article article = load_article(it.get_document(), true);
    texts.push_back(article.title);
    texts.push_back(
        make_snippet(snippet_source(article), plan.highlight, analyzer_).text);
  }
  return texts;
}

bool Searcher::finds_any(const std::string& query, const SearchRequest& request) {
  return runner_->finds_any(plan(parse(query, nullptr), {}), request);
}

SearchResult Searcher::search(const SearchRequest& request) {
  // A commit can discard the revision any read of the request is at, the
  // documents' data as well as the match: then all of it runs again.
  return reconnecting([&] {
    check_deadline(request);  // before a rerun
    return runner_->reopening([&] {
      frequencies_->forget();
      return search_once(request);
    });
  });
}

SearchResult Searcher::search_once(const SearchRequest& request) {
  const auto start = std::chrono::steady_clock::now();
  check_request(request);
  SearchResult result;
  result.query = request.query;
  result.like = request.like;
  result.missing_shards = missing_;
  Planned planned = plan_and_run(request);
  result.total = planned.page.total;
  result.total_exact = planned.page.exact;
  result.relaxed = std::move(planned.widened);
  result.decoded = std::move(planned.decoded);
  collect(planned.page, planned.plan, request, result);
  if (!request.facets.empty()) {
    result.facets = runner_->reopening([&] {
      return count_facets(db_, PlanRunner::with_filters(planned.plan.match_set, request),
                          request.facets, !planned.plan.test.needs_text);
    });
  }
  if (request.like.empty()) {
    result.suggestions = suggester_->suggest(
        request.query, planned.plan, analyzer_,
        [&] { return accent_evidence(planned.plan, request, result); },
        [&](const std::string& suggestion) { return finds_any(suggestion, request); });
  }
  result.took_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
          .count();
  return result;
}

SearchResult Searcher::search(const std::string& query, unsigned offset, unsigned limit) {
  SearchRequest request;
  request.query = query;
  request.offset = offset;
  request.limit = limit;
  return search(request);
}

MatchTerms Searcher::highlight_terms(const std::string& query) {
  return reconnecting([&] { return plan(parse(query, nullptr), {}).highlight; });
}

Xapian::doccount Searcher::count(const SearchRequest& request) {
  return reconnecting([&] {
    check_deadline(request);  // before a rerun
    return runner_->reopening([&] { return count_once(request); });
  });
}

Xapian::doccount Searcher::count_once(const SearchRequest& request) {
  check_request(request);
  check_deadline(request);
  std::optional<QueryNode> tree;
  if (!request.query.empty()) {
    tree = parse(request.query, nullptr);
  }
  QueryPlan planned;
  if (request.like.empty()) {
    planned = plan(*tree, {});
  } else {
    const Xapian::docid docid = docid_of(request.like);
    planned = runner_->reopening([&] { return like_plan(db_, docid, request.like); });
    if (tree) planned = like_and_query(std::move(planned), plan(*tree, {}));
  }
  return runner_->count(planned, request);
}

}  // namespace vnews
