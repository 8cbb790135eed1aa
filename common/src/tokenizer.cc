#include "vnews/tokenizer.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <stdexcept>
#include <string>

namespace vnews {
namespace {

void check(UErrorCode status, const char* what) {
  if (U_FAILURE(status)) {
    throw std::runtime_error(std::string("ICU ") + what +
                             " failed: " + u_errorName(status));
  }
}

}  // namespace

struct WordBreaker::Impl {
  std::unique_ptr<icu::BreakIterator> words;
  UText* text = nullptr;

  Impl() {
    UErrorCode status = U_ZERO_ERROR;
    words.reset(icu::BreakIterator::createWordInstance(icu::Locale("vi"), status));
    check(status, "word break iterator");
  }
  ~Impl() {
    if (text != nullptr) utext_close(text);
  }
};

WordBreaker::WordBreaker() : impl_(std::make_unique<Impl>()) {}
WordBreaker::~WordBreaker() = default;

void WordBreaker::split(std::string_view text, std::vector<WordSpan>& out) {
  out.clear();
  if (text.empty()) return;
  UErrorCode status = U_ZERO_ERROR;
  // utext_openUTF8 works on the bytes in place; its native indexes are byte
  // offsets, and invalid sequences read as U+FFFD, which is never a word.
  impl_->text = utext_openUTF8(impl_->text, text.data(),
                               static_cast<int64_t>(text.size()), &status);
  check(status, "utext_openUTF8");
  impl_->words->setText(impl_->text, status);
  check(status, "BreakIterator::setText");
  int32_t begin = impl_->words->first();
  for (int32_t end = impl_->words->next(); end != icu::BreakIterator::DONE;
       begin = end, end = impl_->words->next()) {
    if (impl_->words->getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;
    out.push_back(
        WordSpan{static_cast<std::size_t>(begin), static_cast<std::size_t>(end)});
  }
}

bool is_ignorable_gap(std::string_view gap) {
  if (gap.empty() || static_cast<unsigned char>(gap[0]) < 0x80) return false;
  const auto* s = reinterpret_cast<const uint8_t*>(gap.data());
  const int32_t length = static_cast<int32_t>(gap.size());
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return false;
    if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) continue;
    const bool mark = (U_GET_GC_MASK(c) & (U_GC_MN_MASK | U_GC_ME_MASK)) != 0;
    if (start == 0 || !mark) return false;
  }
  return true;
}

std::vector<WordSpan> inner_parts(std::string_view word) {
  enum class Kind { kNone, kLetter, kDigit };
  std::vector<WordSpan> parts;
  const auto* s = reinterpret_cast<const uint8_t*>(word.data());
  const int32_t length = static_cast<int32_t>(word.size());
  Kind kind = Kind::kNone;
  std::size_t begin = 0;
  int letters = 0;     // in the current part
  bool lower = false;  // the last letter was lower case
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    const uint32_t category = c < 0 ? 0 : U_GET_GC_MASK(c);
    if (kind != Kind::kNone && (category & (U_GC_M_MASK | U_GC_CF_MASK)) != 0) continue;
    const Kind k = c < 0          ? Kind::kNone
                   : u_isalpha(c) ? Kind::kLetter
                   : u_isdigit(c) ? Kind::kDigit
                                  : Kind::kNone;
    const bool camel = k == Kind::kLetter && lower && letters >= 2 && u_isupper(c);
    if (kind != Kind::kNone && (k != kind || camel)) {
      parts.push_back(WordSpan{begin, static_cast<std::size_t>(start)});
    }
    if (k != Kind::kNone && (k != kind || camel)) {
      begin = static_cast<std::size_t>(start);
      letters = 0;
    }
    kind = k;
    if (k == Kind::kLetter) {
      ++letters;
      lower = u_islower(c);
    }
  }
  if (kind != Kind::kNone) parts.push_back(WordSpan{begin, word.size()});
  if (parts.size() < 2) parts.clear();
  return parts;
}

}  // namespace vnews
