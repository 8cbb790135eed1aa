#include "corpus_walker.h"

#include <sys/stat.h>

#include <time.h>

#include <algorithm>
#include <cstring>
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

bool is_article_name(const fs::path& p) {
  const fs::path ext = p.extension();
  return ext == ".txt" || ext == ".jsonl" || ext == ".ndjson";
}

// A file modified this recently may change again within the same timestamp
// tick; like git's "racily clean" entries, it gets no signature.
constexpr long long kRacyNanoseconds = 2'000'000'000LL;

// Fills size and signature from stat(2), following symlinks; false with
// errno set when the file cannot be examined.
bool stat_source(SourceFile& file) {
  struct stat st {};
  if (::stat(file.path.c_str(), &st) != 0) return false;
  file.size = static_cast<std::uint64_t>(st.st_size);
  timespec now{};
  clock_gettime(CLOCK_REALTIME, &now);
  const long long mtime_ns =
      static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
  const long long now_ns = static_cast<long long>(now.tv_sec) * 1000000000LL + now.tv_nsec;
  if (now_ns - mtime_ns < kRacyNanoseconds) return true;
  file.signature = std::to_string(st.st_size) + ":" + std::to_string(mtime_ns);
  return true;
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

void add_file(const fs::path& path, const fs::path& root, std::vector<SourceFile>& out,
              std::vector<std::string>& problems) {
  SourceFile file = make_source(path, root);
  if (!stat_source(file)) {
    problems.push_back(path.string() + ": error: cannot open: " + std::strerror(errno));
    return;
  }
  out.push_back(std::move(file));
}

// Appends the article files under `folder`, depth first. Symlinked folders are
// not entered, so a symlink loop cannot trap the walk.
void walk_folder(const fs::path& folder, const fs::path& root,
                 std::vector<SourceFile>& out, std::vector<std::string>& problems) {
  std::error_code ec;
  std::vector<fs::path> files, folders;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    if (is_hidden(it->path())) continue;
    std::error_code entry_ec;
    const fs::file_status link = it->symlink_status(entry_ec);
    if (!entry_ec && fs::is_directory(link)) {
      folders.push_back(it->path());
    } else if (is_article_name(it->path())) {
      // Regular files and links to them; a link that loops or leads nowhere is
      // kept for stat_source() to report. FIFOs, devices and folders are not
      // articles and are left out.
      const fs::file_status target = it->status(entry_ec);
      if (fs::is_regular_file(target) || entry_ec || !fs::exists(target)) {
        files.push_back(it->path());
      }
    }
  }
  if (ec) {
    problems.push_back(folder.string() + ": error: cannot list folder: " + ec.message());
  }
  std::sort(files.begin(), files.end());
  std::sort(folders.begin(), folders.end());
  for (const fs::path& file : files) add_file(file, root, out, problems);
  for (const fs::path& sub : folders) walk_folder(sub, root, out, problems);
}

}  // namespace

std::vector<SourceFile> find_articles(const std::vector<std::string>& roots,
                                      std::vector<std::string>& problems) {
  std::vector<SourceFile> files;
  for (const std::string& root : roots) {
    if (root == "-") {
      SourceFile in;
      in.path = "-";
      in.id = "stdin";
      files.push_back(std::move(in));
      continue;
    }
    std::error_code ec;
    const fs::file_status status = fs::status(root, ec);
    if (!fs::exists(status)) {
      throw UsageError("cannot open '" + root + "': No such file or directory");
    }
    if (fs::is_directory(status)) {
      walk_folder(root, root, files, problems);
    } else {
      const fs::path path(root);
      add_file(path, path.parent_path(), files, problems);
    }
  }
  return files;
}

}  // namespace vnews
