"""Deadlines: the tasks a plan assigns (front matter `nhiem_vu`), shown on the
plan's page with the documents that answer them and the plan's reports, on the
site page "Thời hạn" by unit, and as iCalendar feeds.

Each task's status, unit by unit, is what the published documents show on a
day (graph.tasks): a document answering it and whether its date is by the
deadline, "Chưa đến hạn", or "Chưa có văn bản trên trang" as of that day. The
site never says a unit is late or has not done its task: it cannot know.

"Today" is the build date in Vietnam, or VANBAN_TODAY (YYYY-MM-DD) when set,
so tests and rebuilds are deterministic. A task due in a month ("4/2023")
falls due on the month's last day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlsplit

import icalendar
from markupsafe import Markup

from vanban.graph import tasks as tasks_mod
from vanban.graph.tasks import Tracking, UnitStatus, answer_when, vietnamese_day
from vanban.model import dates
from vanban.model.documents import Document, Task
from vanban.model.markup import md, md_link, page, page_href, render, unbroken
from vanban.model.order import newest_first
from vanban.model.text import tone_key
from vanban.site.listings import (
    DEADLINES,
    DOCS_PER_PAGE,
    absolute,
    chunks,
    group_slug,
    page_links,
    page_uri,
    pager,
    rel,
)

__all__ = ["step"]

NEXT_ON_INDEX = 20
ALL_CALENDAR = "lich/thoi-han.ics"
# The groups counted on "Thời hạn", as column headings: every task there has a deadline.
COUNTED = (tasks_mod.ON_TIME, tasks_mod.LATE, tasks_mod.ANSWERED, tasks_mod.NOT_DUE, tasks_mod.NOTHING)
COLUMNS = {
    tasks_mod.ON_TIME: "Có văn bản, đúng hạn",
    tasks_mod.LATE: "Có văn bản, sau hạn",
    tasks_mod.ANSWERED: "Có văn bản, chưa rõ ngày",
    tasks_mod.NOT_DUE: "Chưa đến hạn",
    tasks_mod.NOTHING: "Đã qua thời hạn, chưa có văn bản trên trang",
}


@dataclass
class Entry:
    doc: Document
    task: Task
    index: int  # 1-based position in the plan's nhiem_vu
    statuses: list[UnitStatus]  # one per unit, in the plan's order
    closed: bool = False  # the plan is over: finished, ended, replaced or repealed

    @property
    def day(self) -> dt.date | None:
        return dates.latest_day(self.task.due) if self.task.due else None

    def for_unit(self, unit: str) -> UnitStatus:
        return next(s for s in self.statuses if s.unit == unit)


def entries(documents, tracking: Tracking, on: dt.date) -> list[Entry]:
    return [Entry(doc, task, i, tracking.statuses(doc, i, on), tracking.is_closed(doc))
            for doc in newest_first(documents) for i, task in enumerate(doc.tasks, 1)]


def calendar_uri(doc: Document) -> str:
    return f"lich/{doc.src_uri[:-3]}.ics"


def status_cell(entry: Entry, from_uri: str, statuses: list[UnitStatus] | None = None) -> Markup:
    """Each unit's status, with links to the documents that answer the task; units named when several."""
    shown = statuses if statuses is not None else entry.statuses
    lines = []
    for status in shown:
        text = md(status.label)
        if status.answers:
            text += md(": ") + Markup("; ").join(
                md_link(a.doc.heading, rel(from_uri, a.doc.src_uri))
                + md(f" ({answer_when(a.doc)}, {status.timing(a, entry.task.due)})") for a in status.answers)
        lines.append(Markup("**") + md(status.unit) + Markup("**: ") + text if len(shown) > 1 else text)
    return Markup("<br>").join(lines)


# --- the plan page -----------------------------------------------------------

def plan_section(doc: Document, items: list[Entry], on: dt.date) -> str:
    return render(
        "deadlines_plan.md",
        rows=[{"content": md(e.task.content), "units": md("; ".join(e.task.units)),
               "due": md(dates.display(e.task.due)), "status": status_cell(e, doc.src_uri)} for e in items],
        on=md(vietnamese_day(on)),
        calendar=rel(doc.src_uri, calendar_uri(doc)) if any(e.day for e in items) else None,
        deadlines=rel(doc.src_uri, DEADLINES),
    )


def reports_section(doc: Document, reports: list[Document]) -> str:
    return render("deadlines_reports.md", rows=[{
        "link": md_link(r.heading, rel(doc.src_uri, r.src_uri)), "when": md(answer_when(r)), "title": md(r.title),
    } for r in reports])


