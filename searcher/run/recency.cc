#include "run/recency.h"

#include <chrono>
#include <cmath>

#include "vnews/schema.h"

namespace vnews {
namespace {

// Days since 1970-01-01 of a "YYYYMMDD" date, or -1 when it is not one.
long day_number(const std::string& date) {
  if (date.size() != 8) return -1;
  for (char c : date) {
    if (c < '0' || c > '9') return -1;
  }
  using namespace std::chrono;
  const year_month_day ymd{year(std::stoi(date.substr(0, 4))),
                           month(static_cast<unsigned>(std::stoi(date.substr(4, 2)))),
                           day(static_cast<unsigned>(std::stoi(date.substr(6, 2))))};
  if (!ymd.ok()) return -1;
  return sys_days(ymd).time_since_epoch().count();
}

// Weighs each dated document by how close it is to the newest date.
class RecencySource : public Xapian::ValuePostingSource {
 public:
  RecencySource(const std::string& newest)
      : Xapian::ValuePostingSource(schema::kDateSlot),
        newest_(newest),
        newest_day_(day_number(newest)) {}

  double get_weight() const override {
    const long day = day_number(get_value());
    if (day < 0 || newest_day_ < 0) return 0;
    const double age = std::max(0L, newest_day_ - day);
    return kRecencyMaxBoost * std::exp2(-age / kRecencyHalfLifeDays);
  }

  RecencySource* clone() const override { return new RecencySource(newest_); }

  std::string name() const override { return "vnews::RecencySource"; }

  void init(const Xapian::Database& db) override {
    Xapian::ValuePostingSource::init(db);
    set_maxweight(kRecencyMaxBoost);
  }

 private:
  std::string newest_;
  long newest_day_;
};

}  // namespace

Xapian::Query with_recency_boost(const Xapian::Query& query, const Xapian::Database& db) {
  const std::string newest = db.get_value_upper_bound(schema::kDateSlot);
  if (newest.empty()) return query;
  Xapian::Query boost((new RecencySource(newest))->release());
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, boost);
}

}  // namespace vnews
