// The same word written several ways, and typed several more: i/y
// spellings, abbreviations and long forms, joined and split names, numbers,
// Telex and VNI, zero-width characters. vnews-index and vnews-search over a
// small corpus written for it, run as programs.
#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test_util.h"

using vnews::test::run;
using vnews::test::RunResult;
using vnews::test::shell_quote;
using vnews::test::TempDir;
using vnews::test::write_file;

namespace {

const std::string kIndex = VNEWS_INDEX_BIN;
const std::string kSearch = VNEWS_SEARCH_BIN;

// Each article writes one form; the queries must find them all.
const std::pair<const char*, const char*> kArticles[] = {
    {"money/ty.txt", "Doanh thu 5 tỷ đồng\nCông ty báo lãi 5 tỷ đồng.\nThân bài."},
    {"money/ti.txt", "Lãi 7 tỉ đồng\nMột công ti lãi 7 tỉ đồng.\nThân bài."},
    {"tech/ky.txt", "Kỹ thuật mới\nKỹ thuật in ba chiều.\nThân bài."},
    {"tech/ki.txt", "Kĩ thuật cũ\nKĩ thuật dệt vải.\nThân bài."},
    {"city/tphcm-dotted.txt", "Mưa ở TP.HCM\nTP.HCM mưa lớn chiều qua.\nThân bài."},
    {"city/tphcm-joined.txt", "Kẹt xe ở TPHCM\nTPHCM kẹt xe giờ cao điểm.\nThân bài."},
    {"city/tphcm-split.txt", "Nắng ở TP HCM\nTP HCM nắng nóng.\nThân bài."},
    {"city/tphcm-long.txt",
     "Thành phố Hồ Chí Minh mở rộng\nThành phố Hồ Chí Minh mở đường.\n."},
    {"gov/ubnd.txt", "UBND tỉnh họp\nUBND tỉnh họp về ngân sách.\nThân bài."},
    {"gov/long.txt",
     "Ủy ban nhân dân tỉnh họp\nỦy ban nhân dân tỉnh bàn kế hoạch.\nThân."},
    {"bank/joined.txt",
     "LienVietPostBank tăng vốn\nNgân hàng LienVietPostBank tăng vốn.\n."},
    {"bank/split.txt",
     "Lien Viet Post Bank mở chi nhánh\nLien Viet Post Bank mở thêm.\n."},
    {"health/dash.txt", "Ca Covid-19 giảm\nSố ca Covid-19 giảm mạnh.\nThân bài."},
    {"health/joined.txt", "Vắc xin covid19 mới\nVắc xin covid19 được duyệt.\nThân bài."},
    {"tech/wi-fi.txt", "Wi-Fi miễn phí\nPhủ sóng Wi-Fi ở công viên.\nThân bài."},
    {"tech/wifi.txt", "Mạng wifi mới\nMạng wifi nhanh hơn.\nThân bài."},
    {"faith/thuan.txt", "Thuần phong mỹ tục\nGiữ thuần phong.\nThân bài."},
    {"law/thu-an.txt", "Thụ án xong\nÔng thụ án mười năm.\nThân bài."},
    {"price/dotted.txt", "Giá 1.000 đồng\nMỗi gói giá 1.000 đồng.\nThân bài."},
    {"price/plain.txt", "Giá 1000 đồng\nMỗi hộp giá 1000 đồng.\nThân bài."},
    {"phone/vn.txt", "Điện thoại mới ra mắt\nĐiện thoại gập bán chạy.\nThân bài."},
    {"phone/zw.txt", "Xiao\u200bmi ra mắt máy mới\nXiao\u200bmi công bố.\nThân bài."},
    {"other/mix.txt", "Bản mix mới\nDJ ra bản mix.\nThân bài."},
};

const std::string& variants_db() {
  static TempDir dir;
  static const std::string db = [] {
    for (const auto& [name, text] : kArticles) write_file(dir / "corpus" / name, text);
    return vnews::test::index_folder(kIndex, dir / "corpus", dir / "db");
  }();
  return db;
}

RunResult search(const std::string& args) {
  return run(kSearch + " --db " + shell_quote(variants_db()) + " " + args);
}

// The sorted ids of every article `query` finds.
std::vector<std::string> ids(const std::string& query) {
  const RunResult r = search("--no-collapse --limit 100 --format tsv --fields id -- " +
                             shell_quote(query));
  INFO(query << ": " << r.err);
  REQUIRE(r.status <= 1);
  std::vector<std::string> out;
  std::size_t at = 0;
  for (std::size_t nl; (nl = r.out.find('\n', at)) != std::string::npos; at = nl + 1) {
    out.push_back(r.out.substr(at, nl - at));
  }
  std::sort(out.begin(), out.end());
  return out;
}

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE(
    "both i/y spellings of a syllable find each other, in phrases and unaccented too",
    "[variants]") {
  for (const char* query : {"tỷ đồng", "tỉ đồng", "\"tỉ đồng\"", "ty dong", "TỶ"}) {
    INFO(query);
    CHECK(ids(query) == Ids{"money/ti.txt", "money/ty.txt"});
  }
  CHECK(ids("công ti") == Ids{"money/ti.txt", "money/ty.txt"});
  CHECK(ids("kĩ thuật") == Ids{"tech/ki.txt", "tech/ky.txt"});
  CHECK(ids("\"kỹ thuật\"") == Ids{"tech/ki.txt", "tech/ky.txt"});
}

TEST_CASE("a name written dotted, joined or split is one name", "[variants]") {
  const Ids city = {"city/tphcm-dotted.txt", "city/tphcm-joined.txt",
                    "city/tphcm-long.txt", "city/tphcm-split.txt"};
  for (const char* query : {"TP.HCM", "tphcm", "tp hcm", "\"TP HCM\"", "tp.hcm"}) {
    INFO(query);
    CHECK(ids(query) == city);
  }
  const Ids bank = {"bank/joined.txt", "bank/split.txt"};
  CHECK(ids("LienVietPostBank") == bank);
  CHECK(ids("lienvietpostbank") == bank);
  CHECK(ids("lien viet post bank") == bank);
  const Ids covid = {"health/dash.txt", "health/joined.txt"};
  CHECK(ids("covid19") == covid);
  CHECK(ids("Covid-19") == covid);
  CHECK(ids("covid 19") == covid);
  CHECK(ids("1000 đồng") == Ids{"price/dotted.txt", "price/plain.txt"});
  CHECK(ids("1.000") == Ids{"price/dotted.txt", "price/plain.txt"});
  const Ids wifi = {"tech/wi-fi.txt", "tech/wifi.txt"};
  CHECK(ids("wifi") == wifi);
  CHECK(ids("Wi-Fi") == wifi);
}

TEST_CASE("a word typed without diacritics is not split into other words", "[variants]") {
  // "thuan" is no syllable as typed, but "thuần" is: it is not "thụ án".
  CHECK(ids("thuan") == Ids{"faith/thuan.txt"});
}

TEST_CASE(
    "an abbreviation finds its long form and the long form the abbreviation, what "
    "was typed first",
    "[variants]") {
  CHECK(ids("UBND tỉnh") == Ids{"gov/long.txt", "gov/ubnd.txt"});
  CHECK(ids("ủy ban nhân dân") == Ids{"gov/long.txt", "gov/ubnd.txt"});
  CHECK(ids("\"uỷ ban nhân dân\"") == Ids{"gov/long.txt", "gov/ubnd.txt"});
  const auto first = nlohmann::json::parse(search("--json --no-collapse UBND").out);
  CHECK(first["hits"][0]["id"] == "gov/ubnd.txt");
  const auto long_first =
      nlohmann::json::parse(search("--json --no-collapse 'ủy ban nhân dân'").out);
  CHECK(long_first["hits"][0]["id"] == "gov/long.txt");
  // The long form highlighted whole, where the abbreviation was typed.
  CHECK_THAT(search("--fields snippet --no-collapse UBND").out,
             Catch::Contains("**Ủy ban nhân dân** tỉnh"));
}

TEST_CASE(
    "words typed in Telex or VNI with the input method off are searched decoded, "
    "and the answer says so",
    "[variants]") {
  for (const char* query : {"ddieenj thoaij", "D9ie6n5 thoa5i", "ddieenj thoại"}) {
    INFO(query);
    const auto j = nlohmann::json::parse(search("--json -- " + shell_quote(query)).out);
    REQUIRE(j["hits"].size() == 1);
    CHECK(j["hits"][0]["id"] == "phone/vn.txt");
    CHECK(j["decoded"].get<std::string>().find("thoại") != std::string::npos);
  }
  const RunResult text = search("--fields title 'ddieenj thoaij'");
  CHECK_THAT(text.out,
             Catch::Contains("note: typed with the input method off; searched as "
                             "'điện thoại'"));
  CHECK_THAT(text.out, Catch::Contains("**Điện thoại**"));
  // Valid as typed: never decoded.
  const auto mix = nlohmann::json::parse(search("--json mix").out);
  CHECK_FALSE(mix.contains("decoded"));
  CHECK(mix["hits"][0]["id"] == "other/mix.txt");
}

TEST_CASE("a zero-width character inside a word does not split it", "[variants]") {
  CHECK(ids("xiaomi") == Ids{"phone/zw.txt"});
  CHECK_THAT(search("--fields title xiaomi").out, Catch::Contains("**Xiao\u200bmi**"));
}

TEST_CASE(
    "synonyms files: stored by the indexer for every searcher, given to the searcher, "
    "a malformed line refused with nothing written",
    "[variants]") {
  TempDir dir;
  write_file(dir / "corpus/a.txt", "Bóng đá nữ\nĐội tuyển nữ thắng.\nThân bài.");
  write_file(dir / "corpus/b.txt", "Túc cầu nữ\nĐội nữ thắng lớn.\nThân bài.");
  write_file(dir / "good.txt", "# football\nbóng đá = túc cầu\n");
  write_file(dir / "bad.txt", "bóng đá = túc cầu\nkhông có dấu bằng\n");
  const std::string db = shell_quote((dir / "db").string());
  const std::string corpus = shell_quote((dir / "corpus").string());
  const RunResult bad = run(kIndex + " -q --db " + db + " --synonyms " +
                            shell_quote((dir / "bad.txt").string()) + " " + corpus);
  CHECK(bad.status == 2);
  CHECK_THAT(bad.err, Catch::Contains("bad.txt:2: error:"));
  CHECK_FALSE(std::filesystem::exists(dir / "db"));
  REQUIRE(run(kIndex + " -q --db " + db + " " + corpus).status == 0);
  const auto plain = run(kSearch + " --db " + db + " --count 'bóng đá'");
  CHECK(plain.out == "1\n");
  const auto given = run(kSearch + " --db " + db + " --count --synonyms " +
                         shell_quote((dir / "good.txt").string()) + " 'bóng đá'");
  CHECK(given.out == "2\n");
  REQUIRE(run(kIndex + " -q --db " + db + " --synonyms " +
              shell_quote((dir / "good.txt").string()))
              .status == 0);
  CHECK(run(kSearch + " --db " + db + " --count 'túc cầu'").out == "2\n");
  const RunResult missing = run(kSearch + " --db " + db + " --synonyms /nonexistent x");
  CHECK(missing.status == 2);
  CHECK_THAT(missing.err, Catch::Contains("/nonexistent"));
}
