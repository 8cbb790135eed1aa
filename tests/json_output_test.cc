#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "output/json_printer.h"

namespace {

vnews::SearchResult one_hit(const std::string& title) {
  vnews::SearchResult result;
  result.query = "điện \"thoại";
  result.total = 1;
  result.took_ms = 1.25;
  vnews::Hit hit;
  hit.rank = 1;
  hit.score = 3.5;
  hit.article.id = "tech/a.txt";
  hit.article.title = title;
  hit.article.category = "tech";
  hit.snippet.text = "giá điện";
  hit.snippet.highlights = {{4, 8}};
  result.hits.push_back(hit);
  return result;
}

}  // namespace

TEST_CASE("json output has the documented shape on one line", "[json]") {
  const std::string line = vnews::format_json(one_hit("Tiêu đề"));
  CHECK(line.find('\n') == std::string::npos);
  const auto j = nlohmann::json::parse(line);
  CHECK(j["query"] == "điện \"thoại");
  CHECK(j["total"] == 1);
  CHECK(j["took_ms"] == 1.25);
  const auto& hit = j["hits"][0];
  CHECK(hit["rank"] == 1);
  CHECK(hit["id"] == "tech/a.txt");
  CHECK(hit["score"] == 3.5);
  CHECK(hit["title"] == "Tiêu đề");
  CHECK(hit["category"] == "tech");
  CHECK(hit["snippet"] == "giá điện");
  CHECK(hit["highlights"] == nlohmann::json::parse("[[4, 8]]"));
}

TEST_CASE("json output escapes control characters and replaces bad bytes", "[json]") {
  const std::string line = vnews::format_json(one_hit("a\x01\tb\xFF"));
  const auto j = nlohmann::json::parse(line);
  CHECK(j["hits"][0]["title"] == "a\x01\tb\xEF\xBF\xBD");
}

TEST_CASE("a failed query gives an error object", "[json]") {
  const auto j = nlohmann::json::parse(vnews::format_json_error("?!", "no word"));
  CHECK(j == nlohmann::json::parse(R"({"query": "?!", "error": "no word"})"));
}
