#!/usr/bin/python3
"""vnews-serve as a client sees it, over real sockets: every endpoint against
the answers of vnews-search, every kind of bad input (malformed targets,
invalid UTF-8, huge requests, slow clients, other methods, unknown paths),
overload, time limits, commits while serving, a shard going down, and a
graceful stop. The database is corpus/sample, indexed by the test.

Usage: serve_test.py VNEWS_INDEX VNEWS_SEARCH VNEWS_SERVE SOURCE_DIR XAPIAN_TCPSRV
                     [unittest arguments: test classes or methods]
XAPIAN_TCPSRV may be "" (the shard tests are then skipped). Exits 77, which
CTest reports as skipped, when every test it ran was skipped.
"""
import http.client
import json
import os
import pathlib
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.parse

VNEWS_INDEX, VNEWS_SEARCH, VNEWS_SERVE = sys.argv[1:4]
SOURCE_DIR = pathlib.Path(sys.argv[4])
TCPSRV = sys.argv[5] or None
SAMPLE = SOURCE_DIR / "corpus" / "sample"
XIAOMI = "technology/xiaomi-chau-au.txt"
LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \d{3} \d+\.\d{3}ms \S+ \S+$")


def index(db, corpus):
    subprocess.run([VNEWS_INDEX, "--quiet", "--db", db, corpus], check=True,
                   stderr=subprocess.DEVNULL)


