#include "vnews/document_data.h"

#include <catch2/catch.hpp>

#include "vnews/schema.h"

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

Xapian::Document stored(const vnews::Article& a) {
  Xapian::Document doc;
  vnews::store_article(a, doc);
  return doc;
}

// A document whose data is `data`, as earlier versions or other tools wrote.
Xapian::Document with_data(const std::string& data) {
  Xapian::Document doc;
  doc.set_data(data);
  return doc;
}

// Checks that `b` holds every field of `a`, byte for byte.
void check_same_article(const vnews::Article& a, const vnews::Article& b) {
  CHECK(b.id == a.id);
  CHECK(b.title == a.title);
  CHECK(b.lead == a.lead);
  CHECK(b.body == a.body);
  CHECK(b.category == a.category);
  CHECK(b.url == a.url);
  CHECK(b.date == a.date);
  CHECK(b.source == a.source);
}

}  // namespace

TEST_CASE("document data round-trips every field byte for byte", "[document_data]") {
  const vnews::Article a = full_article();
  check_same_article(a, vnews::load_article(stored(a)));
}

TEST_CASE("document data in the earlier JSON form is still read", "[document_data]") {
  const auto a =
      vnews::load_article(with_data(R"({"id": "x.txt", "title": "Tin", "body": "B"})"));
  CHECK(a.id == "x.txt");
  CHECK(a.title == "Tin");
  CHECK(a.body == "B");
}

TEST_CASE("foreign document data becomes the body", "[document_data]") {
  CHECK(vnews::load_article(with_data("plain text")).body == "plain text");
}

TEST_CASE("truncated document data keeps the fields that were whole", "[document_data]") {
  Xapian::Document doc = stored(full_article());
  std::string data = doc.get_data();
  data.resize(data.size() / 2);
  doc.set_data(data);
  const auto a = vnews::load_article(doc);
  CHECK(a.title == "Tiêu đề");
  CHECK(a.url.empty());
}

TEST_CASE("document data of the earlier uncompressed binary form is still read",
          "[document_data]") {
  // "\x01vn1", then id, title, lead, body, category, url, date, source.
  using namespace std::string_literals;
  const std::string v1 =
      "\x01vn1"
      "\x05"
      "a.txt"
      "\x03"
      "Tin"
      "\x04"
      "Sapo"
      "\x04"
      "Body"
      "\x05"
      "sport"
      "\x00"
      "\x08"
      "20170603"
      "\x00"s;
  const auto a = vnews::load_article(with_data(v1));
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
  const Xapian::Document doc = stored(a);
  CHECK(doc.get_value(vnews::schema::kTextSlot).size() < a.body.size() / 4);
  CHECK(doc.get_data().size() < 100);
  CHECK(vnews::load_article(doc).body == a.body);
}

TEST_CASE("document data read without text keeps the other fields", "[document_data]") {
  const vnews::Article a = full_article();
  const auto b = vnews::load_article(stored(a), false);
  CHECK(b.id == a.id);
  CHECK(b.title == a.title);
  CHECK(b.source == a.source);
  CHECK(b.lead.empty());
  CHECK(b.body.empty());
}

TEST_CASE("document data with damaged text keeps the other fields", "[document_data]") {
  const vnews::Article a = full_article();
  Xapian::Document doc = stored(a);
  std::string frame = doc.get_value(vnews::schema::kTextSlot);
  REQUIRE(frame.substr(0, 4) == "\x28\xB5\x2F\xFD");  // zstd's magic number
  frame.replace(0, 4, "\xFF\xFF\xFF\xFF");
  doc.add_value(vnews::schema::kTextSlot, frame);
  const auto b = vnews::load_article(doc);
  CHECK(b.title == a.title);
  CHECK(b.source == a.source);
  CHECK(b.body.empty());
}

TEST_CASE("document data of the earlier form with the text inside is still read",
          "[document_data]") {
  // "\x01vn2", then id, title, the text frame, category, url, date, source.
  const vnews::Article a = full_article();
  const std::string frame = stored(a).get_value(vnews::schema::kTextSlot);
  REQUIRE(frame.size() < 128);  // so that each length below is one byte
  std::string v2 = "\x01vn2";
  for (const std::string& field :
       {a.id, a.title, frame, a.category, a.url, a.date, a.source}) {
    v2 += static_cast<char>(field.size());
    v2 += field;
  }
  check_same_article(a, vnews::load_article(with_data(v2)));
}
