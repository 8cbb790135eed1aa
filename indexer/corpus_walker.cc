#include "corpus_walker.h"

#include <algorithm>
#include <iterator>
#include <system_error>

#include "vnews/error.h"
#include "vnews/normalizer.h"

namespace fs = std::filesystem;

namespace vnews {
namespace {

bool is_hidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

SourceFile make_source(const fs::path& path, const fs::path& root) {
  SourceFile file;
  file.path = path;
  const fs::path relative = path.lexically_relative(root);
  file.id = repair_utf8(relative.generic_string());
  auto first = relative.begin();
  if (first != relative.end() && std::next(first) != relative.end()) {
    file.category = repair_utf8(first->string());
  }
  return file;
}

// Appends the *.txt files under `folder`, depth first. Symlinked folders are
// not entered, so a symlink loop cannot trap the walk.
void walk_folder(const fs::path& folder, const fs::path& root,
                 std::vector<SourceFile>& out, std::vector<std::string>& problems) {
  std::error_code ec;
  std::vector<fs::path> files, folders;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    if (is_hidden(it->path())) continue;
    const fs::file_status link = it->symlink_status(ec);
    if (ec) break;
    if (fs::is_directory(link)) {
      folders.push_back(it->path());
    } else if (it->path().extension() == ".txt" && it->is_regular_file(ec)) {
      files.push_back(it->path());
    }
  }
  if (ec) {
    problems.push_back(folder.string() + ": error: cannot list folder: " + ec.message());
  }
  std::sort(files.begin(), files.end());
  std::sort(folders.begin(), folders.end());
  for (const fs::path& file : files) out.push_back(make_source(file, root));
  for (const fs::path& sub : folders) walk_folder(sub, root, out, problems);
}

}  // namespace

std::vector<SourceFile> find_articles(const std::vector<std::string>& roots,
                                      std::vector<std::string>& problems) {
  std::vector<SourceFile> files;
  for (const std::string& root : roots) {
    std::error_code ec;
    const fs::file_status status = fs::status(root, ec);
    if (!fs::exists(status)) {
      throw UsageError("cannot open '" + root + "': No such file or directory");
    }
    if (fs::is_directory(status)) {
      walk_folder(root, root, files, problems);
    } else {
      const fs::path path(root);
      files.push_back(make_source(path, path.parent_path()));
    }
  }
  return files;
}

}  // namespace vnews
