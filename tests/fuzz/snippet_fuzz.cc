// Fuzzes make_snippet: the input's first line is the query, the rest the
// document text. Checks the highlight spans snippet.h promises.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "query/query_plan.h"
#include "run/snippet.h"
#include "vnews/error.h"
#include "vnews/normalizer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static vnews::Analyzer analyzer;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t newline = input.find('\n');
  const std::string_view query = input.substr(0, newline);
  const std::string_view text =
      newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);
  vnews::MatchTerms match;
  try {
    match = vnews::highlight_terms(query, analyzer);
  } catch (const vnews::QueryError&) {
    // No query word: the snippet is the opening words, with no highlight.
  }
  const std::size_t max_bytes = 1 + size % 400;
  const vnews::Snippet snippet = vnews::make_snippet(text, match, analyzer, max_bytes);
  // Valid text in gives valid text out; invalid bytes are never part of a word.
  if (vnews::find_invalid_utf8(text) == std::string_view::npos) {
    FUZZ_CHECK(vnews::find_invalid_utf8(snippet.text) == std::string_view::npos);
  }
  const std::size_t points = vnews::count_code_points(snippet.text);
  std::size_t previous_end = 0;
  for (const auto& [start, end] : snippet.highlights) {
    FUZZ_CHECK(start < end && end <= points);
    FUZZ_CHECK(start >= previous_end);
    previous_end = end;
  }
  FUZZ_CHECK(match.empty() ? snippet.highlights.empty() : true);
  return 0;
}
