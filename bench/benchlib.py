"""Shared helpers for the bench/ scripts (Python 3 standard library only)."""

import io
import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import unicodedata

BENCH_DIR = os.path.dirname(os.path.realpath(__file__))
REPO = os.path.dirname(BENCH_DIR)
SHARED = os.path.normpath(os.path.join(REPO, "..", "shared"))
CORPUS = os.path.join(SHARED, "corpus", "baomoi")
QUERIES = os.path.join(SHARED, "eval", "dev-queries.tsv")

FTS5_SCHEMA = ('CREATE VIRTUAL TABLE t USING fts5(title, lead, body, '
               'tokenize="unicode61 remove_diacritics 2")')
# Column weights for bm25(): title, lead, body. Article ids live in docs, same rowid.
FTS5_RANK = "bm25(t, 10.0, 3.0, 1.0)"
# The FTS5 peer's answer to a search: the first 10 rows with a snippet, best first.
FTS5_QUERY = ("SELECT rowid, title, snippet(t, -1, '[', ']', '…', 24) FROM t "
              f"WHERE t MATCH ? ORDER BY {FTS5_RANK} LIMIT 10")
MIB = 1024 * 1024
GNU_TIME = "/usr/bin/time"  # its %M is the child's own peak RSS


def die(message):
    print(f"{os.path.basename(sys.argv[0])}: error: {message}", file=sys.stderr)
    sys.exit(2)


def need_path(path, what):
    if not os.path.exists(path):
        die(f"{what} not found at {path} (expected <repo>/../shared/...)")
    return path


def bin_folder(bin_dir=None):
    return bin_dir or os.environ.get("VNEWS_BIN") or os.path.join(REPO, "build")


def find_program(bin_dir, sub, name):
    """<bin>/<sub>/<name> or <bin>/<name> if executable, else None."""
    for cand in (os.path.join(bin_dir, sub, name), os.path.join(bin_dir, name)):
        if os.access(cand, os.X_OK):
            return cand
    return None


def find_binaries(bin_dir=None):
    """Returns (vnews-index, vnews-search) from --bin, $VNEWS_BIN or <repo>/build."""
    bin_dir = bin_folder(bin_dir)
    found = []
    for sub, name in (("indexer", "vnews-index"), ("searcher", "vnews-search")):
        path = find_program(bin_dir, sub, name)
        if path is None:
            die(f"{name} not found under {bin_dir} (build it, or pass --bin DIR / set VNEWS_BIN)")
        found.append(path)
    return tuple(found)


def list_articles(root):
    """Sorted relative paths of the *.txt files under root (hidden entries skipped)."""
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for f in filenames:
            if f.endswith(".txt") and not f.startswith("."):
                out.append(os.path.relpath(os.path.join(dirpath, f), root))
    out.sort()
    return out


def read_article(path):
    """(title, lead, body) split like vnews: non-blank trimmed lines after any
    leading '# key = value' header lines, 1, 2, rest."""
    with open(path, "rb") as f:
        data = f.read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    text = unicodedata.normalize("NFC", data.decode("utf-8", errors="replace"))
    lines = [ln.strip() for ln in text.split("\n")]
    lines = [ln for ln in lines if ln]
    while lines and lines[0].startswith("# ") and "=" in lines[0]:
        del lines[0]
    title = lines[0] if lines else ""
    lead = lines[1] if len(lines) > 1 else ""
    return title, lead, "\n".join(lines[2:])


def build_fts5(db_path, root, files=None):
    """Indexes the articles under root into a new FTS5 table; returns the count.
    Article ids (docs.id) are the paths relative to root, as vnews-index's."""
    if os.path.exists(db_path):
        os.remove(db_path)
    files = files if files is not None else list_articles(root)
    con = sqlite3.connect(db_path)
    con.execute(FTS5_SCHEMA)
    con.execute("CREATE TABLE docs(id TEXT)")
    with con:  # one transaction
        for rowid, rel in enumerate(files, 1):
            con.execute("INSERT INTO docs(rowid, id) VALUES (?, ?)", (rowid, rel))
            con.execute("INSERT INTO t(rowid, title, lead, body) VALUES (?, ?, ?, ?)",
                        (rowid, *read_article(os.path.join(root, rel))))
    con.close()
    return len(files)


def fts5_tokens(query):
    """The words of a query as unicode61 sees them (letters, digits, marks, Co)."""
    tokens, cur = [], []
    for ch in unicodedata.normalize("NFC", query):
        if unicodedata.category(ch)[0] in "LNM" or unicodedata.category(ch) == "Co":
            cur.append(ch)
        elif cur:
            tokens.append("".join(cur))
            cur = []
    if cur:
        tokens.append("".join(cur))
    return tokens


