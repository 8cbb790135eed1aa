#include "vnews/document_data.h"

#include <nlohmann/json.hpp>

namespace vnews {
namespace {

// Data written by encode_document_data() starts with this; a format change
// gets a new marker, and old data stays readable.
constexpr std::string_view kMagic = "\x01vn1";

void put_length(std::string& out, std::size_t n) {
  while (n >= 0x80) {
    out += static_cast<char>((n & 0x7F) | 0x80);
    n >>= 7;
  }
  out += static_cast<char>(n);
}

void put(std::string& out, const std::string& field) {
  put_length(out, field.size());
  out += field;
}

// Reads one length-prefixed field from `in`; false when `in` is truncated.
bool get(std::string_view& in, std::string& field) {
  std::size_t n = 0;
  for (int shift = 0;; shift += 7) {
    if (in.empty() || shift > 35) return false;
    const auto byte = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    n |= static_cast<std::size_t>(byte & 0x7F) << shift;
    if (byte < 0x80) break;
  }
  if (n > in.size()) return false;
  field.assign(in.substr(0, n));
  in.remove_prefix(n);
  return true;
}

// Reads data stored as a JSON object, or gives up and keeps it as the body.
Article decode_json(const std::string& data) {
  const nlohmann::json object = nlohmann::json::parse(data, nullptr, false);
  Article a;
  if (!object.is_object()) {
    a.body = data;
    return a;
  }
  const auto get_string = [&object](const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : "";
  };
  a.id = get_string("id");
  a.title = get_string("title");
  a.lead = get_string("lead");
  a.body = get_string("body");
  a.category = get_string("category");
  a.url = get_string("url");
  a.date = get_string("date");
  a.source = get_string("source");
  return a;
}

}  // namespace

std::string encode_document_data(const Article& a) {
  std::string out(kMagic);
  out.reserve(kMagic.size() + a.title.size() + a.lead.size() + a.body.size() + 64);
  for (const std::string* field :
       {&a.id, &a.title, &a.lead, &a.body, &a.category, &a.url, &a.date, &a.source}) {
    put(out, *field);
  }
  return out;
}

Article decode_document_data(const std::string& data) {
  std::string_view in(data);
  if (in.substr(0, kMagic.size()) != kMagic) return decode_json(data);
  in.remove_prefix(kMagic.size());
  Article a;
  for (std::string* field :
       {&a.id, &a.title, &a.lead, &a.body, &a.category, &a.url, &a.date, &a.source}) {
    if (!get(in, *field)) break;  // truncated: keep what was read
  }
  return a;
}

}  // namespace vnews
