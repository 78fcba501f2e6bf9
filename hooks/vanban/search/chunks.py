"""Where each index chunk of the Pagefind bundle begins and ends.

Pagefind's browser side fetches, for a query word, only the first chunk whose
range holds it. A prefix such as "vanzq" (every form of "van") can run over
several chunks at 10,000 documents; the later ones were never fetched and their
pages never found. The query side (search.js) reads these ranges and fetches
every chunk a word's prefix runs into before searching.

The ranges are in the bundle's metadata file: gzip, a signature, then CBOR.
"""

from __future__ import annotations

import gzip
from pathlib import Path

SIGNATURE = b"pagefind_dcd"


def ranges(bundle: Path) -> list[list[str]]:
    """[[from, to], …] of every index chunk, in order."""
    meta = next(bundle.glob("*.pf_meta"), None)
    if meta is None:
        return []
    data = gzip.decompress(meta.read_bytes())
    if not data.startswith(SIGNATURE):
        return []
    value, _ = _item(data, len(SIGNATURE))
    for part in value if isinstance(value, list) else []:
        if _is_chunk_list(part):
            return [[chunk[0], chunk[1]] for chunk in part]
    return []


def _is_chunk_list(part) -> bool:
    return (isinstance(part, list) and bool(part)
            and all(isinstance(c, list) and len(c) == 3 and all(isinstance(s, str) for s in c) for c in part)
            and all(c[2].count("_") == 1 for c in part))  # [from, to, "vi_1a2b3c4"]


def _item(data: bytes, at: int):
    """One CBOR item at `at`: (value, next position). Only what Pagefind writes."""
    major, info = data[at] >> 5, data[at] & 0x1F
    at += 1
    if info < 24:
        arg = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        arg = int.from_bytes(data[at:at + size], "big")
        at += size
    else:
        raise ValueError(f"CBOR không hỗ trợ: {info}")
    if major == 0:
        return arg, at
    if major == 1:
        return -1 - arg, at
    if major in (2, 3):
        raw = data[at:at + arg]
        return (raw.decode("utf-8") if major == 3 else raw), at + arg
    if major == 4:
        items = []
        for _ in range(arg):
            value, at = _item(data, at)
            items.append(value)
        return items, at
    if major == 5:
        mapping = {}
        for _ in range(arg):
            key, at = _item(data, at)
            mapping[key], at = _item(data, at)
        return mapping, at
    if major == 7:
        return None, at
    raise ValueError(f"CBOR không hỗ trợ: kiểu {major}")
