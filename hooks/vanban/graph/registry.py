"""The registry of known documents, and how a citation finds one of them.

Known documents are the files in plans/ (published or held back) and the
entries of data/registry.yml (documents cited but not published here). A
citation resolves by type, number, province and year: 06-CT/TU of 2021 is not
06-CT/TU of 2016, and the Tỉnh ủy of another province is another issuer. A
citation that resolves to nothing still names a document; it becomes an entry
built from what the citation says, marked as not in the registry.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from pathlib import Path

import yaml

from vanban.citations.citation import Citation
from vanban.citations.parser import find_citations
from vanban.model import dates, doctypes, limits, numbers, untrusted, yaml_faults, yamlsafe
from vanban.model.documents import Document
from vanban.model.problems import FRONT, Problem
from vanban.model.text import NotUtf8, clean, decode_utf8, fold
from vanban.model.text import slug as slugify  # cached, fixed transliteration

DATA_FILE = "data/registry.yml"
WARNING = "cảnh báo"

# Where the published data entries and unresolved citations get their pages.
CITED_DIR = "van-ban/dan-chieu"
CITED_INDEX = f"{CITED_DIR}/index.md"  # the listing of cited documents, by type


@dataclass(frozen=True)
class Entry:
    """One document the site knows of, or one a citation names."""

    type: str  # "Chỉ thị"
    number: str | None  # canonical số hiệu; bare digits for a partial one; None for a named document
    name: str | None = None  # the name of a document without a number
    issuer: str | None = None  # the code after the slash (Party) or after the type code (State)
    date: dates.PartialDate | None = None
    year: int | None = None
    body: str | None = None  # issuing body, as written
    title: str | None = None  # trích yếu
    url: str | None = None  # official text
    aliases: tuple[str, ...] = ()
    province: str | None = None  # folded; None is the site's own province or a central issuer
    source: str = "data"  # "plans", "data" or "citation"
    doc: Document | None = None  # the file in plans/, published or not
    line: int = 0  # line in the data file
    page: str = ""  # the page path, when the graph had to move it off a taken one
    on_site: bool = False  # a document of plans/ that is published
    status: str | None = None  # hieu_luc in the data file: "Còn hiệu lực", "Hết hiệu lực"…
    status_source: str | None = None  # nguon_hieu_luc: who says so (required with hieu_luc)

    @property
    def held(self) -> bool:
        return self.doc is not None and not self.on_site

    @property
    def published(self) -> bool:
        return self.on_site

    @property
    def known(self) -> bool:
        """In the registry: in plans/ or in the data file."""
        return self.source != "citation"

    @property
    def heading(self) -> str:
        if self.number is None:
            return self.name or self.type
        return f"{self.type} {self.number}"

    @cached_property  # read for every link and row; a frozen entry never changes
    def slug(self) -> str:
        """Permanent: from type, number (or name), province and year only."""
        if self.number is None:
            return slugify(self.name or self.type)
        parts = [self.type, self.number]
        if self.number.isdigit() and self.body:  # a partial number is only told apart by its issuer
            parts.append(self.body)
        if self.province:
            parts.append(self.province)
        if self.year:
            parts.append(str(self.year))
        return slugify(" ".join(parts))

    @cached_property
    def src_uri(self) -> str:
        """The page a citation of this document links to."""
        if self.page:
            return self.page
        if self.published:
            return self.doc.src_uri
        return f"{CITED_DIR}/{self.slug}.md"


@dataclass(frozen=True)
class Resolution:
    entry: Entry  # what the citation's link and page show
    status: str  # "resolved", "held", "ambiguous", "unknown"
    problem: str = ""  # a Vietnamese note when the citation contradicts the entry
    candidates: tuple[Entry, ...] = ()  # for "ambiguous"


@dataclass
class Registry:
    entries: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    home: str | None = None  # folded name of the site's province
    by_number: dict[tuple[str, str], list[Entry]] = field(default_factory=lambda: defaultdict(list))
    by_alias: dict[str, Entry] = field(default_factory=dict)

    def add(self, entry: Entry) -> None:
        self.entries.append(entry)
        if entry.number is not None:
            self.by_number[(fold(entry.type), entry.number)].append(entry)
        for alias in (entry.name, *entry.aliases):
            if alias:
                self.by_alias.setdefault(name_key(alias), entry)

    def resolve(self, citation, text: str) -> Resolution:
        """The entry a citation names; `text` is the text the offsets point into."""
        if citation.number is None:
            return self._resolve_named(citation, text)
        if citation.number.isdigit():
            return Resolution(from_citation(citation, text, self.home), "unknown")
        return self._resolve_numbered(citation, text)

    def _resolve_named(self, citation, text: str) -> Resolution:
        key = name_key(_plain(text[citation.start:citation.end]))  # the whole name, as written
        entry = self.by_alias.get(key) or self._alias_prefix(key)
        if entry is not None and fold(entry.type) == fold(citation.type):
            return Resolution(entry, "resolved")
        return Resolution(from_citation(citation, text, self.home), "unknown")

    def _alias_prefix(self, key: str) -> Entry | None:
        """The alias a name starts with when only the term follows it:
        "… lần thứ XIII, nhiệm kỳ 2020 - 2025" finds "… lần thứ XIII". Any
        other tail ("… XIII của Đảng bộ tỉnh") may name another organ."""
        words = key.split(" ")
        for size in range(len(words) - 2, 1, -1):
            if words[size:size + 2] == ["nhiem", "ky"]:
                return self.by_alias.get(" ".join(words[:size]))
        return None

    def _resolve_numbered(self, citation, text: str) -> Resolution:
        own = from_citation(citation, text, self.home)
        candidates = [e for e in self.by_number.get((fold(citation.type), citation.number), ())
                      if e.province == own.province]
        if own.year is not None:
            exact = [e for e in candidates if e.year == own.year]
            candidates = exact or [e for e in candidates if e.year is None]
        if not candidates:
            return Resolution(own, "unknown")
        if len(candidates) > 1:
            return Resolution(own, "ambiguous", candidates=tuple(candidates))
        entry = candidates[0]
        if entry.held:
            return Resolution(own, "held")
        return Resolution(entry, "resolved", _contradiction(entry, own))


def name_key(name: str) -> str:
    """A named document's matching key: folded, punctuation and spacing ignored."""
    return " ".join(re.findall(r"\w+", fold(name)))


