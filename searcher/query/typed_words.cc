#include "query/typed_words.h"

#include <map>
#include <optional>
#include <vector>

#include "vnews/input_method.h"
#include "vnews/terms.h"

namespace vnews {
namespace {

// The words of `node` and what they spell, when any does.
std::vector<std::optional<std::string>> spelled_words(const QueryNode& node) {
  std::vector<std::string> words;
  for (const Token& t : node.tokens)
    words.push_back(node.text.substr(t.begin, t.end - t.begin));
  return decode_typed_words(words);
}

// Decodes the words of `node`; adds to `decoded` the query bytes of each
// replaced word and what it spells.
void decode_node(QueryNode& node, TermFrequencies& db, Analyzer& analyzer,
                 std::map<std::size_t, std::pair<std::size_t, std::string>>& decoded) {
  const std::vector<std::optional<std::string>> spelled = spelled_words(node);
  for (std::size_t i = 0; i < node.tokens.size(); ++i) {
    Token& typed = node.tokens[i];
    if (!spelled[i] || db.get(folded_term(typed.folded, Field::kAll)) > 0) continue;
    const std::vector<Token> syllable = analyzer.analyze(*spelled[i]);
    if (syllable.size() != 1 || db.get(exact_term(syllable[0], Field::kAll)) == 0) {
      continue;
    }
    decoded[node.offset + typed.begin] = {node.offset + typed.end, *spelled[i]};
    typed.term = syllable[0].term;
    typed.folded = syllable[0].folded;
  }
}

void decode_tree(QueryNode& node, TermFrequencies& db, Analyzer& analyzer,
                 std::map<std::size_t, std::pair<std::size_t, std::string>>& decoded) {
  if (node.kind == QueryNode::Kind::kWords || node.kind == QueryNode::Kind::kPhrase) {
    decode_node(node, db, analyzer, decoded);
  }
  for (QueryNode& child : node.children) decode_tree(child, db, analyzer, decoded);
}

}  // namespace

std::vector<std::string> typed_word_lookups(const QueryNode& root, Analyzer& analyzer) {
  std::vector<std::string> terms;
  for_each_words_node(root, [&](const QueryNode& node) {
    const std::vector<std::optional<std::string>> spelled = spelled_words(node);
    for (std::size_t i = 0; i < spelled.size(); ++i) {
      if (!spelled[i]) continue;
      terms.push_back(folded_term(node.tokens[i].folded, Field::kAll));
      for (const Token& t : analyzer.analyze(*spelled[i])) {
        terms.push_back(exact_term(t, Field::kAll));
      }
    }
  });
  return terms;
}

std::string decode_typed_words(QueryNode& root, std::string_view query,
                               TermFrequencies& db, Analyzer& analyzer) {
  std::map<std::size_t, std::pair<std::size_t, std::string>>
      decoded;  // begin -> end, word
  decode_tree(root, db, analyzer, decoded);
  if (decoded.empty()) return "";
  std::string out;
  std::size_t copied = 0;
  for (const auto& [begin, word] : decoded) {
    if (begin < copied) continue;
    out.append(query.substr(copied, begin - copied)).append(word.second);
    copied = word.first;
  }
  return out.append(query.substr(copied));
}

}  // namespace vnews
