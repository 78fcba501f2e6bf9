"""`vanban new`: a new document file, from options or, in a terminal, by asking.

The options are made from the schema table (one per field: --so-hieu, --loai…),
so the command, the validation and the editor guide never disagree. The file
goes where the build expects it (plans/<năm>/<số-hiệu>.md), with a body
template of the type's standard parts, and only once it passes validation.
Tasks (nhiem_vu), the most deeply indented part of a front matter, are asked
for or given as --nhiem-vu with its --don-vi and --han, and written by the
command. What `vanban check` would say of the new file (that it will not be
published, a date that looks mistyped) is said at once.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import difflib
import sys
from collections.abc import Callable
from pathlib import Path

from vanban.commands.import_ import signed_original
from vanban.editing import body_templates, docfiles
from vanban.editing.importer_docx import NotReadable
from vanban.model import dates, doctypes, markup, notices, numbers, schema

# Not one option each: tasks have their own three; publish, and the tasks of another
# document this one carries out (thuc_hien_nhiem_vu, a list of mappings), are written by hand.
SKIPPED = ("nhiem_vu", "publish", "thuc_hien_nhiem_vu")
# The questions, in the order of the original's layout: type, number, date, trích yếu, header, signature.
ASKED = ("loai", "so_hieu", "ngay_ban_hanh", "nam", "trich_yeu", "co_quan_ban_hanh", "co_quan_cap_tren",
         "dia_danh", "tham_quyen_ky", "thay_mat", "chuc_vu", "nguoi_ky", "noi_nhan")


class Invalid(ValueError):
    """An answer or option that cannot be used; the message says why, in Vietnamese."""


def option(key: str) -> str:
    return "--" + key.replace("_", "-")


def register(subparsers) -> None:
    cmd = subparsers.add_parser(
        "new", help="tạo tệp văn bản mới",
        description="Tạo tệp văn bản mới trong plans/<năm>/<số-hiệu>.md, với phần thông tin đầu đầy đủ "
                    "và khung nội dung theo loại văn bản. Thiếu thông tin thì lệnh hỏi (khi chạy trong cửa sổ lệnh).")
    for spec in schema.FIELDS:
        if spec.key in SKIPPED:
            continue
        if spec.key == "ban_goc":
            # The scan's path, as `vanban import --ban-goc` takes it: the hash is read from the file,
            # never typed (a mapping typed here was written as a string and refused).
            cmd.add_argument(option(spec.key), type=Path, dest=spec.key, metavar="TỆP_PDF",
                             help="bản quét có chữ ký, đã chép vào thư mục goc/ của kho; lệnh ghi đường dẫn "
                                  "và mã SHA-256 của tệp vào trường ban_goc. Ví dụ: goc/114-KH-DUK.pdf")
            continue
        many = spec.kind == "list"
        cmd.add_argument(option(spec.key), dest=spec.key, action="append" if many else "store",
                         type=_year_option if spec.kind == "year" else str,
                         metavar=spec.label.upper().replace(" ", "_"), help=f"{spec.help} Ví dụ: {_shown(spec)}")
    tasks = cmd.add_argument_group(
        "nhiệm vụ (nhiem_vu)",
        "Mỗi nhiệm vụ: --nhiem-vu rồi các --don-vi và --han của nó, ví dụ: --nhiem-vu \"Xây dựng kế hoạch "
        "giám sát\" --don-vi \"Ban Thường vụ Đoàn Khối\" --han 4/2023.")
    tasks.add_argument("--nhiem-vu", action=_TaskStart, dest="nhiem_vu", metavar="NỘI_DUNG", default=None,
                       help="nội dung một nhiệm vụ văn bản giao (lặp lại cho mỗi nhiệm vụ)")
    tasks.add_argument("--don-vi", action=_TaskPart, dest="nhiem_vu", metavar="ĐƠN_VỊ",
                       help="đơn vị thực hiện nhiệm vụ ghi ngay trước (lặp lại cho mỗi đơn vị)")
    tasks.add_argument("--han", action=_TaskPart, dest="nhiem_vu", metavar="THỜI_HẠN",
                       help=f"thời hạn của nhiệm vụ ghi ngay trước: {dates.EXAMPLES}")
    cmd.add_argument("--thu-muc", type=Path, default=Path("plans"), dest="plans", metavar="THƯ_MỤC",
                     help="thư mục văn bản (mặc định: plans/)")
    cmd.add_argument("--stdout", action="store_true", help="in văn bản ra màn hình thay vì ghi tệp")
    cmd.set_defaults(run=run)


def _shown(spec: schema.Field) -> str:
    """The example as the options to type: a list is the option once per item."""
    if spec.kind == "list":
        return " ".join(f'{option(spec.key)} "{item}"' for item in spec.example) + " (lặp lại cho mỗi mục)"
    return str(spec.example)


def _year_option(value: str) -> int:
    try:
        return _year(value, {})
    except Invalid as err:
        raise argparse.ArgumentTypeError(str(err)) from None


class _TaskStart(argparse.Action):
    """--nhiem-vu: a new task; the --don-vi and --han after it belong to it."""

    def __call__(self, parser, namespace, value, option_string=None):
        tasks = list(getattr(namespace, self.dest) or [])
        tasks.append({"noi_dung": value})
        setattr(namespace, self.dest, tasks)


class _TaskPart(argparse.Action):
    def __call__(self, parser, namespace, value, option_string=None):
        tasks = getattr(namespace, self.dest) or []
        if not tasks:
            parser.error(f"{option_string} phải ghi sau --nhiem-vu của nhiệm vụ ấy.")
        task = tasks[-1]
        if option_string == "--don-vi":
            task.setdefault("don_vi", []).append(value)
        elif "han" in task:
            parser.error(f"nhiệm vụ “{task['noi_dung']}” đã có --han {task['han']}.")
        else:
            task["han"] = value


def run(args) -> int:
    given = {spec.key: getattr(args, spec.key) for spec in schema.FIELDS
             if spec.key not in SKIPPED and getattr(args, spec.key) not in (None, [])}
    scan = given.pop("ban_goc", None)
    try:
        meta = {k: convert(k, v, given) for k, v in given.items()}
        if scan is not None:
            meta["ban_goc"] = _signed(scan, args.plans)
        if args.nhiem_vu:
            meta["nhiem_vu"] = [_task(task) for task in args.nhiem_vu]
        if missing(meta) and sys.stdin.isatty():
            meta = ask(meta)
    except Invalid as err:
        print(f"Lỗi: {err}", file=sys.stderr)
        return 1
    except (EOFError, KeyboardInterrupt):
        print("\nĐã dừng; không ghi tệp nào.", file=sys.stderr)
        return 1
    if missing(meta):
        for key in missing(meta):
            spec = schema.BY_KEY[key]
            print(f"Thiếu {option(key)} ({spec.label}). Ví dụ: {option(key)} '{spec.example}'", file=sys.stderr)
        print("Không ghi tệp nào.", file=sys.stderr)
        return 1
    text = document_text(meta)
    outcome = docfiles.validate(text, args.plans) if args.stdout else docfiles.write(text, args.plans)
    if outcome.refused:
        for problem in outcome.problems:
            print(problem.format(), file=sys.stderr)
        print(outcome.refused, file=sys.stderr)
        return 1
    if args.stdout:
        sys.stdout.write(text)
    else:
        print(f"Đã tạo {outcome.path} ({outcome.document.heading}). Mở tệp, thay các dấu … bằng nội dung văn bản.")
    doc = outcome.document
    for notice in notices.for_document(doc, body=False):
        # Named as the file written, like `vanban check` names it.
        print(dataclasses.replace(notice, file=str(outcome.path or doc.path)).format(), file=sys.stderr)
    return 0


def missing(meta: dict) -> list[str]:
    keys = [f.key for f in schema.FIELDS if f.required and f.key not in meta]
    if "ngay_ban_hanh" not in meta and "nam" not in meta:
        keys.append("nam")
    return keys


def document_text(meta: dict) -> str:
    ordered = {f.key: meta[f.key] for f in schema.FIELDS if f.key in meta}
    return markup.with_front_matter(markup.editor_front_matter(ordered), body_templates.body(meta["loai"]))


# --- values ----------------------------------------------------------------------

def convert(key: str, value, meta: dict):
    """A checked front-matter value from an option or an answer; Invalid if it is wrong."""
    check = CONVERTERS.get(key)
    return check(value, meta) if check else value


def _type(value: str, meta: dict) -> str:
    found = doctypes.by_name(value)
    if found is None:
        close = difflib.get_close_matches(value, doctypes.names(), n=1)
        hint = f" Có phải “{close[0]}”?" if close else ""
        raise Invalid(f"Loại văn bản “{value}” không có trong danh mục.{hint} Các loại: {', '.join(doctypes.names())}.")
    return found.name


def _number(value: str, meta: dict) -> str:
    number = numbers.parse(value)
    if number is None:
        raise Invalid(f"Số hiệu “{value}” không đúng dạng: của Đảng 114-KH/ĐUK, của Nhà nước 1286/QĐ-UBND.")
    kind = doctypes.by_name(meta.get("loai", "")) if isinstance(meta.get("loai"), str) else None
    allowed = numbers.types_for(number)
    if kind is not None and kind not in allowed:
        names = ", ".join(t.name for t in allowed) or "không loại nào"
        raise Invalid(f"Số hiệu {number.canonical} là của {names}, không phải “{kind.name}”.")
    return number.canonical


def _date(value: str, meta: dict):
    parsed = dates.parse(value)
    if parsed is None:
        raise Invalid(f"Ngày “{value}” {_not_a_date(value)}")
    return dt.date(parsed.year, parsed.month, parsed.day) if parsed.day else parsed.iso()


def _year(value, meta: dict) -> int:
    try:
        year = int(value)
    except (TypeError, ValueError):
        year = 0
    if not 1900 <= year <= 2100:
        raise Invalid(f"Năm “{value}” không hợp lệ; ghi năm có 4 chữ số, ví dụ 2023.")
    return year


def _authority(value: str, meta: dict) -> str:
    if value not in schema.SIGNING_AUTHORITIES:
        raise Invalid(f"Thẩm quyền ký “{value}” không hợp lệ; một trong {', '.join(schema.SIGNING_AUTHORITIES)}.")
    return value


def _status(value: str, meta: dict) -> str:
    if value not in schema.STATUSES:
        raise Invalid(f"Trạng thái “{value}” không hợp lệ; một trong {', '.join(schema.STATUSES)}.")
    return value


def _due(value: str, meta: dict) -> str:
    """A task's deadline, kept as typed (4/2023) once it is known to be a date."""
    if dates.parse(value) is None:
        raise Invalid(f"Thời hạn “{value}” {_not_a_date(value)}")
    return value.strip()


