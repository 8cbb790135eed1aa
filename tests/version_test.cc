// --version of both programs: vnews's version, then the Xapian and ICU they
// run with, one line each.
#include "vnews/version.h"

#include <unicode/uversion.h>
#include <xapian.h>

#include <catch2/catch.hpp>

#include "test_util.h"

using vnews::test::run;
using vnews::test::RunResult;

namespace {

std::string icu_runtime_version() {
  UVersionInfo info;
  u_getVersion(info);
  char text[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(info, text);
  return text;
}

}  // namespace

TEST_CASE("version text names the program, vnews, Xapian and ICU, one line each",
          "[version]") {
  CHECK(vnews::version_text("vnews-index") ==
        std::string("vnews-index ") + VNEWS_VERSION + "\nXapian " +
            Xapian::version_string() + "\nICU " + icu_runtime_version() + "\n");
}

TEST_CASE("the version is the project's in CMakeLists.txt", "[version]") {
  CHECK(std::string(vnews::kVersion) == VNEWS_VERSION);
}

TEST_CASE("both programs print their versions with --version and exit 0",
          "[version][cli]") {
  const struct {
    std::string bin, name;
  } programs[] = {{VNEWS_INDEX_BIN, "vnews-index"}, {VNEWS_SEARCH_BIN, "vnews-search"}};
  for (const auto& p : programs) {
    // Needs no --db, path or query; what else is typed is not checked.
    for (const std::string args : {" --version", " --db x --version"}) {
      const RunResult r = run(p.bin + args);
      INFO(p.name << args << ": " << r.err);
      CHECK(r.status == 0);
      CHECK(r.err.empty());
      CHECK(r.out == vnews::version_text(p.name));
    }
  }
}
