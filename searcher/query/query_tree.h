// query_tree.h -- a parsed query: what the user asked for, in the words the
// Analyzer made of it, before any Xapian query is built (query_plan.h).
#ifndef VNEWS_SEARCHER_QUERY_QUERY_TREE_H_
#define VNEWS_SEARCHER_QUERY_QUERY_TREE_H_

#include <cstddef>
#include <string>
#include <vector>

#include "query/date_range.h"
#include "vnews/analyzer.h"
#include "vnews/terms.h"

namespace vnews {

// A boolean filter of the query language (category:, date:, source:, id:,
// url:).
struct QueryFilter {
  enum class Kind { kCategory, kDate, kSource, kId, kUrl };
  Kind kind = Kind::kCategory;
  std::string value;  // kCategory, kSource, kId, kUrl: the value as typed
  DateRange dates;    // kDate
};

// One node of a parsed query.
struct QueryNode {
  enum class Kind {
    kWords,     // words typed side by side (`tokens`): every one must match
    kPhrase,    // "a phrase" (`tokens`): its words in one run, in order
    kWildcard,  // xiao* (`tokens`): the last token is a prefix, the others words
    kFilter,    // `filter`
    kAll,       // every child must match (AND, or parts side by side)
    kAny,       // one child must match (OR)
  };
  Kind kind = Kind::kAll;
  // The node matches the documents that do NOT match it (-x, NOT x).
  bool excluded = false;
  Field field = Field::kAll;  // title: words, phrases and wildcards: kTitle
  std::vector<Token> tokens;  // kWords, kPhrase, kWildcard; never empty there
  // kWords typed side by side without operators or '+': a query that
  // matches nothing may be widened to fewer of them (query_plan.h).
  bool widenable = false;
  // The text `tokens` were analyzed from, and its byte offset in the query:
  // token `t` is text.substr(t.begin, t.end - t.begin), typed at query bytes
  // [offset + t.begin, offset + t.end).
  std::string text;
  std::size_t offset = 0;
  QueryFilter filter;               // kFilter
  std::vector<QueryNode> children;  // kAll, kAny; never empty there
};

// Calls `visit` on each node of `node`'s tree, parents before children,
// with whether the node lies under an excluded one (itself included).
template <typename Visit>
void for_each_node(const QueryNode& node, Visit&& visit, bool under_excluded = false) {
  under_excluded = under_excluded || node.excluded;
  visit(node, under_excluded);
  for (const QueryNode& child : node.children)
    for_each_node(child, visit, under_excluded);
}

// Calls `visit` on each node of words or of a phrase in `node`'s tree,
// parents before children.
template <typename Visit>
void for_each_words_node(const QueryNode& node, Visit&& visit) {
  for_each_node(node, [&](const QueryNode& n, bool) {
    if (n.kind == QueryNode::Kind::kWords || n.kind == QueryNode::Kind::kPhrase) visit(n);
  });
}

}  // namespace vnews

#endif  // VNEWS_SEARCHER_QUERY_QUERY_TREE_H_
