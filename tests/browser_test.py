#!/usr/bin/python3
"""The search page of vnews-serve in a real browser: headless Chromium,
driven over its DevTools protocol (--remote-debugging-pipe: JSON messages on
file descriptors 3 and 4, no WebSocket and no npm), loads the page, types a
query and presses Enter; the page's script shows the results with their
highlights, follows a suggestion, pages and goes back. With JavaScript
disabled, the plain form shows the results the server renders. Screenshots
of both go to OUT_DIR.

Usage: browser_test.py VNEWS_INDEX VNEWS_SERVE SOURCE_DIR OUT_DIR
Exits 77, which CTest reports as skipped, when Chromium is not installed
(Debian's package chromium; set VNEWS_CHROMIUM to use another binary).
"""
import base64
import fcntl
import json
import os
import pathlib
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unittest

VNEWS_INDEX, VNEWS_SERVE = sys.argv[1:3]
SOURCE_DIR = pathlib.Path(sys.argv[3])
OUT_DIR = pathlib.Path(sys.argv[4])
CHROMIUM = os.environ.get("VNEWS_CHROMIUM") or shutil.which("chromium") or \
    shutil.which("chromium-browser")
# The flags that work in a container, without a display, offline.
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage", "--remote-debugging-pipe"]
TIMEOUT = 20


