#include "term_collector.h"

#include <algorithm>

namespace vnews {

void TermCollector::add_term(std::string_view term, Xapian::termcount wdf) {
  key_.assign(term);
  terms_.try_emplace(key_).first->second += wdf;  // copies key_ only when new
}

void TermCollector::add_to(Xapian::Document& doc) {
  sorted_.clear();
  for (const auto& term : terms_) sorted_.push_back(&term);
  std::sort(sorted_.begin(), sorted_.end(),
            [](const auto* a, const auto* b) { return a->first < b->first; });
  for (const auto* term : sorted_) doc.add_term(term->first, term->second);
  terms_.clear();
}

}  // namespace vnews
