#include "index_options.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "vnews/error.h"

namespace {

vnews::IndexOptions parse(std::vector<std::string> args) {
  args.insert(args.begin(), "vnews-index");
  std::vector<const char*> argv;
  for (const std::string& arg : args) argv.push_back(arg.c_str());
  return vnews::parse_index_options(static_cast<int>(argv.size()), argv.data());
}

}  // namespace

TEST_CASE("numbers out of their bounds are usage errors quoting what was typed",
          "[options]") {
  struct Row {
    std::vector<std::string> args;
    std::string message;
  };
  const Row rows[] = {
      {{"-j", "0"}, "-j must be between 1 and 256, got '0'"},
      {{"-j", "-1"}, "-j must be between 1 and 256, got '-1'"},  // once wrapped to 2^32-1
      {{"-j", "100000"}, "-j must be between 1 and 256, got '100000'"},
      {{"--threads", "2.5"}, "-j must be between 1 and 256, got '2.5'"},
      {{"--commit-every", "0"}, "--commit-every must be between 1 and 100000, got '0'"},
      {{"--commit-every", "-5"}, "--commit-every must be between 1 and 100000, got '-5'"},
      {{"--commit-every", "99999999999999999999999"},
       "--commit-every must be between 1 and 100000, got '99999999999999999999999'"},
      {{"--commit-every", ""}, "--commit-every must be between 1 and 100000, got ''"},
      {{"--shards", "0"}, "--shards must be between 1 and 256, got '0'"},
      {{"--shards", "-1"}, "--shards must be between 1 and 256, got '-1'"},
      {{"--shards", "4096"}, "--shards must be between 1 and 256, got '4096'"},
  };
  for (const Row& row : rows) {
    std::vector<std::string> args = {"--db", "db"};
    args.insert(args.end(), row.args.begin(), row.args.end());
    args.push_back("corpus");
    INFO(row.args[0] << " " << row.args[1]);
    REQUIRE_THROWS_AS(parse(args), vnews::UsageError);
    REQUIRE_THROWS_WITH(parse(args), row.message);
  }
}

TEST_CASE("numbers in their bounds are taken", "[options]") {
  const vnews::IndexOptions options = parse(
      {"--db", "db", "-j", "256", "--commit-every", "1", "--shards", "3", "corpus"});
  CHECK(options.threads == 256);
  CHECK(options.commit_every == 1);
  CHECK(options.shards == 3);
  const vnews::IndexOptions defaults = parse({"--db", "db", "corpus"});
  CHECK(defaults.threads == 0);       // one per core
  CHECK(defaults.commit_every == 0);  // the default
}

TEST_CASE("options that do not go together are usage errors", "[options]") {
  REQUIRE_THROWS_WITH(parse({"--db", "db", "--id", "x", "corpus"}),
                      "--id names the article read from '-', and no PATH is '-'");
  REQUIRE_THROWS_WITH(parse({"--db", "tcp://localhost:7000", "--dry-run", "corpus"}),
                      "--dry-run needs a local --db, not 'tcp://localhost:7000'");
  REQUIRE_THROWS_WITH(parse({"--db", "tcp://localhost:7000", "--prune", "corpus"}),
                      "--prune needs a local --db, not 'tcp://localhost:7000'");
  const vnews::IndexOptions options =
      parse({"--db", "db", "--id", "note", "--root", "r", "-n", "--force", "-"});
  CHECK(options.stdin_id == "note");
  CHECK(options.root == "r");
  CHECK(options.dry_run);
  CHECK(options.force);
}
