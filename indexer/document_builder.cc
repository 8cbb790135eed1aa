#include "document_builder.h"

#include <vector>

#include "vnews/document_data.h"
#include "vnews/normalizer.h"
#include "vnews/schema.h"

namespace vnews {
namespace {

// Adds the terms of one field; returns the position after its last word.
Xapian::termpos index_field(Xapian::Document& doc, const std::vector<Token>& tokens,
                            Xapian::termpos start, Xapian::termcount wdf,
                            bool is_title) {
  Xapian::termpos pos = start;
  const Token* previous = nullptr;
  for (const Token& token : tokens) {
    doc.add_posting(token.term, pos, wdf);
    doc.add_term(schema::kFoldedPrefix + token.folded, wdf);
    if (is_title) {
      doc.add_posting(schema::kTitlePrefix + token.term, pos);
      doc.add_term(schema::kFoldedTitlePrefix + token.folded);
    }
    if (previous != nullptr && token.joined) {
      doc.add_term(schema::kBigramPrefix + previous->folded + ' ' + token.folded, wdf);
    }
    previous = &token;
    ++pos;
  }
  return pos;
}

}  // namespace

Xapian::Document build_document(const Article& article, Analyzer& analyzer) {
  Xapian::Document doc;
  std::vector<Token> tokens;
  Xapian::termpos pos = 1;
  analyzer.analyze(article.title, tokens);
  pos = index_field(doc, tokens, pos, schema::kTitleWdf, true) + schema::kFieldGap;
  analyzer.analyze(article.lead, tokens);
  pos = index_field(doc, tokens, pos, schema::kLeadWdf, false) + schema::kFieldGap;
  analyzer.analyze(article.body, tokens);
  index_field(doc, tokens, pos, schema::kBodyWdf, false);

  doc.add_boolean_term(id_term(article.id));
  if (!article.category.empty()) {
    doc.add_boolean_term(category_term(article.category));
    doc.add_value(schema::kCategorySlot, article.category);
  }
  if (!article.url.empty()) doc.add_boolean_term(url_term(article.url));
  if (!article.source.empty()) doc.add_boolean_term(source_term(article.source));
  if (!article.date.empty()) doc.add_value(schema::kDateSlot, article.date);
  doc.set_data(encode_document_data(article));
  return doc;
}

}  // namespace vnews