def _plain(span: str) -> str:
    """The words of a Markdown span, emphasis marks dropped."""
    return " ".join(re.sub(r"[*_`]", "", span).split())


def _contradiction(entry: Entry, own: Entry) -> str:
    if entry.date and own.date and entry.date.day and own.date.day and entry.date != own.date:
        return (f"ngày dẫn chiếu {own.date.vietnamese()} khác ngày ban hành "
                f"{entry.date.vietnamese()} của {entry.heading} trong danh mục")
    return ""


# Province of a local issuer, from its body as written: "Tỉnh ủy Trà Vinh",
# "Ủy ban nhân dân tỉnh Bến Tre". A body that names none is the site's own.
# Matched on text without diacritics but with its case: a name is capitalised.
_PROVINCE = re.compile(
    r"(?i:\b(?:tinh uy|thanh uy|tinh|thanh pho))\s+(?!(?i:uy)\b)((?:[A-Z][^\W\d_]*)(?:\s+[A-Z][^\W\d_]*)*)"
)
_LOCAL_ISSUER = re.compile(r"(?:^|-)(?:TU|HU|QU|ĐU|ĐUK|CB|ĐH|BCĐ|CTĐ|UBND|HĐND)(?:-|$)|(?:TU|HU)$")


@lru_cache(maxsize=1 << 14)  # a corpus names a few hundred bodies, each thousands of times
def province_of(body: str | None, issuer: str | None, home: str | None) -> str | None:
    """The folded province of a local issuer when it is not the site's own, else None."""
    if not body or (issuer and not _LOCAL_ISSUER.search(issuer)):
        return None
    for match in _PROVINCE.finditer(_strip_marks(body)):
        name = fold(match.group(1)).strip()
        if name != home:
            return name
    return None


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", clean(text))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.replace("Đ", "D").replace("đ", "d")


