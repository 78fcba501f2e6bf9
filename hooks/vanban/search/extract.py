"""What of a written document page is searchable: the document itself.

The page's HTML has Material's header, nav and footer around the document;
only the <article class="vb-ban-goc"> (heading block, title, body, recipients
and signature) is indexed, without buttons and without the sections other
steps add after the signature.
"""

from __future__ import annotations

import html
import re

_ARTICLE = re.compile(r'<article class="vb-ban-goc[^"]*"[^>]*>(.*?)</article>', re.S)
# Things inside the article a reader does not read as the document.
_DROP = re.compile(
    r'<p class="vb-hanh-dong">.*?</p>'
    r"|<(script|style|button|svg|noscript)\b[^>]*>.*?</\1>"
    r'|<[^>]+aria-hidden="true"[^>]*>.*?</[a-z0-9]+>'
    # Notices above the text (its status, a correction) are about the document, not of it.
    r'|<div class="admonition [^"]*\bvb-(?:hieu-luc|dinh-chinh)\b[^"]*">.*?</div>',
    re.S,
)
# The words a link to a replaced or repealed document carries after the cited ones.
_MARKER = re.compile(r'<span class="vb-dau-hieu-luc">.*?</span>')
_BLOCK = re.compile(r"</?(?:p|div|h[1-6]|li|ul|ol|tr|table|thead|tbody|blockquote|section|aside|dl|dt|dd)\b[^>]*>|<br\s*/?>")
_CELL = re.compile(r"</?t[dh]\b[^>]*>")
_TAG = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"[ \t\r\f\v]+")
_LINES = re.compile(r"\s*\n\s*")


# After the signature block (vb-cuoi) other steps add sections about the
# document (who cites it, related pages); they quote other documents' words,
# so they are not the document's text.
_AFTER_SIGNATURE = re.compile(r"<section\b|<h2\b")


def _document_only(inner: str) -> str:
    signature = inner.find('class="vb-cuoi"')
    if signature < 0:
        return inner
    after = _AFTER_SIGNATURE.search(inner, signature)
    return inner[: after.start()] if after else inner


def article_text(page_html: str) -> str | None:
    """The document's text, one block a line, or None if the page has no document."""
    found = _ARTICLE.search(page_html)
    if not found:
        return None
    inner = _document_only(found.group(1))
    inner = _DROP.sub(" ", _MARKER.sub("", inner))
    inner = _BLOCK.sub("\n", inner)
    inner = _CELL.sub(" ", inner)
    text = html.unescape(_TAG.sub("", inner))
    text = _SPACES.sub(" ", text)
    return _LINES.sub("\n", text).strip()
