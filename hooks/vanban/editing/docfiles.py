"""Writing a new document file where the build expects it: plans/<năm>/<số-hiệu>.md,
after the text has passed the build's own validation, never over another file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from vanban.model.documents import Document, parse
from vanban.model.problems import Problem, errors


@dataclass
class Outcome:
    path: Path | None = None  # where the file was (or would be) written
    document: Document | None = None
    problems: list[Problem] = field(default_factory=list)
    refused: str = ""  # why nothing was written, in Vietnamese


def target(doc: Document, plans: Path) -> Path:
    """Same rule as the page address (Document.src_uri): year and slug of the number."""
    return plans / str(doc.year) / f"{doc.slug}.md"


def validate(text: str, plans: Path, name: str = "văn bản mới") -> Outcome:
    doc, problems = parse(text, name)
    outcome = Outcome(document=doc, problems=problems)
    if doc is None or errors(problems):
        outcome.refused = "Văn bản chưa hợp lệ nên chưa ghi tệp nào."
        return outcome
    outcome.path = target(doc, plans)
    return outcome


def write(text: str, plans: Path, force: bool = False, name: str = "văn bản mới",
          force_option: str = "") -> Outcome:
    """`force_option` is the caller's option that overwrites, named in the
    refusal only when the caller has one."""
    outcome = validate(text, plans, name)
    if outcome.refused:
        return outcome
    if outcome.path.exists() and not force:
        outcome.refused = (f"Tệp {outcome.path} đã có; không ghi đè. Kiểm tra lại số hiệu"
                           + (f", hoặc thêm {force_option} nếu muốn thay tệp cũ." if force_option
                              else "; nếu đúng là văn bản ấy, mở tệp đã có để sửa."))
        return outcome
    outcome.path.parent.mkdir(parents=True, exist_ok=True)
    outcome.path.write_text(text, encoding="utf-8")
    return outcome
