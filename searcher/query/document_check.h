// document_check.h -- what a document must hold to match a query, checked on
// the document itself where Xapian's match cannot tell: the index keeps no
// positions, so a quoted phrase matches the documents holding its words and
// its adjacent pairs, and the searcher checks each document it is about to
// count or return against the phrase, on its stored text. A phrase may stand
// anywhere in a query (beside other words, among alternatives, excluded), so
// the check follows the query's whole tree.
#ifndef VNEWS_SEARCHER_QUERY_DOCUMENT_CHECK_H_
#define VNEWS_SEARCHER_QUERY_DOCUMENT_CHECK_H_

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

#include "query/date_range.h"
#include "query/query_tree.h"
#include "query/word_queries.h"
#include "vnews/analyzer.h"
#include "vnews/document.h"

namespace vnews {

// A phrase to look for in a document's text.
struct PhraseCheck {
  std::vector<Token> tokens;            // the phrase's words, as analyzed; two or more
  Field field = Field::kAll;            // kTitle: in the title
  Accents accents = Accents::kAsTyped;  // words typed with diacritics match so
  // What the search_skeleton() of a text holding the phrase holds, spaces
  // squeezed; "" when that cannot be told (words of another script).
  std::string skeleton;
};

// Returns the check of the phrase `tokens` in `field`: each word matches its
// exact form when typed with diacritics (unless `accents` is kAny), any
// accents otherwise. REQUIRES: tokens.size() >= 2.
PhraseCheck phrase_check(const std::vector<Token>& tokens, Field field,
                         Accents accents = Accents::kAsTyped);

// True when the index alone decides `check`: two words matched by their
// folded forms and joined, in any field, whose pair term is held by exactly
// the documents where they stand so.
bool decided_by_index(const PhraseCheck& check);

// True when `text` (one field, analyzed) holds `check`'s words in order, one
// right after the other, with nothing but spaces (or one '-', '/' or '@',
// see Token::joined) between the words the query has joined: punctuation
// typed between two words lets the text have any there.
bool holds_phrase(const std::vector<Token>& text, const PhraseCheck& check);

// True when `article` holds `check` within one field (title, lead or body;
// only the title for kTitle). `article` must have been decoded with its
// text. Only the words where a field's search_skeleton() holds the phrase's
// letters in order are analyzed, which costs a fraction of analyzing the
// field.
bool holds_phrase(const Article& article, const PhraseCheck& check, Analyzer& analyzer);

// Alternatives, each a set of terms that must all be held.
using TermSlot = std::vector<std::vector<std::string>>;

// What a document must hold for one node of a query tree (query_plan.h
// builds it beside the Xapian query).
struct DocumentTest {
  QueryNode::Kind kind = QueryNode::Kind::kAll;
  bool excluded = false;  // the document must not hold the rest
  // Leaves: the document holds at least `min_slots` of `slots`, a slot
  // being held when the document has every term of one of its
  // alternatives (a word's accepted term, or the terms of another way of
  // writing it: vnews/synonyms.h, word_forms.h)...
  std::vector<TermSlot> slots;
  std::size_t min_slots = 0;
  std::string term_prefix;             // ...a term starting so, when not ""...
  std::optional<DateRange> dates;      // ...its date lies in this range...
  std::optional<PhraseCheck> phrase;   // ...and its text holds this phrase.
  std::vector<DocumentTest> children;  // kAll: every one; kAny: one
  // This node or one below holds a phrase whose check Xapian's query cannot
  // make, so its query matches more documents than the node does.
  bool needs_text = false;
};

// Returns document `docid` of `db`, which a match returned: read without
// checking that it exists (a remote shard sends it now, a local database
// reads its parts when asked). Throws Xapian::DatabaseModifiedError when a
// remote shard no longer holds it (deleted by a commit since it matched),
// for the request to run again on the new revision.
Xapian::Document matched_document(const Xapian::Database& db, Xapian::docid docid);

// A document the match returned, read lazily: the document itself when
// first asked for (from a remote shard each costs a round trip), its term
// list and its text only when a test needs them.
class Candidate {
 public:
  // REQUIRES: `db` outlives the candidate; `docid` is a document of it.
  Candidate(const Xapian::Database& db, Xapian::docid docid) : db_(&db), docid_(docid) {}

  // Returns the document, read once. Throws as matched_document().
  const Xapian::Document& document();
  // Sets the document, read elsewhere (run/document_fetcher.h). REQUIRES: it
  // is document docid() of the database, or that document read over another
  // connection to its shard.
  void set_document(Xapian::Document document) { document_ = std::move(document); }
  bool has_document() const { return document_.has_value(); }
  Xapian::docid docid() const { return docid_; }
  bool has_term(const std::string& term);
  bool has_term_starting(const std::string& prefix);
  // Returns the article stored in the document, with its text.
  Article& article();
  // Returns the article if article() decoded it, else nothing.
  std::optional<Article> take_article() { return std::move(article_); }

 private:
  void load_terms();

  const Xapian::Database* db_;
  Xapian::docid docid_;
  std::optional<Xapian::Document> document_;
  std::optional<std::vector<std::string>> terms_;  // sorted
  std::optional<Article> article_;
};

// True when `candidate`, returned by the query built with `test`, keeps
// `test`: the parts Xapian's query decides exactly are taken as held, the
// others are checked on the document's terms and text.
bool passes(const DocumentTest& test, Candidate& candidate, Analyzer& analyzer);

}  // namespace vnews

#endif  // VNEWS_SEARCHER_QUERY_DOCUMENT_CHECK_H_
