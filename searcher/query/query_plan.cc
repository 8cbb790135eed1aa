#include "query/query_plan.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "query/wildcards.h"
#include "query/word_variants.h"
#include "vnews/boolean_terms.h"
#include "vnews/schema.h"

namespace vnews {
namespace {

// A query of "at least k of n words" is an OR of one AND per k of them; it
// is tried only while it has at most this many ANDs.
constexpr std::size_t kMaxWordSubsets = 64;

using Kind = QueryNode::Kind;

Xapian::Query combine(Xapian::Query::op op, const std::vector<Xapian::Query>& parts) {
  if (parts.size() == 1) return parts[0];
  return Xapian::Query(op, parts.begin(), parts.end());
}

Xapian::Query all_terms(const std::vector<std::string>& terms) {
  return Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end());
}

// Returns C(n, k), saturating at `cap` + 1.
std::size_t subsets(std::size_t n, std::size_t k, std::size_t cap) {
  std::size_t c = 1;
  for (std::size_t i = 1; i <= k; ++i) {
    c = c * (n - k + i) / i;
    if (c > cap) return cap + 1;
  }
  return c;
}

// Returns the query matching documents holding at least `k` of `terms`.
// REQUIRES: 1 <= k <= terms.size(), subsets(terms.size(), k) small.
Xapian::Query at_least(const std::vector<std::string>& terms, std::size_t k) {
  if (k == 1) return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
  if (k == terms.size()) return all_terms(terms);
  std::vector<Xapian::Query> alternatives;
  std::vector<std::size_t> pick(k);
  for (std::size_t i = 0; i < k; ++i) pick[i] = i;
  for (;;) {
    std::vector<std::string> chosen;
    for (std::size_t i : pick) chosen.push_back(terms[i]);
    alternatives.push_back(all_terms(chosen));
    std::size_t i = k;
    while (i > 0 && pick[i - 1] == terms.size() - k + i - 1) --i;
    if (i == 0) break;
    ++pick[i - 1];
    for (std::size_t j = i; j < k; ++j) pick[j] = pick[j - 1] + 1;
  }
  return combine(Xapian::Query::OP_OR, alternatives);
}

// True when url:VALUE names a prefix of urls ("https://site/section/"),
// not a site ("dantri.com.vn").
bool is_url_prefix(std::string_view value) {
  return value.find("://") != std::string_view::npos ||
         value.find('/') != std::string_view::npos;
}

// Returns the boolean term of a filter other than a date or a url prefix.
std::string filter_term(const QueryFilter& filter) {
  switch (filter.kind) {
    case QueryFilter::Kind::kSource:
      return source_term(filter.value);
    case QueryFilter::Kind::kId:
      return id_term(filter.value);
    case QueryFilter::Kind::kUrl:
      return host_term(url_host(filter.value));
    default:
      return category_term(filter.value);
  }
}

bool is_top_level_words(const QueryNode& node) {
  return node.kind == Kind::kWords && node.widenable && !node.excluded;
}

// A run of query words [begin, end) and its variants (none: each word on its
// own).
struct VariantRun {
  std::size_t begin = 0, end = 0;
  std::vector<const WordVariant*> variants;
};

// Returns runs covering `words` words one after the other: the runs of
// `variants`, longest first, where they do not cross a run already taken;
// variants of one run together; every other word a run of its own.
std::vector<VariantRun> cover(std::size_t words,
                              const std::vector<WordVariant>& variants) {
  std::vector<const WordVariant*> by_length;
  for (const WordVariant& v : variants) by_length.push_back(&v);
  std::stable_sort(by_length.begin(), by_length.end(), [](const auto* a, const auto* b) {
    return a->end - a->begin > b->end - b->begin;
  });
  std::vector<int> run_of(words, -1);  // index into taken, per word
  std::vector<VariantRun> taken;
  for (const WordVariant* v : by_length) {
    const int first = run_of[v->begin];
    if (first >= 0 && taken[first].begin == v->begin && taken[first].end == v->end) {
      taken[first].variants.push_back(v);  // the same run
      continue;
    }
    bool free = true;
    for (std::size_t i = v->begin; i < v->end; ++i) free = free && run_of[i] < 0;
    if (!free) continue;
    for (std::size_t i = v->begin; i < v->end; ++i)
      run_of[i] = static_cast<int>(taken.size());
    taken.push_back({v->begin, v->end, {v}});
  }
  std::vector<VariantRun> runs;
  for (std::size_t i = 0; i < words;) {
    if (run_of[i] < 0) {
      runs.push_back({i, i + 1, {}});
      ++i;
    } else {
      runs.push_back(taken[run_of[i]]);
      i = taken[run_of[i]].end;
    }
  }
  return runs;
}

// The part of the plan one node gives.
struct Part {
  Xapian::Query query;  // ranked
  Xapian::Query set;    // the same matches, unranked
  Xapian::Query tier;   // see QueryPlan::first_tier
  DocumentTest test;
};

class Planner {
 public:
  Planner(const Xapian::Database& db, bool remote, TermFrequencies& frequencies,
          const PlanOptions& options, const VariantSources* sources, TermBitmaps* bitmaps,
          QueryPlan& plan)
      : db_(db),
        remote_(remote),
        stats_{&frequencies},
        options_(options),
        sources_(sources),
        bitmaps_(remote ? nullptr : bitmaps),
        plan_(plan) {}

