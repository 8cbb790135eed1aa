#!/usr/bin/env python3
"""Checks vnews-search's answer sets against an oracle that does not use vnews.

The oracle scans a corpus of .txt articles itself (NFC, lower case, its own
diacritic folding) and knows, for a generated query, which articles must
match (the word stands alone between spaces and punctuation) and which may
(the word is a run of letters inside a longer token such as "TP.HCM", which
vnews's word breaker keeps whole). For every query:

  - `vnews-search --count` lies between the two;
  - every hit of `--json` may match and keeps every filter (date range,
    category, title);
  - `--sort date` lists only articles that may match, newest first;
  - the JSON total equals the count when it says it is exact.

  answer_set_oracle.py --bin BUILD --corpus DIR [--queries N] [--seed S]
                       [--mode dantri|sample|tiers]

`dantri` mode: 1-3 words, accented as in the corpus or without diacritics,
with random --since/--until ranges. `sample` mode: category groups, title
groups, exclusions and plain words over corpus/sample, whose first folder
level is the category. `tiers` mode, over a corpus of tens of thousands of
articles (../shared/corpus/baomoi): 2-4 words side by side in a title, each
held by over 3,500 articles, accented as in the corpus or without
diacritics, which vnews ranks in tiers (its rarest parts' articles first);
their pages must also follow one another. Exits 77 (skipped) when the corpus
is absent, 1 with the disagreements listed, 0 with the agreement figures
printed.
"""

import argparse
import collections
import functools
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import unicodedata

LETTERS = re.compile(r"[^\W\d_]+")


@functools.lru_cache(maxsize=None)
def fold(word):
    """The word without diacritics, đ as d: the oracle's own folding."""
    decomposed = unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn"))


STRIPPED = ".,;:!?()[]{}\"'“”‘’…-–—/"


def clean_tokens(text):
    """Words standing alone: split on spaces, punctuation stripped, letters only."""
    out = set()
    for piece in text.split():
        piece = piece.strip(STRIPPED)
        if piece and LETTERS.fullmatch(piece):
            out.add(piece)
    return out


class Article:
    def __init__(self, path, root):
        self.id = os.path.relpath(path, root)
        self.category = self.id.split(os.sep)[0] if os.sep in self.id else ""
        self.date = ""
        lines = []
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                line = line.rstrip("\n")
                m = re.match(r"# *(\w+) *= *(.*)$", line)
                if not lines and m:
                    if m.group(1) == "date":
                        self.date = m.group(2).strip()[:8]
                    continue
                lines.append(line)
        text = unicodedata.normalize("NFC", "\n".join(lines)).lower()
        title = text.split("\n", 1)[0]
        self.title_words = [w.strip(STRIPPED) for w in title.split()]
        self.may = {"all": set(LETTERS.findall(text)), "title": set(LETTERS.findall(title))}
        self.must = {"all": clean_tokens(text), "title": clean_tokens(title)}
        for kind in ("may", "must"):
            sets = getattr(self, kind)
            for field in ("all", "title"):
                sets[field + "_folded"] = {fold(w) for w in sets[field]}


class Answered:
    """An article's id, date and category, and whether it must and may
    match each query: what the checks need once its words are gone."""

    def __init__(self, article, queries):
        self.id, self.date, self.category = article.id, article.date, article.category
        self.must = [evaluate(article, "must", q) for q in queries]
        self.may = [evaluate(article, "may", q) for q in queries]


def holds(article, kind, word, field="all"):
    """True when `article` holds `word` (folded when typed so) in `field`."""
    sets = getattr(article, kind)
    if fold(word) == word:
        return word in sets[field + "_folded"]
    return word in sets[field]


