"""`vanban nhap-hop-thu`: every signed Word file an editor uploaded to nhap/
(through the browser editor) becomes a document in plans/, in the same pull or
merge request; CI runs it and commits what it changed.

All or nothing: every file is read and checked first; if one cannot be
imported, the run stops with the importer's message and changes nothing.
Otherwise each document is written, and the .docx and the editor's note about
it (nhap/<tên>.yml) are removed. What was taken from each file and what was
not found is written as Markdown to --tom-tat (the CI job's summary).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from vanban.commands import import_ as import_command
from vanban.editing import docfiles, importer
from vanban.editing.importer_docx import NotReadable
from vanban.model import schema

INBOX = Path("nhap")  # the browser editor's folder for Word files (vanban.site.admin.INBOX)
# The note's one line that matters, read as text (no YAML parser for a file sent in).
NOTE_FILE = re.compile(r"""^tep:\s*['"]?(?P<file>[^'"\n]+?)['"]?\s*$""", re.M)
NOTE_BYTES = 10_000


@dataclass
class Item:
    source: Path
    notes_file: Path | None = None  # the editor's nhap/<tên>.yml naming this file
    result: importer.Imported | None = None
    outcome: docfiles.Outcome | None = None
    text: str = ""
    warnings: list[str] = field(default_factory=list)
    error: str = ""


def register(subparsers) -> None:
    cmd = subparsers.add_parser(
        "nhap-hop-thu", help="nhập mọi tệp Word trong nhap/ thành văn bản trong plans/ (CI chạy lệnh này)",
        description="Đọc mọi tệp .docx trong thư mục nhap/ (người biên tập tải lên qua trang /quan-tri/), "
                    "ghi văn bản vào plans/<năm>/<số-hiệu>.md rồi xóa tệp Word. Một tệp không nhập được thì "
                    "dừng, báo lỗi và không thay đổi gì.")
    cmd.add_argument("--hop-thu", type=Path, default=INBOX, dest="inbox", metavar="THƯ_MỤC", help="thư mục tệp Word (mặc định: nhap/)")
    cmd.add_argument("-o", "--thu-muc", type=Path, default=Path("plans"), dest="plans", metavar="THƯ_MỤC",
                     help="thư mục văn bản (mặc định: plans/)")
    cmd.add_argument("--tom-tat", type=Path, dest="summary", metavar="TỆP",
                     help="ghi thêm tóm tắt (Markdown) vào tệp này, ví dụ $GITHUB_STEP_SUMMARY")
    cmd.set_defaults(run=run)


def run(args) -> int:
    items = collect(args.inbox)
    if not items:
        message = f"Thư mục {args.inbox}/ không có tệp Word (.docx) nào để nhập."
        print(message)
        _summary(args.summary, f"## Nhập tệp Word\n\n{message}\n")
        return 0
    for item in items:
        prepare(item, args.plans)
    targets = [i.outcome.path for i in items if i.outcome and i.outcome.path]
    for item in items:
        if item.outcome and item.outcome.path and targets.count(item.outcome.path) > 1:
            item.error = item.error or f"{item.source}: hai tệp Word cùng cho văn bản {item.outcome.path}."
    failed = [i for i in items if i.error]
    report = summary(items, failed)
    print(report)
    _summary(args.summary, report)
    if failed:
        print("Không thay đổi gì: sửa hoặc thay tệp Word trên rồi gửi lại.", file=sys.stderr)
        return 1
    for item in items:  # every file checked: now write, then remove what was imported
        item.outcome.path.parent.mkdir(parents=True, exist_ok=True)
        item.outcome.path.write_text(item.text, encoding="utf-8")
        item.source.unlink()
        if item.notes_file is not None:
            item.notes_file.unlink()
    return 0


def collect(inbox: Path) -> list[Item]:
    """The .docx files of the inbox, each with the editor's note that names it."""
    if not inbox.is_dir():
        return []
    notes = {}
    for note in sorted(inbox.glob("*.yml")):
        if not note.is_file() or note.is_symlink():
            continue
        with open(note, "rb") as f:
            head = f.read(NOTE_BYTES).decode("utf-8", "replace")
        found = NOTE_FILE.search(head)
        if found:
            notes[found["file"].rsplit("/", 1)[-1]] = note
    return [Item(path, notes.get(path.name)) for path in sorted(inbox.glob("*.docx")) if path.is_file()]


def prepare(item: Item, plans: Path) -> None:
    """Read and check one file, writing nothing; item.error says why it cannot be imported."""
    try:
        paras, item.warnings = import_command.read(item.source)
    except NotReadable as err:
        item.error = str(err)
        return
    item.result = importer.convert(paras)
    item.text = item.result.document()
    item.outcome = docfiles.validate(item.text, plans, str(item.source))
    if item.outcome.refused:
        lines = [f"{item.source}: {item.outcome.refused}"] + ["  " + p.format() for p in item.outcome.problems]
        item.error = "\n".join(lines)
    elif item.outcome.path.exists():
        item.error = (f"{item.source}: văn bản {item.outcome.path} đã có; không ghi đè. "
                      "Văn bản đã đăng thì sửa trong trang /quan-tri/, đừng nhập lại.")


def _label(key: str) -> str:
    return f"{schema.BY_KEY[key].label} (`{key}`)"


def _value(value) -> str:
    if isinstance(value, list):
        return f"{len(value)} mục"
    return str(value).replace("|", "\\|").replace("\n", " ")


def summary(items: list[Item], failed: list[Item]) -> str:
    """The job's summary, in Markdown."""
    out = ["## Nhập tệp Word", ""]
    if failed:
        out += [f"**Không nhập được {len(failed)} trong {len(items)} tệp; không thay đổi gì.**", ""]
        for item in failed:
            out += ["```text", item.error, "```", ""]
        return "\n".join(out)
    for item in items:
        doc = item.outcome.document
        result = item.result
        out += [f"### {item.source.name} → `{item.outcome.path}` ({doc.heading})", "",
                "| Trường lấy từ văn bản | Giá trị |", "|---|---|"]
        out += [f"| {_label(k)} | {_value(v)} |" for k, v in result.meta.items() if k in schema.BY_KEY]
        out.append("")
        if result.missing:
            out += ["Không tìm thấy trong bản gốc (để trống, trang ghi “chưa rõ”; thêm trong /quan-tri/ nếu bản gốc có):", ""]
            out += [f"- {_label(k)}" for k in result.missing]
            out.append("")
        if result.notes:
            out += ["Lấy từ nội dung văn bản, cần đối chiếu với bản gốc:", ""] + [f"- {n}" for n in result.notes] + [""]
        out += [f"- Lưu ý khi đọc tệp Word: {w}" for w in item.warnings]
    return "\n".join(out).rstrip() + "\n"


def _summary(path: Path | None, text: str) -> None:
    if path is not None:
        with open(path, "a", encoding="utf-8") as out:
            out.write(text + "\n")
