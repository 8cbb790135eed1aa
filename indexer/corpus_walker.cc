#include "corpus_walker.h"

#include <sys/stat.h>
#include <time.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <system_error>
#include <unordered_map>
#include <unordered_set>

#include "corpus_root.h"
#include "vnews/error.h"
#include "vnews/input_formats.h"
#include "vnews/normalizer.h"

namespace fs = std::filesystem;

namespace vnews {
namespace {

bool is_hidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
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
  const long long now_ns =
      static_cast<long long>(now.tv_sec) * 1000000000LL + now.tv_nsec;
  if (now_ns - mtime_ns < kRacyNanoseconds) return true;
  file.signature = std::to_string(st.st_size) + ":" + std::to_string(mtime_ns);
  return true;
}

// Returns `name` under the folder whose path under the root is `folder`.
std::string joined(const std::string& folder, const std::string& name) {
  return folder.empty() ? name : folder + "/" + name;
}

// Lists the PATHs of one run into `out`.
class Walker {
 public:
  Walker(const fs::path& root, CorpusListing& out) : root_(root), out_(out) {}

  void add_path(const std::string& path, bool allow_missing);
  void add_stdin(const std::string& id);
  // Keeps the first of the files listed more than once (a PATH inside
  // another, a file named twice), and reports a file whose id is another's.
  void remove_duplicates();

 private:
  // Returns the path under the root of `resolved`; throws UsageError naming
  // `path` when it is outside.
  std::string under_root(const std::string& path, const fs::path& resolved) const;
  void walk_folder(const fs::path& folder, const std::string& raw_id, ListedPath& listed);
  void add_file(const fs::path& path, const std::string& raw_id, ListedPath& listed);

  const fs::path root_;
  CorpusListing& out_;
  std::unordered_set<std::string> walked_;  // resolved PATHs
  // The names not UTF-8 behind the ids they were given, by index in
  // out_.files, to tell a file listed again from another of the same id.
  std::unordered_map<std::size_t, std::string> raw_ids_;
  bool stdin_ = false;
};

void Walker::add_stdin(const std::string& id) {
  if (stdin_) return;
  stdin_ = true;
  SourceFile in;
  in.path = kStdinPath;
  in.id = id;
  out_.files.push_back(std::move(in));
}

std::string Walker::under_root(const std::string& path, const fs::path& resolved) const {
  std::optional<std::string> under = path_under(resolved, root_);
  if (!under) {
    throw UsageError("'" + path + "' is outside the corpus root '" + root_.string() +
                     "', which ids are paths under: index it into another --db");
  }
  return *under;
}

void Walker::add_path(const std::string& path, bool allow_missing) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (!fs::exists(status) && !allow_missing) {
    throw UsageError("cannot open '" + path + "': No such file or directory");
  }
  const bool folder = fs::is_directory(status) || !fs::exists(status);
  // A file keeps its own name, even when it is a symlink: as in a walk.
  const fs::path given(path);
  const fs::path resolved =
      folder
          ? resolved_path(path)
          : resolved_path(given.has_parent_path() ? given.parent_path().string() : ".") /
                given.filename();
  if (!walked_.insert(resolved.string()).second) return;
  const std::string raw_id = under_root(path, resolved);
  ListedPath listed{path, repair_utf8(raw_id)};
  if (!fs::exists(status)) {
    listed.missing = true;
  } else if (folder) {
    walk_folder(given, raw_id, listed);
  } else {
    add_file(given, raw_id, listed);
  }
  out_.paths.push_back(std::move(listed));
}

void Walker::add_file(const fs::path& path, const std::string& raw_id,
                      ListedPath& listed) {
  SourceFile file;
  file.path = path;
  if (!stat_source(file)) {
    out_.problems.push_back(
        {path.string() + ": error: cannot open: " + std::strerror(errno), "unreadable"});
    return;
  }
  ++listed.files;
  file.id = repair_utf8(raw_id);
  if (raw_id != file.id) raw_ids_.emplace(out_.files.size(), raw_id);
  if (const std::size_t slash = file.id.find('/'); slash != std::string::npos) {
    file.category = file.id.substr(0, slash);
  }
  out_.files.push_back(std::move(file));
}

// Adds the article files under `folder`, depth first. Symlinked folders are
// not entered, so a symlink loop cannot trap the walk.
void Walker::walk_folder(const fs::path& folder, const std::string& raw_id,
                         ListedPath& listed) {
  std::error_code ec;
  std::vector<fs::path> files, folders;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    if (is_hidden(it->path())) continue;
    std::error_code entry_ec;
    const fs::file_status link = it->symlink_status(entry_ec);
    if (!entry_ec && fs::is_directory(link)) {
      folders.push_back(it->path());
    } else if (is_input_file_name(it->path())) {
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
    out_.problems.push_back(
        {folder.string() + ": error: cannot list folder: " + ec.message(), "unreadable"});
    out_.unlisted.push_back(repair_utf8(raw_id));
    listed.complete = false;
  }
  std::sort(files.begin(), files.end());
  std::sort(folders.begin(), folders.end());
  for (const fs::path& file : files) {
    add_file(file, joined(raw_id, file.filename().string()), listed);
  }
  for (const fs::path& sub : folders) {
    walk_folder(sub, joined(raw_id, sub.filename().string()), listed);
  }
}

void Walker::remove_duplicates() {
  std::vector<SourceFile>& files = out_.files;
  if (walked_.size() <= 1 && raw_ids_.empty()) return;  // one walk lists each file once
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (!files[i].is_stdin()) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&files](std::size_t a, std::size_t b) {
    return files[a].id < files[b].id;
  });
  const auto raw_id = [&](std::size_t i) -> const std::string& {
    const auto it = raw_ids_.find(i);
    return it == raw_ids_.end() ? files[i].id : it->second;
  };
  std::vector<bool> dropped(files.size());
  for (std::size_t k = 1; k < order.size(); ++k) {
    const std::size_t first = order[k - 1], i = order[k];
    if (files[first].id != files[i].id) continue;
    order[k] = first;  // the first of the files of this id, for the next one
    dropped[i] = true;
    if (raw_id(first) == raw_id(i)) continue;  // the same file, named again
    out_.problems.push_back({files[i].path.string() +
                                 ": error: its name is not UTF-8, and its id '" +
                                 files[i].id + "' is another file's",
                             "duplicate id"});
  }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (dropped[i]) continue;
    if (kept != i) files[kept] = std::move(files[i]);
    ++kept;
  }
  files.resize(kept);
}

}  // namespace

CorpusListing find_articles(const std::vector<std::string>& paths, const fs::path& root,
                            const std::string& stdin_id, bool allow_missing) {
  CorpusListing listing;
  Walker walker(root, listing);
  for (const std::string& path : paths) {
    if (path == kStdinPath) {
      walker.add_stdin(stdin_id);
    } else {
      walker.add_path(path, allow_missing);
    }
  }
  walker.remove_duplicates();
  return listing;
}

}  // namespace vnews
