#include "term_collector.h"

#include <algorithm>
#include <stdexcept>

#include "vnews/stable_hash.h"

namespace vnews {
namespace {

// The table holds at most this share of entries, so that probes stay short.
constexpr std::size_t kMaxLoadPercent = 50;
constexpr std::size_t kInitialSlots = 1024;
// A table grown past this for one huge document is dropped after it, rather
// than cleared for every later one.
constexpr std::size_t kMaxKeptSlots = std::size_t(1) << 16;

// FNV-1a: short terms hash in a few cycles a byte.
std::uint64_t hash_of(std::string_view term) {
  const std::uint64_t h = stable_hash(term);
  return h ^ (h >> 29);
}

// The first 8 bytes of `term` as a number that orders as they do; a shorter
// term is padded with zeros, so equal heads leave the order to the rest.
std::uint64_t head_of(std::string_view term) {
  std::uint64_t head = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    head = (head << 8) | (i < term.size() ? static_cast<unsigned char>(term[i]) : 0u);
  }
  return head;
}

}  // namespace

void TermCollector::add_term(std::string_view term, Xapian::termcount wdf) {
  if ((entries_.size() + 1) * 100 > table_.size() * kMaxLoadPercent) grow();
  const std::size_t mask = table_.size() - 1;
  for (std::size_t slot = hash_of(term) & mask;; slot = (slot + 1) & mask) {
    std::uint32_t& index = table_[slot];
    if (index == kEmpty) {
      if (text_.size() + term.size() > UINT32_MAX) {
        throw std::length_error("a document's terms exceed 4 GB");
      }
      index = static_cast<std::uint32_t>(entries_.size());
      entries_.push_back({head_of(term), static_cast<std::uint32_t>(text_.size()),
                          static_cast<std::uint32_t>(term.size()), wdf});
      text_.append(term);
      return;
    }
    Entry& e = entries_[index];
    if (term_of(e) == term) {
      e.wdf += wdf;
      return;
    }
  }
}

void TermCollector::grow() {
  table_.assign(std::max(kInitialSlots, table_.size() * 2), kEmpty);
  const std::size_t mask = table_.size() - 1;
  for (std::uint32_t i = 0; i < entries_.size(); ++i) {
    std::size_t slot = hash_of(term_of(entries_[i])) & mask;
    while (table_[slot] != kEmpty) slot = (slot + 1) & mask;
    table_[slot] = i;
  }
}

void TermCollector::add_to(Xapian::Document& doc) {
  std::sort(entries_.begin(), entries_.end(), [this](const Entry& a, const Entry& b) {
    if (a.head != b.head) return a.head < b.head;
    return term_of(a) < term_of(b);
  });
  for (const Entry& e : entries_) {
    term_.assign(term_of(e));
    doc.add_term(term_, e.wdf);
  }
  if (table_.size() > kMaxKeptSlots) {
    std::vector<Entry>().swap(entries_);
    std::string().swap(text_);
    std::vector<std::uint32_t>().swap(table_);
    return;
  }
  entries_.clear();
  text_.clear();
  std::fill(table_.begin(), table_.end(), kEmpty);
}

}  // namespace vnews