def cli_json(db, *args):
    """The JSON line vnews-search prints for `args`."""
    out = subprocess.run([VNEWS_SEARCH, "--db", db, "--json", *args],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout
    return json.loads(out)


def without_time(answer):
    answer = dict(answer)
    answer.pop("took_ms", None)
    return answer


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A vnews-serve process on a free port; its stderr lines are kept."""

    def __init__(self, *dbs, args=(), expect_start=True):
        command = [VNEWS_SERVE, "--listen", "127.0.0.1:0", *args]
        for db in dbs:
            command += ["--db", db]
        self.proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True,
                                     encoding="utf-8", errors="replace")
        self.lines = []
        self.port = None
        self._started = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        if expect_start and not self._started.wait(20):
            self.stop()
            raise RuntimeError("vnews-serve did not start: " + "\n".join(self.lines))

    def _read(self):
        for line in self.proc.stderr:
            line = line.rstrip("\n")
            self.lines.append(line)
            match = re.match(r"vnews-serve: listening on http://127\.0\.0\.1:(\d+)/", line)
            if match:
                self.port = int(match.group(1))
                self._started.set()

    def request(self, method, target, headers=None, body=None, timeout=10):
        """(status, headers, body bytes) of one request on a new connection."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request(method, target, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, response.headers, response.read()
        finally:
            connection.close()

    def get_json(self, target):
        status, headers, body = self.request("GET", target)
        return status, headers, json.loads(body)

    def raw(self, data, timeout=10):
        """What the server sends back on a connection given `data`, until it closes."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=timeout) as s:
            s.sendall(data)
            return read_until_closed(s)

    def access_log(self):
        return [line for line in self.lines if not line.startswith("vnews-serve:")]

    def stop(self, sig=signal.SIGTERM, timeout=20):
        """Sends `sig` and returns the exit status."""
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        status = self.proc.wait(timeout)
        self._reader.join(5)
        return status


def read_until_closed(s):
    data = b""
    while True:
        try:
            chunk = s.recv(65536)
        except ConnectionResetError:
            break
        if not chunk:
            break
        data += chunk
    return data


def parse_raw(response):
    """(status, headers dict with lower-case names, body) of raw response bytes."""
    head, _, body = response.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return status, headers, body


class ServeTestCase(unittest.TestCase):
    """One database of corpus/sample and one server for the class."""

    server_args = ("--workers", "2", "--read-timeout", "1")

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="vnews-serve-test.")
        cls.db = os.path.join(cls.tmp, "sample.db")
        index(cls.db, SAMPLE)
        cls.server = Server(cls.db, args=cls.server_args)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def assertJsonError(self, status, headers, body, want_status, message_part):
        self.assertEqual(want_status, status, body)
        self.assertEqual("application/json; charset=utf-8", headers["content-type"])
        answer = json.loads(body)
        self.assertIn(message_part, answer["error"])
        return answer


class EndpointsTest(ServeTestCase):
    def test_search_answers_the_object_vnews_search_json_prints(self):
        for params in ([("q", "dien thoai xiaomi"), ("limit", "1")],
                       [("q", "thị trường"), ("sort", "date"), ("offset", "1")],
                       [("q", "bão"), ("facet", "category"), ("fields", "id,title,snippet")],
                       [("q", "xiao*"), ("since", "2000"), ("until", "2030-12-31")],
                       [("q", "dien thaoi")]):  # a suggestion
            with self.subTest(params=params):
                status, headers, answer = self.server.get_json(
                    "/search?" + urllib.parse.urlencode(params))
                self.assertEqual(200, status)
                self.assertEqual("application/json; charset=utf-8", headers["content-type"])
                args = []
                for name, value in params[1:]:
                    args += ["--" + name, value]
                expected = cli_json(self.db, *args, "--", params[0][1])
                self.assertEqual(without_time(expected), without_time(answer))

    def test_count_answers_as_vnews_search_count_json(self):
        status, _, answer = self.server.get_json("/search?q=dien+thoai&count=true")
        self.assertEqual(200, status)
        self.assertEqual(cli_json(self.db, "--count", "dien thoai"), answer)
        self.assertEqual({"query": "dien thoai", "count": 8}, answer)

    def test_article_answers_as_show_json_and_404_for_an_unknown_id(self):
        status, _, answer = self.server.get_json("/article/" + urllib.parse.quote(XIAOMI, ""))
        self.assertEqual(200, status)
        self.assertEqual(cli_json(self.db, "--show", XIAOMI), answer)
        status, headers, body = self.server.request("GET", "/article/nope")
        answer = self.assertJsonError(status, headers, body, 404, "no article with id 'nope'")
        self.assertEqual({"query": "nope", "error": "no article with id 'nope'"}, answer)

    def test_like_answers_as_the_command_line_and_404_for_an_unknown_id(self):
        status, _, answer = self.server.get_json("/like/" + urllib.parse.quote(XIAOMI, "") +
                                                 "?limit=3&fields=id")
        self.assertEqual(200, status)
        expected = cli_json(self.db, "--like", XIAOMI, "--limit", "3", "--fields", "id")
        self.assertEqual([h["id"] for h in expected["hits"]], [h["id"] for h in answer["hits"]])
        self.assertEqual(XIAOMI, answer["like"])
        status, headers, body = self.server.request("GET", "/like/nope")
        self.assertJsonError(status, headers, body, 404, "no article with id 'nope'")

    def test_health_counts_the_documents(self):
        status, _, answer = self.server.get_json("/health")
        self.assertEqual(200, status)
        self.assertEqual("ok", answer["status"])
        self.assertEqual(41, answer["documents"])
        self.assertEqual(2, answer["workers"])

    def test_the_page_is_a_form_and_renders_results_without_javascript(self):
        status, headers, body = self.server.request("GET", "/")
        self.assertEqual(200, status)
        self.assertEqual("text/html; charset=utf-8", headers["content-type"])
        page = body.decode()
        self.assertIn('<form id="search" action="/" method="get"', page)
        self.assertIn('<main id="results"></main>', page)
        self.assertNotIn("http://", page.replace("http://www.w3.org", ""))  # no assets
        status, _, body = self.server.request("GET", "/?q=dien+thoai+xiaomi")
        page = body.decode()
        self.assertEqual(200, status)
        self.assertIn('value="dien thoai xiaomi"', page)
        self.assertIn("2 results", page)
        self.assertIn("<mark>điện thoại</mark>", page)
        self.assertIn("Did you mean: <a href=\"/?q=%C4%91i%E1%BB%87n%20tho%E1%BA%A1i%20xiaomi",
                      page)
        # A bad request shows the error on the page, with its status.
        status, _, body = self.server.request("GET", "/?q=x&limit=0")
        self.assertEqual(400, status)
        self.assertIn('<p class="error">limit must be a positive integer', body.decode())
        status, _, body = self.server.request("GET", "/?q=")
        self.assertEqual(200, status)  # an empty form

    def test_the_page_pages_through_results(self):
        _, _, body = self.server.request("GET", "/?q=dien+thoai&limit=3&offset=3")
        page = body.decode()
        self.assertIn('<ol class="hits" start="4">', page)
        self.assertIn("offset=0&amp;limit=3\" rel=\"prev\"", page)
        self.assertIn("offset=6&amp;limit=3\" rel=\"next\"", page)
        self.assertIn("results 4–6", page)

    def test_head_answers_the_headers_of_get_without_a_body(self):
        for target in ("/search?q=xiaomi", "/", "/health", "/article/nope"):
            with self.subTest(target=target):
                get_status, get_headers, get_body = self.server.request("GET", target)
                status, headers, body = self.server.request("HEAD", target)
                self.assertEqual(get_status, status)
                self.assertEqual(b"", body)
                if target != "/search?q=xiaomi":  # took_ms changes its length
                    self.assertEqual(str(len(get_body)), headers["content-length"])

    def test_one_connection_serves_many_requests(self):
        connection = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=10)
        for i in range(20):
            connection.request("GET", f"/search?q=xiaomi&offset={i % 3}")
            response = connection.getresponse()
            response.read()
            self.assertEqual(200, response.status)
        connection.close()

    def test_each_request_has_one_access_log_line(self):
        # A line is written once its response is sent, so the client may see the
        # response first: wait for each request's line before sending the next.
        unique = time.monotonic_ns()
        targets = [f"/search?q=b%C3%A3o+{unique}&limit=2", f"/nope{unique}"]
        for sent, target in enumerate(targets, start=1):
            self.server.request("GET", target)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:  # stderr is read by another thread
                lines = [line for line in self.server.access_log() if str(unique) in line]
                if len(lines) >= sent:
                    break
                time.sleep(0.05)
        time.sleep(0.2)  # a second line for either request would show by now
        lines = [line for line in self.server.access_log() if str(unique) in line]
        self.assertEqual(2, len(lines), lines)
        for line, target, status in zip(lines, targets, ("200", "404")):
            self.assertRegex(line, LOG_LINE)
            fields = line.split()
            self.assertEqual([status, "GET", target], [fields[1], fields[3], fields[4]])

    def test_the_service_listens_on_loopback(self):
        self.assertIn("vnews-serve: listening on http://127.0.0.1:", self.server.lines[0])
        with subprocess.Popen([VNEWS_SERVE, "--db", self.db, "--listen", "0"],
                              stderr=subprocess.PIPE, text=True) as proc:
            line = proc.stderr.readline()
            proc.send_signal(signal.SIGTERM)
            self.assertEqual(0, proc.wait(20))
        self.assertRegex(line, r"^vnews-serve: listening on http://127\.0\.0\.1:\d+/")


class BadInputTest(ServeTestCase):
    def test_bad_parameters_are_400_with_the_shared_checks_messages(self):
        rows = [
            ("/search", "missing parameter q"),
            ("/search?q=", "missing parameter q"),
            ("/search?q=x&limit=abc", "limit must be a positive integer up to 100000, got 'abc'"),
            ("/search?q=x&limit=0", "limit must be a positive integer"),
            ("/search?q=x&offset=-1", "offset must be a non-negative integer"),
            ("/search?q=x&since=2021-02-30", "that day does not exist"),
            ("/search?q=x&since=2018&until=2017", "since is after until"),
            ("/search?q=x&sort=size", "sort must be relevance, date or recency"),
            ("/search?q=x&facet=author", "facet must be category, source"),
            ("/search?q=x&fields=nope", "fields: unknown field 'nope'"),
            ("/search?q=x&count=yes", "count must be true, false, 1 or 0"),
            ("/search?q=x&q=y", "parameter 'q' is given twice"),
            ("/search?q=x&limt=3", "unknown parameter 'limt'"),
            ("/search?q=%F0%9F%98%80", "no word to search"),
            ("/search?q=" + "a" * 101, "(101 bytes, at most 100)"),
            ("/search?q=" + "ab+" * 1500, "is too long: 4500 bytes, at most 4096"),
        ]
        for target, message in rows:
            with self.subTest(target=target[:60]):
                status, headers, body = self.server.request("GET", target)
                self.assertJsonError(status, headers, body, 400, message)

    def test_malformed_percent_encoding_and_invalid_utf8_are_400(self):
        rows = [
            ("/search?q=a%zz", "parameter 'q': malformed percent-encoding at byte 1"),
            ("/search?q=100%", "parameter 'q': malformed percent-encoding at byte 3"),
            ("/search?q%G1=x", "parameter name: malformed percent-encoding"),
            ("/article/a%2", "path: malformed percent-encoding"),
            ("/search?q=%C3%28", "parameter 'q': not valid UTF-8"),
            ("/search?q=%ED%A0%80", "parameter 'q': not valid UTF-8"),  # a surrogate
            ("/article/%FF", "path: not valid UTF-8"),
        ]
        for target, message in rows:
            with self.subTest(target=target):
                status, headers, body = self.server.request("GET", target)
                self.assertJsonError(status, headers, body, 400, message)
        # Raw bytes that are not UTF-8, not percent-encoded.
        status, headers, body = parse_raw(self.server.raw(
            b"GET /search?q=\xff\xfe HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
        self.assertJsonError(status, headers, body, 400, "not valid UTF-8")

    def test_unknown_paths_are_404(self):
        for target in ("/nope", "/search/", "/article", "/healthz", "/%2Fsearch"):
            with self.subTest(target=target):
                status, headers, body = self.server.request("GET", target)
                self.assertJsonError(status, headers, body, 404, "no such path")

    def test_other_methods_are_405_with_allow(self):
        for method in ("POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"):
            with self.subTest(method=method):
                status, headers, body = self.server.request(method, "/search?q=x",
                                                            body=b"q=x")
                self.assertJsonError(status, headers, body, 405, "not allowed")
                self.assertEqual("GET, HEAD", headers["allow"])
        # A method cpp-httplib does not know, and a body left unread: the
        # answer is whole and the connection closed.
        status, headers, body = parse_raw(self.server.raw(
            b"BREW /search HTTP/1.1\r\nHost: x\r\n\r\n"))
        self.assertJsonError(status, headers, body, 405, "method BREW is not allowed")
        self.assertEqual("GET, HEAD", headers["allow"])
        response = self.server.raw(b"POST /search HTTP/1.1\r\nContent-Length: 100000\r\n\r\n" +
                                   b"x" * 50000)
        self.assertEqual(405, parse_raw(response)[0])

    def test_malformed_requests_are_400_and_close_the_connection(self):
        for data in (b"garbage\r\n\r\n",
                     b"GET / HTTP/1.1\nHost: x\n\n",  # bare line feeds
                     b"GET / HTTP/9.9\r\n\r\n",
                     b"GET  HTTP/1.1\r\n\r\n",
                     b"\x00\x01\x02\r\n\r\n"):
            with self.subTest(data=data):
                response = self.server.raw(data)
                status, headers, body = parse_raw(response)
                self.assertJsonError(status, headers, body, 400, "malformed HTTP request")
                self.assertEqual("close", headers["connection"])
                self.assertEqual(1, response.count(b"HTTP/1.1 "))  # no second answer

    def test_huge_requests_are_414_or_431(self):
        status, headers, body = self.server.request("GET", "/search?q=" + "a" * 9000)
        self.assertJsonError(status, headers, body, 414, "the request target is over 8192 bytes")
        status, headers, body = parse_raw(self.server.raw(
            b"GET /search?q=" + b"a" * 100000 + b" HTTP/1.1\r\n\r\n"))
        self.assertJsonError(status, headers, body, 414, "the request line is over 32768 bytes")
        many = b"".join(b"X-H%d: %s\r\n" % (i, b"v" * 100) for i in range(500))
        status, headers, body = parse_raw(self.server.raw(
            b"GET /health HTTP/1.1\r\n" + many + b"\r\n"))
        self.assertJsonError(status, headers, body, 431, "are over 32768 bytes")
        status, headers, body = parse_raw(self.server.raw(
            b"GET /health HTTP/1.1\r\nX-Big: " + b"v" * 20000 + b"\r\n\r\n"))
        self.assertJsonError(status, headers, body, 400, "malformed HTTP request")
        # Fewer headers are fine.
        some = b"".join(b"X-H%d: v\r\n" % i for i in range(100))
        response = self.server.raw(b"GET /health HTTP/1.1\r\nConnection: close\r\n" + some +
                                   b"\r\n")
        self.assertEqual(200, parse_raw(response)[0])

    def test_a_slow_client_is_cut_off_and_blocks_nobody(self):
        def slowloris(first_line, results):
            with socket.create_connection(("127.0.0.1", self.server.port), timeout=10) as s:
                start = time.monotonic()
                s.sendall(first_line)
                try:
                    for _ in range(40):  # a byte every 0.1 s: 4 s if not cut off
                        s.sendall(b"X")
                        time.sleep(0.1)
                except OSError:
                    pass
                results.append((time.monotonic() - start, read_until_closed(s)))

        results = []
        threads = [threading.Thread(target=slowloris, args=(line, results))
                   for line in [b"GET /search?q=x HTTP/1.1\r\nX-Slow: "] * 8 +
                   [b"GET /search?q="] * 8]  # slow headers; a slow request line
        for thread in threads:
            thread.start()
        time.sleep(0.3)
        start = time.monotonic()
        status, _, _ = self.server.request("GET", "/health")
        self.assertEqual(200, status)
        self.assertLess(time.monotonic() - start, 0.5)
        for thread in threads:
            thread.join()
        self.assertEqual(16, len(results))
        for elapsed, response in results:
            self.assertLess(elapsed, 3.0)  # --read-timeout 1
            status, headers, body = parse_raw(response)
            self.assertJsonError(status, headers, body, 408, "took longer than 1 s")


class OverloadTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="vnews-serve-test.")
        cls.db = os.path.join(cls.tmp, "sample.db")
        index(cls.db, SAMPLE)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_a_full_search_queue_is_503(self):
        server = Server(self.db, args=("--workers", "1", "--queue", "0", "--quiet"))
        statuses = []

        def client():
            for _ in range(15):
                status, headers, body = server.request("GET", "/search?q=dien+thoai")
                if status == 503:
                    self.assertIn("overloaded", json.loads(body)["error"])
                    self.assertEqual("1", headers["retry-after"])
                statuses.append(status)

        threads = [threading.Thread(target=client) for _ in range(32)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(0, server.stop())
        self.assertEqual({200, 503}, set(statuses), statuses)

    def test_connections_beyond_the_threads_and_their_queue_are_503(self):
        server = Server(self.db, args=("--connections", "1", "--read-timeout", "2"))
        # A slow client holds the only connection thread; one more waits.
        slow = socket.create_connection(("127.0.0.1", server.port))
        slow.sendall(b"GET /health HTTP/1.1\r\n")
        time.sleep(0.2)
        waiting = socket.create_connection(("127.0.0.1", server.port))
        waiting.sendall(b"GET /health HTTP/1.1\r\nConnection: close\r\n\r\n")
        time.sleep(0.2)
        status, headers, body = parse_raw(server.raw(
            b"GET /health HTTP/1.1\r\nConnection: close\r\n\r\n"))
        self.assertEqual(503, status)
        self.assertIn("too many connections", json.loads(body)["error"])
        # The slow one is cut off at --read-timeout, then the waiting one is served.
        self.assertEqual(408, parse_raw(read_until_closed(slow))[0])
        self.assertEqual(200, parse_raw(read_until_closed(waiting))[0])
        slow.close()
        waiting.close()
        self.assertEqual(0, server.stop())

    def test_a_search_over_the_time_limit_is_503(self):
        server = Server(self.db, args=("--time-limit", "0.000001", "--quiet"))
        for target in ("/search?q=dien+thoai", "/article/" + XIAOMI, "/health"):
            with self.subTest(target=target):
                status, headers, body = server.request("GET", target)
                self.assertEqual(503, status)
                self.assertIn("time limit", json.loads(body)["error"])
                self.assertEqual("1", headers["retry-after"])
        status, _, body = server.request("GET", "/?q=dien+thoai")
        self.assertEqual(503, status)
        self.assertIn("time limit", body.decode())
        self.assertEqual(0, server.stop())


class LifecycleTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="vnews-serve-test.")
        self.db = os.path.join(self.tmp, "sample.db")
        self.corpus = os.path.join(self.tmp, "corpus")
        shutil.copytree(SAMPLE, self.corpus)
        index(self.db, self.corpus)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_a_commit_is_served_without_a_restart(self):
        server = Server(self.db, args=("--workers", "2", "--quiet"))
        self.addCleanup(server.stop)  # a failed assertion does not leave it running
        self.assertEqual(0, server.get_json("/search?q=zyxwabc&count=1")[2]["count"])
        pathlib.Path(self.corpus, "new.txt").write_text("Zyxwabc mới\nMột bài mới.\n")
        index(self.db, self.corpus)
        for _ in range(4):  # whichever worker answers
            status, _, answer = server.get_json("/search?q=zyxwabc")
            self.assertEqual(200, status)
            self.assertEqual(["new.txt"], [hit["id"] for hit in answer["hits"]])
        self.assertEqual(42, server.get_json("/health")[2]["documents"])
        self.assertEqual(0, server.stop())

    def test_searches_during_commits_never_fail(self):
        server = Server(self.db, args=("--workers", "2", "--quiet"))
        self.addCleanup(server.stop)  # a failed assertion does not leave it running
        stop = threading.Event()
        failures = []

        def client():
            while not stop.is_set():
                status, _, body = server.request("GET", "/search?q=dien+thoai&limit=3")
                if status != 200:
                    failures.append(body)

        threads = [threading.Thread(target=client) for _ in range(4)]
        for thread in threads:
            thread.start()
        folder = pathlib.Path(self.corpus, "commits")
        folder.mkdir()
        for i in range(12):
            (folder / f"{i}.txt").write_text(f"Điện thoại số {i}\nBài {i}.\n")
            subprocess.run([VNEWS_INDEX, "--quiet", "--commit-every", "1", "--db", self.db,
                            self.corpus], check=True, stderr=subprocess.DEVNULL)
        stop.set()
        for thread in threads:
            thread.join()
        self.assertEqual([], failures)
        self.assertEqual(53, server.get_json("/health")[2]["documents"])
        self.assertEqual(0, server.stop())

    def test_sigterm_and_sigint_answer_the_requests_in_flight_and_exit_0(self):
        for sig in (signal.SIGTERM, signal.SIGINT):
            with self.subTest(signal=sig):
                server = Server(self.db, args=("--quiet",))
                idle = socket.create_connection(("127.0.0.1", server.port))
                slow = socket.create_connection(("127.0.0.1", server.port))
                slow.sendall(b"GET /health HTTP/1.1\r\nX-Slow: ")
                connections = []
                for _ in range(20):  # kept alive: accepted by the server
                    c = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
                    c.request("GET", "/health")
                    c.getresponse().read()
                    connections.append(c)
                for c in connections:
                    c.request("GET", "/search?q=dien+thoai")
                start = time.monotonic()
                server.proc.send_signal(sig)
                for c in connections:
                    response = c.getresponse()
                    self.assertEqual(200, response.status)
                    self.assertEqual(8, json.loads(response.read())["total"])
                self.assertEqual(0, server.stop())
                # Neither an idle connection nor a slow request holds it up.
                self.assertLess(time.monotonic() - start, 3)
                self.assertEqual("vnews-serve: stopped", server.lines[-1])
                self.assertEqual(b"", read_until_closed(idle))
                for s in [idle, slow] + [c.sock for c in connections if c.sock]:
                    s.close()

    def test_quiet_leaves_out_the_access_log(self):
        server = Server(self.db, args=("--quiet",))
        server.request("GET", "/health")
        self.assertEqual(0, server.stop())
        self.assertEqual([], server.access_log())

    def test_startup_errors_exit_2_naming_the_problem(self):
        rows = [
            (["--db", os.path.join(self.tmp, "missing")], "missing"),
            (["--db", self.db, "--listen", "127.0.0.1:99999"], "--listen must be HOST:PORT"),
            (["--db", self.db, "--workers", "0"], "--workers must be an integer from 1"),
            (["--db", self.db, "--time-limit", "soon"], "--time-limit must be a number"),
            (["--db", self.db, "stray"], "stray"),
            ([], "missing --db"),
        ]
        for args, message in rows:
            with self.subTest(args=args):
                done = subprocess.run([VNEWS_SERVE, *args], stderr=subprocess.PIPE, text=True,
                                      timeout=20)
                self.assertEqual(2, done.returncode)
                self.assertIn(message, done.stderr)
                self.assertTrue(done.stderr.startswith("vnews-serve: "), done.stderr)
        # An address in use.
        with socket.socket() as taken:
            taken.bind(("127.0.0.1", 0))
            taken.listen()
            port = taken.getsockname()[1]
            done = subprocess.run([VNEWS_SERVE, "--db", self.db, "--listen", str(port)],
                                  stderr=subprocess.PIPE, text=True, timeout=20)
        self.assertEqual(2, done.returncode)
        self.assertIn(f"cannot listen on 127.0.0.1:{port}", done.stderr)


@unittest.skipUnless(TCPSRV, "xapian-tcpsrv not found (package xapian-tools)")
class ShardDownTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="vnews-serve-test.")
        self.db = os.path.join(self.tmp, "sample.db")
        index(self.db, SAMPLE)
        self.port = free_port()
        self.tcpsrv = None

    def tearDown(self):
        self.stop_tcpsrv()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def start_tcpsrv(self, *args):
        self.tcpsrv = subprocess.Popen(
            [TCPSRV, "--interface", "127.0.0.1", "--port", str(self.port), *args, self.db],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("xapian-tcpsrv did not start")

    def stop_tcpsrv(self):
        if self.tcpsrv and self.tcpsrv.poll() is None:
            os.killpg(self.tcpsrv.pid, signal.SIGKILL)
            self.tcpsrv.wait()

    def test_a_shard_down_is_503_and_served_again_when_it_is_back(self):
        self.start_tcpsrv()
        remote = f"tcp://127.0.0.1:{self.port}"
        server = Server(remote, args=("--workers", "1", "--quiet"))
        self.addCleanup(server.stop)  # a failed assertion does not leave it running
        self.assertEqual(200, server.request("GET", "/search?q=xiaomi")[0])
        self.stop_tcpsrv()
        for target in ("/search?q=xiaomi", "/article/" + XIAOMI, "/health"):
            with self.subTest(target=target):
                status, headers, body = server.request("GET", target)
                self.assertEqual(503, status, body)
                self.assertIn("unavailable", json.loads(body)["error"])
        self.start_tcpsrv()
        status, _, answer = server.get_json("/search?q=xiaomi")
        self.assertEqual(200, status)
        self.assertEqual(2, answer["total"])
        self.assertEqual(0, server.stop())

    def test_a_connection_its_server_closed_while_idle_is_opened_again(self):
        self.start_tcpsrv("--idle-timeout", "1000")  # ms; xapian-tcpsrv's default is 60 s
        remote = f"tcp://127.0.0.1:{self.port}"
        server = Server(remote, args=("--workers", "1", "--quiet"))
        self.addCleanup(server.stop)  # a failed assertion does not leave it running
        self.assertEqual(200, server.request("GET", "/search?q=xiaomi")[0])
        time.sleep(2.5)
        status, _, answer = server.get_json("/search?q=xiaomi")
        self.assertEqual(200, status, answer)
        self.assertEqual(2, answer["total"])
        self.assertEqual(0, server.stop())

    def test_a_shard_down_at_startup_stops_it_unless_allow_partial(self):
        remote = f"tcp://127.0.0.1:{self.port}"  # nothing listens there
        done = subprocess.run([VNEWS_SERVE, "--db", self.db, "--db", remote],
                              stderr=subprocess.PIPE, text=True, timeout=30)
        self.assertEqual(2, done.returncode)
        self.assertIn(f"'tcp://127.0.0.1:{self.port}' is unreachable", done.stderr)
        server = Server(self.db, remote, args=("--allow-partial", "--quiet"))
        self.assertIn("vnews-serve: warning: ", server.lines[0])
        status, _, answer = server.get_json("/health")
        self.assertEqual(200, status)
        self.assertEqual(41, answer["documents"])
        self.assertEqual(1, len(answer["missing_shards"]))
        self.assertEqual(0, server.stop())


if __name__ == "__main__":
    program = unittest.main(argv=[sys.argv[0]] + sys.argv[6:], verbosity=2, exit=False)
    result = program.result
    if not result.wasSuccessful():
        sys.exit(1)
    if result.testsRun > 0 and len(result.skipped) == result.testsRun:
        print("SKIPPED: " + "; ".join(sorted({reason for _, reason in result.skipped})))
        sys.exit(77)
