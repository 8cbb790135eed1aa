// Quoted phrases, which the index matches by words and pairs and the searcher
// checks on each result's text.
#include <algorithm>
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "query/document_check.h"
#include "small_index.h"

namespace {

using vnews::test::SmallIndex;
using Ids = std::vector<std::string>;

// "thị trường chứng khoán" in one run, and its three pairs apart.
const vnews::test::Articles kMarket = {
    {"run.txt", "Tin tài chính\nSapo\nthị trường chứng khoán hôm nay"},
    {"apart.txt",
     "Tin tổng hợp\nSapo\nthị trường lúa gạo; trường chứng chỉ; chứng khoán Mỹ"}};

}  // namespace

TEST_CASE("a phrase matches its words in one run, not its pairs apart", "[phrase]") {
  SmallIndex index(kMarket);
  CHECK(index.ids("\"thị trường chứng khoán\"") == Ids{"run.txt"});
  CHECK(index.ids("\"thi truong chung khoan\"") == Ids{"run.txt"});
  CHECK(index.ids("thị trường chứng khoán").size() == 2);  // unquoted: both
}

TEST_CASE("a phrase typed with diacritics needs its exact syllables", "[phrase]") {
  SmallIndex index(vnews::test::Articles{
      {"sell.txt", "Cửa hàng\nSapo\nchị bán hàng ở chợ"},
      {"friend.txt", "Bạn bè\nSapo\nngười bạn hàng xóm, không bán gì"}});
  CHECK(index.ids("\"bán hàng\"") == Ids{"sell.txt"});
  CHECK(index.ids("\"ban hang\"").size() == 2);
}

TEST_CASE("a phrase stays within one field and crosses punctuation only where typed",
          "[phrase]") {
  SmallIndex index(vnews::test::Articles{
      {"fields.txt", "Tin về châu\nÂu Cơ là mẹ\nThân bài"},
      {"comma.txt", "Tin khác\nSapo\nhuyện Văn Lâm (Hưng Yên) có tin mới"},
      {"run.txt", "Tin thứ ba\nSapo\nLiên minh châu Âu họp"}});
  CHECK(index.ids("\"châu Âu\"") == Ids{"run.txt"});
  CHECK(index.ids("\"chau au\"") == Ids{"run.txt"});
  CHECK(index.ids("\"Lâm Hưng Yên\"").empty());
  CHECK(index.ids("\"Lâm (Hưng Yên\"") == Ids{"comma.txt"});
  CHECK(index.ids("\"lam, hung yen\"") == Ids{"comma.txt"});
}

TEST_CASE("an excluded phrase leaves the documents that hold its words apart",
          "[phrase]") {
  SmallIndex index(kMarket);
  CHECK(index.ids("tin -\"thị trường chứng khoán\"") == Ids{"apart.txt"});
  CHECK(index.ids("tin NOT \"thi truong chung khoan\"") == Ids{"apart.txt"});
  CHECK(index.ids("-\"chứng khoán hôm\"") == Ids{"apart.txt"});
}

TEST_CASE("phrases as alternatives match documents holding either", "[phrase]") {
  vnews::test::Articles articles = kMarket;
  articles.push_back({"gold.txt", "Giá vàng\nSapo\nvàng miếng tăng giá"});
  SmallIndex index(articles);
  const std::vector<std::string> found =
      index.ids("\"thị trường chứng khoán\" OR \"vàng miếng\"");
  CHECK(std::set<std::string>(found.begin(), found.end()) ==
        std::set<std::string>{"run.txt", "gold.txt"});
}

TEST_CASE("a phrase in the title is looked for in the title only", "[phrase]") {
  SmallIndex index(
      vnews::test::Articles{{"title.txt", "Giá vàng tăng mạnh\nSapo\nThân"},
                            {"body.txt", "Tin khác\nSapo\ngiá vàng tăng mạnh hôm qua"}});
  CHECK(index.ids("title:\"giá vàng tăng\"") == Ids{"title.txt"});
  CHECK(index.ids("\"giá vàng tăng\"").size() == 2);
}

TEST_CASE("phrase results page and count the documents that hold the phrase",
          "[phrase]") {
  // 60 articles with the pairs apart, which rank above the 3 with the run
  // (their words are more frequent in them), so the checks span windows.
  vnews::test::Articles articles;
  for (int i = 0; i < 60; ++i) {
    articles.push_back({"apart-" + std::to_string(i) + ".txt",
                        "Tin " + std::to_string(i) +
                            "\nSapo\nthị trường thị trường; "
                            "trường chứng trường chứng; chứng khoán chứng khoán"});
  }
  for (int i = 0; i < 3; ++i) {
    articles.push_back({"run-" + std::to_string(i) + ".txt",
                        "Bài " + std::to_string(i) + "\nSapo\nthị trường chứng khoán " +
                            std::string(200, 'x').replace(0, 1, " ")});
  }
  SmallIndex index(articles);
  const vnews::SearchResult all = index.search("\"thị trường chứng khoán\"", 10);
  CHECK(all.total == 3);
  REQUIRE(all.hits.size() == 3);
  for (const auto& hit : all.hits) CHECK(hit.article.id.rfind("run-", 0) == 0);
  const vnews::SearchResult one = index.search("\"thị trường chứng khoán\"", 1);
  REQUIRE(one.hits.size() == 1);
  CHECK(one.hits[0].article.id == all.hits[0].article.id);
}

