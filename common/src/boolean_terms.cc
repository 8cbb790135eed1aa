#include "vnews/boolean_terms.h"

#include <cstdint>
#include <cstdio>

#include "vnews/normalizer.h"
#include "vnews/schema.h"

namespace vnews {
namespace {

// Returns `prefix` + `value`, replaced by a stable hash of it when too long.
std::string bounded_term(const char* prefix, const std::string& value) {
  std::string term = prefix + value;
  if (term.size() <= schema::kMaxTermBytes) return term;
  // FNV-1a, 64 bits: stable across runs and machines, unlike std::hash.
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : value) hash = (hash ^ c) * 1099511628211ull;
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return term.substr(0, schema::kMaxTermBytes - 17) + "#" + hex;
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