def _not_a_date(value: str) -> str:
    reason = dates.why_not(value)
    if reason == "không đúng dạng ngày":
        return f"không đúng dạng ngày; ghi {dates.EXAMPLES}."
    return f"không có thật: {reason}."


def _signed(scan: Path, plans: Path) -> dict:
    try:
        return signed_original(scan, plans)
    except NotReadable as err:
        raise Invalid(str(err)) from None


def _task(task: dict) -> dict:
    if not task.get("don_vi"):
        raise Invalid(f"Nhiệm vụ “{task['noi_dung']}” chưa có đơn vị thực hiện: thêm --don-vi sau --nhiem-vu.")
    done = {"noi_dung": task["noi_dung"].strip(), "don_vi": [u.strip() for u in task["don_vi"]]}
    if task.get("han"):
        done["han"] = _due(task["han"], {})
    return done


CONVERTERS: dict[str, Callable] = {
    "loai": _type, "so_hieu": _number, "ngay_ban_hanh": _date, "nam": _year,
    "tham_quyen_ky": _authority, "trang_thai": _status,
}


# --- questions ----------------------------------------------------------------------

def ask(meta: dict) -> dict:
    """Ask, in order, for every field not given as an option; empty answers skip optional fields."""
    print("Tạo văn bản mới. Trả lời từng câu; bỏ trống câu không bắt buộc nếu bản gốc không ghi.")
    meta = dict(meta)
    for key in ASKED:
        if key in meta or _not_asked(key, meta):
            continue
        value = _ask_list(key) if schema.BY_KEY[key].kind == "list" else _ask_one(key, meta)
        if value not in (None, []):
            meta[key] = value
    if "nhiem_vu" not in meta:
        tasks = _ask_tasks()
        if tasks:
            meta["nhiem_vu"] = tasks
    return meta


