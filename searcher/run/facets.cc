#include "run/facets.h"

#include <algorithm>
#include <map>
#include <memory>

#include "vnews/date_parser.h"
#include "vnews/error.h"
#include "vnews/schema.h"

namespace vnews {
namespace {

// Facet values beyond this many are left out (the most frequent kept).
constexpr std::size_t kMaxFacetValues = 1000;

Xapian::valueno slot_of(const FacetSpec& facet) {
  switch (facet.field) {
    case FacetSpec::Field::kSource:
      return schema::kSourceSlot;
    case FacetSpec::Field::kDate:
      return schema::kDateSlot;
    case FacetSpec::Field::kCategory:
      break;
  }
  return schema::kCategorySlot;
}

// Returns a stored YYYYMMDD date cut to `unit`, ISO-written.
std::string date_key(const std::string& date, FacetSpec::DateUnit unit) {
  const std::string iso = iso_date(date);  // YYYY-MM-DD
  if (iso.size() != 10) return iso;
  switch (unit) {
    case FacetSpec::DateUnit::kYear:
      return iso.substr(0, 4);
    case FacetSpec::DateUnit::kMonth:
      return iso.substr(0, 7);
    case FacetSpec::DateUnit::kDay:
      break;
  }
  return iso;
}

}  // namespace

FacetSpec parse_facet(std::string_view text) {
  FacetSpec facet;
  if (text == "category") return facet;
  if (text == "source") {
    facet.field = FacetSpec::Field::kSource;
    return facet;
  }
  facet.field = FacetSpec::Field::kDate;
  if (text == "date" || text == "date:month") return facet;
  if (text == "date:day") {
    facet.unit = FacetSpec::DateUnit::kDay;
    return facet;
  }
  if (text == "date:year") {
    facet.unit = FacetSpec::DateUnit::kYear;
    return facet;
  }
  throw QueryError(
      "facet must be category, source, date, date:day, date:month or "
      "date:year, got '" +
      std::string(text) + "'");
}

const char* facet_name(const FacetSpec& facet) {
  switch (facet.field) {
    case FacetSpec::Field::kSource:
      return "source";
    case FacetSpec::Field::kDate:
      return "date";
    case FacetSpec::Field::kCategory:
      break;
  }
  return "category";
}

std::vector<FacetCounts> count_facets(Xapian::Database& db,
                                      const Xapian::Query& match_set,
                                      const std::vector<FacetSpec>& facets, bool exact) {
  std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
  Xapian::Enquire counting(db);
  counting.set_query(match_set);
  counting.set_weighting_scheme(Xapian::BoolWeight());
  for (const FacetSpec& facet : facets) {
    spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(slot_of(facet)));
    counting.add_matchspy(spies.back().get());
  }
  counting.get_mset(0, 0, db.get_doccount());
  std::vector<FacetCounts> out;
  for (std::size_t i = 0; i < facets.size(); ++i) {
    FacetCounts counts{facets[i], {}, exact};
    if (facets[i].field == FacetSpec::Field::kDate) {
      std::map<std::string, Xapian::doccount, std::greater<>> by_date;
      for (auto it = spies[i]->values_begin(); it != spies[i]->values_end(); ++it) {
        by_date[date_key(*it, facets[i].unit)] += it.get_termfreq();
      }
      counts.counts.assign(by_date.begin(), by_date.end());
      if (counts.counts.size() > kMaxFacetValues) counts.counts.resize(kMaxFacetValues);
    } else {
      for (auto it = spies[i]->top_values_begin(kMaxFacetValues);
           it != spies[i]->top_values_end(kMaxFacetValues); ++it) {
        counts.counts.emplace_back(*it, it.get_termfreq());
      }
    }
    out.push_back(std::move(counts));
  }
  return out;
}

}  // namespace vnews
