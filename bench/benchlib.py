"""Shared helpers for the bench/ scripts (Python 3 standard library only)."""

import os
import random
import re
import shutil
import sqlite3
import sys
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
    """(title, lead, body) split like vnews: non-blank trimmed lines, 1, 2, rest."""
    with open(path, "rb") as f:
        data = f.read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    text = unicodedata.normalize("NFC", data.decode("utf-8", errors="replace"))
    lines = [ln.strip() for ln in text.split("\n")]
    lines = [ln for ln in lines if ln]
    title = lines[0] if lines else ""
    lead = lines[1] if len(lines) > 1 else ""
    return title, lead, "\n".join(lines[2:])


def build_fts5(db_path, root, files=None):
    """Indexes the articles under root into a new FTS5 table; returns the count."""
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


def fts5_match(query, op):
    """FTS5 MATCH text: every token quoted as a string, joined by ' OR ' or ' '."""
    toks = fts5_tokens(query)
    if not toks:
        return None
    return (" OR " if op == "OR" else " ").join('"' + t.replace('"', '""') + '"' for t in toks)


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
