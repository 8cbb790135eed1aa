#include "http/page.h"

#include <catch2/catch.hpp>

#include "http/access_log.h"

TEST_CASE("highlights count code points, not bytes or UTF-16 units", "[page]") {
  // "Điện" holds 3 two-byte and one three-byte letters; 😀 is one code
  // point of 4 bytes (two UTF-16 units), NFD "ệ" three code points.
  CHECK(vnews::mark_html("Điện thoại", {{0, 4}}) == "<mark>Điện</mark> thoại");
  CHECK(vnews::mark_html("😀 giá điện", {{2, 5}, {6, 10}}) ==
        "😀 <mark>giá</mark> <mark>điện</mark>");
  CHECK(vnews::mark_html("đie\u0323\u0302n", {{0, 6}}) ==
        "<mark>đie\u0323\u0302n</mark>");
  // Text is escaped inside and outside the marks; bad spans are ignored.
  CHECK(vnews::mark_html("<b>&\"'", {{0, 3}, {1, 2}, {5, 4}}) ==
        "<mark>&lt;b&gt;</mark>&amp;&quot;&#39;");
  CHECK(vnews::mark_html("ab", {{1, 99}}) == "a<mark>b</mark>");
  // Invalid UTF-8 still ends: a byte that starts no sequence counts as one.
  CHECK(vnews::mark_html("a\xFF"
                         "b",
                         {{2, 3}}) == "a\xFF<mark>b</mark>");
}

TEST_CASE("the page escapes the query and renders an answer's parts", "[page]") {
  vnews::SearchResult result;
  result.query = "dien <thoai>";
  result.total = 25;
  result.total_exact = false;
  result.relaxed = "other accent forms of bão";
  result.suggestions = {"điện {{results}}"};
  vnews::Hit hit;
  hit.rank = 11;
  hit.article.id = "tech/a b.txt";
  hit.article.title = "Điện thoại";
  hit.title_highlights = {{0, 4}};
  hit.snippet.text = "giá điện";
  hit.snippet.highlights = {{4, 8}};
  result.hits.push_back(hit);
  vnews::PageView view;
  view.request.query = result.query;
  view.request.offset = 10;
  view.result = &result;
  const std::string page = vnews::render_page(view);
  CHECK_THAT(page, Catch::Contains("value=\"dien &lt;thoai&gt;\""));
  CHECK_THAT(page, Catch::Contains("<title>dien &lt;thoai&gt; · vnews</title>"));
  CHECK_THAT(page, Catch::Contains("about 25 results"));
  CHECK_THAT(page, Catch::Contains("showing other accent forms of bão."));
  // A suggestion that looks like a slot of the template stays text.
  CHECK_THAT(page, Catch::Contains(">điện {{results}}</a>"));
  CHECK_THAT(page, Catch::Contains("<ol class=\"hits\" start=\"11\">"));
  CHECK_THAT(page, Catch::Contains("<mark>Điện</mark> thoại</a>"));
  CHECK_THAT(page, Catch::Contains("giá <mark>điện</mark>"));
  CHECK_THAT(page, Catch::Contains("href=\"/article/tech%2Fa%20b.txt\""));
  CHECK_THAT(page, Catch::Contains("href=\"/?q=dien%20%3Cthoai%3E&amp;sort=relevance&amp;"
                                   "offset=0\" rel=\"prev\""));
  CHECK_THAT(page, Catch::Contains("offset=20\" rel=\"next\""));
  CHECK_THAT(page, Catch::Contains("<option value=\"relevance\" selected>"));
  CHECK(page.find("{{") == page.find("{{results}}"));  // every slot filled
}

TEST_CASE("the empty page has the form and no results", "[page]") {
  const std::string page = vnews::render_page({});
  CHECK_THAT(page, Catch::Contains("<form id=\"search\" action=\"/\" method=\"get\""));
  CHECK_THAT(page, Catch::Contains("<main id=\"results\"></main>"));
  CHECK(page.find("{{") == std::string::npos);
}

TEST_CASE("an access log line has five fields, whatever the target holds", "[http]") {
  const auto when = std::chrono::system_clock::time_point(
      std::chrono::milliseconds(1717230600123LL));  // 2024-06-01T08:30:00.123Z
  CHECK(vnews::access_log_line(when, 200, 1.2344, "GET", "/search?q=b%C3%A3o") ==
        "2024-06-01T08:30:00.123Z 200 1.234ms GET /search?q=b%C3%A3o\n");
  CHECK(vnews::access_log_line(when, 400, 0.5, "G T", "/a\nb\x1b[31mc\xC3\xA3") ==
        "2024-06-01T08:30:00.123Z 400 0.500ms G%20T /a%0Ab%1B[31mc%C3%A3\n");
}
