"""Deadlines: the tasks a plan assigns (front matter `nhiem_vu`), shown on the
plan's page, on the site page "Thời hạn" by unit, and as iCalendar feeds.

"Today" decides what is upcoming or overdue. It is the build date in Vietnam,
or VANBAN_TODAY (YYYY-MM-DD) when set, so tests and rebuilds are deterministic.
A task due in a month ("4/2023") falls due on the month's last day.
"""

from __future__ import annotations

import calendar
import datetime as dt
import os
from dataclasses import dataclass
from urllib.parse import urlsplit

import icalendar

from vanban.model import dates
from vanban.model.documents import Document, Task
from vanban.model.markup import md, md_link, page, render
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

TODAY_ENV = "VANBAN_TODAY"
UPCOMING = "Sắp đến hạn"
OVERDUE = "Quá hạn"
NO_DUE = "Không ghi thời hạn"
CLOSED = "Văn bản đã kết thúc"
# A plan in one of these states has nothing left to do: its tasks are not overdue.
CLOSED_STATES = ("Đã hoàn thành", "Hết hiệu lực", "Bị thay thế")
NEXT_ON_INDEX = 20
ALL_CALENDAR = "lich/thoi-han.ics"
VIETNAM = dt.timezone(dt.timedelta(hours=7))


def today(site=None) -> dt.date:
    chosen = getattr(getattr(site, "options", None), "today", None)
    if isinstance(chosen, dt.date):
        return chosen
    text = os.environ.get(TODAY_ENV, "").strip()
    if text:
        return dt.date.fromisoformat(text)
    return dt.datetime.now(VIETNAM).date()


def due_day(due: dates.PartialDate) -> dt.date:
    """The last day a partial date allows: the day, the month's end, or 31 December."""
    if due.day:
        return dt.date(due.year, due.month, due.day)
    if due.month:
        return dt.date(due.year, due.month, calendar.monthrange(due.year, due.month)[1])
    return dt.date(due.year, 12, 31)


@dataclass
class Entry:
    doc: Document
    task: Task
    index: int  # 1-based position in the plan's nhiem_vu

    @property
    def day(self) -> dt.date | None:
        return due_day(self.task.due) if self.task.due else None

    def status(self, on: dt.date) -> str:
        if self.doc.meta.get("trang_thai") in CLOSED_STATES:
            return CLOSED
        if self.day is None:
            return NO_DUE
        return OVERDUE if self.day < on else UPCOMING


def entries(documents) -> list[Entry]:
    return [Entry(doc, task, i) for doc in newest_first(documents) for i, task in enumerate(doc.tasks, 1)]


def calendar_uri(doc: Document) -> str:
    return f"lich/{doc.src_uri[:-3]}.ics"


# --- the plan page -----------------------------------------------------------

def plan_section(doc: Document, on: dt.date) -> str:
    items = [Entry(doc, task, i) for i, task in enumerate(doc.tasks, 1)]
    return render(
        "deadlines_plan.md",
        rows=[{"content": md(e.task.content), "units": md("; ".join(e.task.units)),
               "due": md(dates.display(e.task.due)), "status": md(e.status(on))} for e in items],
        on=md(on.strftime("%d/%m/%Y")),
        calendar=rel(doc.src_uri, calendar_uri(doc)) if any(e.day for e in items) else None,
        deadlines=rel(doc.src_uri, DEADLINES),
    )


# --- the site page and the unit pages ------------------------------------------

def _order(items: list[Entry], on: dt.date) -> list[Entry]:
    """Upcoming first, soonest first; then overdue, most recently overdue first."""
    upcoming = sorted((e for e in items if e.status(on) == UPCOMING), key=lambda e: (e.day, e.doc.src_uri, e.index))
    overdue = sorted((e for e in items if e.status(on) == OVERDUE), key=lambda e: (e.day, e.doc.src_uri, e.index), reverse=True)
    return upcoming + overdue


def _rows(items: list[Entry], on: dt.date, from_uri: str, with_units: bool) -> list[dict]:
    return [{
        "due": md(dates.display(e.task.due)),
        "status": md(e.status(on)),
        "content": md(e.task.content),
        "units": md("; ".join(e.task.units)) if with_units else None,
        "doc": md_link(e.doc.number.canonical, rel(from_uri, e.doc.src_uri)),
    } for e in items]


