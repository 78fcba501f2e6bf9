"""What the build's steps share: the options from mkdocs.yml and the site as
it is being made. Every step module imports this, and build imports them all,
so the steps never import the module that runs them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from vanban.citations.priming import Primed
from vanban.graph import corpus as corpus_mod
from vanban.graph.relations import Graph
from vanban.graph.tasks import Tracking
from vanban.model.problems import Problem
from vanban.site.listings import Group, url_of
from vanban.site.pages import PageParts


@dataclass
class Options:
    site_url: str = ""  # absolute base URL, for feeds and canonical links
    identity: dict = field(default_factory=dict)  # the organisation, from mkdocs.yml extra
    pdf: bool = False  # PDFs are written after the HTML exists
    registry: Path | None = None  # data/registry.yml: documents cited but not published here


@dataclass
class Site:
    corpus: corpus_mod.Corpus
    options: Options
    files: dict[str, str | bytes] = field(default_factory=dict)  # path in site → content
    parts: dict[str, PageParts] = field(default_factory=dict)  # src_uri → additions
    log: list[str] = field(default_factory=list)  # lines for the build log
    problems: list[Problem] = field(default_factory=list)
    citations: Primed = field(default_factory=Primed)  # the bodies' citations, parsed before the steps ask
    graph: Graph | None = None  # set by the cited documents' step; the steps after it read it
    groups: dict[str, list[Group]] = field(default_factory=dict)  # kind's slug → its groups, set by listings.step
    project: Path | None = None  # the folder of mkdocs.yml: caches go to its .cache/vanban
    plans: Path | None = None  # the plans/ folder the documents were read from
    history: object = None  # graph.history.Histories, or None outside git (set by history_pages.step)
    tracking: Tracking | None = None  # set by the deadlines step: documents answering tasks, reports on plans
    originals: dict = field(default_factory=dict)  # document path → graph.originals.Original (signed.step)
    search_feed: object | None = None  # search.index.Feed: pages handed to the index as they are converted
    pdf_feed: object | None = None  # site.pdf.PdfFeed: pages handed to the PDFs' worker as they are written

    @property
    def published(self):
        return self.corpus.published

    def hand_off(self):
        """Every generated file (src_uri, content), for the adapter to give MkDocs.

        From then on the site keeps the files' names only (the sitemap step
        reads them) and no page parts, so the build's memory is not doubled; a
        post-build step reads a file's content back with served()."""
        files, self.files = self.files, dict.fromkeys(self.files, "")
        self.parts.clear()
        return files.items()

    def served(self, src_uri: str, site_dir: Path) -> bytes:
        """A generated file as it is served from `site_dir`: a Markdown page's
        HTML, any other file's bytes as generated. For the post-build steps."""
        if src_uri.endswith(".md"):
            return (site_dir / url_of(src_uri) / "index.html").read_bytes()
        content = self.files.get(src_uri)
        if content:  # not handed off yet
            return content.encode("utf-8") if isinstance(content, str) else content
        return (site_dir / src_uri).read_bytes()
