"""Listings generated from the metadata: the home page, all documents, and the
documents grouped by year, type, issuing body, tag and recipient.

Every listing is paginated (DOCS_PER_PAGE rows, GROUPS_PER_PAGE groups), so
no page grows with the corpus. Only published documents are listed.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from markupsafe import Markup

from vanban.graph.registry import CITED_INDEX
from vanban.graph.status import NOT_KNOWN
from vanban.model import dates
from vanban.model.documents import Document, is_website_line
from vanban.model.markup import md, md_link, page, page_href, render, served_path, unbroken
from vanban.model.order import newest_first
from vanban.model.text import fold, slug, tone_key
from vanban.site.standing import marked_anchor, status_of

DOCS_PER_PAGE = 50
GROUPS_PER_PAGE = 100
NEWEST_ON_HOME = 10
ROOT = "danh-muc"
ALL = f"{ROOT}/tat-ca"
HOME = "index.md"
TABLE = "tra-cuu/index.md"
DEADLINES = "thoi-han/index.md"
OPEN_DATA = "du-lieu-mo.md"  # hand-written page in docs/


# --- paths and order, shared by the other generators -----------------------

def rel(from_uri: str, to_uri: str) -> str:
    """A relative link from one page (or file) of the site to another."""
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")


def url_of(src_uri: str) -> str:
    """The path a page is served at (use_directory_urls), relative to the site root."""
    return served_path(src_uri)


def absolute(site_url: str, src_uri: str) -> str:
    base = site_url or "http://127.0.0.1:8000/"
    return base.rstrip("/") + "/" + url_of(src_uri)


def feed_uri(fmt: str, type_slug: str | None = None) -> str:
    """feed/atom.xml, feed/rss.xml, and feed/<loại>/atom.xml for one type."""
    return f"feed/{type_slug}/{fmt}.xml" if type_slug else f"feed/{fmt}.xml"


def day_of(doc: Document):
    """The day a document stands for in feeds and the sitemap: its date, or 1 January of its year."""
    return (doc.date or dates.PartialDate(doc.year)).as_date()


def _no_status(doc):
    return NOT_KNOWN


def rows(documents, from_uri: str, status_of=_no_status) -> list[dict]:
    """Table rows (number, date, type, trích yếu) as raw HTML (listing_rows.md),
    numbers kept whole; the number of a document that no longer stands is
    marked (site/standing.py). The links use page_href: MkDocs neither rewrites
    nor checks raw HTML, and each target is a published document's page, which
    the build itself writes."""
    return [{
        "number": marked_anchor(doc.number.canonical, page_href(from_uri, doc.src_uri), status_of(doc)),
        "date": unbroken(dates.display(doc.date)),
        "type": unbroken(doc.doctype.name),
        "title": unbroken(doc.title),
    } for doc in documents]


# --- groupings ---------------------------------------------------------------

def _recipients(doc: Document) -> list[str]:
    # The website line and the archive copy ("Lưu VP") are not units.
    return [r for r in doc.recipients if not is_website_line(r) and not fold(r).startswith("luu")]


@dataclass(frozen=True)
class Kind:
    slug: str  # folder under danh-muc/
    name: str  # "năm", "loại văn bản": read as "Văn bản theo …"
    values: Callable[[Document], list[str]]  # the groups a document is in
    heading: str  # a group page's heading, {} is the group's name
    newest_groups_first: bool = False  # years: newest first; others: alphabetical


KINDS: tuple[Kind, ...] = (
    Kind("nam", "năm", lambda d: [str(d.year)], "Văn bản năm {}", True),
    Kind("loai", "loại văn bản", lambda d: [d.doctype.name], "{}"),
    Kind("co-quan", "cơ quan ban hành", lambda d: [d.issuer_body], "Văn bản của {}"),
    Kind("tu-khoa", "từ khóa", lambda d: list(d.meta.get("tags") or []), "Văn bản có từ khóa “{}”"),
    Kind("noi-nhan", "nơi nhận", _recipients, "Văn bản gửi {}"),
)
BY_SLUG = {k.slug: k for k in KINDS}
_PAGE_NAME = re.compile(r"^trang-\d+$")


@dataclass
class Group:
    kind: Kind
    slug: str
    name: str
    documents: list[Document] = field(default_factory=list)

    @property
    def uri(self) -> str:
        return f"{ROOT}/{self.kind.slug}/{self.slug}/index.md"


def group_slug(value: str) -> str:
    found = slug(value, max_length=80, word_boundary=True) or "khac"
    # A group named "trang 2" must not take the place of page 2 of the index.
    return found + "-nhom" if _PAGE_NAME.match(found) else found


def groups(kind: Kind, documents: list[Document]) -> list[Group]:
    """The groups of one kind, each with its documents newest first.

    Values that differ only in case or diacritics share a slug and so a page;
    the page shows the spelling most documents use.
    """
    spellings: dict[str, Counter] = {}
    members: dict[str, list[Document]] = {}
    for doc in newest_first(documents):
        seen = set()
        for value in kind.values(doc):
            slug = group_slug(str(value))
            spellings.setdefault(slug, Counter())[str(value)] += 1
            if slug not in seen:
                members.setdefault(slug, []).append(doc)
                seen.add(slug)
    found = [Group(kind, slug, spellings[slug].most_common(1)[0][0], docs) for slug, docs in members.items()]
    if kind.newest_groups_first:
        return sorted(found, key=lambda g: g.name, reverse=True)
    return sorted(found, key=lambda g: (tone_key(g.name), g.slug))


# --- pages -------------------------------------------------------------------

def page_uri(first: str, number: int) -> str:
    """Page 1 is the folder's index.md, page n is trang-n.md beside it."""
    return first if number == 1 else posixpath.join(posixpath.dirname(first), f"trang-{number}.md")