@dataclass
class Unit:
    slug: str
    name: str
    items: list[Entry]

    @property
    def uri(self) -> str:
        return f"thoi-han/{self.slug}/index.md"


def units(items: list[Entry], on: dt.date) -> list[Unit]:
    """Open tasks with a due date, by unit; units differing only in case or marks are one."""
    found: dict[str, Unit] = {}
    for entry in items:
        if entry.status(on) not in (UPCOMING, OVERDUE):
            continue
        # A task names a unit once even if two spellings of it are listed.
        for key in dict.fromkeys(group_slug(name) for name in entry.task.units):
            name = next(n for n in entry.task.units if group_slug(n) == key)
            found.setdefault(key, Unit(key, name, [])).items.append(entry)
    return sorted(found.values(), key=lambda u: (tone_key(u.name), u.slug))


def unit_pages(unit: Unit, on: dt.date) -> dict[str, str]:
    ordered = _order(unit.items, on)
    parts = chunks(ordered, DOCS_PER_PAGE)
    title = f"Thời hạn của {unit.name}"
    out = {}
    for number, chunk in enumerate(parts, 1):
        uri = page_uri(unit.uri, number)
        heading = title if number == 1 else f"{title} (trang {number})"
        content = render("deadlines_unit.md", heading=heading, on=md(on.strftime("%d/%m/%Y")),
                         rows=_rows(chunk, on, uri, False), pager=pager(number, len(parts), page_links(unit.uri, uri)),
                         up=md_link("Thời hạn", rel(uri, DEADLINES)), total=len(ordered))
        out[uri] = page({"title": heading, "description": f"Nhiệm vụ sắp đến hạn và quá hạn của {unit.name}."}, content)
    return out


def index_page(all_units: list[Unit], items: list[Entry], on: dt.date) -> str:
    ordered = _order(items, on)
    upcoming = [e for e in ordered if e.status(on) == UPCOMING][:NEXT_ON_INDEX]
    overdue = [e for e in ordered if e.status(on) == OVERDUE][:NEXT_ON_INDEX]
    content = render(
        "deadlines.md", on=md(on.strftime("%d/%m/%Y")),
        units=[{"link": md_link(u.name, rel(DEADLINES, u.uri)),
                "upcoming": sum(e.status(on) == UPCOMING for e in u.items),
                "overdue": sum(e.status(on) == OVERDUE for e in u.items)} for u in all_units],
        upcoming=_rows(upcoming, on, DEADLINES, True), overdue=_rows(overdue, on, DEADLINES, True),
        shown=NEXT_ON_INDEX, calendar=rel(DEADLINES, ALL_CALENDAR),
    )
    return page({"title": "Thời hạn", "description": "Nhiệm vụ sắp đến hạn và quá hạn mà các văn bản giao cho từng đơn vị."}, content)


# --- iCalendar (RFC 5545) ------------------------------------------------------

def _event(site, entry: Entry) -> bytes:
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
    on = today(site)
    items = entries(site.published)
    events = {id(e): _event(site, e) for e in items if e.day is not None}
    by_doc: dict[str, list[Entry]] = {}
    for entry in items:
        by_doc.setdefault(entry.doc.src_uri, []).append(entry)
    for doc in site.published:
        if doc.tasks:
            site.parts[doc.src_uri].sections.append(plan_section(doc, on))
            own = [events[id(e)] for e in by_doc[doc.src_uri] if id(e) in events]
            if own:
                site.files[calendar_uri(doc)] = _calendar(f"Thời hạn: {doc.heading}", own)
    all_units = units(items, on)
    for unit in all_units:
        site.files.update(unit_pages(unit, on))
    site.files[DEADLINES] = index_page(all_units, items, on)
    name = site.options.identity.get("ten") or "Văn bản"
    site.files[ALL_CALENDAR] = _calendar(f"Thời hạn nhiệm vụ — {name}", [events[id(e)] for e in items if id(e) in events])
    site.log.append(f"Thời hạn: {len(items)} nhiệm vụ, tính đến {on.isoformat()}.")
