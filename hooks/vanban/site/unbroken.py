"""A Markdown extension that keeps every document number on one line.

A browser may break "114-KH/ĐUK" after its hyphen or slash, and on a phone it
does ("114-KH/" then "ĐUK" on the next line), in tables and running text
alike. Each number in the rendered text is wrapped in
<span class="vb-so-hieu">, which the stylesheet keeps whole (white-space:
nowrap). Only the HTML changes: the stored text, what is copied and what is
searched stay the same characters. Code is left alone.

It works on the finished tree, after Markdown has put back the characters
generated pages escape ("114\\-KH"), so a number is found however it was
written. MkDocs loads it by name from mkdocs.yml (markdown_extensions:
vanban.site.unbroken); nothing here imports MkDocs.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

# A number and its symbol: 114-KH/ĐUK, 36-CTr/TU, 1286/QĐ-UBND, 30/2020/NĐ-CP.
# At least one hyphen or slash followed by a capital, so dates (27/02/2023)
# and ranges (2020 - 2025) are not numbers.
NUMBER = re.compile(r"(?<![\w/.-])\d{1,5}(?:/\d{4})?[-/][A-ZĐ][\wĐđ]*(?:[-/.][A-ZĐ0-9][\wĐđ]*)*")
CLASS = "vb-so-hieu"
_SKIP = {"code", "pre", "script", "style", "kbd", "samp"}


class _Numbers(Treeprocessor):
    def run(self, root):
        self._walk(root)

    def _walk(self, element) -> None:
        if element.tag in _SKIP or element.get("class") == CLASS:
            return
        for child in list(element):
            self._walk(child)
            self._tail(element, child)
        if element.text and NUMBER.search(element.text):
            pieces = self._pieces(element.text)
            element.text = pieces[0]
            for index, span in enumerate(pieces[1:]):
                element.insert(index, span)

    def _tail(self, parent, child) -> None:
        if not child.tail or not NUMBER.search(child.tail):
            return
        pieces = self._pieces(child.tail)
        child.tail = pieces[0]
        at = list(parent).index(child)
        for offset, span in enumerate(pieces[1:], 1):
            parent.insert(at + offset, span)

    @staticmethod
    def _pieces(text: str) -> list:
        """The text before the first number, then one span per number, each
        carrying the text up to the next one as its tail."""
        pieces: list = []
        last = 0
        for match in NUMBER.finditer(text):
            before = text[last:match.start()]
            if pieces:
                pieces[-1].tail = before
            else:
                pieces.append(before)
            span = etree.Element("span", {"class": CLASS})
            span.text = match.group()
            pieces.append(span)
            last = match.end()
        pieces[-1].tail = text[last:]
        return pieces


class UnbrokenNumbers(Extension):
    def extendMarkdown(self, md):  # noqa: N802 (Markdown's name)
        # After "unescape" (priority 0), which puts the escaped characters back.
        md.treeprocessors.register(_Numbers(md), "vanban-so-hieu", -1)


def makeExtension(**kwargs):  # noqa: N802 (Markdown's name)
    return UnbrokenNumbers(**kwargs)
