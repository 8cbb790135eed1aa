// The terms of a document are collected before they go into its
// Xapian::Document: the result must be what adding them one by one gives.
#include "term_collector.h"

#include <xapian.h>

#include <catch2/catch.hpp>
#include <map>
#include <string>

namespace {

std::map<std::string, Xapian::termcount> terms_of(const Xapian::Document& doc) {
  std::map<std::string, Xapian::termcount> terms;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
    terms[*t] = t.get_wdf();
  return terms;
}

}  // namespace

TEST_CASE("collected terms give the document that adding each term gives", "[terms]") {
  vnews::TermCollector collector;
  Xapian::Document direct;
  const char* words[] = {"thị", "trường", "XFthi", "XBthi truong", "thị", "a", "Z"};
  for (int round = 0; round < 3; ++round) {
    for (const char* w : words) {
      const Xapian::termcount wdf = 1 + round;
      collector.add_term(w, wdf);
      direct.add_term(w, wdf);
    }
  }
  collector.add_term(std::string_view("a\0b", 3), 7);  // a NUL inside is kept
  direct.add_term(std::string("a\0b", 3), 7);
  Xapian::Document collected;
  collector.add_to(collected);
  CHECK(terms_of(collected) == terms_of(direct));
  CHECK(terms_of(collected).at("thị") == 12);
}

TEST_CASE("a collector starts empty again after each document", "[terms]") {
  vnews::TermCollector collector;
  collector.add_term("một", 1);
  Xapian::Document first;
  collector.add_to(first);
  collector.add_term("hai", 2);
  Xapian::Document second;
  collector.add_to(second);
  CHECK(terms_of(second) == std::map<std::string, Xapian::termcount>{{"hai", 2}});
}

TEST_CASE("a document of many distinct terms keeps every one, as do the next",
          "[terms]") {
  vnews::TermCollector collector;
  for (int doc = 0; doc < 3; ++doc) {
    // The second document outgrows any table kept for the next one.
    const int count = doc == 1 ? 200000 : 5000;
    for (int i = 0; i < count; ++i) {
      collector.add_term(std::to_string(i) + "t", 1);
      collector.add_term(std::to_string(i / 2) + "t", 1);
    }
    Xapian::Document built;
    collector.add_to(built);
    const auto terms = terms_of(built);
    REQUIRE(terms.size() == static_cast<std::size_t>(count));
    CHECK(terms.at("0t") == 3);  // 0t itself, then i = 0 and i = 1
    CHECK(terms.at(std::to_string(count - 1) + "t") == 1);
  }
}
