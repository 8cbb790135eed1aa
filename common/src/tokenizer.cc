#include "vnews/tokenizer.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

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
    out.push_back(WordSpan{static_cast<std::size_t>(begin),
                           static_cast<std::size_t>(end)});
  }
}

}  // namespace vnews
