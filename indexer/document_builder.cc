#include "document_builder.h"

#include <vector>

#include "term_collector.h"
#include "vnews/document_data.h"
#include "vnews/normalizer.h"
#include "vnews/schema.h"
#include "vnews/story_sketch.h"
#include "vnews/terms.h"
#include "vnews/word_forms.h"

namespace vnews {
namespace {

// Adds the terms of one field.
void index_field(TermCollector& terms, const std::vector<Token>& tokens,
                 Xapian::termcount wdf, bool is_title) {
  const Token* previous = nullptr;
  std::string term;
  for (const Token& token : tokens) {
    const bool has_exact_term = !token.single_form();  // see exact_term()
    if (has_exact_term) terms.add_term(token.term, wdf);
    terms.add_term(set_folded_term(term, token.folded, Field::kAll), wdf);
    if (is_title) {
      if (has_exact_term) terms.add_term(set_exact_title_term(term, token.term), 1);
      terms.add_term(set_folded_term(term, token.folded, Field::kTitle), 1);
    }
    // A dotted word or grouped number also under its joined form:
    // "TP.HCM" as tphcm, "1.000" as 1000 (vnews/word_forms.h).
    if (token.folded.find_first_of(".,") != std::string::npos) {
      const std::string joined = joined_form(token);
      if (!joined.empty()) {
        terms.add_term(set_folded_term(term, joined, Field::kAll), wdf);
        if (is_title) terms.add_term(set_folded_term(term, joined, Field::kTitle), 1);
      }
    }
    if (previous != nullptr && token.joined) {
      terms.add_term(set_pair_term(term, previous->folded, token.folded), wdf);
    }
    previous = &token;
  }
}

}  // namespace

Xapian::Document build_document(const Article& article, Analyzer& analyzer) {
  thread_local TermCollector terms;
  thread_local std::vector<Token> tokens, lead;
  Xapian::Document doc;
  analyzer.analyze(article.title, tokens);
  index_field(terms, tokens, schema::kTitleWdf, true);
  analyzer.analyze(article.lead, lead);
  index_field(terms, lead, schema::kLeadWdf, false);
  analyzer.analyze(article.body, tokens);
  index_field(terms, tokens, schema::kBodyWdf, false);
  terms.add_to(doc);
  const std::string sketch = story_sketch({&lead, &tokens});
  if (!sketch.empty()) doc.add_value(schema::kSketchSlot, sketch);

  doc.add_boolean_term(id_term(article.id));
  if (!article.category.empty()) {
    doc.add_boolean_term(category_term(article.category));
    doc.add_value(schema::kCategorySlot, article.category);
  }
  if (!article.url.empty()) {
    doc.add_boolean_term(url_term(article.url));
    for (const std::string& host : host_terms(article.url)) doc.add_boolean_term(host);
  }
  if (!article.source.empty()) {
    doc.add_boolean_term(source_term(article.source));
    doc.add_value(schema::kSourceSlot, article.source);
  }
  if (!article.date.empty()) doc.add_value(schema::kDateSlot, article.date);
  store_article(article, doc);
  return doc;
}

}  // namespace vnews
