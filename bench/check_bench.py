"""How long `vanban check` takes on a generated corpus (target: 1,000 documents
in a few seconds). Prints the figures; it is not a test.

For each N it writes N documents with bench/make_corpus.py into a temporary project
(plans/, data/registry.yml and mkdocs.yml copied from this one), then times
the whole command in a fresh process (start-up included, as an editor or
pre-commit runs it), the command on one file (the pre-commit case: the whole
folder is read, only that file's citations are parsed) and, in this process, the document checks and the
citation checks separately.

    python bench/check_bench.py              # N = 1000
    python bench/check_bench.py 100 1000 10000
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "hooks"))
import make_corpus as bench_corpus  # noqa: E402  (bench/make_corpus.py)

from vanban.citations.priming import Primed  # noqa: E402
from vanban.editing import checking  # noqa: E402
from vanban.graph import corpus as corpus_mod  # noqa: E402

TARGET_1000 = 5.0  # seconds: "1,000 documents in a few seconds"


def project(n: int, where: Path) -> Path:
    plans = where / "plans"
    bench_corpus.generate(n, plans)
    for name in ("mkdocs.yml", "data/registry.yml"):
        if (ROOT / name).exists():
            (where / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(ROOT / name, where / name)
    return plans


def timed(function, *args):
    start = time.perf_counter()
    value = function(*args)
    return time.perf_counter() - start, value


def run(n: int) -> None:
    with tempfile.TemporaryDirectory(prefix="vanban-check-") as tmp:
        where = Path(tmp)
        plans = project(n, where)
        files = len(corpus_mod.files(plans))
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "vanban.cli", "check"], cwd=where,
                              capture_output=True, text=True)
        command = time.perf_counter() - start
        start = time.perf_counter()  # again: the citations now come from .cache/vanban
        subprocess.run([sys.executable, "-m", "vanban.cli", "check"], cwd=where, capture_output=True)
        warm = time.perf_counter() - start
        one = corpus_mod.files(plans)[0].relative_to(where)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "vanban.cli", "check", str(one)], cwd=where, capture_output=True)
        single = time.perf_counter() - start
        load, corpus = timed(corpus_mod.load, plans, where)
        notes: list[str] = []
        cites, found = timed(checking._citation_problems, corpus, Primed(where), where, notes)
        summary = (done.stdout.strip().splitlines() or ["(không có kết quả)"])[-1]
        verdict = "PASS" if n != 1000 or command <= TARGET_1000 else "MISS"
        print(f"N={n:>6} tệp={files:>6}  vanban check: {command:6.2f} s (exit {done.returncode}) {verdict if n == 1000 else ''}")
        print(f"         vanban check lần hai, tệp không đổi (dẫn chiếu đọc từ .cache/vanban): {warm:6.2f} s")
        print(f"         vanban check một tệp (như pre-commit): {single:6.2f} s")
        print(f"         đọc và kiểm tra văn bản: {load:6.2f} s ({len(corpus.problems)} lỗi/cảnh báo)")
        print(f"         kiểm tra dẫn chiếu:      {cites:6.2f} s ({len(found)} cảnh báo){' — ' + notes[0] if notes else ''}")
        print(f"         {summary}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000])
    args = parser.parse_args(argv)
    for n in args.sizes:
        run(n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
