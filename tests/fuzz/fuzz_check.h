// fuzz_check.h -- the one assertion the fuzz harnesses share: a broken
// invariant aborts with a message, so libFuzzer saves the input as a crash.
#ifndef VNEWS_TESTS_FUZZ_FUZZ_CHECK_H_
#define VNEWS_TESTS_FUZZ_FUZZ_CHECK_H_

#include <cstdio>
#include <cstdlib>

// Aborts the fuzz target, naming the broken invariant, when `cond` is false.
#define FUZZ_CHECK(cond)                                                                \
  do {                                                                                  \
    if (!(cond)) {                                                                      \
      std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                     \
    }                                                                                   \
  } while (0)

#endif  // VNEWS_TESTS_FUZZ_FUZZ_CHECK_H_
