#include "vnews/document_data.h"

#include <catch2/catch.hpp>

namespace {

vnews::Article full_article() {
  vnews::Article a;
  a.id = "sport/a.txt";
  a.title = "Tiêu đề";
  a.lead = "Sapo\tcó tab";
  a.body = std::string("dòng một\ndòng hai\0nul", 22) + std::string(300, 'x');
  a.category = "sport";
  a.url = "https://example.vn/a";
  a.date = "20170603";
  a.source = "vnews";
  return a;
}

}  // namespace

TEST_CASE("document data round-trips every field byte for byte", "[document_data]") {
  const vnews::Article a = full_article();
  const vnews::Article b = vnews::decode_document_data(vnews::encode_document_data(a));
  CHECK(b.id == a.id);
  CHECK(b.title == a.title);
  CHECK(b.lead == a.lead);
  CHECK(b.body == a.body);
  CHECK(b.category == a.category);
  CHECK(b.url == a.url);
  CHECK(b.date == a.date);
  CHECK(b.source == a.source);
}

TEST_CASE("document data in the earlier JSON form is still read", "[document_data]") {
  const auto a = vnews::decode_document_data(R"({"id": "x.txt", "title": "Tin", "body": "B"})");
  CHECK(a.id == "x.txt");
  CHECK(a.title == "Tin");
  CHECK(a.body == "B");
}

TEST_CASE("foreign document data becomes the body", "[document_data]") {
  CHECK(vnews::decode_document_data("plain text").body == "plain text");
}

TEST_CASE("truncated document data keeps the fields that were whole", "[document_data]") {
  std::string data = vnews::encode_document_data(full_article());
  data.resize(data.size() / 2);
  const auto a = vnews::decode_document_data(data);
  CHECK(a.title == "Tiêu đề");
  CHECK(a.url.empty());
}
