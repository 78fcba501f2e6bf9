"""Search tokens: each Vietnamese word written as one ASCII word the engine indexes.

Pagefind either folds every diacritic ("vận" finds "văn") or none ("dan" finds
nothing), and knows nothing of tone placement ("uỷ" ≠ "ủy"). So the index
never sees Vietnamese: each word becomes one token in three parts,

    fold  "zq"  diacritics  display

    "Đảng" → "dangzq0dr1k"    "vận" → "vanzq1cj1l"    "Dân" → "danzq1cn1k"

- fold: the word lower-cased, diacritics removed, đ→d, each "z" doubled;
- "zq": a separator no fold contains (a fold's "z" is always followed by "z");
- diacritics (only if the word has any): for each letter with a vowel mark or
  the stroke of đ, its index and the mark (b breve, c circumflex, h horn,
  d stroke), then the tone (n none, f huyền, s sắc, r hỏi, x ngã, j nặng);
- display: the letter carrying the tone (so the word shows as written), then
  the case: l lower, k capitalised, u upper, m + indexes of upper letters.

The index itself gets each token without its display part (index_text): the
case and glue of every word go, one letter a word, to a metadata field the
reader's view reads back ("shapes"), so "Dân", "dân" and "DÂN" are one index
word and a query fetches and compares a third as much.

Pagefind matches a query word as a prefix of indexed words, so the query side
(docs/assets/search.js) asks for "danzq" to find every form of "dan" and for
"danzq1cn" to find "dân" in any case and tone placement. The tone is stored
once per word, not per letter, which is what makes "uỷ" = "ủy". The parts are
self-delimiting, so no token is a prefix of another word's query. Words that
do not fit (other scripts, two tones) become "zx" + hex + "zq": found only
as written.

Marker tokens carry keys the page never shows: "zn" the document's own number
(114khduk), "zc" a number the document cites, "zt" its own type and numeral
(chithi06), "zu" the type and numeral of a document it cites.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from vanban.model.text import clean, fold

SEPARATOR = "zq"
HIDDEN = ("zn", "zc", "zt", "zu")  # marker tokens (below): never shown
MARKS = {"\u0306": "b", "\u0302": "c", "\u031b": "h"}  # breve ă, circumflex â ê ô, horn ơ ư
TONES = {"\u0300": "f", "\u0301": "s", "\u0303": "x", "\u0309": "r", "\u0323": "j"}
_MARK_CHAR = {v: k for k, v in MARKS.items()}
_TONE_CHAR = {v: k for k, v in TONES.items()}
_BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz"
WORD = re.compile(r"[^\W_]+")
_ASCII_ALNUM = re.compile(r"[a-z0-9]")


def escape(base: str) -> str:
    return base.replace("z", "zz")


@lru_cache(maxsize=200_000)
def token(word: str, glued: bool = False) -> str:
    """The index token of one word (a run of letters and digits, NFC).

    `glued`: written right after the previous word or mark, with no space
    ("CT" in "06-CT"); a "g" before the case letter says so, for display only.
    """
    flag = "g" if glued else ""
    letters = _letters(word)
    if letters is None:
        return _fallback(word) + flag
    base = "".join(c for c, _, _, _ in letters)
    marks = [(i, m) for i, (_, m, _, _) in enumerate(letters) if m]
    tones = [(i, t) for i, (_, _, t, _) in enumerate(letters) if t]
    if len(tones) > 1 or any(i > 9 for i, _ in marks + tones):
        return _fallback(word) + flag
    code = ""
    if marks or tones:
        code = "".join(f"{i}{m}" for i, m in marks) + (tones[0][1] if tones else "n")
        if tones:
            code += str(tones[0][0])
    case = _case([upper for _, _, _, upper in letters])
    if case is None:
        return _fallback(word) + flag
    return escape(base) + SEPARATOR + code + flag + case


def _letters(word: str):
    """(ascii base, mark, tone, is upper) per character, or None if not Vietnamese/Latin."""
    out = []
    for char in word:
        upper = char.isupper()
        lower = char.lower()
        if lower == "đ":
            out.append(("d", "d", "", upper))
            continue
        parts = unicodedata.normalize("NFD", lower)
        base, rest = parts[0], parts[1:]
        if not _ASCII_ALNUM.fullmatch(base):
            return None
        mark = tone = ""
        for combining in rest:
            if combining in MARKS and not mark:
                mark = MARKS[combining]
            elif combining in TONES and not tone:
                tone = TONES[combining]
            else:
                return None
        out.append((base, mark, tone, upper))
    return out


def _case(uppers: list[bool]) -> str | None:
    if not any(uppers):
        return "l"
    if uppers[0] and not any(uppers[1:]):
        return "k"
    if all(uppers):
        return "u"
    indexes = [i for i, up in enumerate(uppers) if up]
    if indexes[-1] >= len(_BASE36):
        return None
    return "m" + "".join(_BASE36[i] for i in indexes)


def _fallback(word: str) -> str:
    return "zx" + word.encode("utf-8").hex() + SEPARATOR


def query_token(word: str) -> str:
    """What a reader's word is searched as: its fold alone, or fold and diacritics."""
    full = token(clean(word))
    if full.startswith("zx"):
        return full
    _, end = _unescape(full)  # the separator, not a "zq" of the escaped fold ("zq" → "zzqzq")
    head, rest = full[:end], full[end:]
    if not rest or rest[0] not in "0123456789nfsrxj":
        return head  # no diacritics: every accented form
    return head + re.match(r"(?:\d[bchd])*[nfsrxj]", rest).group()


