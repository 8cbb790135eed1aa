// word_variants.h -- the other ways news writes some words of a query: an
// abbreviation and its long form, both ways (vnews/synonyms.h: the built-in
// table, the database's and --synonyms files); a name joined, dotted or
// split ("TP.HCM", "TPHCM", "TP HCM"; "Covid-19", "covid19";
// "LienVietPostBank", "Lien Viet Post Bank"; "1.000", "1000":
// vnews/word_forms.h). Each is an accepted form of those words: an article
// holding it matches them, ranked below the words as typed.
#ifndef VNEWS_SEARCHER_QUERY_WORD_VARIANTS_H_
#define VNEWS_SEARCHER_QUERY_WORD_VARIANTS_H_

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "query/term_frequencies.h"
#include "query/word_queries.h"
#include "vnews/analyzer.h"
#include "vnews/synonyms.h"

namespace vnews {

// Where the variants of query words come from.
struct VariantSources {
  std::vector<const SynonymTable*> synonyms;  // tables to look words up in
  // The index's term frequencies, which say which joined and split forms it
  // holds; nullptr: none are looked for.
  TermFrequencies* frequencies = nullptr;
  Analyzer* analyzer = nullptr;  // splits typed words; REQUIRES: set with `frequencies`
};

// One other way of writing the query tokens [begin, end).
struct WordVariant {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::vector<std::string> terms;  // a document holding every one holds it
  Xapian::Query ranking;           // its weight, below the words as typed
  std::vector<Token> words;        // its words, to highlight
  // An abbreviation that often means something else ("ĐT"): not
  // highlighted on its own.
  bool ambiguous = false;
};

// Returns the variants of `tokens` (analyzed from `text`, their words in
// `field`), each word matching as `accents` says: for every run of them
// that a table holds, its other forms (but not an ambiguous abbreviation of
// a long form typed: "điện thoại" does not stand for every "ĐT"); for a run of 2 to 4
// joined words whose joined form the index holds ("tp hcm" -> tphcm), that form; for a
// dotted word or grouped number, its joined form ("tp.hcm" -> tphcm); for a
// word made of parts ("TP.HCM", "covid19", "LienVietPostBank", or a joined
// form the index lacks that its terms and pairs spell), its parts standing
// together. Variants of the same run come together; runs may overlap.
std::vector<WordVariant> word_variants(const std::vector<Token>& tokens,
                                       std::string_view text, Field field,
                                       Accents accents, const VariantSources& sources);

// Returns the terms word_variants() may ask `sources.frequencies` about for
// the same arguments (a few more, never fewer but for splits of words the
// index does not hold), to fetch them at once from remote shards.
std::vector<std::string> variant_lookups(const std::vector<Token>& tokens,
                                         std::string_view text, Field field,
                                         Accents accents, const VariantSources& sources);

// Returns the word pairs word_variants() may ask `sources.frequencies` about
// when it cuts a word the index does not hold ("singapore": "sin gap"...):
// every two adjacent parts of the word that the index holds. Asks about the
// parts: call it once variant_lookups()'s terms are known, to fetch the
// pairs of every word at once from remote shards.
std::vector<std::string> split_pair_lookups(const std::vector<Token>& tokens,
                                            std::string_view text, Field field,
                                            const VariantSources& sources);

}  // namespace vnews

#endif  // VNEWS_SEARCHER_QUERY_WORD_VARIANTS_H_
