"""A Markdown extension that passes the core's generated HTML blocks on untouched.

Generated pages write their long lists and tables as HTML (model.markup.raw_html),
many of them inside a `markdown="block"` section whose headings must stay
Markdown for the table of contents. There, md_in_html would parse the HTML tag by
tag into the tree, costing about as much as the Markdown it replaced. This
preprocessor, run before any HTML is parsed, puts each marked block in
Markdown's stash whole, so it comes out exactly as written.

Only a block the core itself wrote in this process (its seal checked by
model.markup.sealed) is stashed: a marker copied into a document's body, or a
page made elsewhere, is left to Markdown as if this extension were not there, so no editor's text ever
becomes raw HTML this way. The markers are HTML comments: left in place, they
show nothing. MkDocs loads this by name from mkdocs.yml; nothing here imports
MkDocs.
"""

from __future__ import annotations

import re

from markdown import Extension
from markdown.preprocessors import Preprocessor

from vanban.model.markup import RAW_CLOSE, RAW_OPEN, sealed

_OPENING = re.escape(RAW_OPEN).replace(re.escape("{seal}"), "([0-9a-f]{32})")
_BLOCK = re.compile(rf"^{_OPENING}\n(.*?)\n{re.escape(RAW_CLOSE)}$", re.M | re.S)
_MARK = RAW_OPEN.split("{")[0]  # what every opening mark starts with


class _Stash(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if _MARK not in text:
            return lines
        return _BLOCK.sub(self._stored, text).split("\n")

    def _stored(self, match: re.Match) -> str:
        seal, html = match.group(1), match.group(2)
        if not sealed(html, seal):
            return match.group()
        # A paragraph of its own: Markdown puts the block back in place of it.
        return "\n\n" + self.md.htmlStash.store(html) + "\n\n"


class RawHtml(Extension):
    def extendMarkdown(self, md):  # noqa: N802 (Markdown's name)
        # After whitespace is normalised (30), before HTML blocks are parsed (20).
        md.preprocessors.register(_Stash(md), "vanban-html", 25)


def makeExtension(**kwargs):  # noqa: N802 (Markdown's name)
    return RawHtml(**kwargs)
