"""`vanban import TỆP`: a signed Word file (or text copied from one) → a document file."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import yaml

from vanban.editing import docfiles, importer, importer_text
from vanban.editing.importer_docx import NotReadable, check_bytes
from vanban.editing.importer_docx import paragraphs as docx_paragraphs
from vanban.graph import originals
from vanban.model import limits, schema, untrusted, yamlsafe
from vanban.model.problems import Problem
from vanban.model.text import NotUtf8, decode_utf8

TEXT_SUFFIXES = (".md", ".txt", ".markdown")


def register(subparsers) -> None:
    cmd = subparsers.add_parser(
        "import", help="nhập văn bản từ tệp Word (.docx) hoặc văn bản (.md, .txt)",
        description="Chuyển văn bản trình bày theo thể thức (phần đầu hai cột, tên loại, trích yếu, nội dung, "
                    "nơi nhận và chữ ký) thành tệp văn bản trong plans/, kèm báo cáo các trường không tìm thấy.")
    cmd.add_argument("file", type=Path, metavar="TỆP", help="tệp .docx, .md hoặc .txt")
    cmd.add_argument("-o", "--thu-muc", type=Path, default=Path("plans"), dest="plans", metavar="THƯ_MỤC",
                     help="thư mục văn bản (mặc định: plans/)")
    cmd.add_argument("--stdout", action="store_true", help="in văn bản ra màn hình thay vì ghi tệp")
    cmd.add_argument("--force", action="store_true", help="ghi đè tệp đã có")
    cmd.add_argument("--nam", type=int, metavar="NĂM", help="năm của văn bản khi bản gốc không ghi ngày ban hành")
    cmd.add_argument("--truong", action="append", default=[], metavar="KHÓA=GIÁ_TRỊ",
                     help="đặt một trường bản gốc không có, ví dụ --truong co_quan_cap_tren='Đảng bộ tỉnh Bến Tre'")
    cmd.add_argument("--ban-goc", type=Path, metavar="TỆP_PDF", dest="original",
                     help="bản quét có chữ ký (PDF) đã lưu trong kho, ví dụ goc/114-KH-DUK.pdf: "
                          "ghi đường dẫn và mã SHA-256 của tệp vào trường ban_goc")
    cmd.set_defaults(run=run)


def run(args) -> int:
    report = sys.stderr if args.stdout else sys.stdout
    try:
        paras, warnings = read(args.file)
        overrides = _overrides(args.truong)
        if getattr(args, "original", None) is not None:
            overrides["ban_goc"] = signed_original(args.original, args.plans)
    except NotReadable as err:
        print(f"Không nhập được: {err}", file=sys.stderr)
        print("Không ghi tệp nào.", file=sys.stderr)
        return 1
    result = importer.convert(paras, nam=args.nam)
    result.meta = {f.key: v for f in schema.FIELDS for v in [overrides.get(f.key, result.meta.get(f.key))] if v is not None}
    result.missing = [k for k in result.missing if k not in result.meta]
    text = result.document()
    outcome = docfiles.validate(text, args.plans, str(args.file)) if args.stdout else \
        docfiles.write(text, args.plans, args.force, str(args.file), force_option="--force")
    _report(args.file, result, warnings, outcome, report, written=not args.stdout)
    if outcome.refused:
        return 1
    if args.stdout:
        sys.stdout.write(text)
    return 0


def signed_original(path: Path, plans: Path) -> dict:
    """ban_goc for the scan at `path`: its path from the repository's top and the hash of the file read now."""
    project = plans.resolve().parent
    name = os.path.relpath(os.path.realpath(path), os.path.realpath(project)).replace(os.sep, "/")
    if originals.inside(project, name) is None or not path.is_file():
        raise NotReadable(f"{path}: bản gốc có chữ ký phải là một tệp nằm trong kho ({project}), "
                          "ví dụ goc/114-KH-DUK.pdf; chép tệp vào thư mục goc/ của kho rồi nhập lại.")
    return {"tep": name, "sha256": originals.sha256_of(path)}


def read(path: Path) -> tuple[list[importer.Para], list[str]]:
    """The paragraphs of a .docx or text file; NotReadable with a Vietnamese reason."""
    name = str(path)
    if not path.is_file():
        raise NotReadable(f"{name}: không tìm thấy tệp.")
    # A file sent in (a pull request's .docx) may be a link: followed only inside the current project.
    suffix = path.suffix.lower()
    limit = limits.IMPORT_TEXT_BYTES if suffix in TEXT_SUFFIXES else limits.DOCX_BYTES
    data = untrusted.link_problem(path, name, os.path.realpath(Path.cwd())) or untrusted.read(
        path, limit, name, "", "")
    if isinstance(data, Problem):
        raise NotReadable(f"{name}: {data.message[0].lower()}{data.message[1:]} "
                          "Tệp rất lớn thì tách thành nhiều tệp rồi nhập từng tệp.")
    if suffix in TEXT_SUFFIXES:
        return importer_text.paragraphs(_decode(data, name), markdown=suffix != ".txt"), []
    if suffix != ".docx":
        check_bytes(data, name)  # a Word file under another name is still read; anything else is refused
    return docx_paragraphs(data, name)


def _decode(data: bytes, name: str) -> str:
    if not data.strip():
        raise NotReadable(f"{name}: tệp rỗng, không có gì để nhập.")
    try:
        return decode_utf8(data, bom=True)
    except NotUtf8 as err:
        raise NotReadable(f"{name}: tệp không phải UTF-8 (byte 0x{err.byte:02x} ở vị trí {err.offset}). "
                          "Lưu lại với mã Unicode (UTF-8) rồi nhập lại.") from None


def _overrides(pairs: list[str]) -> dict:
    values = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep or key not in schema.BY_KEY:
            raise NotReadable(f"--truong {pair}: cần dạng KHÓA=GIÁ_TRỊ với KHÓA là một trường của mẫu, "
                              "ví dụ --truong nam=2023.")
        try:
            values[key] = yamlsafe.load(value, f"--truong {key}")[1] if value.strip() else None
        except yamlsafe.Refused as refused:
            raise NotReadable(f"--truong {pair}: {refused.problem.message}") from None
        except yaml.YAMLError:  # "Về việc: tổ chức" is meant as the text typed
            values[key] = value.strip()
    return values


def _label(key: str) -> str:
    return f"{schema.BY_KEY[key].label} ({key})"


def _report(source: Path, result: importer.Imported, warnings: list[str], outcome: docfiles.Outcome, out,
            written: bool) -> None:
    if outcome.refused:
        print(f"Không ghi tệp: {outcome.refused}", file=out)
        for problem in outcome.problems:
            print("  " + problem.format(), file=out)
    elif outcome.path is not None:
        doc = outcome.document
        done = f"Đã nhập {source} → {outcome.path}" if written else f"Đã chuyển {source} (tệp sẽ là {outcome.path})"
        print(f"{done} ({doc.heading}).", file=out)
    if result.missing:
        print("Không tìm thấy trong bản gốc (để trống; trang ghi “chưa rõ”, hoặc thêm bằng --truong/--nam):", file=out)
        for key in result.missing:
            print(f"  - {_label(key)}", file=out)
    if result.notes:
        print("Lấy từ nội dung văn bản, cần đối chiếu với bản gốc:", file=out)
        for note in result.notes:
            print(f"  - {note}", file=out)
    for warning in warnings:
        print(f"  Lưu ý khi đọc tệp Word: {warning}", file=out)
