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

// Writes `word` lower-cased to `out` and returns true when it needs no
// Unicode work: ASCII, and short enough to keep. One pass does both.
bool lower_short_ascii(std::string_view word, char (&out)[Analyzer::kMaxWordBytes]) {
  if (word.size() > Analyzer::kMaxWordBytes) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    if (static_cast<unsigned char>(c) >= 0x80) return false;
    out[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
  }
  return true;
}

// True for the folded letters Vietnamese marks: the vowels, and d (đ).
bool takes_diacritics(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 'd';
}

// True when the bytes [begin, end) of `text` between two words hold only
// default-ignorable characters: the words are one (tokenizer.h). One byte
// read decides for almost every gap.
bool ignorable_between(std::string_view text, std::size_t begin, std::size_t end) {
  return end > begin && static_cast<unsigned char>(text[begin]) >= 0x80 &&
         is_ignorable_gap(text.substr(begin, end - begin));
}

// A quick test before unify_i_y() on a lower-case ASCII word, which has no
// tone mark: only "ti", "qui" and the like can have an i/y spelling.
bool may_have_i_y_spelling(const std::string& word) {
  const std::size_t n = word.size();
  return (n == 2 || n == 3) && (word[n - 1] == 'i' || word[n - 1] == 'y');
}

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
  const WordSpan* const first = spans_.data();
  char lower[kMaxWordBytes];
  for (const WordSpan& span : spans_) {
    const std::string_view word = text.substr(span.begin, span.end - span.begin);
    const bool joined = !out.empty() && is_joining_gap(text.substr(
                                            out.back().end, span.begin - out.back().end));
    if (!joined && &span != first &&
        ignorable_between(text, (&span)[-1].end, span.begin)) {
      join_ignorable(text, static_cast<std::size_t>(&span - first), out);
      continue;
    }
    if (lower_short_ascii(word, lower)) {
      Token& token = out.emplace_back();
      token.term.assign(lower, word.size());
      if (may_have_i_y_spelling(token.term)) unify_i_y(token.term);
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

std::string_view Analyzer::overlong_word(std::string_view text) {
  breaker_.split(text, spans_);
  for (const WordSpan& span : spans_) {
    const std::string_view word = text.substr(span.begin, span.end - span.begin);
    if (normalize_word(word).term.empty() &&
        place_tone_mark(fold_case(word)).size() > kMaxWordBytes) {
      return word;
    }
  }
  return {};
}

void Analyzer::join_ignorable(std::string_view text, std::size_t i,
                              std::vector<Token>& out) {
  // The word's first span: "Y\u200BouTu\u200Bbe" has three.
  std::size_t first = i - 1;
  while (first > 0 &&
         ignorable_between(text, spans_[first - 1].end, spans_[first].begin)) {
    --first;
  }
  const std::size_t begin = spans_[first].begin, end = spans_[i].end;
  bool joined = false;
  if (!out.empty() && out.back().begin == begin) {  // the word so far gave a token
    joined = out.back().joined;
    out.pop_back();
  } else if (!out.empty()) {  // an earlier word's, which ends before `begin`
    joined = is_joining_gap(text.substr(out.back().end, begin - out.back().end));
  }
  const Token& forms = normalize_word(text.substr(begin, end - begin));
  if (forms.term.empty()) return;
  Token& token = out.emplace_back(forms);
  token.begin = begin;
  token.end = end;
  token.joined = joined;
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
