#include "query/query_parser.h"

#include <string>
#include <utility>
#include <vector>

#include "query/query_lexer.h"
#include "vnews/error.h"
#include "vnews/normalizer.h"

namespace vnews {
namespace {

// Parentheses nested deeper than this are ignored, so the parser's recursion
// stays shallow whatever the input.
constexpr int kMaxDepth = 32;

bool is_filter_field(Lexeme::FieldName field) {
  return field == Lexeme::kCategoryField || field == Lexeme::kDateField ||
         field == Lexeme::kSourceField || field == Lexeme::kIdField ||
         field == Lexeme::kUrlField;
}

// Returns a node of `kind` with `children`: the child itself when it is the
// only one and not excluded, nothing (a kAll without children) when none.
QueryNode group_of(QueryNode::Kind kind, std::vector<QueryNode> children) {
  if (children.size() == 1 && !children[0].excluded) return std::move(children[0]);
  QueryNode node;
  node.kind = kind;
  node.children = std::move(children);
  return node;
}

bool is_empty(const QueryNode& node) {
  return (node.kind == QueryNode::Kind::kAll || node.kind == QueryNode::Kind::kAny) &&
         node.children.empty();
}

class Parser {
 public:
  Parser(std::string_view text, Analyzer& analyzer)
      : text_(text), lexemes_(lex_query(text)), analyzer_(analyzer) {}

  QueryNode parse() {
    std::vector<QueryNode> parts;
    while (pos_ < lexemes_.size()) {  // a stray ')' ends parse_or early: go on
      add(parts, parse_or());
      if (pos_ < lexemes_.size() && lexemes_[pos_].kind == Lexeme::kClose) ++pos_;
    }
    return group_of(QueryNode::Kind::kAll, std::move(parts));
  }

 private:
  // Adds `node` to `parts` unless it holds nothing.
  static void add(std::vector<QueryNode>& parts, QueryNode node) {
    if (!is_empty(node)) parts.push_back(std::move(node));
  }

  bool at(Lexeme::Kind kind) const {
    return pos_ < lexemes_.size() && lexemes_[pos_].kind == kind;
  }

  // True when an operand starts at lexeme `i`.
  bool operand_at(std::size_t i) const {
    if (i >= lexemes_.size()) return false;
    const Lexeme::Kind k = lexemes_[i].kind;
    return k == Lexeme::kWord || k == Lexeme::kPhrase || k == Lexeme::kOpen ||
           (k == Lexeme::kNot && operand_at(i + 1));
  }

  // or := sequence (OR sequence)*
  QueryNode parse_or() {
    std::vector<QueryNode> alternatives;
    add(alternatives, parse_sequence());
    while (at(Lexeme::kOr)) {
      ++pos_;
      add(alternatives, parse_sequence());
    }
    return group_of(QueryNode::Kind::kAny, std::move(alternatives));
  }

  // sequence := (and)*, up to ')' or an OR followed by an operand. Plain words
  // side by side become one kWords node.
  QueryNode parse_sequence() {
    std::vector<QueryNode> parts;
    while (pos_ < lexemes_.size()) {
      const Lexeme::Kind k = lexemes_[pos_].kind;
      if (k == Lexeme::kClose) break;
      if (k == Lexeme::kOr && !parts.empty() && operand_at(pos_ + 1)) break;
      if (k == Lexeme::kAnd || k == Lexeme::kOr) {  // lacks an operand: ignored
        ++pos_;
        continue;
      }
      if (is_plain_word(pos_) && !operand_follows_and(pos_)) {
        add(parts, parse_plain_words());
      } else {
        add(parts, parse_and());
      }
    }
    return group_of(QueryNode::Kind::kAll, std::move(parts));
  }

  // True when lexeme `i` is a word that may stand in a run of plain words:
  // no field of its own, no '-', no wildcard.
  bool is_plain_word(std::size_t i) const {
    const Lexeme& lx = lexemes_[i];
    return lx.kind == Lexeme::kWord && lx.field == Lexeme::kNoField && lx.sign != '-' &&
           !lx.wildcard &&
           (group_field_ == Lexeme::kNoField || group_field_ == Lexeme::kTitleField);
  }

  // True when lexeme `i` is the left operand of an AND.
  bool operand_follows_and(std::size_t i) const {
    return i + 1 < lexemes_.size() && lexemes_[i + 1].kind == Lexeme::kAnd &&
           operand_at(i + 2);
  }

  // Reads plain words side by side into one kWords node: the bytes from the
  // first to the last are analyzed at once, '+' signs blanked, so that the
  // Analyzer marks which words the query joins.
  QueryNode parse_plain_words() {
    const std::size_t first = pos_;
    std::size_t last = pos_;
    while (last + 1 < lexemes_.size() && is_plain_word(last + 1) &&
           !operand_follows_and(last + 1)) {
      ++last;
    }
    pos_ = last + 1;
    const std::size_t begin = lexemes_[first].begin, end = lexemes_[last].end;
    std::string span(text_.substr(begin, end - begin));
    bool required = false;
    for (std::size_t i = first; i <= last; ++i) {
      if (lexemes_[i].sign != '+') continue;
      span[lexemes_[i].begin - begin] = ' ';
      required = true;
    }
    QueryNode node = words_node(QueryNode::Kind::kWords, span, begin,
                                field_of(effective_field(Lexeme::kNoField)));
    node.widenable = !required;
    return node;
  }

