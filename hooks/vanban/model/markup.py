"""Escaping for the two languages generated pages are written in.

Generated pages are Markdown with HTML blocks. Untrusted values reach them only
through the Jinja2 environment below: autoescape for HTML, the `md` filter
for values placed in Markdown text, and the `unbroken` filter for text placed
in the raw HTML blocks that carry the generated lists and tables (Markdown
stashes raw HTML almost for free, where it parses its own syntax inline by
inline).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
from pathlib import Path

import jinja2
import yaml
from markupsafe import Markup, escape

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def md(value: object) -> Markup:
    """HTML-escape, then backslash-escape Markdown syntax: the text shows as written."""
    text = str(escape(str(value)))
    return Markup(_MD_SPECIAL.sub(r"\\\1", text))


def md_link(label: object, target: str) -> Markup:
    """A Markdown link whose label is shown exactly as written."""
    return Markup(f"[{md(label)}]({target})")


# A document number and its symbol: 114-KH/ĐUK, 36-CTr/TU, 1286/QĐ-UBND,
# 30/2020/NĐ-CP. At least one hyphen or slash followed by a capital, so dates
# (27/02/2023) and ranges (2020 - 2025) are not numbers.
NUMBER = re.compile(r"(?<![\w/.-])\d{1,5}(?:/\d{4})?[-/][A-ZĐ][\wĐđ]*(?:[-/.][A-ZĐ0-9][\wĐđ]*)*")
NUMBER_CLASS = "vb-so-hieu"  # kept on one line by the stylesheet (white-space: nowrap)


def number_pieces(text: str, wrapped: tuple[str, ...] = ()) -> list[tuple[str, bool]]:
    """The text cut at each document number: (piece, is_number), in order,
    empty pieces left out. The one rule for what is a number, used by the
    Markdown extension (site/unbroken.py) and by the `unbroken` filter. A
    number right after one of `wrapped` (what stands for an opening
    <span class="vb-so-hieu"> in the text) is already wrapped: not cut."""
    pieces = []
    last = 0
    for match in NUMBER.finditer(text):
        if wrapped and text.endswith(wrapped, 0, match.start()):
            continue
        if match.start() > last:
            pieces.append((text[last:match.start()], False))
        pieces.append((match.group(), True))
        last = match.end()
    if last < len(text):
        pieces.append((text[last:], False))
    return pieces


_DIGIT = re.compile(r"\d")  # every number starts with one


def unbroken(value: object) -> Markup:
    """Text for raw HTML: escaped, each document number wrapped in
    <span class="vb-so-hieu">, as site/unbroken.py wraps it in Markdown's output.

    Called for nearly every piece of text in the generated lists, so the HTML
    is built as one string and marked safe once (Markup.format and
    Markup.join escape each argument in Python). A number holds only word
    characters, "-", "/" and ".": it needs no escaping."""
    text = str(value)
    if not _DIGIT.search(text):
        return escape(text)
    return Markup("".join(f'<span class="{NUMBER_CLASS}">{piece}</span>' if number else str(escape(piece))
                          for piece, number in number_pieces(text)))


def served_path(src_uri: str) -> str:
    """The path a page is served at (use_directory_urls: x.md at x/, a folder's
    index.md at the folder), relative to the site root; other files as they are."""
    if not src_uri.endswith(".md"):
        return src_uri
    stem = src_uri[:-3]
    if stem == "index" or stem.endswith("/index"):
        return stem[:-5]
    return stem + "/"


def relative(from_path: str, to_path: str) -> str:
    """The relative path from one site path to another, "" for the same.

    Plain string work on site paths (posixpath.relpath asks the OS for the
    working directory on every call, and there is one call per link).
    """
    source = from_path.split("/")[:-1]
    target = to_path.split("/")
    common = 0
    while common < min(len(source), len(target) - 1) and source[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(source) - common) + target[common:])


def page_href(from_uri: str, to_uri: str) -> str:
    """The relative URL from one page (or file) to another, both named by their
    source path: what MkDocs makes of a `.md` link, for raw HTML, which MkDocs
    neither rewrites nor checks. Only for pages the build itself generates (they
    exist by construction); links to editors' pages stay Markdown links."""
    return relative(served_path(from_uri), served_path(to_uri)) or "./"


