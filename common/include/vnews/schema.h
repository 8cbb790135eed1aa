// schema.h -- term prefixes, value slots, metadata keys and field weights.
// They are stored in every index we build: DO NOT CHANGE one without
// re-indexing. The letters follow Omega's conventions; our own prefixes start
// with X.
//
// Every syllable of an article is indexed twice: its exact form (NFKC, case
// folded, tone mark in the traditional placement: "hòa", "thủy") and its
// folded form without diacritics ("hoa", "thuy"); a word no diacritic could
// change (Token::single_form(): 2017, km) only in its folded form. Adjacent
// folded syllables are also indexed as one bigram term ("thi truong"), so
// that queries whose syllables stand together rank first whatever accents
// the user typed.
#ifndef VNEWS_SCHEMA_H_
#define VNEWS_SCHEMA_H_

#include <xapian.h>

namespace vnews::schema {

inline constexpr char kIdPrefix[] = "Q";            // unique id (boolean); hashed if long
inline constexpr char kTitlePrefix[] = "S";         // exact title syllables
inline constexpr char kFoldedPrefix[] = "XF";       // folded syllables of all fields
inline constexpr char kFoldedTitlePrefix[] = "XT";  // folded title syllables
inline constexpr char kBigramPrefix[] = "XB";       // "folded folded" adjacent pairs
inline constexpr char kCategoryPrefix[] = "XCAT";   // category (boolean)
inline constexpr char kUrlPrefix[] = "U";           // url (boolean); hashed if long
inline constexpr char kHostPrefix[] = "H";  // url's host and parent domains (boolean)
inline constexpr char kSourcePrefix[] = "XSRC";  // source, case folded (boolean)
// Exact syllables of all fields carry no prefix. No term keeps positions:
// storing them took a fifth of the indexing time, and phrases are checked on
// the stored text of the few documents that rank (searcher/query/document_check.h).

enum ValueSlot : Xapian::valueno {
  kDateSlot = 0,       // "YYYYMMDD", sorts as a string; absent when unknown
  kCategorySlot = 1,   // category name as stored in the data, for facets
  kSignatureSlot = 2,  // what the document was built from, for incremental runs:
                       // "size:mtime_ns" of its file, or "h:" + 16 hex digits
                       // (FNV-1a) of its JSON line; absent when not to be trusted
  kTextSlot = 3,       // the article's lead and body, zstd-compressed
                       // (vnews/document_data.h)
  kFileSlot = 4,       // where an article that is not a whole file came from:
                       // the id of its JSON Lines file, or "-" for the standard
                       // input; absent for a whole file, whose id is its path
  kSketchSlot = 5,     // near-duplicate sketch of lead and body, 128 bytes
                       // (vnews/story_sketch.h); absent for short texts
  kSourceSlot = 6,     // source name as stored in the data, for facets
};

// kFileSlot of an article read from the standard input.
inline constexpr char kStdinFile[] = "-";

// Keys of the database's metadata (Xapian user metadata), set in every shard.
// The absolute path of the corpus root, which the ids of files are relative
// to; absent until a run indexes files (or in databases of earlier versions).
inline constexpr char kRootKey[] = "vnews.root";
// The version of the analyzer the terms come from (kAnalyzerVersion in
// vnews/analyzer.h), in decimal; absent in databases of version 1.
inline constexpr char kAnalyzerVersionKey[] = "vnews.analyzer_version";
// The synonyms file of the last run given --synonyms FILE, as written; every
// searcher of the database uses it (vnews/synonyms.h has the format).
inline constexpr char kSynonymsKey[] = "vnews.synonyms";

// Within-document frequency added per occurrence, by field: the title weighs
// most. BM25 turns these into field weights.
inline constexpr Xapian::termcount kTitleWdf = 5;
inline constexpr Xapian::termcount kLeadWdf = 2;
inline constexpr Xapian::termcount kBodyWdf = 1;

// Xapian rejects terms over 245 bytes; ids and urls longer than this are hashed.
inline constexpr std::size_t kMaxTermBytes = 240;

}  // namespace vnews::schema

#endif  // VNEWS_SCHEMA_H_
