"""Printing a document: the "In văn bản" button, and a PDF of each published
document made at build time by WeasyPrint from the page MkDocs wrote and the
same print stylesheet a browser uses, so the PDF and a printed page match.

PDFs are made once per content (PdfCache) and while MkDocs writes the pages
(PdfFeed, a worker forked when the build starts): each page goes to it once
written, and it reads its PDF back from the cache or prints it then, on the
core MkDocs leaves idle; the rest in parallel once every page is written.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import functools
import hashlib
import importlib.metadata
import json
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path

from markupsafe import Markup

from vanban import forked
from vanban.model.documents import Document
from vanban.site.state import Site

# The stylesheets the PDF is printed with, as the site serves them: the page's
# layout rules, then the print rules ("@media print", "@page").
STYLESHEETS = ("assets/vanban.css", "assets/print.css")
LANGUAGE = "vi"
# What WeasyPrint needs from Debian: Pango, HarfBuzz's subsetter, a serif face with all of Vietnamese.
SYSTEM_PACKAGES = ("libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0", "fonts-noto-core")
# Said once a build where Pango cannot be loaded: the rest of the site is built
# without PDFs. The ways to install it are WeasyPrint's own installation guide's.
PANGO_MISSING = "\n".join((
    "Không làm bản PDF: máy này thiếu thư viện Pango mà WeasyPrint cần để in ({error}).",
    "  Trang vẫn được dựng đủ, chỉ không có bản PDF và nút “Tải PDF”. Cài Pango rồi dựng lại:",
    "  - Debian, Ubuntu: sudo apt-get install " + " ".join(SYSTEM_PACKAGES),
    "  - macOS: brew install pango (vẫn báo thiếu thì: export DYLD_FALLBACK_LIBRARY_PATH=/opt/homebrew/lib)",
    "  - Windows: cài MSYS2 (https://www.msys2.org/), trong cửa sổ “MSYS2 UCRT64” chạy"
    " pacman -S mingw-w64-ucrt-x86_64-pango, rồi đặt biến WEASYPRINT_DLL_DIRECTORIES=C:\\msys64\\ucrt64\\bin",
    "  - hoặc mở dự án trong dev container (thư mục .devcontainer/): có sẵn Pango.",
    "  Không cần PDF thì đặt VANBAN_PDF=false.",
))

# A real button, so it is focusable and works with Enter and Space; print.js
# calls window.print() for any element carrying data-vb-in.
PRINT_BUTTON = Markup('<button type="button" class="md-button vb-in" data-vb-in>In văn bản</button>')
# The PDF is written after MkDocs has checked the links, so this is a raw HTML
# link; its href is the file name because the PDF sits beside the page's HTML.
PDF_LINK = Markup('<a class="md-button vb-tai-pdf" href="{href}" type="application/pdf" download>Tải PDF</a>')


def pdf_name(doc: Document) -> str:
    return Path(doc.src_uri).stem + ".pdf"


def page_html(site_dir: Path, doc: Document) -> Path:
    """Where MkDocs wrote the document's page, with or without directory URLs."""
    stem = Path(doc.src_uri).with_suffix("")
    pretty = site_dir / stem / "index.html"
    return pretty if pretty.exists() else site_dir / stem.with_suffix(".html")


def pango_missing() -> str | None:
    """Why WeasyPrint cannot run here, or None. It loads Pango as it is imported,
    and a missing system library is an OSError, not an ImportError."""
    try:
        import weasyprint  # noqa: F401
    except OSError as err:
        return str(err)
    return None


def add_actions(site: Site) -> None:
    # Checked before any page links its PDF, so a missing Pango leaves no link to a file never made.
    if site.options.pdf and (error := _pango_missing(site)):
        site.options = replace(site.options, pdf=False)
        site.log.append(PANGO_MISSING.format(error=error))
    for doc in site.published:
        actions = site.parts[doc.src_uri].actions
        actions.append(PRINT_BUTTON)
        if site.options.pdf:
            actions.append(PDF_LINK.format(href=pdf_name(doc)))