def answered_row(doc: Document, answered: list[tuple[Document, int]]) -> tuple[str, Markup]:
    """The implementing document's panel row, as raw HTML: which plans' tasks it answers."""
    links = Markup("; ").join(Markup('{}<a href="{}">{}</a>').format(
        unbroken(f"nhiệm vụ {index} của "), page_href(doc.src_uri, plan.src_uri), unbroken(plan.heading))
        for plan, index in answered)
    return ("Thực hiện nhiệm vụ", links)


# --- the site page and the unit pages ------------------------------------------

def _order(items: list[Entry], on: dt.date) -> list[Entry]:
    """Deadlines to come first, soonest first; then those passed, most recent first."""
    coming = sorted((e for e in items if e.day >= on), key=lambda e: (e.day, e.doc.src_uri, e.index))
    passed = sorted((e for e in items if e.day < on), key=lambda e: (e.day, e.doc.src_uri, e.index), reverse=True)
    return coming + passed


def _rows(items: list[Entry], from_uri: str, unit: str | None = None) -> list[dict]:
    return [{
        "due": md(dates.display(e.task.due)),
        "status": status_cell(e, from_uri, [e.for_unit(unit)] if unit else None),
        "content": md(e.task.content),
        "units": md("; ".join(e.task.units)) if unit is None else None,
        "doc": md_link(e.doc.number.canonical, rel(from_uri, e.doc.src_uri)),
    } for e in items]


@dataclass
class Unit:
    slug: str
    name: str
    items: list[Entry]
    statuses: list[UnitStatus]  # this unit's status in each item, in the same order

    @property
    def uri(self) -> str:
        return f"thoi-han/{self.slug}/index.md"

    def counts(self) -> dict[str, int]:
        return {group: sum(s.group == group for s in self.statuses) for group in COUNTED}


def tracked(items: list[Entry]) -> list[Entry]:
    """The tasks "Thời hạn" shows: with a deadline, in a plan not over."""
    return [e for e in items if e.day is not None and not e.closed]


def units(items: list[Entry]) -> list[Unit]:
    """Tasks by unit. Names of one body as offices write them ("Ban Thường vụ Đoàn Khối",
    "Đoàn Khối") are one unit, shown under the spelling the plans use most."""
    found: dict[tuple, list[tuple[Entry, UnitStatus]]] = {}
    for entry in tracked(items):
        seen = set()
        for status in entry.statuses:
            key = tasks_mod.name_key(status.unit) or (group_slug(status.unit),)
            if key not in seen:  # a task names a unit once even if two spellings of it are listed
                seen.add(key)
                found.setdefault(key, []).append((entry, status))
    out = []
    for pairs in found.values():
        spellings: dict[str, int] = {}
        for _, status in pairs:
            spellings[status.unit] = spellings.get(status.unit, 0) + 1
        name = min(spellings, key=lambda n: (-spellings[n], tone_key(n), n))
        out.append(Unit(group_slug(name), name, [e for e, _ in pairs], [s for _, s in pairs]))
    return sorted(out, key=lambda u: (tone_key(u.name), u.slug))


def unit_pages(unit: Unit, on: dt.date) -> dict[str, str]:
    ordered = _order(unit.items, on)
    named = {id(e): s.unit for e, s in zip(unit.items, unit.statuses, strict=True)}
    parts = chunks(ordered, DOCS_PER_PAGE)
    title = f"Thời hạn của {unit.name}"
    out = {}
    for number, chunk in enumerate(parts, 1):
        uri = page_uri(unit.uri, number)
        heading = title if number == 1 else f"{title} (trang {number})"
        rows = [row for e in chunk for row in _rows([e], uri, named[id(e)])]
        content = render("deadlines_unit.md", heading=heading, on=md(vietnamese_day(on)), rows=rows,
                         pager=pager(number, len(parts), page_links(unit.uri, uri)), up=md_link("Thời hạn", rel(uri, DEADLINES)),
                         total=len(ordered), counts=[(COLUMNS[g], n) for g, n in unit.counts().items()])
        out[uri] = page({"title": heading, "description": f"Nhiệm vụ có thời hạn của {unit.name} và văn bản thực hiện đã đăng."},
                        content)
    return out


