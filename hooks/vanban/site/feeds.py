"""Atom and RSS feeds of newly published documents, for the site and per type.

Built with feedgen (its XML serializer does the escaping). A feed holds the
FEED_SIZE newest documents, ordered by issue date like the listings; an entry's
published time is its issue date at 00:00 in Vietnam (1 January for a document
known only by its year) and its updated time the last commit that changed it
(the issue date outside git), so a rebuild never changes a feed that has no
new or changed document.
"""

from __future__ import annotations

import datetime as dt
import gzip
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

from feedgen.feed import FeedGenerator

from vanban.model import dates
from vanban.model.order import newest_first
from vanban.model.text import clean
from vanban.site.listings import absolute, day_of, feed_uri, url_of

FEED_SIZE = 50


def moment(doc) -> dt.datetime:
    return dt.datetime.combine(day_of(doc), dt.time(), dates.VIETNAM)


def changed(site, doc) -> dt.datetime:
    """When the document's page last changed: its last commit (graph/history.py),
    or its issue day when git does not say."""
    return max(moment(doc), last_commit(site, doc) or moment(doc))


def last_commit(site, doc) -> dt.datetime | None:
    histories = getattr(site, "history", None)  # None outside git
    found = histories.get(doc.path) if histories is not None else None
    last = found.last if found is not None else None
    return last.when.astimezone(dates.VIETNAM) if last is not None else None


def _changed_day(site, doc) -> dt.date:
    return changed(site, doc).date()


def _generator(site, title: str, subtitle: str, page_uri: str, self_uri: str, documents) -> FeedGenerator:
    base = site.options.site_url
    name = site.options.identity.get("ten") or "Văn bản"
    fg = FeedGenerator()
    fg.id(absolute(base, self_uri))
    fg.title(title)
    fg.subtitle(subtitle)
    fg.description(subtitle)
    fg.author({"name": name})
    fg.language("vi")
    fg.link(href=absolute(base, page_uri), rel="alternate")
    fg.link(href=absolute(base, self_uri), rel="self")
    fg.updated(max((changed(site, d) for d in documents), default=dt.datetime(2000, 1, 1, tzinfo=dates.VIETNAM)))
    for doc in documents:
        url = absolute(base, doc.src_uri)
        entry = fg.add_entry(order="append")
        entry.id(url)
        entry.guid(url, permalink=True)
        entry.title(clean(f"{doc.heading}: {doc.title}"))
        entry.link(href=url)
        entry.summary(clean(f"{doc.heading}, ngày ban hành {dates.display(doc.date)}, của {doc.issuer_body}: {doc.title}"))
        entry.category(term=doc.doctype.name)
        entry.published(moment(doc))
        entry.updated(changed(site, doc))
    return fg


def feeds(site, title: str, subtitle: str, page_uri: str, documents, type_slug: str | None = None) -> dict[str, bytes]:
    newest = newest_first(documents)[:FEED_SIZE]
    out = {}
    for fmt in ("atom", "rss"):
        uri = feed_uri(fmt, type_slug)
        fg = _generator(site, title, subtitle, page_uri, uri, newest)
        out[uri] = fg.atom_str(pretty=True) if fmt == "atom" else fg.rss_str(pretty=True)
    return out


# Material's page script fetches "sitemap.xml" beside every <link rel="alternate">
# of the page (it maps pages between language versions of a site), so beside
# the feeds every page head links: without a file there, a 404 on every page
# load. An empty list: there is no other version to map.
EMPTY_SITEMAP = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
                 b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>\n')


def step(site) -> None:
    name = site.options.identity.get("ten") or "Văn bản"
    docs = site.published
    site.files.update(feeds(site, f"Văn bản mới — {name}", f"Các văn bản mới đăng của {name}.", "index.md", docs))
    site.files["feed/sitemap.xml"] = EMPTY_SITEMAP
    for group in site.groups["loai"]:  # the listings' groups by type: after listings.step
        site.files.update(feeds(site, f"{group.name} mới — {name}", f"Các {group.name.lower()} mới đăng của {name}.",
                                group.uri, group.documents, group.slug))


# --- sitemap.xml lastmod ---------------------------------------------------------

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def lastmods(site) -> dict[str, str]:
    """Served path → lastmod: a document page the day it last changed (its last
    commit, or its issue day outside git); every other generated page the newest
    of those days (they change when a document is added or changed)."""
    docs = site.published
    out = {url_of(d.src_uri): _changed_day(site, d).isoformat() for d in docs}
    newest = max((_changed_day(site, d) for d in docs), default=None)
    if newest:
        for uri in site.files:
            if uri.endswith(".md") and url_of(uri) not in out:
                out[url_of(uri)] = newest.isoformat()
    return out


def sitemap_step(site, site_dir: Path) -> None:
    path = Path(site_dir) / "sitemap.xml"
    if not path.exists():
        return
    ET.register_namespace("", SITEMAP_NS)
    tree = ET.parse(path)
    known = lastmods(site)
    prefix = urlsplit(site.options.site_url or "/").path.rstrip("/") + "/"
    for url in tree.getroot().iter(f"{{{SITEMAP_NS}}}url"):
        loc = url.find(f"{{{SITEMAP_NS}}}loc")
        served = urlsplit((loc.text or "").strip()).path
        served = served[len(prefix):] if served.startswith(prefix) else served.lstrip("/")
        if served not in known:
            continue
        lastmod = url.find(f"{{{SITEMAP_NS}}}lastmod")
        if lastmod is None:
            lastmod = ET.SubElement(url, f"{{{SITEMAP_NS}}}lastmod")
        lastmod.text = known[served]
    data = ET.tostring(tree.getroot(), encoding="utf-8", xml_declaration=True)
    path.write_bytes(data)
    with gzip.GzipFile(path.with_suffix(".xml.gz"), "wb", mtime=0) as gz:
        gz.write(data)
