#include "suggester.h"

#include <utility>

#include "vnews/normalizer.h"
#include "vnews/schema.h"

namespace vnews {
namespace {

bool is_ascii(const std::string& s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

// The largest edit distance worth correcting in a word of `bytes` bytes.
unsigned max_edits(std::size_t bytes) { return bytes <= 4 ? 1 : 2; }

}  // namespace

void Suggester::load_accents() {
  accents_loaded_ = true;
  std::unordered_map<std::string, std::pair<Xapian::doccount, std::string>> best;
  // Exact syllables have no prefix; every prefix starts with A-Z, which
  // case-folded words never do, so skip that stretch of the term list.
  auto it = db_.allterms_begin();
  while (it != db_.allterms_end()) {
    const std::string term = *it;
    if (!term.empty() && term[0] >= 'A' && term[0] <= 'Z') {
      it.skip_to("[");
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
}

const std::string& Suggester::accented_form(const std::string& folded) {
  static const std::string kNone;
  if (!accents_loaded_) load_accents();
  const auto it = accents_.find(folded);
  return it == accents_.end() ? kNone : it->second;
}

namespace {

// A form seen next to another query word counts this many times more.
constexpr int kBesideQueryWord = 4;
// Accents are read from this many of the best hits.
constexpr std::size_t kAccentHits = 5;

// Returns, per folded syllable of `wanted`, the form (accented or not) seen
// most often in the titles and snippets of `hits`, forms standing next to
// another query word counting more.
std::unordered_map<std::string, std::string> accents_in(
    const std::vector<Hit>& hits, const std::unordered_map<std::string, int>& wanted,
    Analyzer& analyzer) {
  std::unordered_map<std::string, std::unordered_map<std::string, int>> counts;
  for (std::size_t h = 0; h < hits.size() && h < kAccentHits; ++h) {
    const Hit& hit = hits[h];
    for (const std::string* text : {&hit.article.title, &hit.snippet.text}) {
      const std::vector<Token> tokens = analyzer.analyze(*text);
      for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& t = tokens[i];
        if (!wanted.count(t.folded)) continue;
        const auto other_word = [&](const Token& n) {
          return n.folded != t.folded && wanted.count(n.folded) > 0;
        };
        const bool beside = (i > 0 && t.joined && other_word(tokens[i - 1])) ||
                            (i + 1 < tokens.size() && tokens[i + 1].joined &&
                             other_word(tokens[i + 1]));
        counts[t.folded][t.term] += beside ? kBesideQueryWord : 1;
      }
    }
  }
  std::unordered_map<std::string, std::string> best;
  for (const auto& [folded, forms] : counts) {
    int top = 0;
    for (const auto& [form, n] : forms) {
      if (n > top || (n == top && form < best[folded])) top = n, best[folded] = form;
    }
  }
  return best;
}

}  // namespace

std::vector<std::string> Suggester::suggest(const QueryPlan& plan,
                                            const std::vector<Hit>& hits,
                                            Analyzer& analyzer) {
  std::vector<std::string> out;
  if (plan.words.empty()) return out;
  std::vector<std::string> typed, corrected, accented;
  bool any_accent = false, any_correction = false, any_restored = false;
  for (const Token& t : plan.words) {
    typed.push_back(t.term);
    any_accent = any_accent || t.accented();
    const bool known = db_.get_termfreq(schema::kFoldedPrefix + t.folded) > 0;
    std::string fix;
    if (!known) fix = db_.get_spelling_suggestion(t.term, max_edits(t.term.size()));
    any_correction = any_correction || !fix.empty();
    corrected.push_back(fix.empty() ? t.term : fix);
  }
  if (any_correction) out.push_back(join(corrected));
  if (!any_accent) {
    const std::vector<std::string>& base = any_correction ? corrected : typed;
    std::unordered_map<std::string, int> wanted;
    for (const std::string& word : base) wanted.emplace(strip_diacritics(word), 0);
    const auto in_hits = accents_in(hits, wanted, analyzer);
    for (const std::string& word : base) {
      const std::string folded = strip_diacritics(word);
      const auto found = in_hits.find(folded);
      const std::string& form = found != in_hits.end() ? found->second : accented_form(folded);
      any_restored = any_restored || (!form.empty() && form != word);
      accented.push_back(form.empty() ? word : form);
    }
    if (any_restored) out.push_back(join(accented));
  }
  return out;
}

}  // namespace vnews