def quote(words):
    """`words` joined by spaces inside double quotes: one string in FTS5's
    MATCH syntax, and one phrase in vnews's query language. A '"' inside a
    word is the caller's to double (FTS5) or leave out (vnews)."""
    return '"' + " ".join(words) + '"'


def fts5_match(query, op):
    """FTS5 MATCH text for op "AND", "OR" or "PHRASE": every token quoted as a
    string, joined by ' ' (implicit AND) or ' OR ', or all in one quoted
    phrase. None when the query has no token."""
    toks = [t.replace('"', '""') for t in fts5_tokens(query)]
    if not toks:
        return None
    if op == "PHRASE":
        return quote(toks)
    return (" OR " if op == "OR" else " ").join(quote([t]) for t in toks)


def fts5_build_command(db_path, root):
    """A command that runs build_fts5(db_path, root) in a python process of its
    own (so that its time and memory can be measured apart) and prints the count."""
    worker = ("import sys; sys.path.insert(0, sys.argv[1]); import benchlib; "
              "print(benchlib.build_fts5(sys.argv[2], sys.argv[3]))")
    return [sys.executable, "-c", worker, BENCH_DIR, db_path, root]


def time_fts5(db_path, queries, op, sql=FTS5_QUERY, passes=1):
    """Milliseconds per query of `sql` on the FTS5 table, in this process, over
    `passes` passes after one warm-up pass; a query without a token counts 0 ms."""
    con = sqlite3.connect(db_path)
    times = []
    try:
        for p in range(passes + 1):
            for q in queries:
                match = fts5_match(q, op)
                start = time.perf_counter()
                if match:
                    con.execute(sql, (match,)).fetchall()
                if p > 0:
                    times.append((time.perf_counter() - start) * 1000)
    finally:
        con.close()
    return times


def load_queries(path):
    """The rows of a dev-queries.tsv file (qid, type, query, comma-separated
    target ids) as dicts; blank and '#' lines skipped. Dies on a malformed row."""
    queries = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\r\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 4:
                die(f"{path}:{lineno}: expected 4 tab-separated fields, got {len(parts)}")
            qid, qtype, text, targets = parts
            targets = [t.strip() for t in targets.split(",") if t.strip()]
            queries.append({"qid": qid, "type": qtype, "query": text, "targets": targets})
    if not queries:
        die(f"{path}: no queries")
    return queries


def query_texts(path):
    """The query column of a dev-queries.tsv file, in order."""
    return [q["query"].strip() for q in load_queries(path)]


# Punctuation at either end of a word as typed ("'sấm'", "nhân:").
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")


def keyword_queries(queries, n):
    """The first n words of each query that has n or more, as plain keywords:
    words split at spaces, punctuation and query operators trimmed from their
    ends ("TP.HCM" stays whole), words with no letter or digit left out."""
    out = []
    for q in queries:
        words = [w for w in (_EDGE_PUNCT.sub("", w) for w in q.split()) if w]
        if len(words) >= n:
            out.append(" ".join(words[:n]))
    return out


def phrase_queries(queries):
    """Quoted phrases cut from each query: its first 2 words, its first 3, and
    all of them when it has 4 or more. Words are split at spaces once '"',
    '(' and ')' are blanked out; words with no letter or digit are left out.
    The same text goes to vnews-search and, through fts5_match(q, "PHRASE"),
    to FTS5."""
    out = []
    for q in queries:
        words = [w for w in re.sub(r'["()]', " ", q).split() if re.search(r"\w", w)]
        for n in (2, 3):
            if len(words) >= n:
                out.append(quote(words[:n]))
        if len(words) >= 4:
            out.append(quote(words))
    return out


def percentile(values, p):
    """The p-th percentile, interpolated between the two nearest ranks (NaN if empty)."""
    s = sorted(values)
    if not s:
        return float("nan")
    k = (len(s) - 1) * p / 100
    lo = int(k)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


class Coprocess:
    """One `vnews-search --batch --json` process over `dbs` (each a --db):
    one query line in, one JSON line out, timed from outside."""

    def __init__(self, search_bin, dbs, limit=10, extra=()):
        args = [search_bin, "--batch", "--json", "--limit", str(limit), *extra]
        for db in dbs:
            args += ["--db", db]
        self.proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, bufsize=0)
        # Buffered: readline() on the raw pipe would read the answer one byte per
        # system call, which costs more than the search itself for a 4 KB answer.
        self.out = io.BufferedReader(self.proc.stdout)

    def ask(self, query):
        """Returns (round trip in ms, the answer as a dict)."""
        line = (query.replace("\r", " ").replace("\n", " ") + "\n").encode("utf-8")
        start = time.perf_counter()
        self.proc.stdin.write(line)
        answer = self.out.readline()
        ms = (time.perf_counter() - start) * 1000
        if not answer:
            die(f"vnews-search stopped answering at {query!r}")
        return ms, json.loads(answer)

    def close(self):
        self.proc.stdin.close()
        self.proc.wait()


