#include "corpus_walker.h"

#include <catch2/catch.hpp>
#include <chrono>

#include "corpus_root.h"
#include "test_util.h"
#include "vnews/error.h"

namespace fs = std::filesystem;
using vnews::test::TempDir;
using vnews::test::write_file;

namespace {

std::string ids(const std::vector<vnews::SourceFile>& files) {
  std::string out;
  for (const auto& f : files) out += f.id + "|" + f.category + " ";
  return out;
}

// Lists `paths` with ids under `root`.
vnews::CorpusListing list(const std::vector<std::string>& paths, const fs::path& root) {
  return vnews::find_articles(paths, vnews::resolved_path(root.string()));
}

}  // namespace

TEST_CASE("folders are walked for txt files with ids and categories", "[walker]") {
  TempDir dir;
  write_file(dir / "root/sport/a.txt", "x");
  write_file(dir / "root/sport/deep/b.txt", "x");
  write_file(dir / "root/top.txt", "x");
  write_file(dir / "root/notes.md", "x");
  write_file(dir / "root/.hidden/c.txt", "x");
  const auto listing = list({(dir / "root").string()}, dir / "root");
  CHECK(ids(listing.files) == "top.txt| sport/a.txt|sport sport/deep/b.txt|sport ");
  CHECK(listing.problems.empty());
}

TEST_CASE("a single file is taken by its path under the root", "[walker]") {
  TempDir dir;
  write_file(dir / "x/one.txt", "x");
  CHECK(ids(list({(dir / "x/one.txt").string()}, dir / "x").files) == "one.txt| ");
  CHECK(ids(list({(dir / "x/one.txt").string()}, dir.path()).files) == "x/one.txt|x ");
}

TEST_CASE("a file gets the same id however the command line names it", "[walker]") {
  // Through its parent folder, its own folder, itself, a relative path, a
  // path with "." and "..", and a symlink to its folder.
  TempDir dir;
  write_file(dir / "corpus/sport/derby.txt", "x");
  fs::create_directory_symlink(dir / "corpus/sport", dir / "alias");
  const fs::path cwd = fs::current_path();
  fs::current_path(dir.path());
  const std::vector<std::string> spellings = {
      (dir / "corpus").string(),
      (dir / "corpus/sport").string(),
      (dir / "corpus/sport/derby.txt").string(),
      "corpus/sport/",
      "corpus/./sport/../sport/derby.txt",
      (dir / "alias").string(),
      "alias/derby.txt",
  };
  for (const std::string& path : spellings) {
    INFO(path);
    CHECK(ids(list({path}, dir / "corpus").files) == "sport/derby.txt|sport ");
  }
  const auto all = list(spellings, dir / "corpus");
  fs::current_path(cwd);
  CHECK(ids(all.files) == "sport/derby.txt|sport ");  // listed once
  CHECK(all.paths.size() == 3);  // the two folders and the file, each once
}

TEST_CASE("files of the same name in different folders get different ids", "[walker]") {
  TempDir dir;
  write_file(dir / "col/a/x.txt", "x");
  write_file(dir / "col/b/x.txt", "x");
  const auto listing =
      list({(dir / "col/a/x.txt").string(), (dir / "col/b/x.txt").string()}, dir / "col");
  CHECK(ids(listing.files) == "a/x.txt|a b/x.txt|b ");
}

TEST_CASE("a PATH outside the root is refused", "[walker]") {
  TempDir dir;
  write_file(dir / "corpus/a.txt", "x");
  write_file(dir / "elsewhere/b.txt", "x");
  REQUIRE_THROWS_WITH(list({(dir / "elsewhere").string()}, dir / "corpus"),
                      "'" + (dir / "elsewhere").string() +
                          "' is outside the corpus root '" + (dir / "corpus").string() +
                          "', which ids are paths under: index it into another --db");
}

TEST_CASE("a missing PATH is a usage error, or listed as missing when allowed",
          "[walker]") {
  REQUIRE_THROWS_AS(vnews::find_articles({"/nonexistent/corpus"}, "/"),
                    vnews::UsageError);
  REQUIRE_THROWS_WITH(vnews::find_articles({"/nonexistent/corpus"}, "/"),
                      "cannot open '/nonexistent/corpus': No such file or directory");
  const auto listing = vnews::find_articles({"/nonexistent/corpus"}, "/", "", true);
  REQUIRE(listing.paths.size() == 1);
  CHECK(listing.paths[0].missing);
  CHECK(listing.paths[0].scope == "nonexistent/corpus");
}

