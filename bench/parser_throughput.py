"""Citation parser throughput: MB/s of Markdown through vanban.citations.find_citations.

Generates a large corpus (default 20 MB of UTF-8) from the seed plan's own
vocabulary: its paragraphs, with the numbers, dates and issuers of its
citations varied, some citations rewritten in the variant forms of
CITATIONS.md §3 (no "số", spaced dashes, lost Đ, old tone placement, lists),
and a share of NFD documents. The corpus is cut into documents of about the
seed's size, as the build parses them one by one. Prints figures; asserts nothing.

It then parses the 1,000 documents of bench/make_corpus.py (the corpus that
build_bench.py builds) the way a build does, body and front-matter relations,
so the parser's time can be set beside the build's time for the same documents.

    python bench/parser_throughput.py            # 20 MB
    python bench/parser_throughput.py --mb 5     # a quicker run
    python bench/parser_throughput.py --docs 0   # skip the bench/make_corpus.py measurement
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
from vanban.citations.parser import find_citations, parse  # noqa: E402
from vanban.citations.prepared import prepare  # noqa: E402

SEED = ROOT / "plans" / "2023" / "114-kh-duk.md"
ISSUERS = ["TU", "TW", "ĐUK", "HU", "ĐU", "BTGTU", "UBKTTU"]
BODIES = ["Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Tỉnh uỷ", "Bộ Chính trị", "Ban Bí thư",
          "Ban Thường vụ Đảng ủy Khối", "Bộ Chính trị, Ban Bí thư", "Ủy ban nhân dân tỉnh"]
STATE = ["Quyết định số {n}/QĐ-UBND ngày {d} của Ủy ban nhân dân tỉnh",
         "Nghị định số {n}/{y}/NĐ-CP ngày {d} của Chính phủ", "Công văn số {n}/UBND-KT ngày {d}",
         "Luật số {n}/{y}/QH14", "Thông tư {n}/{y}/TT-BNV"]
VARIANTS = ["{t} {n} - {c}/{i}", "{t} {n}-{c}/{i}", "{t} số {n}, {n2}-{c}/{i}", "({n}-{c}/{i})",
            "{t} số {n}–{c}/{i}", "{t} số {n}-{c}/{i}".replace("Đ", "D")]
_CITE = re.compile(r"(?P<t>[A-ZĐ][\wÀ-ỹ]*(?: [\wÀ-ỹ]+)?) số (?P<n>\d+)-(?P<c>[A-Za-zĐ]+)/(?P<i>[A-ZĐ]+)")
_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{4}")


def seed_paragraphs() -> list[str]:
    body = SEED.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    return [p for p in body.split("\n\n") if p.strip()]


def vary(paragraph: str, rng: random.Random) -> str:
    def citation(m: re.Match) -> str:
        n, n2 = rng.randint(1, 999), rng.randint(1, 999)
        if rng.random() < 0.3:
            return rng.choice(VARIANTS).format(t=m["t"], n=n, n2=n2, c=m["c"], i=rng.choice(ISSUERS))
        return f"{m['t']} số {n:02d}-{m['c']}/{rng.choice(ISSUERS)}"

    def date(_m: re.Match) -> str:
        return f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/{rng.randint(2000, 2026)}"

    text = _DATE.sub(date, _CITE.sub(citation, paragraph))
    text = text.replace("Ban Thường vụ Tỉnh ủy", rng.choice(BODIES))
    if rng.random() < 0.2:
        text += " Căn cứ " + rng.choice(STATE).format(n=rng.randint(1, 9999), y=rng.randint(2000, 2026),
                                                     d=date(None)) + "."
    return text


def corpus(megabytes: float, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    paragraphs = seed_paragraphs()
    target = int(megabytes * 1_000_000)
    docs, size = [], 0
    while size < target:
        doc = "\n\n".join(vary(rng.choice(paragraphs), rng) for _ in range(12))
        if rng.random() < 0.05:  # some editors save decomposed text
            doc = unicodedata.normalize("NFD", doc)
        docs.append(doc)
        size += len(doc.encode("utf-8"))
    return docs


def timed(func, docs: list[str]) -> tuple[float, float, int]:
    """CPU and wall seconds for func over every document, and citations found."""
    parse.cache_clear()  # repeated runs must parse again, not hit the cache
    cpu, wall = time.process_time(), time.perf_counter()
    found = 0
    for doc in docs:
        result = func(doc)
        found += len(result) if isinstance(result, list) else 0
    return time.process_time() - cpu, time.perf_counter() - wall, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="corpus size in MB of UTF-8 (default 20)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs; the median is printed")
    parser.add_argument("--docs", type=int, default=1000, help="documents of bench/make_corpus.py to parse (0: none)")
    args = parser.parse_args()

    start = time.perf_counter()
    docs = corpus(args.mb)
    made = time.perf_counter() - start
    size_mb = sum(len(d.encode("utf-8")) for d in docs) / 1_000_000
    chars = sum(len(d) for d in docs)
    print(f"corpus: {size_mb:.1f} MB UTF-8, {chars:,} characters, {len(docs):,} documents "
          f"(generated in {made:.1f} s)")

    preps = [timed(prepare, docs) for _ in range(args.runs)]
    runs = [timed(find_citations, docs) for _ in range(args.runs)]
    cpu = statistics.median(r[0] for r in runs)
    wall = statistics.median(r[1] for r in runs)
    found = runs[0][2]
    prep = statistics.median(r[0] for r in preps)
    print(f"find_citations: {size_mb / cpu:.2f} MB/s of CPU time ({cpu:.2f} s), {size_mb / wall:.2f} MB/s wall "
          f"({wall:.2f} s); {found / cpu:,.0f} citations/s ({found:,} citations; median of {args.runs} runs)")
    print(f"  preparing the text (NFC, Markdown masking, folding): {prep:.2f} s CPU, "
          f"{100 * prep / cpu:.0f}% of the parse, {size_mb / prep:.2f} MB/s")
    seed = SEED.read_text(encoding="utf-8")
    seed_mb = len(seed.encode("utf-8")) / 1_000_000
    print(f"per seed-sized document ({seed_mb * 1000:.1f} kB): {cpu / size_mb * seed_mb * 1000:.2f} ms CPU")
    if args.docs:
        bench_corpus(args.docs)


def bench_corpus(n: int) -> None:
    """Parse N documents of bench/make_corpus.py: bodies as Markdown, relation fields as text."""
    sys.path.insert(0, str(ROOT / "bench"))
    import make_corpus as bench_corpus  # bench/make_corpus.py
    import yaml

    with tempfile.TemporaryDirectory() as tmp:
        paths = bench_corpus.generate(n, Path(tmp) / "plans")
        texts = [p.read_text(encoding="utf-8") for p in paths]
    bodies, fields = [], []
    for text in texts:
        _, front, body = text.split("---\n", 2)
        bodies.append(body)
        meta = yaml.safe_load(front) or {}
        for key in ("can_cu", "thuc_hien"):
            items = meta.get(key) or []
            fields.extend(str(i) for i in (items if isinstance(items, list) else [items]))
    parse.cache_clear()
    cpu = time.process_time()
    found = sum(len(find_citations(b)) for b in bodies) + sum(len(find_citations(f, markdown=False)) for f in fields)
    cpu = time.process_time() - cpu
    size = sum(len(t.encode("utf-8")) for t in texts) / 1_000_000
    print(f"bench/make_corpus.py, {n:,} documents ({size:.1f} MB): {cpu:.2f} s CPU for every body and relation field "
          f"({found:,} citations), {1000 * cpu / n:.2f} ms per document; compare with build_bench.py's "
          "time per document for the same N")


if __name__ == "__main__":
    main()