def decode(tok: str) -> str:
    """The word a token was made from (what the result shows)."""
    return _parse(tok)[0]


def _parse(tok: str) -> tuple[str, bool]:
    """(word, written glued to what precedes it)."""
    tok = untag(tok.removeprefix(REPEAT))
    if tok[:2] in HIDDEN:
        return "", False
    if tok.startswith("zx"):
        end = tok.index(SEPARATOR)
        return bytes.fromhex(tok[2:end]).decode("utf-8"), tok[end + 2:] == "g"
    base, i = _unescape(tok)
    rest = tok[i:]
    letters = [[c, "", ""] for c in base]
    pos = 0
    if rest and rest[0] in "0123456789nfsrxj":
        while rest[pos].isdigit():
            letters[int(rest[pos])][1] = rest[pos + 1]
            pos += 2
        tone = rest[pos]
        pos += 1
        if tone != "n":
            letters[int(rest[pos])][2] = tone
            pos += 1
    glued = rest[pos:pos + 1] == "g"
    case = rest[pos + glued:]
    chars = [_char(*letter) for letter in letters]
    if case == "k":
        chars[0] = chars[0].upper()
    elif case == "u":
        chars = [c.upper() for c in chars]
    elif case.startswith("m"):
        for index in case[1:]:
            j = _BASE36.index(index)
            chars[j] = chars[j].upper()
    return "".join(chars), glued


def _unescape(tok: str) -> tuple[str, int]:
    out, i = [], 0
    while True:
        if tok[i] == "z":
            if tok[i + 1] == "q":
                return "".join(out), i + 2
            out.append("z")
            i += 2
        else:
            out.append(tok[i])
            i += 1


def _char(base: str, mark: str, tone: str) -> str:
    if mark == "d":
        return "đ"
    return unicodedata.normalize("NFC", base + _MARK_CHAR.get(mark, "") + _TONE_CHAR.get(tone, ""))


# Pagefind splits a word with a mark attached ("06-CT.") into parts at each
# change between letters and digits, and indexes the parts: stray words that
# a query could land on. So the text it gets has every word and every run of
# marks apart, separated by spaces; a run of marks written with no space
# before it starts with this invisible character, a word so written has the
# "g" flag in its token. The reader's view puts the text back as written.
GLUE = "\u2063"
_SEGMENT = re.compile(r"([^\W_]+)|(?:[^\w\s]|_)+")  # group 1: a word


def encode_text(text: str) -> str:
    """Every word replaced by its token, every line ending apart from its last word."""
    return _encode(text, lambda word, glued: token(word, glued))


def _encode(text: str, word_token) -> str:
    """The text with each word as word_token(word, glued) makes it, each run of
    marks apart (GLUE before it if glued), and each line closed by GLUE."""
    lines = []
    for line in clean(text).replace(GLUE, "").split("\n"):
        out: list[str] = []
        end = None
        for match in _SEGMENT.finditer(line):
            glued = end is not None and match.start() == end
            end = match.end()
            if match.lastindex == 1:
                out.append(word_token(match.group(), glued))
            else:
                out.append((GLUE if glued else "") + match.group())
        if out and not out[-1].startswith(GLUE):
            # Pagefind ends a block with "." unless it ends in a mark it counts as
            # one ("TỈNH" → "TỈNH.", "*" → "*."); after this invisible one it adds none.
            out.append(GLUE)
        lines.append(" ".join(out))
    return "\n".join(lines)


