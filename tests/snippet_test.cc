#include "run/snippet.h"

#include <catch2/catch.hpp>

#include "output/text_printer.h"
#include "query/query_plan.h"

namespace {

// Returns the snippet of `text` for `query` with "**" markers.
std::string marked(const std::string& text, const std::string& query,
                   std::size_t max_bytes = 300) {
  vnews::Analyzer analyzer;
  const auto match = vnews::highlight_terms(query, analyzer);
  return vnews::mark_highlights(vnews::make_snippet(text, match, analyzer, max_bytes),
                                false);
}

}  // namespace

TEST_CASE("snippet highlights unaccented matches on the original text", "[snippet]") {
  CHECK(marked("Giá Điện Thoại giảm.", "dien thoai") == "Giá **Điện Thoại** giảm");
}

TEST_CASE("snippet highlights the other tone-mark placement", "[snippet]") {
  CHECK(marked("Hoà bình lập lại", "hòa bình") == "**Hoà bình** lập lại");
}

TEST_CASE(
    "an accented query highlights only its exact form, other forms only when "
    "widened",
    "[snippet]") {
  CHECK(marked("bạn đi bán hàng", "bán") == "bạn đi **bán** hàng");
  CHECK(marked("bạn đi chợ", "bán") == "bạn đi chợ");
  vnews::Analyzer analyzer;
  vnews::MatchTerms widened;
  vnews::add_match_terms(analyzer.analyze("bán"), vnews::Accents::kAny, widened);
  CHECK(vnews::mark_highlights(vnews::make_snippet("bạn đi chợ", widened, analyzer),
                               false) == "**bạn** đi chợ");
  CHECK(vnews::mark_highlights(vnews::make_snippet("bạn đi bán", widened, analyzer),
                               false) == "bạn đi **bán**");
}

TEST_CASE("highlights are code point offsets into the snippet", "[snippet]") {
  vnews::Analyzer analyzer;
  const auto match = vnews::highlight_terms("việt", analyzer);
  const auto s = vnews::make_snippet("Tiếng Việt", match, analyzer);
  CHECK(s.text == "Tiếng Việt");
  REQUIRE(s.highlights.size() == 1);
  CHECK(s.highlights[0] == std::make_pair<std::size_t, std::size_t>(6, 10));
}

TEST_CASE("NFD text keeps its combining marks inside the highlight", "[snippet]") {
  const std::string nfd = "Thi\xCC\xA3 tru\xCC\x9Bo\xCC\x9B\xCC\x80ng";
  CHECK(marked(nfd + " mở", "thị trường") == "**" + nfd + "** mở");
}

TEST_CASE("the passage with the most distinct query words is chosen", "[snippet]") {
  std::string text = "xiaomi xiaomi xiaomi.";
  for (int i = 0; i < 40; ++i) text += " chữ đệm vô nghĩa";
  text += " điện thoại xiaomi mới.";
  for (int i = 0; i < 40; ++i) text += " chữ đệm vô nghĩa";
  const std::string s = marked(text, "điện thoại xiaomi", 60);
  CHECK_THAT(s, Catch::Contains("**điện thoại xiaomi**"));
  CHECK_THAT(s, Catch::StartsWith("\xE2\x80\xA6"));
  CHECK_THAT(s, Catch::EndsWith("\xE2\x80\xA6"));
}

TEST_CASE("text without a match gives its opening words", "[snippet]") {
  CHECK(marked("Mở đầu bài viết", "xiaomi") == "Mở đầu bài viết");
}

TEST_CASE("line breaks become spaces in a snippet", "[snippet]") {
  CHECK(marked("dòng một\ndòng hai", "hai") == "dòng một dòng **hai**");
}

TEST_CASE("a match deep in a long text is found and highlighted", "[snippet]") {
  std::string text;
  for (int i = 0; i < 300; ++i) text += "chữ đệm vô nghĩa. ";
  text += "Điện thoại XIAOMI mới ra mắt.";
  for (int i = 0; i < 300; ++i) text += " chữ đệm vô nghĩa.";
  const std::string s = marked(text, "dien thoai xiaomi");
  CHECK_THAT(s, Catch::Contains("**Điện thoại XIAOMI**"));
  CHECK_THAT(s, Catch::StartsWith("\xE2\x80\xA6"));
  CHECK_THAT(s, Catch::EndsWith("\xE2\x80\xA6"));
  CHECK(s.size() < 500);
}

TEST_CASE("a long text's best passage has the most distinct query words", "[snippet]") {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "xiaomi chữ đệm. ";
  text += "thị trường châu Âu đón xiaomi. ";
  for (int i = 0; i < 100; ++i) text += "xiaomi chữ đệm. ";
  const std::string s = marked(text, "xiaomi thị trường châu Âu");
  CHECK_THAT(s, Catch::Contains("**thị trường châu Âu**"));
}
