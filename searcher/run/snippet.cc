#include "run/snippet.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <map>

#include "vnews/normalizer.h"
#include "vnews/word_forms.h"

namespace vnews {
namespace {

constexpr char kEllipsis[] = "\xE2\x80\xA6";  // …
// Snippets look only this far into a document, so a huge one stays fast.
constexpr std::size_t kMaxScannedBytes = 256 * 1024;
// Text longer than this is not analyzed whole: a quick skeleton search finds
// the passage, and only that passage, with this much context on each side,
// goes through the Analyzer.
constexpr std::size_t kLocateAbove = 1024;
constexpr std::size_t kContextBytes = 48;

// Byte range [begin, end) of a text.
struct Range {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Returns the skeleton keys of the query words, one per distinct folded form.
std::vector<std::string> skeleton_keys(const MatchTerms& match) {
  std::vector<std::string> keys;
  std::vector<std::uint32_t> unused;
  const auto add = [&](const std::string& folded) {
    std::string key = search_skeleton(folded, unused);
    if (key.find_first_not_of(' ') == std::string::npos) return;
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
  };
  for (const std::string& f : match.folded) add(f);
  for (const std::string& f : match.exact_folded) add(f);
  for (const std::vector<std::string>& run : match.runs) add(run.front());
  return keys;
}

// Buffers of locate_passage(), kept between calls so that the skeleton of
// each document needs no allocation.
struct LocateScratch {
  std::string skeleton;
  std::vector<std::uint32_t> origin;
  std::vector<std::pair<std::size_t, int>> hits;  // (byte offset, word id)
  std::vector<int> counts;                        // per word id
  std::array<std::vector<int>, 256> by_first;     // see locate_passage()
};

// Returns the range of `text` around the window of at most `max_bytes` that
// holds the most distinct query words by a skeleton search, or its opening.
Range locate_passage(std::string_view text, const MatchTerms& match,
                     std::size_t max_bytes) {
  thread_local LocateScratch scratch;
  std::string& skeleton = scratch.skeleton;
  search_skeleton(text, skeleton, scratch.origin);
  const std::vector<std::uint32_t>& origin = scratch.origin;
  const std::vector<std::string> keys = skeleton_keys(match);
  // The ids of the keys by their first character, in increasing order.
  std::array<std::vector<int>, 256>& by_first = scratch.by_first;
  for (std::vector<int>& ids : by_first) ids.clear();
  for (std::size_t id = 0; id < keys.size(); ++id) {
    by_first[static_cast<unsigned char>(keys[id][0])].push_back(static_cast<int>(id));
  }
  // Every key at every offset that follows a space (keys may start with
  // one): the hits come out in order of offset, then of word id.
  std::vector<std::pair<std::size_t, int>>& hits = scratch.hits;
  hits.clear();
  const std::size_t n = skeleton.size();
  for (std::size_t at = 0; at < n;) {
    for (const int id : by_first[static_cast<unsigned char>(skeleton[at])]) {
      const std::string& key = keys[id];
      const std::size_t after = at + key.size();
      if (after <= n && (key.size() < 2 || skeleton[at + 1] == key[1]) &&
          (after == n || skeleton[after] == ' ') &&
          skeleton.compare(at, key.size(), key) == 0) {
        hits.emplace_back(origin[at], id);
      }
    }
    if (skeleton[at] == ' ') {
      ++at;
      continue;
    }
    const void* space = std::memchr(skeleton.data() + at, ' ', n - at);
    if (space == nullptr) break;
    at = static_cast<std::size_t>(static_cast<const char*>(space) - skeleton.data()) + 1;
  }
  std::size_t start = 0;
  long best = -1;
  std::vector<int>& counts = scratch.counts;
  counts.assign(keys.size(), 0);
  long distinct = 0;
  for (std::size_t first = 0, last = 0; first < hits.size(); ++first) {
    while (last < hits.size() && hits[last].first - hits[first].first <= max_bytes) {
      if (counts[hits[last++].second]++ == 0) ++distinct;
    }
    const long score = distinct * 1000 + static_cast<long>(last - first);
    if (score > best) best = score, start = hits[first].first;
    if (--counts[hits[first].second] == 0) --distinct;
  }
  // Widen by some context and cut at spaces, so no word is split.
  Range range;
  range.begin = start > kContextBytes ? start - kContextBytes : 0;
  range.end = std::min(text.size(), start + max_bytes + kContextBytes);
  if (range.begin > 0) {
    const std::size_t space = text.find_first_of(" \n", range.begin);
    range.begin = space < start ? space + 1 : start;
  }
  if (range.end < text.size()) {
    const std::size_t space = text.find_last_of(" \n", range.end);
    if (space != std::string_view::npos && space > start) range.end = space;
  }
  return range;
}

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
  // A dotted word or grouped number by its joined form ("TP.HCM" for
  // tphcm); the words of a run standing together.
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (matched[i] >= 0 || tokens[i].folded.find_first_of(".,") == std::string::npos)
      continue;
    const std::string joined = joined_form(tokens[i]);
    if (!joined.empty() && match.folded.count(joined)) matched[i] = id_of("~" + joined);
  }
  for (const std::vector<std::string>& run : match.runs) {
    for (std::size_t i = 0; i + run.size() <= tokens.size(); ++i) {
      std::size_t k = 0;
      while (k < run.size() && tokens[i + k].folded == run[k] &&
             (k == 0 || tokens[i + k].joined)) {
        ++k;
      }
      if (k < run.size()) continue;
      const int id = id_of("run:" + run[0]);
      for (k = 0; k < run.size(); ++k) matched[i + k] = id;
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

Snippet make_snippet(std::string_view text, const MatchTerms& match, Analyzer& analyzer,
                     std::size_t max_bytes) {
  Snippet snippet;
  text = utf8_prefix(text, kMaxScannedBytes);
  Range range{0, text.size()};
  if (text.size() > kLocateAbove) range = locate_passage(text, match, max_bytes);
  const bool cut_before = range.begin > 0;
  const bool cut_after = range.end < text.size();
  text = text.substr(range.begin, range.end - range.begin);
  const std::vector<Token> tokens = analyzer.analyze(text);
  if (tokens.empty()) return snippet;
  const std::vector<int> matched = match_ids(tokens, match);
  const auto [first, last] = best_window(tokens, matched, max_bytes);

  if (first > 0 || cut_before) snippet.text += kEllipsis;
  std::size_t points = count_code_points(snippet.text);  // of snippet.text
  const auto append = [&](std::size_t from, std::size_t to) {
    const std::string_view piece = text.substr(from, to - from);
    append_flat(snippet.text, piece);
    points += count_code_points(piece);
  };
  std::size_t copied = tokens[first].begin;
  bool open = false;
  for (std::size_t i = first; i <= last; ++i) {
    append(copied, tokens[i].begin);
    copied = tokens[i].begin;
    const bool hit = matched[i] >= 0;
    const bool continues = open && hit && tokens[i].joined;
    if (open && !continues) open = false;
    const std::size_t start = points;
    append(copied, tokens[i].end);
    copied = tokens[i].end;
    if (!hit) continue;
    const std::size_t end = points;
    if (continues) {
      snippet.highlights.back().second = end;
    } else {
      snippet.highlights.emplace_back(start, end);
    }
    open = true;
  }
  if (last + 1 < tokens.size() || cut_after) snippet.text += kEllipsis;
  return snippet;
}

Snippet highlight_whole(std::string_view text, const MatchTerms& match,
                        Analyzer& analyzer) {
  return make_snippet(text, match, analyzer, std::max<std::size_t>(text.size(), 1));
}

}  // namespace vnews
