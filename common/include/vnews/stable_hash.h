// stable_hash.h -- the one hash whose values vnews stores on disk (hashed id
// and url terms, shard assignment, JSON-line signatures, story sketches). It
// must give the same value on every machine, compiler and version: a test
// pins it. DO NOT CHANGE it without re-indexing.
#ifndef VNEWS_STABLE_HASH_H_
#define VNEWS_STABLE_HASH_H_

#include <cstdint>
#include <string_view>

namespace vnews {

// Returns the 64-bit FNV-1a hash of `bytes`.
std::uint64_t stable_hash(std::string_view bytes);

}  // namespace vnews

#endif  // VNEWS_STABLE_HASH_H_
