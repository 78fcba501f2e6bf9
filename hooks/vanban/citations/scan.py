"""Where in a text a citation may start: the windows before each anchor.

CITATION (grammar.py) could be searched over the whole text, but most of a
plan cannot hold a citation. The scan finds the anchors first (each run of
digits, and "nghị quyết" for a resolution by name), then the window before
each anchor that the grammar allows a citation to start in (WORDS_BEFORE, read
backwards from the digit); PREFIX is searched in the windows only, and CITATION
tried where it matches. The windows must never skip a citation the whole-text
search finds: the table of citation cases runs both ways (windows=False in
parser.find_citations), and bench/parser_throughput.py prints what the windows
save.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from vanban.citations.grammar import CITATION, DIGITS, PREFIX, RESOLUTIONS, WORDS_BEFORE


class Windows(NamedTuple):
    lower: str  # the match copy in lower case, the same length
    starts: list[int]  # the windows before each number where a citation may start (merged where they meet)
    ends: list[int]


def windows(text: str) -> Windows | None:
    """The windows of `text` worth scanning (grammar.py: where to look);
    None for a text whose lower case changes its length (a rare letter), which
    the plain pattern then scans."""
    lower = text.lower()
    if len(lower) != len(text):
        return None
    backwards, size = lower[::-1], len(lower)  # the words before a digit, read from it
    found = []
    last = 0  # end of the digits before: a citation has none before its first digit, so starts after them
    for digits in DIGITS.finditer(lower):
        start, end = digits.span()
        if start - last > 1:
            start = size - WORDS_BEFORE.match(backwards, size - start, size - last).end()
        else:  # the next part of a date or a number ("06/5/2021"): one window with it
            start = last
        found.append((start, end))
        last = end
    found.extend(m.span() for m in RESOLUTIONS.finditer(lower))  # a resolution by name starts there
    found.sort()
    starts: list[int] = []
    ends: list[int] = []
    for start, end in found:
        if ends and start <= ends[-1]:  # windows that meet are one
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return Windows(lower, starts, ends)


def next_match(text: str, scan: Windows | None, pos: int) -> re.Match | None:
    """CITATION's leftmost match from pos. PREFIX on the lower-cased stretches
    near anchors finds the candidates fast; CITATION keeps those its case rules
    allow. With no windows (None): CITATION searched over the whole text."""
    if scan is None:
        return CITATION.search(text, pos)
    for index in range(bisect_right(scan.ends, pos), len(scan.ends)):
        start, end = max(scan.starts[index], pos), scan.ends[index]
        while (hit := PREFIX.search(scan.lower, start, end)) is not None:
            match = CITATION.match(text, hit.start())
            if match is not None:
                return match
            start = hit.start() + 1
    return None
