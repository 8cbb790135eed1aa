#include "vnews/analyzer.h"

#include "vnews/i_y_spelling.h"
#include "vnews/normalizer.h"

namespace vnews {
namespace {

// Bounds the cache: real text has a few tens of thousands of distinct words,
// hostile text may have millions.
constexpr std::size_t kMaxCachedWords = 1 << 18;

// True when the bytes between two words are spaces with at most one joiner:
// a hyphen (Covid-19), a slash (3/6/2017, 11-NQ/TW) or an at sign (e-mail).
bool is_joining_gap(std::string_view gap) {
  int joiners = 0;
  for (char c : gap) {
    if (c == '-' || c == '/' || c == '@') {
      ++joiners;
    } else if (c != ' ' && c != '\t') {
      return false;
    }
  }
  return joiners <= 1 && !gap.empty();
}

// True for a word that needs no Unicode work: ASCII, and short enough to keep.
bool is_short_ascii(std::string_view word) {
  if (word.size() > Analyzer::kMaxWordBytes) return false;
  for (unsigned char c : word) {
    if (c >= 0x80) return false;
  }
  return true;
}

// True for the folded letters Vietnamese marks: the vowels, and d (đ).
bool takes_diacritics(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 'd';
}

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

}  // namespace

bool Token::single_form() const {
  for (const char c : folded) {
    if (static_cast<unsigned char>(c) >= 0x80 || takes_diacritics(c)) return false;
  }
  return !folded.empty();
}

std::vector<Token> Analyzer::analyze(std::string_view text) {
  std::vector<Token> out;
  analyze(text, out);
  return out;
}

void Analyzer::analyze(std::string_view text, std::vector<Token>& out) {
  out.clear();
  breaker_.split(text, spans_);
  out.reserve(spans_.size());
  for (const WordSpan& span : spans_) {
    const std::string_view word = text.substr(span.begin, span.end - span.begin);
    const bool joined = !out.empty() &&
        is_joining_gap(text.substr(out.back().end, span.begin - out.back().end));
    if (is_short_ascii(word)) {
      Token& token = out.emplace_back();
      token.term = word;
      for (char& c : token.term) c = ascii_lower(c);
      unify_i_y(token.term);
      token.folded = token.term;
      token.begin = span.begin;
      token.end = span.end;
      token.joined = joined;
      continue;
    }
    const Token& forms = normalize_word(word);
    if (forms.term.empty()) continue;
    Token& token = out.emplace_back(forms);
    token.begin = span.begin;
    token.end = span.end;
    token.joined = joined;
  }
}

const Token& Analyzer::normalize_word(std::string_view word) {
  auto found = cache_.find(word);
  if (found != cache_.end()) return found->second;
  if (cache_.size() >= kMaxCachedWords) cache_.clear();
  Token forms;
  forms.term = place_tone_mark(fold_case(word));
  unify_i_y(forms.term);
  if (forms.term.size() > kMaxWordBytes ||
      forms.term.find("\xEF\xBF\xBD") != std::string::npos) {
    forms.term.clear();  // too long to be a word, or not text
  }
  forms.folded = strip_diacritics(forms.term);
  return cache_.emplace(std::string(word), std::move(forms)).first->second;
}

}  // namespace vnews