def from_citation(citation, text: str, home: str | None) -> Entry:
    """An entry built only from what the citation says."""
    name = _plain(text[citation.start:citation.end]) if citation.number is None else None
    return _cited(citation.type, citation.number, name, citation.issuer, citation.date, citation.body, home)


@lru_cache(maxsize=1 << 16)  # a corpus cites the same documents thousands of times; entries are frozen
def _cited(type_: str, number: str | None, name: str | None, issuer: str | None, date_text: str | None,
           body: str | None, home: str | None) -> Entry:
    date = dates.parse(date_text) if date_text else None
    return Entry(
        type=type_, number=number, name=name, issuer=issuer,
        date=date, year=date.year if date else _number_year(number),
        body=body, province=province_of(body, issuer, home), source="citation",
    )


@lru_cache(maxsize=1 << 16)
def _number_year(number: str | None) -> int | None:
    parsed = numbers.parse(number) if number and not number.isdigit() else None
    return parsed.year if parsed else None


def from_document(doc: Document, home: str | None, published: bool) -> Entry:
    body = doc.issuer_body
    superior = doc.meta.get("co_quan_cap_tren") or ""
    return Entry(
        type=doc.doctype.name, number=doc.number.canonical, issuer=doc.number.issuer,
        date=doc.date, year=doc.year, body=body, title=doc.title,
        province=province_of(f"{body}, {superior}", doc.number.issuer, home),  # a comma: "…tỉnh" + "Đảng bộ…" is no province
        source="plans", doc=doc, on_site=published,
    )


def build(documents: list[Document], data_file: Path | None, home: str | None = None,
          display: str = DATA_FILE) -> Registry:
    """Every document of plans/, then the data file's entries."""
    home = fold(home).strip() if home else None
    registry = Registry(home=home)
    data, problems = load_data(data_file, display, home) if data_file else ([], [])
    registry.problems.extend(problems)
    published, held = {}, []
    for doc in documents:
        entry = from_document(doc, home, doc.published)
        if entry.published:
            published[_key(entry)] = entry
            registry.add(entry)
        else:
            held.append(entry)
    listed = set()
    for entry in data:
        key = _key(entry)
        if key in published and entry.number is not None:
            registry.problems.append(Problem(
                display, entry.line, "so_hieu",
                f"{entry.heading} đã được đăng trên trang ({published[key].doc.path}); mục này trong danh mục bị bỏ qua.",
                "mỗi văn bản chỉ ở một nơi: văn bản đã đăng thì xóa mục trong danh mục", "", WARNING))
            continue
        if key in listed:
            registry.problems.append(Problem(
                display, entry.line, "so_hieu", f"{entry.heading} có hai lần trong danh mục.",
                "mỗi văn bản một mục", f"so_hieu: {entry.number or ''}"))
            continue
        listed.add(key)
        registry.add(entry)
    for entry in held:  # known, but the data file's entry, if any, is what shows
        if _key(entry) not in listed:
            registry.add(entry)
    return registry


def _key(entry: Entry) -> tuple:
    return (fold(entry.type), entry.number or name_key(entry.name or ""), entry.province, entry.year)


# --- the data file -----------------------------------------------------------

_FIELDS = ("loai", "so_hieu", "ten", "ngay_ban_hanh", "co_quan_ban_hanh", "tinh", "trich_yeu", "url", "ten_khac",
           "hieu_luc", "nguon_hieu_luc")
# A status in the data file, and the source it must name ("say only what a source says").
STATUSES = ("Còn hiệu lực", "Hết hiệu lực", "Hết hiệu lực một phần", "Ngưng hiệu lực", "Bị thay thế", "Bị bãi bỏ")
_STATUS_EXAMPLE = "hieu_luc: Hết hiệu lực\n  nguon_hieu_luc: Quyết định số 215-QĐ/ĐUK, ngày 01/3/2024 của Ban Thường vụ Đảng ủy Khối"
_EXAMPLE = "- loai: Chỉ thị\n  so_hieu: 06-CT/TU\n  ngay_ban_hanh: 2021-05-06\n  co_quan_ban_hanh: Ban Thường vụ Tỉnh ủy"


