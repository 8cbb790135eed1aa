#include "query/word_variants.h"

#include <algorithm>

#include "vnews/syllable.h"
#include "vnews/word_forms.h"

namespace vnews {
namespace {

// The weight of a variant, against 1 for the words as typed. Variants widen
// what matches; they barely rank: an article holding both forms must not
// outrank one holding what was typed, and one holding only a variant ranks
// below those holding what was typed, ordered among themselves. Measured on
// bench/quality's body spans: at 0.5 (0.2 for an ambiguous abbreviation),
// three known items fell a rank or more; at these, none.
constexpr double kSynonymWeight = 0.05;
constexpr double kAmbiguousWeight = 0.02;
constexpr double kJoinedWeight = 0.05;
// Runs of up to this many joined words are looked up joined ("lien viet
// post bank" -> lienvietpostbank).
constexpr std::size_t kMaxJoinedWords = 4;
// A word of letters and digits this long is no Vietnamese syllable (those
// have at most 7 letters): it may be words written together.
constexpr std::size_t kMinJoinedBytes = 8;
// Remote shards are asked at once about every part of a joined word up to
// this long (at most 276 terms), before it is cut, not about each in turn;
// then about the pairs of its parts, at most this many.
constexpr std::size_t kMaxAskedSplitBytes = 24;
constexpr std::size_t kMaxAskedSplitPairs = 400;

// Returns the terms a document holds when it holds `words` standing together
// in `field`: each word's accepted term and, over all fields, the pair of
// each two the words join.
std::vector<std::string> run_terms(const std::vector<Token>& words, Field field,
                                   Accents accents) {
  std::vector<std::string> terms;
  for (const Token& t : words) terms.push_back(accepted_term(t, field, accents));
  for (std::string& pair : joined_pair_terms(words, field))
    terms.push_back(std::move(pair));
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  return terms;
}

WordVariant variant(std::size_t begin, std::size_t end, std::vector<Token> words,
                    Field field, Accents accents, double weight) {
  WordVariant v;
  v.begin = begin;
  v.end = end;
  v.terms = run_terms(words, field, accents);
  // A variant of several words and pairs weighs, in all, about what one of
  // its terms does: what was typed ranks first.
  v.ranking =
      Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, phrase_query(words, field, accents),
                    weight / static_cast<double>(v.terms.size()));
  v.words = std::move(words);
  return v;
}

// A word of the index written as `folded`, with its joins.
Token word_token(const std::string& folded, bool joined) {
  Token t;
  t.term = t.folded = folded;
  t.joined = joined;
  return t;
}

class Finder {
 public:
  // `asked`: record every term asked about instead of asking, taking each
  // as held (variant_lookups()).
  Finder(const std::vector<Token>& tokens, std::string_view text, Field field,
         Accents accents, const VariantSources& sources,
         std::vector<std::string>* asked = nullptr)
      : tokens_(tokens),
        text_(text),
        field_(field),
        accents_(accents),
        sources_(sources),
        asked_(asked) {}

  // Returns the pairs split_in_index() may ask about, for every word it
  // may cut.
  std::vector<std::string> split_pairs() const {
    std::vector<std::string> pairs;
    if (sources_.frequencies == nullptr || sources_.analyzer == nullptr ||
        field_ != Field::kAll) {
      return pairs;
    }
    std::vector<std::string> cut, parts;
    for (const Token& t : tokens_) {
      if (t.folded.size() > kMaxAskedSplitBytes || !may_be_joined(t) ||
          !word_parts(text_.substr(t.begin, t.end - t.begin), *sources_.analyzer)
               .empty()) {
        continue;
      }
      cut.push_back(t.folded);
      add_every_part(t.folded, parts);
    }
    // The parts of a short word the lookups did not take as joined, at once.
    sources_.frequencies->prefetch(parts);
    for (const std::string& word : cut) add_adjacent_pairs(word, pairs);
    if (pairs.size() > kMaxAskedSplitPairs) pairs.resize(kMaxAskedSplitPairs);
    return pairs;
  }

  std::vector<WordVariant> find() {
    for (const SynonymTable* table : sources_.synonyms) add_synonyms(*table);
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
      add_joined_run(i);
      add_joined_form(i);
      add_parts(i);
    }
    return std::move(found_);
  }

 private:
  void add_synonyms(const SynonymTable& table) {
    for (const SynonymAlternative& alt : table.alternatives(tokens_)) {
      const bool ambiguous = alt.group->ambiguous;
      if (ambiguous && alt.form->abbreviation) continue;  // a long form was typed
      found_.push_back(variant(alt.begin, alt.end, alt.form->tokens, field_,
                               Accents::kAsTyped,
                               ambiguous ? kAmbiguousWeight : kSynonymWeight));
      found_.back().ambiguous = ambiguous;
    }
  }

  // True when the index holds `term` (remote shards too, so that they find
  // what local ones would).
  bool may_hold(const std::string& term) const { return frequency(term) > 0; }

  Xapian::doccount frequency(const std::string& term) const {
    if (asked_ != nullptr) {
      asked_->push_back(term);
      return 1;
    }
    return sources_.frequencies == nullptr ? 0 : sources_.frequencies->get(term);
  }

  // "tp hcm" -> tphcm, when the index holds it.
  void add_joined_run(std::size_t first) {
    for (std::size_t end = first + 2;
         end <= tokens_.size() && end - first <= kMaxJoinedWords &&
         tokens_[end - 1].joined;
         ++end) {
      const std::string joined = joined_word(tokens_, first, end);
      if (!may_hold(folded_term(joined, field_))) continue;
      found_.push_back(variant(first, end, {word_token(joined, false)}, field_,
                               Accents::kAsTyped, kJoinedWeight));
    }
  }

