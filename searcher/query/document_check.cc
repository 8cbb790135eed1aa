#include "query/document_check.h"

#include <algorithm>
#include <cstdint>
#include <string>

#include "vnews/document_data.h"
#include "vnews/normalizer.h"
#include "vnews/schema.h"

namespace vnews {
namespace {

bool same_word(const Token& text, const Token& phrase, Accents accents) {
  return matches_folded(phrase, accents) ? text.folded == phrase.folded
                                         : text.term == phrase.term;
}

// Makes each run of spaces in `key` one space and drops those at its ends,
// keeping `origin` in step with it when given (see search_skeleton()).
void squeeze(std::string& key, std::vector<std::uint32_t>* origin) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < key.size(); ++i) {
    if (key[i] == ' ' && (n == 0 || key[n - 1] == ' ')) continue;
    if (origin != nullptr) (*origin)[n] = (*origin)[i];
    key[n++] = key[i];
  }
  if (n > 0 && key[n - 1] == ' ') --n;
  key.resize(n);
  if (origin != nullptr) origin->resize(n);
}

// Returns the squeezed skeleton that every text holding `tokens` holds, or
// "" when a word of it is not plain ASCII once folded: the skeleton keeps
// no other script, so it could not tell.
std::string skeleton_key(const std::vector<Token>& tokens) {
  std::string words;
  for (const Token& t : tokens) {
    for (const char c : t.folded) {
      if (static_cast<unsigned char>(c) >= 0x80) return "";
    }
    words.append(t.folded).push_back(' ');
  }
  std::vector<std::uint32_t> unused;
  std::string key = search_skeleton(words, unused);
  squeeze(key, nullptr);
  return key;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// A window reaches at most this far for the space before and after it.
constexpr std::size_t kMaxReach = 1024;
// After this many windows, the field is analyzed whole instead: text made
// of near misses (the phrase's letters again and again, no spaces) costs
// one analysis, not one per window.
constexpr int kMaxWindows = 8;

// True when `text`, one field, holds `check`. Only the words around each
// place where the skeleton holds the phrase's key are analyzed, from the
// space before to the space after (no word spans a space); text without
// such spaces near, or with many such places, is analyzed whole.
bool field_holds(const std::string& text, const PhraseCheck& check, Analyzer& analyzer) {
  const std::string& key = check.skeleton;
  thread_local std::vector<Token> tokens;
  const auto whole = [&] {
    analyzer.analyze(text, tokens);
    return holds_phrase(tokens, check);
  };
  if (key.empty()) return whole();
  thread_local std::string skeleton;
  thread_local std::vector<std::uint32_t> origin;
  search_skeleton(text, skeleton, origin);
  squeeze(skeleton, &origin);
  int windows = 0;
  for (std::size_t at = skeleton.find(key); at != std::string::npos;
       at = skeleton.find(key, at + 1)) {
    if (++windows > kMaxWindows) return whole();
    const std::size_t first = origin[at], last = origin[at + key.size() - 1];
    std::size_t begin = first, end = last;
    while (begin > 0 && !is_space(text[begin - 1]) && first - begin < kMaxReach) --begin;
    while (end < text.size() && !is_space(text[end]) && end - last < kMaxReach) ++end;
    const bool bounded = (begin == 0 || is_space(text[begin - 1])) &&
                         (end == text.size() || is_space(text[end]));
    if (!bounded) return whole();  // a window must not start or end inside a word
    analyzer.analyze(std::string_view(text).substr(begin, end - begin), tokens);
    if (holds_phrase(tokens, check)) return true;
  }
  return false;
}

}  // namespace

PhraseCheck phrase_check(const std::vector<Token>& tokens, Field field, Accents accents) {
  PhraseCheck check;
  check.tokens = tokens;
  check.field = field;
  check.accents = accents;
  check.skeleton = skeleton_key(tokens);
  return check;
}

bool decided_by_index(const PhraseCheck& check) {
  const std::vector<Token>& t = check.tokens;
  return check.field == Field::kAll && t.size() == 2 && t[1].joined &&
         matches_folded(t[0], check.accents) && matches_folded(t[1], check.accents);
}

