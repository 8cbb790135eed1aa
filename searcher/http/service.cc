#include "http/service.h"

#include <nlohmann/json.hpp>
#include <string_view>

#include "cli/query_params.h"
#include "http/error_status.h"
#include "http/page.h"
#include "http/responses.h"
#include "output/json_printer.h"

namespace vnews {
namespace {

// Returns the value of parameter q in `params`, or nullopt.
std::optional<std::string> query_of(const QueryParams& params) {
  for (const auto& [name, value] : params) {
    if (name == "q") return value;
  }
  return std::nullopt;
}

}  // namespace

Service::Service(SearchPool& pool, std::chrono::milliseconds time_limit)
    : pool_(pool), time_limit_(time_limit) {}

void Service::handle(const httplib::Request& req, httplib::Response& res) {
  struct Route {
    std::string_view path;
    bool prefix;  // `path` starts the paths it takes; what follows is an id
    void (Service::*answer)(const Target&, const std::string&, httplib::Response&);
  };
  static constexpr Route kRoutes[] = {
      {"/", false, &Service::page},           {"/search", false, &Service::search},
      {"/article/", true, &Service::article}, {"/like/", true, &Service::like},
      {"/health", false, &Service::health},
  };
  Target target;
  try {
    target = parse_target(req.target);
  } catch (...) {
    fail(std::current_exception(), std::nullopt, res);
    return;
  }
  for (const Route& route : kRoutes) {
    const bool taken =
        route.prefix ? target.path.starts_with(route.path) : target.path == route.path;
    if (taken) {
      const std::size_t rest = route.prefix ? route.path.size() : target.path.size();
      (this->*route.answer)(target, target.path.substr(rest), res);
      return;
    }
  }
  set_json_error(res, 404,
                 "no such path '" + target.path +
                     "' (paths: /, /search, /article/ID, /like/ID, /health)");
}

void Service::search(const Target& target, const std::string&, httplib::Response& res) {
  answer(target.params, query_of(target.params), res);
}

void Service::answer(const QueryParams& params, const std::optional<std::string>& subject,
                     httplib::Response& res) {
  try {
    ParamsRequest asked = parse_query_params(params);
    SearchRequest& request = asked.request;
    request.deadline = deadline();
    std::string json;
    pool_.run(
        [&](Searcher& searcher) {
          if (!request.count_only) {
            json = format_json(searcher.search(request), asked.fields);
            return;
          }
          const Xapian::doccount count = searcher.count(request);
          json = format_json_count(request.query, count, searcher.missing_shards());
        },
        *request.deadline);
    set_json(res, 200, std::move(json));
  } catch (...) {
    fail(std::current_exception(), subject, res);
  }
}

void Service::article(const Target&, const std::string& id, httplib::Response& res) {
  try {
    std::string json;
    pool_.run(
        [&](Searcher& searcher) { json = format_json_article(searcher.article(id)); },
        deadline());
    set_json(res, 200, std::move(json));
  } catch (...) {
    fail(std::current_exception(), id, res);
  }
}

void Service::like(const Target& target, const std::string& id, httplib::Response& res) {
  QueryParams params = target.params;
  params.emplace_back("like", id);
  answer(params, id, res);
}

void Service::health(const Target&, const std::string&, httplib::Response& res) {
  try {
    Xapian::doccount documents = 0;
    std::vector<std::string> missing;
    pool_.run(
        [&](Searcher& searcher) {
          documents = searcher.document_count();
          missing = searcher.missing_shards();
        },
        deadline());
    nlohmann::ordered_json answer = {{"status", "ok"},
                                     {"documents", documents},
                                     {"workers", pool_.workers()},
                                     {"waiting", pool_.waiting()}};
    if (!missing.empty()) answer["missing_shards"] = missing;
    set_json(res, 200,
             answer.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  } catch (...) {
    fail(std::current_exception(), std::nullopt, res);
  }
}

void Service::page(const Target& target, const std::string&, httplib::Response& res) {
  PageView view;
  SearchResult result;
  int status = 200;
  const std::optional<std::string> query = query_of(target.params);
  if (query && !query->empty()) {  // a search: its answer is rendered on the server
    view.request.query = *query;
    try {
      view.request = parse_query_params(target.params).request;
      view.request.count_only = false;
      view.request.snippets = true;
      view.request.deadline = deadline();
      pool_.run([&](Searcher& searcher) { result = searcher.search(view.request); },
                *view.request.deadline);
      view.result = &result;
    } catch (...) {
      const ErrorStatus error = error_status(std::current_exception());
      status = error.status;
      view.error = error.message;
    }
  }
  res.status = status;
  res.set_content(render_page(view), "text/html; charset=utf-8");
  if (status == 503) res.set_header("Retry-After", "1");
}

void Service::fail(std::exception_ptr error, const std::optional<std::string>& query,
                   httplib::Response& res) {
  const ErrorStatus e = error_status(error);
  set_json_error(res, e.status, e.message, query);
}

std::chrono::steady_clock::time_point Service::deadline() const {
  return std::chrono::steady_clock::now() + time_limit_;
}

}  // namespace vnews
