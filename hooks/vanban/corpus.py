"""All documents of a plans/ folder, read once, with the problems that span files
(a number or a URL used twice) and the publication rule applied."""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .documents import Document, read
from .problems import Problem

SUFFIXES = (".md",)


@dataclass
class Corpus:
    documents: list[Document] = field(default_factory=list)  # every valid document
    problems: list[Problem] = field(default_factory=list)

    @property
    def published(self) -> list[Document]:
        return [d for d in self.documents if d.published]

    @property
    def held_back(self) -> list[Document]:
        return [d for d in self.documents if not d.published]


def files(root: Path) -> list[Path]:
    """Every file below root but hidden ones (.gitkeep): none is silently skipped."""
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.name.startswith("."))


def load(root: Path, base: Path | None = None, paths: list[Path] | None = None) -> Corpus:
    """Read every document below `root` (or just `paths`), reporting every problem."""
    base = base or root.parent
    corpus = Corpus()
    for path in paths if paths is not None else files(root):
        if path.suffix.lower() not in SUFFIXES:
            corpus.problems.append(_not_markdown(path, _display(path, base)))
            continue
        doc, problems = read(path, _display(path, base))
        corpus.problems.extend(problems)
        if doc is not None:
            corpus.documents.append(doc)
    corpus.problems.extend(_collisions(corpus.documents))
    return corpus


def _not_markdown(path: Path, name: str) -> Problem:
    return Problem(name, 1, "tệp", f"Tệp “{path.name}” không phải văn bản Markdown (.md) nên không thể đăng.",
                   "mỗi văn bản là một tệp .md; tệp Word (.docx) cần chuyển bằng lệnh vanban import",
                   f"vanban import {name}")


def _display(path: Path, base: Path) -> str:
    try:
        return path.resolve().relative_to(_resolved(base)).as_posix()
    except ValueError:
        return str(path)


@functools.lru_cache(maxsize=64)
def _resolved(base: Path) -> Path:
    # The base is the same for every file of a corpus; resolving is a few system calls.
    return base.resolve()


def _collisions(documents: list[Document]) -> list[Problem]:
    """Two documents with one number in one year, or one URL, are an error naming both."""
    by_key: dict[tuple, list[Document]] = defaultdict(list)
    for doc in documents:
        by_key[("số hiệu", doc.number.canonical, doc.year)].append(doc)
        by_key[("đường dẫn", doc.src_uri)].append(doc)
    problems = []
    seen: set[frozenset] = set()
    for key, docs in by_key.items():
        if len(docs) < 2:
            continue
        pair = frozenset(d.path for d in docs)
        if pair in seen:
            continue
        seen.add(pair)
        others = ", ".join(d.path for d in docs)
        for doc in docs:
            what = f"số hiệu {doc.number.canonical} năm {doc.year}" if key[0] == "số hiệu" else f"đường dẫn /{doc.src_uri[:-3]}/"
            problems.append(Problem(
                doc.path, doc.lines.get("so_hieu", 2), "so_hieu",
                f"Trùng {what} giữa các tệp: {others}.",
                "mỗi văn bản một số hiệu trong một năm; xóa tệp trùng hoặc sửa số hiệu",
                "so_hieu: 115-KH/ĐUK",
            ))
    return problems
