#include "free_space.h"

#include <sys/statvfs.h>

#include <cstdio>
#include <stdexcept>
#include <system_error>

#include "database_target.h"

namespace fs = std::filesystem;

namespace vnews {
namespace {

// Database bytes per input byte of a build (8,000 baomoi files, 27.5 MB,
// make 135 MB of shards, merged into 70 MB).
constexpr std::uint64_t kWrittenPerInputByte = 5;
// What even a small run needs: new tables, a commit's blocks, the stub.
constexpr std::uint64_t kMinimumBytes = 1 << 20;

std::string megabytes(std::uint64_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f MB", bytes / 1048576.0);
  return text;
}

}  // namespace

std::uint64_t written_bytes(std::uint64_t input_bytes) {
  return kMinimumBytes + input_bytes * kWrittenPerInputByte;
}

std::uint64_t merged_bytes(std::uint64_t build_bytes) {
  return kMinimumBytes + build_bytes / 2;
}

std::uint64_t bytes_under(const fs::path& path) {
  std::uint64_t total = 0;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end;
       it.increment(ec)) {
    std::error_code size_ec;
    if (it->is_regular_file(size_ec)) total += it->file_size(size_ec);
  }
  return total;
}

void check_free_space(const std::string& db, std::uint64_t input_bytes,
                      std::optional<std::uint64_t> build_bytes) {
  std::uint64_t needed = input_bytes == 0 ? 0 : written_bytes(input_bytes);
  std::string what;
  if (input_bytes > 0) what = "indexing " + megabytes(input_bytes) + " of articles";
  if (build_bytes) {
    needed += merged_bytes(*build_bytes + needed);
    what += what.empty() ? "merging the new database into one"
                         : ", then merging the new database into one,";
  }
  if (needed == 0) return;
  const fs::path folder = existing_folder(db);
  struct statvfs disk {};
  if (::statvfs(folder.c_str(), &disk) != 0) return;  // the writes will tell
  const std::uint64_t available =
      static_cast<std::uint64_t>(disk.f_bavail) * disk.f_frsize;
  if (available >= needed) return;
  throw std::runtime_error("not enough free space for --db '" + db + "': " + what +
                           " needs about " + megabytes(needed) + ", and " +
                           megabytes(available) + " are free on '" + folder.string() +
                           "' (free some space, or add --force to try anyway)");
}

}  // namespace vnews