  // "tp.hcm" -> tphcm, "1.000" -> 1000: the index holds it beside the word.
  void add_joined_form(std::size_t i) {
    const std::string joined = joined_form(tokens_[i]);
    if (joined.empty()) return;
    found_.push_back(variant(i, i + 1, {word_token(joined, false)}, field_,
                             Accents::kAsTyped, kJoinedWeight));
  }

  // "TP.HCM" -> tp hcm, "covid19" -> covid 19, "LienVietPostBank" -> lien viet
  // post bank; a joined word the index lacks, cut where its terms and pairs
  // say ("lienvietpostbank").
  void add_parts(std::size_t i) {
    if (sources_.frequencies == nullptr || sources_.analyzer == nullptr) return;
    const Token& t = tokens_[i];
    std::vector<Token> parts =
        word_parts(text_.substr(t.begin, t.end - t.begin), *sources_.analyzer);
    if (parts.empty() && may_be_joined(t)) parts = split_in_index(t.folded);
    if (parts.size() < 2) return;
    WordVariant v = variant(i, i + 1, std::move(parts), field_, accents_, kJoinedWeight);
    if (std::all_of(v.terms.begin(), v.terms.end(),
                    [&](const std::string& term) { return may_hold(term); })) {
      found_.push_back(std::move(v));
    }
  }

  // True for a word that may be several written together: letters and
  // digits, longer than any Vietnamese syllable ("lienvietpostbank"), of
  // two syllables' vowels ("wifi", "vietnam"), or one the index does not
  // hold.
  bool may_be_joined(const Token& t) const {
    const std::string& w = t.folded;
    if (!std::all_of(w.begin(), w.end(), [](char c) {
          return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        })) {
      return false;
    }
    return w.size() >= kMinJoinedBytes || has_several_vowel_groups(w) ||
           frequency(folded_term(w, field_)) == 0;
  }

  std::vector<Token> split_in_index(const std::string& folded) const {
    if (asked_ != nullptr) {  // the cut depends on the answers: ask every part
      ask_every_part(folded);
      return {};
    }
    const std::vector<std::string> cut = split_word(
        folded,
        [&](std::string_view part) { return may_hold(folded_term(part, field_)); },
        [&](std::string_view left, std::string_view right) {
          return field_ != Field::kAll || may_hold(pair_term(left, right));
        });
    std::vector<Token> parts;
    for (const std::string& part : cut) parts.push_back(word_token(part, !parts.empty()));
    return parts;
  }

  // Records the folded term of every part split_word() may try in `word`
  // (of at least two characters), when the word is short enough for them to
  // be few.
  void ask_every_part(const std::string& word) const {
    if (word.size() <= kMaxAskedSplitBytes) add_every_part(word, *asked_);
  }

  // Adds to `terms` the folded term of every part of `word` of at least two
  // characters.
  void add_every_part(std::string_view word, std::vector<std::string>& terms) const {
    for (std::size_t begin = 0; begin + 2 <= word.size(); ++begin) {
      for (std::size_t end = begin + 2; end <= word.size(); ++end) {
        terms.push_back(folded_term(word.substr(begin, end - begin), field_));
      }
    }
  }

  // Adds to `pairs` the pair of every two adjacent parts of `word` that
  // split_word() may try: parts the index holds, the first starting where
  // such parts lead from the word's start, the second ending at the word's
  // end or two characters or more before it.
  void add_adjacent_pairs(std::string_view word, std::vector<std::string>& pairs) const {
    const std::size_t n = word.size();
    const auto held = [&](std::size_t begin, std::size_t end) {
      return may_hold(folded_term(word.substr(begin, end - begin), field_));
    };
    std::vector<bool> reached(n + 1, false);  // a cut of held parts ends there
    reached[0] = true;
    for (std::size_t begin = 0; begin + 2 <= n; ++begin) {
      if (!reached[begin]) continue;
      for (std::size_t middle = begin + 2; middle + 2 <= n; ++middle) {
        if (!held(begin, middle)) continue;
        reached[middle] = true;
        for (std::size_t end = middle + 2; end <= n; ++end) {
          if ((end == n || end + 2 <= n) && held(middle, end)) {
            pairs.push_back(pair_term(word.substr(begin, middle - begin),
                                      word.substr(middle, end - middle)));
          }
        }
      }
    }
  }

  const std::vector<Token>& tokens_;
  std::string_view text_;
  Field field_;
  Accents accents_;
  const VariantSources& sources_;
  std::vector<std::string>* asked_;
  std::vector<WordVariant> found_;
};

}  // namespace

std::vector<WordVariant> word_variants(const std::vector<Token>& tokens,
                                       std::string_view text, Field field,
                                       Accents accents, const VariantSources& sources) {
  return Finder(tokens, text, field, accents, sources).find();
}

std::vector<std::string> variant_lookups(const std::vector<Token>& tokens,
                                         std::string_view text, Field field,
                                         Accents accents, const VariantSources& sources) {
  std::vector<std::string> asked;
  std::vector<WordVariant> found =
      Finder(tokens, text, field, accents, sources, &asked).find();
  for (const WordVariant& v : found)
    asked.insert(asked.end(), v.terms.begin(), v.terms.end());
  return asked;
}

std::vector<std::string> split_pair_lookups(const std::vector<Token>& tokens,
                                            std::string_view text, Field field,
                                            const VariantSources& sources) {
  return Finder(tokens, text, field, Accents::kAsTyped, sources).split_pairs();
}

}  // namespace vnews
