#include "query_builder.h"

#include <vector>

#include "vnews/error.h"
#include "vnews/schema.h"

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

Xapian::Query syllable_query(const Token& token) {
  const Xapian::Query folded(schema::kFoldedPrefix + token.folded);
  if (!token.accented()) return folded;
  return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(token.term), folded);
}

Xapian::Query bigram_query(const Token& a, const Token& b) {
  return Xapian::Query(schema::kBigramPrefix + a.folded + ' ' + b.folded);
}

// A phrase typed with any diacritics must match its exact syllables in order;
// one typed without must match each adjacent pair of folded syllables.
Xapian::Query phrase_query(const std::vector<Token>& tokens) {
  if (tokens.size() == 1) return syllable_query(tokens[0]);
  std::vector<Xapian::Query> parts;
  bool accented = false;
  for (const Token& t : tokens) accented = accented || t.accented();
  if (accented) {
    for (const Token& t : tokens) parts.emplace_back(t.term);
    return Xapian::Query(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(),
                         static_cast<Xapian::termcount>(parts.size()));
  }
  for (std::size_t i = 1; i < tokens.size(); ++i) {
    parts.push_back(bigram_query(tokens[i - 1], tokens[i]));
  }
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

void add_match_terms(const Token& token, MatchTerms& match) {
  if (token.accented()) {
    match.exact.insert(token.term);
    match.fallback.emplace(token.folded, token.term);
  } else {
    match.folded.insert(token.folded);
  }
}

}  // namespace

QueryPlan build_query(std::string_view text, Analyzer& analyzer) {
  const std::vector<Segment> segments = split_segments(text, analyzer);
  if (segments.empty()) {
    throw QueryError("query '" + std::string(text) + "' has no word to search for");
  }
  QueryPlan plan;
  std::vector<Xapian::Query> required, scored;
  for (const Segment& segment : segments) {
    if (segment.phrase) required.push_back(phrase_query(segment.tokens));
    for (std::size_t i = 0; i < segment.tokens.size(); ++i) {
      const Token& token = segment.tokens[i];
      add_match_terms(token, plan.match);
      scored.push_back(syllable_query(token));
      if (i > 0 && token.joined) {
        scored.push_back(bigram_query(segment.tokens[i - 1], token));
      }
    }
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
