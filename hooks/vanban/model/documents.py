"""A document file: bytes → front matter and body → a validated Document.

A pipeline of small steps (decode, split, parse YAML, check each field), each
adding Problems instead of stopping, so an editor sees every fault in one run.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from vanban.model import dates, doctypes, limits, numbers, schema, untrusted, yaml_faults, yamlsafe
from vanban.model.problems import FRONT, Problem
from vanban.model.text import NotUtf8, clean, decode_utf8, fold
from vanban.model.text import slug as make_slug

_WEBSITE_LINE = re.compile(
    r"\bdang\s+(?:tren\s+)?(?:website|web|trang\s+web|trang\s+thong\s+tin\s+dien\s+tu"
    r"|cong\s+thong\s+tin\s+dien\s+tu|trang\s+tin\s+dien\s+tu)\b"
)



def is_website_line(recipient: str) -> bool:
    """“Đăng Website”, “Đăng trang thông tin điện tử”…: the line that asks for publication."""
    return _WEBSITE_LINE.search(fold(recipient)) is not None

@dataclass
class Task:
    content: str
    units: list[str]
    due: dates.PartialDate | None


@dataclass(frozen=True)
class TaskLink:
    """The editor's statement that this document carries out tasks of another one."""

    document: str  # the other document's number, as written ("114-KH/ĐUK", "114-KH/ĐUK năm 2023")
    tasks: tuple[int, ...]  # 1-based positions in its nhiem_vu
    unit: str | None  # the unit as that document names it, when it names several
    line: int


@dataclass
class Document:
    path: str  # as given to the loader, for messages
    meta: dict  # the cleaned front matter, keys as written
    body: str  # Markdown body, NFC
    body_line: int  # 1-based line of the body's first line in the file
    lines: dict  # front-matter key → 1-based line
    number: numbers.Number
    doctype: doctypes.DocType
    date: dates.PartialDate | None
    year: int
    tasks: list[Task] = field(default_factory=list)
    task_links: list[TaskLink] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.meta["trich_yeu"]

    @property
    def issuer_body(self) -> str:
        return self.meta["co_quan_ban_hanh"]

    @property
    def recipients(self) -> list[str]:
        return self.meta.get("noi_nhan") or []

    @functools.cached_property  # asked for all over the build; folding recipients each time was a hot spot
    def published(self) -> bool:
        flag = self.meta.get("publish")
        if flag is not None:
            return flag
        return any(is_website_line(r) for r in self.recipients)

    @property
    def slug(self) -> str:
        return make_slug(self.number.canonical)

    @property
    def src_uri(self) -> str:
        """The page's path in the site; permanent, from year and number only."""
        return f"van-ban/{self.year}/{self.slug}.md"

    @property
    def heading(self) -> str:
        return f"{self.doctype.name} {self.number.canonical}"


def read(path: Path, display: str | None = None) -> tuple[Document | None, list[Problem]]:
    """Read and validate one document file."""
    name = display or str(path)
    data = untrusted.read(path, limits.DOCUMENT_BYTES, name,
                      f"tệp văn bản không quá {limits.size(limits.DOCUMENT_BYTES)}; văn bản dài hơn thì tách "
                      "thành nhiều tệp, phụ lục để tệp riêng", f"{untrusted.SEED} (11 KB)")
    if isinstance(data, Problem):
        return None, [data]
    try:
        text = decode_utf8(data)
    except NotUtf8 as err:
        return None, [Problem(name, err.line, "mã hóa", f"Tệp không phải UTF-8 hợp lệ (byte 0x{err.byte:02x} ở vị trí {err.offset}).",
                              "tệp lưu ở dạng UTF-8", "trong Word chọn Lưu thành… > Văn bản thuần > Unicode (UTF-8)")]
    return parse(text, name)


def parse(text: str, name: str) -> tuple[Document | None, list[Problem]]:
    text = clean(text.replace("\r\n", "\n"))
    split = _split(text, name)
    if isinstance(split, Problem):
        return None, [split]
    front, body, body_line = split
    size = len(front.encode("utf-8", "surrogatepass"))
    if size > limits.FRONT_MATTER_BYTES:
        return None, [untrusted.too_large(
            name, "Phần thông tin đầu (giữa hai dòng ---)", size, limits.FRONT_MATTER_BYTES,
            f"phần thông tin đầu không quá {limits.size(limits.FRONT_MATTER_BYTES)}; nội dung dài đặt ở phần thân văn bản",
            "trich_yeu: Thực hiện công tác dân vận năm 2023", line=1, field=FRONT)]
    loaded = _load_yaml(front, name)
    if isinstance(loaded, Problem):
        return None, [loaded]
    meta, lines, shapes = loaded
    return _validate(meta, lines, body, body_line, name, shapes)


