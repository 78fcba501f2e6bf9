"""The search index: Pagefind, fed one record per published document.

Runs after MkDocs has written the pages (a POST_STEP), so `mkdocs build` alone
gives a searchable site. Each record's content and metadata are written in
search tokens (tokens.py); filters (loại, năm, cơ quan ban hành) stay plain
text, as they are only matched by value. Held-back documents are never read.
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from .. import dates, doctypes
from ..documents import Document
from ..text import fold
from . import tokens
from .citations import cited
from .extract import article_text

BUNDLE = "pagefind"  # folder of the site the engine and index go to
SETTINGS = "vanban-search.json"  # what the query side needs to know, in BUNDLE
LANGUAGE = "vi"
_BATCH = 64  # records sent to the Pagefind service before waiting for answers


@dataclass
class Record:
    url: str  # relative to the site root: van-ban/2023/114-kh-duk/
    content: str
    meta: dict[str, str]
    filters: dict[str, list[str]] = field(default_factory=dict)


def page_url(doc: Document) -> str:
    return doc.src_uri[: -len(".md")] + "/"


def record(doc: Document, site_dir: Path) -> Record:
    page = site_dir / page_url(doc) / "index.html"
    text = article_text(page.read_text(encoding="utf-8")) if page.exists() else None
    if text is None:  # the page template changed: fall back to what we know
        text = "\n".join([doc.heading, doc.title, doc.body])
    hidden = [tokens.marker("n", tokens.number_key(doc.number.canonical)),
              tokens.marker("t", tokens.type_numeral_key(doc.doctype.name, doc.number.numeral))]
    hidden += [tokens.marker("c", tokens.number_key(n)) for n in cited(text) if n != doc.number.canonical]
    meta = {
        "title": doc.title,
        "loai": doc.doctype.name,
        "so": doc.number.canonical,
        "ngay": dates.display(doc.date),
        "co_quan": doc.issuer_body,
    }
    return Record(
        url=page_url(doc),
        content=" ".join(hidden) + "\n" + tokens.encode_text(text),
        meta={key: tokens.encode_text(value) for key, value in meta.items()},
        filters={"loai": [doc.doctype.name], "nam": [str(doc.year)], "co_quan": [doc.issuer_body]},
    )


def settings(documents: list[Document]) -> dict:
    """Type codes and names (to recognise numbers in a query) and the filter values."""
    return {
        "codes": sorted({tokens.number_key(c) for c in doctypes.all_codes()}),
        "types": sorted({tokens.type_numeral_key(t.name, "") for t in doctypes.TYPES}),
        "type_names": sorted({" ".join(fold(t.name).split()) for t in doctypes.TYPES}),
        "filters": {
            "loai": sorted({d.doctype.name for d in documents}),
            "nam": sorted({str(d.year) for d in documents}, reverse=True),
            "co_quan": sorted({d.issuer_body for d in documents}),
        },
    }


async def _write(records: list[Record], out: Path) -> None:
    from pagefind.index import IndexConfig, PagefindIndex  # the service binary starts here

    config = IndexConfig(output_path=str(out), force_language=LANGUAGE)
    async with PagefindIndex(config) as index:
        for start in range(0, len(records), _BATCH):
            await asyncio.gather(*(
                index.add_custom_record(url=r.url, content=r.content, language=LANGUAGE,
                                        meta=r.meta, filters=r.filters)
                for r in records[start:start + _BATCH]
            ))


def write(documents: list[Document], site_dir: Path) -> tuple[int, float]:
    """Write the index and settings; returns (bytes written, seconds)."""
    started = time.monotonic()
    records = [record(doc, site_dir) for doc in documents]
    out = site_dir / BUNDLE
    asyncio.run(_write(records, out))
    (out / SETTINGS).write_text(json.dumps(settings(documents), ensure_ascii=False), encoding="utf-8")
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    return size, time.monotonic() - started


def step(site, site_dir: Path) -> None:
    size, seconds = write(site.published, Path(site_dir))
    site.log.append(f"Tra cứu: {len(site.published)} văn bản vào chỉ mục, {size // 1024} KB, {seconds:.1f} giây.")

