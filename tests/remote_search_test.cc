// Searches shards served by xapian-tcpsrv on loopback and compares the answers
// with the same shards opened locally.
#include <catch2/catch.hpp>
#include <chrono>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "cli/answer.h"
#include "output/printer.h"
#include "run/database_set.h"
#include "run/document_fetcher.h"
#include "run/searcher.h"
#include "sharded_sample.h"
#include "tcp_server.h"
#include "test_util.h"
#include "vnews/error.h"
#include "vnews/schema.h"

using vnews::test::run;
using vnews::test::RunResult;
using vnews::test::ShardedSample;
using vnews::test::shell_quote;
using vnews::test::TcpServer;
using vnews::test::TempDir;

namespace {

const std::string kIndex = VNEWS_INDEX_BIN;
const std::string kSearch = VNEWS_SEARCH_BIN;

// The two shards of the sample, each behind its own server, and a stub
// listing both.
struct RemoteShards {
  RemoteShards() : server0(sample.shard(0)), server1(sample.shard(1)) {
    vnews::test::write_file(stub, "# the sample's shards on loopback\nremote " +
                                      server0.host_port() + "\nremote " +
                                      server1.host_port() + "\n");
  }
  const ShardedSample& sample = ShardedSample::get();
  TcpServer server0, server1;
  TempDir dir;
  std::filesystem::path stub = dir / "remote.stub";
};

// Returns `json` lines without their timings, which differ from run to run,
// and their totals when estimates (above 1,000 matches), which remote shards
// compute from their own counts.
std::string without_timings(const std::string& json) {
  std::string out;
  std::istringstream lines(json);
  for (std::string line; std::getline(lines, line);) {
    nlohmann::json answer = nlohmann::json::parse(line);
    answer.erase("took_ms");
    if (answer.value("total_exact", true) == false) answer.erase("total");
    out += answer.dump() + "\n";
  }
  return out;
}

// Checks that `searcher`, over `remote`'s stub with allow_partial, answers
// `query` from shard 0 alone, naming shard 1 as missing.
void check_searched_without_shard1(vnews::Searcher& searcher, const RemoteShards& remote,
                                   const std::string& query) {
  const vnews::SearchResult result = searcher.search(query, 0, 10);
  REQUIRE(result.missing_shards.size() == 1);
  CHECK_THAT(result.missing_shards[0],
             Catch::Contains("shard '" + remote.server1.host_port() + "'"));
  vnews::Searcher shard0({remote.sample.shard(0).string()});
  CHECK(vnews::test::results_of(searcher, query, 10) ==
        vnews::test::results_of(shard0, query, 10));
}

}  // namespace

TEST_CASE("remote shards give the local answers, snippets included", "[remote]") {
  RemoteShards remote;
  vnews::Searcher local({remote.sample.sharded().string()});
  vnews::Searcher by_stub({remote.stub.string()});
  vnews::Searcher by_url({remote.server0.url(), remote.server1.url()});
  for (const std::string& query : remote.sample.queries()) {
    for (unsigned limit : {10u, 100u}) {  // the top ten, then every result
      const std::string expected = vnews::test::results_of(local, query, limit);
      CHECK(vnews::test::results_of(by_stub, query, limit) == expected);
      CHECK(vnews::test::results_of(by_url, query, limit) == expected);
    }
  }
}

TEST_CASE("vnews-search prints the same JSON for remote and local shards",
          "[remote][cli]") {
  RemoteShards remote;
  std::string queries;
  for (const std::string& query : remote.sample.queries()) queries += query + "\n";
  const std::string args = " --batch --json --limit 5";
  const RunResult local = run(
      kSearch + " --db " + shell_quote(remote.sample.sharded().string()) + args, queries);
  const RunResult remote_run =
      run(kSearch + " --db " + shell_quote(remote.stub.string()) + args, queries);
  const RunResult by_url = run(
      kSearch + " --db " + remote.server0.url() + " --db " + remote.server1.url() + args,
      queries);
  REQUIRE(local.status == 0);
  CHECK(remote_run.status == 0);
  CHECK(remote_run.err.empty());
  CHECK(without_timings(remote_run.out) == without_timings(local.out));
  CHECK(without_timings(by_url.out) == without_timings(local.out));
}

TEST_CASE("copies of one story are grouped on remote shards as on local ones",
          "[remote][cli]") {
  // Three copies of one story and two other articles, in two shards: remote
  // shards return each match's sketch with it, local ones read it from the
  // document.
  TempDir dir;
  const std::filesystem::path db = dir / "stories";
  const RunResult indexed =
      run(kIndex + " -q --shards 2 --db " + shell_quote(db.string()) + " " +
          shell_quote((vnews::test::sample_corpus().parent_path() / "stories").string()));
  REQUIRE(indexed.status == 0);
  TcpServer server0(db / "shard-0"), server1(db / "shard-1");
  const std::string args = " --json 'bão Quảng Trị'";
  const RunResult local = run(kSearch + " --db " + shell_quote(db.string()) + args);
  const RunResult remote =
      run(kSearch + " --db " + server0.url() + " --db " + server1.url() + args);
  REQUIRE(local.status == 0);
  CHECK(remote.status == 0);
  CHECK(without_timings(remote.out) == without_timings(local.out));
  const nlohmann::json answer = nlohmann::json::parse(remote.out);
  CHECK(answer["total"] == 3);
  REQUIRE(answer["hits"].size() == 1);
  CHECK(answer["hits"][0]["similar"].size() == 2);
}

