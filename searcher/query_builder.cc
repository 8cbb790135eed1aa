#include "query_builder.h"

#include <optional>
#include <utility>
#include <vector>

#include "date_range.h"
#include "extra_terms.h"
#include "query_lexer.h"
#include "vnews/boolean_terms.h"
#include "vnews/error.h"

namespace vnews {
namespace {

// Parentheses nested deeper than this are ignored, so the parser's recursion
// stays shallow whatever the input.
constexpr int kMaxDepth = 32;

// What one part of the query contributes.
struct Part {
  enum Role { kOptional, kRequired, kExcluded, kFilter };
  Role role = kOptional;
  bool none = true;          // contributes nothing (e.g. only punctuation)
  Xapian::Query ranked;      // see QueryPlan::query
  Xapian::Query strict;      // see QueryPlan::strict
  bool relaxed = false;      // `strict` matches fewer documents than `ranked`
  bool bare = false;         // plain words not yet compiled: bytes [begin, end)
  std::size_t begin = 0, end = 0;
  // What every document matching `ranked` must keep, checked on its text:
  // phrase queries only select the documents that may hold them.
  std::vector<PhraseRule> rules;
  // Set when the part is one phrase of several words: it matches exactly
  // the documents holding it.
  std::optional<PhraseCheck> phrase;
  // The queries of the excluded phrases among `rules`, which `ranked` and
  // `strict` do not exclude: see unchecked().
  std::vector<Xapian::Query> checked_exclusions;

  static Part of(Xapian::Query q, Role role) {
    Part p;
    p.none = false;
    p.role = role;
    p.ranked = q;
    p.strict = std::move(q);
    return p;
  }
};

Xapian::Query combine(Xapian::Query::op op, const std::vector<Xapian::Query>& parts) {
  if (parts.size() == 1) return parts[0];
  return Xapian::Query(op, parts.begin(), parts.end());
}

// Returns the query matching documents holding every word of `tokens`,
// ranked by the words alone. REQUIRES: !tokens.empty().
Xapian::Query every_word_query(const std::vector<Token>& tokens, Field field) {
  std::vector<Xapian::Query> each;
  for (const Token& t : tokens) each.push_back(word_query(t, field));
  return combine(Xapian::Query::OP_AND, each);
}

// Returns the query matching documents holding every word of `tokens`,
// ranked as words side by side. REQUIRES: !tokens.empty().
Xapian::Query all_words_query(const std::vector<Token>& tokens, Field field,
                              const TermStats& stats) {
  const Xapian::Query ranked = words_query(tokens, field, stats);
  if (tokens.size() == 1) return ranked;
  return Xapian::Query(Xapian::Query::OP_FILTER, ranked, every_word_query(tokens, field));
}

Part signed_part(Xapian::Query q, char sign, Part::Role unsigned_role) {
  return Part::of(std::move(q), sign == '-'   ? Part::kExcluded
                                : sign == '+' ? Part::kRequired
                                              : unsigned_role);
}

class Parser {
 public:
  Parser(std::string_view text, Analyzer& analyzer, const Xapian::Database* db, bool remote,
         QueryPlan& plan)
      : text_(text),
        lexemes_(lex_query(text)),
        analyzer_(analyzer),
        db_(db),
        stats_{db, remote},
        plan_(plan) {}

  Part parse() {
    Part p;
    while (pos_ < lexemes_.size()) {  // a stray ')' ends parse_or early: go on
      std::vector<Part> parts;
      if (!p.none) parts.push_back(std::move(p));
      parts.push_back(parse_or());
      p = join(std::move(parts), false);
      if (pos_ < lexemes_.size() && lexemes_[pos_].kind == Lexeme::kClose) ++pos_;
    }
    return compiled(std::move(p));
  }

 private:
  bool operand_at(std::size_t i) const {
    if (i >= lexemes_.size()) return false;
    const Lexeme::Kind k = lexemes_[i].kind;
    return k == Lexeme::kWord || k == Lexeme::kPhrase || k == Lexeme::kOpen ||
           (k == Lexeme::kNot && operand_at(i + 1));
  }

