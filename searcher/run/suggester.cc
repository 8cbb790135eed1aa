#include "run/suggester.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <utility>

#include "vnews/normalizer.h"
#include "vnews/terms.h"

namespace vnews {
namespace {

bool is_ascii(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; });
}

// The largest edit distance worth correcting in a word of `bytes` bytes.
unsigned max_edits(std::size_t bytes) { return bytes <= 4 ? 1 : 2; }

// A pair of forms seen side by side counts this many times a form alone.
constexpr double kPairWeight = 4;
// The corpus's commonest form of a word counts as if seen this often.
constexpr double kCorpusFormWeight = 0.5;

// Returns `query` with the bytes of each of `words` replaced by its form in
// `forms` (in the letter case typed), the rest as typed.
std::string rewrite(std::string_view query, const std::vector<PlannedWord>& words,
                    const std::vector<std::string>& forms) {
  std::vector<std::size_t> order(words.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return words[a].begin < words[b].begin;
  });
  std::string out;
  std::size_t copied = 0;
  for (const std::size_t i : order) {
    const PlannedWord& w = words[i];
    if (w.begin < copied || w.end > query.size()) continue;  // the same word twice
    out.append(query.substr(copied, w.begin - copied));
    const std::string_view typed = query.substr(w.begin, w.end - w.begin);
    if (forms[i] == w.token.term) {
      out.append(typed);
    } else {
      out.append(match_case(forms[i], typed));
    }
    copied = w.end;
  }
  out.append(query.substr(copied));
  return out;
}

// How often each form of the query's words is seen in the best hits, alone
// and side by side with the form of the next query word.
struct FormCounts {
  std::map<std::string, std::map<std::string, double>> alone;   // folded -> form -> count
  std::map<std::pair<std::string, std::string>, double> pairs;  // (form, next form)
};

FormCounts count_forms(const std::vector<PlannedWord>& words,
                       const std::vector<std::string>& texts, Analyzer& analyzer) {
  std::map<std::string, int> wanted;
  std::set<std::pair<std::string, std::string>> wanted_pairs;
  for (std::size_t i = 0; i < words.size(); ++i) {
    wanted.emplace(words[i].token.folded, 0);
    if (i > 0 && words[i].token.joined) {
      wanted_pairs.emplace(words[i - 1].token.folded, words[i].token.folded);
    }
  }
  FormCounts counts;
  for (const std::string& text : texts) {
    {
      const std::vector<Token> tokens = analyzer.analyze(text);
      for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& t = tokens[i];
        if (!wanted.count(t.folded)) continue;
        counts.alone[t.folded][t.term] += 1;
        if (i > 0 && t.joined &&
            wanted_pairs.count({tokens[i - 1].folded, t.folded}) > 0) {
          counts.pairs[{tokens[i - 1].term, t.term}] += 1;
        }
      }
    }
  }
  return counts;
}

}  // namespace

void Suggester::load_accents() {
  // Marked loaded only once read to the end: a read that failed (a commit
  // under it) is read again by the next request.
  std::unordered_map<std::string, std::pair<Xapian::doccount, std::string>> best;
  auto it = db_.allterms_begin();
  while (it != db_.allterms_end()) {
    const std::string term = *it;
    if (!is_exact_term(term)) {
      it.skip_to(kAfterPrefixedTerms);
      continue;
    }
    const Xapian::doccount freq = it.get_termfreq();
    ++it;
    if (is_ascii(term)) continue;
    const std::string folded = strip_diacritics(term);
    if (folded == term) continue;
    auto& slot = best[folded];
    if (freq > slot.first) slot = {freq, term};
  }
  for (auto& [folded, entry] : best) accents_.emplace(folded, std::move(entry.second));
  accents_loaded_ = true;
}

const std::string& Suggester::accented_form(const std::string& folded) {
  static const std::string kNone;
  if (!accents_loaded_) load_accents();
  const auto it = accents_.find(folded);
  return it == accents_.end() ? kNone : it->second;
}

