"""Whether a document still stands, and who says so.

A status always comes with its source. A published document that replaces,
repeals or amends another (graph/kinds.py reads it from the citing sentence,
or the editor states it in the front matter) is the strongest source: it is
named, linked and its sentence quoted. Otherwise the status an editor wrote
in `trang_thai` (published documents) or in `hieu_luc` with `nguon_hieu_luc`
(data/registry.yml) is shown with that source. With no source the status is
"Chưa rõ": "Còn hiệu lực" is never a default. A document never acts on one
surely issued after it: that is a namesake a citation without its year found.

The statuses follow vbpl.vn's (còn hiệu lực, hết hiệu lực một phần, hết
hiệu lực toàn bộ, ngưng hiệu lực), named by what ended them when a published
document did ("Bị thay thế", "Bị bãi bỏ", "Bị bãi bỏ một phần").
"""

from __future__ import annotations

from dataclasses import dataclass

from vanban.graph import kinds
from vanban.model import dates

REPLACED, REPEALED, REPEALED_PART = "bi-thay-the", "bi-bai-bo", "bi-bai-bo-mot-phan"
IN_FORCE, ENDED, ENDED_PART, SUSPENDED = "con-hieu-luc", "het-hieu-luc", "het-hieu-luc-mot-phan", "ngung-hieu-luc"
UNKNOWN = "chua-ro"

LABELS = {
    REPLACED: "Bị thay thế",
    REPEALED: "Bị bãi bỏ",
    REPEALED_PART: "Bị bãi bỏ một phần",
    IN_FORCE: "Còn hiệu lực",
    ENDED: "Hết hiệu lực",
    ENDED_PART: "Hết hiệu lực một phần",
    SUSPENDED: "Ngưng hiệu lực",
    UNKNOWN: "Chưa rõ",
}
# What a link to the document says after its words, for statuses a reader must not miss.
MARKERS = {
    REPLACED: "đã bị thay thế",
    REPEALED: "đã bị bãi bỏ",
    REPEALED_PART: "bị bãi bỏ một phần",
    ENDED: "hết hiệu lực",
    ENDED_PART: "hết hiệu lực một phần",
    SUSPENDED: "ngưng hiệu lực",
}
# The words an editor writes (trang_thai, hieu_luc) → the status. "Đang thực
# hiện" and "Đã hoàn thành" tell how a plan is carried out, not whether it stands.
STATED = {
    "còn hiệu lực": IN_FORCE,
    "hết hiệu lực": ENDED,
    "hết hiệu lực toàn bộ": ENDED,
    "hết hiệu lực một phần": ENDED_PART,
    "ngưng hiệu lực": SUSPENDED,
    "bị thay thế": REPLACED,
    "bị bãi bỏ": REPEALED,
}
_BY_KIND = {kinds.REPLACES: REPLACED, kinds.REPEALS: REPEALED, kinds.REPEALS_PART: REPEALED_PART}
_NOTE_WORDS = {
    kinds.REPLACES: "Bị thay thế bởi",
    kinds.REPEALS: "Bị bãi bỏ bởi",
    kinds.REPEALS_PART: "Bị bãi bỏ một phần bởi",
    kinds.AMENDS: "Được sửa đổi, bổ sung bởi",
    kinds.GUIDES: "Được hướng dẫn bởi",
}


@dataclass(frozen=True)
class Because:
    """One published document acting on another, with the sentence that says so."""

    kind: str  # a kinds.EFFECTS relation
    doc: object  # the acting Document
    uri: str  # its page
    sentence: tuple[str, str, str]

    @property
    def heading(self) -> str:
        return self.doc.heading

    @property
    def when(self) -> str:
        return self.doc.date.phrase() if self.doc.date else f"năm {self.doc.year}"


@dataclass(frozen=True)
class Status:
    key: str  # one of LABELS
    by: tuple[Because, ...] = ()  # the documents that made it so, newest first
    source: str = ""  # for a stated status: who states it
    notes: tuple[Because, ...] = ()  # other acts on the document: amended, guided, partly repealed

    @property
    def label(self) -> str:
        return LABELS[self.key]

    @property
    def known(self) -> bool:
        return self.key != UNKNOWN

    @property
    def marker(self) -> str:
        """Words shown after a link to the document; empty when it stands or nobody knows."""
        return MARKERS.get(self.key, "")

    def summary(self) -> str:
        """One plain line: "Bị thay thế bởi Quyết định 215-QĐ/ĐUK, ngày 01/3/2024"."""
        if self.by:
            acts = "; ".join(f"{b.heading}, {b.when}" for b in self.by)
            return f"{_NOTE_WORDS[self.by[0].kind]} {acts}"
        if self.source:
            return f"{self.label} (theo {self.source})"
        return f"Trạng thái: {self.label.lower()}"


NOT_KNOWN = Status(UNKNOWN)


def _order(because: Because) -> tuple:
    date = because.doc.date.sort_key() if because.doc.date else (because.doc.year, 0, 0)
    return (tuple(-x for x in date), because.uri)


def issued_after(target, doc) -> bool:
    """Is `target` surely issued after `doc`? Then `doc` cannot act on it."""
    if target.date is None and target.year is None:
        return False
    first = target.date.as_date() if target.date else dates.PartialDate(target.year).as_date()
    return first > dates.latest_day(doc.date or dates.PartialDate(doc.year))


def build(graph) -> dict[str, Status]:
    """The status of every document the graph knows: target page → Status."""
    acts: dict[str, list[Because]] = {}
    for uri, mentions in graph.mentions.items():
        seen = set()
        for mention in mentions:
            if mention.kind not in kinds.EFFECTS or mention.target.src_uri.endswith("-chua-ro.md"):
                continue  # an ambiguous citation must not end a document it may not name
            if issued_after(mention.target, mention.doc):
                continue  # numbers restart: a citation without its year found a later namesake
            key = (mention.target.src_uri, mention.kind)
            if key in seen:
                continue
            seen.add(key)
            acts.setdefault(mention.target.src_uri, []).append(Because(mention.kind, mention.doc, uri, mention.sentence))
    statuses = {}
    for uri, entry in graph.targets.items():
        found = sorted(acts.get(uri, ()), key=_order)
        stated = stated_status(entry)
        statuses[uri] = decide(found, stated)
    return statuses


def stated_status(entry) -> tuple[str, str] | None:
    """(status key, source) an editor wrote for the document, if any."""
    if entry.doc is not None and entry.published:
        value = entry.doc.meta.get("trang_thai")
        key = STATED.get(str(value or "").strip().lower())
        return (key, "cơ quan ban hành, ghi trên trang này") if key else None
    value, source = getattr(entry, "status", None), getattr(entry, "status_source", None)
    key = STATED.get(str(value or "").strip().lower())
    return (key, f"danh mục văn bản: {source}") if key and source else None


def decide(acts: list[Because], stated: tuple[str, str] | None) -> Status:
    for kind in (kinds.REPLACES, kinds.REPEALS, kinds.REPEALS_PART):
        by = tuple(a for a in acts if a.kind == kind)
        if by:
            notes = tuple(a for a in acts if a.kind != kind)
            return Status(_BY_KIND[kind], by=by, notes=notes)
    if stated:
        return Status(stated[0], source=stated[1], notes=tuple(acts))
    return Status(UNKNOWN, notes=tuple(acts))


def note_words(kind: str) -> str:
    return _NOTE_WORDS[kind]
