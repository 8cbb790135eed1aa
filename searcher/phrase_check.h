// phrase_check.h -- whether an article's text holds a quoted phrase. The
// index keeps no positions, so a phrase query matches the documents holding
// its words and its adjacent pairs, and the searcher checks each document
// it is about to return against the phrase itself, on its stored text.
#ifndef VNEWS_SEARCHER_PHRASE_CHECK_H_
#define VNEWS_SEARCHER_PHRASE_CHECK_H_

#include <string>
#include <vector>

#include "query_terms.h"
#include "vnews/analyzer.h"
#include "vnews/document.h"

namespace vnews {

// A phrase to look for in a result.
struct PhraseCheck {
  std::vector<Token> tokens;  // the phrase's words, as analyzed; two or more
  Field field = Field::kAll;  // kTitle: in the title
  bool exact = false;         // words match their exact form, else any accents
  // What the search_skeleton() of a text holding the phrase holds, spaces
  // squeezed; "" when that cannot be told (words of another script).
  std::string skeleton;
};

// What every result must hold: one of `any_of`, or, when `excluded`, none.
struct PhraseRule {
  std::vector<PhraseCheck> any_of;
  bool excluded = false;
};

// Returns the check of the phrase `tokens` in `field`, by the rule of
// phrase_query(): exact forms when typed with any diacritics or in the
// title, any accents otherwise. REQUIRES: tokens.size() >= 2.
PhraseCheck phrase_check(const std::vector<Token>& tokens, Field field);

// True when the index alone decides `check`: two words typed without
// diacritics and joined, whose pair term is held by exactly the documents
// where they stand so.
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

// True when `article` keeps every rule of `rules`.
bool keeps_rules(const Article& article, const std::vector<PhraseRule>& rules,
                 Analyzer& analyzer);

}  // namespace vnews

#endif  // VNEWS_SEARCHER_PHRASE_CHECK_H_
