"""Pages and page sections made from the citation graph.

A page for every cited document that is not published here (and for every
entry of the data file), the registry listing "Danh mục văn bản dẫn chiếu",
and on each document page "Văn bản dẫn chiếu", "Văn bản liên quan" and
"Được dẫn chiếu bởi". Long lists are paginated so no page grows with the corpus.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from markupsafe import Markup

from vanban.citations import linking
from vanban.citations.linking import href
from vanban.graph import registry as registry_mod
from vanban.graph import relations
from vanban.graph.registry import CITED_DIR, CITED_INDEX, Entry
from vanban.graph.relations import KINDS, Citing, Graph
from vanban.graph.status import NOT_KNOWN, Status
from vanban.model import dates
from vanban.model.documents import Document
from vanban.model.markup import page, page_href, render
from vanban.model.text import slug as slugify  # cached, fixed transliteration
from vanban.site import standing
from vanban.site.listings import pager

INDEX = CITED_INDEX
ROWS_PER_PAGE = 20  # citing documents on one page: a document page stays light however often it is cited
ENTRIES_PER_PAGE = 100  # cited documents on one page of the registry listing

KIND_HEADINGS = {"thay thế": "Thay thế", "bãi bỏ": "Bãi bỏ", "bãi bỏ một phần": "Bãi bỏ một phần",
                 "sửa đổi, bổ sung": "Sửa đổi, bổ sung", "hướng dẫn": "Hướng dẫn",
                 "căn cứ": "Căn cứ", "thực hiện": "Thực hiện", "dẫn chiếu": "Dẫn chiếu"}
CITED_BY_HEADINGS = {
    "thay thế": "Thay thế văn bản này",
    "bãi bỏ": "Bãi bỏ văn bản này",
    "bãi bỏ một phần": "Bãi bỏ một phần văn bản này",
    "sửa đổi, bổ sung": "Sửa đổi, bổ sung văn bản này",
    "hướng dẫn": "Hướng dẫn thực hiện văn bản này",
    "căn cứ": "Ban hành căn cứ vào văn bản này",
    "thực hiện": "Thực hiện văn bản này",
    "dẫn chiếu": "Dẫn chiếu văn bản này",
}


@dataclass
class Row:
    """One citing document, as shown under "Được dẫn chiếu bởi"."""

    heading: str
    href: str  # the final URL (page_href): rows are written as raw HTML
    when: str
    title: str
    kind: str
    sentences: list[tuple[str, str, str]]
    status: Status = NOT_KNOWN

    @property
    def anchor(self) -> Markup:
        """The link as raw HTML, marked when the document no longer stands."""
        return standing.marked_anchor(self.heading, self.href, self.status)


def when(doc: Document) -> str:
    return doc.date.phrase() if doc.date else f"năm {doc.year}"


def entry_when(entry: Entry) -> str:
    if entry.date is not None:
        return entry.date.phrase()
    return f"năm {entry.year}" if entry.year else ""


# --- "Được dẫn chiếu bởi", on cited pages and document pages -------------------

def _page_uri(entry: Entry, number: int) -> str:
    """Page `number` of the documents citing `entry`; page 1 is the entry's own page."""
    if number == 1:
        return entry.src_uri
    stem = entry.slug if entry.published else entry.src_uri.rsplit("/", 1)[1][:-3]
    return f"{CITED_DIR}/{stem}/trang-{number}.md"


# Rows link with page_href, as raw HTML that MkDocs neither rewrites nor
# checks: every target is a page the build writes itself (a published
# document's page, or a registry entry's page), so none can be missing.

def _rows(citing: list[Citing], from_uri: str, graph: Graph | None = None) -> list[Row]:
    return [Row(c.doc.heading, page_href(from_uri, c.uri), when(c.doc), c.doc.title, c.kind, c.sentences,
                graph.status(c.uri) if graph else NOT_KNOWN)
            for c in citing]


