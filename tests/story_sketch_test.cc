#include "vnews/story_sketch.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "test_util.h"

namespace {

// The sketch of `text` (one field).
std::string sketch_of(const std::string& text) {
  vnews::Analyzer analyzer;
  const std::vector<vnews::Token> tokens = analyzer.analyze(text);
  return vnews::story_sketch({&tokens});
}

// The lead and body of a corpus/stories article, as one text.
std::string story(const std::string& name) {
  std::ifstream in(vnews::test::sample_corpus().parent_path() / "stories" / name);
  std::string line, text;
  int lines = 0;
  while (std::getline(in, line)) {
    if (line.rfind("# ", 0) == 0) continue;
    if (lines++ > 0) text += line + "\n";  // not the title
  }
  return text;
}

}  // namespace

TEST_CASE("copies of one story have similar sketches, other stories do not", "[sketch]") {
  const std::string original = sketch_of(story("bao-so-5-quang-tri.txt"));
  const std::string copy = sketch_of(story("quang-tri-so-tan-truoc-bao.txt"));
  const std::string trimmed = sketch_of(story("bao-so-5-vao-bo.txt"));
  const std::string same_topic = sketch_of(story("bao-so-3-quang-ninh.txt"));
  const std::string other = sketch_of(story("dien-thoai-gap.txt"));
  REQUIRE(original.size() == vnews::kSketchBins * 2);
  CHECK(vnews::sketch_similarity(original, original) == 1.0);
  CHECK(vnews::sketch_similarity(original, copy) >= 0.8);
  CHECK(vnews::sketch_similarity(original, trimmed) >= 0.5);
  CHECK(vnews::sketch_similarity(original, same_topic) < 0.15);
  CHECK(vnews::sketch_similarity(original, other) < 0.15);
}

TEST_CASE("sketches read NFD, case and accents alike and ignore short or odd input",
          "[sketch]") {
  const std::string text = story("bao-so-3-quang-ninh.txt");
  std::string upper;
  for (const char c : text)
    upper += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
  CHECK(vnews::sketch_similarity(sketch_of(text), sketch_of(upper)) == 1.0);
  CHECK(sketch_of("Bão số 3 vào bờ").empty());  // too few shingles
  CHECK(sketch_of("").empty());
  CHECK(vnews::sketch_similarity("", sketch_of(text)) == 0);
  CHECK(vnews::sketch_similarity("short", "short") == 0);
  const std::string odd = sketch_of(std::string(2000, '\xff') + " " + text);
  CHECK(odd.size() == vnews::kSketchBins * 2);
}