def decode_text(text: str) -> str:
    """The text as written (runs of spaces made one)."""
    out: list[str] = []
    for word in text.split():
        if word.startswith(GLUE):
            out.append(word[1:])
            continue
        shown, glued = _parse(word) if WORD.fullmatch(word) else (word, False)
        if out and not glued:
            out.append(" ")
        out.append(shown)
    return "".join(out).strip()


# A word's occurrences after the first few are written "zr" + token (index_text): shown the
# same, but in another part of the index, which a query fetches only to check
# a quoted phrase. "dân" is in 9 of 10 plan-size documents, some 30 times in
# each; every position of it would be fetched by every query for "dân".
REPEAT = "zr"
KEEP = 6  # occurrences of a word form, per document, that plain queries reach


@lru_cache(maxsize=1 << 18)  # a corpus repeats a few thousand word forms millions of times
def _match_part(word: str) -> str | None:
    """What a query matches of a token (fold and diacritics), None for other words."""
    if not word or not WORD.fullmatch(word) or word[:2] in (*HIDDEN, "zx"):
        return None
    base, i = _unescape(word) if SEPARATOR in word else (None, 0)
    if base is None:
        return None
    code = re.match(r"(?:\d[bchd])*[nfsrxj]", word[i:])
    return word[:i] + (code.group() if code else "")


# --- Shards -------------------------------------------------------------------
# Pagefind's browser side scores a query by comparing every matching page with
# every other: its time grows with the square of the matches, and a word in
# 9,000 of 10,000 documents took seconds. So each document belongs to a shard,
# and each of its word tokens carries the shard's tag right after the
# separator: "dân" in shard 5 is "danzqy051cnl". The query side asks for a
# word once per shard ("danzqy05", "danzqy061cn"…), each search comparing only
# that shard's pages; the time grows with the corpus, not its square. The
# shards' forms of a word sort side by side, so the index chunks a query
# fetches are the same as without shards. Hidden keys (numbers) carry no tag:
# they are in a few documents only.
SHARD = "y"