def _pango_missing(site: Site) -> str | None:
    """The feed's worker imports WeasyPrint while the corpus is read, and says
    what the import gave; without a feed, it is imported here. A worker that
    does not answer is not waited for again: the build makes the PDFs itself."""
    feed = site.pdf_feed
    said = feed.heard() if feed is not None else None
    if said is None or said[1] is not None:  # no answer, or no Pango: no worker either
        if feed is not None:
            feed.close()
            site.pdf_feed = None
        return said[1] if said is not None else pango_missing()
    return None


def write_pdfs(site: Site, site_dir: Path) -> None:
    """A PDF beside each document's page: read back from the cache when its
    printed part and everything else it is made from are unchanged, made in
    forked workers (one per core) otherwise. The feed's worker has done most
    of it while MkDocs wrote the pages; what it did not do is done here."""
    feed, site.pdf_feed = site.pdf_feed, None
    if not site.options.pdf or not site.published:
        if feed is not None:
            feed.close()
        return
    started = time.monotonic()
    done, during, made, early = _fed(feed, site_dir, site.options.site_url, site.log)
    store = PdfCache(cache_folder(site.project)) if site.project else None  # with what the worker put there
    rest = [doc for doc in site.published if doc.src_uri not in done]
    pages = []
    for doc in rest:
        html = page_html(site_dir, doc)
        if not html.exists():
            raise FileNotFoundError(f"Không thấy trang của {doc.heading} ({html}) để in ra PDF.")
        pages.append(html)
    more, again = print_all(rest, pages, site_dir, site.options.site_url, store=store, kept=early)
    reused = len(done) - made
    fed = f" ({during} bản in sẵn trước bước PDF)" if during else ""
    site.log.append(f"PDF: {made + more} bản mới in{fed}, {reused + again} bản lấy lại từ bộ nhớ đệm, "
                    f"{time.monotonic() - started:.1f} giây sau khi dựng xong trang.")


def _fed(feed: PdfFeed | None, site_dir: Path, site_url: str, log: list[str]) -> tuple[set[str], int, int, set[str]]:
    """What the feed's worker did: (documents done, PDFs made before this
    step, PDFs made in all, cache keys used); nothing if it failed (said in
    the log), and nothing of its if it printed another site (the build does it all)."""
    if feed is None:
        return set(), 0, 0, set()
    try:
        if (feed.site_dir, feed.site_url) != (site_dir.resolve(), site_url):
            return set(), 0, 0, set()
        ended, result = feed.finish()
    finally:
        feed.close()
    if not ended:
        log.append("PDF: tiến trình in trong lúc dựng trang dừng giữa chừng; mọi bản PDF được làm lại ở bước này.")
        return set(), 0, 0, set()
    done, during, made, keys = result
    return set(done), during, made, set(keys)


def print_all(docs: list[Document], pages: list[Path], site_dir: Path, site_url: str = "",
              store: PdfCache | None = None, kept: set[str] = frozenset()) -> tuple[int, int]:
    """Write html.with_name(pdf_name(doc)) for each (doc, html); returns (made, reused).

    The key of each PDF is read from what it is printed from (page.printed),
    so a page whose printed part is unchanged is not printed again, whatever
    else of the page (its links to related documents, the table of contents)
    changed. The cache then keeps only this build's PDFs: these and `kept`
    (made or read back by the feed's worker).
    """
    site_dir = site_dir.resolve()
    jobs = []
    if docs:  # the stylesheets and the fonts are read only when there is something to look up
        looking = Lookup(site_dir, site_url, store)
        jobs = [job for doc, html in zip(docs, pages, strict=True) if (job := looking.up(doc, html)) is not None]
    if jobs:
        make_all(Printer.for_site(site_dir, site_url), jobs, store)
    if store is not None:
        store.keep_only(store.used | kept)
    return len(jobs), len(docs) - len(jobs)