def index_page(all_units: list[Unit], items: list[Entry], on: dt.date) -> str:
    ordered = _order(tracked(items), on)
    coming = [e for e in ordered if e.day >= on][:NEXT_ON_INDEX]
    passed = [e for e in ordered if e.day < on][:NEXT_ON_INDEX]
    content = render(
        "deadlines.md", on=md(vietnamese_day(on)), columns=[COLUMNS[g] for g in COUNTED],
        units=[{"link": md_link(u.name, rel(DEADLINES, u.uri)), "counts": list(u.counts().values())} for u in all_units],
        coming=_rows(coming, DEADLINES), passed=_rows(passed, DEADLINES),
        shown=NEXT_ON_INDEX, calendar=rel(DEADLINES, ALL_CALENDAR),
    )
    return page({"title": "Thời hạn",
                 "description": "Nhiệm vụ mà các văn bản giao cho từng đơn vị, thời hạn và văn bản thực hiện đã đăng trên trang."},
                content)


# --- iCalendar (RFC 5545) ------------------------------------------------------

def _event(site, entry: Entry, on: dt.date) -> bytes:
    doc = entry.doc
    event = icalendar.Event()
    host = urlsplit(site.options.site_url or "http://127.0.0.1/").hostname or "localhost"
    event.add("uid", f"{doc.year}-{doc.slug}-{entry.index}@{host}")
    # DTSTAMP from the document, not the clock, so a rebuild changes nothing.
    stamp = (doc.date or dates.PartialDate(doc.year)).as_date()
    event.add("dtstamp", dt.datetime.combine(stamp, dt.time(), dt.UTC))
    event.add("dtstart", entry.day)
    event.add("dtend", entry.day + dt.timedelta(days=1))
    event.add("summary", f"Hạn: {entry.task.content}")
    event.add("description", "\n".join([
        f"Đơn vị thực hiện: {'; '.join(entry.task.units)}",
        f"Thời hạn: {dates.display(entry.task.due)}",
        f"Văn bản: {doc.heading}: {doc.title}",
        f"Tình trạng theo các văn bản đã đăng, tính đến {vietnamese_day(on)}:",
        *(f"- {s.unit}: {s.text(entry.task.due)}" for s in entry.statuses),
    ]))
    event.add("url", absolute(site.options.site_url, doc.src_uri))
    event.add("transp", "TRANSPARENT")
    return event.to_ical()


def _calendar(name: str, events: list[bytes]) -> bytes:
    """A VCALENDAR around events serialized once each: the site calendar and
    the plans' calendars share them (icalendar's serializer is the slow part)."""
    cal = icalendar.Calendar()
    cal.add("prodid", "-//vanban//Thời hạn nhiệm vụ//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("name", name)
    head, end = cal.to_ical().split(b"END:VCALENDAR")
    return head + b"".join(events) + b"END:VCALENDAR" + end


def step(site) -> None:
    on = dates.today()
    tracking = tasks_mod.build(site.corpus.documents, site.graph)
    site.tracking = tracking
    # A link naming a task the site does not hold (the plan not yet published, a
    # number mistyped) is said in the log, as unknown citations are, and by
    # `vanban check` as a warning: it must not stop a strict build from publishing.
    site.log.extend(f"  {problem.format()}" for problem in tracking.problems)
    items = entries(site.published, tracking, on)
    events = {id(e): _event(site, e, on) for e in items if e.day is not None}
    by_doc: dict[str, list[Entry]] = {}
    for entry in items:
        by_doc.setdefault(entry.doc.src_uri, []).append(entry)
    for doc in site.published:
        if doc.tasks:
            site.parts[doc.src_uri].sections.append(plan_section(doc, by_doc[doc.src_uri], on))
            own = [events[id(e)] for e in by_doc[doc.src_uri] if id(e) in events]
            if own:
                site.files[calendar_uri(doc)] = _calendar(f"Thời hạn: {doc.heading}", own)
        if tracking.reports.get(doc.src_uri):
            site.parts[doc.src_uri].sections.append(reports_section(doc, tracking.reports[doc.src_uri]))
        if tracking.answering.get(doc.src_uri):
            site.parts[doc.src_uri].panel.append(answered_row(doc, tracking.answering[doc.src_uri]))
    all_units = units(items)
    for unit in all_units:
        site.files.update(unit_pages(unit, on))
    site.files[DEADLINES] = index_page(all_units, items, on)
    name = site.options.identity.get("ten") or "Văn bản"
    site.files[ALL_CALENDAR] = _calendar(f"Thời hạn nhiệm vụ — {name}", [events[id(e)] for e in items if id(e) in events])
    answered = sum(1 for key in tracking.answers if tracking.answers[key])
    site.log.append(f"Thời hạn: {len(items)} nhiệm vụ, {answered} nhiệm vụ có văn bản thực hiện, "
                    f"{sum(map(len, tracking.reports.values()))} báo cáo, tính đến {on.isoformat()}.")
