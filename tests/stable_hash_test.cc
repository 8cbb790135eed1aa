#include "vnews/stable_hash.h"

#include <catch2/catch.hpp>

TEST_CASE("the stored hash is FNV-1a 64 and never changes", "[hash]") {
  // Its values are in databases (long terms, signatures, shards, stdin ids).
  CHECK(vnews::stable_hash("") == 0xcbf29ce484222325ull);
  CHECK(vnews::stable_hash_hex("") == "cbf29ce484222325");
  CHECK(vnews::stable_hash_hex("a") == "af63dc4c8601ec8c");
  CHECK(vnews::stable_hash_hex("Điện thoại") == "1729dd998fac6905");
}
