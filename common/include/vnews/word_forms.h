// word_forms.h -- one name written joined, dotted or split: "TP.HCM",
// "TPHCM", "TP HCM"; "1.000", "1,000", "1000"; "Covid-19", "covid19";
// "LienVietPostBank", "Lien Viet Post Bank". The index holds a joined term
// beside each dotted word and grouped number (joined_form()); the query side
// joins adjacent words and splits joined ones against the index's pair terms
// (README.md, "How text becomes terms").
#ifndef VNEWS_WORD_FORMS_H_
#define VNEWS_WORD_FORMS_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "vnews/analyzer.h"

namespace vnews {

// Returns the folded term of `token` written without its inner dots, or
// digits without their group separators, to index beside it: "tp.hcm" ->
// "tphcm", "q.1" -> "q1", "1.000" and "1,000" -> "1000", "24.000.000" ->
// "24000000". Returns "" when there is nothing to join, for decimals and
// dates ("1,5", "3.5", "3.6.2017"), e-mail addresses, and a join that is a
// Vietnamese syllable ("T.Ư" would be "tu", "M.U" "mu": words of their own).
std::string joined_form(const Token& token);

// Returns the parts of one word of a query, `word` being its bytes as
// typed (a Token's [begin, end)), analyzed as separate words: split at inner
// dots, at junctions of letters and digits and at a capital after two lower-
// case letters or more ("TP.HCM" -> tp hcm, "covid19" -> covid 19,
// "LienVietPostBank" -> lien viet post bank, "iPhone7" -> iphone 7). Each
// part's [begin, end) is within `word`, and every part after the first is
// joined. Returns {} for a word of one part, numbers ("1.000", "1,5",
// "3.6.2017") and e-mail addresses.
std::vector<Token> word_parts(std::string_view word, Analyzer& analyzer);

// Returns the folded terms of tokens [begin, end) as one word: "covid" "19"
// -> "covid19", "tp" "hcm" -> "tphcm" (the joined_form() of "TP.HCM").
// REQUIRES: begin < end <= tokens.size().
std::string joined_word(const std::vector<Token>& tokens, std::size_t begin,
                        std::size_t end);

// Tells whether the index holds a folded term, or a pair of them side by side.
using TermTest = std::function<bool(std::string_view term)>;
using PairTest = std::function<bool(std::string_view left, std::string_view right)>;

// Returns `word` (a folded term written joined: "lienvietpostbank") cut into
// two to `max_parts` terms, each of at least two characters, that `is_term`
// holds and whose adjacent pairs `is_pair` holds ("lien" "viet" "post"
// "bank"); the first such cut found, longer first parts tried first. Asks
// the tests at most `max_checks` times in all, then gives up. Returns {}
// when there is no such cut.
std::vector<std::string> split_word(std::string_view word, const TermTest& is_term,
                                    const PairTest& is_pair, std::size_t max_parts = 6,
                                    std::size_t max_checks = 200);

}  // namespace vnews

#endif  // VNEWS_WORD_FORMS_H_