def evaluate(article, kind, query):
    """True when `article` matches the query for the oracle (`kind`: must/may)."""
    if query.get("since") and not (article.date and article.date >= query["since"]):
        return False
    if query.get("until") and not (article.date and article.date <= query["until"]):
        return False
    if "categories" in query and article.category not in query["categories"]:
        return False
    if "not_category" in query and article.category == query["not_category"]:
        return False
    if "title_any" in query and not any(holds(article, kind, w, "title")
                                        for w in query["title_any"]):
        return False
    if "excluded" in query:  # excluded: the opposite bound
        other = "may" if kind == "must" else "must"
        if holds(article, other, query["excluded"]):
            return False
    return all(holds(article, kind, w) for w in query["words"])


def abbreviation_forms(column):
    """The forms in `column` (0: abbreviations, 1: long forms) of
    common/data/abbreviations.tsv (our data, not vnews code), each as a
    tuple of folded words: a query holding one also matches the entry's
    other forms, which this oracle does not know."""
    path = os.path.join(os.path.dirname(os.path.realpath(__file__)), "..", "common", "data",
                        "abbreviations.tsv")
    forms = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or "\t" not in line:
                continue
            for form in line.split("\t")[column].split("|"):
                forms.add(tuple(fold(w) for w in LETTERS.findall(form.lower())))
    return forms


ABBREVIATIONS = {w for form in abbreviation_forms(0) for w in form}
LONG_FORMS = {form for form in abbreviation_forms(1) if form}


# Two groups of vowels: no Vietnamese syllable has them ("vietnam", "wifi").
SEVERAL_VOWEL_GROUPS = re.compile(r"[aeiouy]+[^aeiouy]+[aeiouy]")


def usable(word):
    """Words whose forms the oracle can tell without vnews's rules: letters,
    no tone placement that differs between the old and new orthography
    (oa, oe, uy), no final i/y (spelled either way in some words), not an
    abbreviation (vnews also finds its long forms) and no word of two vowel
    groups, which is no syllable (vnews also finds it written split:
    "vietnam", "việt nam")."""
    f = fold(word)
    return (len(f) >= 2 and f.isascii() and f.isalpha() and
            not any(p in f for p in ("oa", "oe", "uy")) and f[-1] not in "iy" and
            f not in ABBREVIATIONS and not SEVERAL_VOWEL_GROUPS.search(f))


def random_date(rng):
    return f"{rng.choice([2019, 2020, 2021])}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"


def iso(date):
    return f"{date[:4]}-{date[4:6]}-{date[6:]}"


# Pages (offset, limit) whose articles must be those of one page of them all:
# the first tier of a query ends somewhere in its first 3,000 articles.
PAGES = [(0, 10), (10, 490), (500, 500), (1000, 500)]

# vnews ranks in tiers a query whose words are each in over 3,000 articles
# (kFirstTierDocuments, searcher/query/word_queries.cc); with a margin, since
# the oracle's words are not exactly vnews's terms.
TIER_WORD_ARTICLES = 3500


def make_tier_queries(paths, root, n, rng):
    """Runs of 2-4 words side by side in titles, each common: typed without
    diacritics, each in over TIER_WORD_ARTICLES articles in any accent form,
    or as in the title, each so in that many. Reads the articles at `paths`
    one at a time."""
    exact_df, folded_df, titles = collections.Counter(), collections.Counter(), []
    for path in paths:
        a = Article(path, root)
        exact_df.update(a.must["all"])
        folded_df.update(a.must["all_folded"])
        titles.append(a.title_words)
    queries, tries = [], 0
    while len(queries) < n and tries < 1000 * n:
        tries += 1
        words = rng.choice(titles)
        size = rng.choice([2, 3, 4])
        if len(words) < size:
            continue
        start = rng.randrange(len(words) - size + 1)
        run = words[start:start + size]
        folded = rng.random() < 0.5
        df = folded_df if folded else exact_df
        if not all(usable(w) and LETTERS.fullmatch(w) and df[fold(w) if folded else w] >
                   TIER_WORD_ARTICLES for w in run):
            continue
        # Words side by side also match their joined form ("viet nam":
        # vietnam) and a long form its abbreviation ("giao vien": GV), which
        # the oracle does not know: leave such runs out.
        runs = [tuple(fold(w) for w in run[i:j])
                for i in range(len(run)) for j in range(i + 2, len(run) + 1)]
        if any(r in LONG_FORMS or folded_df["".join(r)] for r in runs):
            continue
        queries.append({"words": [fold(w) for w in run] if folded else run})
    return queries