class Lookup:
    """A document's PDF read back from the cache, or the job of printing it."""

    def __init__(self, site_dir: Path, site_url: str, store: PdfCache | None):
        self.site_dir, self.site_url, self.store = site_dir, site_url, store
        self.sheets = [(site_dir / name).read_text(encoding="utf-8") for name in STYLESHEETS
                       if (site_dir / name).exists()]
        self.setting = environment()

    def up(self, doc: Document, html: Path) -> tuple | None:
        """None if the PDF was read back beside the page; else the job of
        printing it: (metadata, number, html, base, target, key). Thousands of
        jobs may wait: a job keeps neither the page (read again when printed)
        nor the document, whose text the worker would otherwise hold."""
        source = printed(html.read_text(encoding="utf-8"))
        base = page_base(self.site_dir, html, self.site_url)
        target = html.with_name(pdf_name(doc))
        meta = metadata(doc)
        key = pdf_key(source, base, meta, self.sheets, self.setting)
        if self.store is not None and self.store.copy(key, target):
            return None
        return meta, doc.number.canonical, html, base, target, key


def make(printer: Printer, jobs: list, store: PdfCache | None) -> list:
    for meta, number, html, base, target, key in jobs:
        data = printer.pdf(printed(html.read_text(encoding="utf-8")), base, meta, number)
        target.write_bytes(data)
        if store is not None:
            store.put(key, data)
    return [None] * len(jobs)


def make_all(printer: Printer, jobs: list, store: PdfCache | None) -> None:
    # Each PDF is a quarter of a second: worth a worker process from a few.
    if forked.map_batches(jobs, lambda batch: make(printer, batch, store), at_least=WORKERS_FROM) is None:
        make(printer, jobs, store)
    if store is not None:
        store.used.update(job[-1] for job in jobs)  # put by the workers, in their copies of the store


WORKERS_FROM = 4  # PDFs to make before forked workers are started for them


class PdfFeed(forked.Feed):
    """PDFs made while MkDocs writes the pages, by a worker forked when the
    build starts (forked.Feed): it imports WeasyPrint while the corpus is
    read and says whether Pango loads (the build asks before any page links
    its PDF). A document's page is handed over once MkDocs has written it,
    that is, at the next page's on_post_page (written()) or when the build
    ends: the worker reads the file MkDocs wrote, as print_all would, not
    what a plugin might still change. It reads the PDF back from the cache
    at once, and prints what it must when no other page is waiting; what
    is left when the pages end is printed on every core."""

    name = "vanban-pdf-feed"
    daemon = False  # it forks the workers that print in parallel

    def __init__(self, site_dir: Path, site_url: str, cache: Path | None):
        self.site_dir, self.site_url, self.cache = site_dir.resolve(), site_url, cache
        self.documents: dict[str, Document] = {}
        self.waiting: Document | None = None  # the page MkDocs is writing: written once the next one comes
        super().__init__()

    def plan(self, documents: list[Document]) -> None:
        """The documents whose PDFs are made."""
        self.documents = {doc.src_uri: doc for doc in documents}

    def written(self, src_uri: str | None) -> None:
        """MkDocs is about to write another page (None: it has written them
        all): the page before it is written, so the worker may read it now."""
        if self.waiting is not None:
            self.hand(self.waiting)
        self.waiting = self.documents.get(src_uri)

    def finish(self) -> tuple[bool, object]:
        """Every page is written: wait for the worker's result (end())."""
        if self.waiting is not None:  # with the end in one write: it is printed with the rest, in parallel
            self.hand(self.waiting, then=forked.END)
            self.waiting = None
        return self.outcome(FEED_WAIT)

    # --- in the worker ---

    def begin(self) -> None:
        self.said(("pango", pango_missing()))  # WeasyPrint is imported here, off the build's path
        self.store = PdfCache(self.cache) if self.cache is not None else None
        self.looking: Lookup | None = None  # once a page is written: the stylesheets are by then
        self.printer: Printer | None = None
        self.jobs: list = []
        self.done: list[str] = []
        self.made = 0

    def take(self, doc: Document) -> None:
        if self.looking is None:
            self.looking = Lookup(self.site_dir, self.site_url, self.store)
        job = self.looking.up(doc, page_html(self.site_dir, doc))
        if job is not None:
            self.jobs.append(job)
        self.done.append(doc.src_uri)
        while self.jobs and self.idle():
            make(self._printer(), [self.jobs.pop(0)], self.store)
            self.made += 1

    def _printer(self) -> Printer:
        if self.printer is None:  # once a PDF is to be made: a build whose PDFs are all cached never needs it
            self.printer = Printer.for_site(self.site_dir, self.site_url)
        return self.printer

    def end(self, sealed: bool) -> tuple[list[str], int, int, list[str]]:
        """(documents done, PDFs made while pages came, PDFs made in all, cache keys used)."""
        during = self.made
        if self.jobs:
            make_all(self._printer(), self.jobs, self.store)
            self.made += len(self.jobs)
        used = sorted(self.store.used) if self.store is not None else []
        return self.done, during, self.made, used