TEST_CASE("a phrase check matches whole words in order, side by side as typed",
          "[phrase]") {
  vnews::Analyzer analyzer;
  const auto check =
      vnews::phrase_check(analyzer.analyze("thị trường"), vnews::Field::kAll);
  CHECK(vnews::holds_phrase(analyzer.analyze("Thị trường"), check));
  CHECK_FALSE(vnews::holds_phrase(analyzer.analyze("thì trượng"), check));
  CHECK(vnews::holds_phrase(
      analyzer.analyze("THI\xCC\xA3 TRU\xCC\x9Bo\xCC\x9B\xCC\x80NG"), check));
  CHECK_FALSE(vnews::holds_phrase(analyzer.analyze("thị. Trường"), check));
  const auto typed =
      vnews::phrase_check(analyzer.analyze("thị: trường"), vnews::Field::kAll);
  CHECK(vnews::holds_phrase(analyzer.analyze("thị. Trường"), typed));
  CHECK_FALSE(vnews::holds_phrase(analyzer.analyze("thị trườngg"), check));
  CHECK_FALSE(vnews::holds_phrase(analyzer.analyze("thị"), check));
  CHECK_FALSE(vnews::holds_phrase({}, check));
  const auto plain =
      vnews::phrase_check(analyzer.analyze("thi truong"), vnews::Field::kAll);
  CHECK(vnews::holds_phrase(analyzer.analyze("thì trượng 😀"), plain));
  // Word by word: an accented word as typed, an unaccented one any form.
  const auto mixed =
      vnews::phrase_check(analyzer.analyze("thị truong"), vnews::Field::kAll);
  CHECK(vnews::holds_phrase(analyzer.analyze("thị trượng"), mixed));
  CHECK_FALSE(vnews::holds_phrase(analyzer.analyze("thì trường"), mixed));
  const auto widened = vnews::phrase_check(analyzer.analyze("thị trường"),
                                           vnews::Field::kAll, vnews::Accents::kAny);
  CHECK(vnews::holds_phrase(analyzer.analyze("thì trượng"), widened));
}

TEST_CASE("an article's phrase check looks at whole words in any script and form",
          "[phrase]") {
  vnews::Analyzer analyzer;
  vnews::Article a;
  const auto holds = [&](const std::string& phrase) {
    return vnews::holds_phrase(
        a, vnews::phrase_check(analyzer.analyze(phrase), vnews::Field::kAll), analyzer);
  };
  a.title = "Tin nhanh";
  a.lead = "Giá 3.5 triệu (thị trường chứng khoán) ở Москва сегодня";
  a.body = "Thi\xCC\xA3 tru\xCC\x9Bo\xCC\x9B\xCC\x80ng Đà Nẵng, 北京 欢迎";
  CHECK(holds("thị trường chứng khoán"));
  CHECK(holds("thi truong chung khoan"));
  CHECK(holds("3.5 triệu"));
  CHECK_FALSE(holds("5 triệu"));  // part of "3.5"
  CHECK_FALSE(holds("ang chung"));
  CHECK(holds("москва сегодня"));
  CHECK(holds("thị trường Đà Nẵng"));  // NFD body
  CHECK_FALSE(holds("nhanh giá"));     // two fields
  CHECK_FALSE(holds("nẵng 北京"));     // a comma between
  CHECK(holds("nẵng, 北京"));
  CHECK_FALSE(holds("北京 thị"));
}

TEST_CASE(
    "a phrase anywhere in a query is checked on the text: in groups, alternatives "
    "and exclusions",
    "[phrase]") {
  vnews::test::Articles articles = kMarket;
  articles.push_back({"gold.txt", "Giá vàng\nSapo\nvàng miếng tăng giá"});
  SmallIndex index(articles);
  const auto sorted = [&](const std::string& query) {
    Ids found = index.ids(query);
    std::sort(found.begin(), found.end());
    return found;
  };
  // apart.txt holds the words and pairs of the phrase, not the phrase.
  CHECK(sorted("(tin -\"thị trường chứng khoán\") OR vàng") ==
        Ids{"apart.txt", "gold.txt"});
  CHECK(sorted("\"thị trường chứng khoán\" OR vàng") == Ids{"gold.txt", "run.txt"});
  CHECK(sorted("-(tin \"thị trường chứng khoán\")") == Ids{"apart.txt", "gold.txt"});
  CHECK(sorted("(\"chứng khoán hôm\" OR miếng) -\"thị trường lúa\"") ==
        Ids{"gold.txt", "run.txt"});
  CHECK(index.search("\"thị trường chứng khoán\" OR vàng").total == 2);
}

TEST_CASE("a field of near misses without spaces is checked in one pass", "[phrase]") {
  vnews::Analyzer analyzer;
  const auto check =
      vnews::phrase_check(analyzer.analyze("thị trường chứng khoán"), vnews::Field::kAll);
  vnews::Article a;
  a.title = "Tin";
  // 40,000 places where the skeleton holds "thi truong chung khoan" and no
  // space anywhere: a window per place, each reaching across the field,
  // would analyze it 40,000 times.
  std::string near_misses;
  for (int i = 0; i < 40000; ++i) near_misses += "thị,trường,chứng,khoán,";
  a.body = near_misses;
  CHECK_FALSE(vnews::holds_phrase(a, check, analyzer));
  a.body = near_misses + " thị trường chứng khoán";
  CHECK(vnews::holds_phrase(a, check, analyzer));
  // Letters of the phrase inside longer words, far from any space.
  a.body = std::string(3000, 'x') + "thị trường chứng khoánx";
  CHECK_FALSE(vnews::holds_phrase(a, check, analyzer));
}
