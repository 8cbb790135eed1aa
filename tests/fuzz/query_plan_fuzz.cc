// Fuzzes vnews::parse_query and vnews::plan_query with arbitrary bytes: a
// query either parses into a plan Xapian can serialise or throws QueryError,
// and nothing else.
#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "query/query_parser.h"
#include "query/query_plan.h"
#include "vnews/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static vnews::Analyzer analyzer;
  static const Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const vnews::QueryNode tree = vnews::parse_query(text, analyzer);
    for (const vnews::PlanOptions& options :
         {vnews::PlanOptions{}, vnews::PlanOptions{vnews::Accents::kAny, 1}}) {
      const vnews::QueryPlan plan = vnews::plan_query(tree, db, false, options);
      FUZZ_CHECK(!plan.query.empty());
      FUZZ_CHECK(!plan.match_set.empty());
      // A query of only filters or exclusions ("category:x", "-y") is valid
      // and highlights nothing; any searched word is highlighted.
      FUZZ_CHECK(plan.highlight.empty() == plan.words.empty());
      for (const vnews::PlannedWord& w : plan.words) {
        FUZZ_CHECK(w.begin < w.end && w.end <= text.size());
      }
      const Xapian::Query back = Xapian::Query::unserialise(plan.query.serialise());
      FUZZ_CHECK(back.get_description() == plan.query.get_description());
    }
  } catch (const vnews::QueryError&) {
    // A query without words, or with a bad date: the documented outcomes.
  }
  return 0;
}
