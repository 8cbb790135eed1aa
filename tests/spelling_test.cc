#include "spelling.h"

#include <xapian.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "document_builder.h"
#include "test_util.h"

namespace {

// Returns "word:frequency" for each word of the spelling data of `db`.
std::string spellings_of(const Xapian::Database& db) {
  std::string out;
  for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) {
    if (!out.empty()) out += ' ';
    out += *it + ":" + std::to_string(it.get_termfreq());
  }
  return out;
}

Xapian::Document document(const std::string& title, const std::string& body) {
  vnews::Analyzer analyzer;
  vnews::Article a;
  a.id = title;
  a.title = title;
  a.body = body;
  return vnews::build_document(a, analyzer);
}

// Returns spellings_of() a database given the words of each of `docs` one by one.
std::string spellings_of_each(const std::vector<Xapian::Document>& docs) {
  vnews::test::TempDir dir;
  Xapian::WritableDatabase each((dir.path() / "each").string(), Xapian::DB_CREATE);
  for (const auto& doc : docs) {
    vnews::SpellingCounts one;
    one.add(doc);
    one.write_to(each);
  }
  each.commit();
  return spellings_of(each);
}

}  // namespace

TEST_CASE("spelling words are the exact and folded syllables, once per document",
          "[spelling]") {
  vnews::test::TempDir dir;
  Xapian::WritableDatabase db((dir.path() / "db").string(), Xapian::DB_CREATE);
  vnews::SpellingCounts counts;
  counts.add(document("Hà Nội", "hà nội hà nội năm 2024 có x1y"));
  counts.write_to(db);
  db.commit();
  // "ha" and "co" are under 3 bytes ("có" is 3); words with digits are left out.
  CHECK(spellings_of(db) == "có:1 hà:1 nam:1 noi:1 năm:1 nội:1");
}

TEST_CASE("counting a batch gives the spelling data of adding each document",
          "[spelling]") {
  const std::vector<Xapian::Document> docs = {document("Hà Nội mùa thu", "thủ đô Hà Nội"),
                                              document("Thủy điện", "hòa bình"),
                                              document("Hà Nội", "Hòa Bình, thủy điện"),
                                              document("Hà Nội", "Hòa Bình, thủy điện")};
  vnews::test::TempDir dir;
  Xapian::WritableDatabase batched((dir.path() / "batched").string(), Xapian::DB_CREATE);
  vnews::SpellingCounts counts;
  for (const auto& doc : docs) counts.add(doc);
  counts.write_to(batched);
  CHECK(counts.empty());
  batched.commit();
  CHECK(spellings_of(batched) == spellings_of_each(docs));
  CHECK(spellings_of(batched).find("hà:3") != std::string::npos);
  CHECK(spellings_of(batched).find("thuy:3") != std::string::npos);
}

TEST_CASE(
    "the spelling data of all documents from term frequencies is that of adding each",
    "[spelling]") {
  const std::vector<Xapian::Document> docs = {
      document("Hà Nội mùa thu", "thủ đô Hà Nội năm 2024 x1y"),
      document("Thủy điện", "hòa bình"), document("Hà Nội", "Hòa Bình, thủy điện nam"),
      document("Zê ta", "ấy ơi ữa")};
  vnews::test::TempDir dir;
  Xapian::WritableDatabase all((dir.path() / "all").string(), Xapian::DB_CREATE);
  for (const auto& doc : docs) all.add_document(doc);
  all.commit();
  vnews::add_spellings_of_all(all);
  all.commit();
  CHECK(spellings_of(all) == spellings_of_each(docs));
  // "năm" folded, and "nam" both exact and folded
  CHECK(spellings_of(all).find("nam:3") != std::string::npos);
}
