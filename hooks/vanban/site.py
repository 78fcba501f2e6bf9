"""The whole generated site, computed once per build from the plans/ folder.

The MkDocs adapter calls `build` once, in on_files, and adds every file it
returns; nothing here knows about MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import citations
from . import corpus as corpus_mod
from .pages import PageParts, document_page
from .problems import DocumentErrors, Problem, errors


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
    graph: object = None  # relations.Graph, set by the citations step for later steps

    @property
    def published(self):
        return self.corpus.published


# Each step is a function step(site) that adds files, page parts or problems;
# later steps may read what earlier ones added. Document pages are written
# after all steps, so steps can add to them through site.parts.
STEPS: list = []
# Steps that need the written HTML (search index, PDFs): step(site, site_dir).
POST_STEPS: list = []


def build(plans_dir: Path, options: Options, base: Path | None = None) -> Site:
    """Read, validate and generate; raises DocumentErrors if any document is wrong."""
    project = base or plans_dir.parent
    ahead = citations.Ahead(project, kinds=(True,))
    # Bodies are parsed where they are read (but those an earlier run found, read back).
    corpus = corpus_mod.load(plans_dir, base, each=lambda doc: ahead.parse([doc.body]) if doc.published else None)
    citations.forget_primed()
    # Held-back documents are never scanned.
    # Not complete: the held-back documents' entries, kept by `vanban check`, stay.
    citations.prime((doc.body for doc in corpus.published), project=project,
                    ahead={text: p for found in corpus.extra.values() for text, p in found.items()})
    site = Site(corpus, options, problems=list(corpus.problems))
    for doc in corpus.published:
        site.parts[doc.src_uri] = PageParts()
    for step in STEPS:
        step(site)
    _document_pages(site)
    if errors(site.problems):
        raise DocumentErrors(site.problems)
    held = corpus.held_back
    site.log.append(f"{len(corpus.published)} văn bản được đăng, {len(held)} văn bản giữ lại (không có dòng “Đăng Website”).")
    site.log.extend(f"  giữ lại: {d.path} ({d.heading})" for d in held)
    return site


def _document_pages(site: Site) -> None:
    for doc in site.published:
        site.files[doc.src_uri] = document_page(doc, site.options.identity, site.parts[doc.src_uri])


def post_build(site: Site, site_dir: Path) -> None:
    """Run the steps that read the HTML MkDocs has written."""
    for step in POST_STEPS:
        step(site, site_dir)


# Modules that register steps; imported last, once STEPS and POST_STEPS exist.
from . import cited_pages, pdf  # noqa: E402,F401

# The print button and PDF link, then the PDFs from the written pages (issue 8).
STEPS.append(pdf.add_actions)
POST_STEPS.append(pdf.write_pdfs)
# Citations: registry, links in the text, cited documents' pages (issue 3).
STEPS.append(cited_pages.step)

# Listings, the lookup table, feeds, deadlines and open data (issue 5); after
# the cited documents' pages, so the home page can link their registry.
from . import deadlines, feeds, listings, opendata  # noqa: E402

STEPS.extend([deadlines.step, listings.step, listings.table_step, feeds.step, opendata.step])
POST_STEPS.append(feeds.sitemap_step)

# Search index of the published documents (issue 4), on the written pages.
from .search import index as search_index  # noqa: E402

POST_STEPS.append(search_index.step)
