"""A document's status (graph/status.py) as the site shows it: the notice at
the top of its page, the "Trạng thái" row of its panel, and the marker and
title a link to it carries wherever the site links it."""

from __future__ import annotations

from markupsafe import Markup, escape

from vanban.citations.linking import ENDED_CLASS, MARK_CLASS, href
from vanban.graph.status import NOT_KNOWN, Status, note_words
from vanban.model.markup import md_link, page_href, render, unbroken


def link_title(status: Status) -> str:
    """The link's title: the status with its reason, plain text."""
    return status.summary() if status.known else ""


def marked_anchor(label: str, target: str, status: Status = NOT_KNOWN) -> Markup:
    """A link to a document, as raw HTML for the generated lists; a replaced or
    repealed one carries a visible marker and its status in the link's title.
    `target` is a final URL (model.markup.page_href); the label's numbers are
    kept whole. One of the hottest calls of a build: the string is built with
    f-strings and marked safe once, each value escaped (or made by unbroken)."""
    marker = status.marker
    if not marker:
        return Markup(f'<a href="{escape(target)}">{unbroken(label)}</a>')
    return Markup(f'<a class="{ENDED_CLASS}" href="{escape(target)}" title="{escape(link_title(status))}">'
                  f'{unbroken(label)}<span class="{MARK_CLASS}"> ({unbroken(marker)})</span></a>')


def body_link(status: Status) -> tuple[str, str]:
    """(title, marker) for a citation linked in a document's body (citations.linking)."""
    return (link_title(status), status.marker) if status.marker else ("", "")


def panel_html(status: Status, from_uri: str) -> Markup:
    """The "Trạng thái" row, as raw HTML, of a document's panel and of a cited
    document's field table: the status, then who made it so, linked. Each act
    links to its page with page_href: MkDocs neither rewrites nor checks raw
    HTML, and every act is a published document or a registry entry, both
    pages the build writes itself."""
    if status.by:
        acts = Markup("; ").join(
            Markup('<a href="{}">{}</a>, {}').format(page_href(from_uri, b.uri), unbroken(b.heading), unbroken(b.when))
            for b in status.by)
        return Markup("<strong>{}</strong> bởi {}").format(unbroken(status.label), acts)
    if status.source:
        return Markup("<strong>{}</strong> (theo {})").format(unbroken(status.label), unbroken(status.source))
    return unbroken("chưa rõ")


def notice(status: Status, from_uri: str) -> str:
    """The block at the top of a page: what acted on the document and what the
    status rests on. Nothing for an unknown status with no act on record."""
    if not status.known and not status.notes:
        return ""
    groups: dict[str, list] = {}
    for because in (*status.by, *status.notes):
        groups.setdefault(note_words(because.kind), []).append(
            (md_link(because.heading, href(from_uri, because.uri)), because.when, because.sentence))
    return render("status_notice.md", status=status, groups=list(groups.items()), marker=status.marker)


def step(site) -> None:
    """Each published document's notice and status row."""
    graph = site.graph
    if graph is None:
        return
    for doc in site.published:
        uri = graph.uri(doc)
        status = graph.status(uri)
        parts = site.parts[uri]
        parts.status = panel_html(status, uri)
        block = notice(status, uri)
        if block:
            parts.notices.append(block)


def status_of(site):
    """Document → its Status, for listings; every document "Chưa rõ" when the graph is not built."""
    graph = site.graph
    if graph is None:
        return lambda doc: NOT_KNOWN
    return lambda doc: graph.status(graph.uri(doc))
