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

TEST_CASE("document data of the earlier uncompressed binary form is still read",
          "[document_data]") {
  // "\x01vn1", then id, title, lead, body, category, url, date, source.
  using namespace std::string_literals;
  const std::string v1 = "\x01vn1" "\x05" "a.txt" "\x03" "Tin" "\x04" "Sapo" "\x04" "Body"
                         "\x05" "sport" "\x00" "\x08" "20170603" "\x00"s;
  const auto a = vnews::decode_document_data(v1);
  CHECK(a.id == "a.txt");
  CHECK(a.title == "Tin");
  CHECK(a.lead == "Sapo");
  CHECK(a.body == "Body");
  CHECK(a.category == "sport");
  CHECK(a.url.empty());
  CHECK(a.date == "20170603");
  CHECK(a.source.empty());
}

TEST_CASE("document data stores the article text compressed", "[document_data]") {
  vnews::Article a = full_article();
  a.body.clear();
  for (int i = 0; i < 200; ++i) a.body += "Thị trường chứng khoán tăng điểm. ";
  const std::string data = vnews::encode_document_data(a);
  CHECK(data.size() < a.body.size() / 4);
  CHECK(vnews::decode_document_data(data).body == a.body);
}

TEST_CASE("document data read without text keeps the other fields", "[document_data]") {
  const vnews::Article a = full_article();
  const auto b = vnews::decode_document_data(vnews::encode_document_data(a), false);
  CHECK(b.id == a.id);
  CHECK(b.title == a.title);
  CHECK(b.source == a.source);
  CHECK(b.lead.empty());
  CHECK(b.body.empty());
}

TEST_CASE("document data with damaged text keeps the other fields", "[document_data]") {
  const vnews::Article a = full_article();
  std::string data = vnews::encode_document_data(a);
  const std::size_t frame = data.find("\x28\xB5\x2F\xFD");  // zstd's magic number
  REQUIRE(frame != std::string::npos);
  data.replace(frame, 4, "\xFF\xFF\xFF\xFF");
  const auto b = vnews::decode_document_data(data);
  CHECK(b.title == a.title);
  CHECK(b.source == a.source);
  CHECK(b.body.empty());
}