std::vector<std::string> Suggester::restore_accents(const std::vector<PlannedWord>& words,
                                                    const std::vector<std::string>& base,
                                                    const std::vector<std::string>& texts,
                                                    Analyzer& analyzer) {
  const FormCounts counts = count_forms(words, texts, analyzer);
  // The forms each word may take, and the best score of a sequence ending
  // in each (Viterbi over each run of joined words).
  std::vector<std::vector<std::string>> forms(words.size());
  std::vector<std::vector<double>> score(words.size());
  std::vector<std::vector<std::size_t>> from(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string folded = base[i] == words[i].token.term ? words[i].token.folded
                                                              : strip_diacritics(base[i]);
    const auto seen = counts.alone.find(folded);
    // The corpus's commonest form, for a word the hits do not show.
    const std::string corpus = seen == counts.alone.end() ? accented_form(folded) : "";
    forms[i].push_back(base[i]);
    if (!corpus.empty() && corpus != base[i]) forms[i].push_back(corpus);
    if (seen != counts.alone.end()) {
      for (const auto& [form, n] : seen->second) {
        if (std::find(forms[i].begin(), forms[i].end(), form) == forms[i].end()) {
          forms[i].push_back(form);
        }
      }
    }
    const bool continues = i > 0 && words[i].token.joined;
    for (const std::string& form : forms[i]) {
      double alone = form == corpus ? kCorpusFormWeight : 0;
      if (seen != counts.alone.end() && seen->second.count(form))
        alone += seen->second.at(form);
      double best = alone;
      std::size_t best_from = 0;
      if (continues) {
        best = -1;
        for (std::size_t p = 0; p < forms[i - 1].size(); ++p) {
          const auto pair = counts.pairs.find({forms[i - 1][p], form});
          const double s = score[i - 1][p] + alone +
                           (pair == counts.pairs.end() ? 0 : kPairWeight * pair->second);
          if (s > best) best = s, best_from = p;
        }
      }
      score[i].push_back(best);
      from[i].push_back(best_from);
    }
  }
  // Back from the end of each run.
  std::vector<std::string> out(words.size());
  for (std::size_t end = words.size(); end-- > 0;) {
    std::size_t pick =
        std::max_element(score[end].begin(), score[end].end()) - score[end].begin();
    std::size_t i = end;
    for (;; --i) {
      out[i] = forms[i][pick];
      if (i == 0 || !words[i].token.joined) break;
      pick = from[i][pick];
    }
    end = i;
  }
  return out;
}

std::vector<std::string> Suggester::suggest(
    std::string_view query, const QueryPlan& plan, Analyzer& analyzer,
    const std::function<std::vector<std::string>()>& evidence,
    const std::function<bool(const std::string&)>& finds_any) {
  std::vector<std::string> out;
  const std::vector<PlannedWord>& words = plan.words;
  if (words.empty()) return out;
  const auto offer = [&](const std::vector<std::string>& forms) {
    const std::string suggestion = rewrite(query, words, forms);
    if (suggestion != query &&
        std::find(out.begin(), out.end(), suggestion) == out.end() &&
        finds_any(suggestion)) {
      out.push_back(suggestion);
    }
  };
  std::vector<std::string> typed, corrected;
  bool any_accent = false, any_correction = false;
  for (const PlannedWord& w : words) {
    typed.push_back(w.token.term);
    any_accent = any_accent || w.token.accented();
    std::string fix;
    if (frequencies_.get(folded_term(w.token.folded, Field::kAll)) == 0) {
      fix = db_.get_spelling_suggestion(w.token.term, max_edits(w.token.term.size()));
    }
    any_correction = any_correction || !fix.empty();
    corrected.push_back(fix.empty() ? w.token.term : fix);
  }
  if (any_correction) offer(corrected);
  if (!any_accent) {
    offer(
        restore_accents(words, any_correction ? corrected : typed, evidence(), analyzer));
  }
  return out;
}

}  // namespace vnews
