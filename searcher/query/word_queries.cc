#include "query/word_queries.h"

#include <algorithm>

namespace vnews {
namespace {

// An accented query word's other accent forms weigh this share of its
// weight, so that exact matches rank first ("bán" over "bạn").
constexpr double kOtherAccentsWeight = 0.3;

// A long query ranks by its kRankingParts rarest parts (words and word pairs,
// by their document frequency in the whole database), as Xapian's
// OP_ELITE_SET would: common words add little weight but cost most of the
// matching time. Frequencies come from the whole set of databases, so shards
// rank like one database (OP_ELITE_SET chooses per shard).
constexpr std::size_t kRankingParts = 8;

// The first tier of a ranking holds the documents of its rarest parts, up to
// about this many documents in all (at least its rarest part): few enough
// that checking each against every word is cheap, however big the database.
constexpr Xapian::doccount kFirstTierDocuments = 3000;

// One part of a ranking query and the term whose frequency says how
// selective it is.
struct RankingPart {
  Xapian::Query query;
  std::string selector;
  bool word = true;  // false: a pair of words
};

// Returns the document frequency of each part's selector in `stats`, asked
// at once.
std::vector<Xapian::doccount> frequencies(const std::vector<RankingPart>& parts,
                                          const TermStats& stats) {
  std::vector<std::string> selectors;
  for (const RankingPart& p : parts) selectors.push_back(p.selector);
  stats.frequencies->prefetch(selectors);
  std::vector<Xapian::doccount> df;
  for (const std::string& term : selectors) df.push_back(stats.frequencies->get(term));
  return df;
}

// The parts of a ranking by their document frequency, rarest first, those
// absent from the database last: (frequency, index into the parts).
using Rarity = std::vector<std::pair<Xapian::doccount, std::size_t>>;

// Returns the rarity of `parts` in `stats`. REQUIRES: stats.frequencies.
Rarity by_rarity(const std::vector<RankingPart>& parts, const TermStats& stats) {
  const std::vector<Xapian::doccount> frequency = frequencies(parts, stats);
  Rarity order;
  for (std::size_t i = 0; i < parts.size(); ++i) order.emplace_back(frequency[i], i);
  std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    return (a.first == 0 ? Xapian::doccount(-1) : a.first) <
           (b.first == 0 ? Xapian::doccount(-1) : b.first);
  });
  return order;
}

// Returns OR(parts), or, for a long query (its `order` known), the OR of
// its rarest parts, with a word among them (weighing nothing when it is not
// among the rarest) so that it matches every document holding all the
// words.
Xapian::Query rarest_parts(const std::vector<RankingPart>& parts, const Rarity* order) {
  std::vector<Xapian::Query> ranking;
  if (order == nullptr || parts.size() <= kRankingParts) {
    for (const RankingPart& p : parts) ranking.push_back(p.query);
    return Xapian::Query(Xapian::Query::OP_OR, ranking.begin(), ranking.end());
  }
  bool weighs_a_word = false;
  for (std::size_t rank = 0; rank < order->size(); ++rank) {
    const RankingPart& part = parts[(*order)[rank].second];
    if (rank < kRankingParts) {
      ranking.push_back(part.query);
      weighs_a_word = weighs_a_word || part.word;
    } else if (part.word && !weighs_a_word) {
      // Every pair is rarer than every word: the rarest word, weighing
      // nothing, matches the documents holding none of the pairs.
      ranking.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, part.query, 0.0);
      weighs_a_word = true;
    }
  }
  return Xapian::Query(Xapian::Query::OP_OR, ranking.begin(), ranking.end());
}

// Returns the first tier of a ranking of `parts` in `order` (see
// WordsRanking), or an empty query.
Xapian::Query first_tier(const std::vector<RankingPart>& parts, const Rarity& order) {
  for (const auto& [df, i] : order) {
    // A word held by few documents already keeps the match small.
    if (parts[i].word && df <= kFirstTierDocuments) return {};
  }
  std::vector<Xapian::Query> rarest;
  Xapian::doccount documents = 0;
  for (const auto& [df, i] : order) {
    if (!rarest.empty() && documents + df > kFirstTierDocuments) break;
    rarest.push_back(parts[i].query);
    documents += df;
  }
  if (rarest.size() == parts.size()) return {};
  return Xapian::Query(Xapian::Query::OP_OR, rarest.begin(), rarest.end());
}

