"""Printing a document: the "In văn bản" button, and a PDF of each published
document made at build time by WeasyPrint from the page MkDocs wrote and the
same print stylesheet a browser uses, so the PDF and a printed page match.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from vanban.model.documents import Document
from vanban.site.state import Site

# The stylesheets the PDF is printed with, as the site serves them: the page's
# layout rules, then the print rules ("@media print", "@page").
STYLESHEETS = ("assets/vanban.css", "assets/print.css")
LANGUAGE = "vi"
# What WeasyPrint needs from Debian: Pango, HarfBuzz's subsetter, a serif face with all of Vietnamese.
SYSTEM_PACKAGES = ("libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0", "fonts-noto-core")

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


def add_actions(site: Site) -> None:
    for doc in site.published:
        actions = site.parts[doc.src_uri].actions
        actions.append(PRINT_BUTTON)
        if site.options.pdf:
            actions.append(PDF_LINK.format(href=pdf_name(doc)))


def write_pdfs(site: Site, site_dir: Path) -> None:
    if not site.options.pdf or not site.published:
        return
    printer = Printer.for_site(site_dir)
    for doc in site.published:
        html = page_html(site_dir, doc)
        if not html.exists():
            raise FileNotFoundError(f"Không thấy trang của {doc.heading} ({html}) để in ra PDF.")
        printer.write(html, doc, html.with_name(pdf_name(doc)))


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
    PDF of a build: parsing and font lookup are the slow parts of WeasyPrint."""

    fonts: object
    stylesheets: list
    fetcher: object

    @classmethod
    def for_site(cls, site_dir: Path) -> Printer:
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
        fetcher = _site_fetcher(site_dir)
        sheets = [CSS(string=(site_dir / name).read_text(encoding="utf-8"), base_url=(site_dir / name).as_uri(),
                      font_config=fonts, url_fetcher=fetcher)
                  for name in STYLESHEETS if (site_dir / name).exists()]
        return cls(fonts, sheets, fetcher)

    def write(self, html: Path, doc: Document, target: Path) -> None:
        from weasyprint import HTML

        rendered = HTML(filename=str(html.resolve()), url_fetcher=self.fetcher).render(
            font_config=self.fonts, stylesheets=self.stylesheets)
        for key, value in metadata(doc).items():
            setattr(rendered.metadata, key, value)
        rendered.metadata.custom = {"SoHieu": doc.number.canonical}
        rendered.write_pdf(target, custom_metadata=True)


def _site_fetcher(site_dir: Path):
    """Reads only the built site's own files, never the network. The page's
    linked stylesheets come back empty: the printer passes its own, parsed
    once, and the theme's screen CSS has no part in a printed document."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    root = site_dir.resolve().as_uri()

    class SiteFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if not url.startswith(root + "/"):
                raise ValueError(f"Không tải {url} khi in PDF: chỉ dùng tệp của trang.")
            if url.split("?")[0].endswith(".css"):
                return URLFetcherResponse(url, b"", {"Content-Type": "text/css"})
            return super().fetch(url, headers)

    return SiteFetcher()


