#include "snippet.h"

#include <algorithm>
#include <map>

#include "vnews/normalizer.h"

namespace vnews {
namespace {

constexpr char kEllipsis[] = "\xE2\x80\xA6";  // …
// Snippets look only this far into a document, so a huge one stays fast.
constexpr std::size_t kMaxScannedBytes = 256 * 1024;

// Returns, for each token, the id of the query word it matches, or -1.
std::vector<int> match_ids(const std::vector<Token>& tokens, const MatchTerms& match) {
  std::map<std::string, int> ids;
  const auto id_of = [&ids](const std::string& key) {
    return ids.emplace(key, static_cast<int>(ids.size())).first->second;
  };
  std::vector<int> matched(tokens.size(), -1);
  std::map<std::string, bool> exact_seen;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (match.exact.count(t.term)) {
      matched[i] = id_of(t.term);
      exact_seen[t.folded] = true;
    } else if (match.folded.count(t.folded)) {
      matched[i] = id_of("~" + t.folded);
    }
  }
  // An accented query word absent from the text highlights its other forms.
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const auto fallback = match.fallback.find(tokens[i].folded);
    if (matched[i] < 0 && fallback != match.fallback.end() &&
        !exact_seen.count(tokens[i].folded)) {
      matched[i] = id_of(fallback->second);
    }
  }
  return matched;
}

// Returns [first, last] token indexes of the best window of at most
// `max_bytes`: most distinct query words, then most matching words.
std::pair<std::size_t, std::size_t> best_window(const std::vector<Token>& tokens,
                                                const std::vector<int>& matched,
                                                std::size_t max_bytes) {
  std::map<int, int> counts;
  std::size_t best_first = 0, best_last = 0, last = 0;
  long best_score = -1;
  int hits = 0;
  for (std::size_t first = 0; first < tokens.size(); ++first) {
    if (last < first) last = first, counts.clear(), hits = 0;
    while (last < tokens.size() &&
           (last == first || tokens[last].end - tokens[first].begin <= max_bytes)) {
      if (matched[last] >= 0) ++counts[matched[last]], ++hits;
      ++last;
    }
    const long score = static_cast<long>(counts.size()) * 1000 + hits;
    if (score > best_score) best_score = score, best_first = first, best_last = last;
    if (last > first && matched[first] >= 0) {
      if (--counts[matched[first]] == 0) counts.erase(matched[first]);
      --hits;
    }
  }
  return {best_first, best_last - 1};  // every window holds at least one token
}

void append_flat(std::string& out, std::string_view text) {
  for (char c : text) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
}

}  // namespace

Snippet make_snippet(std::string_view text, const MatchTerms& match,
                     Analyzer& analyzer, std::size_t max_bytes) {
  Snippet snippet;
  if (text.size() > kMaxScannedBytes) {
    std::size_t cut = kMaxScannedBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
  }
  const std::vector<Token> tokens = analyzer.analyze(text);
  if (tokens.empty()) return snippet;
  const std::vector<int> matched = match_ids(tokens, match);
  const auto [first, last] = best_window(tokens, matched, max_bytes);

  if (first > 0) snippet.text += kEllipsis;
  std::size_t copied = tokens[first].begin;
  bool open = false;
  for (std::size_t i = first; i <= last; ++i) {
    append_flat(snippet.text, text.substr(copied, tokens[i].begin - copied));
    copied = tokens[i].begin;
    const bool hit = matched[i] >= 0;
    const bool continues = open && hit && tokens[i].joined;
    if (open && !continues) open = false;
    const std::size_t start = count_code_points(snippet.text);
    append_flat(snippet.text, text.substr(copied, tokens[i].end - copied));
    copied = tokens[i].end;
    if (!hit) continue;
    const std::size_t end = count_code_points(snippet.text);
    if (continues) {
      snippet.highlights.back().second = end;
    } else {
      snippet.highlights.emplace_back(start, end);
    }
    open = true;
  }
  if (last + 1 < tokens.size()) snippet.text += kEllipsis;
  return snippet;
}

}  // namespace vnews
