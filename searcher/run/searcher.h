// searcher.h -- answers search requests over one or more databases. A
// request runs as a pipeline: parse the query (query_parser.h), plan its
// match set and ranking (query_plan.h), run it in Xapian with the request's
// filters applied once, to the match set (plan_runner.h), collect the hits
// (one story once, snippets), and leave printing to the caller.
#ifndef VNEWS_SEARCHER_RUN_SEARCHER_H_
#define VNEWS_SEARCHER_RUN_SEARCHER_H_

#include <xapian.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "query/term_bitmaps.h"
#include "query/word_variants.h"
#include "run/database_set.h"
#include "run/search_request.h"
#include "run/search_result.h"
#include "vnews/analyzer.h"
#include "vnews/document.h"

namespace vnews {

class PlanRunner;
class Suggester;
class DocumentFetcher;
struct Page;
struct QueryNode;
struct PlanOptions;
struct QueryPlan;

// Searches a set of databases as one. An indexer may commit meanwhile: a
// request that finds the revision it reads discarded by a commit runs again
// on the latest. A request that finds a remote shard's connection closed (its
// server restarted, or closed it while idle: xapian-tcpsrv --idle-timeout, 60
// s by default) opens the databases again and runs once more; when they do
// not open, it throws UnavailableError. A shard that does not answer in time
// fails the request (Xapian::NetworkTimeoutError), without a second try; the
// next request opens the databases again first. Not thread-safe.
class Searcher {
 public:
  static constexpr std::chrono::seconds kRetryMissingShards{30};

  // Opens every database of `dbs` (see database_set.h). Throws
  // std::runtime_error naming the path that does not exist, is not a Xapian
  // database or cannot be reached; with `allow_partial`, such shards are left
  // out and listed by missing_shards(), and only throws when none opens.
  // Shards left out are tried again, in the background (no request waits
  // for them), by a request at least kRetryMissingShards after the last try,
  // and searched from a request after they answered.
  explicit Searcher(const std::vector<std::string>& dbs, bool allow_partial = false);
  ~Searcher();

  // Returns one message per shard left out by `allow_partial`, naming it:
  // those that did not open when the databases were last opened.
  const std::vector<std::string>& missing_shards() const { return missing_; }

  // Tries shards left out again at most this often (kRetryMissingShards
  // unless set).
  void retry_missing_shards_every(std::chrono::steady_clock::duration every) {
    retry_missing_every_ = every;
  }

  // Checks documents for the query's common words on bitmaps kept in
  // `bitmaps` (term_bitmaps.h), which other searchers may share, instead of
  // their posting lists; ignored for remote shards. Worth it for a searcher
  // that answers many queries: a bitmap is built from the word's whole
  // posting list, then checks are bit tests until the database changes.
  // Answers are the same either way.
  void use_bitmaps(std::shared_ptr<TermBitmaps> bitmaps) {
    bitmaps_ = std::move(bitmaps);
  }

  // Returns what the caller should warn about the databases: one indexed by
  // another analyzer version (its words may not meet the queries' terms).
  const std::vector<std::string>& warnings() const { return warnings_; }

  // Adds the synonyms of the file at `path` to those searched (the built-in
  // abbreviations and the database's own, stored by vnews-index
  // --synonyms). Throws InputError "path:LINE: error: ..." for a malformed
  // file.
  void add_synonyms(const std::string& path);

  // Returns the results [offset, offset + limit) of `request` among the
  // documents matching its query and filters (or, with `like`, the articles
  // like that one), each story once when `collapse`. When none matches the
  // query as typed, it is widened (accented words to their other accent
  // forms, then to documents holding most of the words) until some do, and
  // SearchResult::relaxed says how. Throws QueryError for a request that
  // check_request() refuses, a query with nothing to search for or a bad
  // date, NotFoundError for an unknown `like` id, and TimeLimitError when
  // the request's deadline passes.
  SearchResult search(const SearchRequest& request);

  // As above, for `query` with default options.
  SearchResult search(const std::string& query, unsigned offset, unsigned limit);

  // Returns the exact number of documents matching `request`'s query as
  // typed (or like its `like` article), with its filters; never widened,
  // copies counted each. Throws as search().
  Xapian::doccount count(const SearchRequest& request);

  // Returns what the results of `query` highlight: its words as searched
  // (Telex and VNI words decoded) and their variants. Throws as search().
  MatchTerms highlight_terms(const std::string& query);

  // Returns the article stored under `id`, with its lead and body. Throws
  // NotFoundError naming `id` when no document has it.
  Article article(const std::string& id);

