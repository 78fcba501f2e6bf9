"""Citations in a document's body become Markdown links, the words unchanged.

Offsets come from the parser and point into the body, so each link wraps
exactly the cited words. The HTML neutralising every body gets is applied
around the links, with each link held by a placeholder meanwhile, so it
cannot shift an offset.
"""

from __future__ import annotations

import re

from vanban.model.markup import AUTOLINK, CODE, neutralize_html, relative

LINK_CLASS = "vb-dan-chieu"
# Private-use characters hold a link's place while the rest is neutralised.
_OPEN, _CLOSE = "\ue000", "\ue001"
_HELD = re.compile(_OPEN + r"(\d+)" + _CLOSE)
_EMPHASIS = re.compile(r"\*+|_+")


def href(from_uri: str, to_uri: str) -> str:
    """A relative .md link between two pages of the site, for MkDocs to check."""
    return relative(from_uri, to_uri)


def linkable(label: str) -> bool:
    """Words that can sit inside [...] without changing how the line reads."""
    if not label.strip() or any(c in label for c in "[]`\n" + _OPEN + _CLOSE):
        return False
    # Emphasis opened inside the words must close inside them, or the link would cut it.
    open_runs: list[str] = []
    for run in _EMPHASIS.findall(label):
        if open_runs and open_runs[-1] == run:
            open_runs.pop()
        else:
            open_runs.append(run)
    return not open_runs


def _protected(body: str) -> list[tuple[int, int]]:
    """Code and autolinks: a link must not cut into them (the parser skips them too)."""
    return [m.span() for m in (*CODE.finditer(body), *AUTOLINK.finditer(body))]


ENDED_CLASS = "vb-het-hieu-luc"  # a link to a document replaced or repealed
MARK_CLASS = "vb-dau-hieu-luc"  # the words saying so, inside the link


def linked_body(body: str, links: list[tuple]) -> str:
    """The body, neutralised, with body[start:end] linked to target for each link.

    `links` holds (start, end, relative target) or (start, end, target, title,
    marker): a link to a document that no longer stands carries its status
    as the link's title and `marker` as visible words after the cited ones.
    Overlapping or unlinkable spans are left as plain text.
    """
    if _OPEN in body or _CLOSE in body:
        links = []
    protected = _protected(body) if links and ("`" in body or "<" in body) else []
    pieces, labels, pos = [], [], 0
    for start, end, target, *status in sorted(links):
        label = body[start:end]
        if start < pos or not linkable(label) or any(s < end and start < e for s, e in protected):
            continue
        pieces.append(body[pos:start])
        pieces.append(f"{_OPEN}{len(labels)}{_CLOSE}")
        title, marker = status if status else ("", "")
        if marker:
            labels.append(f'[{label.replace("<", "&lt;")}<span class="{MARK_CLASS}"> ({_escaped(marker)})</span>]'
                          f'({target} "{_escaped(title)}"){{.{LINK_CLASS} .{ENDED_CLASS}}}')
        else:
            labels.append(f"[{label.replace('<', '&lt;')}]({target}){{.{LINK_CLASS}}}")
        pos = end
    pieces.append(body[pos:])
    return _HELD.sub(lambda m: labels[int(m.group(1))], neutralize_html("".join(pieces)))


def _escaped(text: str) -> str:
    """Words of our own inside a link's label or title: HTML and the title's quotes escaped."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
