// query_params.h -- a search asked for by URL query parameters, as the
// HTTP service's /search and its page receive it.
#ifndef VNEWS_SEARCHER_CLI_QUERY_PARAMS_H_
#define VNEWS_SEARCHER_CLI_QUERY_PARAMS_H_

#include <string>
#include <utility>
#include <vector>

#include "output/output_fields.h"
#include "run/search_request.h"

namespace vnews {

// Decoded name=value pairs, in the order of the query string.
using QueryParams = std::vector<std::pair<std::string, std::string>>;

// A request and the hit fields its answer shows.
struct ParamsRequest {
  SearchRequest request;
  OutputFields fields = OutputFields::all();
};

// Returns the request of `params`: "q" (the query, required and not empty),
// and optionally "limit", "offset", "since", "until", "sort", "facet"
// ("category"), "fields" (as --fields) and "count" ("true", "false", "1",
// "0"), which override `defaults`. An empty value is the same as leaving the
// parameter out, as an HTML form sends every field. Values are checked as
// the command line's are (search_request.h). Throws QueryError naming the
// parameter for a missing q, an unknown or repeated parameter, or a bad value.
ParamsRequest parse_query_params(const QueryParams& params,
                                 const SearchRequest& defaults = {});

}  // namespace vnews

#endif  // VNEWS_SEARCHER_CLI_QUERY_PARAMS_H_
