"""Preparing a document's text for the citation parser, with an offset map back
to the source (CITATIONS.md §4.1).

Three copies of the text are involved:
- the SOURCE, as given (maybe NFD, with zero-width characters and Markdown);
- the CLEAN copy: NFC, look-alike dashes, slashes and spaces mapped, invisible
  characters deleted, Markdown code, links, URLs and tags blanked out, emphasis
  markers deleted, block boundaries turned into BOUNDARY characters;
- the MATCH copy: the clean copy with diacritics removed (Đ→D) but the case
  kept, one character for one, so a regex over it has the clean copy's offsets.

Cleaning can delete and compose characters, so every span found in the clean
copy is mapped back to the source through an OffsetMap; linking then replaces
exactly text[start:end] and never shifts or changes the words.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

BOUNDARY = "\x00"  # no citation, body or date runs across it

# One character for one: dash and slash look-alikes, odd spaces, Eth for Đ.
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_SAME_LENGTH = {
    **dict.fromkeys(map(ord, _DASHES), "-"),
    **dict.fromkeys(map(ord, "\uff0f\u2215\u2044"), "/"),
    **dict.fromkeys(map(ord, "\u00a0\u202f\u2007\u2009\u200a\u3000\t"), " "),
    ord("\u00d0"): "Đ", ord("\u0189"): "Đ", ord("\u00f0"): "đ", ord("\u0256"): "đ",
    ord("\r"): "\n", ord("\u2028"): "\n", ord("\u2029"): "\n",
}
_ODD = re.compile("[" + "".join(map(chr, _SAME_LENGTH)) + "]")
_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]+")
_COMBINING = re.compile(r".[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+", re.S)

# Latin look-alikes planted by text-spinning sites (CITATIONS.md §3); they
# are folded in the match copy only, so the words shown are never changed.
# Dotless ı and long ſ too: the case-blind CITATION reads them as i and s
# (Python's IGNORECASE), so the lower-cased scan must see the same letters.
_HOMOGLYPHS = dict(zip("АВЕКМНОРСТХУаеорсухѕіјᴠԁıſ", "ABEKMHOPCTXYaeopcyxsijvdis", strict=True))


class OffsetMap:
    """Maps positions of a derived string back to the string it came from.

    Pieces are (out_start, src_start, out_len, src_len); a piece with equal
    lengths is a plain copy, any other (an NFC composition) maps as a whole.
    """

    def __init__(self, pieces: list[tuple[int, int, int, int]], src_len: int):
        self.pieces = pieces
        self.out_starts = [p[0] for p in pieces]
        self.src_len = src_len

    def _piece(self, i: int) -> tuple[int, int, int, int]:
        return self.pieces[max(bisect_right(self.out_starts, i) - 1, 0)]

    def start(self, i: int) -> int:
        """Source position of the derived character i."""
        if not self.pieces:
            return min(i, self.src_len)
        out, src, out_len, src_len = self._piece(i)
        if i >= out + out_len:  # past the last piece
            return src + src_len
        return src + (i - out) if out_len == src_len else src

    def end(self, j: int) -> int:
        """Source position just after the derived character j-1."""
        if j <= 0:
            return self.start(0)
        out, src, out_len, src_len = self._piece(j - 1)
        if j - 1 >= out + out_len:
            return src + src_len
        return src + (j - out) if out_len == src_len else src + src_len


def _rebuild(text: str, edits: list[tuple[int, int, str]]) -> tuple[str, OffsetMap]:
    """Apply sorted, non-overlapping edits (start, end, replacement)."""
    parts: list[str] = []
    pieces: list[tuple[int, int, int, int]] = []
    out = src = 0
    for start, end, new in edits:
        if start > src:
            parts.append(text[src:start])
            pieces.append((out, src, start - src, start - src))
            out += start - src
        if new:
            parts.append(new)
            pieces.append((out, start, len(new), end - start))
            out += len(new)
        src = end
    if src < len(text):
        parts.append(text[src:])
        pieces.append((out, src, len(text) - src, len(text) - src))
    return "".join(parts), OffsetMap(pieces, len(text))


def _nfc_edits(text: str) -> list[tuple[int, int, str]]:
    """Deleted invisible characters and composed base+mark clusters."""
    # str.find per character is a fast byte search; the regex runs only when one is there.
    hidden = any(char in text for char in _INVISIBLE_CHARS)
    edits = [(m.start(), m.end(), "") for m in _INVISIBLE.finditer(text)] if hidden else []
    if not unicodedata.is_normalized("NFC", text):
        for m in _COMBINING.finditer(text):
            composed = unicodedata.normalize("NFC", m.group())
            if composed != m.group():
                edits.append((m.start(), m.end(), composed))
    edits.sort()
    return _drop_overlaps(edits)


def _drop_overlaps(edits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    kept: list[tuple[int, int, str]] = []
    for edit in edits:
        if kept and edit[0] < kept[-1][1]:
            continue
        kept.append(edit)
    return kept


# ---- Markdown: same-length masking, then deletion of emphasis markers ----

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,}).*?(?:^[ ]{0,3}\1[`~]*[ \t]*$|\Z)", re.S | re.M)
def _sub(pattern: re.Pattern):
    return lambda text: pattern.sub(_blank, text)


_BACKTICKS = re.compile(r"``*")  # not `+: a pattern that opens with its character lets the engine skip to it
_ELEMENT_OPEN = re.compile(r"<(pre|code|script|style|a)\b[^<>]*>", re.I)
_ELEMENT_CLOSE = re.compile(r"</(pre|code|script|style|a)\s*>", re.I)


def _mask_code_spans(text: str) -> str:
    """A run of n backticks opens a code span that the next run of n closes
    (CommonMark); found by pairing runs, in linear time whatever the input."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text)]
    same: dict[int, list[int]] = {}  # run length → indexes of runs of that length
    for index, (start, end) in enumerate(runs):
        same.setdefault(end - start, []).append(index)
    next_of = dict.fromkeys(same, 0)  # per length, the first index not yet passed
    spans, covered = [], 0
    for index, (start, end) in enumerate(runs):
        if start < covered:
            continue
        length, candidates = end - start, same[end - start]
        pointer = next_of[length]
        while pointer < len(candidates) and candidates[pointer] <= index:
            pointer += 1
        next_of[length] = pointer
        if pointer < len(candidates):
            closing = runs[candidates[pointer]]
            spans.append((start, closing[1]))
            covered = closing[1]
    return _blank_spans(text, spans)


