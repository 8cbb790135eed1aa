#include "query/term_bitmaps.h"

#include <xapian.h>

#include <catch2/catch.hpp>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "query/all_terms_query.h"
#include "run/searcher.h"
#include "sharded_sample.h"
#include "test_util.h"

namespace {

using vnews::TermBitmap;
using vnews::TermBitmaps;

// Bitmaps of every term, built at the first use.
TermBitmaps at_first_use(std::size_t budget_bytes = TermBitmaps::kDefaultBudgetBytes) {
  return TermBitmaps(budget_bytes, TermBitmaps::kDefaultMinDocuments, 1);
}

bool holds(const TermBitmap& bitmap, Xapian::docid did) {
  return (bitmap.words.at(did / 64) >> (did % 64)) & 1;
}

// Adds `count` documents; every `every`-th holds "common" too, all hold "all".
void add_documents(Xapian::WritableDatabase& db, int count, int every) {
  for (int i = 0; i < count; ++i) {
    Xapian::Document doc;
    doc.add_term("all");
    if (i % every == 0) doc.add_term("common");
    db.add_document(doc);
  }
  db.commit();
}

// The docids of `term`'s posting list, read as the matcher would.
std::vector<Xapian::docid> posting_list(const Xapian::Database& db,
                                        const std::string& term) {
  return {db.postlist_begin(term), db.postlist_end(term)};
}

void check_same_documents(const TermBitmap& bitmap, const Xapian::Database& db,
                          const std::string& term) {
  const std::vector<Xapian::docid> list = posting_list(db, term);
  CHECK(bitmap.documents == list.size());
  std::vector<Xapian::docid> set;
  for (Xapian::docid did = 0; did <= db.get_lastdocid(); ++did) {
    if (holds(bitmap, did)) set.push_back(did);
  }
  CHECK(set == list);
}

// The answers `searcher` gives to `queries`, totals and counts included.
std::string answers_of(vnews::Searcher& searcher,
                       const std::vector<std::string>& queries) {
  std::ostringstream out;
  for (const std::string& query : queries) {
    vnews::SearchRequest request;
    request.query = query;
    const vnews::SearchResult result = searcher.search(request);
    out << query << " | total " << result.total << (result.total_exact ? "" : " about")
        << " | count " << searcher.count(request) << '\n'
        << vnews::test::results_of(searcher, query, 10);
  }
  return out.str();
}

// Queries over the sample's common words: the titles, their first words
// without accents, and the query language around them.
std::vector<std::string> common_word_queries() {
  std::vector<std::string> queries = vnews::test::ShardedSample::get().queries();
  queries.insert(queries.end(),
                 {"thi truong", "cua cac", "la mot", "và của", "nguoi dan", "trong nam",
                  "thị trường -giá", "của -\"thị trường\"", "title:giá OR của",
                  "(ha noi OR viet nam) AND cua", "NOT của", "các date:2017..",
                  "category:business của và", "\"của các\" trong", "nhà* của",
                  "cua cac nhung trong mot nam nay da duoc"});
  return queries;
}

}  // namespace