TEST_CASE("remote shards count totals larger than their page as local ones do",
          "[remote][cli]") {
  // Grouping stories, the page match of remote shards counts no further than
  // its window of 30 articles; the total of a word in more is counted apart,
  // and is as exact.
  RemoteShards remote;
  const std::string args = " --json --limit 1 ";
  for (const std::string query : {"của", "và", "cua", "va"}) {
    const RunResult local =
        run(kSearch + " --db " + shell_quote(remote.sample.sharded().string()) + args +
            query);
    const RunResult by_stub =
        run(kSearch + " --db " + shell_quote(remote.stub.string()) + args + query);
    REQUIRE(local.status == 0);
    const nlohmann::json expected = nlohmann::json::parse(local.out);
    const nlohmann::json answer = nlohmann::json::parse(by_stub.out);
    INFO(query);
    CHECK(expected["total"] > 30);  // more than the window
    CHECK(answer["total"] == expected["total"]);
    CHECK(answer["total_exact"] == true);
  }
}

TEST_CASE(
    "a shard that is down is named and exits 2, and --allow-partial searches the rest",
    "[remote][cli]") {
  RemoteShards remote;
  const std::string down = remote.server1.host_port();
  remote.server1.stop();
  const std::string query = " --json --limit 3 -- 'dien thoai'";
  const std::string expected_error =
      "shard '" + down + "' (listed in '" + remote.stub.string() +
      ":3') is unreachable: Couldn't connect (Connection refused)";

  const RunResult failed =
      run(kSearch + " --db " + shell_quote(remote.stub.string()) + query);
  CHECK(failed.status == 2);
  CHECK(failed.out.empty());
  CHECK(failed.err == "vnews-search: " + expected_error + "\n");

  const RunResult partial =
      run(kSearch + " --allow-partial --db " + shell_quote(remote.stub.string()) + query);
  const RunResult shard0 =
      run(kSearch + " --db " + shell_quote(remote.sample.shard(0).string()) + query);
  CHECK(partial.status == 0);
  CHECK(partial.err ==
        "vnews-search: warning: " + expected_error + "; searching without it\n");
  // Each answer names the shard it did not search.
  nlohmann::json answer = nlohmann::json::parse(partial.out);
  CHECK(answer["missing_shards"] == std::vector<std::string>{expected_error});
  answer.erase("missing_shards");
  CHECK(without_timings(answer.dump()) == without_timings(shard0.out));
  const RunResult count = run(kSearch + " --allow-partial --count --db " +
                              shell_quote(remote.stub.string()) + query);
  CHECK(nlohmann::json::parse(count.out)["missing_shards"] ==
        std::vector<std::string>{expected_error});

  const RunResult url = run(kSearch + " --db tcp://" + down + query);
  CHECK(url.status == 2);
  CHECK(url.err == "vnews-search: database 'tcp://" + down +
                       "' is unreachable: Couldn't connect (Connection refused)\n");
}

TEST_CASE("--allow-partial with every shard down still fails", "[remote][cli]") {
  RemoteShards remote;
  remote.server0.stop();
  remote.server1.stop();
  const RunResult r = run(kSearch + " --allow-partial --db " +
                          shell_quote(remote.stub.string()) + " xiaomi");
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Catch::StartsWith("vnews-search: no shard could be opened; shard '" +
                                      remote.server0.host_port() + "'"));
}

TEST_CASE("a database set says whether any of its shards is remote", "[remote]") {
  RemoteShards remote;
  CHECK_FALSE(vnews::open_database_set({remote.sample.sharded().string()}, false).remote);
  CHECK(vnews::open_database_set({remote.stub.string()}, false).remote);
  CHECK(vnews::open_database_set({remote.sample.shard(0).string(), remote.server1.url()},
                                 false)
            .remote);
}

