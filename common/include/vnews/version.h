// version.h -- what --version prints: the version of vnews and of the
// libraries a program runs with.
#ifndef VNEWS_VERSION_H_
#define VNEWS_VERSION_H_

#include <string>

namespace vnews {

// The version of vnews, the project(VERSION) of the top CMakeLists.txt ("0.1.0").
extern const char kVersion[];

// Returns the --version text of `program`, one line each: "PROGRAM VERSION",
// then the versions of Xapian and ICU this process runs with (the shared
// libraries loaded, which may be newer than those it was built against).
std::string version_text(const std::string& program);

}  // namespace vnews

#endif  // VNEWS_VERSION_H_
