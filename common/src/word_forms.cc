#include "vnews/word_forms.h"

#include <algorithm>
#include <unordered_map>

#include "vnews/syllable.h"
#include "vnews/tokenizer.h"

namespace vnews {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Returns the digits of `number` when it is an integer written in groups of
// three ("1.000", "1,000", "24.000.000", one separator throughout), else "".
std::string grouped_digits(std::string_view number) {
  std::string digits;
  char separator = 0;
  std::size_t group = 0, groups = 0;
  for (const char c : number) {
    if (is_digit(c)) {
      digits += c;
      ++group;
      continue;
    }
    if ((separator != 0 && c != separator) ||
        (groups == 0 ? group == 0 || group > 3 : group != 3)) {
      return "";
    }
    separator = c;
    ++groups;
    group = 0;
  }
  return groups > 0 && group == 3 ? digits : "";
}

// Depth-first search for split_word(), counting the tests it asks for.
class Splitter {
 public:
  Splitter(std::string_view word, const TermTest& is_term, const PairTest& is_pair,
           std::size_t max_parts, std::size_t max_checks)
      : word_(word),
        is_term_(is_term),
        is_pair_(is_pair),
        max_parts_(max_parts),
        budget_(max_checks) {}

  std::vector<std::string> run() {
    for (std::size_t end = word_.size() - 2; end >= 2 && budget_ > 0; --end) {
      if (!term(word_.substr(0, end))) continue;
      parts_.assign(1, std::string(word_.substr(0, end)));
      if (extend(end)) return parts_;
    }
    return {};
  }

 private:
  // True when the parts, the last ending at `at`, can reach the word's end.
  bool extend(std::size_t at) {
    if (at == word_.size()) return parts_.size() >= 2;
    if (parts_.size() == max_parts_) return false;
    for (std::size_t end = word_.size(); end >= at + 2 && budget_ > 0; --end) {
      if (end != word_.size() && word_.size() - end < 2) continue;
      const std::string_view piece = word_.substr(at, end - at);
      if (!term(piece) || !pair(parts_.back(), piece)) continue;
      parts_.emplace_back(piece);
      if (extend(end)) return true;
      parts_.pop_back();
    }
    return false;
  }

  bool term(std::string_view piece) {
    const auto known = terms_.find(std::string(piece));
    if (known != terms_.end()) return known->second;
    if (budget_ == 0) return false;
    --budget_;
    return terms_[std::string(piece)] = is_term_(piece);
  }

  bool pair(std::string_view left, std::string_view right) {
    if (budget_ == 0) return false;
    --budget_;
    return is_pair_(left, right);
  }

  std::string_view word_;
  const TermTest& is_term_;
  const PairTest& is_pair_;
  std::size_t max_parts_;
  std::size_t budget_;
  std::vector<std::string> parts_;
  std::unordered_map<std::string, bool> terms_;  // the term tests asked
};

}  // namespace

std::string joined_form(const Token& token) {
  const std::string& word = token.folded;
  if (word.find_first_of(".,") == std::string::npos ||
      word.find('@') != std::string::npos) {
    return "";
  }
  if (std::all_of(word.begin(), word.end(),
                  [](char c) { return is_digit(c) || c == '.' || c == ','; })) {
    return grouped_digits(word);
  }
  if (word.find(',') != std::string::npos) return "";
  std::string joined;
  for (const char c : word) {
    if (c != '.') joined += c;
  }
  return is_vietnamese_syllable(joined) ? "" : joined;
}

std::vector<Token> word_parts(std::string_view word, Analyzer& analyzer) {
  if (word.find('@') != std::string_view::npos) return {};
  const std::vector<WordSpan> spans = inner_parts(word);
  const bool number = std::all_of(spans.begin(), spans.end(), [&](const WordSpan& s) {
    return std::all_of(word.begin() + s.begin, word.begin() + s.end, is_digit);
  });
  if (number) return {};
  std::vector<Token> parts;
  for (const WordSpan& span : spans) {
    for (Token& t : analyzer.analyze(word.substr(span.begin, span.end - span.begin))) {
      t.begin += span.begin;
      t.end += span.begin;
      t.joined = !parts.empty();
      parts.push_back(std::move(t));
    }
  }
  if (parts.size() < 2) parts.clear();
  return parts;
}

std::string joined_word(const std::vector<Token>& tokens, std::size_t begin,
                        std::size_t end) {
  std::string out;
  for (std::size_t i = begin; i < end; ++i) out += tokens[i].folded;
  return out;
}

std::vector<std::string> split_word(std::string_view word, const TermTest& is_term,
                                    const PairTest& is_pair, std::size_t max_parts,
                                    std::size_t max_checks) {
  if (word.size() < 4 || max_parts < 2) return {};
  return Splitter(word, is_term, is_pair, max_parts, max_checks).run();
}

}  // namespace vnews
