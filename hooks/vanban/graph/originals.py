"""The signed original of a document: a scan (PDF) kept in the repository,
named by `ban_goc: {tep: goc/114-KH-DUK.pdf, sha256: …}`.

The page links it with its size and SHA-256, so a reader can check the file
is the one the office published; `vanban check` and the build refuse a file
that is missing, outside the repository (a link out of it included) or whose
hash is not the one written in the front matter.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from vanban.model.problems import Problem

FIELD = "ban_goc"
MAX_SIZE = 200 * 1024 * 1024  # bytes: a scan of a long document at 300 dpi stays well below
SITE_DIR = "ban-goc"  # where the site serves the files


@dataclass(frozen=True)
class Original:
    path: Path  # the file, inside the repository
    name: str  # as written in the front matter, "/"-separated
    size: int
    sha256: str

    @property
    def site_path(self) -> str:
        return f"{SITE_DIR}/{self.name}"


def example(name: str, digest: str) -> str:
    return f"ban_goc: {{tep: {name}, sha256: {digest}}}"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def inside(project: Path, name: str) -> Path | None:
    """The file `name` names, if it and whatever it links to stay inside `project`."""
    root = os.path.realpath(project)
    full = os.path.realpath(os.path.join(root, name))
    if os.path.commonpath([root, full]) != root or full == root:
        return None
    return Path(full)


def check(doc, project: Path) -> tuple[Original | None, list[Problem]]:
    """The document's signed original, or the problems that stop it being shown."""
    value = doc.meta.get(FIELD)
    if not isinstance(value, dict) or not isinstance(value.get("tep"), str):
        return None, []  # no original, or a shape the document's own validation reports
    name = value["tep"].strip().replace("\\", "/")
    expected = str(value.get("sha256") or "").strip().lower()
    line = doc.lines.get(FIELD, 2)

    def problem(message: str, wanted: str, shown: str) -> Problem:
        return Problem(doc.path, line, FIELD, message, wanted, shown)

    path = inside(project, name)
    if path is None:
        return None, [problem(f"Tệp bản gốc “{name}” nằm ngoài kho (hoặc là liên kết trỏ ra ngoài kho).",
                              "tệp PDF lưu ngay trong kho, ghi đường dẫn tính từ thư mục gốc của kho",
                              example("goc/114-KH-DUK.pdf", expected or "…"))]
    if not path.is_file():
        return None, [problem(f"Không có tệp bản gốc “{name}” trong kho.",
                              "tệp bản quét có chữ ký được thêm vào kho (git add) đúng đường dẫn đã ghi",
                              example(name, expected or "…"))]
    size = path.stat().st_size
    if size > MAX_SIZE:
        return None, [problem(f"Tệp bản gốc “{name}” nặng {size // (1024 * 1024)} MB, quá {MAX_SIZE // (1024 * 1024)} MB.",
                              "bản quét nén lại (300 dpi, đen trắng hoặc xám)", example(name, expected))]
    actual = sha256_of(path)
    if actual != expected:
        return None, [problem(
            f"Mã SHA-256 của tệp “{name}” là {actual}, không khớp mã ghi trong ban_goc ({expected}): "
            "tệp đã bị thay hoặc mã ghi sai.",
            "đối chiếu tệp với bản gốc có chữ ký; đúng tệp thì ghi lại mã của nó (sha256sum hoặc vanban import)",
            example(name, actual))]
    return Original(path, name, size, actual), []


def check_all(documents, project: Path) -> tuple[dict[str, Original], list[Problem]]:
    """Every document's original: document path → Original, and all problems."""
    found, problems = {}, []
    for doc in documents:
        original, faults = check(doc, project)
        problems.extend(faults)
        if original is not None:
            found[doc.path] = original
    return found, problems


def size_text(size: int) -> str:
    """"1,2 MB", "350 KB": as Vietnamese writes decimals."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1024))} KB"
