#include "test_util.h"

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace vnews::test {
namespace {

std::string join(const std::vector<Token>& tokens, bool folded) {
  std::string out;
  for (const Token& t : tokens) {
    if (!out.empty()) out += ' ';
    out += folded ? t.folded : t.term;
  }
  return out;
}

}  // namespace

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  path_ = std::filesystem::temp_directory_path() /
          ("vnews-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(path_);
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::permissions(path_, std::filesystem::perms::owner_all,
                               std::filesystem::perm_options::add, ec);
  std::filesystem::remove_all(path_, ec);
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const std::filesystem::path& path, const std::string& contents) {
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << contents;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

RunResult run(const std::string& command, const std::string& input) {
  TempDir io;
  write_file(io / "in", input);
  const std::string full = command + " <" + shell_quote((io / "in").string()) + " >" +
                           shell_quote((io / "out").string()) + " 2>" +
                           shell_quote((io / "err").string());
  const int raw = std::system(full.c_str());
  RunResult result;
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  result.out = read_file(io / "out");
  result.err = read_file(io / "err");
  return result;
}

std::string terms_of(const std::string& text) {
  Analyzer analyzer;
  return join(analyzer.analyze(text), false);
}

std::string folded_of(const std::string& text) {
  Analyzer analyzer;
  return join(analyzer.analyze(text), true);
}

std::string index_folder(const std::string& index_bin,
                         const std::filesystem::path& corpus,
                         const std::filesystem::path& db) {
  const RunResult r = run(index_bin + " -q --db " + shell_quote(db.string()) + " " +
                          shell_quote(corpus.string()));
  if (r.status != 0) {
    throw std::runtime_error("indexing " + corpus.string() + " failed: " + r.err);
  }
  return db.string();
}

std::filesystem::path sample_corpus() {
  return std::filesystem::path(VNEWS_SOURCE_DIR) / "corpus" / "sample";
}

}  // namespace vnews::test
