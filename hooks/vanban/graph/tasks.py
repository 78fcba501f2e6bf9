"""Plans carried out: which published documents answer the tasks a plan assigns
(front matter `nhiem_vu`), which reports report on it, and what that evidence
says about each task and unit on a given day.

A document answers a plan when it says it implements it (its `thuc_hien` or
`can_cu`, or an opening sentence "Thực hiện Kế hoạch số …" found by the
citation parser) and is issued by a unit the plan assigns a task. Units are
matched as offices write them: "Ban Thường vụ Đoàn Khối", "Ban Chấp hành Đoàn
Khối" and "Đoàn Khối Cơ quan - Doanh nghiệp tỉnh" are one unit (the organ of
the body is dropped, the shorter name must begin the longer); "các chi ủy,
đảng ủy cơ sở" is a group matched by any chi ủy (chi bộ) or đảng ủy (đảng bộ)
other than the plan's own issuer. Among the unit's tasks the answer goes to
the one whose words its trích yếu shares most, or to all of them when none
stands out. The front matter `thuc_hien_nhiem_vu` states the tasks instead,
and wins for that plan.

A Báo cáo that says it reports on a plan (in `thuc_hien`/`can_cu`, in its
trích yếu, or with "thực hiện", "sơ kết", "tổng kết" just before the citation)
is one of the plan's reports. It answers a task only when the task asks for a
report ("báo cáo" in its content) or the editor says so.

The status says only what the site holds: a document and its date against the
deadline, "Chưa đến hạn", or "Chưa có văn bản trên trang" as of the day; never
whether a unit has done its task.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from vanban.graph import status as status_mod
from vanban.model import dates, numbers, schema
from vanban.model.documents import Document, Task, TaskLink
from vanban.model.order import newest_first
from vanban.model.problems import Problem
from vanban.model.text import fold

WARNING = "cảnh báo"
IMPLEMENTING_KINDS = ("thực hiện", "căn cứ")
REPORT_TYPE = "Báo cáo"
# A plan in one of these states is over: a task with nothing on the site says so, not "no document".
CLOSED_STATES = ("Đã hoàn thành", "Hết hiệu lực", "Bị thay thế")
# The same from the graph: another published document replaced or repealed the plan, or its end is stated.
CLOSED_KEYS = (status_mod.REPLACED, status_mod.REPEALED, status_mod.ENDED)

# The groups a task's unit falls in on a day, in the order counts are shown.
ON_TIME = "dung_han"
LATE = "sau_han"
ANSWERED = "co_van_ban"  # a document whose date cannot be set against the deadline
NOT_DUE = "chua_den_han"
NOTHING = "chua_co_van_ban"
NO_DUE = "khong_ghi_han"
CLOSED = "da_ket_thuc"
GROUPS = {
    ON_TIME: "Đã có văn bản thực hiện, đúng hạn",
    LATE: "Đã có văn bản thực hiện, sau hạn",
    ANSWERED: "Đã có văn bản thực hiện, chưa rõ ngày so với thời hạn",
    NOT_DUE: "Chưa đến hạn",
    NOTHING: "Chưa có văn bản trên trang",
    NO_DUE: "Không ghi thời hạn, chưa có văn bản trên trang",
    CLOSED: "Văn bản đã kết thúc",
}
HAS_DOCUMENT = "Đã có văn bản thực hiện"
TIMING = {ON_TIME: "đúng hạn", LATE: "sau hạn", ANSWERED: "chưa rõ ngày so với thời hạn"}


def vietnamese_day(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


# --- unit names ------------------------------------------------------------------

# The organ of a body, dropped from its name: the unit is the body.
_ORGANS = ("ban thuong vu", "ban chap hanh", "ban thuong truc", "thuong truc", "thuong vu", "bch", "btv", "tm")
# Names offices use for the same body.
_SYNONYMS = (
    ("doan tncs ho chi minh", "doan"), ("doan thanh nien cong san ho chi minh", "doan"),
    ("doan thanh nien", "doan"), ("dang bo", "dang uy"), ("chi bo", "chi uy"),
)
# A group's members named this vaguely match nothing: any office is an "đơn vị".
_VAGUE = {"co quan", "don vi", "doanh nghiep", "to chuc", "dia phuong", "nganh", "doan the", "to chuc dang"}
_LEVELS = ("co so", "truc thuoc")


@lru_cache(maxsize=4096)  # a corpus names a few hundred units, each matched against every answering document
def name_key(name: str) -> tuple[str, ...]:
    """The words that name a unit, folded, without its organ and with one name for synonyms."""
    text = " " + " ".join(re.findall(r"[a-z0-9]+", fold(name))) + " "
    for long, short in _SYNONYMS:
        text = text.replace(f" {long} ", f" {short} ")
    words = text.split()
    changed = True
    while changed:
        changed = False
        for organ in _ORGANS:
            parts = organ.split()
            if words[:len(parts)] == parts and len(words) > len(parts):
                words = words[len(parts):]
                changed = True
    return tuple(words)


def _same_body(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One name begins the other, and the shorter has at least two words ("Đoàn Khối")."""
    short, long = sorted((a, b), key=len)
    return len(short) >= 2 and long[:len(short)] == short


