// synonyms.h -- other ways of writing the same thing: the built-in table of
// the abbreviations common in Vietnamese news (common/data/abbreviations.tsv,
// compiled in) and a user's synonyms file (`--synonyms FILE`, format in
// README.md). Every form is analyzed by the Analyzer, so forms and queries
// meet on the terms the index holds.
#ifndef VNEWS_SYNONYMS_H_
#define VNEWS_SYNONYMS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "vnews/analyzer.h"

namespace vnews {

// One way of writing a name or a term.
struct SynonymForm {
  std::string text;           // as written in the table or the file
  std::vector<Token> tokens;  // what the Analyzer makes of `text`; never empty
  bool abbreviation = false;  // an abbreviation of the built-in table ("UBND")
};

// Forms that mean the same: an abbreviation and its long forms, or a line of
// a synonyms file (lines sharing a form merged into one group).
struct SynonymGroup {
  std::vector<SynonymForm> forms;  // no two with the same terms
  // An abbreviation that often means something else ("TP", "ĐT"): rank its
  // alternatives below what was typed, or leave them out.
  bool ambiguous = false;
  std::string origin;  // "abbreviations.tsv:LINE" or "FILE:LINE" (its first line)
};

// Another way of writing some words of a query.
struct SynonymAlternative {
  std::size_t begin = 0;  // the query tokens [begin, end) that it stands for
  std::size_t end = 0;
  const SynonymForm* form = nullptr;  // the other way; owned by the table
  const SynonymGroup* group = nullptr;
};

// A set of synonym groups and the lookup of queries in them. Immutable once
// built; safe to share between threads.
class SynonymTable {
 public:
  // Forms of more words than this are rejected: queries look them up word
  // run by word run.
  static constexpr std::size_t kMaxFormWords = 12;
  // Groups of more forms than this (after merging) are rejected: each
  // alternative becomes part of a query.
  static constexpr std::size_t kMaxGroupForms = 32;
  // Longer lines are rejected.
  static constexpr std::size_t kMaxLineBytes = 4096;

  SynonymTable() = default;
  SynonymTable(SynonymTable&&) = default;
  SynonymTable& operator=(SynonymTable&&) = default;
  SynonymTable(const SynonymTable&) = delete;
  SynonymTable& operator=(const SynonymTable&) = delete;

  // Returns the built-in table of abbreviations, built on first use.
  static const SynonymTable& abbreviations();

  // Returns the table of a synonyms file holding `text`; `name` names it in
  // errors. One group a line, forms separated by '=', "#" lines and blank
  // lines ignored (README.md). Lines sharing a form are one group; a form
  // written twice, or two forms the Analyzer makes the same ("Covid-19",
  // "covid 19"), count once, and a line left with one form adds nothing.
  // Throws InputError "name:LINE: error: MESSAGE" for a line without '=', an
  // empty form, a form with no word to search for or more than
  // kMaxFormWords, a group of more than kMaxGroupForms, invalid UTF-8, a NUL
  // byte or a line longer than kMaxLineBytes.
  static SynonymTable parse(std::string_view text, const std::string& name,
                            Analyzer& analyzer);

  // As parse() on the contents of the file at `path`. Throws InputError
  // "path: error: ..." when it cannot be read or is over 4 MiB.
  static SynonymTable read_file(const std::string& path, Analyzer& analyzer);

  // Returns the alternatives of each run of `query` (the Analyzer's tokens of
  // a query) that is a form of the table, by position, longer runs first: the
  // other forms of its groups. A run matches a form when each word has the
  // form's folded term, and its exact term too when typed with diacritics
  // ("NĐT" is not "NDT"; "ndt" is either); the words of a run must stand
  // together (Token::joined).
  std::vector<SynonymAlternative> alternatives(const std::vector<Token>& query) const;

  const std::vector<SynonymGroup>& groups() const { return groups_; }

 private:
  struct FormRef {
    std::size_t group, form;
  };

  // Indexes the forms of groups_. REQUIRES: groups_ is complete (the
  // alternatives returned point into it).
  void index();

  std::vector<SynonymGroup> groups_;
  std::unordered_map<std::string, std::vector<FormRef>>
      by_key_;  // folded terms, ' '-joined
  std::size_t max_words_ = 0;
};

}  // namespace vnews

#endif  // VNEWS_SYNONYMS_H_
