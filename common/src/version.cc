#include "vnews/version.h"

#include <unicode/uversion.h>
#include <xapian.h>

#include "version_number.h"

namespace vnews {

const char kVersion[] = VNEWS_VERSION_STRING;

std::string version_text(const std::string& program) {
  UVersionInfo icu;
  u_getVersion(icu);
  char icu_text[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(icu, icu_text);
  return program + ' ' + kVersion + "\nXapian " + Xapian::version_string() + "\nICU " +
         icu_text + '\n';
}

}  // namespace vnews
