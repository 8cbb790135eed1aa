// analyzer_floor: reads article files and runs them through the text pipeline
// without indexing, to measure the floor under vnews-index.
//   analyzer_floor icu FILE...       read, NFC-normalize and word-break (ICU only)
//   analyzer_floor analyzer FILE...  read and run vnews::Analyzer
// Prints files, bytes, words and seconds on one line.
#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "vnews/analyzer.h"

namespace {

std::string slurp(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::size_t icu_words(const std::string& text, icu::BreakIterator& words,
                      const icu::Normalizer2& nfc) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString normalized =
      nfc.normalize(icu::UnicodeString::fromUTF8(text), status);
  if (U_FAILURE(status)) return 0;
  words.setText(normalized);
  std::size_t n = 0;
  for (int32_t end = words.next(); end != icu::BreakIterator::DONE; end = words.next()) {
    n += words.getRuleStatus() >= UBRK_WORD_NONE_LIMIT;
  }
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: analyzer_floor icu|analyzer FILE...\n";
    return 2;
  }
  const std::string mode = argv[1];
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(
      icu::BreakIterator::createWordInstance(icu::Locale("vi"), status));
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return 2;
  vnews::Analyzer analyzer;
  std::vector<vnews::Token> tokens;
  std::size_t bytes = 0, count = 0;
  const auto start = std::chrono::steady_clock::now();
  for (int i = 2; i < argc; ++i) {
    const std::string text = slurp(argv[i]);
    bytes += text.size();
    if (mode == "icu") {
      count += icu_words(text, *words, *nfc);
    } else {
      analyzer.analyze(text, tokens);
      count += tokens.size();
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "files " << argc - 2 << " bytes " << bytes << " words " << count
            << " seconds " << seconds << '\n';
  return 0;
}