def cited_by_section(graph: Graph, entry: Entry, number: int = 1) -> str:
    """The "Được dẫn chiếu bởi" section of page `number`, grouped by kind."""
    citing = graph.cited_by.get(entry.src_uri, [])
    count = max(1, -(-len(citing) // ROWS_PER_PAGE))
    uri = _page_uri(entry, number)
    rows = _rows(citing[(number - 1) * ROWS_PER_PAGE:number * ROWS_PER_PAGE], uri, graph)
    groups = defaultdict(list)
    for row in rows:
        groups[row.kind].append(row)
    return render(
        "relations_cited_by.md",
        total=len(citing),
        groups=[(CITED_BY_HEADINGS[k], groups[k]) for k in KINDS if groups[k]],
        pager=pager(number, count, lambda n: href(uri, _page_uri(entry, n))),
    )


def overflow_pages(graph: Graph, entry: Entry) -> dict[str, str]:
    """Pages 2… of a long "Được dẫn chiếu bởi" list."""
    count = -(-len(graph.cited_by.get(entry.src_uri, [])) // ROWS_PER_PAGE)
    files = {}
    for number in range(2, count + 1):
        uri = _page_uri(entry, number)
        content = render("cited_more.md", entry=entry, back=href(uri, entry.src_uri),
                         section=Markup(cited_by_section(graph, entry, number)), number=number)
        files[uri] = page({"title": f"Văn bản dẫn chiếu {entry.heading} (trang {number})"}, content)
    return files


# --- a cited document's page ---------------------------------------------------

def cited_page(graph: Graph, entry: Entry) -> str:
    status = graph.status(entry.src_uri)
    content = render(
        "cited.md",
        entry=entry,
        status=standing.panel_html(status, entry.src_uri),
        notice=Markup(standing.notice(status, entry.src_uri)),
        when=entry_when(entry) or dates.UNKNOWN,
        known=entry.known and not entry.held,
        index=href(entry.src_uri, INDEX),
        section=Markup(cited_by_section(graph, entry)),
    )
    meta = {"title": entry.heading,
            "description": f"{entry.heading}: thông tin và các văn bản dẫn chiếu văn bản này."}
    return page(meta, content)


# --- sections of a published document's page -----------------------------------

def document_sections(graph: Graph, doc: Document) -> list[str]:
    uri = graph.uri(doc)
    sections = []
    cites = graph.cites(doc)
    if cites:
        groups = [(KIND_HEADINGS[kind], [_target_row(e, uri, graph) for e in entries]) for kind, entries in cites.items()]
        sections.append(render("relations_cites.md", groups=groups))
        related = [(Row(d.heading, page_href(uri, graph.uri(d)), when(d), d.title, "", [], graph.status(graph.uri(d))),
                    [e.heading for e in shared]) for d, shared in graph.related(doc)]
        if related:
            sections.append(render("relations_related.md", related=related))
    own = graph.registry_entry(doc)
    if own is not None and graph.cited_by.get(own.src_uri):
        sections.append(cited_by_section(graph, own))
    return sections


def _target_row(entry: Entry, from_uri: str, graph: Graph | None = None) -> Row:
    shown = entry.known and not entry.held
    return Row(entry.heading, page_href(from_uri, entry.src_uri), entry_when(entry),
               (entry.title or "") if shown else "", "", [],
               graph.status(entry.src_uri) if graph else NOT_KNOWN)


# --- the registry listing --------------------------------------------------------

def listing_pages(graph: Graph, entries: list[Entry]) -> dict[str, str]:
    """The index of cited documents by type, and each type's paginated list."""
    by_type: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        by_type[entry.type].append(entry)
    files = {}
    types = []
    for name in sorted(by_type, key=lambda n: slugify(n)):
        listed = sorted(by_type[name], key=_listing_order)
        base = f"{CITED_DIR}/loai/{slugify(name)}"
        types.append((name, len(listed), page_href(INDEX, f"{base}.md")))  # a page written below
        count = max(1, -(-len(listed) // ENTRIES_PER_PAGE))
        for number in range(1, count + 1):
            uri = _type_page(base, number)
            chunk = listed[(number - 1) * ENTRIES_PER_PAGE:number * ENTRIES_PER_PAGE]
            rows = [(_target_row(e, uri, graph), e.body or "", len(graph.cited_by.get(e.src_uri, [])),
                     e.known and not e.held) for e in chunk]
            nav = pager(number, count, lambda n, uri=uri, base=base: href(uri, _type_page(base, n)))
            content = render("cited_type.md", type=name, rows=rows, pager=nav, index=href(uri, INDEX),
                             total=len(listed))
            files[uri] = page({"title": f"Văn bản dẫn chiếu: {name}" + (f" (trang {number})" if number > 1 else "")},
                              content)
    files[INDEX] = page({"title": "Danh mục văn bản dẫn chiếu",
                         "description": "Các văn bản được các văn bản trên trang dẫn chiếu, theo loại văn bản."},
                        render("cited_index.md", types=types, total=len(entries)))
    return files


def _type_page(base: str, number: int) -> str:
    return f"{base}.md" if number == 1 else f"{base}/trang-{number}.md"


def _listing_order(entry: Entry) -> tuple:
    return (-(entry.year or 0), entry.number or "", entry.name or "")


def pages(graph: Graph) -> dict[str, str]:
    """Every generated page of the citation graph."""
    files = {}
    shown = [e for e in graph.targets.values() if not e.published]
    for entry in shown:
        files[entry.src_uri] = cited_page(graph, entry)
        files.update(overflow_pages(graph, entry))
    for entry in graph.targets.values():
        if entry.published:
            files.update(overflow_pages(graph, entry))
    files.update(listing_pages(graph, shown))
    return files


# --- the build step -----------------------------------------------------------------

def step(site) -> None:
    """Registry, graph, linked bodies, document sections and cited pages, once per build."""
    options = site.options
    home = (options.identity or {}).get("tinh")
    known = registry_mod.build(site.corpus.documents, getattr(options, "registry", None), home)
    site.problems.extend(known.problems)
    graph = relations.build(site.corpus.documents, known, site.citations.find)
    site.graph = graph
    for doc in site.published:
        uri = graph.uri(doc)
        parts = site.parts[uri]
        links = [(m.found.citation.start, m.found.citation.end, href(uri, m.target.src_uri),
                  *standing.body_link(graph.status(m.target.src_uri)))
                 for m in graph.mentions.get(uri, ()) if m.found.in_body]
        parts.body = linking.linked_body(doc.body, links)
        parts.sections.extend(document_sections(graph, doc))
    site.files.update(pages(graph))
    unknown = sum(1 for e in graph.targets.values() if not e.known)
    site.log.append(f"{len(graph.targets)} văn bản trong danh mục dẫn chiếu; "
                    f"{unknown} văn bản được dẫn chiếu nhưng chưa có trong danh mục (xem lệnh vanban check).")
