// Searches over small databases built for each test, through run_index and
// Searcher, as vnews-search does.
#include "query_builder.h"

#include <catch2/catch.hpp>

#include "small_index.h"
#include "vnews/error.h"

namespace {

using vnews::test::SmallIndex;
using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("unaccented query finds accented title", "[searcher]") {
  SmallIndex index(vnews::test::Articles{{"a.txt", "Điện thoại Xiaomi giá rẻ\nSapo\nThân bài"},
                    {"b.txt", "Bóng đá Việt Nam\nSapo\nThân bài"}});
  CHECK(index.ids("dien thoai xiaomi") == Ids{"a.txt"});
}

TEST_CASE("accented query ranks the exact syllable first", "[searcher]") {
  SmallIndex index(vnews::test::Articles{{"ban-friend.txt", "Người bạn cũ\nSapo\nbạn bạn bạn"},
                    {"ban-sell.txt", "Cửa hàng mới\nSapo\nbán hàng"},
                    {"ban-plain.txt", "Họp ban\nSapo\nban ban"}});
  CHECK(index.ids("bán").front() == "ban-sell.txt");
  CHECK(index.ids("bạn").front() == "ban-friend.txt");
  CHECK(index.ids("ban").size() == 3);  // unaccented matches every form
}

TEST_CASE("either tone-mark placement finds the other", "[searcher]") {
  SmallIndex index(vnews::test::Articles{{"new.txt", "Thuỵ Điển ký thoả thuận\nSapo\nThân"},
                    {"old.txt", "Hòa bình ở Thụy Sĩ\nSapo\nThân"}});
  CHECK(index.ids("Thụy Điển thỏa thuận").front() == "new.txt");
  CHECK(index.ids("hoà bình Thuỵ Sĩ").front() == "old.txt");
}

TEST_CASE("syllables standing together outrank scattered ones", "[searcher]") {
  SmallIndex index(vnews::test::Articles{{"scattered.txt", "Trường học\nSapo\nthị xã có trường mới, chợ thị trấn"},
                    {"together.txt", "Tin kinh tế\nSapo\nthị trường hôm nay sôi động"}});
  CHECK(index.ids("thị trường").front() == "together.txt");
  CHECK(index.ids("thi truong").front() == "together.txt");
}

TEST_CASE("a quoted phrase must appear as a phrase", "[searcher]") {
  SmallIndex index(vnews::test::Articles{{"eu.txt", "Tin châu Âu\nSapo\nThân"},
                    {"apart.txt", "Tin châu Phi\nSapo\nông Âu Văn nói"}});
  CHECK(index.ids("\"châu Âu\"") == Ids{"eu.txt"});
  CHECK(index.ids("\"chau au\"") == Ids{"eu.txt"});
  CHECK(index.ids("châu Âu").size() == 2);
}

TEST_CASE("an unbalanced quote runs to the end of the query", "[searcher]") {
  SmallIndex index(vnews::test::Articles{{"eu.txt", "Tin châu Âu\nSapo\nThân"},
                    {"apart.txt", "Tin châu Phi\nSapo\nông Âu Văn nói"}});
  CHECK(index.ids("tin \"châu Âu") == Ids{"eu.txt"});
}

TEST_CASE("NFD query finds NFC text and the reverse", "[searcher]") {
  SmallIndex index(vnews::test::Articles{{"nfd.txt", "Thi\xCC\xA3 tru\xCC\x9Bo\xCC\x9B\xCC\x80ng\nSapo\nThân"},
                    {"other.txt", "Tin khác\nSapo\nThân"}});
  CHECK(index.ids("thị trường") == Ids{"nfd.txt"});
  CHECK(index.ids("THỊ TRƯỜNG") == Ids{"nfd.txt"});
}

TEST_CASE("a query with no word to search for is an error quoting it", "[searcher]") {
  vnews::Analyzer analyzer;
  REQUIRE_THROWS_AS(vnews::build_query("?!", analyzer), vnews::QueryError);
  REQUIRE_THROWS_WITH(vnews::build_query("😀 ...", analyzer),
                      "query '😀 ...' has no word to search for");
  REQUIRE_THROWS_WITH(vnews::build_query("", analyzer),
                      "query '' has no word to search for");
}

TEST_CASE("highlight terms follow what was typed", "[searcher]") {
  vnews::Analyzer analyzer;
  // Typed with accents somewhere: every word highlights its form as typed.
  const auto mixed = vnews::build_query("bán dien", analyzer);
  CHECK(mixed.match.exact == std::set<std::string>{"bán", "dien"});
  CHECK(mixed.match.folded.empty());
  CHECK(mixed.match.fallback.at("ban") == "bán");
  // Typed without accents: every accent form is highlighted.
  const auto plain = vnews::build_query("ban dien", analyzer);
  CHECK(plain.match.exact.empty());
  CHECK(plain.match.folded == std::set<std::string>{"ban", "dien"});
}
