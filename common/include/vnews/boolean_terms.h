// boolean_terms.h -- the filter terms of schema.h built from a value, for the
// indexer that writes them and the searcher that filters on them alike.
#ifndef VNEWS_BOOLEAN_TERMS_H_
#define VNEWS_BOOLEAN_TERMS_H_

#include <string>
#include <string_view>
#include <vector>

namespace vnews {

// Returns the unique id term of `id`: schema::kIdPrefix + id, or a stable
// hash of it when that would exceed Xapian's term length limit.
std::string id_term(const std::string& id);

// Returns the boolean term that filters on `category` (case folded).
std::string category_term(const std::string& category);

// Returns the boolean term that filters on `source` (case folded).
std::string source_term(const std::string& source);

// Returns the boolean term that filters on `url` (as written; hashed if long).
std::string url_term(const std::string& url);

// Returns the host of `url` ("https://www.Dantri.com.vn:443/a" ->
// "dantri.com.vn"): lower case, without "www." or a port; "" when none.
std::string url_host(std::string_view url);

// Returns the boolean term of host `host` (as url_host() gives it).
std::string host_term(std::string_view host);

// Returns the host terms of `url`: its host and each domain above it of two
// labels or more ("kinh-doanh.dantri.com.vn", "dantri.com.vn", "com.vn"),
// so that url:dantri.com.vn finds every page of the site.
std::vector<std::string> host_terms(const std::string& url);

}  // namespace vnews

#endif  // VNEWS_BOOLEAN_TERMS_H_
