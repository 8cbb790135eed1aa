// document.h -- Article, the one document model every corpus reader produces
// and every index entry is made from.
#ifndef VNEWS_DOCUMENT_H_
#define VNEWS_DOCUMENT_H_

#include <string>

namespace vnews {

// One news article. Text fields hold valid UTF-8 exactly as the source wrote
// it (original case, diacritics and normalization form); empty when unknown.
struct Article {
  std::string id;  // unique within a database, e.g. "sport/derby.txt"
  std::string title;
  std::string lead;  // the sapo: one or two sentences under the title
  std::string body;
  std::string category;  // e.g. first folder level under the corpus root
  std::string url;
  std::string date;  // "YYYYMMDD"
  std::string source;
};

}  // namespace vnews

#endif  // VNEWS_DOCUMENT_H_
