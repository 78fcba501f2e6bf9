"""Printing a document: the "In văn bản" button, and a PDF of each published
document made at build time by WeasyPrint from the page MkDocs wrote and the
same print stylesheet a browser uses, so the PDF and a printed page match.
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
    if site.options.pdf and (error := pango_missing()):
        site.options = replace(site.options, pdf=False)
        site.log.append(PANGO_MISSING.format(error=error))
    for doc in site.published:
        actions = site.parts[doc.src_uri].actions
        actions.append(PRINT_BUTTON)
        if site.options.pdf:
            actions.append(PDF_LINK.format(href=pdf_name(doc)))


def write_pdfs(site: Site, site_dir: Path) -> None:
    """A PDF beside each document's page: read back from the cache when its
    printed part and everything else it is made from are unchanged, made in
    forked workers (one per core) otherwise."""
    if not site.options.pdf or not site.published:
        return
    started = time.monotonic()
    pages = []
    for doc in site.published:
        html = page_html(site_dir, doc)
        if not html.exists():
            raise FileNotFoundError(f"Không thấy trang của {doc.heading} ({html}) để in ra PDF.")
        pages.append(html)
    made, reused = print_all(site.published, pages, site_dir, site.options.site_url,
                             store=PdfCache(cache_folder(site.project)) if site.project else None)
    site.log.append(f"PDF: {made} bản mới in, {reused} bản lấy lại từ bộ nhớ đệm, "
                    f"{time.monotonic() - started:.1f} giây.")


def print_all(docs: list[Document], pages: list[Path], site_dir: Path, site_url: str = "",
              store: PdfCache | None = None) -> tuple[int, int]:
    """Write html.with_name(pdf_name(doc)) for each (doc, html); returns (made, reused).

    The key of each PDF is read from what it is printed from (page.printed),
    so a page whose printed part is unchanged is not printed again, whatever
    else of the page (its links to related documents, the table of contents)
    changed.
    """
    site_dir = site_dir.resolve()
    sheets = [(site_dir / name).read_text(encoding="utf-8") for name in STYLESHEETS if (site_dir / name).exists()]
    setting = environment()
    jobs = []
    reused = 0
    for doc, html in zip(docs, pages, strict=True):
        source = printed(html.read_text(encoding="utf-8"))
        base = page_base(site_dir, html, site_url)
        target = html.with_name(pdf_name(doc))
        key = pdf_key(source, base, metadata(doc), sheets, setting)
        if store is not None and store.copy(key, target):
            reused += 1
        else:
            jobs.append((doc, source, base, target, key))
    if jobs:
        printer = Printer.for_site(site_dir, site_url)

        def work(batch: list) -> list:
            for doc, source, base, target, key in batch:
                data = printer.pdf(source, base, doc)
                target.write_bytes(data)
                if store is not None:
                    store.put(key, data)
            return [None] * len(batch)

        # Each PDF is a quarter of a second: worth a worker process from a few.
        if forked.map_batches(jobs, work, at_least=WORKERS_FROM) is None:
            work(jobs)
    if store is not None:
        store.used.update(job[-1] for job in jobs)  # put by the workers, in their copies of the store
        store.keep_only(store.used)
    return len(jobs), reused


WORKERS_FROM = 4  # PDFs to make before forked workers are started for them


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

    def pdf(self, source: str, base: str, doc: Document) -> bytes:
        """The PDF of a page's printed HTML (printed()), its links read against `base`.

        Nothing in it depends on when or where it is made: no dates (a theme's
        dcterms.created would be one), no file identifier, links to the site's
        addresses; so a PDF made again, in a worker or not, has the same bytes."""
        from weasyprint import HTML

        rendered = HTML(string=source, base_url=base, url_fetcher=self.fetcher).render(
            font_config=self.fonts, stylesheets=self.stylesheets)
        for key, value in metadata(doc).items():
            setattr(rendered.metadata, key, value)
        rendered.metadata.created = rendered.metadata.modified = None
        rendered.metadata.custom = {"SoHieu": doc.number.canonical}
        return rendered.write_pdf(custom_metadata=True, pdf_identifier=False)

    def write(self, html: Path, doc: Document, target: Path) -> None:
        """One page's PDF, uncached (the site's PDFs are made by print_all)."""
        target.write_bytes(self.pdf(printed(html.read_text(encoding="utf-8")),
                                    page_base(self.site_dir, html, self.site_url), doc))


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
