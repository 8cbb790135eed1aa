#include "vnews/boolean_terms.h"

#include "vnews/normalizer.h"
#include "vnews/schema.h"
#include "vnews/stable_hash.h"

namespace vnews {
namespace {

// Returns `prefix` + `value`, replaced by a stable hash of it when too long.
std::string bounded_term(const char* prefix, const std::string& value) {
  std::string term = prefix + value;
  if (term.size() <= schema::kMaxTermBytes) return term;
  return term.substr(0, schema::kMaxTermBytes - 17) + "#" + stable_hash_hex(value);
}

}  // namespace

std::string id_term(const std::string& id) { return bounded_term(schema::kIdPrefix, id); }

std::string category_term(const std::string& category) {
  return bounded_term(schema::kCategoryPrefix, fold_case(category));
}

std::string source_term(const std::string& source) {
  return bounded_term(schema::kSourcePrefix, fold_case(source));
}

std::string url_term(const std::string& url) {
  return bounded_term(schema::kUrlPrefix, url);
}

std::string url_host(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/?#"));
  const std::size_t at = url.rfind('@');
  if (at != std::string_view::npos) url.remove_prefix(at + 1);
  url = url.substr(0, url.find(':'));
  std::string host;
  for (const char c : url) host += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  while (!host.empty() && host.back() == '.') host.pop_back();
  return host;
}

std::string host_term(std::string_view host) {
  return bounded_term(schema::kHostPrefix, std::string(host));
}

std::vector<std::string> host_terms(const std::string& url) {
  std::vector<std::string> terms;
  const std::string full = url_host(url);
  std::string_view host = full;
  while (host.find('.') != std::string_view::npos) {
    terms.push_back(host_term(host));
    host.remove_prefix(host.find('.') + 1);
  }
  return terms;
}

}  // namespace vnews
