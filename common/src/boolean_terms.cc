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

std::string url_term(const std::string& url) { return bounded_term(schema::kUrlPrefix, url); }

}  // namespace vnews
