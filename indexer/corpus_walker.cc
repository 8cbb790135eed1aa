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

// Appends `path` to `files` when it is, or links to, a regular file. A
// symlink that loops or leads nowhere is appended to `problems` instead, so it
// is reported rather than silently left out; FIFOs, devices and folders named
// "*.txt" are not articles and are left out.
void add_if_article(const fs::path& path, std::vector<fs::path>& files,
                    std::vector<std::string>& problems) {
  std::error_code ec;
  const fs::file_status target = fs::status(path, ec);
  if (fs::is_regular_file(target)) {
    files.push_back(path);
  } else if (ec || !fs::exists(target)) {
    const std::string reason = ec ? ec.message() : "No such file or directory";
    problems.push_back(path.string() + ": error: cannot open: " + reason);
  }
}

// Appends the *.txt files under `folder`, depth first. Symlinked folders are
// not entered, so a symlink loop cannot trap the walk.
void walk_folder(const fs::path& folder, const fs::path& root,
                 std::vector<SourceFile>& out, std::vector<std::string>& problems) {
  std::error_code ec;
  std::vector<fs::path> files, folders;
  std::vector<std::string> broken;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    if (is_hidden(it->path())) continue;
    const fs::file_status link = it->symlink_status(ec);
    if (ec) break;
    if (fs::is_directory(link)) {
      folders.push_back(it->path());
    } else if (it->path().extension() == ".txt") {
      add_if_article(it->path(), files, broken);
    }
  }
  if (ec) {
    problems.push_back(folder.string() + ": error: cannot list folder: " + ec.message());
  }
  std::sort(files.begin(), files.end());
  std::sort(broken.begin(), broken.end());
  problems.insert(problems.end(), broken.begin(), broken.end());
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