  Part root(const QueryNode& node) {
    if (options_.min_words == 0) return part(node, true);
    if (is_top_level_words(node)) return pooled_words({&node});
    if (node.kind != Kind::kAll || node.excluded) return part(node, true);
    std::vector<const QueryNode*> pooled;
    std::vector<const QueryNode*> others;
    for (const QueryNode& child : node.children) {
      (is_top_level_words(child) ? pooled : others).push_back(&child);
    }
    if (pooled.empty()) return part(node, true);
    std::vector<Part> parts{pooled_words(pooled)};
    for (const QueryNode* child : others) parts.push_back(part(*child, true));
    return all_of(std::move(parts));
  }

 private:
  // `positive`: the node is not under an exclusion, so its words are
  // searched for (highlighted and offered to suggestions).
  Part part(const QueryNode& node, bool positive) {
    positive = positive && !node.excluded;
    Part p;
    switch (node.kind) {
      case Kind::kWords:
        p = words(node, positive);
        break;
      case Kind::kPhrase:
        p = node.tokens.size() == 1 ? words(node, positive) : phrase(node, positive);
        break;
      case Kind::kWildcard:
        p = wildcard(node, positive);
        break;
      case Kind::kFilter:
        p = filter(node.filter);
        break;
      case Kind::kAll:
      case Kind::kAny: {
        std::vector<Part> children;
        for (const QueryNode& child : node.children) {
          children.push_back(part(child, positive));
        }
        p = node.kind == Kind::kAll ? all_of(std::move(children))
                                    : any_of(std::move(children));
        break;
      }
    }
    p.test.excluded = node.excluded;
    return p;
  }

  // True when documents are checked for `term` on a bitmap.
  bool worth_a_bitmap(const std::string& term) {
    return bitmaps_ != nullptr &&
           bitmaps_->worth_it(stats_.frequencies->get(term), db_.get_doccount());
  }

  // Notes the words of `node` as searched for.
  void note_words(const QueryNode& node) {
    add_match_terms(node.tokens, options_.accents, plan_.highlight);
    for (const Token& t : node.tokens) {
      plan_.words.push_back({t, node.offset + t.begin, node.offset + t.end, node.field});
    }
  }

  std::vector<std::string> accepted_terms(const std::vector<Token>& tokens, Field field) {
    std::vector<std::string> terms;
    for (const Token& t : tokens)
      terms.push_back(accepted_term(t, field, options_.accents));
    return terms;
  }

  static DocumentTest leaf_test(Kind kind, const std::vector<std::string>& terms) {
    DocumentTest test;
    test.kind = kind;
    for (const std::string& term : terms) test.slots.push_back({{term}});
    test.min_slots = terms.size();
    return test;
  }

