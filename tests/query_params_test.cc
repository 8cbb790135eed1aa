#include "cli/query_params.h"

#include <catch2/catch.hpp>

#include "vnews/error.h"

using vnews::parse_query_params;
using vnews::QueryParams;

TEST_CASE("URL parameters carry a query and its options", "[params]") {
  const auto asked = parse_query_params({{"q", "bão"},
                                         {"limit", "3"},
                                         {"offset", "6"},
                                         {"since", "2017-06"},
                                         {"until", "2017"},
                                         {"sort", "date"},
                                         {"facet", "category"},
                                         {"fields", "id,title"},
                                         {"count", "false"}});
  const vnews::SearchRequest& r = asked.request;
  CHECK(r.query == "bão");
  CHECK(r.limit == 3);
  CHECK(r.offset == 6);
  CHECK(r.dates.from == "20170600");
  CHECK(r.dates.to == "20179999");
  CHECK(r.sort == vnews::SortOrder::kDate);
  CHECK(r.facets == std::vector<vnews::FacetSpec>{vnews::FacetSpec{}});
  CHECK_FALSE(r.count_only);
  CHECK(asked.fields.names == std::vector<std::string>{"id", "title"});
  CHECK_FALSE(r.snippets);  // no snippet field: no snippet work
}

TEST_CASE("empty URL parameters are left out, as an HTML form sends them", "[params]") {
  vnews::SearchRequest defaults;
  defaults.limit = 7;
  const auto asked = parse_query_params(
      {{"q", "xiaomi"}, {"limit", ""}, {"since", ""}, {"sort", ""}, {"count", ""}},
      defaults);
  CHECK(asked.request.limit == 7);
  CHECK(asked.request.dates.empty());
  CHECK(asked.request.sort == vnews::SortOrder::kRelevance);
  CHECK(asked.request.snippets);
  CHECK(parse_query_params({{"q", "x"}, {"count", "1"}}).request.count_only);
}

TEST_CASE("bad URL parameters fail with the shared checks' messages", "[params]") {
  // Each row: the parameters, then the message, which names the parameter.
  const std::vector<std::pair<QueryParams, std::string>> rows = {
      {{}, "missing parameter q (the query)"},
      {{{"q", ""}}, "missing parameter q (the query)"},
      {{{"q", "x"}, {"limit", "0"}},
       "limit must be a positive integer up to 100000, got '0'"},
      {{{"q", "x"}, {"offset", "-1"}},
       "offset must be a non-negative integer up to 100000, got '-1'"},
      {{{"q", "x"}, {"limit", "100001"}},
       "limit must be a positive integer up to 100000, got '100001'"},
      {{{"q", "x"}, {"since", "2021-02-30"}},
       "since: bad date '2021-02-30': that day does not exist"},
      {{{"q", "x"}, {"since", "2018"}, {"until", "2017"}},
       "since is after until: nothing can match"},
      {{{"q", "x"}, {"sort", "size"}},
       "sort must be relevance, date or recency, got 'size'"},
      {{{"q", "x"}, {"facet", "author"}},
       "facet must be category, source, date, date:day, date:month or date:year, got "
       "'author'"},
      {{{"q", "x"}, {"fields", "id,nope"}},
       "fields: unknown field 'nope' (known: "
       "rank,id,score,title,category,date,url,source,snippet,similar)"},
      {{{"q", "x"}, {"count", "yes"}}, "count must be true, false, 1 or 0, got 'yes'"},
      {{{"q", "x"}, {"q", "y"}}, "parameter 'q' is given twice"},
      {{{"q", "x"}, {"limt", "3"}},
       "unknown parameter 'limt' (known: q, like, limit, offset, since, until, sort, "
       "facet, fields, count, collapse)"},
  };
  for (const auto& [params, message] : rows) {
    INFO(message);
    REQUIRE_THROWS_AS(parse_query_params(params), vnews::QueryError);
    REQUIRE_THROWS_WITH(parse_query_params(params), message);
  }
}
