// query_parser.h -- reads the query language into a QueryNode tree, through
// the same Analyzer as the documents.
//
//   words side by side   every word must match; words typed side by side
//                        rank first where they stand side by side
//   "a phrase"           its words in order, side by side within one field,
//                        with nothing but spaces between the words typed so;
//                        an unbalanced quote runs to the end
//   +word  -word         required (as every word is) / excluded; also
//                        +"phrase", -"phrase", -(a b)
//   a AND b, a OR b, NOT a, ( )   words side by side bind tighter than AND,
//                        AND tighter than OR
//   title:word  title:"a phrase"  title:(a OR b)   in the title only
//   category:NAME  source:NAME  id:ID  (with "quotes" for spaces)   filters
//   url:SITE  url:PREFIX  the site (dantri.com.vn, and its subdomains) or
//                        the urls that start with PREFIX (https://…/kinh-doanh/)
//   date:2017-06-01..2017-06-30, date:2017-06, date:..2017-06-30   filter
//   xiao*                words starting with "xiao"
//
// Operators are upper case; one that lacks an operand is ignored, and so are
// unbalanced parentheses. Punctuation and emoji are not words.
#ifndef VNEWS_SEARCHER_QUERY_QUERY_PARSER_H_
#define VNEWS_SEARCHER_QUERY_QUERY_PARSER_H_

#include <cstddef>
#include <string_view>

#include "query/query_tree.h"
#include "vnews/analyzer.h"

namespace vnews {

// Longest query accepted, in bytes.
inline constexpr std::size_t kMaxQueryBytes = 4096;

// Returns the tree of `text`: a kAll node at the root, or a single node.
// Throws QueryError quoting `text` when it is longer than kMaxQueryBytes,
// holds a word longer than Analyzer::kMaxWordBytes, holds a malformed or
// non-existent date, or has no word or filter to search for.
QueryNode parse_query(std::string_view text, Analyzer& analyzer);

// Returns `text` quoted for an error message: at most about 80 bytes, cut
// at a character boundary.
std::string quote_query(std::string_view text);

}  // namespace vnews

#endif  // VNEWS_SEARCHER_QUERY_QUERY_PARSER_H_
