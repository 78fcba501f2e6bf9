"""The search index: Pagefind, fed one record per published document.

Each document page is handed over as soon as its Markdown is converted (Feed,
from the MkDocs adapter's on_page_content): a forked worker makes its record on
the core MkDocs leaves idle while it converts the rest. Where the index is
one Pagefind run (up to PART_SIZE documents), the worker runs Pagefind itself
as soon as it has the last document's page, while MkDocs renders the templates;
otherwise Pagefind runs once the site is written (a POST_STEP), over the
records made. A page no worker received is read from the written site then, so
`mkdocs build` alone gives a searchable site. Each record's content and metadata are written in
search tokens (tokens.py); filters (loại, năm, cơ quan ban hành) stay plain
text, as they are only matched by value. Held-back documents are never read.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import gc
import json
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from vanban import forked
from vanban.model import dates, doctypes, numbers
from vanban.model.documents import Document
from vanban.model.text import fold
from vanban.search import bundles, tokens
from vanban.search.citations import cited_numbers
from vanban.search.extract import article_text

BUNDLE = "pagefind"  # folder of the site the engine and index go to
SETTINGS = "vanban-search.json"  # what the query side needs to know, in BUNDLE
LANGUAGE = "vi"
SHAPES = "h"  # the metadata field with the case and glue of each word (tokens.py)


@dataclass
class Record:
    url: str  # relative to the site root: van-ban/2023/114-kh-duk/
    content: str
    meta: dict[str, str]
    filters: dict[str, list[str]] = field(default_factory=dict)


def page_url(doc: Document) -> str:
    return doc.src_uri[: -len(".md")] + "/"


# Documents per shard (tokens.py explains shards): the query side runs one
# search per shard, each costing the square of its matching pages, plus a
# little per search. VANBAN_SEARCH_SHARD_SIZE overrides it (tests, benchmarks).
SHARD_SIZE = 100


def shard_count(documents: int) -> int:
    return min(36 * 36, max(1, -(-documents // _size("VANBAN_SEARCH_SHARD_SIZE", SHARD_SIZE))))


# Documents per Pagefind run: a run holds about half a megabyte a document
# until it writes its bundle (4.6 GB at 10,000 in one run); bundles.py joins
# the runs' bundles into one. VANBAN_SEARCH_PART_SIZE overrides it (tests).
PART_SIZE = 1000


def _size(variable: str, default: int) -> int:
    setting = os.environ.get(variable, "")
    return max(1, int(setting)) if setting.strip().isdigit() else default


def parts(documents: list[Document], shards: int) -> list[list[tuple[Document, int]]]:
    """(document, shard) pairs of each Pagefind run, whole shards a run where
    there are enough shards, so that most words are in one run only."""
    count = max(1, -(-len(documents) // _size("VANBAN_SEARCH_PART_SIZE", PART_SIZE)))
    runs: list[list[tuple[Document, int]]] = [[] for _ in range(count)]
    for i, doc in enumerate(documents):
        shard = i % shards
        runs[shard * count // shards if shards >= count else i * count // len(documents)].append((doc, shard))
    return [run for run in runs if run] or [[]]


def record(doc: Document, site_dir: Path, shard: int = 0, status: str = "Chưa rõ", html: str | None = None) -> Record:
    """The document's record, from its page's HTML (`html`, or read from site_dir)."""
    if html is None:
        page = site_dir / page_url(doc) / "index.html"
        html = page.read_text(encoding="utf-8") if page.exists() else None
    text = article_text(html) if html is not None else None
    if text is None:  # the page template changed: fall back to what we know
        text = "\n".join([doc.heading, doc.title, doc.body])
    hidden = [tokens.marker("n", tokens.number_key(doc.number.canonical)),
              tokens.marker("t", tokens.type_numeral_key(doc.doctype.name, doc.number.numeral))]
    for canonical, number in cited_numbers(text).items():
        if canonical == doc.number.canonical:
            continue
        hidden.append(tokens.marker("c", tokens.number_key(canonical)))
        # "Chỉ thị 06" finds the documents citing 06-CT/TU by these, not by
        # four words that most documents hold somewhere.
        hidden += [tokens.marker("u", tokens.type_numeral_key(t.name, number.numeral))
                   for t in numbers.types_for(number)]
    meta = {
        "title": doc.title,
        "loai": doc.doctype.name,
        "so": doc.number.canonical,
        "ngay": dates.display(doc.date),
        "co_quan": doc.issuer_body,
        "trang_thai": status,  # as the page shows it, with its source there (graph/status.py)
    }
    content, shapes = tokens.index_text(text, shard)
    return Record(
        url=page_url(doc),
        content=" ".join([*hidden, tokens.GLUE]) + "\n" + content,
        meta={**{key: tokens.tag_text(tokens.encode_text(value), shard) for key, value in meta.items()},
              SHAPES: tokens.SHAPES_PREFIX + shapes},
        filters={"loai": [doc.doctype.name], "nam": [str(doc.year)], "co_quan": [doc.issuer_body]},
    )


def settings(documents: list[Document]) -> dict:
    """Type codes and names (to recognise numbers in a query), filter values, shards."""
    return {
        "shards": shard_count(len(documents)),
        "codes": sorted({tokens.number_key(c) for c in doctypes.all_codes()}),
        "type_names": sorted({" ".join(fold(t.name).split()) for t in doctypes.TYPES}),
        "filters": {
            "loai": sorted({d.doctype.name for d in documents}),
            "nam": sorted({str(d.year) for d in documents}, reverse=True),
            "co_quan": sorted({d.issuer_body for d in documents}),
        },
    }


# The Pagefind service answers one message per poll (a tenth of a second), so
# records are not sent one by one: each becomes a small page in a scratch
# folder, and the whole folder is indexed in one message.
_PAGE = jinja2.Environment(autoescape=True).from_string(
    '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
    '{% for key, value in record.meta.items() %}'
    '<meta data-pagefind-meta="{{ key }}[content]" content="{{ value }}">'
    '{% endfor %}'
    '{% for key, values in record.filters.items() %}{% for value in values %}'
    '<meta data-pagefind-filter="{{ key }}[content]" content="{{ value }}">'
    '{% endfor %}{% endfor %}'
    '</head><body><main data-pagefind-body>'
    '{% for line in record.content.splitlines() %}<p>{{ line }}</p>{% endfor %}'
    '</main></body></html>'
)
# A page holding one-letter words only. A query word found nowhere would be
# left out by Pagefind (so "dân vận xyz" would find "dân vận"); instead it
# falls back to the longest indexed word its token starts with, which is one
# of these, on a page no other word is on: nothing is found, as it should be.
# "zs" finds it, so the query side (told the word in the settings) knows which result to drop.
SENTINEL_WORD = "zs"
ENGINE_GLUE = "pagefind-worker.js"  # what search-worker.js imports of Pagefind's scripts
SENTINEL = Record(url="_/", content=" ".join([*"abcdefghijklmnopqrstuvwxyz0123456789", SENTINEL_WORD]),
                  meta={"title": ""})


def _scratch(records: list[Record], folder: Path) -> None:
    for r in records:
        path = folder / r.url / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_PAGE.render(record=r), encoding="utf-8")


async def _write(folder: Path, out: Path) -> None:
    from pagefind.index import IndexConfig, PagefindIndex  # the service binary starts here

    config = IndexConfig(output_path=str(out), force_language=LANGUAGE)
    async with PagefindIndex(config) as index:
        await index.add_directory(str(folder))


def write(documents: list[Document], site_dir: Path, statuses: dict[str, str] | None = None,
          feed: Feed | None = None) -> tuple[int, float]:
    """Write the index and settings; returns (bytes written, seconds). The
    records a feed made are used, the others made here from the written pages."""
    started = time.monotonic()
    out = site_dir / BUNDLE
    shutil.rmtree(out, ignore_errors=True)  # Pagefind leaves an earlier bundle's chunks
    runs = parts(documents, shard_count(len(documents)))
    try:
        made = feed.finish(runs) if feed is not None else None
        with tempfile.TemporaryDirectory(prefix="vanban-search-") as scratch:
            if made is not None and made.bundle is not None:  # the worker indexed every page already
                built = [made.bundle]
            else:
                folders = made.folders if made is not None else [Path(scratch) / f"pages-{n}" for n in range(len(runs))]
                _write_pages([[(doc, shard) for doc, shard in run if made is None or doc.src_uri not in made.done]
                              for run in runs], folders, site_dir, statuses or {})
                built = [Path(scratch) / f"bundle-{n}" for n in range(len(folders))]
                _index_all(folders, built)
            ranges = bundles.join(built, out)
    finally:
        if feed is not None:  # on every path, an error included: its worker ends, its folder goes
            feed.close()
    _drop_unused(out)
    data = {**settings(documents), "chunks": ranges, "sentinel": SENTINEL_WORD,
            "warm": bundles.warm_prefix(out, SENTINEL_WORD)}
    (out / SETTINGS).write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    return size, time.monotonic() - started


@dataclass
class Fed:
    folders: list[Path]  # each Pagefind run's pages
    done: set[str]  # src_uri of every document whose page is there
    bundle: Path | None = None  # Pagefind's bundle of them all, when the worker made it


class Feed(forked.Feed):
    """Document pages indexed by a forked worker while MkDocs renders: it
    makes each one's record (its words encoded, its citations found: most of
    the index's time in Python) on the other core, and writes it as the page
    Pagefind will read. A page is handed over as soon as its Markdown is
    converted (MkDocs converts every page before it writes any), through
    forked.Feed, so rendering never waits for the worker. When the index is
    one Pagefind run, the last page handed over seals the feed and the worker
    runs Pagefind at once, while MkDocs renders the templates: the build then
    only joins its bundle. finish() says which pages it made and write()
    makes the others from the written site: all of them if the worker fails
    or no process can start, as without a feed. The document's text is the
    same in the page's content and in the written page (article_text reads
    only its <article>)."""

    name = "vanban-search-feed"

    def __init__(self, documents: list[Document] | None, site_dir: Path, statuses: dict[str, str] | None = None):
        """Start the worker; `documents` now, or later with plan(). Started before
        the corpus is read (the adapter does so when MkDocs starts the
        build, on_pre_build), the worker shares almost none of this process's memory:
        a worker forked from the whole build holds, page by page, a private copy
        of all that the build changes while it renders (at 10,000 documents the
        two passed 2 GB together)."""
        self.where: dict[str, tuple[int, int]] = {}
        self.documents: dict[str, Document] = {}
        self.statuses: dict[str, str] = {}
        self.folders: list[Path] = []
        self.site_dir = site_dir
        self.made = 0  # records the worker made, once finished
        self.handed: set[str] = set()  # documents whose page went to the worker
        self.indexed = False  # the worker made the bundle, once finished
        super().__init__()
        if documents is not None:
            self.plan(documents, statuses)

    def plan(self, documents: list[Document], statuses: dict[str, str] | None = None) -> None:
        """The documents whose pages are indexed, and where each goes."""
        runs = parts(documents, shard_count(len(documents)))
        self.where = {doc.src_uri: (n, shard) for n, run in enumerate(runs) for doc, shard in run}
        self.documents = {doc.src_uri: doc for doc in documents}
        self.statuses = statuses or {}
        self.folders = [self.scratch / f"pages-{n}" for n in range(len(runs))]
        self.handed = set()

    def page(self, src_uri: str, html: str) -> None:
        """A page's content, converted from its Markdown; only published documents are indexed."""
        if src_uri not in self.where:
            return
        n, shard = self.where[src_uri]
        if not self.hand((self.documents[src_uri], n, shard, self.statuses.get(src_uri, "Chưa rõ"), html)):
            return
        self.handed.add(src_uri)
        # Every page is there: with one Pagefind run to make, the worker makes
        # it now, on the core MkDocs leaves idle while it renders the templates.
        # Several runs wait for write(): with 10,000 documents the build is at
        # its largest while it renders (1.7 GB) and a run holds 0.6 GB more.
        if len(self.handed) == len(self.where) and len(self.folders) == 1:
            self.seal()

    def finish(self, runs: list[list[tuple[Document, int]]]) -> Fed | None:
        """Wait for the worker; the pages it made, or None (nothing to use) if it
        failed or its runs are not the index's (the documents changed)."""
        if self.process is None:
            shutil.rmtree(self.scratch, ignore_errors=True)
            return None
        ended, result = self.outcome(FEED_WAIT)
        same = {doc.src_uri: (n, shard) for n, run in enumerate(runs) for doc, shard in run} == self.where
        if not ended or not same:
            shutil.rmtree(self.scratch, ignore_errors=True)
            return None
        done, bundle = result  # a bundle only when sealed: after every page of `where`
        self.made, self.indexed = len(done), bundle is not None
        return Fed(self.folders, set(done), Path(bundle) if bundle else None)

    # --- in the worker ---

    def begin(self) -> None:
        gc.disable()  # no cycles among records; a collection would copy every page of the parent's memory
        self.taken: list[str] = []

    def take(self, item) -> None:
        doc, n, shard, status, html = item
        _scratch([record(doc, self.site_dir, shard, status, html)], self.scratch / f"pages-{n}")
        self.taken.append(doc.src_uri)

    def end(self, sealed: bool) -> tuple[list[str], str | None]:
        """The documents made, and the bundle of the one Pagefind run if the
        feed was sealed (None if that run failed: write() then makes the index
        from the pages, which are kept)."""
        if not sealed:
            return self.taken, None
        bundle = self.scratch / "bundle"
        try:  # the folder's name as plan() gave it: this process was forked before plan()
            _index_all([self.scratch / "pages-0"], [bundle])
        except Exception:  # noqa: BLE001 (any failure: the build makes the index itself)
            return self.taken, None
        return self.taken, str(bundle)