  // Returns the variants of the words of `node`, their words highlighted
  // when `positive`.
  std::vector<WordVariant> variants_of(const QueryNode& node, bool positive) {
    if (sources_ == nullptr) return {};
    std::vector<WordVariant> variants =
        word_variants(node.tokens, node.text, node.field, options_.accents, *sources_);
    if (positive) {
      for (const WordVariant& v : variants) {
        if (v.words.size() == 1) {
          if (!v.ambiguous) add_match_terms(v.words, Accents::kAsTyped, plan_.highlight);
          continue;
        }
        std::vector<std::string> run;
        for (const Token& t : v.words) run.push_back(t.folded);
        plan_.highlight.runs.push_back(std::move(run));
      }
    }
    return variants;
  }

  // Every word, each in one of its accepted forms or variants, ranked as
  // words side by side (variants below).
  Part words(const QueryNode& node, bool positive) {
    if (positive) note_words(node);
    const std::vector<std::string> terms = accepted_terms(node.tokens, node.field);
    const std::vector<WordVariant> variants = variants_of(node, positive);
    Part p;
    p.test.kind = Kind::kWords;
    // Remote shards rank without tiers: they cost a match more, which a
    // remote shard pays in round trips.
    WordsRanking ranked = rank_words(node.tokens, node.field, stats_, !remote_);
    const bool plain = node.tokens.size() == 1 && variants.empty() &&
                       matches_folded(node.tokens[0], options_.accents);
    std::vector<Xapian::Query> each, ranking{std::move(ranked.query)};
    std::vector<std::string> on_bitmaps;  // common words, checked on bitmaps
    for (const VariantRun& run : cover(node.tokens.size(), variants)) {
      const std::vector<std::string> literal(terms.begin() + run.begin,
                                             terms.begin() + run.end);
      if (run.variants.empty()) {
        for (const std::string& term : literal) {
          // A plain word's set is its ranking: it keeps its posting list.
          if (!plain && worth_a_bitmap(term)) {
            on_bitmaps.push_back(term);
          } else {
            each.emplace_back(term);
          }
          p.test.slots.push_back({{term}});
        }
        continue;
      }
      std::vector<Xapian::Query> alternatives{all_terms(literal)};
      TermSlot slot{literal};
      for (const WordVariant* v : run.variants) {
        alternatives.push_back(all_terms(v->terms));
        slot.push_back(v->terms);
        ranking.push_back(v->ranking);
      }
      each.push_back(combine(Xapian::Query::OP_OR, alternatives));
      p.test.slots.push_back(std::move(slot));
    }
    if (!on_bitmaps.empty()) {
      each.push_back(all_terms_on_bitmaps(std::move(on_bitmaps), *bitmaps_));
    }
    p.test.min_slots = p.test.slots.size();
    p.set = combine(Xapian::Query::OP_AND, each);
    p.query = plain ? p.set
                    : Xapian::Query(Xapian::Query::OP_FILTER,
                                    combine(Xapian::Query::OP_OR, ranking), p.set);
    p.tier = std::move(ranked.first_tier);
    return p;
  }

  // The top-level words of several nodes, of which options_.min_words must
  // match, ranked as each node's words side by side.
  Part pooled_words(const std::vector<const QueryNode*>& nodes) {
    std::vector<std::string> terms;
    std::vector<Xapian::Query> ranking;
    for (const QueryNode* node : nodes) {
      note_words(*node);
      for (std::string& term : accepted_terms(node->tokens, node->field)) {
        terms.push_back(std::move(term));
      }
      ranking.push_back(words_query(node->tokens, node->field, stats_));
    }
    const std::size_t k = std::min(options_.min_words, terms.size());
    Part p;
    p.test = leaf_test(Kind::kWords, terms);
    p.test.min_slots = k;
    p.set = at_least(terms, k);
    p.query = Xapian::Query(Xapian::Query::OP_FILTER,
                            combine(Xapian::Query::OP_OR, ranking), p.set);
    return p;
  }

