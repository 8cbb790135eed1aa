// Fuzzes vnews::build_query with arbitrary bytes: it either returns a query
// Xapian can serialise or throws QueryError, and nothing else.
#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "query_builder.h"
#include "vnews/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static vnews::Analyzer analyzer;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const vnews::QueryPlan plan = vnews::build_query(text, analyzer);
    FUZZ_CHECK(!plan.query.empty());
    // A query of only filters or exclusions ("category:x", "-y") is valid
    // and highlights nothing; any searched word is highlighted.
    FUZZ_CHECK(plan.match.empty() == plan.words.empty());
    const Xapian::Query back = Xapian::Query::unserialise(plan.query.serialise());
    FUZZ_CHECK(back.get_description() == plan.query.get_description());
  } catch (const vnews::QueryError&) {
    // A query without words: the documented outcome.
  }
  return 0;
}