def _split(text: str, name: str):
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return yaml_faults.missing_opening(lines, name)
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1:]), index + 2
    return yaml_faults.missing_closing(lines, name)


def _load_yaml(front: str, name: str):
    try:
        node, meta = yamlsafe.load(front, name, first_line=2)
    except yamlsafe.Refused as refused:
        return refused.problem
    except yaml.YAMLError as err:
        return yaml_faults.explain(err, front.split("\n"), name)
    if not isinstance(meta, dict):
        return Problem(name, 2, FRONT, "Phần thông tin đầu văn bản phải là các cặp khóa: giá trị.",
                       "các dòng dạng khóa: giá trị", "so_hieu: 114-KH/ĐUK")
    lines = {k.value: k.start_mark.line + 2 for k, _ in node.value}
    shapes = {k.value: _shape(v) for k, v in node.value}
    return meta, lines, shapes


def _shape(node) -> str:
    """"flow" for a non-empty [a, b] or {a: b} anywhere in the value (a comma
    inside an item splits it), "lines" for a plain text over several lines (a
    list written without "- "), "" otherwise."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.SequenceNode | yaml.MappingNode):
            if current.flow_style and current.value:
                return "flow"
            stack.extend(v for pair in current.value for v in (pair if isinstance(pair, tuple) else (pair,)))
    # A plain scalar's style is None from the Python loader, "" from libyaml's.
    if isinstance(node, yaml.ScalarNode) and not node.style and node.end_mark.line > node.start_mark.line:
        return "lines"
    return ""


def _validate(meta: dict, lines: dict, body: str, body_line: int, name: str, shapes: dict | None = None):
    problems: list[Problem] = []
    shapes = shapes or {}

    def report(key: str, message: str, expected: str = "", example: str | None = None) -> None:
        spec = schema.BY_KEY.get(key)
        shown = example if example is not None else (spec.yaml if spec else "")
        problems.append(Problem(name, lines.get(key, 2), key, message, expected, shown))

    meta = {str(k): _cleaned(v) for k, v in meta.items()}
    for key in meta:
        if key not in schema.BY_KEY:
            close = difflib.get_close_matches(key, schema.BY_KEY, n=1)
            hint = f"; có phải “{close[0]}”?" if close else "."
            report(key, f"Trường “{key}” không có trong mẫu{hint}",
                   "một trong các trường của Hướng dẫn biên tập",
                   schema.BY_KEY[close[0]].yaml if close else "so_hieu: 114-KH/ĐUK")
    for spec in schema.FIELDS:
        if spec.required and _empty(meta.get(spec.key)):
            report(spec.key, f"Thiếu trường bắt buộc “{spec.key}” ({spec.label}).", spec.help)
    for spec in schema.FIELDS:
        value = meta.get(spec.key)
        if shapes.get(spec.key) == "flow" and spec.kind in ("list", "tasks"):
            _one_line_list(spec, value, report)
        elif not _empty(value):
            _check_kind(spec, value, report, shapes.get(spec.key, ""))

    doctype = _doctype(meta, report)
    number = _number(meta, doctype, report)
    date = dates.parse(meta["ngay_ban_hanh"]) if not _empty(meta.get("ngay_ban_hanh")) else None
    year = _year(meta, date, report)
    tasks = _tasks(meta.get("nhiem_vu"), report) if shapes.get("nhiem_vu") != "flow" else []
    links = _task_links(meta.get("thuc_hien_nhiem_vu"), lines.get("thuc_hien_nhiem_vu", 2), report)
    if any(p.is_error for p in problems) or not (number and doctype and year):
        return None, problems
    meta["so_hieu"] = number.canonical
    meta["loai"] = doctype.name
    doc = Document(name, meta, body, body_line, lines, number, doctype, date, year, tasks, links)
    return doc, problems


def _cleaned(value):
    if isinstance(value, str):
        return clean(value).strip()
    if isinstance(value, list):
        return [_cleaned(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _cleaned(v) for k, v in value.items()}
    return value


def _empty(value) -> bool:
    # A mapping of blanks is what the browser editor writes for a group of fields
    # opened and left empty (ban_goc: {tep: '', sha256: ''}): nothing was given.
    if isinstance(value, dict):
        return all(_empty(v) for v in value.values())
    return value is None or value == "" or value == []


def _one_line_list(spec: schema.Field, value, report) -> None:
    """[a, b] on one line: a comma inside an item ("Các chi ủy, đảng ủy cơ sở")
    would split it into two, silently; refused, with the form that cannot split."""
    if spec.kind == "tasks":
        report(spec.key, f"“{spec.key}” ({spec.label}) viết trên một dòng trong ngoặc [ ] hoặc {{ }}: dấu phẩy "
               "trong nội dung hay tên đơn vị sẽ cắt chúng ra.",
               "mỗi nhiệm vụ bắt đầu bằng “- ” trên một dòng, mỗi trường một dòng")
        return
    items = value if isinstance(value, list) else [value]
    read = ", ".join(f"“{item}”" for item in items)
    report(spec.key, f"“{spec.key}” ({spec.label}) viết trên một dòng trong ngoặc [ ]: dấu phẩy tách mục, nên "
           f"một mục có dấu phẩy (như “Các chi ủy, đảng ủy cơ sở”) bị tách làm hai. Đang đọc thành {len(items)} "
           f"mục: {read}.", "mỗi mục một dòng, bắt đầu bằng “- ”")


def _check_kind(spec: schema.Field, value, report, shape: str = "") -> None:
    kind = spec.kind
    if kind == "text" and not isinstance(value, (str, int, float)):
        report(spec.key, f"“{spec.key}” phải là một dòng chữ.", "một giá trị chữ")
    elif kind == "list" and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
        _not_a_list(spec, value, shape, report)
    elif kind == "bool" and not isinstance(value, bool):
        report(spec.key, f"“{spec.key}” chỉ nhận true hoặc false, không nhận “{value}”.", "true hoặc false")
    elif kind == "date" and dates.parse(value) is None:
        _bad_date(spec.key, f"Ngày ban hành “{value}”", value, report)
    elif kind == "year" and not (isinstance(value, int) and 1900 <= value <= 2100):
        report(spec.key, f"Năm “{value}” không hợp lệ.", "năm có 4 chữ số")
    elif kind == "original":
        _check_original(spec, value, report)
    elif spec.key == "tham_quyen_ky" and value not in schema.SIGNING_AUTHORITIES:
        report(spec.key, f"Thẩm quyền ký “{value}” không hợp lệ.", "một trong " + ", ".join(schema.SIGNING_AUTHORITIES))
    elif spec.key == "trang_thai" and value not in schema.STATUSES:
        report(spec.key, f"Trạng thái “{value}” không hợp lệ.", "một trong " + ", ".join(schema.STATUSES))


# A digest with letters, in quotes: 64 digits alone would be read as a number
# and lose its leading zeros, so a copied example must not be one.
ORIGINAL_EXAMPLE = ("ban_goc:\n  tep: goc/114-KH-DUK.pdf\n"
                    '  sha256: "3f5a9c0e7b1d24a68e0f5b3c9d7a1e2f4b6c8d0e1f2a3b4c5d6e7f8091a2b3c4"')
_SHA256 = re.compile(r"[0-9a-f]{64}")


def _check_original(spec: schema.Field, value, report) -> None:
    """The shape of ban_goc only; whether the file is there and matches is the
    graph's to check (graph/originals.py), as it reads the repository."""
    if not isinstance(value, dict):
        report(spec.key, "“ban_goc” phải có hai trường: tep (đường dẫn tệp) và sha256 (mã của tệp).",
               "tep và sha256, viết trong ngoặc nhọn hoặc thụt lề dưới ban_goc", ORIGINAL_EXAMPLE)
        return
    extra = sorted(set(value) - {"tep", "sha256"})
    if extra:
        report(spec.key, f"“ban_goc” có trường lạ: {', '.join(extra)}.", "chỉ tep và sha256", ORIGINAL_EXAMPLE)
    path = value.get("tep")
    if not isinstance(path, str) or not path.strip():
        report(spec.key, "“ban_goc” thiếu đường dẫn tệp (tep).", "đường dẫn tệp PDF tính từ thư mục gốc của kho",
               ORIGINAL_EXAMPLE)
    elif path.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", path) or ".." in re.split(r"[\\/]", path):
        report(spec.key, f"Tệp bản gốc “{path}” phải nằm trong kho, ghi đường dẫn tính từ thư mục gốc của kho.",
               "đường dẫn như goc/114-KH-DUK.pdf, không bắt đầu bằng / và không có “..”", ORIGINAL_EXAMPLE)
    digest = value.get("sha256")
    if isinstance(digest, int | float) and not isinstance(digest, bool):
        report(spec.key, "Mã sha256 của bản gốc được đọc thành một số, không phải dòng chữ (mã chỉ có chữ số thì "
               "mất các số 0 ở đầu).", "mã sha256 đặt trong ngoặc kép thẳng \"…\"", ORIGINAL_EXAMPLE)
    elif not isinstance(digest, str) or not _SHA256.fullmatch(digest.strip().lower()):
        report(spec.key, f"Mã sha256 của bản gốc “{digest if digest is not None else ''}” không đúng dạng.",
               "64 chữ số hệ 16 (0-9, a-f), như lệnh sha256sum in ra; lệnh vanban import ghi sẵn", ORIGINAL_EXAMPLE)


