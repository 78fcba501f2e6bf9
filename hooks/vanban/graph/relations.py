"""The citation graph of the published documents, worked out once per build.

Each published document's citations are resolved against the registry; the
graph then answers, by dictionary look-up, what a document cites (grouped by
kind), which documents cite a given one, and which documents cite the same
ones. Held-back documents are never read for citations, so they are never
named as citing anything.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field

from vanban.citations.parser import find_citations
from vanban.graph import kinds as kinds_mod
from vanban.graph import registry as registry_mod
from vanban.graph import status as status_mod
from vanban.graph.registry import Entry, Find, Found, Registry
from vanban.model.documents import Document
from vanban.model.order import newest_first

# Strongest first: a document cited both ways shows once, under the first.
# The relations that change the cited document's standing (kinds.EFFECTS) come first.
KINDS = (*kinds_mod.EFFECTS, "căn cứ", "thực hiện", "dẫn chiếu")
RELATED_LIMIT = 10  # "Văn bản liên quan" shown on a page
RELATED_SCAN = 50  # documents read per cited document when ranking related ones
SENTENCES_PER_DOC = 3  # sentences shown for one citing document


@dataclass(frozen=True)
class Mention:
    """One published document citing one target."""

    doc: Document
    kind: str
    target: Entry
    sentence: tuple[str, str, str]  # text before the cited words, the words, text after: plain text
    found: Found


@dataclass
class Citing:
    """All mentions of one target by one citing document, as a listing row."""

    doc: Document
    uri: str  # the citing document's page
    kind: str  # the strongest kind among the mentions
    sentences: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass
class Graph:
    registry: Registry
    mentions: dict[str, list[Mention]] = field(default_factory=dict)  # citing src_uri → its mentions, in order
    targets: dict[str, Entry] = field(default_factory=dict)  # target page → the entry shown there
    cited_by: dict[str, list[Citing]] = field(default_factory=dict)  # target page → citing documents
    uris: dict[int, str] = field(default_factory=dict)  # id(published document) → its page, worked out once
    order: dict[int, int] = field(default_factory=dict)  # id(published document) → its place, newest first
    statuses: dict[str, status_mod.Status] = field(default_factory=dict)  # target page → status (graph/status.py)

    def status(self, uri: str) -> status_mod.Status:
        """The status of the document whose page is `uri`; "Chưa rõ" when no source says."""
        return self.statuses.get(uri, status_mod.NOT_KNOWN)

    def uri(self, doc: Document) -> str:
        return self.uris.get(id(doc)) or doc.src_uri

    def cites(self, doc: Document) -> dict[str, list[Entry]]:
        """What a document cites, by kind; each target once, under its strongest kind."""
        best: dict[str, tuple[int, Entry]] = {}
        for mention in self.mentions.get(self.uri(doc), ()):
            rank = KINDS.index(mention.kind)
            uri = mention.target.src_uri
            if uri not in best or rank < best[uri][0]:
                best[uri] = (rank, mention.target)
        grouped: dict[str, list[Entry]] = {kind: [] for kind in KINDS}
        for rank, entry in best.values():
            grouped[KINDS[rank]].append(self.targets.get(entry.src_uri, entry))
        return {kind: entries for kind, entries in grouped.items() if entries}

    def registry_entry(self, doc: Document) -> Entry | None:
        """A published document's own entry, under which others cite it."""
        return self.targets.get(self.uri(doc))

    def related(self, doc: Document) -> list[tuple[Document, list[Entry]]]:
        """Published documents citing what `doc` cites, most shared first.

        Only the newest RELATED_SCAN citing documents of each target are read,
        so the work per page stays bounded however often a directive is cited.
        """
        shared: dict[str, tuple[Document, list[Entry]]] = {}
        for entries in self.cites(doc).values():
            for entry in entries:
                for citing in self.cited_by.get(entry.src_uri, ())[:RELATED_SCAN]:
                    if citing.doc is doc:
                        continue
                    shared.setdefault(citing.uri, (citing.doc, []))[1].append(entry)
        ranked = sorted(shared.values(), key=lambda pair: (-len(pair[1]), self.order[id(pair[0])]))
        return ranked[:RELATED_LIMIT]


