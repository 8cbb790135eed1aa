// Fuzzes the spelling-variant building blocks of common/ with arbitrary
// bytes: the syllable validator, Telex and VNI decoding, the synonyms file
// parser, and joined and split forms. Besides crashes and sanitizer reports
// it checks what their headers promise.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "vnews/error.h"
#include "vnews/input_method.h"
#include "vnews/normalizer.h"
#include "vnews/syllable.h"
#include "vnews/synonyms.h"
#include "vnews/tokenizer.h"
#include "vnews/word_forms.h"

namespace {

bool valid_utf8(std::string_view s) {
  return vnews::find_invalid_utf8(s) == std::string_view::npos;
}

// A decoded word is a valid syllable, and so is what it composes back to.
void check_decoded(const std::optional<std::string>& decoded) {
  if (!decoded) return;
  FUZZ_CHECK(valid_utf8(*decoded));
  FUZZ_CHECK(vnews::is_vietnamese_syllable(*decoded));
}

void check_word(std::string_view word, vnews::Analyzer& analyzer) {
  if (const auto parts = vnews::parse_syllable(word)) {
    const std::string composed = vnews::compose_syllable(*parts);
    FUZZ_CHECK(vnews::is_vietnamese_syllable(composed));
  }
  check_decoded(vnews::decode_telex(word));
  check_decoded(vnews::decode_vni(word));
  if (const auto typed = vnews::read_typed_word(word)) {
    FUZZ_CHECK(!vnews::is_vietnamese_syllable(word));
    check_decoded(typed->syllable);
  }
  for (const vnews::WordSpan& s : vnews::inner_parts(word)) {
    FUZZ_CHECK(s.begin < s.end && s.end <= word.size());
  }
  for (const vnews::Token& t : vnews::word_parts(word, analyzer)) {
    FUZZ_CHECK(t.begin < t.end && t.end <= word.size());
    FUZZ_CHECK(!t.term.empty());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static vnews::Analyzer analyzer;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const vnews::Token& t : analyzer.analyze(text)) {
    check_word(text.substr(t.begin, t.end - t.begin), analyzer);
    const std::string joined = vnews::joined_form(t);
    FUZZ_CHECK(valid_utf8(joined) && joined.find('.') == std::string::npos);
  }
  check_word(text.substr(0, 32), analyzer);
  try {
    const vnews::SynonymTable table = vnews::SynonymTable::parse(text, "fuzz", analyzer);
    for (const vnews::SynonymGroup& g : table.groups()) {
      FUZZ_CHECK(g.forms.size() >= 2 &&
                 g.forms.size() <= vnews::SynonymTable::kMaxGroupForms);
      for (const vnews::SynonymForm& f : g.forms) FUZZ_CHECK(!f.tokens.empty());
    }
    const std::vector<vnews::Token> query = analyzer.analyze(text);
    for (const auto& a : table.alternatives(query)) {
      FUZZ_CHECK(a.begin < a.end && a.end <= query.size() && a.form != nullptr);
    }
    for (const auto& a : vnews::SynonymTable::abbreviations().alternatives(query)) {
      FUZZ_CHECK(a.begin < a.end && a.end <= query.size());
    }
  } catch (const vnews::InputError& e) {
    FUZZ_CHECK(std::string_view(e.what()).substr(0, 5) == "fuzz:");
  }
  return 0;
}
