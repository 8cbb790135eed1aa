// Properties that must hold on real text, checked on a fixed random sample of
// ../shared/corpus/baomoi. Exits 77, which CTest reports as skipped, when that
// folder is absent. ICU is used here only to write the test inputs (NFD,
// unaccented and other-orthography forms) independently of our normalizer.
#define CATCH_CONFIG_RUNNER
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "output/json_printer.h"
#include "query/query_plan.h"
#include "run/searcher.h"
#include "run_index.h"
#include "shared_corpus_main.h"
#include "test_util.h"
#include "vnews/article_reader.h"
#include "vnews/normalizer.h"
#include "vnews/word_forms.h"

namespace fs = std::filesystem;

using vnews::test::baomoi;

namespace {

constexpr std::size_t kSampleSize = 500;
constexpr unsigned kSeed = 20261201;  // fixed: the same sample on every run
constexpr std::size_t kShownFailures = 20;

// kSampleSize files of the corpus drawn with kSeed, in a fixed order.
const std::vector<fs::path>& sample() {
  static const std::vector<fs::path> picked = [] {
    std::vector<fs::path> all;
    for (const auto& entry : fs::directory_iterator(baomoi())) {
      if (entry.path().extension() == ".txt") all.push_back(entry.path());
    }
    std::sort(all.begin(), all.end());
    std::mt19937 random(kSeed);
    std::vector<fs::path> out;
    std::sample(all.begin(), all.end(), std::back_inserter(out), kSampleSize, random);
    return out;
  }();
  return picked;
}

struct Sampled {
  std::string id;  // the file name, as vnews-index names a file given alone
  vnews::Article article;
  std::string text() const {
    return article.title + "\n" + article.lead + "\n" + article.body;
  }
};

const std::vector<Sampled>& articles() {
  static const std::vector<Sampled> all = [] {
    std::vector<Sampled> out;
    for (const fs::path& p : sample()) {
      out.push_back({p.filename().string(),
                     vnews::read_text_article(p, vnews::InvalidUtf8::kSkip)});
    }
    return out;
  }();
  return all;
}

// The sample indexed once, by run_index as vnews-index does.
const std::string& sample_db() {
  static vnews::test::TempDir dir;
  static const std::string db = [] {
    vnews::IndexOptions options;
    options.db = (dir / "db").string();
    for (const fs::path& p : sample()) options.paths.push_back(p.string());
    std::ostringstream errors;
    const vnews::IndexReport report = vnews::run_index(options, errors);
    if (report.indexed != kSampleSize) FAIL("indexing the sample: " << errors.str());
    return options.db;
  }();
  return db;
}

std::string to_utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

icu::UnicodeString normalized(const std::string& text, bool nfd) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = nfd ? icu::Normalizer2::getNFDInstance(status)
                                  : icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error(u_errorName(status));
  icu::UnicodeString out = n->normalize(icu::UnicodeString::fromUTF8(text), status);
  if (U_FAILURE(status)) throw std::runtime_error(u_errorName(status));
  return out;
}

std::string nfc(const std::string& text) { return to_utf8(normalized(text, false)); }
std::string nfd(const std::string& text) { return to_utf8(normalized(text, true)); }

// What a user types without accents: lowercased, every combining mark
// removed, đ -> d.
std::string unaccented(const std::string& text) {
  const icu::UnicodeString decomposed = normalized(text, true);
  icu::UnicodeString out;
  for (int32_t i = 0; i < decomposed.length(); ++i) {
    const char16_t c = decomposed[i];
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    out += (c == u'đ' || c == u'Đ') ? u'd' : c;
  }
  return to_utf8(out.toLower());
}

bool is_tone(char16_t c) {
  return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323;
}

// True when `first` `second` is oa, oe or uy, in any case.
bool movable_pair(char16_t first, char16_t second) {
  first = u_tolower(first), second = u_tolower(second);
  return (first == u'o' && (second == u'a' || second == u'e')) ||
         (first == u'u' && second == u'y');
}