TEST_CASE(
    "a term's bitmap holds the documents of its posting list, and is read again "
    "after a commit",
    "[term_bitmaps]") {
  vnews::test::TempDir dir;
  const std::string path = (dir / "db").string();
  Xapian::WritableDatabase writer(path, Xapian::DB_CREATE);
  add_documents(writer, 300, 3);
  Xapian::Database db(path);
  TermBitmaps bitmaps = at_first_use();
  const std::shared_ptr<const TermBitmap> before = bitmaps.get(db, "common");
  check_same_documents(*before, db, "common");
  CHECK(bitmaps.get(db, "common") == before);  // kept
  CHECK(bitmaps.get(db, "absent")->documents == 0);
  TermBitmaps at_third_use(TermBitmaps::kDefaultBudgetBytes, 1, 3, false);
  CHECK(at_third_use.get(db, "common") == nullptr);  // read on the posting list
  CHECK(at_third_use.get(db, "common") == nullptr);
  CHECK(at_third_use.get(db, "common")->documents == 100);
  TermBitmaps paid_off(TermBitmaps::kDefaultBudgetBytes, 1, 3);
  for (unsigned use = 0; use < TermBitmaps::kUsesThatPayOff; ++use) {
    CHECK(paid_off.get(db, "common") != nullptr);  // from the first use
  }
  TermBitmaps wasted(TermBitmaps::kDefaultBudgetBytes, 1, 3);
  CHECK(wasted.get(db, "common") != nullptr);  // used once before the commit

  add_documents(writer, 100, 2);
  writer.delete_document(1);
  writer.commit();
  db.reopen();
  const std::shared_ptr<const TermBitmap> after = bitmaps.get(db, "common");
  CHECK(after != before);
  check_same_documents(*after, db, "common");
  // A new revision: built again once used as much.
  CHECK(at_third_use.get(db, "common") == nullptr);
  CHECK(at_third_use.get(db, "common") == nullptr);
  check_same_documents(*at_third_use.get(db, "common"), db, "common");
  // At once for a term whose bitmap paid off; after 3 uses for the other.
  check_same_documents(*paid_off.get(db, "common"), db, "common");
  CHECK(wasted.get(db, "common") == nullptr);
  CHECK(wasted.get(db, "common") == nullptr);
  check_same_documents(*wasted.get(db, "common"), db, "common");
  CHECK(before->documents == 100);  // what a match at the old revision still reads
}

// The docids `query` matches in `db`, in order.
std::vector<Xapian::docid> matches(const Xapian::Database& db,
                                   const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  std::vector<Xapian::docid> out;
  const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount() + 1);
  for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back(*it);
  return out;
}

TEST_CASE("a query on term bitmaps matches what the AND of the terms' lists matches",
          "[term_bitmaps]") {
  vnews::test::TempDir dir;
  const std::string path = (dir / "db").string();
  {
    Xapian::WritableDatabase writer(path, Xapian::DB_CREATE);
    for (Xapian::docid did = 1; did <= 300; ++did) {
      Xapian::Document doc;
      doc.add_term("all");
      if (did % 2 == 0) doc.add_term("even");
      if (did % 3 == 0) doc.add_term("three");
      // Word boundaries of the bitmap, and the last document.
      if (did % 7 == 0 || did == 63 || did == 64 || did == 65 || did == 300)
        doc.add_term("some");
      writer.add_document(doc);
    }
    for (Xapian::docid gone : {6, 64, 128, 129}) writer.delete_document(gone);
  }
  Xapian::Database db(path);
  // Every term on a bitmap; a term on a bitmap from its second use (some
  // queries mix bitmaps and posting lists); every term on its posting list.
  const unsigned uses = GENERATE(1u, 2u, 1000u);
  INFO("a bitmap at the use " << uses);
  TermBitmaps bitmaps(TermBitmaps::kDefaultBudgetBytes, 1, uses, false);
  const auto terms = [](std::initializer_list<const char*> names) {
    return std::vector<std::string>(names.begin(), names.end());
  };
  const auto lists = [&](const std::vector<std::string>& names) {
    return Xapian::Query(Xapian::Query::OP_AND, names.begin(), names.end());
  };
  for (const std::vector<std::string>& names :
       {terms({"even"}), terms({"even", "three"}), terms({"some", "all"}),
        terms({"some", "even", "three"}), terms({"even", "absent"})}) {
    INFO(names.size() << " terms, the first " << names[0]);
    const Xapian::Query on_bitmaps = vnews::all_terms_on_bitmaps(names, bitmaps);
    CHECK(matches(db, on_bitmaps) == matches(db, lists(names)));
    // Beside posting lists, which move it with skip_to() and check().
    for (const char* other : {"some", "three"}) {
      const Xapian::Query list(other);
      CHECK(matches(db, Xapian::Query(Xapian::Query::OP_AND, list, on_bitmaps)) ==
            matches(db, Xapian::Query(Xapian::Query::OP_AND, list, lists(names))));
      CHECK(matches(db, Xapian::Query(Xapian::Query::OP_AND_NOT, list, on_bitmaps)) ==
            matches(db, Xapian::Query(Xapian::Query::OP_AND_NOT, list, lists(names))));
    }
  }
  const Xapian::WritableDatabase empty(std::string(), Xapian::DB_BACKEND_INMEMORY);
  CHECK(matches(empty, vnews::all_terms_on_bitmaps(terms({"a", "b"}), bitmaps)).empty());
}