FEED_WAIT = 600.0  # seconds a finished build waits for the feed's last records


def _drop_unused(bundle: Path) -> None:
    """Pagefind's page script and UI files: the query side (search.js and
    search-worker.js) loads only the worker's WebAssembly glue, the WebAssembly
    and the data, and nothing on the site should ship that nothing loads."""
    for path in bundle.iterdir():
        if path.suffix in (".js", ".css") and path.name != ENGINE_GLUE:
            path.unlink()


def _index_all(folders: list[Path], bundles_out: list[Path]) -> None:
    """Each folder of pages indexed into its bundle, the folder removed once done.

    One run at a time: at 10,000 documents the build holds about 1 GB when
    the index is made, and each run about half a gigabyte more; two at once
    would reach the 2 GB the build must stay under (measured). The sentinel
    page joins the first folder."""
    _scratch([SENTINEL], folders[0])
    for pages, bundle in zip(folders, bundles_out, strict=True):
        _index(pages, bundle)
        shutil.rmtree(pages)


def _index(pages: Path, bundle: Path, attempts: int = 2) -> None:
    """One Pagefind run over a folder of pages. Its service is another program
    answering over a pipe; a run that fails, or leaves a bundle that is not
    whole, is made once more before the build gives up with the reason."""
    for attempt in range(1, attempts + 1):
        shutil.rmtree(bundle, ignore_errors=True)
        try:
            _run(_write(pages, bundle))
            bundles.language(bundle)
            return
        except Exception:  # noqa: BLE001 (any failure of the other program: retried, then raised)
            if attempt == attempts:
                raise


