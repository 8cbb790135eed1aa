// How Vietnamese queries find and rank articles (issue: Vietnamese analysis),
// over small databases built through run_index and searched through Searcher.
#include <catch2/catch.hpp>

#include "small_index.h"

namespace {

using vnews::test::SmallIndex;
using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("either tone-mark placement scores as an exact match", "[vietnamese]") {
  SmallIndex index(
      vnews::test::Articles{{"new.txt", "Tin mới\nSapo\nhoà giải ở Thuỵ Điển"},
                            {"old.txt", "Tin mới\nSapo\nhòa giải ở Thụy Điển"},
                            {"other.txt", "Tin khác\nSapo\nhoa giấy ở Thủy Điện"}});
  for (const char* query : {"hòa giải Thụy Điển", "hoà giải Thuỵ Điển"}) {
    INFO(query);
    CHECK(index.score(query, "new.txt") == Approx(index.score(query, "old.txt")));
    CHECK(index.score(query, "new.txt") > index.score(query, "other.txt"));
  }
}

TEST_CASE("unaccented queries find accented articles, d standing for đ", "[vietnamese]") {
  SmallIndex index(vnews::test::Articles{{"eu.txt", "Thị trường châu Âu\nSapo\nThân bài"},
                                         {"se.txt", "Bầu cử ở Thụy Điển\nSapo\nThân bài"},
                                         {"x.txt", "Tin thể thao\nSapo\nThân bài"}});
  CHECK(index.ids("thi truong chau au").front() == "eu.txt");
  CHECK(index.ids("Thuy Dien").front() == "se.txt");
  CHECK(index.ids("THUY DIEN").front() == "se.txt");
}

TEST_CASE("a partly accented query counts accents syllable by syllable", "[vietnamese]") {
  SmallIndex index(vnews::test::Articles{{"phone.txt", "Tin\nSapo\nđiện thoại mới"},
                                         {"drama.txt", "Tin\nSapo\ndiễn thoại mới"}});
  CHECK(index.ids("điện thoai").front() == "phone.txt");
  CHECK(index.ids("dien thoai").size() == 2);
}

TEST_CASE("in a query typed with accents, unaccented words match as typed first",
          "[vietnamese]") {
  SmallIndex index(
      vnews::test::Articles{{"plain.txt", "Tin\nSapo\nxã Vũ Oai, huyện Lán"},
                            {"acute.txt", "Tin\nSapo\nxã Vũ Oái, huyện Lán"}});
  CHECK(index.ids("lán oai").front() == "plain.txt");
  CHECK(index.ids("lán oái").front() == "acute.txt");
  CHECK(index.score("lan oai", "plain.txt") ==
        Approx(index.score("lan oai", "acute.txt")));
}

TEST_CASE("numbers and abbreviations match in queries typed with or without accents",
          "[vietnamese]") {
  SmallIndex index(vnews::test::Articles{{"2017.txt", "Tin\nSapo\nTP Hà Nội năm 2017"},
                                         {"2018.txt", "Tin\nSapo\nTP Hà Nội năm 2018"}});
  for (const char* query : {"năm 2017", "nam 2017", "title:tin 2017", "TP Hà Nội 2017"}) {
    INFO(query);
    CHECK(index.ids(query).front() == "2017.txt");
  }
  CHECK(index.ids("\"năm 2017\"") == Ids{"2017.txt"});
  CHECK(index.ids("\"tp hà\"").size() == 2);
  CHECK(index.score("năm 2017", "2017.txt") > index.score("năm 2018", "2017.txt"));
}

TEST_CASE(
    "typed accents match that word only, other accents only when nothing does, "
    "saying so",
    "[vietnamese]") {
  SmallIndex index(vnews::test::Articles{{"sell.txt", "Tin\nSapo\nbán nhà"},
                                         {"friend.txt", "Tin\nSapo\nbạn nhà"},
                                         {"plain.txt", "Tin\nSapo\nban nhà"},
                                         {"storm.txt", "Tin\nSapo\nbảo vệ nhà"}});
  CHECK(index.ids("bán") == Ids{"sell.txt"});
  CHECK(index.ids("BÁN NHÀ") == Ids{"sell.txt"});
  CHECK(index.ids("ban").size() == 3);
  const vnews::SearchResult strict = index.search("bảo");
  CHECK(strict.relaxed.empty());
  CHECK(strict.total == 1);
  // No article holds "bão": its other accent forms, said.
  const vnews::SearchResult widened = index.search("bão nhà");
  CHECK(widened.relaxed == "other accent forms of bão, nhà");
  REQUIRE(widened.hits.size() == 1);
  CHECK(widened.hits[0].article.id == "storm.txt");
  CHECK(widened.hits[0].snippet.text == "Sapo bảo vệ nhà");  // lead and body, short
  CHECK(widened.hits[0].snippet.highlights.size() == 2);
}

TEST_CASE("syllables side by side outrank scattered ones, with or without accents",
          "[vietnamese]") {
  const std::pair<const char*, const char*> words[] = {
      {"điện thoại", "dien thoai"}, {"Hà Nội", "ha noi"}, {"thị trường", "thi truong"}};
  for (const auto& [accented, plain] : words) {
    const std::string a = accented;
    const std::string first = a.substr(0, a.find(' '));
    const std::string second = a.substr(a.find(' ') + 1);
    SmallIndex index(vnews::test::Articles{
        {"apart.txt", "Tin\nSapo\n" + second + " và nhiều chữ khác rồi " + first},
        {"together.txt", "Tin\nSapo\nnhiều chữ khác và " + a}});
    INFO(accented);
    CHECK(index.ids(accented).front() == "together.txt");
    CHECK(index.ids(plain).front() == "together.txt");
  }
}

TEST_CASE("numbers, dates, codes and abbreviations find their articles", "[vietnamese]") {
  SmallIndex index(vnews::test::Articles{
      {"price.txt", "Giá xăng\nSapo\ngiá 24.000 đồng, tăng 1,5 lần, lãi 10%"},
      {"date.txt", "Lịch họp\nSapo\nngày 3/6/2017 tại TP.HCM, UBND quận"},
      {"code.txt",
       "Nghị quyết\nSapo\nNghị quyết 11-NQ/TW về Covid-19 và iPhone 8, mạng 4G"},
      {"mail.txt",
       "Liên hệ\nSapo\nthư lienhe@baotang.vn, trang https://vnews.vn/tin #VanHoaViet"},
      {"noise.txt",
       "Tin khác\nSapo\nngày 6 tháng 3 năm 2017 có 24 người, 000 và 11 tw nq"}});
  struct Row {
    const char* query;
    const char* expected;
  };
  const Row rows[] = {
      {"24.000", "price.txt"},
      {"1,5", "price.txt"},
      {"10%", "price.txt"},
      {"3/6/2017", "date.txt"},
      {"TP.HCM", "date.txt"},
      {"tp.hcm", "date.txt"},
      {"UBND", "date.txt"},
      {"11-NQ/TW", "code.txt"},
      {"covid-19", "code.txt"},
      {"Covid 19", "code.txt"},
      {"iPhone 8", "code.txt"},
      {"4G", "code.txt"},
      {"lienhe@baotang.vn", "mail.txt"},
      {"vnews.vn", "mail.txt"},
      {"#VanHoaViet", "mail.txt"},
      {"vanhoaviet", "mail.txt"},
  };
  for (const Row& row : rows) {
    INFO(row.query);
    const Ids ids = index.ids(row.query);
    REQUIRE_FALSE(ids.empty());
    CHECK(ids.front() == row.expected);
  }
}

TEST_CASE("an article of over-long words and codes is indexed whole", "[vietnamese]") {
  const std::string huge(400, 'x');
  const std::string url = "https://vnews.vn/" + std::string(300, 'a') + "/" + huge;
  SmallIndex index(vnews::test::Articles{
      {"long.txt", "Bài dài " + huge + "\nSapo " + url + "\nThân bài bình thường"}});
  CHECK(index.ids("bình thường") == Ids{"long.txt"});
}

TEST_CASE("snippets highlight phrase, unaccented and other-orthography matches",
          "[vietnamese][snippet]") {
  SmallIndex index(vnews::test::Articles{
      {"a.txt", "Tin\nSapo\nThoả thuận với Uỷ ban châu Âu về điện thoại."}});
  const auto text = [&](const std::string& q) {
    const auto result = index.search(q);
    REQUIRE(result.hits.size() == 1);
    const auto& s = result.hits[0].snippet;
    std::string spans;
    for (const auto& [b, e] : s.highlights)
      spans += std::to_string(b) + "-" + std::to_string(e) + " ";
    return spans;
  };
  // "Sapo Thoả thuận với Uỷ ban châu Âu về điện thoại"
  CHECK(text("\"châu Âu\"") == "27-34 ");
  CHECK(text("thỏa thuận") == "5-15 ");
  CHECK(text("uy ban dien thoai") == "20-26 38-48 ");
}
