// Fuzzes Analyzer::analyze with arbitrary bytes. Besides crashes and sanitizer
// reports it checks what analyzer.h promises about every token.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "vnews/analyzer.h"
#include "vnews/normalizer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static vnews::Analyzer
      analyzer;  // reused, as the indexer does: its cache is fuzzed too
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::vector<vnews::Token> tokens = analyzer.analyze(text);
  std::size_t previous_end = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const vnews::Token& t = tokens[i];
    FUZZ_CHECK(t.begin < t.end && t.end <= size);
    FUZZ_CHECK(t.begin >= previous_end);
    previous_end = t.end;
    FUZZ_CHECK(!t.term.empty() && !t.folded.empty());
    FUZZ_CHECK(t.term.size() <= vnews::Analyzer::kMaxWordBytes);
    FUZZ_CHECK(vnews::find_invalid_utf8(t.term) == std::string_view::npos);
    FUZZ_CHECK(vnews::find_invalid_utf8(t.folded) == std::string_view::npos);
    FUZZ_CHECK(vnews::find_invalid_utf8(text.substr(t.begin, t.end - t.begin)) ==
               std::string_view::npos);
    FUZZ_CHECK(i > 0 || !t.joined);
  }
  return 0;
}