# Raw HTML nested in a markdown="block" element is not stashed whole by
# Python-Markdown: md_in_html parses it tag by tag into the tree. A block the
# core wrote is therefore marked, and the Markdown extension site/rawhtml.py
# stashes it before any parsing, as it is. The mark carries a seal of the
# block made with a key this process drew at random: only a block the core
# wrote in this process passes (a marker an editor copies into a body, or a
# page made elsewhere, is left to Markdown as it would be without the
# extension: nothing an editor writes becomes raw HTML this way). Nothing is
# remembered between blocks or builds.
RAW_OPEN = "<!-- vb-html {seal} -->"
RAW_CLOSE = "<!-- /vb-html -->"
_RAW_KEY = os.urandom(32)


def _seal(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), key=_RAW_KEY, digest_size=16).hexdigest()


def raw_html(html: object) -> Markup:
    """An HTML block the core wrote (from autoescaped templates), marked and
    sealed for site/rawhtml.py, so Markdown passes it on untouched."""
    text = str(html).strip("\n")
    return Markup(f"{RAW_OPEN.format(seal=_seal(text))}\n{text}\n{RAW_CLOSE}\n")


def sealed(text: str, seal: str) -> bool:
    """Whether `seal` is this process's seal of exactly this block (raw_html)."""
    return hmac.compare_digest(_seal(text), seal)


ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent.parent / "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
ENV.filters["md"] = md
ENV.filters["unbroken"] = unbroken
ENV.filters["raw_html"] = raw_html
ENV.globals["md_link"] = md_link


def render(template: str, **context) -> str:
    return ENV.get_template(template).render(**context)


# libyaml's emitter writes the same text several times faster; one call per page.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def front_matter(meta: dict) -> str:
    """The YAML between a page's --- lines, written by the YAML serializer: keys
    in the given order, Vietnamese as is, no line folded. The one writer of
    front matter: generated pages, new and imported documents."""
    return yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=10_000)


class _EditorDumper(yaml.SafeDumper):
    """Lists indented under their key ("noi_nhan:" then "  - …"), as the
    editor guide teaches them, in the files editors go on to edit."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def editor_front_matter(meta: dict) -> str:
    """front_matter for a document file an editor will edit (vanban new,
    vanban import): the same YAML, laid out as the guide shows it."""
    return yaml.dump(meta, Dumper=_EditorDumper, allow_unicode=True, sort_keys=False, width=10_000,
                     default_flow_style=False)


def with_front_matter(head: str, content: str) -> str:
    """A Markdown file: the front matter `head` (as front_matter writes it), then content."""
    return f"---\n{head}---\n\n{content}"


def page(meta: dict, content: str) -> str:
    """A Markdown page: its front matter, then content."""
    return with_front_matter(front_matter(meta), content)


# Raw HTML in a document body is shown as text, never run: editors paste from
# many places, and the site is a public authority's. Only what Python-Markdown
# itself reads as code is left alone (it escapes it); anything this pattern
# takes for code but Markdown does not would stay live HTML, so it follows
# Markdown's rules, or a stricter subset of them: a fence closes with the same fence, a code span
# with the same run of backticks.
CODE = re.compile(
    r"^(?P<fence>`{3,}|~{3,})[ ]*\.?[\w#.+-]*[ ]*\n"  # opening fence, at most a language name
    r".*?^(?P=fence)[ ]*$"  # ... closed by the very same fence (fenced_code)
    r"|(?<!\\)(?P<ticks>`+)[^\n]*?(?<!`)(?P=ticks)(?!`)",  # code span on one line
    re.M | re.S,
)
AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")


def neutralize_html(body: str) -> str:
    out, last = [], 0
    for code in CODE.finditer(body):
        out.append(_escaped(body[last:code.start()]))
        out.append(code.group())
        last = code.end()
    out.append(_escaped(body[last:]))
    return "".join(out)


def _escaped(text: str) -> str:
    return AUTOLINK.sub(r"\1", text).replace("<", "&lt;")