def _mask_elements(text: str) -> str:
    """<a …>…</a>, <code>, <pre>, <script>, <style>: their text is not prose."""
    closes: dict[str, list[int]] = {}
    for m in _ELEMENT_CLOSE.finditer(text):
        closes.setdefault(m.group(1).lower(), []).append(m.end())
    spans, covered = [], 0
    for m in _ELEMENT_OPEN.finditer(text):
        if m.start() < covered:
            continue
        ends = closes.get(m.group(1).lower(), [])
        index = bisect_right(ends, m.end())
        if index < len(ends):
            spans.append((m.start(), ends[index]))
            covered = ends[index]
    return _blank_spans(text, spans)


def _blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    parts, last = [], 0
    for start, end in spans:
        parts.append(text[last:start])
        parts.append(BOUNDARY * (end - start))
        last = end
    parts.append(text[last:])
    return "".join(parts)


_MASKS = [  # (a character the construct needs, what blanks it out)
    ("<", _sub(re.compile(r"<!--.*?(?:-->|\Z)", re.S))),  # HTML comment
    ("`", _mask_code_spans),
    ("<", _mask_elements),
    ("[", _sub(re.compile(r"!?\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]\([^()\s]*(?:\([^()]*\))?[^()]*\)"))),  # [text](target)
    ("[", _sub(re.compile(r"!?\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]\[[^\[\]\n]*\]"))),  # [text][ref]
    ("[", _sub(re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[^\n]*", re.M))),  # [ref]: target "title"
    ("[", _sub(re.compile(r"\[\^[^\]\n]*\]"))),  # footnote marker
    ("<", _sub(re.compile(r"<(?:https?|ftp|mailto):[^>\s]*>", re.I))),  # autolink
    ("{", _sub(re.compile(r"\{[:#.][^}\n]*\}"))),  # attribute list
]


# URLs, e-mail addresses and site paths are never citations (they may contain
# "/van-ban/114-kh-duk"); they are masked in plain text too.
_URLS = [  # (a substring the form needs, its pattern)
    ("://", re.compile(r"(?:https?|ftp)://[^\s<>\"'\x00]*", re.I)),
    ("www.", re.compile(r"\bwww\.[^\s<>\"'\x00]+", re.I)),
    ("@", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
]
# A site path such as /van-ban/2023/114-kh-duk.md: found from its slash, kept
# only where it starts a token (so 06/5/2021 and 06-CT/TU are not paths).
_PATH = re.compile(r"/[a-z0-9_][\w.-]*(?:/[\w.-]*)+", re.I)  # starts with its slash: a fast scan
_PATH_BEFORE = " \n([\"'\x00"


def _mask_urls(text: str) -> str:
    for needed, pattern in _URLS:
        if needed in text:
            text = pattern.sub(_blank, text)
    if "/" not in text:
        return text
    return _PATH.sub(_blank_path, text)


def _blank_path(match: re.Match) -> str:
    text, start = match.string, match.start()
    while start > 0 and match.start() - start < 2 and text[start - 1] == ".":
        start -= 1  # ./ and ../ belong to the path (the dots stay: they are not a citation either)
    if start == 0 or text[start - 1] in _PATH_BEFORE:
        return BOUNDARY * len(match.group())
    return match.group()


_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")
_ENTITY = re.compile(r"&(?:nbsp|#160|#xa0|ensp|emsp|thinsp);", re.I)
_EMPHASIS = re.compile(r"[*_~][*_~]*")  # opening with one character lets the engine skip to it
_STARS = re.compile(r"\*\**")

# A line that starts a new block: the newline before it is a hard boundary.
_BLOCK_START = re.compile(r"[ \t]*(?:$|[-*+][ \t]|\d{1,3}[.)][ \t]|#|>|\||`{3}|~{3}|[-*_=][ \t]*[-*_=][ \t]*[-*_=])")
_QUOTE = re.compile(r"^[ \t]*(?:>[ \t]?)+")
_LINE_PREFIX = re.compile(r"^[ \t]*(?:>[ \t]?)*(?:#{1,6}[ \t]|[-*+][ \t]|\d{1,3}[.)][ \t])?")


def _blank(match: re.Match) -> str:
    return BOUNDARY * len(match.group())


def _mask_markdown(text: str) -> str:
    if text.startswith("---"):
        text = _FRONT_MATTER.sub(_blank, text, count=1)
    if "```" in text or "~~~" in text:
        text = _FENCE.sub(_blank, text)
    for needed, mask in _MASKS:
        if needed in text:
            text = mask(text)
    text = _mask_urls(text)
    if "<" in text:
        text = _TAG.sub(_blank, text)
    if "&" in text:
        text = _ENTITY.sub(lambda m: " " * len(m.group()), text)
    return _mark_blocks(text)


def _mark_blocks(text: str) -> str:
    """Blank line prefixes (bullets, headings, quotes) and table pipes; make the
    newline before a new block, or after a heading or table row, a boundary."""
    lines = text.split("\n")
    out: list[str] = []
    for index, line in enumerate(lines):
        prefix = _LINE_PREFIX.match(line).end()
        hard = line.lstrip().startswith(("#", "|")) or "|" in line
        if prefix:
            line = " " * prefix + line[prefix:]
        if "|" in line:
            line = line.replace("|", BOUNDARY)
        out.append(line)
        if index + 1 < len(lines):
            out.append(BOUNDARY if hard or _starts_block(lines[index], lines[index + 1]) else "\n")
    return "".join(out)


def _starts_block(line: str, following: str) -> bool:
    """Whether the next line starts a new block; a quote's own lines continue it."""
    if line.lstrip().startswith(">") and following.lstrip().startswith(">"):
        following = _QUOTE.sub("", following, count=1)
    return bool(_BLOCK_START.match(following))


def _plain_mask(text: str) -> str:
    return _mask_urls(text)


def _has_emphasis(text: str) -> bool:
    return "*" in text or "_" in text or "~~" in text


def _emphasis_edits(text: str) -> list[tuple[int, int, str]]:
    """Emphasis markers to delete: every * and ~~, and _ runs at a word's edge
    (snake_case keeps its underscore)."""
    if "_" not in text and "~" not in text:
        return [(m.start(), m.end(), "") for m in _STARS.finditer(text)]
    edits = []
    for m in _EMPHASIS.finditer(text):
        start, end = m.start(), m.end()
        run = m.group()
        if run == "~" or (run[0] == "_" and _inside_word(text, start, end)):
            continue  # a lone tilde is text; snake_case keeps its underscore
        edits.append((start, end, ""))
    return edits


def _inside_word(text: str, start: int, end: int) -> bool:
    before = start > 0 and (text[start - 1].isalnum())
    after = end < len(text) and (text[end].isalnum())
    return before and after


@dataclass
class Prepared:
    source: str
    clean: str  # NFC, masked, emphasis deleted: the words as shown
    match: str  # diacritics folded, case kept; same length as clean
    maps: tuple[OffsetMap, ...]  # clean → … → source, innermost last

    def span(self, start: int, end: int) -> tuple[int, int]:
        """A [start, end) span of the clean copy as a span of the source."""
        for m in self.maps:
            start, end = m.start(start), m.end(end)
        return start, end


def prepare(source: str, *, markdown: bool = True) -> Prepared:
    text = source
    if "\r\n" in text:  # CRLF is one line break: the CR becomes a space, not a second newline
        text = text.replace("\r\n", " \n")
    if _ODD.search(text):
        text = text.translate(_SAME_LENGTH)
    nfc, nfc_map = _rebuild(text, _nfc_edits(text))
    masked = _mask_markdown(nfc) if markdown else _plain_mask(nfc)
    if markdown:
        clean, md_map = _rebuild(masked, _emphasis_edits(masked) if _has_emphasis(masked) else [])
    else:
        clean, md_map = masked, OffsetMap([(0, 0, len(masked), len(masked))], len(masked))
    return Prepared(source, clean, fold_keep_case(clean), (md_map, nfc_map))


def _fold_char(char: str) -> str:
    char = _HOMOGLYPHS.get(char, char)
    if char in "Đđ":
        return "D" if char == "Đ" else "d"
    base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    return base if len(base) == 1 else char


# Latin with diacritics (Latin-1 to Latin Extended Additional, where Vietnamese
# lives) and the Cyrillic look-alikes; any other character folds to itself.
# A list indexed by code point, not a dict: str.translate looks a list up
# faster, and folding every body is a large part of the parser's time
# (the figures: bench/README.md).
_FOLD = list(range(0x1F00))  # higher code points fold to themselves (an IndexError is "unchanged")
for _code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00), *map(ord, _HOMOGLYPHS)):
    _FOLD[_code] = ord(_fold_char(chr(_code)))


def fold_keep_case(text: str) -> str:
    """Diacritics removed, Đ→D, look-alikes mapped, case kept, one char for one."""
    return text.translate(_FOLD) if not text.isascii() else text