  Part parse_or() {
    std::vector<Part> alternatives;
    alternatives.push_back(compiled(parse_sequence()));
    while (pos_ < lexemes_.size() && lexemes_[pos_].kind == Lexeme::kOr) {
      ++pos_;
      alternatives.push_back(compiled(parse_sequence()));
    }
    // Alternatives that are all phrases are checked as "one of them"; among
    // others, each alternative matches as its query alone.
    PhraseRule any_phrase;
    bool all_phrases = true, checked = false;
    std::size_t count = 0;
    for (const Part& p : alternatives) {
      if (p.none) continue;
      ++count;
      all_phrases = all_phrases && p.phrase.has_value();
      if (p.phrase) any_phrase.any_of.push_back(*p.phrase);
      checked = checked || !p.rules.empty();
    }
    if (count <= 1) {
      for (Part& p : alternatives) {
        if (!p.none) return std::move(p);
      }
      return Part();
    }
    std::vector<Xapian::Query> ranked, strict;
    bool relaxed = false;
    for (Part& raw : alternatives) {
      if (raw.none) continue;
      const Part p = all_phrases ? std::move(raw) : unchecked(std::move(raw));
      ranked.push_back(p.ranked);
      strict.push_back(p.strict);
      relaxed = relaxed || p.relaxed;
    }
    Part out = Part::of(combine(Xapian::Query::OP_OR, ranked), Part::kOptional);
    out.strict = combine(Xapian::Query::OP_OR, strict);
    out.relaxed = relaxed;
    if (all_phrases && checked) out.rules.push_back(std::move(any_phrase));
    return out;
  }

  Part parse_sequence() {
    std::vector<Part> parts;
    while (pos_ < lexemes_.size()) {
      const Lexeme::Kind k = lexemes_[pos_].kind;
      if (k == Lexeme::kClose) break;
      if (k == Lexeme::kOr && !parts.empty() && operand_at(pos_ + 1)) break;
      parts.push_back(parse_and());
    }
    return join(std::move(parts), false);
  }

  Part parse_and() {
    std::vector<Part> operands;
    operands.push_back(parse_unary());
    while (pos_ < lexemes_.size() && lexemes_[pos_].kind == Lexeme::kAnd &&
           operand_at(pos_ + 1)) {
      ++pos_;
      operands.push_back(parse_unary());
    }
    if (operands.size() == 1) return std::move(operands[0]);
    return join(std::move(operands), true);
  }

  Part parse_unary() {
    const Lexeme& lx = lexemes_[pos_++];
    switch (lx.kind) {
      case Lexeme::kNot:
        if (operand_at(pos_)) {
          Part p = compiled(parse_unary());
          if (!p.none) p.role = Part::kExcluded;
          return p;
        }
        return bare(lx);
      case Lexeme::kOpen:
        return parse_group(lx);
      case Lexeme::kClose:
        return Part();
      case Lexeme::kPhrase:
        return phrase(in_group_field(lx));
      default:
        return word(in_group_field(lx));
    }
  }

  // Returns `lx` with the field of the groups around it ("title:(a b)") when
  // it names none of its own.
  Lexeme in_group_field(Lexeme lx) const {
    if (lx.field == Lexeme::kNoField) lx.field = group_field_;
    return lx;
  }

  Part parse_group(const Lexeme& open) {
    if (depth_ >= kMaxDepth) return Part();
    ++depth_;
    const Lexeme::FieldName outer_field = group_field_;
    if (open.field != Lexeme::kNoField) group_field_ = open.field;
    Part p = parse_or();
    group_field_ = outer_field;
    --depth_;
    if (pos_ < lexemes_.size() && lexemes_[pos_].kind == Lexeme::kClose) ++pos_;
    if (p.none || open.sign == 0) return p;
    if (open.sign == '-') {
      p.role = Part::kExcluded;
    } else if (p.role == Part::kOptional) {
      p.role = Part::kRequired;
    }
    return p;
  }

  Part phrase(const Lexeme& lx) {
    if (lx.field == Lexeme::kCategoryField || lx.field == Lexeme::kDateField) {
      return filter(lx);
    }
    const std::vector<Token> tokens = analyzer_.analyze(lx.text);
    if (tokens.empty()) return Part();
    const Field field = lx.field == Lexeme::kTitleField ? Field::kTitle : Field::kAll;
    if (lx.sign == '-') return excluded_part(tokens, field);
    note_words(tokens);
    return phrase_part(tokens, field);
  }

  // Returns the required part for the phrase `tokens` in `field`.
  static Part phrase_part(const std::vector<Token>& tokens, Field field) {
    Part p = Part::of(phrase_query(tokens, field), Part::kRequired);
    if (tokens.size() == 1) return p;
    p.phrase = phrase_check(tokens, field);
    if (!decided_by_index(*p.phrase)) p.rules.push_back({{*p.phrase}, false});
    return p;
  }

  // Returns the part excluding `tokens` in `field`: a word, or a phrase.
  static Part excluded_part(const std::vector<Token>& tokens, Field field) {
    if (tokens.size() == 1) return Part::of(excluded_query(tokens, field), Part::kExcluded);
    Part p = phrase_part(tokens, field);
    p.role = Part::kExcluded;
    return p;
  }

