"""All documents of a plans/ folder, read once, with the problems that span files
(a number or a URL used twice) and the publication rule applied."""

from __future__ import annotations

import functools
import os
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from vanban import forked
from vanban.model import untrusted
from vanban.model.documents import Document, read
from vanban.model.problems import Problem

SUFFIXES = (".md",)


@dataclass
class Corpus:
    documents: list[Document] = field(default_factory=list)  # every valid document
    problems: list[Problem] = field(default_factory=list)
    extra: dict[str, object] = field(default_factory=dict)  # document path → what load(each=) returned

    @property
    def published(self) -> list[Document]:
        return [d for d in self.documents if d.published]

    @property
    def held_back(self) -> list[Document]:
        return [d for d in self.documents if not d.published]


def files(root: Path, home: str | None = None) -> list[Path]:
    """Every file below root but hidden ones (.gitkeep): none is silently skipped.

    A link is listed as itself, and reading it refuses it when it leads out of
    the project. A linked folder is walked when it leads to another folder
    of the project, and listed (so refused) when it leads outside or back into
    a folder being walked: nothing outside is ever opened, and a loop ends.
    `home` is the project's real path (by default the folder above root)."""
    home = home or project_home(root)
    found: list[Path] = []
    stack = [(os.fspath(root), frozenset({os.path.realpath(root)}))]
    while stack:
        folder, walked = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue  # unreadable: it has nothing to list
        for entry in entries:
            if entry.is_symlink():
                target = os.path.realpath(entry.path)
                if os.path.isdir(target) and untrusted.inside(target, home) and target not in walked:
                    stack.append((entry.path, walked | {target}))
                elif not entry.name.startswith("."):
                    found.append(Path(entry.path))
            elif entry.is_dir():
                stack.append((entry.path, walked | {os.path.realpath(entry.path)}))
            elif entry.is_file() and not entry.name.startswith("."):
                found.append(Path(entry.path))
    return sorted(found)


def project_home(root: Path) -> str:
    """The real path of the project a plans/ folder belongs to: no link read from
    the folder may lead out of it."""
    return os.path.dirname(os.path.realpath(root))


def load(root: Path, base: Path | None = None, paths: list[Path] | None = None,
         each: Callable[[Document], object] | None = None) -> Corpus:
    """Read every document below `root` (or just `paths`), reporting every problem.

    `each(document)` runs where the document was read, a forked worker when
    there are thousands, and its result is kept in `corpus.extra`: work per
    document (parsing its citations) then shares the workers that read the
    files instead of waiting for all of them and starting others."""
    base = base or root.parent
    corpus = Corpus()
    paths = paths if paths is not None else files(root)
    with forked.bulk():
        read = _read_all(paths, base, project_home(root), each)
    for doc, problems, extra in read:
        corpus.problems.extend(problems)
        if doc is not None:
            corpus.documents.append(doc)
            if extra is not None:
                corpus.extra[doc.path] = extra
    corpus.problems.extend(_collisions(corpus.documents))
    return corpus


Read = tuple[Document | None, list[Problem], object]


def _read_all(paths: list[Path], base: Path, home: str, each: Callable[[Document], object] | None) -> list[Read]:
    """Each file read and checked, in order; thousands of them in forked processes
    (YAML and the checks are pure Python: a tenth of a build at 10,000)."""
    def read(batch: list[Path]) -> list[Read]:
        # All of a batch read, then `each` over it: one kind of work at a time
        # runs a few percent faster than the two in turn.
        read = [_read_one(path, base, home) for path in batch]
        return [(doc, problems, each(doc) if doc is not None and each is not None else None)
                for doc, problems in read]

    done = forked.map_batches(paths, read)
    return done if done is not None else read(paths)


def _read_one(path: Path, base: Path, home: str) -> tuple[Document | None, list[Problem]]:
    name = _display(path, base)
    link = untrusted.link_problem(path, name, home)
    if link is not None:
        return None, [link]
    if path.suffix.lower() not in SUFFIXES:
        return None, [_not_markdown(path, name)]
    return read(path, name)


def _not_markdown(path: Path, name: str) -> Problem:
    message = f"Tệp “{path.name}” không phải văn bản Markdown (.md) nên không thể đăng."
    if path.suffix.lower() == ".pdf":
        # A signed scan belongs beside the documents, named by one of them.
        return Problem(name, 1, "tệp", message,
                       "bản quét có chữ ký để trong thư mục goc/ (ngoài plans/); lệnh vanban new hoặc vanban import "
                       "với --ban-goc ghi đường dẫn và mã SHA-256 của tệp vào trường ban_goc của văn bản",
                       # The field alone would lack its sha256, which vanban check then refuses.
                       f"vanban new --ban-goc goc/{path.name}")
    if path.suffix.lower() in (".docx", ".txt"):
        return Problem(name, 1, "tệp", message,
                       "mỗi văn bản là một tệp .md; tệp Word (.docx) cần chuyển bằng lệnh vanban import",
                       f"vanban import {name}")
    # vanban import reads no other kind of file: suggesting it would fail when followed.
    return Problem(name, 1, "tệp", message, "trong plans/ chỉ có tệp văn bản .md; tệp khác để ngoài thư mục plans/",
                   "plans/2023/114-kh-duk.md")


def _display(path: Path, base: Path) -> str:
    """The path as an editor reads it: relative to base when it lies below it."""
    # Lexical, not Path.resolve(): resolving costs a system call per folder of
    # every file, a tenth of reading a document.
    full, root = os.path.join(os.path.abspath(path), ""), _root(base)
    if not full.startswith(root):
        return str(path)
    return full[len(root):-1].replace(os.sep, "/") or "."


@functools.lru_cache(maxsize=64)
def _root(base: Path) -> str:
    return os.path.join(os.path.abspath(base), "")


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