def _not_a_list(spec: schema.Field, value, shape: str, report) -> None:
    if not isinstance(value, str):
        report(spec.key, f"“{spec.key}” ({spec.label}) phải là danh sách các dòng chữ.", "mỗi mục một dòng, bắt đầu bằng “- ”")
        return
    if shape == "lines" or value.startswith("-"):
        report(spec.key, f"Các mục của “{spec.key}” ({spec.label}) thiếu “- ” ở đầu dòng (dấu gạch ngang và một "
               "dấu cách), nên cả danh sách bị đọc thành một dòng chữ.", "mỗi mục một dòng, bắt đầu bằng “- ”")
        return
    report(spec.key, f"“{spec.key}” ({spec.label}) phải là danh sách, mỗi mục một dòng bắt đầu bằng “- ”.",
           "danh sách, kể cả khi chỉ có một mục", schema.block(spec.key, (value,)))


def _bad_date(key: str, what: str, value, report, example: str | None = None) -> None:
    reason = dates.why_not(value)
    if reason == "không đúng dạng ngày":
        report(key, f"{what} không đúng dạng ngày.", "ngày, tháng hoặc năm: " + dates.EXAMPLES, example)
    else:
        report(key, f"{what} không có thật: {reason}.", "một ngày có thật, dạng " + dates.EXAMPLES, example)




