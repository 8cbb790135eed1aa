#include "phrase_check.h"

#include <cstdint>
#include <string>

#include "vnews/normalizer.h"

namespace vnews {
namespace {

bool same_word(const Token& text, const Token& phrase, bool exact) {
  return exact ? text.term == phrase.term : text.folded == phrase.folded;
}

// Makes each run of spaces in `key` one space and drops those at its ends,
// keeping `origin` in step with it when given (see search_skeleton()).
void squeeze(std::string& key, std::vector<std::uint32_t>* origin) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < key.size(); ++i) {
    if (key[i] == ' ' && (n == 0 || key[n - 1] == ' ')) continue;
    if (origin != nullptr) (*origin)[n] = (*origin)[i];
    key[n++] = key[i];
  }
  if (n > 0 && key[n - 1] == ' ') --n;
  key.resize(n);
  if (origin != nullptr) origin->resize(n);
}

// Returns the squeezed skeleton that every text holding `tokens` holds, or
// "" when a word of it is not plain ASCII once folded: the skeleton keeps
// no other script, so it could not tell.
std::string skeleton_key(const std::vector<Token>& tokens) {
  std::string words;
  for (const Token& t : tokens) {
    for (const char c : t.folded) {
      if (static_cast<unsigned char>(c) >= 0x80) return "";
    }
    words.append(t.folded).push_back(' ');
  }
  std::vector<std::uint32_t> unused;
  std::string key = search_skeleton(words, unused);
  squeeze(key, nullptr);
  return key;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// A window reaches at most this far for the space before and after it.
constexpr std::size_t kMaxReach = 1024;
// After this many windows, the field is analyzed whole instead: text made
// of near misses (the phrase's letters again and again, no spaces) costs
// one analysis, not one per window.
constexpr int kMaxWindows = 8;

// True when `text`, one field, holds `check`. Only the words around each
// place where the skeleton holds the phrase's key are analyzed, from the
// space before to the space after (no word spans a space); text without
// such spaces near, or with many such places, is analyzed whole.
bool field_holds(const std::string& text, const PhraseCheck& check, Analyzer& analyzer) {
  const std::string& key = check.skeleton;
  thread_local std::vector<Token> tokens;
  const auto whole = [&] {
    analyzer.analyze(text, tokens);
    return holds_phrase(tokens, check);
  };
  if (key.empty()) return whole();
  thread_local std::string skeleton;
  thread_local std::vector<std::uint32_t> origin;
  search_skeleton(text, skeleton, origin);
  squeeze(skeleton, &origin);
  int windows = 0;
  for (std::size_t at = skeleton.find(key); at != std::string::npos;
       at = skeleton.find(key, at + 1)) {
    if (++windows > kMaxWindows) return whole();
    const std::size_t first = origin[at], last = origin[at + key.size() - 1];
    std::size_t begin = first, end = last;
    while (begin > 0 && !is_space(text[begin - 1]) && first - begin < kMaxReach) --begin;
    while (end < text.size() && !is_space(text[end]) && end - last < kMaxReach) ++end;
    const bool bounded = (begin == 0 || is_space(text[begin - 1])) &&
                         (end == text.size() || is_space(text[end]));
    if (!bounded) return whole();  // a window must not start or end inside a word
    analyzer.analyze(std::string_view(text).substr(begin, end - begin), tokens);
    if (holds_phrase(tokens, check)) return true;
  }
  return false;
}

}  // namespace

PhraseCheck phrase_check(const std::vector<Token>& tokens, Field field) {
  PhraseCheck check;
  check.tokens = tokens;
  check.field = field;
  check.exact = field == Field::kTitle;
  for (const Token& t : tokens) check.exact = check.exact || t.accented();
  check.skeleton = skeleton_key(tokens);
  return check;
}

bool decided_by_index(const PhraseCheck& check) {
  return !check.exact && check.tokens.size() == 2 && check.tokens[1].joined;
}

bool holds_phrase(const std::vector<Token>& text, const PhraseCheck& check) {
  const std::vector<Token>& phrase = check.tokens;
  if (phrase.empty() || text.size() < phrase.size()) return false;
  for (std::size_t start = 0; start + phrase.size() <= text.size(); ++start) {
    std::size_t k = 0;
    while (k < phrase.size() && same_word(text[start + k], phrase[k], check.exact) &&
           (k == 0 || !phrase[k].joined || text[start + k].joined)) {
      ++k;
    }
    if (k == phrase.size()) return true;
  }
  return false;
}

bool holds_phrase(const Article& article, const PhraseCheck& check, Analyzer& analyzer) {
  for (const std::string* text : {&article.title, &article.lead, &article.body}) {
    if (field_holds(*text, check, analyzer)) return true;
    if (check.field == Field::kTitle) break;
  }
  return false;
}

bool keeps_rules(const Article& article, const std::vector<PhraseRule>& rules,
                 Analyzer& analyzer) {
  for (const PhraseRule& rule : rules) {
    bool any = false;
    for (const PhraseCheck& check : rule.any_of) {
      if (holds_phrase(article, check, analyzer)) {
        any = true;
        break;
      }
    }
    if (any == rule.excluded) return false;
  }
  return true;
}

}  // namespace vnews
