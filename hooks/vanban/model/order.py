"""The one order of documents, newest first, for every list of the site and graph.

Newest by date, as precise as known (a document known only by its year sorts
as the start of that year); on the same day the higher number first; then the
file's path, so that two builds list the same documents the same way.
"""

from __future__ import annotations

import re

from vanban.model.documents import Document

_DIGITS = re.compile(r"\d+")


def _numeral(doc: Document) -> int:
    match = _DIGITS.match(doc.number.numeral)
    return int(match.group()) if match else 0


def newest_key(doc: Document) -> tuple:
    """Sort by this key with reverse=True for newest first (or use newest_first)."""
    when = doc.date.sort_key() if doc.date else (doc.year, 0, 0)
    return (when, _numeral(doc), doc.src_uri)


def newest_first(documents) -> list[Document]:
    return sorted(documents, key=newest_key, reverse=True)
