#!/usr/bin/python3
"""Searches a vnews database with Xapian's Python bindings, without vnews.

Usage: search.py [--limit N] DB WORD...

DB is a vnews database folder: one database, or a sharded folder, which
Xapian opens as one database through its XAPIANDB stub. Each WORD is folded
as vnews folds a syllable (lower case, no diacritics, đ -> d) and looked up
as a folded term (prefix XF); a match holds every word. Prints the Xapian
query, the number of matches, then for each match in BM25 order its title,
id and text: the lead and the start of the body.

Needs Debian's python3-xapian and python3-zstandard: the lead and body are
zstd-compressed in value slot 3. docs/schema.md describes what is stored.
"""
import argparse
import sys
import textwrap
import unicodedata

import xapian
import zstandard

DATA_MARKER = b"\x01vn3"  # the document data format this program reads
TEXT_SLOT = 3  # value slot of the zstd frame holding the lead and body
FOLDED_PREFIX = "XF"  # folded syllables of every field
BODY_CHARS = 200  # how much of the body to print


def fold(word):
    """Returns `word` as vnews's folded term holds it (for a plain syllable)."""
    text = unicodedata.normalize("NFKC", word).casefold()
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return text.replace("đ", "d")


def read_fields(data, count):
    """Returns the first `count` fields of `data`, each stored as its length in
    bytes (base 128, low 7 bits first, the high bit set on all but the last
    byte) followed by that many bytes of UTF-8."""
    fields, pos = [], 0
    for _ in range(count):
        length, shift = 0, 0
        while True:
            byte = data[pos]
            pos += 1
            length |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                break
        fields.append(data[pos:pos + length].decode("utf-8"))
        pos += length
    return fields


def load_article(doc):
    """Returns the article stored in `doc` as a dict of its fields."""
    data = doc.get_data()
    if not data.startswith(DATA_MARKER):
        raise ValueError(f"document {doc.get_docid()} holds no {DATA_MARKER!r} data")
    keys = ("id", "title", "category", "url", "date", "source")
    article = dict(zip(keys, read_fields(data[len(DATA_MARKER):], len(keys))))
    text = zstandard.ZstdDecompressor().decompress(doc.get_value(TEXT_SLOT))
    article["lead"], article["body"] = read_fields(text, 2)
    return article


def main():
    parser = argparse.ArgumentParser(description="Search a vnews database.")
    parser.add_argument("--limit", type=int, default=10, help="show at most N matches")
    parser.add_argument("db", help="vnews database folder")
    parser.add_argument("words", nargs="+", help="words, with or without diacritics")
    args = parser.parse_args()

    db = xapian.Database(args.db)
    terms = [FOLDED_PREFIX + fold(word) for arg in args.words for word in arg.split()]
    query = xapian.Query(xapian.Query.OP_AND, terms)
    enquire = xapian.Enquire(db)
    enquire.set_query(query)
    matches = enquire.get_mset(0, args.limit)
    exact = matches.get_matches_lower_bound() == matches.get_matches_upper_bound()
    print(f"{query}: {'' if exact else 'about '}{matches.get_matches_estimated()} matches")
    for match in matches:
        article = load_article(match.document)
        body = article["body"]
        if len(body) > BODY_CHARS:
            body = body[:BODY_CHARS] + "…"
        print(f"\n{match.rank + 1}. {article['title']}  [{article['id']}]")
        for text in (article["lead"], body):
            print(textwrap.fill(text, width=78, initial_indent="   ",
                                subsequent_indent="   "))
    return 0 if matches.size() else 1


if __name__ == "__main__":
    sys.exit(main())
