"""Vietnamese text hygiene: NFC, invisible characters, tone placement, folding.

Display text is only ever NFC-normalised and cleaned; folding (diacritics
removed, đ→d) is for matching and search keys, never for what is shown.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from slugify import slugify


class NotUtf8(ValueError):
    """Bytes that are not UTF-8, and where the first wrong byte is (line and
    column from 1, offset from 0), for a message that shows the editor."""

    def __init__(self, data: bytes, offset: int):
        super().__init__(f"not UTF-8 at byte {offset}")
        self.offset = offset
        self.byte = data[offset]
        self.line = data.count(b"\n", 0, offset) + 1
        self.column = offset - data.rfind(b"\n", 0, offset)


def decode_utf8(data: bytes, *, bom: bool = False) -> str:
    """The text of a file or input: UTF-8, a leading byte-order mark dropped
    when `bom`; NotUtf8 where it is not. The one decoder of the editors' tools."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise NotUtf8(data, err.start) from None
    return text[1:] if bom and text.startswith("\ufeff") else text


# Zero-width characters and the BOM carry no meaning in a document; some
# datasets plant them as watermarks, and they break number matching.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# Non-breaking and other fixed-width spaces read as a plain space.
_SPACES = dict.fromkeys(map(ord, "\u00a0\u202f\u2007\u2009\u200a\u3000"), " ")
# Eth and African D look like Đ in copied text (CITATIONS.md §3).
_ETH = {ord("\u00d0"): "Đ", ord("\u0189"): "Đ", ord("\u00f0"): "đ", ord("\u0256"): "đ"}
_CLEAN = {**_INVISIBLE, **_SPACES, **_ETH}

# Old-style tone placement on the last vowel pair of a syllable ("hoà", "uỷ")
# is rewritten to the placement of NĐ 30 samples ("hòa", "ủy").
_TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook, dot below
_OLD_TONE = re.compile(
    r"(?i)([oO])([aAeE])([" + _TONES + r"])(?![\u0300-\u036f])(?![^\W\d_])"  # oà oè → òa òe
    r"|([uU])([yY])([" + _TONES + r"])(?![\u0300-\u036f])(?![^\W\d_])"  # uỷ → ủy
)  # a second mark after the tone (ặ = a + dot + breve) means another vowel


# str.translate looks every character up in a dict, slow on Vietnamese text;
# most texts hold none of these characters, and a regex finds that quickly.
_CLEAN_CHARS = re.compile("[" + re.escape("".join(map(chr, _CLEAN))) + "]")


def clean(text: str) -> str:
    """NFC, invisible characters removed, odd spaces and Đ look-alikes mapped."""
    if _CLEAN_CHARS.search(text):
        text = text.translate(_CLEAN)
    return unicodedata.normalize("NFC", text)


def _move_tone(match: re.Match) -> str:
    first, second, tone = (match.group(1), match.group(2), match.group(3))
    if first is None:
        first, second, tone = match.group(4), match.group(5), match.group(6)
    return first + tone + second


def normalize_tones(text: str) -> str:
    """Rewrite 'hoà', 'uỷ' to 'hòa', 'ủy' (same word, one spelling)."""
    decomposed = unicodedata.normalize("NFD", text)
    # A "qu" onset makes "uy" a different pair: "quý" keeps its tone on y.
    out = _OLD_TONE.sub(
        lambda m: m.group(0) if _after_q(decomposed, m.start()) else _move_tone(m),
        decomposed,
    )
    return unicodedata.normalize("NFC", out)


def _after_q(text: str, index: int) -> bool:
    return index > 0 and text[index - 1] in "qQ"


def fold(text: str) -> str:
    """Lower-case, diacritics removed, đ→d: a key for matching, never for display."""
    # Names, types and bodies come back thousands of times in a corpus; long
    # texts are not kept.
    return _fold_short(text) if len(text) <= _SHORT else _fold(text)


_SHORT = 200


@functools.lru_cache(maxsize=1 << 16)
def _fold_short(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    lowered = clean(text).lower()
    if lowered.isascii():
        return lowered
    # One translate with a per-character table: fold runs on every body and
    # name, and a character-by-character generator was a visible build cost.
    table = {}
    for char in set(lowered):
        code = ord(char)
        if code >= 128:
            if code not in _FOLDED:
                _FOLDED[code] = _fold_char(char)
            table[code] = _FOLDED[code]
    return lowered.translate(table)


_FOLDED: dict[int, str] = {}


def _fold_char(char: str) -> str:
    """NFD of the whole text is the NFD of each character, so folding is per character."""
    decomposed = unicodedata.normalize("NFD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("đ", "d")


def tone_key(text: str) -> str:
    """Lower-case with diacritics kept and tone placement unified: 'Uỷ' → 'ủy'."""
    return normalize_tones(clean(text)).lower()


@functools.lru_cache(maxsize=1 << 16)
def slug(text: str, **options) -> str:
    """A URL slug: python-slugify with its transliteration named, not guessed.

    Left on "auto", slugify tries to import unidecode on every call (slow when it
    is absent, and other slugs if it is ever installed); names repeat across pages,
    so results are cached.
    """
    return slugify(text, backend="text-unidecode", **options)