def make_queries(articles, mode, n, rng):
    vocab = sorted({w for a in articles for w in a.must["all"] if usable(w)})
    common = [w for w in vocab if sum(1 for a in articles[:400] if w in a.must["all"]) >= 2]
    categories = sorted({a.category for a in articles if a.category})
    queries = []
    for _ in range(n):
        q = {"words": []}
        for _ in range(rng.choice([1, 2, 2, 3])):
            w = rng.choice(common or vocab)
            q["words"].append(fold(w) if rng.random() < 0.5 else w)
        if mode == "dantri":
            if rng.random() < 0.6:
                a, b = sorted([random_date(rng), random_date(rng)])
                if rng.random() < 0.8:
                    q["since"] = a
                if rng.random() < 0.8:
                    q["until"] = b
        else:
            roll = rng.random()
            if roll < 0.3 and len(categories) >= 2:
                q["categories"] = rng.sample(categories, 2)
            elif roll < 0.5:
                q["title_any"] = [fold(rng.choice(vocab)), rng.choice(vocab)]
            elif roll < 0.65:
                q["not_category"] = rng.choice(categories)
            elif roll < 0.8:
                q["excluded"] = rng.choice(common or vocab)
        queries.append(q)
    return queries


def query_text(q):
    parts = []
    if "categories" in q:
        parts.append("category:(" + " OR ".join(q["categories"]) + ")")
    if "title_any" in q:
        parts.append("title:(" + " OR ".join(q["title_any"]) + ")")
    if "not_category" in q:
        parts.append("-category:" + q["not_category"])
    parts.append(" ".join(q["words"]))
    if "excluded" in q:
        parts.append("-" + q["excluded"])
    return " ".join(parts)


def batch_line(q, **extra):
    line = {"q": query_text(q)}
    if q.get("since"):
        line["since"] = iso(q["since"])
    if q.get("until"):
        line["until"] = iso(q["until"])
    line.update(extra)
    return json.dumps(line, ensure_ascii=False)


def run_batch(search, db, lines, *flags):
    proc = subprocess.run([search, "--db", db, "--batch", "--json", *flags],
                          input="\n".join(lines) + "\n", capture_output=True, text=True)
    if proc.returncode == 2:
        sys.exit(f"vnews-search --batch failed: {proc.stderr.strip()}")
    answers = [json.loads(line) for line in proc.stdout.splitlines()]
    if len(answers) != len(lines):
        sys.exit(f"{len(lines)} queries, {len(answers)} answers")
    return answers


