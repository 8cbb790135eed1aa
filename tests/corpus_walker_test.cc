#include "corpus_walker.h"

#include <catch2/catch.hpp>
#include <chrono>

#include "test_util.h"
#include "vnews/error.h"

using vnews::test::TempDir;
using vnews::test::write_file;

namespace {

std::string ids(const std::vector<vnews::SourceFile>& files) {
  std::string out;
  for (const auto& f : files) out += f.id + "|" + f.category + " ";
  return out;
}

}  // namespace

TEST_CASE("folders are walked for txt files with ids and categories", "[walker]") {
  TempDir dir;
  write_file(dir / "root/sport/a.txt", "x");
  write_file(dir / "root/sport/deep/b.txt", "x");
  write_file(dir / "root/top.txt", "x");
  write_file(dir / "root/notes.md", "x");
  write_file(dir / "root/.hidden/c.txt", "x");
  std::vector<std::string> problems;
  const auto files = vnews::find_articles({(dir / "root").string()}, problems);
  CHECK(ids(files) == "top.txt| sport/a.txt|sport sport/deep/b.txt|sport ");
  CHECK(problems.empty());
}

TEST_CASE("a single file is taken by its file name", "[walker]") {
  TempDir dir;
  write_file(dir / "x/one.txt", "x");
  std::vector<std::string> problems;
  const auto files = vnews::find_articles({(dir / "x/one.txt").string()}, problems);
  CHECK(ids(files) == "one.txt| ");
}

TEST_CASE("a missing root is a usage error", "[walker]") {
  std::vector<std::string> problems;
  REQUIRE_THROWS_AS(vnews::find_articles({"/nonexistent/corpus"}, problems),
                    vnews::UsageError);
  REQUIRE_THROWS_WITH(vnews::find_articles({"/nonexistent/corpus"}, problems),
                      "cannot open '/nonexistent/corpus': No such file or directory");
}

TEST_CASE("a symlink loop does not trap the walk", "[walker]") {
  TempDir dir;
  write_file(dir / "root/a/x.txt", "x");
  std::filesystem::create_directory_symlink(dir / "root", dir / "root/a/loop");
  std::vector<std::string> problems;
  const auto files = vnews::find_articles({(dir / "root").string()}, problems);
  CHECK(ids(files) == "a/x.txt|a ");
}

TEST_CASE("JSON Lines files are found and unusable entries reported", "[walker]") {
  TempDir dir;
  write_file(dir / "root/feed.jsonl", "{}");
  write_file(dir / "root/feed.ndjson", "{}");
  std::filesystem::create_symlink("self.txt", dir / "root/self.txt");
  std::vector<std::string> problems;
  const auto files = vnews::find_articles({(dir / "root").string()}, problems);
  CHECK(ids(files) == "feed.jsonl| feed.ndjson| ");
  REQUIRE(problems.size() == 1);
  CHECK_THAT(problems[0], Catch::EndsWith("self.txt: error: cannot open: Too many levels of "
                                          "symbolic links"));
}

TEST_CASE("a file's signature is its size and mtime, unless just modified", "[walker]") {
  TempDir dir;
  write_file(dir / "root/old.txt", "12345");
  write_file(dir / "root/new.txt", "x");
  std::filesystem::last_write_time(
      dir / "root/old.txt", std::filesystem::file_time_type::clock::now() - std::chrono::minutes(5));
  std::vector<std::string> problems;
  const auto files = vnews::find_articles({(dir / "root").string()}, problems);
  REQUIRE(files.size() == 2);
  CHECK(files[0].id == "new.txt");
  CHECK(files[0].signature.empty());
  CHECK_THAT(files[1].signature, Catch::StartsWith("5:"));
  CHECK(files[1].size == 5);
}

TEST_CASE("'-' stands for the standard input", "[walker]") {
  std::vector<std::string> problems;
  const auto files = vnews::find_articles({"-"}, problems);
  CHECK(ids(files) == "stdin| ");
}

TEST_CASE("a looping or dangling symlinked file is reported, not left out", "[walker]") {
  TempDir dir;
  write_file(dir / "root/a.txt", "x");
  std::filesystem::create_symlink("self.txt", dir / "root/self.txt");
  std::filesystem::create_symlink("missing/b.txt", dir / "root/dangling.txt");
  std::filesystem::create_symlink("a.txt", dir / "root/link.txt");
  std::vector<std::string> problems;
  const auto files = vnews::find_articles({(dir / "root").string()}, problems);
  CHECK(ids(files) == "a.txt| link.txt| ");
  REQUIRE(problems.size() == 2);
  CHECK(problems[0] == (dir / "root/dangling.txt").string() +
                           ": error: cannot open: No such file or directory");
  CHECK(problems[1] == (dir / "root/self.txt").string() +
                           ": error: cannot open: Too many levels of symbolic links");
}
