#include "vnews/input_formats.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

#include "index_options.h"
#include "vnews/error.h"

namespace {

// The names of every format, "txt dantri jsonl".
std::string format_names() {
  std::string names;
  for (const vnews::InputFormat& format : vnews::input_formats()) {
    if (!names.empty()) names += ' ';
    names += format.name;
  }
  return names;
}

}  // namespace

TEST_CASE("the table lists txt, dantri and jsonl, txt the default", "[input_formats]") {
  CHECK(format_names() == "txt dantri jsonl");
  const vnews::InputFormat& first = vnews::input_formats().front();
  CHECK(first.recognises == nullptr);  // the default takes what no other format does
  CHECK(vnews::input_format_named("jsonl")->records == vnews::Records::kLines);
  CHECK(vnews::input_format_named("dantri")->records == vnews::Records::kWholeFile);
  CHECK(vnews::input_format_named("text") == vnews::input_format_named("txt"));  // alias
  CHECK(vnews::input_format_named("auto") == nullptr);  // a mode, not a format
  CHECK(vnews::input_format_named("xml") == nullptr);
}

TEST_CASE("a folder's article files are those of the formats' extensions",
          "[input_formats]") {
  CHECK(vnews::is_input_file_name("sport/a.txt"));
  CHECK(vnews::is_input_file_name("feed.jsonl"));
  CHECK(vnews::is_input_file_name("feed.ndjson"));
  CHECK_FALSE(vnews::is_input_file_name("notes.md"));
  CHECK_FALSE(vnews::is_input_file_name("txt"));  // a name, not an extension
  CHECK_FALSE(vnews::is_input_file_name("a.TXT"));
}

TEST_CASE("formats are recognised by extension, then by content", "[input_formats]") {
  struct Row {
    const char* path;
    std::string head;
    const char* format;
  };
  const Row rows[] = {
      {"a.jsonl", "", "jsonl"},
      {"a.ndjson", "", "jsonl"},
      {"a.jsonl", "Tiêu đề\nSapo", "jsonl"},  // the extension decides
      {"-", "  {\"title\": \"x\"}", "jsonl"},
      {"-", "Tiêu đề", "txt"},
      {"a.txt", "# doc_id = x\n# date = 20200101\nTitle", "dantri"},
      {"a.txt", "\xEF\xBB\xBF# url = http://x\nTitle", "dantri"},  // after a BOM
      {"a.txt", "# Tiêu đề bắt đầu bằng dấu thăng\n", "txt"},      // no '='
      {"a.txt", "Tiêu đề\nSapo", "txt"},
      {"a.txt", "{\"title\": \"x\"}", "txt"},  // .txt is never JSON Lines
      {"a.txt", "", "txt"},
      {"notes.md", "# url = http://x\nTitle", "dantri"},  // no extension claimed
      {"notes.md", "{\"title\": \"x\"}", "jsonl"},
  };
  for (const Row& row : rows) {
    INFO(row.path << " " << row.head);
    CHECK(vnews::detect_format(row.path, row.head).name == row.format);
  }
}

TEST_CASE("a whole file is recognised among the whole-file formats", "[input_formats]") {
  const auto whole = [](const char* path, const char* head) {
    return std::string(vnews::detect_format(path, head, vnews::Records::kWholeFile).name);
  };
  CHECK(whole("notes.md", "{\"title\": \"x\"}") == "txt");
  CHECK(whole("-", "# source = dantri\nTitle") == "dantri");
  CHECK(whole("a.jsonl", "Title") == "txt");
}

TEST_CASE("--help and --format name every format", "[input_formats]") {
  const std::string help = vnews::index_usage();
  for (const vnews::InputFormat& format : vnews::input_formats()) {
    INFO(format.name);
    const std::string name(format.name);
    CHECK(help.find("\n  " + name + " ") != std::string::npos);  // its line
    CHECK(help.find("'" + name + "'") != std::string::npos);     // --format's
    for (std::string_view ext : format.extensions) {
      CHECK(help.find(std::string("*").append(ext)) != std::string::npos);
    }
  }
  std::string one_line = help;  // the paragraph is wrapped
  std::replace(one_line.begin(), one_line.end(), '\n', ' ');
  CHECK(one_line.find("walked recursively for *.txt, *.jsonl and *.ndjson files") !=
        std::string::npos);
  const char* argv[] = {"vnews-index", "--db", "db", "--format", "xml", "corpus"};
  REQUIRE_THROWS_WITH(vnews::parse_index_options(6, argv),
                      "--format must be 'auto', 'txt', 'dantri' or 'jsonl', got 'xml'");
}