def key(doc_id):
    return doc_id[:-4] if doc_id.endswith(".txt") else doc_id


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", required=True, help="build folder with indexer/ and searcher/")
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--mode", choices=["dantri", "sample", "tiers"], default="dantri")
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--seed", type=int, default=17)
    args = ap.parse_args()
    if not os.path.isdir(args.corpus):
        print(f"SKIPPED: corpus {args.corpus} is absent")
        return 77
    index = os.path.join(args.bin, "indexer", "vnews-index")
    search = os.path.join(args.bin, "searcher", "vnews-search")
    paths = sorted(os.path.join(d, f) for d, _, fs in os.walk(args.corpus)
                   for f in fs if f.endswith(".txt"))
    rng = random.Random(args.seed)
    if args.mode == "tiers":
        # Tens of thousands of articles: read twice, to choose the queries,
        # then to answer them, keeping no article's words.
        queries = make_tier_queries(paths, args.corpus, args.queries, rng)
        if len(queries) < args.queries:  # too small a corpus: nothing would be checked
            print(f"FAILED: {len(queries)} of {args.queries} queries of words in over "
                  f"{TIER_WORD_ARTICLES} articles each found in {args.corpus}")
            return 1
        articles = [Answered(Article(p, args.corpus), queries) for p in paths]
    else:
        read = [Article(p, args.corpus) for p in paths]
        queries = make_queries(read, args.mode, args.queries, rng)
        articles = [Answered(a, queries) for a in read]
    by_key = {key(a.id): a for a in articles}
    by_key.update({key(os.path.basename(a.id)): a for a in articles})
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "db")
        subprocess.run([index, "-q", "--db", db, args.corpus], check=True)
        counts = run_batch(search, db, [batch_line(q, count=True) for q in queries])
        found = run_batch(search, db, [batch_line(q, limit=1000) for q in queries],
                          "--fields", "id,date,category,title")
        dated = run_batch(search, db, [batch_line(q, limit=50, sort="date") for q in queries],
                          "--fields", "id,date")
        pages = []
        if args.mode == "tiers":  # pages of the first 1,500 articles, then all at once
            for offset, limit in PAGES + [(0, sum(size for _, size in PAGES))]:
                pages.append(run_batch(search, db, [batch_line(q, limit=limit, offset=offset)
                                                    for q in queries],
                                       "--no-collapse", "--fields", "id"))
    problems, exact_agree, nonempty = [], 0, 0
    for i, q in enumerate(queries if pages else []):
        ids = [[h["id"] for h in page[i]["hits"]] for page in pages]
        paged = [hit for page in ids[:-1] for hit in page]
        if paged != ids[-1]:
            at = next(n for n, (a, b) in enumerate(zip(paged + [None], ids[-1] + [None]))
                      if a != b)
            problems.append(f"{query_text(q)!r}: its pages and its single page differ from "
                            f"result {at + 1}")
        if len(set(ids[-1])) != len(ids[-1]):
            problems.append(f"{query_text(q)!r}: an article twice in one page")
    for i, (q, c, f, d) in enumerate(zip(queries, counts, found, dated)):
        text = query_text(q)
        must = sum(a.must[i] for a in articles)
        may = {key(a.id) for a in articles if a.may[i]}
        if "error" in c or "error" in f or "error" in d:
            problems.append(f"{text!r}: error {c.get('error') or f.get('error') or d.get('error')}")
            continue
        count = c["count"]
        nonempty += count > 0
        exact_agree += count == must
        if not must <= count <= len(may):
            problems.append(f"{text!r} {q.get('since', '')}..{q.get('until', '')}: "
                            f"count {count}, oracle {must}..{len(may)}")
        if f["total_exact"] and "relaxed" not in f and f["total"] != count:
            problems.append(f"{text!r}: exact total {f['total']} but count {count}")
        for hit in f["hits"] + d["hits"]:
            article = by_key.get(key(hit["id"]))
            if article is None:
                problems.append(f"{text!r}: unknown id {hit['id']}")
                continue
            if q.get("since") and not (article.date and article.date >= q["since"]):
                problems.append(f"{text!r}: {hit['id']} dated {article.date} before --since")
            if q.get("until") and not (article.date and article.date <= q["until"]):
                problems.append(f"{text!r}: {hit['id']} dated {article.date} after --until")
            if "relaxed" not in f and key(article.id) not in may:
                problems.append(f"{text!r}: {hit['id']} does not match")
        dates = [h.get("date", "") for h in d["hits"]]
        if "relaxed" not in d and dates != sorted(dates, reverse=True):
            problems.append(f"{text!r}: --sort date is not newest first: {dates[:5]}")
    print(f"{len(queries)} queries over {len(articles)} articles ({args.mode}): "
          f"{exact_agree} counts equal to the oracle's, "
          f"{len(queries) - len([p for p in problems if 'count' in p])} within its bounds, "
          f"{nonempty} non-empty; {len(problems)} problems")
    for p in problems[:40]:
        print("  " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