def _doctype(meta: dict, report) -> doctypes.DocType | None:
    value = meta.get("loai")
    if _empty(value) or not isinstance(value, str):
        return None
    found = doctypes.by_name(value)
    if found is None:
        close = difflib.get_close_matches(value, doctypes.names(), n=1)
        hint = f" Có phải “{close[0]}”?" if close else ""
        report("loai", f"Loại văn bản “{value}” không có trong danh mục.{hint}",
               "một trong: " + ", ".join(doctypes.names()))
    return found


def _number(meta: dict, doctype: doctypes.DocType | None, report) -> numbers.Number | None:
    value = meta.get("so_hieu")
    if _empty(value):
        return None
    number = numbers.parse(str(value))
    if number is None:
        report("so_hieu", f"Số hiệu “{value}” không đúng dạng số và ký hiệu văn bản.",
               "dạng của Đảng 114-KH/ĐUK hoặc của Nhà nước 1286/QĐ-UBND, 30/2020/NĐ-CP")
        return None
    allowed = numbers.types_for(number)
    if doctype is not None and doctype not in allowed:
        code = number.type_code or "(không có mã loại)"
        names = ", ".join(t.name for t in allowed) or "không loại nào"
        report("so_hieu", f"Số hiệu {number.canonical} có mã loại {code} ({names}) nhưng loại văn bản là “{doctype.name}”.",
               f"mã loại trong số hiệu khớp với loại văn bản, hoặc sửa “loai” thành {names}",
               f"so_hieu: {_example_number(doctype, number)}")
    return number


def _example_number(doctype: doctypes.DocType, number: numbers.Number) -> str:
    if number.system == "party" and doctype.party:
        return f"{number.numeral}-{doctype.party[0]}/{number.issuer}"
    if doctype.state:
        return f"{number.numeral}/{doctype.state[0]}-{number.issuer.split('-')[-1]}"
    return "114-KH/ĐUK"