@lru_cache(maxsize=4096)
def group_members(unit: str) -> tuple[tuple[str, ...], ...] | None:
    """The kinds of body a group names ("các chi ủy, đảng ủy cơ sở" → chi ủy, đảng ủy), or None."""
    folded = " ".join(re.findall(r"[a-z0-9]+", fold(unit)))
    if not folded.startswith("cac "):
        return None
    members = []
    for part in re.split(r",|\bva\b", fold(unit)):
        key = list(name_key(part))
        if key[:1] == ["cac"]:
            key = key[1:]
        for level in _LEVELS:
            words = level.split()
            if key[-len(words):] == words:
                key = key[:-len(words)]
        if key and " ".join(key) not in _VAGUE:
            members.append(tuple(key))
    return tuple(members)


def identities(doc: Document) -> list[tuple[str, ...]]:
    """The names a document is issued under: its issuing body and, when it names one, the signing body."""
    keys = [name_key(doc.issuer_body)]
    signing = doc.meta.get("thay_mat")
    if isinstance(signing, str) and len(name_key(signing)) >= 2 and " ".join(name_key(signing)) not in _ORGANS:
        keys.append(name_key(signing))  # "Ban Thường vụ Đoàn Khối", not "Ban Thường vụ" alone
    return keys


def unit_matches(unit: str, doc: Document, plan: Document) -> bool:
    """Is `doc` issued by `unit` as `plan` names it?"""
    own = identities(doc)
    members = group_members(unit)
    if members is None:
        key = name_key(unit)
        return any(_same_body(key, k) for k in own)
    if any(_same_body(k, name_key(plan.issuer_body)) for k in own):
        return False  # the body that assigned the task is not one of the group it assigned it to
    return any(k[:len(m)] == m for m in members for k in own)


# --- words of a task and a trích yếu ----------------------------------------------

_STOPWORDS = set("""
va cua cac nhung ve theo trong de cho voi tai tren o la co duoc nay do tu den khi sau truoc nham viec mot so
ke hoach thuc hien trien khai cong tac nam ban hanh nang cao chat luong tang cuong day manh tiep tuc
""".split())


def _meaningful(text: str) -> list[str]:
    """Folded syllables that carry meaning, in order: no function words, numbers or document numbers."""
    return [w for w in re.findall(r"[^\W_]+", fold(text)) if w not in _STOPWORDS and not any(c.isdigit() for c in w)]


def _words_and_pairs(text: str) -> tuple[set[str], set[tuple[str, str]]]:
    seq = _meaningful(text)
    return set(seq), set(zip(seq, seq[1:], strict=False))


def best_tasks(title: str, candidates: list[tuple[int, Task]]) -> list[int]:
    """The tasks whose words the title shares most (pairs of words first); all of them on a tie."""
    words, pairs = _words_and_pairs(title)
    scored = []
    for index, task in candidates:
        task_words, task_pairs = _words_and_pairs(task.content)
        scored.append(((len(pairs & task_pairs), len(words & task_words)), index))
    top = max(score for score, _ in scored)
    return [index for score, index in scored if score == top]


# --- what a document says it does -------------------------------------------------