def chunks(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


@dataclass(frozen=True)
class Pager:
    """First, previous, next and last: a bounded pager however long the list.
    A link is None where it would repeat another (page 1 of 2 has no "first")."""

    number: int
    count: int
    first: str | None = None
    previous: str | None = None
    next: str | None = None
    last: str | None = None


def pager(number: int, count: int, link: Callable[[int], str]) -> Pager | None:
    """The pager of page `number` of `count`; link(n) is the link to page n. The
    one pager of the site: listings, cited documents and citing documents."""
    if count < 2:
        return None
    return Pager(
        number, count,
        first=link(1) if number > 2 else None,
        previous=link(number - 1) if number > 1 else None,
        next=link(number + 1) if number < count else None,
        last=link(count) if number < count - 1 else None,
    )


def page_links(first: str, here: str) -> Callable[[int], str]:
    """Links from page `here` to the pages of the listing whose page 1 is `first`."""
    return lambda n: rel(here, page_uri(first, n))


def document_pages(first: str, title: str, description: str, documents: list[Document],
                   intro: str = "", up: tuple[str, str] | None = None, status_of=_no_status) -> dict[str, str]:
    """A paginated listing of documents, newest first."""
    out = {}
    parts = chunks(newest_first(documents), DOCS_PER_PAGE)
    for number, chunk in enumerate(parts, 1):
        uri = page_uri(first, number)
        heading = title if number == 1 else f"{title} (trang {number})"
        content = render("listing.md", heading=heading, intro=intro, total=len(documents),
                         rows=rows(chunk, uri, status_of), pager=pager(number, len(parts), page_links(first, uri)),
                         up=md_link(up[0], rel(uri, up[1])) if up else None)
        out[uri] = page({"title": heading, "description": description}, content)
    return out


def kind_pages(kind: Kind, found: list[Group]) -> dict[str, str]:
    """The index of one kind: its groups with their counts, paginated."""
    first = f"{ROOT}/{kind.slug}/index.md"
    title = f"Văn bản theo {kind.name}"
    parts = chunks(found, GROUPS_PER_PAGE)
    out = {}
    for number, chunk in enumerate(parts, 1):
        uri = page_uri(first, number)
        entries = [(md_link(g.name, rel(uri, g.uri)), len(g.documents)) for g in chunk]
        heading = title if number == 1 else f"{title} (trang {number})"
        content = render("listing_index.md", heading=heading, kind=kind, entries=entries,
                         total=len(found), pager=pager(number, len(parts), page_links(first, uri)),
                         up=md_link("Danh mục văn bản", rel(uri, f"{ROOT}/index.md")))
        out[uri] = page({"title": heading, "description": f"Danh sách {kind.name} và số văn bản đã đăng của mỗi {kind.name}."}, content)
    return out


def group_pages(group: Group, status_of=_no_status) -> dict[str, str]:
    title = group.kind.heading.format(group.name)
    intro = ""
    if group.kind.slug == "loai":
        # Each type has its own feeds (feeds.py writes them for every type in use).
        intro = Markup("Theo dõi {} mới: {} · {}").format(
            md(group.name.lower()), md_link("Atom", rel(group.uri, feed_uri("atom", group.slug))),
            md_link("RSS", rel(group.uri, feed_uri("rss", group.slug))))
    return document_pages(group.uri, title, f"{title}: số hiệu, ngày, loại và trích yếu, mới nhất trước.",
                          group.documents, intro=intro, up=(f"Văn bản theo {group.kind.name}", f"{ROOT}/{group.kind.slug}/index.md"),
                          status_of=status_of)


def registry_uri(site) -> str | None:
    """The registry of cited documents (cited_pages.py), when the build made it."""
    return CITED_INDEX if CITED_INDEX in site.files else None


def overview_page(site, all_groups: dict[str, list[Group]]) -> str:
    uri = f"{ROOT}/index.md"
    kinds = [(md_link(f"Văn bản theo {k.name}", rel(uri, f"{ROOT}/{k.slug}/index.md")), len(all_groups[k.slug])) for k in KINDS]
    registry = registry_uri(site)
    content = render("listing_overview.md", kinds=kinds, per_page=DOCS_PER_PAGE, total=len(site.published),
                     all_link=rel(uri, f"{ALL}/index.md"), table_link=rel(uri, TABLE),
                     registry_link=rel(uri, registry) if registry else None)
    return page({"title": "Danh mục văn bản", "description": "Văn bản đã đăng theo năm, loại, cơ quan ban hành, từ khóa và nơi nhận."}, content)


def home_page(site, all_groups: dict[str, list[Group]]) -> str:
    docs = site.published
    uri = HOME

    def counts(slug: str) -> list[tuple[Markup, int]]:
        return [(md_link(g.name, rel(uri, g.uri)), len(g.documents)) for g in all_groups[slug]]

    registry = registry_uri(site)
    content = render(
        "home.md", identity=site.options.identity, total=len(docs),
        newest=rows(newest_first(docs)[:NEWEST_ON_HOME], uri, status_of(site)),
        by_type=counts("loai"), by_year=counts("nam"),
        links={
            "all": rel(uri, f"{ALL}/index.md"), "overview": rel(uri, f"{ROOT}/index.md"),
            "table": rel(uri, TABLE), "deadlines": rel(uri, DEADLINES), "open_data": rel(uri, OPEN_DATA),
            **{k.slug: rel(uri, f"{ROOT}/{k.slug}/index.md") for k in KINDS},
            "registry": rel(uri, registry) if registry else None,
            "atom": rel(uri, feed_uri("atom")), "rss": rel(uri, feed_uri("rss")),
        },
    )
    name = site.options.identity.get("ten") or "Văn bản"
    return page({"title": "Trang chủ", "description": f"Văn bản của {name}, đăng công khai: mới nhất, theo loại, theo năm, tra cứu, thời hạn và dữ liệu mở."}, content)


def step(site) -> None:
    docs = site.published
    statuses = status_of(site)
    all_groups = site.groups = {k.slug: groups(k, docs) for k in KINDS}
    for kind in KINDS:
        site.files.update(kind_pages(kind, all_groups[kind.slug]))
        for group in all_groups[kind.slug]:
            site.files.update(group_pages(group, statuses))
    site.files.update(document_pages(f"{ALL}/index.md", "Tất cả văn bản", "Mọi văn bản đã đăng, mới nhất trước.", docs,
                                     up=("Danh mục văn bản", f"{ROOT}/index.md"), status_of=statuses))
    site.files[f"{ROOT}/index.md"] = overview_page(site, all_groups)
    site.files[HOME] = home_page(site, all_groups)
    site.log.append(f"Danh mục: {sum(len(g) for g in all_groups.values())} nhóm văn bản trong {len(KINDS)} cách xếp.")


# --- "Tra cứu văn bản": one table of every document --------------------------

TABLE_DATA = "tra-cuu/van-ban.json"
TABLE_COLUMNS = ("duong_dan", "so_hieu", "ngay", "ngay_hien_thi", "loai", "trich_yeu", "co_quan_ban_hanh", "trang_thai", "nam")


def table_data(documents, status_of=_no_status) -> str:
    """Compact rows for the table's script: one array per document, newest first.

    Paths are relative to the data file, which sits beside the table page.
    The status is the one the pages show, with its source ("Chưa rõ" without one).
    """
    rows_ = [[
        rel(TABLE_DATA, url_of(doc.src_uri)) + "/",
        doc.number.canonical,
        doc.date.iso() if doc.date else "",
        dates.display(doc.date),
        doc.doctype.name,
        doc.title,
        doc.issuer_body,
        status_of(doc).label,
        doc.year,
    ] for doc in newest_first(documents)]
    return json.dumps({"cot": TABLE_COLUMNS, "dong": rows_}, ensure_ascii=False, separators=(",", ":"))


def table_page(site) -> str:
    """The static page holds the newest DOCS_PER_PAGE rows and links to the paginated
    listings, so it works without script and its weight does not grow with the corpus;
    the script loads every row from TABLE_DATA and pages through them."""
    docs = newest_first(site.published)
    content = render("table.md", total=len(docs), per_page=DOCS_PER_PAGE,
                     rows=rows(docs[:DOCS_PER_PAGE], TABLE, status_of(site)),
                     data=rel(TABLE, TABLE_DATA), script=rel(TABLE, "assets/table.js"), style=rel(TABLE, "assets/table.css"),
                     all_link=rel(TABLE, f"{ALL}/index.md"),
                     next_link=rel(TABLE, page_uri(f"{ALL}/index.md", 2)) if len(docs) > DOCS_PER_PAGE else None,
                     overview=rel(TABLE, f"{ROOT}/index.md"))
    return page({"title": "Tra cứu văn bản", "description": "Bảng mọi văn bản đã đăng, lọc theo loại, năm, cơ quan ban hành, trạng thái và sắp xếp theo cột."}, content)


def table_step(site) -> None:
    site.files[TABLE] = table_page(site)
    site.files[TABLE_DATA] = table_data(site.published, status_of(site))