TEST_CASE("a database without a UUID gets no term bitmap", "[term_bitmaps]") {
  Xapian::WritableDatabase memory(std::string(), Xapian::DB_BACKEND_INMEMORY);
  add_documents(memory, 10, 2);
  TermBitmaps bitmaps = at_first_use();
  CHECK(bitmaps.get(memory, "common") == nullptr);
  CHECK(bitmaps.bytes() == 0);
  // Its queries read the posting lists.
  CHECK(matches(memory, vnews::all_terms_on_bitmaps({"common", "all"}, bitmaps)) ==
        std::vector<Xapian::docid>{1, 3, 5, 7, 9});
}

TEST_CASE("term bitmaps beyond the budget are dropped, least recently used first",
          "[term_bitmaps]") {
  vnews::test::TempDir dir;
  const std::string path = (dir / "db").string();
  {
    Xapian::WritableDatabase writer(path, Xapian::DB_CREATE);
    for (int i = 0; i < 1000; ++i) {
      Xapian::Document doc;
      for (const char* term : {"a", "b", "c"}) doc.add_term(term);
      writer.add_document(doc);
    }
  }
  Xapian::Database db(path);
  const std::size_t one =
      at_first_use().get(db, "a")->words.size() * sizeof(std::uint64_t);
  TermBitmaps bitmaps = at_first_use(2 * one);
  const auto a = bitmaps.get(db, "a");
  const auto b = bitmaps.get(db, "b");
  CHECK(bitmaps.get(db, "a") == a);  // a is now the most recently used
  bitmaps.get(db, "c");              // drops b
  CHECK(bitmaps.bytes() == 2 * one);
  CHECK(bitmaps.get(db, "a") == a);
  CHECK(bitmaps.get(db, "b") != b);
  CHECK(bitmaps.bytes() <= 2 * one);

  TermBitmaps none = at_first_use(one - 1);  // too small for any: built, used, not kept
  CHECK(none.get(db, "a")->documents == 1000);
  CHECK(none.bytes() == 0);
}

TEST_CASE("a term is checked on a bitmap when it is common, and only then",
          "[term_bitmaps]") {
  const TermBitmaps bitmaps(TermBitmaps::kDefaultBudgetBytes, 100);
  constexpr Xapian::doccount one_in = TermBitmaps::kOneIn;
  CHECK(bitmaps.worth_it(100, 100 * one_in));
  CHECK_FALSE(bitmaps.worth_it(99, 1000));               // too few documents
  CHECK_FALSE(bitmaps.worth_it(100, 100 * one_in + 1));  // too small a share
  CHECK(bitmaps.worth_it(100000, 100000));
}

TEST_CASE(
    "checking common words on bitmaps gives the answers of their posting lists, "
    "on one database and on shards",
    "[term_bitmaps][searcher]") {
  const vnews::test::ShardedSample& sample = vnews::test::ShardedSample::get();
  const std::vector<std::string> queries = common_word_queries();
  // Every word of the 41 articles on a bitmap, from its first use, or from
  // its second (queries then mix bitmaps and posting lists).
  const unsigned uses = GENERATE(1u, 2u);
  INFO("a bitmap at the use " << uses);
  for (const auto& db : {sample.single(), sample.sharded()}) {
    INFO(db);
    vnews::Searcher lists({db.string()});
    vnews::Searcher bitmapped({db.string()});
    const auto bitmaps =
        std::make_shared<TermBitmaps>(TermBitmaps::kDefaultBudgetBytes, 1, uses, false);
    bitmapped.use_bitmaps(bitmaps);
    CHECK(answers_of(bitmapped, queries) == answers_of(lists, queries));
    CHECK(bitmaps->bytes() > 0);  // they were used
  }
}
