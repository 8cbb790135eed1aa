// stable_hash.h -- the one hash whose values vnews stores: in long id, url and
// filter terms, JSON line signatures, standard input ids, the shard of each
// document and story sketches. FNV-1a, 64 bits: the same on every run and
// machine, unlike std::hash; a test pins it. DO NOT CHANGE it without
// re-indexing.
#ifndef VNEWS_STABLE_HASH_H_
#define VNEWS_STABLE_HASH_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace vnews {

// Returns the FNV-1a 64-bit hash of `bytes`.
inline std::uint64_t stable_hash(std::string_view bytes) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : bytes) hash = (hash ^ c) * 1099511628211ull;
  return hash;
}

// Returns stable_hash(bytes) as 16 lowercase hex digits.
inline std::string stable_hash_hex(std::string_view bytes) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx",
                static_cast<unsigned long long>(stable_hash(bytes)));
  return hex;
}

}  // namespace vnews

#endif  // VNEWS_STABLE_HASH_H_