def _run(coroutine) -> None:
    """asyncio.run, in a thread of its own if this one already runs a loop (a caller's)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        asyncio.run(coroutine)
        return
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, coroutine).result()


# Each record costs ~5 ms (the page read, its words encoded): 45 s at 10,000
# in one process, so the pages are written by forked workers.
def _write_pages(runs: list[list[tuple[Document, int]]], folders: list[Path], site_dir: Path,
                 statuses: dict[str, str]) -> None:
    """Each run's records as pages in its folder (the pages Pagefind reads)."""
    batches = [(n, run[i:i + 100]) for n, run in enumerate(runs) for i in range(0, len(run), 100)]
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)

    def write(some: list) -> list:
        for n, batch in some:
            _scratch([record(doc, site_dir, shard, statuses.get(doc.src_uri, "Chưa rõ")) for doc, shard in batch],
                     folders[n])
        return []

    # A batch is 100 records: the threshold is counted in records, not batches.
    if sum(map(len, runs)) < forked.AT_LEAST or forked.map_batches(batches, write, at_least=1) is None:
        write(batches)


def statuses_of(site) -> dict[str, str]:
    graph = site.graph
    return {d.src_uri: graph.status(graph.uri(d)).label for d in site.published} if graph is not None else {}


def start_feed(site, feed: Feed) -> None:
    """Hand the document pages to `feed` (started early, Feed(None, site_dir)) as
    they are converted (site.search_feed)."""
    if not site.published:
        feed.close()
        return
    feed.plan(site.published, statuses_of(site))
    site.search_feed = feed


def step(site, site_dir: Path) -> None:
    feed, site.search_feed = site.search_feed, None
    statuses = feed.statuses if feed is not None else statuses_of(site)  # the feed's, found once per build
    size, seconds = write(site.published, Path(site_dir), statuses, feed)
    early = ""
    if feed is not None:
        indexed = "; chỉ mục lập xong trong lúc dựng trang" if feed.indexed else ""
        early = f" ({feed.made} đọc ngay khi trang vừa dựng xong, trong lúc dựng các trang khác{indexed})"
    site.log.append(f"Tra cứu: {len(site.published)} văn bản vào chỉ mục{early}, {size // 1024} KB, "
                    f"{seconds:.1f} giây sau khi dựng xong trang.")

