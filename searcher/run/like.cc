#include "run/like.h"

#include <vector>

#include "vnews/boolean_terms.h"
#include "vnews/schema.h"

namespace vnews {
namespace {

// Lets the expand set take folded words (not numbers alone) and word pairs.
class TellingTerms : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    const std::string_view t = term;
    const std::string_view folded = schema::kFoldedPrefix, pair = schema::kBigramPrefix;
    if (t.substr(0, pair.size()) == pair) return true;
    if (t.substr(0, folded.size()) != folded || t.size() < folded.size() + 2)
      return false;
    return t.find_first_not_of("0123456789.,", folded.size()) != std::string_view::npos;
  }
};

}  // namespace

QueryPlan like_plan(const Xapian::Database& db, Xapian::docid document,
                    const std::string& id) {
  Xapian::Enquire enquire(db);
  Xapian::RSet relevant;
  relevant.add_document(document);
  const TellingTerms telling;
  const Xapian::ESet eset = enquire.get_eset(kLikeTerms, relevant, &telling);
  std::vector<Xapian::Query> terms;
  QueryPlan plan;
  const std::size_t folded = std::string_view(schema::kFoldedPrefix).size();
  const std::size_t pair = std::string_view(schema::kBigramPrefix).size();
  for (auto it = eset.begin(); it != eset.end(); ++it) {
    const std::string term = *it;
    terms.emplace_back(term);
    const bool is_pair = term.rfind(schema::kBigramPrefix, 0) == 0;
    std::string words = term.substr(is_pair ? pair : folded);
    for (std::size_t space; (space = words.find(' ')) != std::string::npos;) {
      plan.highlight.folded.insert(words.substr(0, space));
      words.erase(0, space + 1);
    }
    plan.highlight.folded.insert(words);
  }
  const Xapian::Query any =
      terms.empty() ? Xapian::Query::MatchNothing
                    : Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
  plan.query = Xapian::Query(Xapian::Query::OP_AND_NOT, any, Xapian::Query(id_term(id)));
  plan.match_set = plan.query;
  return plan;
}

}  // namespace vnews
