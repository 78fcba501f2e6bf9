"""Reading a built page's tables and sections back as text, for tests."""

from __future__ import annotations

import re


def cells(html: str) -> list[list[str]]:
    """The body rows of the tables in an HTML fragment, as text; a line break in a cell as a newline."""
    rows = re.findall(r"<tr>(.*?)</tr>", html, re.S)
    out = [[re.sub(r"<[^>]+>", "", re.sub(r"<br\s*/?>", "\n", c)).strip()
            for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)] for row in rows]
    return [row for row in out if row]


def section(html: str, heading_id: str) -> str:
    """The part of a page from the heading with this id to the next second-level heading."""
    return html.split(f'id="{heading_id}"')[1].split("<h2")[0]
