"""`vanban cite [TỆP…]`: the citations the site will link, as JSON.

One JSON array per file (standard input when no file is named), each item
{"type", "number", "issuer", "date", "body", "start", "end"}. With --jsonl,
standard input holds JSON Lines with a "text" field and each line gets one
array, in order. Any bad input stops the run before anything is printed, so a
tool reading the output never has to align arrays with gaps.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass

from vanban.citations.parser import find_citations
from vanban.model.text import NotUtf8, decode_utf8


@dataclass
class _Input:
    name: str  # file name, or "đầu vào chuẩn"
    text: str


class _BadInput(Exception):
    pass


def register(subparsers) -> None:
    cmd = subparsers.add_parser(
        "cite", help="liệt kê các văn bản được dẫn chiếu trong tệp (JSON)",
        description="In, cho mỗi tệp (hoặc đầu vào chuẩn), một mảng JSON các văn bản được dẫn chiếu "
                    "theo thứ tự xuất hiện: loại (type), số hiệu (number), ký hiệu cơ quan (issuer), "
                    "ngày (date), cơ quan ban hành (body), vị trí đầu và cuối (start, end: chỉ số ký tự "
                    "trong tệp, phần được làm liên kết). Phần đầu YAML, mã, liên kết sẵn có và địa chỉ web "
                    "được bỏ qua, như khi dựng trang.")
    cmd.add_argument("files", nargs="*", metavar="TỆP", help="tệp Markdown hoặc văn bản (mặc định: đầu vào chuẩn)")
    cmd.add_argument("--jsonl", action="store_true",
                     help="đọc JSON Lines từ đầu vào chuẩn, mỗi dòng có trường \"text\"; in một mảng cho mỗi dòng")
    cmd.add_argument("--plain", action="store_true",
                     help="coi đầu vào là văn bản thuần, không phải Markdown")
    cmd.set_defaults(run=run)


def run(args) -> int:
    try:
        inputs = _jsonl(sys.stdin.buffer.read()) if args.jsonl else _files(args.files)
    except _BadInput as problems:
        for line in problems.args[0]:
            print(line, file=sys.stderr)
        return 1
    for item in inputs:
        cites = find_citations(item.text, markdown=not args.plain)
        print(json.dumps([c.as_dict() for c in cites], ensure_ascii=False))
    return 0


def _files(names: list[str]) -> list[_Input]:
    inputs, problems = [], []
    if not names:
        data = sys.stdin.buffer.read()
        return [_Input("đầu vào chuẩn", _decode(data, "đầu vào chuẩn"))]
    for name in names:
        try:
            with open(name, "rb") as handle:
                inputs.append(_Input(name, _decode(handle.read(), name)))
        except OSError as error:
            problems.append(f"{name}: không đọc được tệp ({error.strerror or error}).")
        except _BadInput as bad:
            problems.extend(bad.args[0])
    if problems:
        raise _BadInput(problems)
    return inputs


def _decode(data: bytes, name: str, line: int | None = None) -> str:
    try:
        return decode_utf8(data)
    except NotUtf8 as error:
        where = line if line is not None else error.line
        raise _BadInput([f"{name}, dòng {where}: không phải văn bản UTF-8 (byte thứ {error.column} của dòng "
                         f"là 0x{error.byte:02x}); hãy lưu tệp với mã hóa UTF-8."]) from None


def _jsonl(data: bytes) -> list[_Input]:
    inputs, problems = [], []
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    for number, raw in enumerate(lines, start=1):
        name = "đầu vào chuẩn"
        try:
            text = _decode(raw.rstrip(b"\r"), name, number)
            inputs.append(_Input(f"{name}, dòng {number}", _text_field(text, number)))
        except _BadInput as bad:
            problems.extend(bad.args[0])
    if problems:
        raise _BadInput(problems)
    return inputs


def _text_field(line: str, number: int) -> str:
    where = f"đầu vào chuẩn, dòng {number}"
    try:
        value = json.loads(line)
    except json.JSONDecodeError as error:
        raise _BadInput([f"{where}: không phải JSON hợp lệ ({error.msg}, cột {error.colno}); "
                         'mỗi dòng cần dạng {"text": "…"}.']) from None
    if not isinstance(value, dict) or not isinstance(value.get("text"), str):
        raise _BadInput([f'{where}: cần một đối tượng JSON có trường "text" là chuỗi, '
                         'ví dụ {"text": "Thực hiện Chỉ thị số 06-CT/TU"}.'])
    return value["text"]