// True when any of `tokens` carries diacritics: the user is typing them.
bool typing_accents(const std::vector<Token>& tokens) {
  return std::any_of(tokens.begin(), tokens.end(),
                     [](const Token& t) { return t.accented(); });
}

// Ranks `token` exactly as typed first, then its other accent forms.
Xapian::Query as_typed_query(const Token& token, Field field) {
  if (token.single_form()) return Xapian::Query(exact_term(token, field));
  return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(exact_term(token, field)),
                       Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                     Xapian::Query(folded_term(token.folded, field)),
                                     kOtherAccentsWeight));
}

// Returns the parts of the ranking of words typed side by side
// (words_query()): each word, and each pair the analyzer joins.
std::vector<RankingPart> ranking_parts(const std::vector<Token>& tokens, Field field) {
  const bool as_typed = typing_accents(tokens);
  std::vector<RankingPart> parts;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (as_typed) {
      parts.push_back({as_typed_query(t, field), exact_term(t, field)});
    } else {
      const std::string folded = folded_term(t.folded, field);
      parts.push_back({Xapian::Query(folded), folded});
    }
    if (i > 0 && t.joined && field == Field::kAll) {
      const std::string pair = pair_term(tokens[i - 1].folded, t.folded);
      parts.push_back({Xapian::Query(pair), pair, false});
    }
  }
  return parts;
}

Xapian::Query all_of(const std::vector<std::string>& terms) {
  return Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end());
}

}  // namespace

bool matches_folded(const Token& token, Accents accents) {
  return !token.accented() || accents == Accents::kAny;
}

std::string accepted_term(const Token& token, Field field, Accents accents) {
  if (matches_folded(token, accents)) return folded_term(token.folded, field);
  return exact_term(token, field);
}

Xapian::Query words_query(const std::vector<Token>& tokens, Field field,
                          const TermStats& stats) {
  return rank_words(tokens, field, stats, false).query;
}

WordsRanking rank_words(const std::vector<Token>& tokens, Field field,
                        const TermStats& stats, bool with_tier) {
  const std::vector<RankingPart> parts = ranking_parts(tokens, field);
  WordsRanking ranking;
  if (stats.frequencies == nullptr || (parts.size() <= kRankingParts && !with_tier) ||
      parts.size() < 2) {
    ranking.query = rarest_parts(parts, nullptr);
    return ranking;
  }
  const Rarity order = by_rarity(parts, stats);
  ranking.query = rarest_parts(parts, &order);
  if (with_tier) ranking.first_tier = first_tier(parts, order);
  return ranking;
}

std::vector<std::string> joined_pair_terms(const std::vector<Token>& tokens,
                                           Field field) {
  std::vector<std::string> pairs;
  if (field != Field::kAll) return pairs;
  for (std::size_t i = 1; i < tokens.size(); ++i) {
    if (tokens[i].joined)
      pairs.push_back(pair_term(tokens[i - 1].folded, tokens[i].folded));
  }
  return pairs;
}

Xapian::Query phrase_query(const std::vector<Token>& tokens, Field field,
                           Accents accents) {
  std::vector<std::string> words;
  for (const Token& t : tokens) words.push_back(accepted_term(t, field, accents));
  if (tokens.size() == 1) return Xapian::Query(words[0]);
  const std::vector<std::string> pairs = joined_pair_terms(tokens, field);
  // Ranked as the words (typed with diacritics) or as the pairs (without),
  // as positional phrases were; the rest only selects.
  if (pairs.empty()) return all_of(words);
  if (typing_accents(tokens)) {
    return Xapian::Query(Xapian::Query::OP_FILTER, all_of(words), all_of(pairs));
  }
  if (pairs.size() + 1 == tokens.size()) return all_of(pairs);  // every word joined
  return Xapian::Query(Xapian::Query::OP_FILTER, all_of(pairs), all_of(words));
}

void add_match_terms(const std::vector<Token>& tokens, Accents accents,
                     MatchTerms& match) {
  for (const Token& token : tokens) {
    if (!token.accented()) {
      match.folded.insert(token.folded);
      continue;
    }
    match.exact.insert(token.term);
    match.exact_folded.insert(token.folded);
    if (accents == Accents::kAny) match.fallback.emplace(token.folded, token.term);
  }
}

}  // namespace vnews
