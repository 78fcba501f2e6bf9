"""The signed original of each published document (graph/originals.py): the
file served beside the site, and a row of the page's panel with its size and
SHA-256. A missing file or a wrong hash stops the build, as `vanban check` says."""

from __future__ import annotations

from urllib.parse import quote

from markupsafe import Markup

from vanban.graph import originals
from vanban.model.markup import page_href, unbroken

LABEL = "Bản gốc có chữ ký"


def panel_value(original: originals.Original, from_uri: str) -> Markup:
    """The panel row's value, as raw HTML. The file is served as it is, beside
    the pages; its URL is quoted as MkDocs quotes a file's URL (an editor may
    name the scan with spaces or Vietnamese letters)."""
    return Markup('<a class="vb-ban-goc-tep" href="{target}">Bản quét có chữ ký (PDF, {size})</a><br>'
                  'SHA-256: <code class="vb-sha256">{digest}</code>').format(
        size=unbroken(originals.size_text(original.size)), target=quote(page_href(from_uri, original.site_path)),
        digest=original.sha256)


def step(site) -> None:
    if site.project is None:
        return
    found, problems = originals.check_all(site.published, site.project)
    site.problems.extend(problems)
    site.originals = found
    for doc in site.published:
        original = found.get(doc.path)
        if original is None:
            continue
        site.files[original.site_path] = original.path.read_bytes()
        site.parts[doc.src_uri].panel.append((LABEL, panel_value(original, doc.src_uri)))
