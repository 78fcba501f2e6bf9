"""The citations of a whole build or check, parsed before the steps ask.

Parsing is most of the time of a build or a check at thousands of documents,
and each text is parsed on its own: a Primed object parses a corpus's texts
in one process per core (or where the documents are read, `ahead`), reads
what earlier runs found from the project's cache (citations.cache), and then
answers `find` by look-up. The build carries it on its Site, a check through
its own calls; nothing is kept in this module, so what one build primed never
answers another.

    primed = Primed(project)              # the cache files, read once
    primed.add(bodies, complete=True)     # parsed in parallel, or read back
    primed.find(body)                     # what was found, or parsed now
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from vanban import forked
from vanban.citations import cache, parser
from vanban.citations.citation import Citation

# A text's cache key, and its citations (None: the cache holds them).
Parsed = tuple[str, "tuple[Citation, ...] | None"]


class Primed:
    """Citations by (text, markdown), found ahead; with a project, its cache."""

    def __init__(self, project: Path | None = None, kinds: tuple[bool, ...] = (True, False)):
        """`project`: where the cache lives (None: no cache). `kinds`: the cache
        files to read now, before any worker starts (the workers then see them
        without a copy): bodies (True, Markdown) and front-matter items (False)."""
        self.project = project
        self.found: dict[tuple[str, bool], tuple[Citation, ...]] = {}
        self.stored: dict[bool, dict[str, list]] = {}  # markdown → the cache file's entries
        self.parsed = 0  # texts parsed for this object, not found ahead or read back
        if project is not None:
            for markdown in kinds:
                self.stored[markdown] = cache.load(project, markdown)

    def find(self, text: str, *, markdown: bool = True) -> list[Citation]:
        """parser.find_citations(text), answered from what was primed when it can be."""
        if not isinstance(text, str) or not text:
            return []
        cites = self.found.get((text, markdown))
        if cites is None:
            self.parsed += 1
            cites = parser.parse(text, markdown)
        return list(cites)

    def ahead(self, texts: Iterable, markdown: bool = True) -> dict[str, Parsed]:
        """Each text's cache key, and its citations unless the cache holds them.

        Run in the worker that reads a document (corpus.load's `each`): a check
        of thousands of files then runs one set of workers instead of two in a
        row. What it returns goes to add(ahead=...)."""
        stored, found = self._stored(markdown), {}
        for text in texts:
            if isinstance(text, str) and text:
                key = cache.key(text, markdown)  # hashed here, in parallel, not again in add()
                found[text] = (key, None if key in stored else parser.parse(text, markdown))
        return found

    def add(self, texts: Iterable, *, markdown: bool = True, complete: bool = False,
            ahead: dict[str, Parsed] | None = None) -> Primed:
        """Parse `texts` now, in parallel, so that find answers at once.

        With a project, what earlier runs found is read from its cache and
        only the other texts are parsed. `complete`: these are all the texts
        of the project (a build, a check of every file), so entries of texts
        since edited or deleted can go. `ahead`: what ahead() found of some of
        the texts where they were read."""
        texts = list(dict.fromkeys(t for t in texts if isinstance(t, str) and t))
        ahead = ahead or {}
        parsed = {text: cites for text, (_, cites) in ahead.items() if cites is not None}
        self.found.update(((text, markdown), cites) for text, cites in parsed.items())
        todo = [t for t in texts if (t, markdown) not in self.found]
        keys = {text: key for text, (key, _) in ahead.items()}
        if self.project is not None:
            keys = {t: keys.get(t) or cache.key(t, markdown) for t in texts}
            todo = self._read_back(todo, keys, markdown)
        if todo:
            found = _parse_all(todo, markdown)
            if found is None and self.project is None:
                return self  # no processes here: each text is parsed when asked
            found = found or [parser.parse(text, markdown) for text in todo]  # to be stored, parsed now
            self.parsed += len(todo)
            self.found.update(((text, markdown), c) for text, c in zip(todo, found, strict=True))
        if self.project is not None:
            self._store(keys, markdown, bool(todo or parsed), complete)
        return self

    def _stored(self, markdown: bool) -> dict[str, list]:
        if markdown not in self.stored:
            self.stored[markdown] = cache.load(self.project, markdown) if self.project is not None else {}
        return self.stored[markdown]

    def _read_back(self, todo: list[str], keys: dict[str, str], markdown: bool) -> list[str]:
        """Of `todo`, the texts the cache does not answer; the others are found."""
        stored, missing = self._stored(markdown), []
        for text in todo:
            cites = cache.from_rows(stored.get(keys[text]), len(text))
            if cites is None:
                missing.append(text)
            else:
                self.found[(text, markdown)] = cites
        return missing

    def _store(self, keys: dict[str, str], markdown: bool, parsed: bool, complete: bool) -> None:
        """Write the file if this call parsed anything, or if it saw every text
        and the file holds others (gone or edited since)."""
        stored = self._stored(markdown)
        if not parsed and not (complete and not set(keys.values()).issuperset(stored)):
            return
        fresh = {key: cache.rows(self.found[(text, markdown)]) for text, key in keys.items()}
        # A check of a few files keeps the others' entries; a complete run keeps only its own.
        entries = fresh if complete else {**stored, **fresh}
        cache.save(self.project, entries, markdown)
        self.stored[markdown] = entries


def prime(texts: Iterable, *, markdown: bool = True, project: Path | None = None,
          complete: bool = False) -> Primed:
    """A Primed object holding `texts` (one kind), parsed ahead or read back."""
    return Primed(project, kinds=()).add(texts, markdown=markdown, complete=complete)


def _parse_all(todo: list[str], markdown: bool) -> list[tuple[Citation, ...]] | None:
    """Each text's citations, in forked workers; None if too few or no processes."""
    return forked.map_batches(todo, lambda texts: [parser.parse(text, markdown) for text in texts])