TEST_CASE("a symlink loop does not trap the walk", "[walker]") {
  TempDir dir;
  write_file(dir / "root/a/x.txt", "x");
  fs::create_directory_symlink(dir / "root", dir / "root/a/loop");
  CHECK(ids(list({(dir / "root").string()}, dir / "root").files) == "a/x.txt|a ");
}

TEST_CASE("JSON Lines files are found and unusable entries reported", "[walker]") {
  TempDir dir;
  write_file(dir / "root/feed.jsonl", "{}");
  write_file(dir / "root/feed.ndjson", "{}");
  fs::create_symlink("self.txt", dir / "root/self.txt");
  const auto listing = list({(dir / "root").string()}, dir / "root");
  CHECK(ids(listing.files) == "feed.jsonl| feed.ndjson| ");
  REQUIRE(listing.problems.size() == 1);
  CHECK_THAT(listing.problems[0].message,
             Catch::EndsWith("self.txt: error: cannot open: Too many levels of symbolic "
                             "links"));
  CHECK(listing.problems[0].reason == "unreadable");
}

TEST_CASE("a file's signature is its size and mtime, unless just modified", "[walker]") {
  TempDir dir;
  write_file(dir / "root/old.txt", "12345");
  write_file(dir / "root/new.txt", "x");
  fs::last_write_time(dir / "root/old.txt",
                      fs::file_time_type::clock::now() - std::chrono::minutes(5));
  const auto files = list({(dir / "root").string()}, dir / "root").files;
  REQUIRE(files.size() == 2);
  CHECK(files[0].id == "new.txt");
  CHECK(files[0].signature.empty());
  CHECK_THAT(files[1].signature, Catch::StartsWith("5:"));
  CHECK(files[1].size == 5);
}

TEST_CASE("'-' stands for the standard input, once, with the id given", "[walker]") {
  const auto listing = vnews::find_articles({"-", "-"}, "", "note-1");
  CHECK(ids(listing.files) == "note-1| ");
  CHECK(listing.files[0].is_stdin());
  CHECK(listing.paths.empty());
}

TEST_CASE("a looping or dangling symlinked file is reported, not left out", "[walker]") {
  TempDir dir;
  write_file(dir / "root/a.txt", "x");
  fs::create_symlink("self.txt", dir / "root/self.txt");
  fs::create_symlink("missing/b.txt", dir / "root/dangling.txt");
  fs::create_symlink("a.txt", dir / "root/link.txt");
  const auto listing = list({(dir / "root").string()}, dir / "root");
  CHECK(ids(listing.files) == "a.txt| link.txt| ");
  REQUIRE(listing.problems.size() == 2);
  CHECK(listing.problems[0].message ==
        (dir / "root/dangling.txt").string() +
            ": error: cannot open: No such file or directory");
  CHECK(listing.problems[1].message ==
        (dir / "root/self.txt").string() +
            ": error: cannot open: Too many levels of symbolic links");
}

TEST_CASE("two names that are not UTF-8 and read alike are two files, one reported",
          "[walker]") {
  // Both become "t\uFFFDn.txt": the second must not silently replace the first.
  TempDir dir;
  write_file(dir / "root/t\xE9n.txt", "x");
  write_file(dir / "root/t\xE8n.txt", "x");
  const auto listing = list({(dir / "root").string()}, dir / "root");
  CHECK(ids(listing.files) == "t\xEF\xBF\xBDn.txt| ");
  REQUIRE(listing.problems.size() == 1);
  CHECK_THAT(listing.problems[0].message,
             Catch::EndsWith(": error: its name is not UTF-8, and its id "
                             "'t\xEF\xBF\xBDn.txt' is another file's"));
  CHECK(listing.problems[0].reason == "duplicate id");
}

TEST_CASE("each PATH says how many files it holds and whether it was listed in full",
          "[walker]") {
  TempDir dir;
  write_file(dir / "root/sport/a.txt", "x");
  fs::create_directories(dir / "root/empty");
  const auto listing =
      list({(dir / "root/sport").string(), (dir / "root/empty").string()}, dir / "root");
  REQUIRE(listing.paths.size() == 2);
  CHECK(listing.paths[0].scope == "sport");
  CHECK(listing.paths[0].files == 1);
  CHECK(listing.paths[0].complete);
  CHECK(listing.paths[1].scope == "empty");
  CHECK(listing.paths[1].files == 0);
}
