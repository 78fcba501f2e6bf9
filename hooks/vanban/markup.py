"""Escaping for the two languages generated pages are written in.

Generated pages are Markdown with HTML blocks. Untrusted values reach them only
through the Jinja2 environment below: autoescape for HTML, and the `md` filter
for values placed in Markdown text (link labels, table cells).
"""

from __future__ import annotations

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


ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
ENV.filters["md"] = md
ENV.globals["md_link"] = md_link


def render(template: str, **context) -> str:
    return ENV.get_template(template).render(**context)


# libyaml's emitter writes the same text several times faster; one call per page.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def page(meta: dict, content: str) -> str:
    """A Markdown page: YAML front matter written by the YAML serializer, then content."""
    head = yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{head}---\n\n{content}"


# Raw HTML in a document body is shown as text, never run: editors paste from
# many places, and the site is a public authority's.
_CODE = re.compile(r"(^(?:```|~~~).*?^(?:```|~~~)[^\n]*$|`+[^`\n]*`+)", re.M | re.S)
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")


def neutralize_html(body: str) -> str:
    parts = _CODE.split(body)
    for i in range(0, len(parts), 2):  # even parts are outside code
        text = _AUTOLINK.sub(r"\1", parts[i])
        parts[i] = text.replace("<", "&lt;")
    return "".join(parts)