def load_data(path: Path, display: str = DATA_FILE, home: str | None = None) -> tuple[list[Entry], list[Problem]]:
    """The entries of data/registry.yml, and a Problem for each faulty one."""
    if not os.path.lexists(path):
        return [], []
    # The data folder's project: a link there may lead to another file of the project, never out of it.
    refused = untrusted.link_problem(path, display, os.path.dirname(os.path.realpath(path.parent)))
    data = refused or untrusted.read(path, limits.REGISTRY_BYTES, display,
                                     f"danh mục không quá {limits.size(limits.REGISTRY_BYTES)}", _EXAMPLE)
    if isinstance(data, Problem):
        return [], [data]
    try:
        text = clean(decode_utf8(data))
    except NotUtf8 as err:
        return [], [Problem(display, err.line, "mã hóa",
                            f"Tệp không phải UTF-8 hợp lệ (byte 0x{err.byte:02x} ở vị trí {err.offset}).",
                            "tệp lưu ở dạng UTF-8", _EXAMPLE)]
    try:
        node, data = yamlsafe.load(text, display, first_line=1, field="danh mục", example=_EXAMPLE)
    except yamlsafe.Refused as refused:
        return [], [refused.problem]
    except yaml.YAMLError as err:
        found = yaml_faults.explain(err, text.split("\n"), display, first_line=1)
        return [], [replace(found, field="danh mục" if found.field == FRONT else found.field)]
    items = data.get("van_ban") if isinstance(data, dict) else None
    if not isinstance(items, list):
        return [], [Problem(display, 1, "van_ban", "Danh mục phải có khóa van_ban với danh sách văn bản.",
                            "van_ban: rồi mỗi văn bản một mục bắt đầu bằng “- ”", "van_ban:\n" + _EXAMPLE)]
    lines = _item_lines(node)
    entries, problems = [], []
    for index, item in enumerate(items):
        line = lines[index] if index < len(lines) else 1
        entry, faults = _data_entry(item, line, display, home)
        problems.extend(faults)
        if entry is not None:
            entries.append(entry)
    return entries, problems


