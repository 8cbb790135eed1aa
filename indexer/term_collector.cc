#include "term_collector.h"

#include <algorithm>

namespace vnews {

TermCollector::Entry& TermCollector::entry(std::string_view term) {
  key_.assign(term);
  return terms_.try_emplace(key_).first->second;  // copies key_ only when new
}

void TermCollector::add_term(std::string_view term, Xapian::termcount wdf) {
  entry(term).wdf += wdf;
}

void TermCollector::add_posting(std::string_view term, Xapian::termpos pos,
                                Xapian::termcount wdf) {
  Entry& e = entry(term);
  e.wdf += wdf;
  e.positions.push_back(pos);
}

void TermCollector::add_to(Xapian::Document& doc) {
  sorted_.clear();
  for (const auto& term : terms_) sorted_.push_back(&term);
  std::sort(sorted_.begin(), sorted_.end(),
            [](const auto* a, const auto* b) { return a->first < b->first; });
  for (const auto* term : sorted_) {
    const Entry& e = term->second;
    if (e.positions.empty()) {
      doc.add_term(term->first, e.wdf);
      continue;
    }
    doc.add_posting(term->first, e.positions.front(), e.wdf);
    for (std::size_t i = 1; i < e.positions.size(); ++i) {
      doc.add_posting(term->first, e.positions[i], 0);
    }
  }
  terms_.clear();
}

}  // namespace vnews