  // and := unary (AND unary)*
  QueryNode parse_and() {
    std::vector<QueryNode> operands;
    add(operands, parse_unary());
    while (at(Lexeme::kAnd) && operand_at(pos_ + 1)) {
      ++pos_;
      add(operands, parse_unary());
    }
    return group_of(QueryNode::Kind::kAll, std::move(operands));
  }

  QueryNode parse_unary() {
    const Lexeme& lx = lexemes_[pos_++];
    switch (lx.kind) {
      case Lexeme::kNot: {
        if (!operand_at(pos_)) return QueryNode();  // lacks an operand: ignored
        QueryNode node = parse_unary();
        if (!is_empty(node)) node.excluded = !node.excluded;
        return node;
      }
      case Lexeme::kOpen:
        return parse_group(lx);
      case Lexeme::kPhrase:
        return signed_node(lx, phrase(lx));
      case Lexeme::kWord:
        return signed_node(lx, word(lx));
      default:  // ')' at the start, or an operator: nothing to read
        return QueryNode();
    }
  }

  static QueryNode signed_node(const Lexeme& lx, QueryNode node) {
    if (lx.sign == '-' && !is_empty(node)) node.excluded = true;
    return node;
  }

  QueryNode parse_group(const Lexeme& open) {
    if (depth_ >= kMaxDepth) return QueryNode();
    ++depth_;
    const Lexeme::FieldName outer_field = group_field_;
    if (open.field != Lexeme::kNoField) group_field_ = open.field;
    QueryNode node = parse_or();
    group_field_ = outer_field;
    --depth_;
    if (at(Lexeme::kClose)) ++pos_;
    return signed_node(open, std::move(node));
  }

  // Returns the field that applies to a lexeme of field `own`.
  Lexeme::FieldName effective_field(Lexeme::FieldName own) const {
    return own == Lexeme::kNoField ? group_field_ : own;
  }

  static Field field_of(Lexeme::FieldName field) {
    return field == Lexeme::kTitleField ? Field::kTitle : Field::kAll;
  }

  QueryNode phrase(const Lexeme& lx) {
    const Lexeme::FieldName field = effective_field(lx.field);
    if (is_filter_field(field)) return filter(field, lx.text);
    return words_node(QueryNode::Kind::kPhrase, lx.text, offset_of(lx.text),
                      field_of(field));
  }

  QueryNode word(const Lexeme& lx) {
    const Lexeme::FieldName field = effective_field(lx.field);
    if (is_filter_field(field)) return filter(field, lx.text);
    const QueryNode::Kind kind =
        lx.wildcard ? QueryNode::Kind::kWildcard : QueryNode::Kind::kWords;
    return words_node(kind, lx.text, offset_of(lx.text), field_of(field));
  }

  // Returns the node of `kind` for the words of `span`, typed at byte
  // `offset` of the query; nothing when `span` holds no word.
  QueryNode words_node(QueryNode::Kind kind, std::string_view span, std::size_t offset,
                       Field field) {
    QueryNode node;
    node.kind = kind;
    node.field = field;
    node.offset = offset;
    node.text = span;
    node.tokens = analyzer_.analyze(span);
    if (node.tokens.empty()) return QueryNode();
    return node;
  }

  QueryNode filter(Lexeme::FieldName field, std::string_view value) {
    if (value.empty()) return QueryNode();
    QueryNode node;
    node.kind = QueryNode::Kind::kFilter;
    switch (field) {
      case Lexeme::kDateField:
        node.filter.kind = QueryFilter::Kind::kDate;
        node.filter.dates = parse_date_range(value);
        break;
      case Lexeme::kSourceField:
        node.filter.kind = QueryFilter::Kind::kSource;
        break;
      case Lexeme::kIdField:
        node.filter.kind = QueryFilter::Kind::kId;
        break;
      case Lexeme::kUrlField:
        node.filter.kind = QueryFilter::Kind::kUrl;
        break;
      default:
        node.filter.kind = QueryFilter::Kind::kCategory;
        break;
    }
    node.filter.value = value;
    return node;
  }

  std::size_t offset_of(std::string_view piece) const {
    return static_cast<std::size_t>(piece.data() - text_.data());
  }

  std::string_view text_;
  std::vector<Lexeme> lexemes_;
  Analyzer& analyzer_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  Lexeme::FieldName group_field_ = Lexeme::kNoField;  // of the innermost "field:("
};

}  // namespace

std::string quote_query(std::string_view text) {
  const std::string_view cut = utf8_prefix(text, 80);
  std::string out(1, '\'');
  out.append(cut);
  return out.append(cut.size() < text.size() ? "…'" : "'");
}

QueryNode parse_query(std::string_view text, Analyzer& analyzer) {
  if (text.size() > kMaxQueryBytes) {
    throw QueryError("query " + quote_query(text) +
                     " is too long: " + std::to_string(text.size()) + " bytes, at most " +
                     std::to_string(kMaxQueryBytes));
  }
  const std::string_view overlong = analyzer.overlong_word(text);
  if (!overlong.empty()) {
    throw QueryError("query " + quote_query(text) +
                     " has a word too long to search for: " + quote_query(overlong) +
                     " (" + std::to_string(overlong.size()) + " bytes, at most " +
                     std::to_string(Analyzer::kMaxWordBytes) + ")");
  }
  QueryNode root = Parser(text, analyzer).parse();
  if (is_empty(root)) {
    throw QueryError("query " + quote_query(text) + " has no word to search for");
  }
  if (root.excluded) root = group_of(QueryNode::Kind::kAll, {std::move(root)});
  return root;
}

}  // namespace vnews