// Returns `text` with the tone of each open oa/oe/uy syllable moved to the
// other placement: "hòa" <-> "hoà", "thủy" <-> "thuỷ", "khỏe" <-> "khoẻ"
// ("quý", "hoàng" stay). Sets `changed` when any syllable moved.
std::string other_orthography(const std::string& text, bool& changed) {
  icu::UnicodeString s = normalized(text, true);
  changed = false;
  const auto is_word = [&s](int32_t i) {
    return i < s.length() && (u_isalpha(s[i]) || u_charType(s[i]) == U_NON_SPACING_MARK);
  };
  for (int32_t end = 0; end < s.length(); ++end) {
    if (!is_word(end) || is_word(end + 1) || end < 2) continue;  // end: last of a word
    const int32_t a = end - 2;  // the three last code units of the word
    const bool after_q = a > 0 && u_tolower(s[a - 1]) == u'q';
    if (after_q) continue;
    if (movable_pair(s[a], s[a + 2]) && is_tone(s[a + 1])) {  // hòa -> hoà
      const char16_t tone = s[a + 1];
      s.setCharAt(a + 1, s[a + 2]).setCharAt(a + 2, tone);
      changed = true;
    } else if (movable_pair(s[a], s[a + 1]) && is_tone(s[a + 2])) {  // hoà -> hòa
      const char16_t tone = s[a + 2];
      s.setCharAt(a + 2, s[a + 1]).setCharAt(a + 1, tone);
      changed = true;
    }
  }
  return nfc(to_utf8(s));
}

std::string joined(const std::vector<vnews::Token>& tokens, bool folded) {
  std::string out;
  for (const vnews::Token& t : tokens)
    out += (out.empty() ? "" : " ") + (folded ? t.folded : t.term);
  return out;
}

// Returns code points [start, end) of valid UTF-8 `text`.
std::string code_points(const std::string& text, std::size_t start, std::size_t end) {
  const icu::UnicodeString s = icu::UnicodeString::fromUTF8(text);
  const int32_t from = s.moveIndex32(0, static_cast<int32_t>(start));
  const int32_t to = s.moveIndex32(0, static_cast<int32_t>(end));
  return to_utf8(s.tempSubStringBetween(from, to));
}

// True when `t` is a word `match` highlights: a query word, one of its
// other forms, a word of a variant's run, or a dotted word by its joined form.
bool matches(const vnews::Token& t, const vnews::MatchTerms& match) {
  if (match.exact.count(t.term) || match.folded.count(t.folded) ||
      match.fallback.count(t.folded) || match.folded.count(vnews::joined_form(t))) {
    return true;
  }
  return std::any_of(match.runs.begin(), match.runs.end(), [&](const auto& run) {
    return std::find(run.begin(), run.end(), t.folded) != run.end();
  });
}

}  // namespace

TEST_CASE("the test's own rewrites give what a user would type", "[properties]") {
  bool changed = false;
  CHECK(other_orthography("Hòa THUỶ khỏe, quý hoàng Thụy", changed) ==
        "Hoà THỦY khoẻ, quý hoàng Thuỵ");
  CHECK(changed);
  CHECK(other_orthography("quý hoàng", changed) == "quý hoàng");
  CHECK_FALSE(changed);
  CHECK(unaccented("Điện thoại THUỶ") == "dien thoai thuy");
}

TEST_CASE("the analyzer is idempotent on normalized text", "[properties]") {
  vnews::Analyzer analyzer;
  std::size_t failures = 0;
  for (const Sampled& s : articles()) {
    const std::vector<vnews::Token> once = analyzer.analyze(s.text());
    const std::string terms = joined(once, false), folded = joined(once, true);
    const std::vector<vnews::Token> exact_again = analyzer.analyze(terms);
    const std::vector<vnews::Token> folded_again = analyzer.analyze(folded);
    const bool same = joined(exact_again, false) == terms &&
                      joined(exact_again, true) == folded &&
                      joined(folded_again, false) == folded;
    if (!same && ++failures <= kShownFailures) {
      UNSCOPED_INFO(s.id << ": terms '" << terms.substr(0, 200) << "' become '"
                         << joined(exact_again, false).substr(0, 200) << "'");
    }
  }
  CHECK(failures == 0);
}

TEST_CASE("NFC and NFD forms of an article give identical terms", "[properties]") {
  vnews::Analyzer analyzer;
  std::size_t failures = 0;
  for (const Sampled& s : articles()) {
    const std::vector<vnews::Token> as_is = analyzer.analyze(s.text());
    const std::string composed = nfc(s.text()), decomposed = nfd(s.text());
    REQUIRE(decomposed != composed);  // every article has diacritics
    const std::vector<vnews::Token> c = analyzer.analyze(composed);
    const std::vector<vnews::Token> d = analyzer.analyze(decomposed);
    const bool same = joined(c, false) == joined(d, false) &&
                      joined(c, true) == joined(d, true) &&
                      joined(c, false) == joined(as_is, false);
    if (!same && ++failures <= kShownFailures) UNSCOPED_INFO(s.id);
  }
  CHECK(failures == 0);
}

