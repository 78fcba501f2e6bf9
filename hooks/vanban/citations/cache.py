"""Citations found by earlier runs, kept on disk, so that a check or a build
parses again only the texts that changed.

Parsing is most of the time of `vanban check` at thousands of documents, and an
editor runs the check before every commit with all but a few files unchanged.
The files (`.cache/vanban/citations-md-<version>.json` for bodies, `…-plain-…`
for front-matter items) map a hash of each text to its citations. The version
is a hash of the parser's own source, so a changed parser never reads what an
older one found. JSON, not pickle: a cache file is data, never code to run. An entry is a
list of rows, one a citation (its fields in order); an entry that is not
sound (a hand-edited file, another version's fields) is parsed again.

Nothing is kept in this module between calls: priming.Primed loads each file
once and holds what it read.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import sys
import time
import unicodedata
from pathlib import Path

from vanban.citations.citation import Citation

FOLDER = Path(".cache") / "vanban"
# Every module whose change can change what the parser finds: the parser's
# own room and the model it reads (types, numbers, dates, text).
_ROOMS = ("citations", "model")


def sources() -> list[Path]:
    here = Path(__file__).parent.parent
    return sorted(p for room in _ROOMS for p in (here / room).glob("*.py"))


@functools.lru_cache(maxsize=1)
def version() -> str:
    """The parser's source, and the Python and Unicode data its patterns and
    case rules come from: any change makes a new file."""
    digest = hashlib.sha256(f"{sys.version_info[:2]} {unicodedata.unidata_version}".encode())
    for path in sources():
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def key(text: str, markdown: bool) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16,
                           person=b"md" if markdown else b"plain").hexdigest()


def _kind(markdown: bool) -> str:
    # Bodies (Markdown) and front-matter items (plain text) are primed apart:
    # a file each, so that pruning one never empties the other.
    return "md" if markdown else "plain"


def path(project: Path, markdown: bool = True) -> Path:
    return project / FOLDER / f"citations-{_kind(markdown)}-{version()}.json"


def load(project: Path, markdown: bool = True) -> dict[str, list]:
    """The stored citations (key → rows of Citation fields); empty when there is
    no file, or one that cannot be read: the texts are then parsed again."""
    try:
        data = json.loads(path(project, markdown).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save(project: Path, entries: dict[str, list], markdown: bool = True) -> None:
    """Replace the file with `entries`; remove files of other parser versions
    and what a stopped run left half-written."""
    target = path(project, markdown)
    temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        for old in target.parent.glob(f"citations-{_kind(markdown)}-*"):
            if old != target and (old.suffix == ".json" or _abandoned(old)):
                old.unlink(missing_ok=True)
        # ASCII escapes: a lone surrogate from a YAML escape survives the round trip.
        temporary.write_text(json.dumps(entries, ensure_ascii=True, separators=(",", ":")), encoding="ascii")
        temporary.replace(target)  # atomic: a run stopped half-way leaves the old file whole
    except (OSError, ValueError):
        pass  # a read-only checkout, an odd value: the next run parses again, nothing is lost
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def _abandoned(leftover: Path) -> bool:
    """A half-written file an hour old: its run has stopped. (No process is
    asked by its id: on Windows, os.kill ends the process it names.)"""
    return time.time() - leftover.stat().st_mtime > 3600


def rows(cites) -> list[list]:
    """A text's citations as an entry of the file."""
    return [list(c) for c in cites]


def from_rows(entry, length: int) -> tuple[Citation, ...] | None:
    """The citations an entry holds for a text of `length` characters; None if
    it holds nothing sound."""
    if not isinstance(entry, list):
        return None
    try:
        cites = tuple(Citation(*row) for row in entry)
    except TypeError:
        return None
    if all(type(c.start) is int and type(c.end) is int and 0 <= c.start < c.end <= length  # noqa: E721 (not bool)
           and all(v is None or isinstance(v, str) for v in (c.type, c.number, c.issuer, c.date, c.body))
           for c in cites):
        return cites
    return None
