#include "vnews/document_data.h"

#include <nlohmann/json.hpp>

namespace vnews {
namespace {

void put(nlohmann::json& object, const char* key, const std::string& value) {
  if (!value.empty()) object[key] = value;
}

std::string get(const nlohmann::json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

std::string encode_document_data(const Article& article) {
  nlohmann::json object = nlohmann::json::object();
  put(object, "id", article.id);
  put(object, "title", article.title);
  put(object, "lead", article.lead);
  put(object, "body", article.body);
  put(object, "category", article.category);
  put(object, "url", article.url);
  put(object, "date", article.date);
  put(object, "source", article.source);
  return object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Article decode_document_data(const std::string& data) {
  const nlohmann::json object = nlohmann::json::parse(data, nullptr, false);
  Article article;
  if (!object.is_object()) {
    article.body = data;
    return article;
  }
  article.id = get(object, "id");
  article.title = get(object, "title");
  article.lead = get(object, "lead");
  article.body = get(object, "body");
  article.category = get(object, "category");
  article.url = get(object, "url");
  article.date = get(object, "date");
  article.source = get(object, "source");
  return article;
}

}  // namespace vnews
