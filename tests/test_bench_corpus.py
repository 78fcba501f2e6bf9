"""The bench corpus generator writes valid, distinct documents, the same for one seed."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from vanban.graph import corpus

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "make_corpus.py")
bench_corpus = importlib.util.module_from_spec(_spec)
sys.modules["bench_corpus"] = bench_corpus  # dataclasses look their module up there
_spec.loader.exec_module(bench_corpus)


def test_twenty_documents_load_without_problems(tmp_path):
    plans = tmp_path / "plans"
    paths = bench_corpus.generate(20, plans)
    assert len(paths) == 20
    assert len(set(paths)) == 20
    loaded = corpus.load(plans)
    assert [p.format() for p in loaded.problems] == []
    assert len(loaded.documents) == 20
    assert len({(d.number.canonical, d.year) for d in loaded.documents}) == 20
    for path, doc in zip(sorted(paths), sorted(loaded.documents, key=lambda d: d.path), strict=True):
        assert path.parent.name == str(doc.year)
        assert path.name == f"{doc.slug}.md"


def test_same_seed_same_files(tmp_path):
    first = bench_corpus.generate(5, tmp_path / "a", seed=3)
    second = bench_corpus.generate(5, tmp_path / "b", seed=3)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    other = bench_corpus.generate(5, tmp_path / "c", seed=4)
    assert [p.read_bytes() for p in first] != [p.read_bytes() for p in other]