def _ask_tasks() -> list[dict]:
    print("Nhiệm vụ văn bản giao (nhiem_vu): từng nhiệm vụ một; bỏ trống nội dung để kết thúc.")
    tasks = []
    while True:
        content = input(f"Nội dung nhiệm vụ {len(tasks) + 1}: ").strip()
        if not content:
            return tasks
        print("  Đơn vị thực hiện: mỗi dòng một đơn vị, dòng trống để kết thúc.")
        units = []
        while True:
            unit = input("    - ").strip()
            if unit:
                units.append(unit)
            elif units:
                break
            else:
                print("    Cần ít nhất một đơn vị thực hiện.")
        task = {"noi_dung": content, "don_vi": units}
        while True:
            due = input(f"  Thời hạn (bỏ trống nếu văn bản không ghi), ví dụ {dates.EXAMPLES}: ").strip()
            if not due:
                break
            try:
                task["han"] = _due(due, {})
                break
            except Invalid as err:
                print(f"    {err}")
        tasks.append(task)


def _not_asked(key: str, meta: dict) -> bool:
    return (key == "nam" and "ngay_ban_hanh" in meta) or (key == "thay_mat" and "tham_quyen_ky" not in meta)


def _required(key: str, meta: dict) -> bool:
    return schema.BY_KEY[key].required or (key == "nam" and "ngay_ban_hanh" not in meta)


def _ask_one(key: str, meta: dict):
    spec = schema.BY_KEY[key]
    required = _required(key, meta)
    prompt = f"{spec.label}{' (bắt buộc)' if required else ''}, ví dụ {spec.example}: "
    while True:
        answer = input(prompt).strip()
        if not answer:
            if not required:
                return None
            print(f"  Cần {spec.label.lower()}: {spec.help}")
            continue
        try:
            return convert(key, answer, meta)
        except Invalid as err:
            print(f"  {err}")


def _ask_list(key: str) -> list[str]:
    spec = schema.BY_KEY[key]
    hint = " (có dòng “Đăng Website” thì văn bản được đăng)" if key == "noi_nhan" else ""
    print(f"{spec.label}{hint}: mỗi dòng một mục, dòng trống để kết thúc.")
    items = []
    while True:
        answer = input("  - ").strip()
        if not answer:
            return items
        items.append(answer)
