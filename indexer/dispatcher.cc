#include "dispatcher.h"

#include <ostream>

#include "database_layout.h"
#include "document_builder.h"
#include "vnews/schema.h"

namespace vnews {

Dispatcher::Dispatcher(Writers& writers, IndexedSet& indexed, bool complete,
                       IndexReport& report, std::ostream& errors, std::ostream& listing,
                       Progress& progress)
    : writers_(writers),
      indexed_(indexed),
      complete_(complete),
      report_(report),
      errors_(errors),
      listing_(listing),
      progress_(progress) {}

void Dispatcher::take(Analyzed& result, const SourceFile& file) {
  report_.bytes += result.bytes;
  switch (result.outcome) {
    case Analyzed::Outcome::kDocument:
      write(result);
      break;
    case Analyzed::Outcome::kUnchanged:
      ++report_.unchanged;
      seen_.insert(std::move(result.id_term));
      break;
    case Analyzed::Outcome::kSkipped:
    case Analyzed::Outcome::kFailed:
      progress_.clear();
      errors_ << result.error << '\n';
      ++(result.outcome == Analyzed::Outcome::kFailed ? report_.failed : report_.skipped);
      ++report_.reasons[result.reason];
      // A file that is there but unusable keeps its old document on --prune.
      seen_.insert(id_term(file.id));
      break;
  }
}

void Dispatcher::write(Analyzed& result) {
  const auto existing = indexed_.find(result.id_term);
  const bool again = !seen_.insert(result.id_term).second;
  const bool known = existing != indexed_.end();
  const bool added = !known && !again;
  list(added ? "add" : "update", result.id_term);
  ++(added ? report_.added : report_.updated);
  ++report_.indexed;
  if (dry_run()) return;
  if (known) {
    writers_[existing->second.shard]->replace(existing->second.docid,
                                              std::move(result.doc));
  } else if (again || !complete_) {
    writers_[shard_of(result.id_term, writers_.size())]->replace(result.id_term,
                                                                 std::move(result.doc));
  } else {
    writers_[shard_of(result.id_term, writers_.size())]->add(std::move(result.doc));
  }
}

void Dispatcher::delete_ids(const std::vector<std::string>& ids) {
  for (const std::string& id : ids) {
    const std::string term = id_term(id);
    const auto it = indexed_.find(term);
    if (it == indexed_.end()) {
      errors_ << "vnews-index: --delete '" << id << "': no document has this id\n";
      ++report_.skipped;
      ++report_.reasons["unknown id"];
      continue;
    }
    remove(term, it->second);
    indexed_.erase(it);
  }
}

std::vector<std::string> Dispatcher::unseen(const PruneScope& scope) const {
  std::vector<std::string> terms;
  for (const auto& [term, doc] : indexed_) {
    if (seen_.count(term) == 0 && scope.covers(source_of(term, doc))) {
      terms.push_back(term);
    }
  }
  return terms;
}

void Dispatcher::prune(const std::vector<std::string>& id_terms) {
  for (const std::string& term : id_terms) remove(term, indexed_.at(term));
}

void Dispatcher::remove(const std::string& id_term, const IndexedDoc& doc) {
  list("delete", id_term);
  ++report_.deleted;
  if (!dry_run()) writers_[doc.shard]->remove(doc.docid);
}

void Dispatcher::list(const char* change, const std::string& id_term) {
  if (!dry_run()) return;
  progress_.clear();
  listing_ << change << ' '
           << std::string_view(id_term).substr(sizeof schema::kIdPrefix - 1) << '\n';
}

}  // namespace vnews
