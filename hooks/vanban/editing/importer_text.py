"""Markdown or plain text shaped like an office document (the header table lost
in a copy from Word, as in the seed) → the importer's paragraphs.

Markdown (.md): blank lines end a paragraph, a line ending in two spaces or a
backslash is a hard break and starts a new paragraph here, so the header, the
title and the signature come out line by line. Plain text (.txt): every line
is a paragraph, as Word's "save as plain text" writes them.
"""

from __future__ import annotations

import re

from vanban.editing.importer import Para

_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*$")
_ITEM = re.compile(r"^[-+*]\s+(.*)$")
_NUMBERED = re.compile(r"^(\d{1,3})[.)]\s+(.*)$")
# No bracket inside a link's text or address: from each "[" the match then
# stops at the next one, so a line of brackets is read once, not once a bracket.
_LINK = re.compile(r"\[([^\[\]]*)\]\([^()]*\)")
_EMPHASIS = re.compile(r"(?<!\\)(\*+|_{2,})")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~>])")


def plain(md: str) -> str:
    """Markdown inline text without its markup: **a** → a, \\* → *."""
    return _ESCAPE.sub(r"\1", _EMPHASIS.sub("", _LINK.sub(r"\1", md))).strip()


def _whole_bold(md: str) -> bool:
    inner = md.strip()
    return inner.startswith("**") and inner.endswith("**") and len(inner) > 4 and "**" not in inner[2:-2]


def paragraphs(text: str, markdown: bool = True) -> list[Para]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    paras: list[Para] = []
    pending: list[str] = []  # soft-wrapped lines of one Markdown paragraph
    table: list[str] = []

    def flush() -> None:
        if pending:
            paras.append(_para(" ".join(pending)))
            pending.clear()
        if table:
            paras.append(Para("\n".join(table), " ".join(plain(t) for t in table), kind="table"))
            table.clear()

    for raw in lines:
        line = raw.rstrip()
        hard = raw.endswith("  ") or line.endswith("\\") and not line.endswith("\\\\")
        line = line.removesuffix("\\").strip() if hard and line.endswith("\\") else line.strip()
        if not line:
            flush()
            continue
        if line.startswith("|") and markdown:
            if pending:
                flush()
            table.append(line)
            continue
        if table:
            flush()
        starts_block = _HEADING.match(line) or _ITEM.match(line) or _NUMBERED.match(line)
        if starts_block or not markdown:
            flush()
        pending.append(line)
        if hard or not markdown or _HEADING.match(line):
            flush()
    flush()
    return paras


def _para(md: str) -> Para:
    heading = _HEADING.match(md)
    if heading:
        return Para(heading[1], plain(heading[1]), "heading", _whole_bold(heading[1]))
    item = _ITEM.match(md)
    if item and not md.startswith("**"):
        return Para(item[1], plain(item[1]), "item")
    numbered = _NUMBERED.match(md)
    if numbered:
        return Para(f"{numbered[1]}. {numbered[2]}", f"{numbered[1]}. {plain(numbered[2])}", "number")
    return Para(md, plain(md), "p", _whole_bold(md))