def _item_lines(node) -> list[int]:
    for key, value in getattr(node, "value", ()):
        if key.value == "van_ban" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def _data_entry(item, line: int, display: str, home: str | None) -> tuple[Entry | None, list[Problem]]:
    def problem(key: str, message: str, expected: str, example: str = _EXAMPLE) -> Problem:
        return Problem(display, line, key, message, expected, example)

    if not isinstance(item, dict):
        return None, [problem("van_ban", "Mỗi mục của danh mục phải là các cặp khóa: giá trị.", "loai, so_hieu hoặc ten, …")]
    item = {str(k): _text(v) for k, v in item.items()}
    faults = [problem(k, f"Trường “{k}” không có trong mẫu danh mục.", "một trong " + ", ".join(_FIELDS))
              for k in item if k not in _FIELDS]
    for key in _FIELDS:
        if key != "ten_khac" and isinstance(item.get(key), list):
            faults.append(problem(key, f"Trường “{key}” phải là một dòng chữ, không phải danh sách.",
                                  "giá trị viết liền sau dấu hai chấm, không có dòng “- ”"))
            item[key] = None
    doctype = doctypes.by_name(item.get("loai") or "")
    if doctype is None:
        faults.append(problem("loai", f"Loại văn bản “{item.get('loai') or ''}” không có trong danh mục loại.",
                              "một trong: " + ", ".join(doctypes.names())))
    number = numbers.parse(item["so_hieu"]) if item.get("so_hieu") else None
    if item.get("so_hieu") and number is None:
        faults.append(problem("so_hieu", f"Số hiệu “{item['so_hieu']}” không đúng dạng.", "dạng 06-CT/TU hoặc 1286/QĐ-UBND"))
    if not item.get("so_hieu") and not item.get("ten"):
        faults.append(problem("so_hieu", "Mục cần số hiệu (so_hieu) hoặc tên (ten).", "so_hieu hoặc ten"))
    date = dates.parse(item["ngay_ban_hanh"]) if item.get("ngay_ban_hanh") else None
    if item.get("ngay_ban_hanh") and date is None:
        faults.append(problem("ngay_ban_hanh", f"Ngày “{item['ngay_ban_hanh']}” không hợp lệ.", dates.EXAMPLES))
    url = item.get("url")
    if url and not re.match(r"https?://[^\s<>\"]+$", url):
        faults.append(problem("url", f"Đường dẫn “{url}” không phải địa chỉ web.", "địa chỉ bắt đầu bằng https://",
                              "url: https://vbpl.vn/…"))
    aliases = item.get("ten_khac") or []
    if not (isinstance(aliases, list) and all(isinstance(a, str) for a in aliases)):
        faults.append(problem("ten_khac", "“ten_khac” phải là danh sách tên.", "mỗi tên một dòng bắt đầu bằng “- ”"))
        aliases = []
    status = item.get("hieu_luc")
    if status and status not in STATUSES:
        faults.append(problem("hieu_luc", f"Hiệu lực “{status}” không có trong danh sách.",
                              "một trong: " + ", ".join(STATUSES), _STATUS_EXAMPLE))
    elif status and not item.get("nguon_hieu_luc"):
        faults.append(problem("nguon_hieu_luc", f"“hieu_luc: {status}” cần ghi nguồn (nguon_hieu_luc): "
                              "trang chỉ ghi hiệu lực khi có nguồn.",
                              "văn bản hoặc trang web nói văn bản còn hay hết hiệu lực", _STATUS_EXAMPLE))
    if faults:
        return None, faults
    year = date.year if date else number.year if number else None
    body = item.get("co_quan_ban_hanh")
    province = fold(item["tinh"]).strip() if item.get("tinh") else None
    if province == home:
        province = None
    issuer = number.issuer if number else None
    entry = Entry(
        type=doctype.name, number=number.canonical if number else None, name=item.get("ten"),
        issuer=issuer, date=date, year=year, body=body, title=item.get("trich_yeu"), url=url,
        aliases=tuple(aliases), source="data", line=line,
        status=status or None, status_source=item.get("nguon_hieu_luc") or None,
        province=province or province_of(body, issuer, home),
    )
    return entry, []


def _text(value):
    if isinstance(value, list):
        return [_text(v) for v in value]
    if value is None or isinstance(value, str):
        return value.strip() if isinstance(value, str) else value
    return str(value) if not hasattr(value, "isoformat") else value.isoformat()


def with_citation(entry: Entry, citation_entry: Entry) -> Entry:
    """An entry from citations, filled in from a later citation of the same document."""
    return replace(
        entry,
        date=entry.date or citation_entry.date,
        body=entry.body or citation_entry.body,
    )


# --- the citations of one document ---------------------------------------------

# Front-matter fields whose items are citations, and the relation each names.
RELATION_FIELDS = (("can_cu", "căn cứ"), ("thuc_hien", "thực hiện"))
# Relations an editor states, which win over what the body's sentences say
# (graph/kinds.py reads those): "dan_chieu" says a document is only mentioned.
STATED_FIELDS = (("thay_the", "thay thế"), ("bai_bo", "bãi bỏ"), ("bai_bo_mot_phan", "bãi bỏ một phần"),
                 ("sua_doi_bo_sung", "sửa đổi, bổ sung"), ("huong_dan", "hướng dẫn"), ("dan_chieu", "dẫn chiếu"))
MENTIONED = "dẫn chiếu"  # a citation found in the body
BODY_FIELD = "nội dung"


# Where a document's citations come from: parser.find_citations, or the
# build's or check's priming.Primed.find (the same answers, parsed ahead).
Find = Callable[..., list[Citation]]