def run_measured(cmd, ok_status=(0,), cwd=None):
    """Runs cmd; returns dict(wall, cpu, rss_kib, out, err, status). Dies on
    another exit status than ok_status.

    Peak RSS comes from GNU time when installed: wait4()'s ru_maxrss of a
    child forked from this python process starts at this process's own RSS.
    """
    use_time = os.access(GNU_TIME, os.X_OK)
    with tempfile.TemporaryFile() as fout, tempfile.TemporaryFile() as ferr, \
            tempfile.NamedTemporaryFile("r", suffix=".time") as ftime:
        full = [GNU_TIME, "-o", ftime.name, "-f", "%M", *cmd] if use_time else cmd
        t0 = time.monotonic()
        proc = subprocess.Popen(full, stdout=fout, stderr=ferr, cwd=cwd)
        _, status, ru = os.wait4(proc.pid, 0)
        wall = time.monotonic() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        fout.seek(0)
        ferr.seek(0)
        out = fout.read().decode("utf-8", "replace")
        err = ferr.read().decode("utf-8", "replace")
        rss = ru.ru_maxrss
        if use_time:
            lines = ftime.read().split()
            # GNU time writes "Command exited with non-zero status N" first.
            rss = int(lines[-1]) if lines and lines[-1].isdigit() else rss
    if proc.returncode not in ok_status:
        sys.stderr.write(err[-3000:])
        die(f"{os.path.basename(cmd[0])} exited with status {proc.returncode}: "
            f"{' '.join(cmd)}")
    return {"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "rss_kib": rss,
            "out": out, "err": err, "status": proc.returncode}


def summary_line(text, program="vnews-index"):
    """The last non-blank line of a program's output, without its "program: " prefix."""
    lines = [ln for ln in text.strip().splitlines() if ln.strip()]
    line = lines[-1] if lines else ""
    return line[len(program) + 2:] if line.startswith(program + ": ") else line


def rss_source():
    """Where run_measured()'s peak RSS comes from, for a report's notes."""
    return ("peak RSS from GNU time %M" if os.access(GNU_TIME, os.X_OK) else
            "peak RSS from wait4() (no /usr/bin/time: includes this script's own RSS)")


def markdown_table(headers, rows):
    """The rows (lists of strings) as a Markdown table: the first column
    aligned left, the others right."""
    widths = [max(len(h), *(len(r[c]) for r in rows)) for c, h in enumerate(headers)]

    def fmt(cells):
        return "| " + " | ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i])
                                 for i, cell in enumerate(cells)) + " |"

    rule = "|" + "|".join(("-" * (w + 1) + ":") if i else "-" * (w + 2)
                          for i, w in enumerate(widths)) + "|"
    return "\n".join([fmt(headers), rule] + [fmt(r) for r in rows])


def dir_size(path):
    if os.path.isfile(path):
        return os.path.getsize(path)
    total = 0
    for dirpath, _, filenames in os.walk(path):
        for f in filenames:
            try:
                total += os.path.getsize(os.path.join(dirpath, f))
            except OSError:
                pass
    return total


def rmtree(path):
    shutil.rmtree(path, ignore_errors=True)


def strip_diacritics(text):
    """`text` without Vietnamese diacritics: tone and vowel marks dropped, đ -> d."""
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", bare.replace("đ", "d").replace("Đ", "D"))


# A run of words with nothing but single spaces between them.
_WORD_RUN = re.compile(r"\w+(?: \w+)*")


def body_span_queries(corpus, count, seed=7):
    """Known-item queries from article bodies, as dicts like dev-queries.tsv rows.

    The dev queries come from titles and leads only. For each of `count`
    articles of `corpus` picked with `seed`, these take a run of 5 to 9 words
    standing side by side in one sentence of the body (type body_span), and the
    same words without diacritics (type body_span_nodiac).
    """
    rng = random.Random(seed)
    names = list_articles(corpus)
    queries = []
    for name in rng.sample(names, len(names)):
        if len(queries) >= 2 * count:
            break
        _, _, body = read_article(os.path.join(corpus, name))
        runs = [r for r in _WORD_RUN.findall(body) if len(r.split()) >= 5]
        if not runs:
            continue
        words = rng.choice(runs).split()
        n = rng.randint(5, min(9, len(words)))
        start = rng.randint(0, len(words) - n)
        span = " ".join(words[start:start + n])
        target = [os.path.splitext(os.path.basename(name))[0]]
        k = len(queries) // 2 + 1
        queries.append({"qid": f"b-span-{k:03d}", "type": "body_span", "query": span,
                        "targets": target})
        queries.append({"qid": f"b-nodiac-{k:03d}", "type": "body_span_nodiac",
                        "query": strip_diacritics(span), "targets": target})
    return queries
