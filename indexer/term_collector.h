// term_collector.h -- gathers a document's terms before they go into a
// Xapian::Document, which costs a std::map lookup per call: collected here,
// each distinct term costs one.
#ifndef VNEWS_INDEXER_TERM_COLLECTOR_H_
#define VNEWS_INDEXER_TERM_COLLECTOR_H_

#include <xapian.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vnews {

// Sums the wdf of each term added; add_to() gives `doc` exactly what the same
// add_term() calls made on it would. Reuse one collector: it keeps its
// buffers, so that a document's terms cost no allocation once they fit.
// Not thread-safe.
class TermCollector {
 public:
  // As Xapian::Document::add_term(term, wdf).
  void add_term(std::string_view term, Xapian::termcount wdf);

  // Adds every term collected to `doc`, in term order, and empties the collector.
  void add_to(Xapian::Document& doc);

 private:
  // A distinct term: its bytes are text_[offset, offset + size).
  struct Entry {
    std::uint64_t head;  // its first 8 bytes, big-endian, zero-padded: sorts as they do
    std::uint32_t offset, size;
    Xapian::termcount wdf;
  };
  static constexpr std::uint32_t kEmpty = UINT32_MAX;

  std::string_view term_of(const Entry& e) const {
    return {text_.data() + e.offset, e.size};
  }
  void grow();

  std::string text_;                  // the distinct terms' bytes, one after another
  std::vector<Entry> entries_;        // in the order first added
  std::vector<std::uint32_t> table_;  // open addressing: index into entries_, or kEmpty
  std::string term_;                  // add_to()'s buffer for Xapian's std::string
};

}  // namespace vnews

#endif  // VNEWS_INDEXER_TERM_COLLECTOR_H_
