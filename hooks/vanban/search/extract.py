"""What of a written document page is searchable: the document itself.

The page's HTML has Material's header, nav and footer around the document;
only the <article class="vb-ban-goc"> (heading block, title, body, recipients,
signature and the sections other steps add) is indexed, without buttons.
"""

from __future__ import annotations

import html
import re

_ARTICLE = re.compile(r'<article class="vb-ban-goc[^"]*"[^>]*>(.*?)</article>', re.S)
# Things inside the article a reader does not read as the document.
_DROP = re.compile(
    r'<p class="vb-hanh-dong">.*?</p>'
    r"|<(script|style|button|svg|noscript)\b[^>]*>.*?</\1>"
    r'|<[^>]+aria-hidden="true"[^>]*>.*?</[a-z0-9]+>',
    re.S,
)
_BLOCK = re.compile(r"</?(?:p|div|h[1-6]|li|ul|ol|tr|table|thead|tbody|blockquote|section|aside|dl|dt|dd)\b[^>]*>|<br\s*/?>")
_CELL = re.compile(r"</?t[dh]\b[^>]*>")
_TAG = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"[ \t\r\f\v]+")
_LINES = re.compile(r"\s*\n\s*")


def article_text(page_html: str) -> str | None:
    """The document's text, one block a line, or None if the page has no document."""
    found = _ARTICLE.search(page_html)
    if not found:
        return None
    inner = _DROP.sub(" ", found.group(1))
    inner = _BLOCK.sub("\n", inner)
    inner = _CELL.sub(" ", inner)
    text = html.unescape(_TAG.sub("", inner))
    text = _SPACES.sub(" ", text)
    return _LINES.sub("\n", text).strip()
