#include "vnews/corpus_reader.h"

#include <nlohmann/json.hpp>

#include "vnews/date_parser.h"
#include "vnews/error.h"
#include "vnews/strings.h"

namespace vnews {
namespace {

using Json = nlohmann::json;

InputError input_error(const std::string& where, const std::string& message,
                       const std::string& reason) {
  return InputError(where + ": error: " + message, reason);
}

// Splits "# key = value" into key and value; false for another line.
bool split_header(std::string_view line, std::string_view& key, std::string_view& value) {
  if (line.substr(0, 2) != "# ") return false;
  const std::size_t eq = line.find('=');
  if (eq == std::string_view::npos) return false;
  key = trim(line.substr(2, eq - 2));
  value = trim(line.substr(eq + 1));
  return !key.empty() && key.find(' ') == std::string_view::npos;
}

std::string stored_date(std::string_view value, const std::string& where,
                        const std::string& field) {
  if (value.empty()) return "";
  const std::optional<std::string> date = parse_date(value);
  if (!date) {
    throw input_error(
        where, "'" + field + "' is not a date: '" + std::string(value) + "'", "bad date");
  }
  return *date;
}

// The first of `names` present in `object` as text; "" when none is.
std::string field_text(const Json& object, std::initializer_list<const char*> names) {
  for (const char* name : names) {
    const auto it = object.find(name);
    if (it == object.end() || it->is_null()) continue;
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number()) return it->dump();
    if (it->is_array()) {
      std::string joined;
      for (const Json& part : *it) {
        if (!part.is_string()) continue;
        if (!joined.empty()) joined += '\n';
        joined += part.get<std::string>();
      }
      return joined;
    }
  }
  return "";
}

std::string trimmed(std::string s) { return std::string(trim(s)); }

}  // namespace

bool starts_with_dantri_header(std::string_view head) {
  std::string_view key, value;
  return split_header(trim(head.substr(0, head.find('\n'))), key, value);
}

bool starts_with_json_object(std::string_view head) {
  const std::size_t first = head.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && head[first] == '{';
}

Article parse_dantri_article(std::string_view contents, const std::string& name,
                             InvalidUtf8 on_invalid) {
  std::string repaired;
  std::string_view rest = check_text(contents, name, on_invalid, repaired);
  Article article;
  for (int line_no = 1; !rest.empty(); ++line_no) {
    const std::size_t newline = rest.find('\n');
    std::string_view key, value;
    if (!split_header(trim(rest.substr(0, newline)), key, value)) break;
    const std::string where = name + ":" + std::to_string(line_no);
    if (key == "date") article.date = stored_date(value, where, "# date");
    if (key == "url") article.url = value;
    if (key == "source") article.source = value;
    if (key == "category") article.category = value;
    rest.remove_prefix(newline == std::string_view::npos ? rest.size() : newline + 1);
  }
  Article text = parse_text_article(rest, name, InvalidUtf8::kReplace);
  article.title = std::move(text.title);
  article.lead = std::move(text.lead);
  article.body = std::move(text.body);
  return article;
}

Article parse_jsonl_article(std::string_view line, const std::string& where,
                            InvalidUtf8 on_invalid) {
  std::string repaired;
  line = check_text(line, where, on_invalid, repaired);
  Json object = Json::parse(line.begin(), line.end(), nullptr, false);
  if (object.is_discarded()) {
    throw input_error(where, "malformed JSON", "malformed JSON");
  }
  if (!object.is_object()) {
    throw input_error(where, "a JSON line must hold an object", "malformed JSON");
  }
  Article article;
  article.id = trimmed(field_text(object, {"id", "doc_id", "guid"}));
  article.title = trimmed(field_text(object, {"title", "headline"}));
  article.lead = trimmed(field_text(object, {"sapo", "lead", "description", "summary"}));
  article.body = trimmed(field_text(object, {"body", "content", "text"}));
  article.url = trimmed(field_text(object, {"url", "link"}));
  article.category = trimmed(field_text(object, {"category", "topic"}));
  article.source = trimmed(field_text(object, {"source", "author"}));
  article.date = stored_date(
      trimmed(field_text(object,
                         {"date", "publish", "published_at", "published", "pubdate"})),
      where, "date");
  if (article.title.empty() && article.body.empty()) {
    throw input_error(where, "article has no title and no body", "empty");
  }
  return article;
}

}  // namespace vnews
