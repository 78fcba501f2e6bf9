"""Citations found by earlier runs, kept on disk, so that a check or a build
parses again only the texts that changed.

Parsing is most of the time of `vanban check` at thousands of documents, and an
editor runs the check before every commit with all but a few files unchanged.
The file (`.cache/vanban/citations-<version>.json` in the project) maps a hash
of each text to its citations. The version is a hash of the parser's own
source, so a changed parser never reads what an older one found. JSON, not
pickle: a cache file is data, never code to run.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from pathlib import Path

FOLDER = Path(".cache") / "vanban"
# Every module whose change can change what the parser finds.
_SOURCES = ("citations", "citation_grammar", "citation_text", "doctypes", "numbers", "dates", "text")


@functools.lru_cache(maxsize=1)
def version() -> str:
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for name in _SOURCES:
        digest.update((here / f"{name}.py").read_bytes())
    return digest.hexdigest()[:16]


def key(text: str, markdown: bool) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16,
                           person=b"md" if markdown else b"plain").hexdigest()


def path(project: Path) -> Path:
    return project / FOLDER / f"citations-{version()}.json"


def load(project: Path) -> dict[str, list]:
    """The stored citations (key → rows of Citation fields); empty when there is
    no file, or one that cannot be read: the texts are then parsed again."""
    target = path(project)
    try:
        stamp = _stamp(target)
        if target in _read and _read[target][0] == stamp:
            return _read[target][1]  # bodies and front-matter items are primed one after the other
        data = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    data = data if isinstance(data, dict) else {}
    _read[target] = (stamp, data)
    return data


def save(project: Path, entries: dict[str, list]) -> None:
    """Replace the file with `entries`, and remove files of other parser versions."""
    target = path(project)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        for old in target.parent.glob("citations-*.json"):
            if old != target:
                old.unlink()
        temporary = target.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(entries, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        temporary.replace(target)  # atomic: a run stopped half-way leaves the old file whole
        _read[target] = (_stamp(target), entries)
    except OSError:
        pass  # a read-only checkout: the next run parses again, nothing is lost


_read: dict[Path, tuple[tuple, dict]] = {}  # file → (its stamp, its entries), as last read or written


def _stamp(target: Path) -> tuple:
    status = target.stat()
    return status.st_mtime_ns, status.st_size