def build(documents: list[Document], registry: Registry, find: Find = find_citations) -> Graph:
    """Resolve every citation of every published document, once. `find`: where
    the citations come from (the build's primed ones, or parsed as asked)."""
    graph = Graph(registry)
    for entry in registry.entries:  # known pages keep their URLs; a guess never takes one
        if entry.known and not entry.held:
            graph.targets[entry.src_uri] = entry
    rows: dict[str, dict[str, Citing]] = defaultdict(dict)
    published = [d for d in documents if d.published]
    graph.uris = {id(d): d.src_uri for d in published}
    newest = newest_first(published)
    graph.order = {id(d): place for place, d in enumerate(newest)}
    for doc in newest:
        uri = graph.uri(doc)
        paragraphs = Paragraphs(doc.body)
        mentions = []
        found_all = registry_mod.document_citations(doc, registry, find)
        in_body = [f for f in found_all if f.in_body]
        spans = [(f.citation.start, f.citation.end) for f in in_body]
        read = dict(zip(map(id, in_body), kinds_mod.read(doc.body, spans), strict=True))
        stated: dict[str, str] = {}  # target page → the strongest relation the front matter states
        for found in found_all:
            if registry_mod.is_self(doc, found):
                continue
            target = _target(graph, found.resolution)
            kind = found.kind
            if not found.in_body:
                if target.src_uri not in stated or KINDS.index(kind) < KINDS.index(stated[target.src_uri]):
                    stated[target.src_uri] = kind
            else:  # what the editor states wins over what the sentence says
                kind = stated.get(target.src_uri) or read.get(id(found)) or kind
            mention = Mention(doc, kind, target, _sentence(found, paragraphs), found)
            mentions.append(mention)
            _add_row(rows[target.src_uri], mention, uri)
        graph.mentions[uri] = mentions
    for uri, by_doc in rows.items():
        graph.cited_by[uri] = sorted(by_doc.values(), key=lambda c: (KINDS.index(c.kind), graph.order[id(c.doc)]))
    graph.statuses = status_mod.build(graph)
    return graph


def _target(graph: Graph, resolution) -> Entry:
    """The entry a citation's link goes to; citations naming one unknown document share a page."""
    entry = resolution.entry
    if entry.known:
        return entry
    uri = entry.src_uri
    existing = graph.targets.get(uri)
    if existing is not None and existing.known:  # an ambiguous citation must not land on one candidate
        uri = uri[:-3] + "-chua-ro.md"
        entry = registry_mod.replace(entry, page=uri)
        existing = graph.targets.get(uri)
    if existing is None:
        graph.targets[uri] = entry
        return entry
    merged = registry_mod.with_citation(existing, entry)
    if merged != existing:
        graph.targets[uri] = merged
    return graph.targets[uri]


def _add_row(rows: dict[str, Citing], mention: Mention, uri: str) -> None:
    row = rows.get(uri)
    if row is None:
        row = rows[uri] = Citing(mention.doc, uri, mention.kind)
    elif KINDS.index(mention.kind) < KINDS.index(row.kind):
        row.kind = mention.kind
    if len(row.sentences) < SENTENCES_PER_DOC and mention.sentence not in row.sentences:
        row.sentences.append(mention.sentence)


# --- the sentence around a citation --------------------------------------------

_PARAGRAPH = re.compile(r"\n[ \t]*\n")
# A sentence ends at . ! ? … followed by closing marks and a space: "**1.** Tiếp" ends one.
_SENTENCE_END = re.compile(r"[.!?…][\"”’*_)\]]*(?=\s)")
_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
_MARKS = re.compile(r"[*_`]|^\s*(?:#+|>+|[-+|]|\d+[.)])\s+", re.M)
WORDS_AROUND = 30


class Paragraphs:
    """Where the paragraphs of a body are, found once for all its citations."""

    def __init__(self, text: str):
        self.spans = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
        self.starts = [start for start, _ in self.spans]
        self.size = len(text)

    def around(self, start: int, end: int) -> tuple[int, int]:
        before = bisect.bisect_left(self.starts, start) - 1
        para_start = self.spans[before][1] if before >= 0 else 0
        after = bisect.bisect_left(self.starts, end)
        para_end = self.spans[after][0] if after < len(self.spans) else self.size
        return para_start, para_end


def _sentence(found: Found, paragraphs: Paragraphs) -> tuple[str, str, str]:
    text, start, end = found.text, found.citation.start, found.citation.end
    if not found.in_body:
        return (_plain(text[:start]), _plain(text[start:end]), _plain(text[end:]))
    para_start, para_end = paragraphs.around(start, end)
    begin = max((m.end() for m in _SENTENCE_END.finditer(text, para_start, start)), default=para_start)
    stop = _SENTENCE_END.search(text, end, para_end)
    finish = stop.end() if stop else para_end
    before = _plain(text[begin:start]).split()
    after = _plain(text[end:finish]).split()
    head = ("… " if len(before) > WORDS_AROUND else "") + " ".join(before[-WORDS_AROUND:])
    tail = " ".join(after[:WORDS_AROUND]) + (" …" if len(after) > WORDS_AROUND else "")
    if head and text[start - 1].isspace():
        head += " "
    if tail and text[end:end + 1].isspace():
        tail = " " + tail
    return (head, _plain(text[start:end]), tail)


def _plain(markdown: str) -> str:
    """Markdown as the reader sees it: link labels kept, emphasis and block marks dropped."""
    return " ".join(_MARKS.sub("", _LINK.sub(r"\1", markdown)).split())
