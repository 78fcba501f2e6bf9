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
vanban.site.unbroken); nothing here imports MkDocs. What a number is, and the
cutting, live in model/markup.py, whose `unbroken` filter does the same for the
raw HTML blocks of generated pages (Markdown stashes those, so they never
reach this tree).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, util
from markdown.treeprocessors import Treeprocessor

from vanban.model.markup import NUMBER, number_pieces
from vanban.model.markup import NUMBER_CLASS as CLASS

_SKIP = {"code", "pre", "script", "style", "kbd", "samp"}
_OPENING = f'<span class="{CLASS}">'


class _Numbers(Treeprocessor):
    def run(self, root):
        # Raw HTML nested in a markdown="block" element is parsed by md_in_html:
        # its text reaches this tree, each inline tag held by a placeholder. A
        # number the page already wrapped (model.markup.unbroken) follows the
        # placeholder of its opening span, and is left as it is.
        blocks = self.md.htmlStash.rawHtmlBlocks
        self._wrapped = tuple(util.HTML_PLACEHOLDER % i for i, html in enumerate(blocks) if html == _OPENING)
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

    def _pieces(self, text: str) -> list:
        """The text before the first number, then one span per number, each
        carrying the text up to the next one as its tail."""
        pieces: list = [""]
        for piece, number in number_pieces(text, self._wrapped):
            if number:
                span = etree.Element("span", {"class": CLASS})
                span.text = piece
                pieces.append(span)
            elif len(pieces) == 1:
                pieces[0] = piece
            else:
                pieces[-1].tail = piece
        return pieces


class UnbrokenNumbers(Extension):
    def extendMarkdown(self, md):  # noqa: N802 (Markdown's name)
        # After "unescape" (priority 0), which puts the escaped characters back.
        md.treeprocessors.register(_Numbers(md), "vanban-so-hieu", -1)


def makeExtension(**kwargs):  # noqa: N802 (Markdown's name)
    return UnbrokenNumbers(**kwargs)
