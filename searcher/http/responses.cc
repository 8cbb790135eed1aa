#include "http/responses.h"

#include <nlohmann/json.hpp>

#include "output/json_printer.h"

namespace vnews {

void set_json(httplib::Response& res, int status, std::string json) {
  res.status = status;
  json += '\n';
  res.set_content(json, kJsonType);
}

std::string json_error(const std::string& message) {
  const nlohmann::json object = {{"error", message}};
  return object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + '\n';
}

void set_json_error(httplib::Response& res, int status, const std::string& message,
                    const std::optional<std::string>& query) {
  if (query) {
    set_json(res, status, format_json_error(*query, message));
  } else {
    res.status = status;
    res.set_content(json_error(message), kJsonType);
  }
  if (status == 405) res.set_header("Allow", "GET, HEAD");
  if (status == 503) res.set_header("Retry-After", "1");
}

const char* reason_phrase(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 400:
      return "Bad Request";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 414:
      return "URI Too Long";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 503:
      return "Service Unavailable";
    default:
      return "Unknown";
  }
}

}  // namespace vnews