@dataclass(frozen=True)
class Found:
    """One citation in a document, resolved."""

    kind: str  # "căn cứ", "thực hiện" or "dẫn chiếu"
    citation: Citation
    text: str  # what the citation's offsets point into: the body or a front-matter item
    line: int  # line in the file
    field: str  # "nội dung" or the front-matter key
    resolution: Resolution

    @property
    def in_body(self) -> bool:
        return self.field == BODY_FIELD


def document_citations(doc: Document, registry: Registry, find: Find = find_citations) -> list[Found]:
    """The citations of a document: front-matter relations, then the body's, in order."""
    found = []
    for key, kind, item in relation_items(doc):
        for citation in find(item, markdown=False):
            found.append(Found(kind, citation, item, doc.lines.get(key, 2), key, registry.resolve(citation, item)))
    line, counted = doc.body_line, 0  # lines counted up to the citation before, not from the top each time
    for citation in find(doc.body):
        if citation.start < counted:
            line, counted = doc.body_line, 0
        line += doc.body.count("\n", counted, citation.start)
        counted = citation.start
        found.append(Found(MENTIONED, citation, doc.body, line, BODY_FIELD, registry.resolve(citation, doc.body)))
    return found


def relation_items(doc: Document):
    """(field, kind, text) of each front-matter item that may cite: căn cứ, thực hiện…"""
    for key, kind in RELATION_FIELDS + STATED_FIELDS:
        items = doc.meta.get(key) or []
        for item in items if isinstance(items, list) else [items]:
            yield key, kind, str(item)


def is_self(doc: Document, found: Found) -> bool:
    return found.resolution.entry.doc is doc


def check_citations(corpus, registry: Registry, find: Find = find_citations) -> list[Problem]:
    """Warnings for citations that name no known document, or contradict the one they name."""
    problems = []
    for doc in corpus.documents:
        for key, _kind in RELATION_FIELDS + STATED_FIELDS:
            items = doc.meta.get(key) or []
            for item in items if isinstance(items, list) else [items]:
                if not find(str(item), markdown=False):
                    problems.append(Problem(
                        doc.path, doc.lines.get(key, 2), key,
                        f"Không nhận ra văn bản nào trong “{item}”.",
                        "loại văn bản, số hiệu, ngày và cơ quan ban hành như khi trích dẫn",
                        # One item a line: in [ ] the commas of a citation would split it in three.
                        f"{key}:\n  - Chỉ thị số 06-CT/TU, ngày 06/5/2021 của Ban Thường vụ Tỉnh ủy", WARNING))
        for found in document_citations(doc, registry, find):
            problem = _citation_problem(doc, found)
            if problem is not None:
                problems.append(problem)
    return problems


def _citation_problem(doc: Document, found: Found) -> Problem | None:
    resolution = found.resolution
    words = " ".join(found.text[found.citation.start:found.citation.end].split())
    advice = f"thêm văn bản vào {DATA_FILE} (loai, so_hieu, ngay_ban_hanh, co_quan_ban_hanh) hoặc sửa lời dẫn chiếu"
    example = _EXAMPLE  # the four fields the advice names
    if resolution.status == "unknown":
        message = f"Văn bản được dẫn chiếu “{words}” chưa có trong danh mục; trang của nó chỉ có điều lời dẫn chiếu ghi."
    elif resolution.status == "ambiguous":
        years = ", ".join(str(e.year or "chưa rõ năm") for e in resolution.candidates)
        message = (f"Lời dẫn chiếu “{words}” không ghi ngày nên không rõ là văn bản nào: danh mục có "
                   f"{len(resolution.candidates)} văn bản cùng số hiệu (năm {years}).")
        advice, example = "ghi ngày ban hành sau số hiệu", f"{words}, ngày 06/5/2021"
    elif resolution.problem:
        message = f"Lời dẫn chiếu “{words}”: {resolution.problem}."
        advice, example = "ngày trong lời dẫn chiếu khớp với danh mục, hoặc sửa danh mục", ""
    else:
        return None
    if is_self(doc, found):
        return None
    return Problem(doc.path, found.line, found.field, message, advice, example, WARNING)
