// term_collector.h -- gathers a document's terms before they go into a
// Xapian::Document, which costs a std::map lookup per call: collected here,
// each distinct term costs one.
#ifndef VNEWS_INDEXER_TERM_COLLECTOR_H_
#define VNEWS_INDEXER_TERM_COLLECTOR_H_

#include <xapian.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace vnews {

// Sums the wdf of each term added; add_to() gives `doc` exactly what the same
// add_term() calls made on it would. Reuse one collector (it keeps its hash
// table and sort buffer): not thread-safe.
class TermCollector {
 public:
  // As Xapian::Document::add_term(term, wdf).
  void add_term(std::string_view term, Xapian::termcount wdf);

  // Adds every term collected to `doc`, in term order, and empties the collector.
  void add_to(Xapian::Document& doc);

 private:
  std::unordered_map<std::string, Xapian::termcount> terms_;
  std::string key_;  // lookup buffer, so that known terms allocate nothing
  std::vector<const std::pair<const std::string, Xapian::termcount>*> sorted_;
};

}  // namespace vnews

#endif  // VNEWS_INDEXER_TERM_COLLECTOR_H_