bool holds_phrase(const std::vector<Token>& text, const PhraseCheck& check) {
  const std::vector<Token>& phrase = check.tokens;
  if (phrase.empty() || text.size() < phrase.size()) return false;
  for (std::size_t start = 0; start + phrase.size() <= text.size(); ++start) {
    std::size_t k = 0;
    while (k < phrase.size() && same_word(text[start + k], phrase[k], check.accents) &&
           (k == 0 || !phrase[k].joined || text[start + k].joined)) {
      ++k;
    }
    if (k == phrase.size()) return true;
  }
  return false;
}

bool holds_phrase(const Article& article, const PhraseCheck& check, Analyzer& analyzer) {
  for (const std::string* text : {&article.title, &article.lead, &article.body}) {
    if (field_holds(*text, check, analyzer)) return true;
    if (check.field == Field::kTitle) break;
  }
  return false;
}

bool Candidate::has_term(const std::string& term) {
  load_terms();
  return std::binary_search(terms_->begin(), terms_->end(), term);
}

bool Candidate::has_term_starting(const std::string& prefix) {
  load_terms();
  const auto it = std::lower_bound(terms_->begin(), terms_->end(), prefix);
  return it != terms_->end() && it->compare(0, prefix.size(), prefix) == 0;
}

Xapian::Document matched_document(const Xapian::Database& db, Xapian::docid docid) {
  try {
    return db.get_document(docid, Xapian::DOC_ASSUME_VALID);
  } catch (const Xapian::DocNotFoundError&) {
    // Deleted since the match: a commit moved the database on.
    throw Xapian::DatabaseModifiedError("document " + std::to_string(docid) +
                                        " went away after it matched");
  }
}

const Xapian::Document& Candidate::document() {
  if (!document_) document_ = matched_document(*db_, docid_);
  return *document_;
}

void Candidate::load_terms() {
  if (terms_) return;
  std::vector<std::string> terms;
  const Xapian::Document& doc = document();
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    terms.push_back(*it);  // in term order
  }
  terms_ = std::move(terms);
}

Article& Candidate::article() {
  if (!article_) article_ = load_article(document(), true);
  return *article_;
}

namespace {

// True when `candidate` holds a leaf's terms and date, looked up.
bool holds_terms(const DocumentTest& test, Candidate& candidate) {
  std::size_t held = 0;
  for (const TermSlot& slot : test.slots) {
    held +=
        std::any_of(slot.begin(), slot.end(), [&](const std::vector<std::string>& terms) {
          return std::all_of(terms.begin(), terms.end(), [&](const std::string& term) {
            return candidate.has_term(term);
          });
        });
  }
  if (held < test.min_slots) return false;
  if (!test.term_prefix.empty() && !candidate.has_term_starting(test.term_prefix))
    return false;
  if (!test.dates) return true;
  const std::string date = candidate.document().get_value(schema::kDateSlot);
  return !date.empty() && (test.dates->from.empty() || date >= test.dates->from) &&
         (test.dates->to.empty() || date <= test.dates->to);
}

bool holds(const DocumentTest& test, Candidate& candidate, bool matched,
           Analyzer& analyzer);

// True when `candidate` holds `test` taken as not excluded; `matched` when
// Xapian's query for it matched the document.
bool holds_positive(const DocumentTest& test, Candidate& candidate, bool matched,
                    Analyzer& analyzer) {
  switch (test.kind) {
    case QueryNode::Kind::kAll:
      return std::all_of(
          test.children.begin(), test.children.end(),
          [&](const auto& child) { return holds(child, candidate, matched, analyzer); });
    case QueryNode::Kind::kAny:
      return std::any_of(
          test.children.begin(), test.children.end(),
          [&](const auto& child) { return holds(child, candidate, false, analyzer); });
    default:
      // Text holding the phrase holds its words and pairs: no need to look.
      if (test.phrase) return holds_phrase(candidate.article(), *test.phrase, analyzer);
      return matched || holds_terms(test, candidate);
  }
}

// True when `candidate` holds `test`; `matched` when it matched the query
// built for `test`, which decides every node that needs no text.
bool holds(const DocumentTest& test, Candidate& candidate, bool matched,
           Analyzer& analyzer) {
  if (matched && !test.needs_text) return true;
  // An excluded node that needs its text is not excluded by the query.
  const bool positive_matched = matched && !test.excluded;
  return holds_positive(test, candidate, positive_matched, analyzer) != test.excluded;
}

}  // namespace

bool passes(const DocumentTest& test, Candidate& candidate, Analyzer& analyzer) {
  return holds(test, candidate, true, analyzer);
}

}  // namespace vnews