def _year(meta: dict, date: dates.PartialDate | None, report) -> int | None:
    year = meta.get("nam")
    if not isinstance(year, int) or isinstance(year, bool):
        year = None
    if date and year and date.year != year:
        report("nam", f"Năm {year} không trùng năm của ngày ban hành ({date.iso()}).",
               "năm bằng năm của ngày ban hành, hoặc bỏ trường nam", f"nam: {date.year}")
    if date is None and year is None and _empty(meta.get("ngay_ban_hanh")) and _empty(meta.get("nam")):
        report("ngay_ban_hanh", "Cần ngày ban hành hoặc năm để đặt đường dẫn văn bản.",
               "ngày ban hành (có thể chỉ ghi năm), hoặc trường nam khi chưa rõ ngày", "nam: 2023")
    return date.year if date else year


def _tasks(value, report) -> list[Task]:
    if _empty(value):
        return []
    example = schema.BY_KEY["nhiem_vu"].yaml
    if not isinstance(value, list):
        report("nhiem_vu", "“nhiem_vu” phải là danh sách nhiệm vụ.", "danh sách, mỗi mục có noi_dung, don_vi, han", example)
        return []
    tasks = []
    for index, item in enumerate(value, 1):
        if not isinstance(item, dict) or _empty(item.get("noi_dung")) or _empty(item.get("don_vi")):
            report("nhiem_vu", f"Nhiệm vụ thứ {index} thiếu nội dung (noi_dung) hoặc đơn vị (don_vi).",
                   "mỗi nhiệm vụ có noi_dung và don_vi; han nếu có", example)
            continue
        extra = set(item) - set(schema.TASK_KEYS)
        if extra:
            report("nhiem_vu", f"Nhiệm vụ thứ {index} có trường lạ: {', '.join(sorted(extra))}.",
                   "chỉ các trường noi_dung, don_vi, han", example)
        due = dates.parse(item["han"]) if not _empty(item.get("han")) else None
        if not _empty(item.get("han")) and due is None:
            _bad_date("nhiem_vu", f"Thời hạn “{item['han']}” của nhiệm vụ thứ {index}", item["han"], report, example)
        units = item["don_vi"] if isinstance(item["don_vi"], list) else [str(item["don_vi"])]
        tasks.append(Task(str(item["noi_dung"]), [str(u) for u in units], due))
    return tasks


def _task_links(value, line: int, report) -> list[TaskLink]:
    if _empty(value):
        return []
    example = schema.BY_KEY["thuc_hien_nhiem_vu"].yaml
    expected = "danh sách, mỗi mục có van_ban (số hiệu văn bản giao nhiệm vụ) và nhiem_vu (số thứ tự nhiệm vụ); don_vi nếu cần"
    if not isinstance(value, list):
        report("thuc_hien_nhiem_vu", "“thuc_hien_nhiem_vu” phải là danh sách.", expected, example)
        return []
    links = []
    for index, item in enumerate(value, 1):
        if not isinstance(item, dict) or _empty(item.get("van_ban")) or _empty(item.get("nhiem_vu")):
            report("thuc_hien_nhiem_vu", f"Mục thứ {index} của “thuc_hien_nhiem_vu” thiếu van_ban hoặc nhiem_vu.",
                   expected, example)
            continue
        extra = set(item) - set(schema.TASK_LINK_KEYS)
        if extra:
            report("thuc_hien_nhiem_vu", f"Mục thứ {index} của “thuc_hien_nhiem_vu” có trường lạ: {', '.join(sorted(extra))}.",
                   "chỉ các trường van_ban, nhiem_vu, don_vi", example)
            continue
        raw = item["nhiem_vu"] if isinstance(item["nhiem_vu"], list) else [item["nhiem_vu"]]
        if not raw or not all(isinstance(n, int) and not isinstance(n, bool) and n >= 1 for n in raw):
            report("thuc_hien_nhiem_vu",
                   f"nhiem_vu “{item['nhiem_vu']}” ở mục thứ {index} của “thuc_hien_nhiem_vu” không phải số thứ tự nhiệm vụ.",
                   "một số từ 1 trở lên, hoặc danh sách số như [1, 2]", example)
            continue
        unit = item.get("don_vi")
        if unit is not None and not isinstance(unit, str):
            report("thuc_hien_nhiem_vu", f"don_vi ở mục thứ {index} của “thuc_hien_nhiem_vu” phải là một dòng chữ.",
                   "tên một đơn vị như nhiệm vụ ghi",
                   schema.block("thuc_hien_nhiem_vu", ({"van_ban": "114-KH/ĐUK", "nhiem_vu": 1,
                                                        "don_vi": "Ban Thường vụ Đoàn Khối"},)))
            continue
        links.append(TaskLink(str(item["van_ban"]), tuple(dict.fromkeys(raw)), unit or None, line))
    return links
