"""The whole generated site, computed once per build from the plans/ folder.

The MkDocs adapter calls `build` once, in on_files, and adds every file it
returns; nothing here knows about MkDocs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from vanban.citations.priming import Primed
from vanban.graph import corpus as corpus_mod
from vanban.model.problems import DocumentErrors, errors
from vanban.search import index as search_index
from vanban.site import cited_pages, deadlines, feeds, history_pages, listings, opendata, pdf, signed, standing
from vanban.site.pages import PageParts, document_page
from vanban.site.state import Options, Site

__all__ = ["Options", "Site", "Ahead", "build", "feed_ahead", "start_writing", "page_rendered", "page_written",
           "stopped", "post_build", "STEPS", "POST_STEPS"]


# The build's steps, in order. Each is step(site): it adds files, page parts
# or problems, and may read what the steps before it added. Document pages are
# written after all of them, so a step adds to a page through site.parts.
STEPS: tuple[Callable[[Site], None], ...] = (
    pdf.add_actions,  # the print button and PDF link on each document page
    cited_pages.step,  # the registry, links in the text, a page per cited document; sets site.graph
    standing.step,  # each document's status: the notice above its text and its panel row
    history_pages.step,  # "Lịch sử" from git and the correction notice; feeds and the sitemap read its dates
    signed.step,  # the signed original: its file, size and SHA-256 (a missing file or wrong hash stops the build)
    deadlines.step,  # after cited_pages: tasks link the documents they cite
    listings.step,  # listings by type, year and issuer, and the home page
    listings.table_step,  # the lookup table
    feeds.step,  # after listings.step: a feed for each of its groups by type
    opendata.step,  # reads site.graph
)
# Then, once MkDocs has written every page: step(site, site_dir) reads the HTML.
POST_STEPS: tuple[Callable[[Site, Path], None], ...] = (
    search_index.step,  # first: the feed's worker has made most records while MkDocs rendered
    feeds.sitemap_step,
    pdf.write_pdfs,
)


@dataclass
class Ahead:
    """The workers started when MkDocs starts the build (feed_ahead), before the corpus is read."""

    search: search_index.Feed
    pdf: pdf.PdfFeed | None = None

    def close(self) -> None:
        self.search.close()
        if self.pdf is not None:
            self.pdf.close()


def build(plans_dir: Path, options: Options, base: Path | None = None, ahead: Ahead | None = None) -> Site:
    """Read, validate and generate; raises DocumentErrors if any document is wrong.
    `ahead`: its PDF worker says whether PDFs can be made (pdf.add_actions)."""
    project = base or plans_dir.parent
    primed = Primed(project, kinds=(True,))
    # Bodies are parsed where they are read (but those an earlier run found, read back).
    corpus = corpus_mod.load(plans_dir, base, each=lambda doc: primed.ahead([doc.body]) if doc.published else None)
    # Held-back documents are never scanned.
    # Not complete: the held-back documents' entries, kept by `vanban check`, stay.
    primed.add((doc.body for doc in corpus.published),
               ahead={text: p for found in corpus.extra.values() for text, p in found.items()})
    site = Site(corpus, options, problems=list(corpus.problems), project=project, citations=primed,
                plans=plans_dir, pdf_feed=ahead.pdf if ahead is not None and options.pdf else None)
    for doc in corpus.published:
        site.parts[doc.src_uri] = PageParts()
    for step in STEPS:
        step(site)
    _document_pages(site)
    if errors(site.problems):
        raise DocumentErrors(site.problems)
    held = corpus.held_back
    site.log.append(f"{len(corpus.published)} văn bản được đăng, {len(held)} văn bản giữ lại.")
    site.log.extend(f"  giữ lại: {d.path} ({d.heading}): "
                    + ("có dòng publish: false" if d.meta.get("publish") is False
                       else "Nơi nhận không có dòng “Đăng Website”") for d in held)
    return site


def _document_pages(site: Site) -> None:
    for doc in site.published:
        site.files[doc.src_uri] = document_page(doc, site.options.identity, site.parts[doc.src_uri])


def feed_ahead(site_dir: Path, options: Options, project: Path) -> Ahead:
    """The search index's worker and, when PDFs are made, the PDFs' worker,
    started before the build grows (see search.index.Feed and pdf.PdfFeed)."""
    return Ahead(search_index.Feed(None, site_dir),
                 pdf.PdfFeed(site_dir, options.site_url, pdf.cache_folder(project)) if options.pdf else None)


def start_writing(site: Site, ahead: Ahead) -> None:
    """MkDocs is about to render: the workers of `ahead` (feed_ahead) get each
    page, the search index's once converted, the PDFs' once written (a PDF
    worker without Pango was ended by pdf.add_actions)."""
    search_index.start_feed(site, ahead.search)
    if site.pdf_feed is not None:
        site.pdf_feed.plan(site.published)


def page_rendered(site: Site, src_uri: str, html: str) -> None:
    """A page's Markdown is converted: `html` is its content, without the theme around it."""
    if site.search_feed is not None:
        site.search_feed.page(src_uri, html)


def page_written(site: Site, src_uri: str) -> None:
    """MkDocs is about to write the page of `src_uri`, having written the one before."""
    if site.pdf_feed is not None:
        site.pdf_feed.written(src_uri)


def stopped(site: Site | None) -> None:
    """A build that ended in an error: what runs beside MkDocs ends too."""
    if site is None:
        return
    for feed in (site.search_feed, site.pdf_feed):
        if feed is not None:
            feed.close()
    site.search_feed = site.pdf_feed = None


def post_build(site: Site, site_dir: Path) -> None:
    """Run the steps that read the HTML MkDocs has written."""
    for step in POST_STEPS:
        step(site, site_dir)