_HEADING = re.compile(r"^(?:#{1,6}\s|\*\*[IVXLC]+\.)", re.M)
_SENTENCE_END = re.compile(r"[.!?…;][\"”’*_)\]]*\s|\n[ \t]*\n")
_MARKS = re.compile(r"[*_`>#]|\[|\]\([^)\n]*\)")
_OPENINGS = ("thuc hien ", "can cu ", "trien khai ")
_REPORT_WORDS = ("thuc hien", "so ket", "tong ket", "ket qua")


def lead(text: str, start: int) -> str:
    """The sentence before a citation, as plain folded words."""
    begin = 0
    for match in _SENTENCE_END.finditer(text, max(0, start - 600), start):
        begin = match.end()
    return " ".join(fold(_MARKS.sub(" ", text[max(begin, start - 600):start])).split())


def _opening_end(body: str) -> int:
    match = _HEADING.search(body)
    return match.start() if match else len(body)


@dataclass(frozen=True)
class Answer:
    doc: Document
    unit: str  # as the plan names it
    stated: bool  # the editor's front matter says so; else inferred


@dataclass
class Tracking:
    answers: dict[tuple[str, int], list[Answer]] = field(default_factory=dict)  # (plan page, task 1-based) → answers
    reports: dict[str, list[Document]] = field(default_factory=dict)  # plan page → reports, newest first
    answering: dict[str, list[tuple[Document, int]]] = field(default_factory=dict)  # document page → (plan, task)
    problems: list[Problem] = field(default_factory=list)
    closed: set[str] = field(default_factory=set)  # pages of plans that are over (trang_thai, or replaced, repealed)

    def is_closed(self, plan: Document) -> bool:
        return plan.src_uri in self.closed or plan.meta.get("trang_thai") in CLOSED_STATES

    def for_task(self, plan: Document, index: int) -> list[Answer]:
        return self.answers.get((plan.src_uri, index), [])

    def status(self, plan: Document, index: int, unit: str, on: dt.date) -> UnitStatus:
        task = plan.tasks[index - 1]
        found = tuple(a for a in self.for_task(plan, index) if a.unit == unit)
        return unit_status(task, unit, found, on, self.is_closed(plan))

    def statuses(self, plan: Document, index: int, on: dt.date) -> list[UnitStatus]:
        return [self.status(plan, index, unit, on) for unit in dict.fromkeys(plan.tasks[index - 1].units)]


@dataclass(frozen=True)
class UnitStatus:
    unit: str
    group: str  # a key of GROUPS
    answers: tuple[Answer, ...]  # oldest first
    on: dt.date

    @property
    def label(self) -> str:
        """The words shown, without the documents: those are listed beside it."""
        if self.answers:
            return HAS_DOCUMENT
        if self.group in (NOTHING, NO_DUE):
            return f"Chưa có văn bản trên trang (tính đến {vietnamese_day(self.on)})"
        return GROUPS[self.group]

    def timing(self, answer: Answer, due: dates.PartialDate | None) -> str:
        """"đúng hạn", "sau hạn", or that the dates cannot tell."""
        return TIMING[timing_group(answer.doc, due)]

    def text(self, due: dates.PartialDate | None) -> str:
        """The status as one plain line: the label and each document with its date and timing."""
        if not self.answers:
            return self.label
        parts = [f"{a.doc.heading} ({answer_when(a.doc)}, {self.timing(a, due)})" for a in self.answers]
        return f"{HAS_DOCUMENT}: " + "; ".join(parts)


def answer_when(doc: Document) -> str:
    if doc.date is None:
        return f"năm {doc.year}, ngày chưa rõ"
    return doc.date.phrase()


def _span(doc: Document) -> tuple[dt.date, dt.date]:
    """The first and last day the document's date may stand for."""
    date = doc.date or dates.PartialDate(doc.year)
    return date.as_date(), dates.latest_day(date)


def timing_group(doc: Document, due: dates.PartialDate | None) -> str:
    if due is None:
        return ANSWERED
    first, last = _span(doc)
    if last <= dates.latest_day(due):
        return ON_TIME
    if first > dates.latest_day(due):
        return LATE
    return ANSWERED