  Part phrase(const QueryNode& node, bool positive) {
    if (positive) note_words(node);
    std::vector<Part> alternatives{literal_phrase(node)};
    // A phrase that is a whole form of a synonym group or a name also
    // matches its other ways of writing.
    for (const WordVariant& v : variants_of(node, positive)) {
      if (v.begin != 0 || v.end != node.tokens.size()) continue;
      Part alt;
      alt.test.kind = Kind::kWords;
      alt.test.slots.push_back({v.terms});
      alt.test.min_slots = 1;
      alt.set = all_terms(v.terms);
      alt.query = Xapian::Query(Xapian::Query::OP_FILTER, v.ranking, alt.set);
      alternatives.push_back(std::move(alt));
    }
    if (alternatives.size() == 1) return std::move(alternatives[0]);
    return any_of(std::move(alternatives));
  }

  // The phrase of `node` in its words as typed.
  Part literal_phrase(const QueryNode& node) {
    Part p;
    std::vector<std::string> terms = accepted_terms(node.tokens, node.field);
    for (std::string& pair : joined_pair_terms(node.tokens, node.field)) {
      terms.push_back(std::move(pair));
    }
    p.test = leaf_test(Kind::kPhrase, terms);
    PhraseCheck check = phrase_check(node.tokens, node.field, options_.accents);
    if (!decided_by_index(check)) {
      p.test.phrase = std::move(check);
      p.test.needs_text = true;
    }
    p.query = phrase_query(node.tokens, node.field, options_.accents);
    p.set = all_terms(terms);
    return p;
  }

  Part wildcard(const QueryNode& node, bool positive) {
    const Token& prefix = node.tokens.back();
    const std::vector<Token> leading(node.tokens.begin(), node.tokens.end() - 1);
    std::vector<std::string> expansions =
        wildcard_terms(prefix, node.field, db_, positive ? &plan_.highlight : nullptr);
    Part p;
    const std::vector<std::string> terms = accepted_terms(leading, node.field);
    p.test = leaf_test(Kind::kWildcard, terms);
    TermSlot any_expansion;
    for (const std::string& term : expansions) any_expansion.push_back({term});
    p.test.slots.push_back(std::move(any_expansion));
    ++p.test.min_slots;
    p.query = expansions.empty() ? Xapian::Query::MatchNothing
                                 : Xapian::Query(Xapian::Query::OP_OR, expansions.begin(),
                                                 expansions.end());
    p.set = p.query;
    if (!leading.empty()) {
      QueryNode words_node = node;
      words_node.tokens = leading;
      const Part before = words(words_node, positive);
      p.query = Xapian::Query(Xapian::Query::OP_AND, before.query, p.query);
      p.set = Xapian::Query(Xapian::Query::OP_AND, before.set, p.set);
    }
    return p;
  }

  static Part filter(const QueryFilter& filter) {
    Part p;
    p.test.kind = Kind::kFilter;
    if (filter.kind == QueryFilter::Kind::kDate) {
      p.test.dates = filter.dates;
      p.query = p.set = date_filter(filter.dates);
      return p;
    }
    if (filter.kind == QueryFilter::Kind::kUrl && is_url_prefix(filter.value)) {
      p.test = leaf_test(Kind::kFilter, {});
      p.test.term_prefix = schema::kUrlPrefix + filter.value;
      p.query = p.set = Xapian::Query(Xapian::Query::OP_WILDCARD, p.test.term_prefix);
      return p;
    }
    const std::string term = filter_term(filter);
    p.test = leaf_test(Kind::kFilter, {term});
    p.query = p.set = Xapian::Query(term);
    return p;
  }

  // Every part must match: the included ones' queries ANDed, filters
  // applied, excluded parts removed where their query decides them.
  static Part all_of(std::vector<Part> parts) {
    return joined(Kind::kAll, std::move(parts), &Planner::all_of);
  }

  // One part must match.
  static Part any_of(std::vector<Part> parts) {
    return joined(Kind::kAny, std::move(parts), &Planner::any_of);
  }

  using JoinQueries = Xapian::Query (*)(const std::vector<Part>&, Xapian::Query Part::*);

  // Returns `parts` as one part of `kind`: ranking query and match set each
  // joined by `join`, the parts' checks its children.
  static Part joined(Kind kind, std::vector<Part> parts, JoinQueries join) {
    Part out;
    out.test.kind = kind;
    out.query = join(parts, &Part::query);
    out.set = join(parts, &Part::set);
    if (kind == Kind::kAll) {  // a tier of one included part is one of the whole
      for (const Part& p : parts) {
        if (p.test.excluded || p.tier.empty()) continue;
        out.tier = p.tier;
        break;
      }
    }
    for (Part& p : parts) {
      out.test.needs_text = out.test.needs_text || p.test.needs_text;
      out.test.children.push_back(std::move(p.test));
    }
    return out;
  }