def shard_tag(shard: int) -> str:
    """y00 … yzz: three characters, so no tag is a prefix of another."""
    if not 0 <= shard < 36 * 36:
        raise ValueError(f"shard {shard}")
    return SHARD + _BASE36[shard // 36] + _BASE36[shard % 36]


@lru_cache(maxsize=1 << 20)  # word forms × shards
def tag(word: str, shard_tag_: str) -> str:
    """A token with the shard tag after its separator; other words unchanged."""
    if not WORD.fullmatch(word):
        return word
    start = len(REPEAT) if word.startswith(REPEAT) else 0
    if word[start:start + 2] in HIDDEN:
        return word
    if word.startswith("zx", start):
        end = word.find(SEPARATOR, start) + len(SEPARATOR)
    else:
        if SEPARATOR not in word:
            return word
        _, end = _unescape(word[start:])
        end += start
    return word[:end] + shard_tag_ + word[end:]


def tag_text(encoded: str, shard: int) -> str:
    """Every token of encoded text tagged with its document's shard."""
    mark = shard_tag(shard)
    return re.sub(r"\S+", lambda m: tag(m.group(), mark), encoded)


def untag(tok: str) -> str:
    """A token without its shard tag."""
    if tok[:2] in HIDDEN or SEPARATOR not in tok:
        return tok
    if tok.startswith("zx"):
        end = tok.index(SEPARATOR) + len(SEPARATOR)
    else:
        _, end = _unescape(tok)
    if tok[end:end + 1] == SHARD:
        return tok[:end] + tok[end + 3:]
    return tok


def index_text(text: str, shard: int, keep: int = KEEP) -> tuple[str, str]:
    """(content, shapes) of a document for the index.

    content: encode_text(text) with three changes: each word's token without
    its case and glue ("Dân" and "dân" are one index word, so a query fetches
    and compares less); occurrences of a word form beyond the first `keep`
    behind REPEAT; the shard's tag in every token.
    shapes: the case and glue left out, one code a word, in the same order.
    """
    mark = shard_tag(shard)
    seen: dict[str, int] = {}
    shapes: list[str] = []

    def word_token(word: str, glued: bool) -> str:
        tok, code = _index_token(word, glued)
        shapes.append(code)
        key = _match_part(tok)
        if key is not None:
            seen[key] = seen.get(key, 0) + 1
            if seen[key] > keep:
                tok = REPEAT + tok
        return tag(tok, mark)

    content = _encode(text, word_token)
    return content, "".join(shapes)


# --- Shapes: the case and glue of each indexed word ----------------------------
# One letter a word: a lower, b Capitalised, c UPPER; d e f the same written
# glued to what precedes it; g (h glued) + the count and the indexes (base 36)
# of its upper-case letters for any other mix ("CTr": g201). A token that
# keeps the word as written (zx…) is a or d. The string goes to the page's
# metadata, after SHAPES_PREFIX: a word no query starts with.
SHAPES_PREFIX = "zzzzzzzzq"
_SHAPE_CASE = {"l": "a", "k": "b", "u": "c"}
_SHAPE_READ = {"a": ("l", False), "b": ("k", False), "c": ("u", False),
               "d": ("l", True), "e": ("k", True), "f": ("u", True)}


@lru_cache(maxsize=200_000)
def _index_token(word: str, glued: bool) -> tuple[str, str]:
    """(the word's token without case and glue, its shape)."""
    full = token(word, glued)
    if full.startswith("zx"):
        return full.removesuffix("g"), "d" if glued else "a"
    base, i = _unescape(full)
    rest = full[i:]
    code = re.match(r"(?:(?:\d[bchd])*[nfsrxj]\d?)?", rest).group()
    case = rest[len(code):].removeprefix("g")
    if case in _SHAPE_CASE:
        shape = chr(ord(_SHAPE_CASE[case]) + (3 if glued else 0))
    else:  # "m" + indexes
        shape = ("h" if glued else "g") + _BASE36[len(case) - 1] + case[1:]
    return full[:i] + code, shape


def read_shapes(shapes: str) -> list[tuple[str, bool]]:
    """[(case as in a token: l k u or m + indexes, glued)] of a shapes string."""
    shapes = shapes.removeprefix(SHAPES_PREFIX)
    out, i = [], 0
    while i < len(shapes):
        letter = shapes[i]
        if letter in _SHAPE_READ:
            out.append(_SHAPE_READ[letter])
            i += 1
        else:
            count = _BASE36.index(shapes[i + 1])
            out.append(("m" + shapes[i + 2:i + 2 + count], letter == "h"))
            i += 2 + count
    return out


def shows_a_word(item: str) -> bool:
    """A whitespace-separated item of index content that has a shape: a word token."""
    return bool(item) and _ASCII_ALNUM_WORD.fullmatch(item) is not None and not item.startswith(HIDDEN)


_ASCII_ALNUM_WORD = re.compile(r"[a-z0-9]+")


def decode_content(content: str, shapes: str) -> str:
    """Index content and its shapes back to the text as written."""
    read = iter(read_shapes(shapes))
    out: list[str] = []
    for item in content.split():
        if item.startswith(GLUE):
            out.append(item[1:])
            continue
        if not shows_a_word(item):
            if item.startswith(HIDDEN):
                continue
            shown, glued = item, False
        else:
            case, glued = next(read)
            shown, _ = _parse(_with_case(item, case))
        if out and not glued:
            out.append(" ")
        out.append(shown)
    return "".join(out).strip()


def _with_case(item: str, case: str) -> str:
    """A case-less token with its case letters put back (for _parse)."""
    item = untag(item.removeprefix(REPEAT))
    return item if item.startswith("zx") else item + case


# --- Number keys -------------------------------------------------------------


def number_key(canonical: str) -> str:
    """114-KH/ĐUK, 114/KH-ĐUK, 114 kh duk → 114khduk (zero-padded numeral)."""
    return re.sub(r"[^a-z0-9]", "", fold(canonical))


def marker(kind: str, key: str) -> str:
    """A hidden token: "n" own number, "c" cited number, "t"/"u" own/cited type + numeral."""
    return "z" + kind + escape(key) + SEPARATOR


def type_numeral_key(type_name: str, numeral: str) -> str:
    """Chỉ thị + 06 → chithi06: what "Chỉ thị 06" and "Chỉ thị số 06" look for."""
    return re.sub(r"[^a-z0-9]", "", fold(type_name)) + numeral.lower()