FEED_WAIT = 3600.0  # seconds a finished build waits for the PDFs of every page: 10,000 take half an hour


def page_base(site_dir: Path, html: Path, site_url: str) -> str:
    """The address relative links of a page are read against: the page's own
    address on the published site, so that the PDF's links lead there (not
    to a file on the machine that built it); the file itself without a site_url."""
    if not site_url:
        return html.resolve().as_uri()
    relative = html.resolve().relative_to(site_dir).as_posix()
    if relative.endswith("index.html"):
        relative = relative[: -len("index.html")]
    return site_url.rstrip("/") + "/" + relative


# Where the printed part of a document page begins and ends (templates/document.md):
# the original's article, from its header to the signature block; what follows
# the signature is the site's (relations, tasks) and print.css hides it.
_ORIGINAL = re.compile(r'<article class="vb-ban-goc[ "]')
_END = '<div class="vb-cuoi">'
_DIV = re.compile(r"<(/?)div\b")
_HEAD = re.compile(r"<title>.*?</title>|<meta name=\"generator\"[^>]*>", re.S)
_LANG = re.compile(r'<html[^>]*\blang="([^"]*)"')
# The ancestors the print rules name (print.css), as Material writes them.
_FRAME = ('<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">{head}</head>'
          '<body dir="ltr"><div class="md-container"><main class="md-main"><div class="md-main__inner">'
          '<div class="md-content"><article class="md-content__inner md-typeset">'
          '<div class="vb-van-ban">\n{original}\n</article>\n</div></article></div></div></main></div></body></html>\n')


def printed(page: str) -> str:
    """What WeasyPrint is given of a document page: the original's article up
    to its signature block, in the page's frame, and the page's title. The
    rest of the page (navigation, table of contents, relations) is hidden in
    print and only costs parsing and styling; and it changes when other
    documents change, which must not make this PDF again. The whole page if
    the template's marks are not found."""
    start = _ORIGINAL.search(page)
    end = page.find(_END, start.end()) if start else -1
    if end < 0:
        return page
    depth = 0
    for tag in _DIV.finditer(page, end):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            break
    else:
        return page
    close = page.index(">", tag.end()) + 1
    lang = _LANG.search(page)
    return _FRAME.format(lang=lang.group(1) if lang else LANGUAGE, head="".join(_HEAD.findall(page[: start.start()])),
                         original=page[start.start():close])


def pdf_key(source: str, base: str, meta: dict, sheets: list[str], setting: str) -> str:
    """Everything a PDF is made from: the printed HTML, the address its links
    are read against, its metadata, the stylesheets, and the environment
    (tools' versions, fonts, this module)."""
    digest = hashlib.blake2b(digest_size=20, person=b"vanban-pdf")
    for part in (source, base, json.dumps(meta, ensure_ascii=False, sort_keys=True), *sheets, setting):
        data = part.encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


# Families the print stylesheet names; a change in one of their files remakes every PDF.
FONT_FAMILIES = ("Noto Serif", "Times New Roman", "DejaVu Serif")
FONT_FOLDERS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts",
                Path.home() / ".local/share/fonts")
FONT_SUFFIXES = {".ttf", ".otf", ".ttc", ".otc", ".woff", ".woff2", ".pfb", ".pcf", ".gz"}


