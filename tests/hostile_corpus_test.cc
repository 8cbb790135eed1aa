// Indexes a generated corpus of hostile files with the built vnews-index: it
// must not crash or hang, must report every bad file, and every good file
// must then be found by vnews-search.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "test_util.h"
#include "vnews/normalizer.h"

namespace fs = std::filesystem;
using vnews::test::run;
using vnews::test::RunResult;
using vnews::test::shell_quote;
using vnews::test::TempDir;
using vnews::test::write_file;

namespace {

const std::string kIndex = VNEWS_INDEX_BIN;
const std::string kSearch = VNEWS_SEARCH_BIN;

// A file of the hostile corpus: `good` ones must be indexed, the others
// reported on stderr under their path.
struct Entry {
  std::string name;  // path under the corpus root, '/'-separated
  bool good = true;
  std::string word;  // for good files: a word no other file holds
};

// Returns a word made of letters only, different for every `i`.
std::string unique_word(std::size_t i) {
  std::string word = "hostile";
  do {
    word += static_cast<char>('a' + i % 26);
    i /= 26;
  } while (i > 0);
  return word;
}

// Returns "<root>/<name>" as the indexer prints it.
std::string printed(const fs::path& root, const std::string& name) {
  return (root / name).string();
}

// True when reading `path` fails even for root: /proc/self/mem at offset 0.
bool unreadable_even_as_root(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  char c;
  return in && !in.read(&c, 1) && in.bad();
}

// Builds the corpus under `root` and returns what each file should give.
std::vector<Entry> make_hostile_corpus(const fs::path& root) {
  std::vector<Entry> entries;
  const auto good = [&](const std::string& name, const std::string& prefix = "") {
    Entry e{name, true, unique_word(entries.size())};
    write_file(root / name, prefix + "Bài tốt " + e.word + "\r\nSapo " + e.word +
                                "\nThân bài có " + e.word + ".\n");
    entries.push_back(e);
  };
  const auto bad = [&](const std::string& name, const std::string& contents) {
    write_file(root / name, contents);
    entries.push_back({name, false, ""});
  };
  // Odd file names: spaces, a newline, bytes that are not UTF-8, a leading
  // dash, shell metacharacters, NFD.
  good("plain.txt");
  good("with  two spaces.txt");
  good("new\nline.txt");
  good("not-utf8-\xff\xfe-name.txt");
  good("-starts-with-dash.txt");
  good("quote'\"$(false)`;|&.txt");
  good("Tie\xcc\x82\xcc\x81ng-nfd.txt");
  good("bom.txt", "\xEF\xBB\xBF\n\n");
  // Deep folders: 120 levels, a good and a bad file at the bottom.
  std::string deep;
  for (int i = 0; i < 120; ++i) deep += "level" + std::to_string(i) + "/";
  good(deep + "deep.txt");
  bad(deep + "deep-empty.txt", "");
  // Contents that are not an article.
  bad("empty.txt", "");
  bad("blank.txt", " \r\n\t\n\f\n");
  bad("nul.txt", std::string("Tiêu đề\0Sapo\n", 17));
  bad("invalid-utf8.txt", "Tiêu \xff\xfe đề\nSapo\nThân\n");
  bad("truncated-utf8.txt", "Tiêu đề\nSapo\nTh\xe1\xba");
  bad("overlong-utf8.txt", "Ti\xc0\xaf\xc3\xaau\n");
  bad("surrogate-utf8.txt", "Ti\xed\xa0\x80u\n");
  bad("latin1.txt", "Caf\xe9 cr\xe8me\n");
  // One 50 MB line of valid text.
  {
    std::string line;
    line.reserve(50 * 1024 * 1024 + 64);
    while (line.size() < 50 * 1024 * 1024) line += "Điện thoại thị trường hoà thuỷ ";
    bad("huge-line.txt", line);
  }
  // Symlinks: a loop on itself, one to nowhere, folders looping back up.
  fs::create_symlink("self-loop.txt", root / "self-loop.txt");
  entries.push_back({"self-loop.txt", false, ""});
  fs::create_symlink("nowhere/missing.txt", root / "dangling.txt");
  entries.push_back({"dangling.txt", false, ""});
  fs::create_directory_symlink(".", root / "loop-dot");
  fs::create_directory_symlink("..", root / "level0" / "loop-up");
  // Unreadable: by permission (root reads it anyway, so then it is good), and
  // a file that even root cannot read.
  good("no-permission.txt");
  fs::permissions(root / "no-permission.txt", fs::perms::none);
  if (geteuid() != 0) entries.back().good = false;
  if (unreadable_even_as_root("/proc/self/mem")) {
    fs::create_symlink("/proc/self/mem", root / "proc-mem.txt");
    entries.push_back({"proc-mem.txt", false, ""});
  }
  // Not files: a folder named like an article and a FIFO, which must not hang
  // the walk; neither is an article, so neither is indexed.
  fs::create_directory(root / "folder.txt");
  REQUIRE(mkfifo((root / "fifo.txt").c_str(), 0644) == 0);
  return entries;
}

}  // namespace

TEST_CASE("a hostile corpus is indexed: bad files reported, good files found",
          "[hostile]") {
  TempDir dir;
  const fs::path root = dir / "corpus";
  const std::vector<Entry> entries = make_hostile_corpus(root);
  const std::string db = (dir / "db").string();

  const RunResult r = run("timeout 300 " + kIndex + " -j 2 --db " + shell_quote(db) +
                          " " + shell_quote(root.string()));
  INFO("stderr:\n" << r.err);
  REQUIRE(r.status == 1);  // finished, some files reported
  std::size_t goods = 0, bads = 0;
  for (const Entry& e : entries) {
    INFO(e.name);
    (e.good ? goods : bads) += 1;
    const std::string line = printed(root, e.name) + ": error: ";
    CHECK((r.err.find(line) != std::string::npos) == !e.good);
  }
  // "vnews-index: indexed G, skipped S, failed F in ..."
  const std::size_t summary = r.err.rfind("vnews-index: indexed ");
  REQUIRE(summary != std::string::npos);
  std::size_t indexed = 0, skipped = 0, failed = 0;
  REQUIRE(std::sscanf(r.err.c_str() + summary,
                      "vnews-index: indexed %zu, skipped %zu, failed %zu", &indexed,
                      &skipped, &failed) == 3);
  CHECK(indexed == goods);
  CHECK(skipped + failed == bads);

  // Every good file is found, alone, by its own word.
  std::string queries;
  for (const Entry& e : entries) {
    if (e.good) queries += e.word + "\n";
  }
  const RunResult s =
      run(kSearch + " --db " + shell_quote(db) + " --batch --json", queries);
  INFO(s.err);
  CHECK(s.status == 0);
  std::istringstream lines(s.out);
  for (const Entry& e : entries) {
    if (!e.good) continue;
    INFO(e.name);
    std::string line;
    REQUIRE(std::getline(lines, line));
    const nlohmann::json answer = nlohmann::json::parse(line);
    CHECK(answer["query"] == e.word);
    REQUIRE(answer["hits"].size() == 1);
    CHECK(answer["hits"][0]["id"] == vnews::repair_utf8(e.name));
  }
}
