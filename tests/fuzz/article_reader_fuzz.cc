// Fuzzes parse_text_article with arbitrary file contents, in both
// InvalidUtf8 modes: it returns an article of valid UTF-8 with a title, or
// throws InputError naming the file, and nothing else.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "vnews/article_reader.h"
#include "vnews/error.h"
#include "vnews/normalizer.h"

namespace {

bool valid(const std::string& s) {
  return vnews::find_invalid_utf8(s) == std::string::npos &&
         s.find('\0') == std::string::npos;
}

void parse(std::string_view contents, vnews::InvalidUtf8 mode) {
  try {
    const vnews::Article a = vnews::parse_text_article(contents, "fuzz.txt", mode);
    FUZZ_CHECK(!a.title.empty());
    FUZZ_CHECK(valid(a.title) && valid(a.lead) && valid(a.body));
    FUZZ_CHECK(a.title.find('\n') == std::string::npos);
    FUZZ_CHECK(a.lead.find('\n') == std::string::npos);
  } catch (const vnews::InputError& e) {
    FUZZ_CHECK(std::string_view(e.what()).substr(0, 17) == "fuzz.txt: error: ");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view contents(reinterpret_cast<const char*>(data), size);
  parse(contents, vnews::InvalidUtf8::kSkip);
  parse(contents, vnews::InvalidUtf8::kReplace);
  return 0;
}