@functools.lru_cache(maxsize=1)
def environment() -> str:
    """What a PDF depends on besides its page and the stylesheets: the versions
    of WeasyPrint and the libraries it prints with (Python packages, Pango,
    HarfBuzz), the fonts (the print families' files by their bytes, any other
    font file by its name and size, as a fallback glyph may come from it), and
    the source of this module (how pages are cut and printed)."""
    parts = [f"python {sys.version_info[:2]}"]
    for package in ("weasyprint", "pydyf", "tinycss2", "tinyhtml5", "cssselect2", "fonttools", "pyphen", "pillow"):
        try:
            parts.append(f"{package} {importlib.metadata.version(package)}")
        except importlib.metadata.PackageNotFoundError:
            parts.append(f"{package} -")
    parts.append(_library_versions())
    parts.append(Path(__file__).read_text(encoding="utf-8"))
    parts.extend(_fonts())
    return "\n".join(parts)


def _library_versions() -> str:
    """Pango's and HarfBuzz's versions, asked of the libraries themselves
    (without loading WeasyPrint: a build whose PDFs are all cached never does)."""
    found = []
    for name, function in (("pango-1.0", "pango_version_string"), ("harfbuzz", "hb_version_string")):
        version = "-"
        with contextlib.suppress(OSError, AttributeError, TypeError):
            call = getattr(ctypes.CDLL(ctypes.util.find_library(name)), function)
            call.restype = ctypes.c_char_p
            version = call().decode()
        found.append(f"{name} {version}")
    return " ".join(found)


def _fonts() -> list[str]:
    printing = set()
    try:
        listed = subprocess.run(["fc-list", "--format", "%{file}\t%{family}\n"], capture_output=True, text=True,
                                timeout=60, check=True).stdout
        printing = {line.split("\t")[0] for line in listed.splitlines()
                    if set(line.partition("\t")[2].split(",")) & set(FONT_FAMILIES)}
        files = {line.split("\t")[0] for line in listed.splitlines() if line}
    except (OSError, subprocess.SubprocessError):  # no fc-list: every font file in the usual folders, by its bytes
        files = {str(p) for folder in FONT_FOLDERS if folder.is_dir() for p in folder.rglob("*")
                 if p.suffix.lower() in FONT_SUFFIXES}
        printing = files
    lines = []
    for name in sorted(files):
        path = Path(name)
        try:
            if name in printing:
                lines.append(f"{name} {hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()}")
            else:
                lines.append(f"{name} {path.stat().st_size}")
        except OSError:
            lines.append(f"{name} -")
    return lines


def cache_folder(project: Path) -> Path:
    return project / CACHE / "pdf"


CACHE = Path(".cache") / "vanban"


