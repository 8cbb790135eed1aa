#include "query_builder.h"

#include <vector>

#include "vnews/error.h"

namespace vnews {
namespace {

// One stretch of the query: free words, or the words of one quoted phrase.
struct Segment {
  std::vector<Token> tokens;
  bool phrase = false;
};

std::vector<Segment> split_segments(std::string_view text, Analyzer& analyzer) {
  std::vector<Segment> segments;
  bool in_quotes = false;
  while (true) {
    const std::size_t quote = text.find('"');
    Segment segment;
    segment.phrase = in_quotes;
    segment.tokens = analyzer.analyze(text.substr(0, quote));
    if (!segment.tokens.empty()) segments.push_back(std::move(segment));
    if (quote == std::string_view::npos) break;
    text.remove_prefix(quote + 1);
    in_quotes = !in_quotes;
  }
  return segments;
}

}  // namespace

QueryPlan build_query(std::string_view text, Analyzer& analyzer,
                      const Xapian::Database* stats) {
  const std::vector<Segment> segments = split_segments(text, analyzer);
  if (segments.empty()) {
    throw QueryError("query '" + std::string(text) + "' has no word to search for");
  }
  QueryPlan plan;
  std::vector<Xapian::Query> required, scored;
  for (const Segment& segment : segments) {
    if (segment.phrase) required.push_back(phrase_query(segment.tokens));
    scored.push_back(words_query(segment.tokens, Field::kAll, stats));
    add_match_terms(segment.tokens, plan.match);
  }
  Xapian::Query ranked(Xapian::Query::OP_OR, scored.begin(), scored.end());
  if (required.empty()) {
    plan.query = ranked;
  } else {
    plan.query = Xapian::Query(
        Xapian::Query::OP_AND_MAYBE,
        Xapian::Query(Xapian::Query::OP_AND, required.begin(), required.end()),
        ranked);
  }
  return plan;
}

}  // namespace vnews
