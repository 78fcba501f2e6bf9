"""`vanban check` without the command line: the build's own validation of some
document files, run without MkDocs, so an editor knows before committing
whether the build will accept them.

The whole plans/ folder a file belongs to is always read, because a number
used twice or a citation of another document needs the other files; only the
problems of the files asked about are reported.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

import yaml

from vanban import forked
from vanban.citations.priming import Primed
from vanban.graph import corpus as corpus_mod
from vanban.graph import originals
from vanban.model import notices, untrusted
from vanban.model.problems import NOTE, WARNING, Problem

PLANS = "plans"
REGISTRY_FILE = Path("data") / "registry.yml"


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    files: int = 0  # document files checked
    notes: list[str] = field(default_factory=list)  # checks that could not run, and why

    @property
    def errors(self) -> int:
        return sum(p.is_error for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.severity == WARNING for p in self.problems)

    @property
    def remarks(self) -> int:
        """Things said on purpose, such as a document held back by publish: false."""
        return sum(p.severity == NOTE for p in self.problems)


def check(paths: list[Path], base: Path | None = None) -> Report:
    """Every problem of the documents at `paths` (files or folders)."""
    base = base or Path.cwd()
    report = Report()
    selected: dict[Path, set[str]] = {}  # plans root → display names asked about
    listed: dict[Path, list[Path]] = {}  # plans root → its files, when asked about whole
    for path in paths:
        refused = _outside(path, base)
        if refused is not None:
            report.files += 1
            report.problems.append(refused)
            continue
        # Resolved once (a symlinked folder, "..") so the names asked about are
        # spelled as the documents read from the resolved plans/ folder.
        path = path.resolve()
        root = _plans_root(path)
        names = selected.setdefault(root, set())
        # Non-Markdown files stay in: the build reports them as errors, and so does check.
        targets = corpus_mod.files(path, corpus_mod.project_home(root)) if path.is_dir() else [path]
        if path == root:
            listed[root] = targets
        names.update(_display(p, base) for p in targets)
    with forked.bulk():
        for root, names in selected.items():
            report.files += len(names)
            found = _root_problems(root, base, names, report.notes, listed.get(root))
            inside = _display(root, base)
            report.problems.extend(p for p in found if p.file in names or not p.file.startswith(inside))
        report.problems.sort(key=lambda p: (p.file, p.line, p.field))
    return report


def _outside(path: Path, base: Path) -> Problem | None:
    """A Problem when a path named below a plans/ folder leads, through a link
    anywhere along it, out of that folder's project; it is then never read."""
    named = Path(os.path.abspath(path))
    for folder in (named, *named.parents):
        if folder.name == PLANS:
            target = os.path.realpath(named)
            if untrusted.inside(target, corpus_mod.project_home(folder)):
                return None
            return untrusted.outside(_display(named, base), target)
    return None


def _plans_root(path: Path) -> Path:
    """The plans/ folder above `path`, or the path itself (its folder for a file)."""
    resolved = path.resolve()
    for candidate in (resolved, *resolved.parents):
        if candidate.name == PLANS and candidate.is_dir():
            return candidate
    return resolved if resolved.is_dir() else resolved.parent


def _display(path: Path, base: Path) -> str:
    return corpus_mod._display(path, base)


def _root_problems(root: Path, base: Path, names: set[str], notes: list[str],
                   files: list[Path] | None = None) -> list[Problem]:
    """What the build reports: every document's problems, then the citations' warnings."""
    primed = Primed(root.parent)

    def parse(doc):  # in the worker that read `doc`
        if doc.path in names:
            return primed.ahead([doc.body]), primed.ahead(_items(doc), markdown=False)
        return None

    corpus = corpus_mod.load(root, base, files, each=parse)
    # Not the build's problems: whether each file will be published, and a date that looks mistyped.
    told = [p for doc in corpus.documents if doc.path in names for p in notices.for_document(doc)]
    # The signed originals' files and hashes, as the build checks them.
    _, signed = originals.check_all([d for d in corpus.documents if d.path in names], root.parent)
    return (corpus.problems + told + signed + _citation_problems(corpus, primed, base, notes, names)
            + _task_link_problems(corpus))


def _task_link_problems(corpus) -> list[Problem]:
    """The build's warnings for thuc_hien_nhiem_vu naming no task of a published document."""
    from vanban.graph.tasks import build
    return build(corpus.documents, None).problems


def _items(doc) -> list[str]:
    from vanban.graph.registry import relation_items
    return [item for _, _, item in relation_items(doc)]


def _citation_problems(corpus, primed: Primed, base: Path, notes: list[str],
                       names: set[str] | None = None) -> list[Problem]:
    """Citations that resolve to nothing or contradict the registry (warnings, as in the build).

    The registry knows every document; only the citations of the files asked
    about are parsed, since parsing is most of the time of a check. What the
    workers that read the files parsed (corpus.extra) is taken as found.
    """
    # A fault here is a bug to see, not a note: the check must not pass quietly.
    from vanban.graph import registry
    project = primed.project
    data_file = project / REGISTRY_FILE
    known = registry.build(corpus.documents, data_file, _home(project), _display(data_file, base))
    asked = SimpleNamespace(documents=[d for d in corpus.documents if names is None or d.path in names])
    complete = len(asked.documents) == len(corpus.documents)
    parsed = [corpus.extra[d.path] for d in asked.documents if d.path in corpus.extra]
    primed.add((d.body for d in asked.documents), complete=complete,
               ahead={text: p for body, _ in parsed for text, p in body.items()})
    primed.add((item for d in asked.documents for item in _items(d)), markdown=False, complete=complete,
               ahead={text: p for _, items in parsed for text, p in items.items()})
    return list(known.problems) + _resolved(asked.documents, known, primed)


def _resolved(documents, known, primed: Primed) -> list[Problem]:
    """registry.check_citations over `documents`; thousands of them in forked
    workers, which see the registry and the parsed citations without a copy."""
    found = forked.map_batches(documents, lambda batch: _check(batch, known, primed))
    return found if found is not None else _check(documents, known, primed)


def _check(documents, known, primed: Primed) -> list[Problem]:
    from vanban.graph.registry import check_citations
    return check_citations(SimpleNamespace(documents=documents), known, primed.find)


class _AnyTagLoader(yaml.SafeLoader):
    """mkdocs.yml has !ENV tags; here only plain values are needed."""


_AnyTagLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def _home(project: Path) -> str | None:
    """The organisation's province (mkdocs.yml extra.to_chuc.tinh), which registry keys use."""
    config = project / "mkdocs.yml"
    if not config.exists():
        return None
    try:
        data = yaml.load(config.read_text(encoding="utf-8"), Loader=_AnyTagLoader)  # noqa: S506
    except yaml.YAMLError:
        return None
    return (((data or {}).get("extra") or {}).get("to_chuc") or {}).get("tinh")