  Part word(const Lexeme& lx) {
    if (lx.field == Lexeme::kCategoryField || lx.field == Lexeme::kDateField) {
      return filter(lx);
    }
    const bool title = lx.field == Lexeme::kTitleField;
    if (!title && !lx.wildcard && lx.sign == 0) return bare(lx);
    const std::vector<Token> tokens = analyzer_.analyze(lx.text);
    if (tokens.empty()) return Part();
    const Field field = title ? Field::kTitle : Field::kAll;
    if (lx.wildcard) return wildcard(lx, tokens, field);
    if (lx.sign == '-') return excluded_part(tokens, field);
    note_words(tokens);
    if (title) return phrase_part(tokens, field);
    return Part::of(all_words_query(tokens, field, stats_), Part::kRequired);
  }

  Part wildcard(const Lexeme& lx, std::vector<Token> tokens, Field field) {
    MatchTerms scratch;
    MatchTerms& match = lx.sign == '-' ? scratch : plan_.match;
    Xapian::Query q = wildcard_query(tokens.back(), field, db_, match);
    tokens.pop_back();
    if (!tokens.empty()) {
      if (lx.sign != '-') note_words(tokens);
      q = Xapian::Query(Xapian::Query::OP_AND, all_words_query(tokens, field, stats_), q);
    }
    return signed_part(std::move(q), lx.sign, Part::kOptional);
  }

  Part filter(const Lexeme& lx) {
    if (lx.text.empty()) return Part();
    Xapian::Query q;
    if (lx.field == Lexeme::kDateField) {
      q = date_filter(parse_date_range(lx.text));
    } else {
      q = Xapian::Query(category_term(std::string(lx.text)));
    }
    return signed_part(std::move(q), lx.sign, Part::kFilter);
  }

  static Part bare(const Lexeme& lx) {
    Part p;
    p.none = false;
    p.bare = true;
    p.begin = lx.begin;
    p.end = lx.end;
    return p;
  }

  void note_words(const std::vector<Token>& tokens) {
    add_match_terms(tokens, plan_.match);
    plan_.words.insert(plan_.words.end(), tokens.begin(), tokens.end());
  }

  // Returns `p` with its plain words turned into their query.
  Part compiled(Part p) {
    if (!p.bare) return p;
    const std::vector<Token> tokens = analyzer_.analyze(text_.substr(p.begin, p.end - p.begin));
    if (tokens.empty()) return Part();
    note_words(tokens);
    Part out = Part::of(words_query(tokens, Field::kAll, stats_), Part::kOptional);
    if (tokens.size() > 1) {
      out.strict = every_word_query(tokens, Field::kAll);
      out.relaxed = true;
    }
    return out;
  }

  // Returns `p` matching as its queries alone, where its rules cannot be
  // checked: its excluded phrases exclude every document their queries
  // match, and its other phrases match as their words and pairs.
  static Part unchecked(Part p) {
    if (!p.checked_exclusions.empty()) {
      const Xapian::Query any = combine(Xapian::Query::OP_OR, p.checked_exclusions);
      p.ranked = Xapian::Query(Xapian::Query::OP_AND_NOT, p.ranked, any);
      p.strict = Xapian::Query(Xapian::Query::OP_AND_NOT, p.strict, any);
    }
    p.checked_exclusions.clear();
    p.rules.clear();
    p.phrase.reset();
    return p;
  }

