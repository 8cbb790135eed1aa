// Grouping copies of a story reads a window of the best articles, widened
// while it holds too few stories; a searcher whose last query had to widen
// it fetches the wider window at once. Its answers must not change.
#include <algorithm>
#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "run/searcher.h"
#include "small_index.h"

namespace {

using vnews::test::Articles;

// 40 copies of one story about floods, and 12 other flood stories.
Articles flood_archive() {
  const std::string story =
      "Mưa lớn kéo dài nhiều ngày khiến nước sông dâng cao, hàng nghìn ngôi nhà ở "
      "các huyện ven biển bị ngập sâu. Chính quyền địa phương đã sơ tán người dân "
      "đến nơi an toàn, cấp phát lương thực và nước uống cho các gia đình bị ảnh "
      "hưởng, đồng thời huy động lực lượng cứu hộ túc trực tại những điểm xung yếu.";
  Articles articles;
  for (int i = 0; i < 40; ++i) {
    articles.push_back({"copies/lu-" + std::to_string(i) + ".txt",
                        "Lũ lớn nhấn chìm miền Trung\nLũ lớn gây ngập sâu.\n" + story});
  }
  const std::vector<std::string> places = {
      "Hà Giang", "Lào Cai", "Yên Bái",  "Sơn La",   "Điện Biên", "Lai Châu",
      "Cao Bằng", "Bắc Kạn", "Lạng Sơn", "Hòa Bình", "Phú Thọ",   "Tuyên Quang"};
  for (std::size_t i = 0; i < places.size(); ++i) {
    articles.push_back({"others/lu-" + std::to_string(i) + ".txt",
                        "Tin vắn " + places[i] + "\nLũ ở " + places[i] + ".\nNgày thứ " +
                            std::to_string(i + 2) + " nước lũ tại " + places[i] +
                            " rút chậm, đường sá hư hỏng, trường học đóng cửa."});
  }
  return articles;
}

// Every field of the page that grouping decides.
std::string page_of(vnews::Searcher& searcher, const std::string& query, unsigned offset,
                    unsigned limit = 5) {
  const vnews::SearchResult result = searcher.search(query, offset, limit);
  std::ostringstream out;
  out << query << " @" << offset << '+' << limit << ": " << result.total
      << (result.total_exact ? "" : "~") << '\n';
  for (const vnews::Hit& hit : result.hits) {
    out << hit.rank << ' ' << hit.article.id << ' ' << hit.score << " +";
    for (const std::string& id : hit.similar) out << ' ' << id;
    out << '\n';
  }
  return out.str();
}

}  // namespace

TEST_CASE(
    "a page of stories is the same whether or not the last query had to widen "
    "its window of articles",
    "[news][searcher]") {
  const vnews::test::SmallIndex index(flood_archive());
  vnews::Searcher widened({index.db()});
  // 40 copies rank first: 30 articles hold one story, so the window widens.
  const std::string floods = page_of(widened, "lũ", 0);
  REQUIRE_THAT(floods, Catch::Contains("copies/lu-"));
  CHECK(std::count(floods.begin(), floods.end(), '\n') == 6);  // 5 stories
  struct Page {
    std::string query;
    unsigned offset, limit;
  };
  // A window of 30 holds the one story of "lũ" with limit 1: its similar
  // articles are the other 29 of those 30, not every copy the wider window
  // holds.
  for (const Page& p : std::vector<Page>{{"lũ", 0, 1},
                                         {"lũ", 0, 5},
                                         {"lũ", 3, 5},
                                         {"tin vắn", 0, 5},
                                         {"\"nước lũ\"", 0, 5},
                                         {"lũ lớn", 0, 5}}) {
    vnews::Searcher fresh({index.db()});
    CHECK(page_of(widened, p.query, p.offset, p.limit) ==
          page_of(fresh, p.query, p.offset, p.limit));
    page_of(widened, "lũ", 0);  // widened again
  }
}
