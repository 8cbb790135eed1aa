#!/usr/bin/python3
"""docs/examples/search.py on corpus/sample indexed by vnews-index, as one
database and as a folder of 2 shards: it reads every stored article as the
corpus has it and prints the same answers from both.

Usage: python_example_test.py SOURCE_DIR VNEWS_INDEX
Exits 77, which CTest reports as skipped, without python3-xapian or
python3-zstandard.
"""
import sys

try:
    import xapian  # noqa: F401
    import zstandard  # noqa: F401
except ImportError as error:
    print(f"SKIPPED: {error}; the Python example needs Debian's python3-xapian and "
          "python3-zstandard (scripts/install-deps.sh installs them)")
    sys.exit(77)

import importlib.util
import pathlib
import subprocess
import tempfile
import unittest

SOURCE_DIR = pathlib.Path(sys.argv[1])
VNEWS_INDEX = sys.argv[2]
EXAMPLE = SOURCE_DIR / "docs" / "examples" / "search.py"
SAMPLE = SOURCE_DIR / "corpus" / "sample"

# The articles of corpus/sample holding both "điện" and "thoại", any accents.
DIEN_THOAI = {
    "education/thi-tot-nghiep-thpt-ty-le-do.txt",
    "health/vac-xin-covid-19-nhac-lai-nfd.txt",
    "law/quoc-hoi-thong-qua-luat-bao-ve-du-lieu-ca-nhan.txt",
    "technology/iphone-15-len-ke.txt",
    "technology/mang-5g-phu-song.txt",
    "technology/samsung-galaxy-dich-cuoc-goi.txt",
    "technology/tro-ly-ao-giong-noi-ba-mien.txt",
    "technology/xiaomi-chau-au.txt",
}


def load_example():
    spec = importlib.util.spec_from_file_location("search", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def corpus_article(article_id):
    """Title, lead and body of a sample .txt file, as vnews-index reads them."""
    text = (SAMPLE / article_id).read_text(encoding="utf-8")
    lines = [line.strip(" \t\r\f\v") for line in text.split("\n")]
    lines = [line for line in lines if line]
    return lines[0], lines[1], "\n".join(lines[2:])


def answers(output):
    """The count line and the matches of `output`, without their ranks: documents
    of equal score are ranked by document number, which sharding changes."""
    header, *matches = output.split("\n\n")
    return header, sorted(match.split(". ", 1)[1] for match in matches)


class PythonExampleTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="vnews-python-")
        cls.single = pathlib.Path(cls.tmp.name) / "single.db"
        cls.sharded = pathlib.Path(cls.tmp.name) / "sharded.db"
        for db, extra in ((cls.single, []), (cls.sharded, ["--shards", "2"])):
            subprocess.run([VNEWS_INDEX, "--quiet", "--db", str(db), *extra, str(SAMPLE)],
                           check=True)
        cls.example = load_example()

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def search(self, db, *words):
        return subprocess.run([sys.executable, str(EXAMPLE), "--limit", "20", str(db),
                               *words], capture_output=True, text=True)

    def test_every_stored_article_reads_as_the_corpus_has_it(self):
        for db in (self.single, self.sharded):
            database = xapian.Database(str(db))
            self.assertEqual(database.get_doccount(), 41)
            for posting in database.postlist(""):
                article = self.example.load_article(database.get_document(posting.docid))
                with self.subTest(db=db.name, id=article["id"]):
                    title, lead, body = corpus_article(article["id"])
                    self.assertEqual(article["title"], title)
                    self.assertEqual(article["lead"], lead)
                    self.assertEqual(article["body"], body)
                    self.assertEqual(article["category"], article["id"].split("/")[0])

    def test_folded_query_finds_the_articles_holding_every_word(self):
        result = self.search(self.single, "điện", "THOẠI")
        self.assertEqual(result.returncode, 0, result.stderr)
        lines = result.stdout.splitlines()
        self.assertEqual(lines[0], "Query((XFdien AND XFthoai)): 8 matches")
        ids = {line.rsplit("[", 1)[1].rstrip("]") for line in lines if line[:1].isdigit()}
        self.assertEqual(ids, DIEN_THOAI)
        self.assertIn("1. Xiaomi mở trung tâm nghiên cứu tại Thuỵ Điển, tăng tốc đưa điện "
                      "thoại sang châu Âu  [technology/xiaomi-chau-au.txt]", lines)
        self.assertIn("   Hãng điện thoại Trung Quốc Xiaomi vừa ký thoả thuận đặt trung tâm "
                      "thiết kế", lines)

    def test_a_sharded_folder_gives_the_same_answers(self):
        for words in (["dien thoai"], ["thị", "trường"], ["giá", "vàng"]):
            with self.subTest(words=words):
                single = self.search(self.single, *words)
                sharded = self.search(self.sharded, *words)
                self.assertEqual(single.returncode, 0, single.stderr)
                self.assertEqual(answers(sharded.stdout), answers(single.stdout))

    def test_no_match_exits_1(self):
        result = self.search(self.single, "zzzz")
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stdout, "Query(XFzzzz): 0 matches\n")


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