  // Returns the included parts' `member` queries ANDed, filters applied and
  // excluded parts removed where their query decides them.
  static Xapian::Query all_of(const std::vector<Part>& parts,
                              Xapian::Query Part::*member) {
    std::vector<Xapian::Query> included, filters, excluded;
    for (const Part& p : parts) {
      if (p.test.excluded) {
        if (!p.test.needs_text) excluded.push_back(p.set);
      } else if (p.test.kind == Kind::kFilter) {
        filters.push_back(p.set);
      } else {
        included.push_back(p.*member);
      }
    }
    Xapian::Query out = included.empty() ? Xapian::Query::MatchAll
                                         : combine(Xapian::Query::OP_AND, included);
    if (!filters.empty()) {
      out = Xapian::Query(Xapian::Query::OP_FILTER, out,
                          combine(Xapian::Query::OP_AND, filters));
    }
    if (!excluded.empty()) {
      out = Xapian::Query(Xapian::Query::OP_AND_NOT, out,
                          combine(Xapian::Query::OP_OR, excluded));
    }
    return out;
  }

  // Returns the parts' `member` queries ORed; an excluded part stands for
  // every document its query does not decide against.
  static Xapian::Query any_of(const std::vector<Part>& parts,
                              Xapian::Query Part::*member) {
    std::vector<Xapian::Query> alternatives;
    for (const Part& p : parts) {
      if (!p.test.excluded) {
        alternatives.push_back(p.*member);
      } else if (p.test.needs_text) {
        alternatives.push_back(Xapian::Query::MatchAll);  // checked on the text
      } else {
        alternatives.emplace_back(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll,
                                  p.set);
      }
    }
    return combine(Xapian::Query::OP_OR, alternatives);
  }

  const Xapian::Database& db_;
  bool remote_;  // some shard of db_ is remote
  TermStats stats_;
  const PlanOptions& options_;
  const VariantSources* sources_;  // nullptr: words match as typed only
  TermBitmaps* bitmaps_;           // nullptr: every word on its posting list
  QueryPlan& plan_;
};

}  // namespace

QueryPlan plan_query(const QueryNode& root, const Xapian::Database& db, bool remote,
                     const PlanOptions& options, const VariantSources* sources,
                     TermBitmaps* bitmaps) {
  QueryPlan plan;
  TermFrequencies own(db, remote);
  TermFrequencies& frequencies =
      sources != nullptr && sources->frequencies != nullptr ? *sources->frequencies : own;
  Part p = Planner(db, remote, frequencies, options, sources, bitmaps, plan).root(root);
  plan.query = std::move(p.query);
  plan.match_set = std::move(p.set);
  if (!p.test.excluded) plan.first_tier = std::move(p.tier);
  plan.test = std::move(p.test);
  return plan;
}

MatchTerms highlight_terms(std::string_view text, Analyzer& analyzer) {
  const Xapian::WritableDatabase empty(std::string(), Xapian::DB_BACKEND_INMEMORY);
  return plan_query(parse_query(text, analyzer), empty, false).highlight;
}

std::size_t top_level_words(const QueryNode& root) {
  if (is_top_level_words(root)) return root.tokens.size();
  if (root.kind != Kind::kAll || root.excluded) return 0;
  std::size_t words = 0;
  for (const QueryNode& child : root.children) {
    if (is_top_level_words(child)) words += child.tokens.size();
  }
  return words;
}

std::vector<std::size_t> relaxed_word_counts(std::size_t words) {
  std::vector<std::size_t> counts;
  for (std::size_t k = words; k-- > 1;) {
    if (subsets(words, k, kMaxWordSubsets) <= kMaxWordSubsets) counts.push_back(k);
  }
  if (words > 1 && (counts.empty() || counts.back() != 1)) counts.push_back(1);
  return counts;
}

}  // namespace vnews