  // Moves to the latest commit of every database, so that the next request
  // sees what an indexer committed since; cheap when nothing changed (a
  // read of each shard's version file). A closed connection is opened
  // again, as above. Throws Xapian::Error when a database can no longer be
  // read, UnavailableError when a remote one cannot be opened again.
  void reopen();

  // Returns the number of documents searched.
  Xapian::doccount document_count();

 private:
  struct Planned;

  // Uses the databases of `set`: the shards that opened, searched as one.
  void adopt(DatabaseSet set);
  // Returns run(); when a remote shard's connection failed (not timed out),
  // opens the databases again and returns run() once more. Throws
  // UnavailableError naming the shard when they do not open, or when the
  // second run fails on the network too. Tries shards left out again first,
  // when it is time to.
  template <typename Run>
  auto reconnecting(Run&& run);
  // While shards are left out: at most every retry_missing_every_, tries
  // them in a thread of their own; once some answered, opens the databases
  // again with them (those still silent are not waited for).
  void try_missing_shards();
  // Opens the databases again (open_again()) and searches them. Throws
  // UnavailableError naming the shard when they do not open.
  void reconnect();
  // Returns the databases opened again, the shards left out kept out but
  // those in `answered`. Throws as open_database_set().
  DatabaseSet open_again(const std::vector<Shard>& answered) const;

  // search() and count() on the revision the databases are at.
  SearchResult search_once(const SearchRequest& request);
  Xapian::doccount count_once(const SearchRequest& request);

  // Returns the plan of `request` and its page; for a query, widened when
  // nothing matches as typed.
  Planned plan_and_run(const SearchRequest& request);
  Planned plan_request(const QueryNode* tree, const SearchRequest& request,
                       const PlanOptions& options);
  // Returns the stories (or articles, without collapsing) [offset, offset +
  // limit) of `plan`.
  Page run(const QueryPlan& plan, const SearchRequest& request);
  void collect(Page& page, const QueryPlan& plan, const SearchRequest& request,
               SearchResult& result);
  // Returns the titles and snippets of the best results of `plan`, from
  // which the suggester reads how the corpus accents the query's words.
  std::vector<std::string> accent_evidence(const QueryPlan& plan,
                                           const SearchRequest& request,
                                           const SearchResult& result);
  // True when `query` (a suggestion) finds a document with `request`'s filters.
  bool finds_any(const std::string& query, const SearchRequest& request);
  Xapian::docid docid_of(const std::string& id);
  // Reads what vnews-index stored beside the documents: the analyzer
  // version (a warning when another) and the synonyms.
  void read_metadata();
  void add_table(SynonymTable table);
  // Parses `query` and decodes its Telex and VNI words (`decoded`: the query
  // as searched, "" when none was), the terms it will look up fetched at once
  // from remote shards.
  QueryNode parse(const std::string& query, std::string* decoded);
  // Returns the plan of `tree` over the databases (plan_query()).
  QueryPlan plan(const QueryNode& tree, const PlanOptions& options);

  const std::vector<std::string> dbs_;  // as given, to open them again
  const bool allow_partial_;
  std::chrono::steady_clock::duration retry_missing_every_ = kRetryMissingShards;
  // When the databases were last opened, or shards left out tried again.
  std::chrono::steady_clock::time_point last_open_;
  bool timed_out_ = false;  // a remote connection timed out: open them again
  struct MissingProbe;
  std::shared_ptr<MissingProbe> probe_;  // trying shards left out, if it is
  Xapian::Database db_;
  bool remote_ = false;  // some shard of db_ is remote
  std::vector<std::string> missing_;
  std::vector<Shard> left_out_;  // the shards of missing_, in its order
  Analyzer analyzer_;
  std::unique_ptr<TermFrequencies> frequencies_;
  std::unique_ptr<PlanRunner> runner_;
  std::unique_ptr<Suggester> suggester_;
  std::unique_ptr<DocumentFetcher> fetcher_;  // several shards, some remote
  std::vector<std::string> warnings_;
  // The database's synonyms and --synonyms files; with the built-in table,
  // where words find their variants (sources_ points into them).
  std::vector<std::unique_ptr<SynonymTable>> synonyms_;
  VariantSources sources_;
  std::shared_ptr<TermBitmaps> bitmaps_;  // see use_bitmaps(); may be null
  // How many times its first window the last collapsed query's window of
  // articles had to grow (see run()).
  unsigned story_window_growth_ = 1;
};

}  // namespace vnews

#endif  // VNEWS_SEARCHER_RUN_SEARCHER_H_
