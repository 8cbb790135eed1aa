// Differential test over 300 files of ../shared/corpus/baomoi: indexed in
// several runs through overlapping folders and different spellings of their
// paths (relative, absolute, "." and "..", a symlinked folder, single files),
// a database holds exactly one document per file, with the id of its path
// under the corpus root, and the same documents as one run over the whole.
// Exits 77, which CTest reports as skipped, when the corpus is absent.
#define CATCH_CONFIG_RUNNER
#include <xapian.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <set>

#include "shared_corpus_main.h"
#include "test_util.h"
#include "vnews/schema.h"

namespace fs = std::filesystem;
using vnews::test::baomoi;
using vnews::test::run;
using vnews::test::RunResult;
using vnews::test::shell_quote;

namespace {

constexpr std::size_t kFiles = 300;
const char* const kFolders[] = {"politics", "sport", "sport/football"};

// The corpus layout in a temporary folder: 100 links to baomoi files in each
// of kFolders under corpus/, and alias/, a symlink to corpus/sport.
struct Layout {
  vnews::test::TempDir dir;
  fs::path corpus = dir / "corpus";
  std::string db = (dir / "db").string();
  std::map<std::string, fs::path> files;  // expected id -> file

  Layout() {
    std::vector<fs::path> all;
    for (const auto& entry : fs::directory_iterator(baomoi())) {
      if (entry.path().extension() == ".txt") all.push_back(entry.path());
    }
    std::sort(all.begin(), all.end());
    const std::size_t step = std::max<std::size_t>(1, all.size() / kFiles);
    for (std::size_t i = 0; i < kFiles; ++i) {
      const std::string folder = kFolders[i * 3 / kFiles];
      const fs::path& target = all[i * step];
      fs::create_directories(corpus / folder);
      fs::create_symlink(target, corpus / folder / target.filename());
      files[folder + "/" + target.filename().string()] =
          corpus / folder / target.filename();
    }
    fs::create_directory_symlink(corpus / "sport", dir / "alias");
  }

  // Runs vnews-index from the layout's folder, so that relative PATHs work.
  RunResult index(const std::string& paths) const {
    return run("cd " + shell_quote(dir.path().string()) + " && " + VNEWS_INDEX_BIN +
               " -q --db " + shell_quote(db) + " " + paths);
  }

  // Returns the expected ids of the files under `folder` of corpus/.
  std::set<std::string> ids_under(const std::string& folder) const {
    std::set<std::string> ids;
    for (const auto& [id, path] : files) {
      if (id.compare(0, folder.size() + 1, folder + "/") == 0) ids.insert(id);
    }
    return ids;
  }
};

// Returns the ids of `db`, checking that each names one document of the
// category of its first folder.
std::set<std::string> ids_in(const std::string& db) {
  Xapian::Database database(db);
  std::set<std::string> ids;
  const std::string prefix = vnews::schema::kIdPrefix;
  for (auto t = database.allterms_begin(prefix); t != database.allterms_end(prefix);
       ++t) {
    const std::string id = (*t).substr(prefix.size());
    INFO(id);
    CHECK(t.get_termfreq() == 1);
    const std::string category = id.substr(0, id.find('/'));
    const Xapian::docid docid = *database.postlist_begin(*t);
    CHECK(database.get_document(docid).get_value(vnews::schema::kCategorySlot) ==
          category);
    ids.insert(id);
  }
  CHECK(ids.size() == database.get_doccount());
  return ids;
}

std::set<std::string> joined(std::set<std::string> a, const std::set<std::string>& b) {
  a.insert(b.begin(), b.end());
  return a;
}

// Returns the terms of the document with id term `term`, and its data.
std::string contents_of(const Xapian::Database& db, const std::string& term) {
  const Xapian::Document doc = db.get_document(*db.postlist_begin(term));
  std::string out = doc.get_data() + "\n";
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    out += *t + ":" + std::to_string(t.get_wdf()) + " ";
  }
  return out;
}

}  // namespace

TEST_CASE("files named through many paths in several runs are each one document",
          "[shared][ids]") {
  const Layout at;
  REQUIRE(at.files.size() == kFiles);
  const std::set<std::string> politics = at.ids_under("politics");
  const std::set<std::string> football = at.ids_under("sport/football");
  const std::set<std::string> sport = at.ids_under("sport");  // football too
  REQUIRE(politics.size() + sport.size() == kFiles);

  // Two folders: the root is their deepest common folder, corpus/.
  RunResult r = at.index("corpus/politics corpus/sport/football");
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(ids_in(at.db) == joined(politics, football));

  // Their parent, relatively, with a trailing slash: football is unchanged.
  r = at.index("corpus/sport/");
  CHECK(r.status == 0);
  CHECK_THAT(r.err, Catch::Contains("added 100, updated 0, unchanged 100"));
  CHECK(ids_in(at.db).size() == kFiles);

  // Every folder again, absolutely, twice, through "." and "..", and through
  // a symlinked folder: nothing is new.
  const std::string absolute = shell_quote(at.corpus.string());
  r = at.index(absolute + " " + absolute + " corpus/./politics/../politics alias " +
               shell_quote((at.dir / "alias/football").string()));
  CHECK(r.status == 0);
  CHECK_THAT(r.err, Catch::Contains("added 0, updated 0, unchanged 300, deleted 0"));

  // Single files, through the link folder and the corpus: still nothing new.
  std::string singles;
  for (const std::string& id : {*politics.begin(), *football.rbegin()}) {
    singles += " corpus/" + id;
  }
  const std::string in_sport = *std::prev(sport.end(), football.size() + 1);
  singles += " alias/" + in_sport.substr(std::string("sport/").size());
  r = at.index(singles);
  CHECK(r.status == 0);
  CHECK_THAT(r.err, Catch::Contains("added 0, updated 0, unchanged 3, deleted 0"));
  CHECK(ids_in(at.db).size() == kFiles);

  // Ten articles change (a link replaced by an edited copy): they are
  // replaced, through whichever path.
  std::size_t changed = 0;
  for (const auto& [id, path] : at.files) {
    if (changed++ % 30 != 0) continue;
    const std::string text = vnews::test::read_file(path);
    fs::remove(path);
    vnews::test::write_file(path, text + "\nĐoạn cập nhật thêm.");
  }
  r = at.index("alias corpus/politics");
  CHECK(r.status == 0);
  CHECK_THAT(r.err, Catch::Contains("added 0, updated 10, unchanged 290, deleted 0"));
  std::set<std::string> all;
  for (const auto& [id, path] : at.files) all.insert(id);
  CHECK(ids_in(at.db) == all);

  // The same documents as one run over the whole corpus.
  const std::string reference = (at.dir / "reference.db").string();
  REQUIRE(run(std::string(VNEWS_INDEX_BIN) + " -q --db " + shell_quote(reference) + " " +
              absolute)
              .status == 0);
  CHECK(ids_in(reference) == all);
  Xapian::Database runs(at.db), once(reference);
  std::size_t different = 0;
  for (const std::string& id : all) {
    const std::string term = vnews::schema::kIdPrefix + id;
    if (contents_of(runs, term) != contents_of(once, term)) {
      UNSCOPED_INFO("differs: " << id);
      ++different;
    }
  }
  CHECK(different == 0);
}

int main(int argc, char* argv[]) {
  return vnews::test::run_with_shared_corpus("the stable id tests", argc, argv);
}
