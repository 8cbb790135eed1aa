#include "document_builder.h"

#include <catch2/catch.hpp>
#include <string>

#include "vnews/document_data.h"
#include "vnews/schema.h"

namespace {

// Returns "term:wdf" for each term of `doc`, space-separated, in term order.
std::string terms_with_wdf(const Xapian::Document& doc) {
  std::string out;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    if (!out.empty()) out += ' ';
    out += *it + ":" + std::to_string(it.get_wdf());
  }
  return out;
}

vnews::Article article() {
  vnews::Article a;
  a.id = "sport/a.txt";
  a.title = "Hà Nội";
  a.body = "hà";
  a.category = "sport";
  return a;
}

}  // namespace

TEST_CASE("a document holds exact, folded, title and bigram terms", "[builder]") {
  vnews::Analyzer analyzer;
  const Xapian::Document doc = vnews::build_document(article(), analyzer);
  CHECK(terms_with_wdf(doc) ==
        "Qsport/a.txt:0 Shà:1 Snội:1 XBha noi:5 XCATsport:0 XFha:6 XFnoi:5 "
        "XTha:1 XTnoi:1 hà:6 nội:5");
}

TEST_CASE("a word no diacritic could change is indexed once, as its folded term",
          "[builder]") {
  vnews::Analyzer analyzer;
  vnews::Article a = article();
  a.title = "Năm 2017";
  a.body = "TP";
  const Xapian::Document doc = vnews::build_document(a, analyzer);
  CHECK(terms_with_wdf(doc) ==
        "Qsport/a.txt:0 Snăm:1 XBnam 2017:5 XCATsport:0 XF2017:5 XFnam:5 XFtp:1 "
        "XT2017:1 XTnam:1 năm:5");
}

TEST_CASE("a document keeps no positions", "[builder]") {
  vnews::Analyzer analyzer;
  const Xapian::Document doc = vnews::build_document(article(), analyzer);
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    INFO(*it);
    CHECK(it.positionlist_count() == 0);
  }
}

TEST_CASE("the article is stored as the document data", "[builder]") {
  vnews::Analyzer analyzer;
  const Xapian::Document doc = vnews::build_document(article(), analyzer);
  const vnews::Article back = vnews::load_article(doc);
  CHECK(back.title == "Hà Nội");
  CHECK(back.category == "sport");
  CHECK(doc.get_value(vnews::schema::kCategorySlot) == "sport");
}

TEST_CASE("an over-long id is hashed into a valid term", "[builder]") {
  const std::string long_id(400, 'x');
  const std::string term = vnews::id_term(long_id);
  CHECK(term.size() <= vnews::schema::kMaxTermBytes);
  CHECK(term == vnews::id_term(long_id));
  CHECK(term != vnews::id_term(long_id + "y"));
}
