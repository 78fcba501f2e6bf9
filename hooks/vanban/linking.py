"""Citations in a document's body become Markdown links, the words unchanged.

Offsets come from the parser and point into the body, so each link wraps
exactly the cited words. The HTML neutralising every body gets is applied
around the links, with each link held by a placeholder meanwhile, so it
cannot shift an offset.
"""

from __future__ import annotations

import posixpath
import re

from .markup import neutralize_html

LINK_CLASS = "vb-dan-chieu"
# Private-use characters hold a link's place while the rest is neutralised.
_OPEN, _CLOSE = "\ue000", "\ue001"
_HELD = re.compile(_OPEN + r"(\d+)" + _CLOSE)


def href(from_uri: str, to_uri: str) -> str:
    """A relative .md link between two pages of the site, for MkDocs to check."""
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri))


def linkable(label: str) -> bool:
    """Words that can sit inside [...] without changing how the line reads."""
    if any(c in label for c in "[]\n" + _OPEN + _CLOSE):
        return False
    # Emphasis opened inside the words must close inside them, or the link would cut it.
    return label.count("*") % 2 == 0 and label.count("_") % 2 == 0 and label.count("`") == 0


def linked_body(body: str, links: list[tuple[int, int, str]]) -> str:
    """The body, neutralised, with body[start:end] linked to target for each link.

    `links` holds (start, end, relative target); overlapping or unlinkable
    spans are left as plain text.
    """
    if _OPEN in body or _CLOSE in body:
        links = []
    pieces, labels, pos = [], [], 0
    for start, end, target in sorted(links):
        label = body[start:end]
        if start < pos or not linkable(label):
            continue
        pieces.append(body[pos:start])
        pieces.append(f"{_OPEN}{len(labels)}{_CLOSE}")
        labels.append(f"[{label.replace('<', '&lt;')}]({target}){{.{LINK_CLASS}}}")
        pos = end
    pieces.append(body[pos:])
    return _HELD.sub(lambda m: labels[int(m.group(1))], neutralize_html("".join(pieces)))