TEST_CASE("every article is found in the top 3 by its title, typed three ways",
          "[properties]") {
  vnews::Searcher searcher({sample_db()});
  std::size_t missed_title = 0, missed_unaccented = 0, missed_other = 0, moved = 0;
  const auto in_top3 = [&searcher](const std::string& query, const std::string& id) {
    for (const vnews::Hit& h : searcher.search(query, 0, 3).hits) {
      if (h.article.id == id) return true;
    }
    return false;
  };
  const auto report = [](std::size_t& missed, const std::string& how, const Sampled& s,
                         const std::string& query) {
    if (++missed <= kShownFailures) {
      UNSCOPED_INFO("not in top 3 by " << how << ": " << s.id << " '" << query << "'");
    }
  };
  for (const Sampled& s : articles()) {
    const std::string& title = s.article.title;
    if (!in_top3(title, s.id)) report(missed_title, "title", s, title);
    const std::string plain = unaccented(title);
    if (!in_top3(plain, s.id)) report(missed_unaccented, "unaccented title", s, plain);
    bool changed = false;
    const std::string other = other_orthography(title, changed);
    if (changed) {
      ++moved;
      if (!in_top3(other, s.id)) report(missed_other, "other orthography", s, other);
    }
  }
  std::cout << "titles in the top 3 of " << kSampleSize << ": as written "
            << kSampleSize - missed_title << ", unaccented "
            << kSampleSize - missed_unaccented << ", other orthography "
            << moved - missed_other << " of " << moved << " with a movable tone\n";
  CHECK(moved > 0);
  CHECK(missed_title == 0);
  CHECK(missed_unaccented == 0);
  CHECK(missed_other == 0);
}

TEST_CASE("every highlight covers words that match the query", "[properties]") {
  vnews::Searcher searcher({sample_db()});
  vnews::Analyzer analyzer;
  std::size_t spans = 0, failures = 0;
  for (const Sampled& s : articles()) {
    for (const std::string& query : {s.article.title, unaccented(s.article.title)}) {
      const vnews::MatchTerms match = searcher.highlight_terms(query);
      for (const vnews::Hit& hit : searcher.search(query, 0, 3).hits) {
        for (const auto& [start, end] : hit.snippet.highlights) {
          ++spans;
          const std::string covered = code_points(hit.snippet.text, start, end);
          const std::vector<vnews::Token> tokens = analyzer.analyze(covered);
          const bool ok = !tokens.empty() &&
                          std::all_of(tokens.begin(), tokens.end(),
                                      [&](const auto& t) { return matches(t, match); });
          if (!ok && ++failures <= kShownFailures) {
            UNSCOPED_INFO(hit.article.id << " for '" << query << "': highlight '"
                                         << covered << "'");
          }
        }
      }
    }
  }
  CHECK(spans > kSampleSize);
  CHECK(failures == 0);
}

TEST_CASE("JSON output parses for every result", "[properties]") {
  vnews::Searcher searcher({sample_db()});
  std::string batch;
  for (const Sampled& s : articles()) {
    const vnews::SearchResult result = searcher.search(s.article.title, 0, 10);
    const nlohmann::json j = nlohmann::json::parse(vnews::format_json(result));
    REQUIRE(j["hits"].size() == result.hits.size());
    for (std::size_t i = 0; i < result.hits.size(); ++i) {
      const nlohmann::json& hit = j["hits"][i];
      CHECK(hit["id"] == result.hits[i].article.id);
      const std::string snippet = hit["snippet"];
      const std::size_t length = vnews::count_code_points(snippet);
      for (const auto& span : hit["highlights"])
        CHECK(span[1].get<std::size_t>() <= length);
    }
    batch += s.article.title + "\n";
  }
  // The same queries through the program, one JSON line per query.
  const vnews::test::RunResult r =
      vnews::test::run(std::string(VNEWS_SEARCH_BIN) + " --batch --json --db " +
                           vnews::test::shell_quote(sample_db()),
                       batch);
  CHECK(r.status == 0);
  std::istringstream lines(r.out);
  std::size_t parsed = 0;
  for (std::string line; std::getline(lines, line); ++parsed) {
    const nlohmann::json j = nlohmann::json::parse(line);
    CHECK(j.contains("hits"));
  }
  CHECK(parsed == kSampleSize);
}

int main(int argc, char* argv[]) {
  return vnews::test::run_with_shared_corpus("the corpus property tests", argc, argv);
}