TEST_CASE("documents of several remote shards read at once equal those read one by one",
          "[remote]") {
  // Shards 0 and 2 remote, 1 local. Each page asks for one document of a
  // remote shard and two of the other, so that the one is read over the
  // second connection, in a thread; the local shard's is left to be read.
  RemoteShards remote;
  vnews::DatabaseSet set = vnews::open_database_set(
      {remote.server0.url(), remote.sample.shard(1).string(), remote.server1.url()},
      false);
  REQUIRE(set.opened.size() == 3);
  std::vector<std::vector<Xapian::docid>> by_shard(3);
  for (auto it = set.db.postlist_begin(""); it != set.db.postlist_end(""); ++it) {
    by_shard[(*it - 1) % 3].push_back(*it);  // Xapian interleaves shards
  }
  REQUIRE(by_shard[0].size() >= 2);
  REQUIRE(by_shard[2].size() >= 2);
  vnews::DocumentFetcher fetcher(set.opened);
  std::size_t pages = 0;
  for (const std::size_t one : {0, 2}) {
    const std::vector<Xapian::docid>& other = by_shard[2 - one];
    for (const Xapian::docid docid : by_shard[one]) {
      vnews::Candidate candidate(set.db, docid), local(set.db, by_shard[1].front());
      vnews::Candidate other0(set.db, other[0]), other1(set.db, other[1]);
      fetcher.fetch({&candidate, &local, &other0, &other1, &candidate});
      if (pages++ == 5) fetcher.moved_on();  // reopened at the next read
      REQUIRE(candidate.has_document());
      CHECK(other0.has_document());
      CHECK_FALSE(local.has_document());
      const Xapian::Document one_by_one = set.db.get_document(docid);
      CHECK(candidate.document().get_data() == one_by_one.get_data());
      CHECK(candidate.document().get_value(vnews::schema::kTextSlot) ==
            one_by_one.get_value(vnews::schema::kTextSlot));
    }
  }
}

TEST_CASE(
    "a search after the servers closed idle connections opens them again, and a shard "
    "down then is named",
    "[remote]") {
  const ShardedSample& sample = ShardedSample::get();
  constexpr unsigned kIdleTimeoutMs = 1000;  // xapian-tcpsrv's default is 60 s
  TcpServer server0(sample.shard(0), false, kIdleTimeoutMs);
  TcpServer server1(sample.shard(1), false, kIdleTimeoutMs);
  TempDir dir;
  const std::filesystem::path stub = dir / "remote.stub";
  vnews::test::write_file(
      stub, "remote " + server0.host_port() + "\nremote " + server1.host_port() + "\n");
  vnews::Searcher local({sample.sharded().string()});
  vnews::Searcher remote({stub.string()});
  const std::string query = sample.queries().front();
  const std::string expected = vnews::test::results_of(local, query, 10);
  REQUIRE(vnews::test::results_of(remote, query, 10) == expected);

  // Each time, both connections to each server (the match's and the
  // documents') closed.
  const auto idle = [] {
    std::this_thread::sleep_for(std::chrono::milliseconds(2 * kIdleTimeoutMs + 500));
  };
  idle();
  CHECK(vnews::test::results_of(remote, query, 10) == expected);
  idle();
  const std::string id = local.search(query, 0, 1).hits.at(0).article.id;
  CHECK(remote.article(id).body == local.article(id).body);

  server1.stop();
  try {
    remote.search(query, 0, 10);
    FAIL("a search with a shard down succeeded");
  } catch (const vnews::UnavailableError& e) {
    CHECK_THAT(e.what(),
               Catch::Contains("shard '" + server1.host_port() + "' (listed in '" +
                               stub.string() + ":2') is unreachable"));
  }
}

TEST_CASE("with allow_partial, a shard lost after the start is left out and named",
          "[remote]") {
  RemoteShards remote;
  vnews::Searcher searcher({remote.stub.string()}, true);
  const std::string query = remote.sample.queries().front();
  REQUIRE(searcher.search(query, 0, 10).missing_shards.empty());

  remote.server1.stop();
  check_searched_without_shard1(searcher, remote, query);
}

TEST_CASE("a batch line a shard failed gets an error answer, and the batch goes on",
          "[remote][cli]") {
  RemoteShards remote;
  vnews::Searcher searcher({remote.stub.string()});
  vnews::SearchOptions options;
  options.batch = true;
  vnews::PrintOptions print;
  print.format = vnews::OutputFormat::kJson;
  print.batch = true;
  const auto printer = vnews::make_printer(print);
  const std::string query = remote.sample.queries().front();
  std::istringstream first(query + "\n");
  std::ostringstream out, err;
  REQUIRE(vnews::answer_batch(searcher, options, *printer, first, out, err) == 0);

  remote.server1.stop();
  std::istringstream lines(query + "\n" + query + "\n");
  out.str("");
  CHECK(vnews::answer_batch(searcher, options, *printer, lines, out, err) == 2);
  std::istringstream answers(out.str());
  int errors = 0;
  for (std::string line; std::getline(answers, line);) {
    const nlohmann::json answer = nlohmann::json::parse(line);
    CHECK(answer["query"] == query);
    CHECK_THAT(answer.value("error", ""),
               Catch::Contains("shard '" + remote.server1.host_port() + "'"));
    ++errors;
  }
  CHECK(errors == 2);
}

TEST_CASE(
    "a shard that stops answering fails that search without a second try, and the next "
    "connects again",
    "[remote]") {
  // With allow_partial, a second try would have opened the databases again
  // without the silent shard and answered: the first search must fail.
  RemoteShards remote;
  vnews::Searcher searcher({remote.stub.string()}, true);
  const std::string query = remote.sample.queries().front();
  REQUIRE(searcher.search(query, 0, 10).missing_shards.empty());

  remote.server1.pause();
  CHECK_THROWS_AS(searcher.search(query, 0, 10), Xapian::NetworkTimeoutError);
  check_searched_without_shard1(searcher, remote, query);
  remote.server1.resume();
}