class PdfCache:
    """PDFs by key, each file named <key>-<hash of its bytes>.pdf: an entry whose
    bytes do not match its name (cut short, overwritten, damaged) is removed and
    the PDF made again, never served. Folder listed once; files replaced whole."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.used: set[str] = set()
        try:
            names = os.listdir(folder)
        except OSError:
            names = []
        self.entries = {}
        for name in names:
            key, _, rest = name.partition("-")
            if rest.endswith(".pdf"):
                self.entries[key] = name

    def copy(self, key: str, target: Path) -> bool:
        """Write the stored PDF to target; False if there is none or it is damaged."""
        name = self.entries.get(key)
        if name is None:
            return False
        path = self.folder / name
        try:
            data = path.read_bytes()
        except OSError:
            return False
        if _digest(data) != name[len(key) + 1: -len(".pdf")] or not _whole(data):
            path.unlink(missing_ok=True)
            del self.entries[key]
            return False
        target.write_bytes(data)
        self.used.add(key)
        return True

    def put(self, key: str, data: bytes) -> None:
        name = f"{key}-{_digest(data)}.pdf"
        temporary = self.folder / f".{name}.{os.getpid()}.tmp"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(data)
            temporary.replace(self.folder / name)
        except OSError:
            return  # a read-only checkout: the PDF is made again next time, nothing is lost
        finally:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
        self.used.add(key)
        self.entries[key] = name

    def keep_only(self, keys: set[str]) -> None:
        """Remove the entries of PDFs this build did not serve or make (older
        versions of edited documents, removed documents), and what a stopped
        run left half-written."""
        try:
            names = os.listdir(self.folder)
        except OSError:
            return
        for name in names:
            key = name.partition("-")[0]
            if name.endswith(".pdf") and key not in keys or name.endswith(".tmp"):
                with contextlib.suppress(OSError):
                    (self.folder / name).unlink()


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _whole(data: bytes) -> bool:
    return data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")


def metadata(doc: Document) -> dict:
    """What the PDF says about itself: title with the number, issuer, language."""
    keywords = [doc.number.canonical, doc.doctype.name, *(doc.meta.get("tags") or [])]
    return {
        "title": f"{doc.heading}: {doc.title}",
        "authors": [doc.issuer_body],
        "description": f"{doc.heading} của {doc.issuer_body}: {doc.title}",
        "keywords": keywords,
        "lang": LANGUAGE,
    }


@dataclass
class Printer:
    """One font configuration and one parsed copy of the stylesheets for every
    PDF of a build: parsing and font lookup are the slow parts of WeasyPrint.
    Made before the workers are forked, so each starts with them."""

    fonts: object
    stylesheets: list
    fetcher: object
    site_dir: Path
    site_url: str = ""

    @classmethod
    def for_site(cls, site_dir: Path, site_url: str = "") -> Printer:
        # Imported here: WeasyPrint takes a while to load, and previews with
        # PDFs turned off should not wait for it.
        try:
            from weasyprint import CSS
            from weasyprint.text.fonts import FontConfiguration
        except OSError as err:  # Pango is a system library, not a Python package
            raise RuntimeError(f"Không làm được bản PDF: thiếu thư viện Pango ({err}). Cài: apt-get install "
                               f"{' '.join(SYSTEM_PACKAGES)}; hoặc đặt VANBAN_PDF=false để dựng trang không có PDF.") from err

        site_dir = site_dir.resolve()
        fonts = FontConfiguration()
        fetcher = _site_fetcher(site_dir, site_url)
        sheets = [CSS(string=(site_dir / name).read_text(encoding="utf-8"), base_url=(site_dir / name).as_uri(),
                      font_config=fonts, url_fetcher=fetcher)
                  for name in STYLESHEETS if (site_dir / name).exists()]
        return cls(fonts, sheets, fetcher, site_dir, site_url)

    def pdf(self, source: str, base: str, meta: dict, number: str) -> bytes:
        """The PDF of a page's printed HTML (printed()), its links read against
        `base`, with the document's metadata() and number.

        Nothing in it depends on when or where it is made: no dates (a theme's
        dcterms.created would be one), no file identifier, links to the site's
        addresses; so a PDF made again, in a worker or not, has the same bytes."""
        from weasyprint import HTML

        rendered = HTML(string=source, base_url=base, url_fetcher=self.fetcher).render(
            font_config=self.fonts, stylesheets=self.stylesheets)
        for key, value in meta.items():
            setattr(rendered.metadata, key, value)
        rendered.metadata.created = rendered.metadata.modified = None
        rendered.metadata.custom = {"SoHieu": number}
        return rendered.write_pdf(custom_metadata=True, pdf_identifier=False)

    def write(self, html: Path, doc: Document, target: Path) -> None:
        """One page's PDF, uncached (the site's PDFs are made by print_all)."""
        target.write_bytes(self.pdf(printed(html.read_text(encoding="utf-8")),
                                    page_base(self.site_dir, html, self.site_url), metadata(doc), doc.number.canonical))


def _site_fetcher(site_dir: Path, site_url: str = ""):
    """Reads only the built site's own files, never the network: the site's
    address (site_url) stands for the folder it was built in. The page's linked
    stylesheets come back empty: the printer passes its own, parsed once, and
    the theme's screen CSS has no part in a printed document."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    root = site_dir.resolve().as_uri()
    public = site_url.rstrip("/") if site_url else None

    class SiteFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if public and url.startswith(public + "/"):
                url = root + url[len(public):]
            if not url.startswith(root + "/"):
                raise ValueError(f"Không tải {url} khi in PDF: chỉ dùng tệp của trang.")
            if url.split("?")[0].endswith(".css"):
                return URLFetcherResponse(url, b"", {"Content-Type": "text/css"})
            return super().fetch(url, headers)

    return SiteFetcher()