  // Returns `parts` side by side (`all_required`: joined by AND). Adjacent
  // plain words become one group of words side by side.
  Part join(std::vector<Part> parts, bool all_required) {
    std::vector<Part> merged;
    for (Part& p : parts) {
      if (!all_required && p.bare && !merged.empty() && merged.back().bare) {
        merged.back().end = p.end;
      } else if (!p.none) {
        merged.push_back(std::move(p));
      }
    }
    if (merged.size() == 1 && !all_required) {
      Part p = compiled(std::move(merged[0]));
      // An exclusion or filter on its own applies to every document.
      if (p.none || p.role == Part::kOptional || p.role == Part::kRequired) return p;
      merged[0] = std::move(p);
    }
    std::vector<Part> compiled_parts;
    std::size_t required_count = 0, optional_count = 0;
    for (Part& raw : merged) {
      Part p = compiled(std::move(raw));
      if (p.none) continue;
      if (all_required && p.role == Part::kOptional) p.role = Part::kRequired;
      required_count += p.role == Part::kRequired;
      optional_count += p.role == Part::kOptional;
      compiled_parts.push_back(std::move(p));
    }
    // Every match keeps the required parts' rules, and a lone optional
    // part's when nothing is required. Other optional parts only rank, as
    // their queries alone.
    const bool optional_rules_kept = required_count == 0 && optional_count == 1;
    std::vector<Xapian::Query> required, required_strict, optional, optional_strict,
        excluded, filters, checked_exclusions;
    std::vector<PhraseRule> rules;
    bool relaxed = false;
    for (Part& p : compiled_parts) {
      relaxed = relaxed || p.relaxed;
      switch (p.role) {
        case Part::kRequired:
          required.push_back(p.ranked);
          required_strict.push_back(p.strict);
          rules.insert(rules.end(), p.rules.begin(), p.rules.end());
          checked_exclusions.insert(checked_exclusions.end(), p.checked_exclusions.begin(),
                                    p.checked_exclusions.end());
          break;
        case Part::kOptional:
          if (!optional_rules_kept) p = unchecked(std::move(p));
          optional.push_back(p.ranked);
          optional_strict.push_back(p.strict);
          rules.insert(rules.end(), p.rules.begin(), p.rules.end());
          checked_exclusions.insert(checked_exclusions.end(), p.checked_exclusions.begin(),
                                    p.checked_exclusions.end());
          break;
        case Part::kExcluded:
          // A phrase the index cannot decide is checked: its query would
          // exclude every document that may hold it. An excluded group
          // excludes every document its query matches.
          if (p.phrase && !p.rules.empty()) {
            rules.push_back({{*p.phrase}, true});
            checked_exclusions.push_back(p.ranked);
          } else {
            excluded.push_back(unchecked(std::move(p)).ranked);
          }
          break;
        case Part::kFilter:
          filters.push_back(p.ranked);
          break;
      }
    }
    if (required.empty() && optional.empty() && excluded.empty() && filters.empty() &&
        rules.empty()) {
      return Part();
    }
    relaxed = relaxed || optional.size() > 1 || (!optional.empty() && !required.empty());
    Part out;
    out.none = false;
    out.role = all_required ? Part::kRequired : Part::kOptional;
    out.relaxed = relaxed;
    out.rules = std::move(rules);
    out.checked_exclusions = std::move(checked_exclusions);
    if (required.empty() && optional.empty()) {
      out.ranked = Xapian::Query::MatchAll;
    } else if (required.empty()) {
      out.ranked = combine(Xapian::Query::OP_OR, optional);
    } else if (optional.empty()) {
      out.ranked = combine(Xapian::Query::OP_AND, required);
    } else {
      out.ranked = Xapian::Query(Xapian::Query::OP_AND_MAYBE,
                                 combine(Xapian::Query::OP_AND, required),
                                 combine(Xapian::Query::OP_OR, optional));
    }
    required_strict.insert(required_strict.end(), optional_strict.begin(),
                           optional_strict.end());
    out.strict = required_strict.empty() ? Xapian::Query::MatchAll
                                         : combine(Xapian::Query::OP_AND, required_strict);
    if (!excluded.empty()) {
      const Xapian::Query any = combine(Xapian::Query::OP_OR, excluded);
      out.ranked = Xapian::Query(Xapian::Query::OP_AND_NOT, out.ranked, any);
      out.strict = Xapian::Query(Xapian::Query::OP_AND_NOT, out.strict, any);
    }
    if (!filters.empty()) {
      const Xapian::Query all = combine(Xapian::Query::OP_AND, filters);
      out.ranked = Xapian::Query(Xapian::Query::OP_FILTER, out.ranked, all);
      out.strict = Xapian::Query(Xapian::Query::OP_FILTER, out.strict, all);
    }
    return out;
  }

  std::string_view text_;
  std::vector<Lexeme> lexemes_;
  Analyzer& analyzer_;
  const Xapian::Database* db_;
  TermStats stats_;
  QueryPlan& plan_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  Lexeme::FieldName group_field_ = Lexeme::kNoField;  // of the innermost "field:("
};

// Returns `text` for an error message: at most about 80 bytes, whole characters.
std::string quoted(std::string_view text) {
  if (text.size() <= 80) return "'" + std::string(text) + "'";
  std::size_t cut = 80;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return "'" + std::string(text.substr(0, cut)) + "…'";
}

}  // namespace

QueryPlan build_query(std::string_view text, Analyzer& analyzer, const Xapian::Database* db,
                      bool remote) {
  if (text.size() > kMaxQueryBytes) {
    throw QueryError("query " + quoted(text) + " is too long: " + std::to_string(text.size()) +
                     " bytes, at most " + std::to_string(kMaxQueryBytes));
  }
  QueryPlan plan;
  Part p = Parser(text, analyzer, db, remote, plan).parse();
  if (p.none) throw QueryError("query " + quoted(text) + " has no word to search for");
  plan.query = p.ranked;
  plan.phrases = std::move(p.rules);
  if (p.relaxed && plan.words.size() <= kMaxTieredWords) plan.strict = p.strict;
  return plan;
}

}  // namespace vnews
