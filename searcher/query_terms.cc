#include "query_terms.h"

#include <algorithm>

#include "vnews/schema.h"

namespace vnews {
namespace {

// An accented query word also matches its other accent forms at this share
// of the weight, so that exact matches rank first ("bán" over "bạn").
constexpr double kOtherAccentsWeight = 0.3;

// A long query keeps its kSelectingParts rarest parts (words and word pairs,
// by their document frequency in the whole database), as Xapian's
// OP_ELITE_SET would: common words add little weight but cost most of the
// matching time. Measured on the dev queries: MRR unchanged, matching 2.5x
// fewer instructions than with the common parts as extra weight (see
// bench/quality). Frequencies come from the whole set of databases, so shards
// select like one database (OP_ELITE_SET chooses per shard).
constexpr std::size_t kSelectingParts = 8;

// One part of a words query and the term whose frequency says how selective
// it is.
struct Part {
  Xapian::Query query;
  std::string selector;
};

// Returns the document frequency of each part's selector in `stats`.
std::vector<Xapian::doccount> frequencies(const std::vector<Part>& parts,
                                          const TermStats& stats) {
  std::vector<Xapian::doccount> df;
  if (!stats.remote) {
    // Local shards: a B-tree lookup per term, much cheaper than a match.
    for (const Part& p : parts) df.push_back(stats.db->get_termfreq(p.selector));
    return df;
  }
  // One empty match gathers every frequency at once: one round trip per
  // remote shard, where get_termfreq() would take one per term.
  std::vector<Xapian::Query> selectors;
  for (const Part& p : parts) selectors.emplace_back(p.selector);
  Xapian::Enquire enquire(*stats.db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, selectors.begin(), selectors.end()));
  const Xapian::MSet mset = enquire.get_mset(0, 0);
  for (const Part& p : parts) df.push_back(mset.get_termfreq(p.selector));
  return df;
}

// Returns OR(parts), or, for a long query with a database in `stats`, the
// OR of its rarest parts. Terms absent from the database match nothing and
// go last.
Xapian::Query combine(std::vector<Part>& parts, const TermStats& stats) {
  std::vector<Xapian::Query> selecting;
  if (stats.db == nullptr || parts.size() <= kSelectingParts) {
    for (Part& p : parts) selecting.push_back(p.query);
    return Xapian::Query(Xapian::Query::OP_OR, selecting.begin(), selecting.end());
  }
  const std::vector<Xapian::doccount> frequency = frequencies(parts, stats);
  std::vector<std::pair<Xapian::doccount, std::size_t>> order;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const Xapian::doccount df = frequency[i];
    order.emplace_back(df == 0 ? Xapian::doccount(-1) : df, i);
  }
  std::stable_sort(order.begin(), order.end());
  for (std::size_t rank = 0; rank < kSelectingParts; ++rank) {
    selecting.push_back(parts[order[rank].second].query);
  }
  return Xapian::Query(Xapian::Query::OP_OR, selecting.begin(), selecting.end());
}

Xapian::Query bigram_query(const Token& a, const Token& b) {
  return Xapian::Query(schema::kBigramPrefix + a.folded + ' ' + b.folded);
}

const char* exact_prefix(Field field) {
  return field == Field::kTitle ? schema::kTitlePrefix : "";
}
const char* folded_prefix(Field field) {
  return field == Field::kTitle ? schema::kFoldedTitlePrefix : schema::kFoldedPrefix;
}

// The term of `token` in exactly the form typed: its folded term for a word
// of a single form, which has no other (Token::single_form()).
std::string exact_term(const Token& token, Field field) {
  if (token.single_form()) return folded_prefix(field) + token.folded;
  return exact_prefix(field) + token.term;
}

// True when any of `tokens` carries diacritics: the user is typing them.
bool typing_accents(const std::vector<Token>& tokens) {
  return std::any_of(tokens.begin(), tokens.end(),
                     [](const Token& t) { return t.accented(); });
}

// Matches `token` exactly as typed first, then its other accent forms.
Xapian::Query as_typed_query(const Token& token, Field field) {
  if (token.single_form()) return Xapian::Query(exact_term(token, field));
  return Xapian::Query(
      Xapian::Query::OP_OR, Xapian::Query(exact_prefix(field) + token.term),
      Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                    Xapian::Query(folded_prefix(field) + token.folded),
                    kOtherAccentsWeight));
}

}  // namespace

Xapian::Query word_query(const Token& token, Field field) {
  if (!token.accented()) return Xapian::Query(folded_prefix(field) + token.folded);
  return as_typed_query(token, field);
}

Xapian::Query words_query(const std::vector<Token>& tokens, Field field,
                          const TermStats& stats) {
  const bool as_typed = typing_accents(tokens);
  std::vector<Part> parts;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (as_typed) {
      parts.push_back({as_typed_query(t, field), exact_term(t, field)});
    } else {
      parts.push_back({word_query(t, field), folded_prefix(field) + t.folded});
    }
    if (i > 0 && t.joined && field == Field::kAll) {
      const Xapian::Query pair = bigram_query(tokens[i - 1], t);
      parts.push_back({pair, *pair.get_terms_begin()});
    }
  }
  return combine(parts, stats);
}

namespace {

// The terms of a phrase's words, and of the pairs of them the query joins.
struct PhraseTerms {
  bool exact = false;  // the words' exact forms, else any accents
  std::vector<Xapian::Query> words, pairs;
  bool all_joined = true;
};

PhraseTerms phrase_terms(const std::vector<Token>& tokens, Field field) {
  PhraseTerms p;
  p.exact = field == Field::kTitle || typing_accents(tokens);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    p.words.emplace_back(p.exact ? exact_term(t, field) : folded_prefix(field) + t.folded);
    if (i == 0) continue;
    if (t.joined) {
      p.pairs.push_back(bigram_query(tokens[i - 1], t));
    } else {
      p.all_joined = false;
    }
  }
  return p;
}

Xapian::Query all_of(const std::vector<Xapian::Query>& q) {
  return Xapian::Query(Xapian::Query::OP_AND, q.begin(), q.end());
}

}  // namespace

Xapian::Query phrase_query(const std::vector<Token>& tokens, Field field) {
  if (tokens.size() == 1) return word_query(tokens[0], field);
  const PhraseTerms p = phrase_terms(tokens, field);
  // Ranked as the words (typed with diacritics) or as the pairs (without),
  // as positional phrases were; the rest only selects.
  if (p.exact) {
    if (p.pairs.empty()) return all_of(p.words);
    return Xapian::Query(Xapian::Query::OP_FILTER, all_of(p.words), all_of(p.pairs));
  }
  if (p.all_joined) return all_of(p.pairs);
  if (p.pairs.empty()) return all_of(p.words);
  return Xapian::Query(Xapian::Query::OP_FILTER, all_of(p.pairs), all_of(p.words));
}

void add_match_terms(const std::vector<Token>& tokens, MatchTerms& match) {
  const bool as_typed = typing_accents(tokens);
  for (const Token& token : tokens) {
    if (as_typed) {
      match.exact.insert(token.term);
      match.fallback.emplace(token.folded, token.term);
    } else {
      match.folded.insert(token.folded);
    }
  }
}

}  // namespace vnews