def unit_status(task: Task, unit: str, found: tuple[Answer, ...], on: dt.date, closed: bool = False) -> UnitStatus:
    """What the site holds for one unit's task on a day; `closed`: the plan is over (Tracking.is_closed)."""
    found = tuple(sorted(found, key=lambda a: (_span(a.doc), a.doc.src_uri)))
    if found:
        return UnitStatus(unit, timing_group(found[0].doc, task.due), found, on)
    if closed:
        return UnitStatus(unit, CLOSED, (), on)
    if task.due is None:
        return UnitStatus(unit, NO_DUE, (), on)
    return UnitStatus(unit, NOT_DUE if dates.latest_day(task.due) >= on else NOTHING, (), on)


# --- building the tracking ----------------------------------------------------------

def build(documents: list[Document], graph) -> Tracking:
    """Every published document's answers to plans and reports on them, once per build."""
    tracking = Tracking()
    published = [d for d in documents if d.published]
    plans = {d.src_uri: d for d in published if d.tasks}
    by_number: dict[str, list[Document]] = defaultdict(list)
    for doc in published:
        by_number[doc.number.canonical].append(doc)
    reports: dict[str, list[Document]] = defaultdict(list)
    if graph is not None:
        tracking.closed = {uri for uri in plans if graph.status(uri).key in CLOSED_KEYS}
    for doc in published:
        stated = _stated(doc, by_number, tracking.problems)
        implemented, reported = _cited_plans(doc, graph, plans)
        if doc.doctype.name == REPORT_TYPE:
            for uri in reported:
                reports[uri].append(doc)
        for uri, links in stated.items():
            for index, unit in links:
                _add(tracking, plans[uri], index, Answer(doc, unit, True))
        for uri in implemented:
            if uri not in stated:
                _infer(tracking, plans[uri], doc)
    for uri, found in reports.items():
        tracking.reports[uri] = newest_first(found)
    for key in tracking.answers:
        tracking.answers[key].sort(key=lambda a: (_span(a.doc), a.doc.src_uri))
    return tracking


def _add(tracking: Tracking, plan: Document, index: int, answer: Answer) -> None:
    found = tracking.answers.setdefault((plan.src_uri, index), [])
    if any(a.doc is answer.doc and a.unit == answer.unit for a in found):
        return
    found.append(answer)
    rows = tracking.answering.setdefault(answer.doc.src_uri, [])
    if (plan, index) not in rows:
        rows.append((plan, index))


def _cited_plans(doc: Document, graph, plans: dict[str, Document]) -> tuple[list[str], list[str]]:
    """(plans the document implements, plans it reports on), from what it says."""
    implemented: dict[str, None] = {}
    reported: dict[str, None] = {}
    opening = _opening_end(doc.body)
    for mention in graph.mentions.get(graph.uri(doc), ()) if graph is not None else ():
        uri = mention.target.src_uri
        if uri not in plans or plans[uri] is doc or status_mod.issued_after(plans[uri], doc):
            continue  # a plan issued after the document is a namesake it cannot have carried out
        if mention.kind in IMPLEMENTING_KINDS:
            implemented[uri] = reported[uri] = None
            continue
        if not mention.found.in_body:
            continue
        before = lead(mention.found.text, mention.found.citation.start)
        if mention.found.citation.start < opening and (before + " ").startswith(_OPENINGS):
            implemented[uri] = reported[uri] = None
        elif any(w in " ".join(before.split()[-8:]) for w in _REPORT_WORDS):
            reported[uri] = None
    if doc.doctype.name == REPORT_TYPE and graph is not None:
        for uri in _title_plans(doc, graph):
            if uri in plans and plans[uri] is not doc and not status_mod.issued_after(plans[uri], doc):
                reported[uri] = None
    return list(implemented), list(reported)


def _title_plans(doc: Document, graph) -> list[str]:
    from vanban.citations.parser import find_citations  # the parser is its own module

    return [graph.registry.resolve(c, doc.title).entry.src_uri for c in find_citations(doc.title, markdown=False)]


def _matched(task: Task, doc: Document, plan: Document) -> list[str]:
    """The task's units that issued `doc`; a unit named outright before a group it might also be in."""
    units = [u for u in dict.fromkeys(task.units) if unit_matches(u, doc, plan)]
    named = [u for u in units if group_members(u) is None]
    return named or units


