// Searches over small databases built for each test, through run_index and
// Searcher, as vnews-search does.
#include "query/query_plan.h"

#include <catch2/catch.hpp>

#include "small_index.h"
#include "vnews/error.h"

namespace {

using vnews::test::SmallIndex;
using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("unaccented query finds accented title", "[searcher]") {
  SmallIndex index(
      vnews::test::Articles{{"a.txt", "Điện thoại Xiaomi giá rẻ\nSapo\nThân bài"},
                            {"b.txt", "Bóng đá Việt Nam\nSapo\nThân bài"}});
  CHECK(index.ids("dien thoai xiaomi") == Ids{"a.txt"});
}

TEST_CASE("an accented query matches that word only, an unaccented one every form",
          "[searcher]") {
  SmallIndex index(
      vnews::test::Articles{{"ban-friend.txt", "Người bạn cũ\nSapo\nbạn bạn bạn"},
                            {"ban-sell.txt", "Cửa hàng mới\nSapo\nbán hàng"},
                            {"ban-plain.txt", "Họp ban\nSapo\nban ban"}});
  CHECK(index.ids("bán") == Ids{"ban-sell.txt"});
  CHECK(index.ids("bạn") == Ids{"ban-friend.txt"});
  CHECK(index.ids("ban").size() == 3);  // unaccented matches every form
}

TEST_CASE("either tone-mark placement finds the other", "[searcher]") {
  SmallIndex index(
      vnews::test::Articles{{"new.txt", "Thuỵ Điển ký thoả thuận\nSapo\nThân"},
                            {"old.txt", "Hòa bình ở Thụy Sĩ\nSapo\nThân"}});
  CHECK(index.ids("Thụy Điển thỏa thuận").front() == "new.txt");
  CHECK(index.ids("hoà bình Thuỵ Sĩ").front() == "old.txt");
}

TEST_CASE("syllables standing together outrank scattered ones", "[searcher]") {
  SmallIndex index(vnews::test::Articles{
      {"scattered.txt", "Trường học\nSapo\nthị xã có trường mới, chợ thị trấn"},
      {"together.txt", "Tin kinh tế\nSapo\nthị trường hôm nay sôi động"}});
  CHECK(index.ids("thị trường").front() == "together.txt");
  CHECK(index.ids("thi truong").front() == "together.txt");
}

TEST_CASE("a quoted phrase must appear as a phrase", "[searcher]") {
  SmallIndex index(
      vnews::test::Articles{{"eu.txt", "Tin châu Âu\nSapo\nThân"},
                            {"apart.txt", "Tin châu Phi\nSapo\nông Âu Văn nói"}});
  CHECK(index.ids("\"châu Âu\"") == Ids{"eu.txt"});
  CHECK(index.ids("\"chau au\"") == Ids{"eu.txt"});
  CHECK(index.ids("châu Âu").size() == 2);  // unquoted: both words, anywhere
}

TEST_CASE("an unbalanced quote runs to the end of the query", "[searcher]") {
  SmallIndex index(
      vnews::test::Articles{{"eu.txt", "Tin châu Âu\nSapo\nThân"},
                            {"apart.txt", "Tin châu Phi\nSapo\nông Âu Văn nói"}});
  CHECK(index.ids("tin \"châu Âu") == Ids{"eu.txt"});
}

TEST_CASE("NFD query finds NFC text and the reverse", "[searcher]") {
  SmallIndex index(vnews::test::Articles{
      {"nfd.txt", "Thi\xCC\xA3 tru\xCC\x9Bo\xCC\x9B\xCC\x80ng\nSapo\nThân"},
      {"other.txt", "Tin khác\nSapo\nThân"}});
  CHECK(index.ids("thị trường") == Ids{"nfd.txt"});
  CHECK(index.ids("THỊ TRƯỜNG") == Ids{"nfd.txt"});
}

TEST_CASE("a query with no word to search for is an error quoting it", "[searcher]") {
  vnews::Analyzer analyzer;
  REQUIRE_THROWS_AS(vnews::parse_query("?!", analyzer), vnews::QueryError);
  REQUIRE_THROWS_WITH(vnews::parse_query("😀 ...", analyzer),
                      "query '😀 ...' has no word to search for");
  REQUIRE_THROWS_WITH(vnews::parse_query("", analyzer),
                      "query '' has no word to search for");
  REQUIRE_THROWS_WITH(vnews::parse_query("AND OR NOT", analyzer),
                      "query 'AND OR NOT' has no word to search for");
}

TEST_CASE("a query word too long to be indexed is an error naming it", "[searcher]") {
  vnews::Analyzer analyzer;
  const std::string word(150, 'x');
  REQUIRE_THROWS_WITH(vnews::parse_query("xiaomi " + word, analyzer),
                      Catch::Contains("has a word too long to search for") &&
                          Catch::Contains("(150 bytes, at most 100)"));
}

TEST_CASE("highlight terms follow what was typed, word by word", "[searcher]") {
  vnews::Analyzer analyzer;
  // An accented word highlights its form as typed; an unaccented one any.
  const auto mixed = vnews::highlight_terms("bán dien", analyzer);
  CHECK(mixed.exact == std::set<std::string>{"bán"});
  CHECK(mixed.folded == std::set<std::string>{"dien"});
  CHECK(mixed.fallback.empty());
  const auto plain = vnews::highlight_terms("ban dien -xiaomi", analyzer);
  CHECK(plain.exact.empty());
  CHECK(plain.folded == std::set<std::string>{"ban", "dien"});  // not the excluded word
}