class Browser:
    """Chromium, and one page of it, driven by DevTools protocol messages."""

    def __init__(self, profile):
        commands_read, self._commands = os.pipe()
        self._events, events_write = os.pipe()

        def as_fds_3_and_4():  # where --remote-debugging-pipe reads and writes
            high = [fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (commands_read, events_write)]
            os.dup2(high[0], 3)  # inheritable; every other descriptor closes on exec
            os.dup2(high[1], 4)

        self.proc = subprocess.Popen(
            [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "about:blank"],
            preexec_fn=as_fds_3_and_4, close_fds=False, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, start_new_session=True)
        os.close(commands_read)
        os.close(events_write)
        self._next_id = 0
        self._answers = {}
        self._events_seen = []
        self._lock = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target,
                                 flatten=True)["sessionId"]
        self.page("Page.enable")
        self.page("Runtime.enable")
        self.page("Emulation.setDeviceMetricsOverride", width=1000, height=1000,
                  deviceScaleFactor=1, mobile=False)

    def _read(self):
        buffer = b""
        while True:
            chunk = os.read(self._events, 1 << 16)
            if not chunk:
                return
            buffer += chunk
            *messages, buffer = buffer.split(b"\0")
            with self._lock:
                for message in messages:
                    message = json.loads(message)
                    if "id" in message:
                        self._answers[message["id"]] = message
                    else:
                        self._events_seen.append(message["method"])
                self._lock.notify_all()

    def call(self, method, session=None, **params):
        """Sends a command and returns its result; raises on its error."""
        with self._lock:
            self._next_id += 1
            ident = self._next_id
        message = {"id": ident, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        with self._lock:
            if not self._lock.wait_for(lambda: ident in self._answers, TIMEOUT):
                raise TimeoutError(f"Chromium did not answer {method}")
            answer = self._answers.pop(ident)
        if "error" in answer:
            raise RuntimeError(f"{method}: {answer['error']}")
        return answer.get("result", {})

    def page(self, method, **params):
        return self.call(method, session=self.session, **params)

    def evaluate(self, expression):
        result = self.page("Runtime.evaluate", expression=expression, returnByValue=True,
                           awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression, what):
        """Waits until `expression` is truthy in the page; returns its value."""
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            try:
                value = self.evaluate(expression)
            except RuntimeError:  # the page is changing
                value = None
            if value:
                return value
            time.sleep(0.05)
        raise TimeoutError(f"the page never showed {what}")

    def load(self, url):
        with self._lock:
            self._events_seen.clear()
        self.page("Page.navigate", url=url)
        self.wait_for_load()

    def wait_for_load(self):
        with self._lock:
            if not self._lock.wait_for(lambda: "Page.loadEventFired" in self._events_seen,
                                       TIMEOUT):
                raise TimeoutError("the page did not load")
            self._events_seen.clear()

    def type_and_press_enter(self, selector, text):
        self.evaluate(f"document.querySelector({json.dumps(selector)}).focus()")
        self.page("Input.insertText", text=text)
        for kind in ("keyDown", "keyUp"):
            self.page("Input.dispatchKeyEvent", type=kind, key="Enter", code="Enter",
                      windowsVirtualKeyCode=13, nativeVirtualKeyCode=13,
                      **({"text": "\r"} if kind == "keyDown" else {}))

    def screenshot(self, path):
        data = self.page("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))

    def close(self):
        try:
            self.call("Browser.close")
        except (OSError, RuntimeError, TimeoutError):
            pass
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        os.close(self._commands)


class SearchPageTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="vnews-browser-test.")
        db = os.path.join(cls.tmp, "sample.db")
        subprocess.run([VNEWS_INDEX, "--quiet", "--db", db, SOURCE_DIR / "corpus" / "sample"],
                       check=True)
        cls.addClassCleanup(shutil.rmtree, cls.tmp, ignore_errors=True)
        cls.serve = subprocess.Popen([VNEWS_SERVE, "--db", db, "--listen", "0", "--quiet"],
                                     stderr=subprocess.PIPE, text=True)
        cls.addClassCleanup(cls.stop_serve)
        line = cls.serve.stderr.readline()
        port = re.search(r"http://127\.0\.0\.1:(\d+)/", line).group(1)
        cls.url = f"http://127.0.0.1:{port}/"
        cls.browser = Browser(os.path.join(cls.tmp, "profile"))
        cls.addClassCleanup(cls.browser.close)

    @classmethod
    def stop_serve(cls):
        cls.serve.send_signal(signal.SIGTERM)
        cls.serve.wait(20)

    def texts(self, selector):
        return self.browser.evaluate(
            f"Array.from(document.querySelectorAll({json.dumps(selector)}), "
            "e => e.textContent)")

    def test_typing_a_query_shows_highlighted_results_from_the_script(self):
        b = self.browser
        b.page("Emulation.setScriptExecutionDisabled", value=False)
        b.load(self.url)
        b.evaluate("window.stillTheSamePage = true")
        b.type_and_press_enter("#q", "dien thoai xiaomi")
        b.wait_for("document.querySelectorAll('#results .hit').length == 2", "two results")
        self.assertTrue(b.evaluate("window.stillTheSamePage"))  # no page load: the script
        self.assertEqual(["2 results"],
                         [t.split(" (")[0] for t in self.texts("#results .count")])
        self.assertEqual("?q=dien+thoai+xiaomi&sort=relevance&offset=0",
                         b.evaluate("location.search"))
        # Highlights fall on the matching words, in the title and the snippet.
        self.assertEqual(["Xiaomi", "Điển", "điện thoại"],
                         self.texts(".hit:first-child h2 mark"))
        snippet_marks = self.texts(".hit:first-child .snippet mark")
        self.assertIn("điện thoại", snippet_marks)
        self.assertIn("Xiaomi", snippet_marks)
        self.assertEqual(
            "technology/xiaomi-chau-au.txt",
            b.evaluate("document.querySelector('.hit .meta a').textContent"))
        b.screenshot(OUT_DIR / "browser_test_results.png")

        # A suggestion is a link the script follows; back returns.
        suggestion = b.evaluate("document.querySelector('.suggest a').textContent")
        self.assertEqual("điện thoại xiaomi", suggestion)
        b.evaluate("document.querySelector('.suggest a').click()")
        b.wait_for(f"document.getElementById('q').value == {json.dumps(suggestion)} && "
                   "location.search.startsWith('?q=%C4%91')", "the suggestion's results")
        # Typed with accents, "điện" no longer matches "Điển".
        b.wait_for("Array.from(document.querySelectorAll('.hit:first-child h2 mark'), "
                   "e => e.textContent).join('|') == 'Xiaomi|điện thoại'",
                   "the suggestion's highlights")
        b.evaluate("history.back()")
        b.wait_for("document.getElementById('q').value == 'dien thoai xiaomi' && "
                   "document.querySelectorAll('#results .hit').length == 2",
                   "the first results again")
        self.assertTrue(b.evaluate("window.stillTheSamePage"))

    def test_the_script_pages_through_results(self):
        b = self.browser
        b.page("Emulation.setScriptExecutionDisabled", value=False)
        b.load(self.url + "?q=dien+thoai&limit=3")  # rendered by the server
        self.assertEqual(3, b.evaluate("document.querySelectorAll('#results .hit').length"))
        b.evaluate("document.querySelector('a[rel=next]').click()")
        b.wait_for("document.querySelector('#results ol').start == 4 && "
                   "document.querySelectorAll('#results .hit').length == 3", "page 2")
        self.assertIn("offset=3", b.evaluate("location.search"))
        self.assertEqual(["results 4–6"], self.texts(".pages span"))

    def test_without_javascript_the_form_shows_the_servers_results(self):
        b = self.browser
        b.page("Emulation.setScriptExecutionDisabled", value=True)
        try:
            b.load(self.url)
            b.type_and_press_enter("#q", "thị trường")
            b.wait_for_load()  # the form's submission loads the answer page
            self.assertEqual("?q=th%E1%BB%8B+tr%C6%B0%E1%BB%9Dng&sort=relevance",
                             b.evaluate("location.search"))
            b.wait_for("document.querySelectorAll('#results .hit mark').length > 0",
                       "highlighted results")
            self.assertEqual(["13 results"],
                             [t.split(" (")[0] for t in self.texts("#results .count")])
            self.assertEqual(["Thị trường"], self.texts(".hit:first-child h2 mark"))
            b.screenshot(OUT_DIR / "browser_test_no_javascript.png")
        finally:
            b.page("Emulation.setScriptExecutionDisabled", value=False)


if __name__ == "__main__":
    if not CHROMIUM:
        print("SKIPPED: chromium not found (Debian package chromium; "
              "scripts/install-deps.sh chromium installs it)")
        sys.exit(77)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    unittest.main(argv=[sys.argv[0]], verbosity=2)