def _infer(tracking: Tracking, plan: Document, doc: Document) -> None:
    matched: dict[int, list[str]] = {}
    for index, task in enumerate(plan.tasks, 1):
        if doc.doctype.name == REPORT_TYPE and "bao cao" not in fold(task.content):
            continue
        units = _matched(task, doc, plan)
        if units:
            matched[index] = units
    if not matched:
        return
    chosen = best_tasks(doc.title, [(i, plan.tasks[i - 1]) for i in matched]) if len(matched) > 1 else list(matched)
    for index in chosen:
        for unit in matched[index]:
            _add(tracking, plan, index, Answer(doc, unit, False))


# --- the editor's statement: thuc_hien_nhiem_vu ----------------------------------------

_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


def _stated(doc: Document, by_number: dict[str, list[Document]], problems: list[Problem]) -> dict[str, list]:
    """Plan page → [(task, unit)] from the front matter; a link that names nothing is a warning."""
    out: dict[str, list] = {}
    for link in doc.task_links:
        plan = _plan_for(doc, link, by_number, problems)
        if plan is None:
            continue
        for index in link.tasks:
            if index > len(plan.tasks):
                _warn(problems, doc, link, f"{plan.heading} có {len(plan.tasks)} nhiệm vụ, không có nhiệm vụ thứ {index}.",
                      f"số thứ tự từ 1 đến {len(plan.tasks)}, theo thứ tự trong nhiem_vu của {plan.heading}")
                continue
            task = plan.tasks[index - 1]
            units = list(dict.fromkeys(task.units))
            if link.unit:
                chosen = [u for u in units if fold(u) == fold(link.unit) or _same_body(name_key(u), name_key(link.unit))]
                if not chosen:
                    _warn(problems, doc, link, f"Nhiệm vụ thứ {index} của {plan.heading} không giao cho “{link.unit}”.",
                          "một đơn vị ghi trong nhiệm vụ: " + "; ".join(units))
                    continue
            else:
                chosen = _matched(task, doc, plan) or (units if len(units) == 1 else [])
                if not chosen:
                    _warn(problems, doc, link,
                          f"Nhiệm vụ thứ {index} của {plan.heading} giao cho nhiều đơn vị; không rõ văn bản này của đơn vị nào.",
                          "ghi thêm don_vi, một trong: " + "; ".join(units))
                    continue
            out.setdefault(plan.src_uri, []).extend((index, unit) for unit in chosen)
    return out


def _plan_for(doc: Document, link: TaskLink, by_number, problems) -> Document | None:
    number = _number(link.document)
    candidates = [d for d in by_number.get(number.canonical, []) if d.tasks and d is not doc] if number else []
    year = _YEAR.search(re.sub(r"\S*/\S*", " ", link.document))  # a year outside the number
    if year and len(candidates) > 1:
        candidates = [d for d in candidates if d.year == int(year[1])]
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        _warn(problems, doc, link, f"Không có văn bản giao nhiệm vụ nào số hiệu “{link.document}” trên trang.",
              "số hiệu của một văn bản đã đăng có nhiem_vu")
    else:
        years = ", ".join(str(d.year) for d in candidates)
        _warn(problems, doc, link, f"Có {len(candidates)} văn bản số hiệu “{link.document}” (năm {years}).",
              "ghi thêm năm sau số hiệu",
              schema.block("thuc_hien_nhiem_vu", ({"van_ban": f"{link.document} năm {candidates[0].year}", "nhiem_vu": 1},)))
    return None


_NUMBER_PART = re.compile(r"(?:Số\s*:?\s*)?\d+[^/,;]{0,12}/[^\s,;]+", re.I)


def _number(text: str) -> numbers.Number | None:
    """The number in "114-KH/ĐUK", "Kế hoạch số 114-KH/ĐUK" or "114-KH/ĐUK năm 2023"."""
    found = numbers.parse(text)
    if found is None:
        part = _NUMBER_PART.search(text)
        found = numbers.parse(part.group()) if part else None
    return found


def _warn(problems: list[Problem], doc: Document, link: TaskLink, message: str, expected: str, example: str = "") -> None:
    problems.append(Problem(doc.path, link.line, "thuc_hien_nhiem_vu", message, expected,
                            example or schema.BY_KEY["thuc_hien_nhiem_vu"].yaml, WARNING))
