"""Pagefind bundles built in parts, joined into the one bundle the query side reads.

Pagefind holds about half a kilobyte for every distinct word of every page
until it writes its bundle: 4.6 GB for 10,000 plan-size documents. Indexed a
part at a time, each run stays near half a gigabyte; `join` then writes the
bundle Pagefind would have written for all of them at once: pages numbered
part after part, each word's pages gathered from every part, the words cut
into chunks by Pagefind's own rule, the filters joined.

Meta, index chunks and filters are gzip of SIGNATURE + CBOR; fragments (one a
page) are copied as they are. Words are read one chunk at a time, so joining
needs little memory whatever the size of the site.
"""

from __future__ import annotations

import concurrent.futures
import gc
import gzip
import hashlib
import heapq
import itertools
import json
import os
import shutil
from operator import itemgetter
from pathlib import Path

import cbor2

SIGNATURE = b"pagefind_dcd"
ENTRY = "pagefind-entry.json"
# A chunk closes once the locations of its words' pages (plus one a page)
# reach this: Pagefind 1.5's rule, kept so a query fetches what it did.
CHUNK_SIZE = 20000
# meta: [version, pages [[fragment, word count]], chunks [[from, to, name]],
#        filters [[filter, name]], sorts, metadata fields]
VERSION, PAGES, CHUNKS, FILTERS, SORTS, FIELDS = range(6)
WARM_MOST = 2000  # page entries a warm-up search reads (warm_prefix): work like a shard's, several times over


def read(path: Path):
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path}: không phải tệp chỉ mục Pagefind")
    return cbor2.loads(data[len(SIGNATURE):])


class _Writer:
    """Files named, as Pagefind names them, by a short hash made longer on a clash.

    Compression (zlib lets go of the interpreter lock) runs in threads while
    the next chunk is put together: a third of the time of a join.
    """

    def __init__(self, out: Path, language: str, pool: concurrent.futures.Executor):
        self.out, self.language, self.taken, self.pool = out, language, set(), pool
        self.pending: list[concurrent.futures.Future] = []

    def name(self, data: bytes, folder: str) -> str:
        digest = hashlib.sha256(data).hexdigest()
        length = 7
        while f"{folder}/{digest[:length]}" in self.taken:
            length += 1
        self.taken.add(f"{folder}/{digest[:length]}")
        return f"{self.language}_{digest[:length]}"

    def cbor(self, folder: str, suffix: str, value, prefix: str = "") -> str:
        data = cbor2.dumps(value)
        name = self.name(data, folder)
        path = self.out / folder / f"{prefix}{name}{suffix}"
        path.parent.mkdir(parents=True, exist_ok=True)
        self.pending.append(self.pool.submit(_compress_to, path, data))
        return name

    def wait(self) -> None:
        for future in self.pending:
            future.result()
        self.pending.clear()


def _compress_to(path: Path, data: bytes) -> None:
    # Level 6: within 2% of Pagefind's own size, a quarter of level 9's time.
    path.write_bytes(gzip.compress(SIGNATURE + data, 6, mtime=0))


def language(part: Path) -> tuple[str, str]:
    """(language, meta file name) of a bundle indexed in one language; ValueError
    if the bundle is not whole (no entry file, or it names no meta file there)."""
    try:
        languages = json.loads((part / ENTRY).read_text(encoding="utf-8"))["languages"]
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise ValueError(f"{part}: không đọc được {ENTRY} ({err})") from err
    if len(languages) != 1:
        raise ValueError(f"{part}: cần đúng một ngôn ngữ, có {sorted(languages)}")
    (lang, entry), = languages.items()
    if not (part / f"pagefind.{entry['hash']}.pf_meta").is_file():
        raise ValueError(f"{part}: thiếu tệp pagefind.{entry['hash']}.pf_meta")
    return lang, entry["hash"]


def join(parts: list[Path], out: Path) -> list[list[str]]:
    """Write into `out` the bundle of all pages of `parts`, in that order; returns
    where each index chunk begins and ends, [[from, to], …].

    Pagefind's browser side fetches, for a query word, only the first chunk
    whose range holds it; a prefix such as "vanzq" (every form of "van") can run
    over several chunks at 10,000 documents, so the query side (search.js)
    reads these ranges and fetches every chunk a word's prefix runs into.
    """
    languages = [language(p) for p in parts]
    first = languages[0][0]
    if any(lang != first for lang, _ in languages):
        raise ValueError(f"các phần có ngôn ngữ khác nhau: {sorted({lang for lang, _ in languages})}")
    metas = [read(p / f"pagefind.{name}.pf_meta") for p, (_, name) in zip(parts, languages, strict=True)]
    if any(m[SORTS] for m in metas):
        raise ValueError("chỉ mục có khóa sắp xếp (sort): chưa ghép được")
    # The engine (pagefind.js, its WASM, the UI files) is the same in every part.
    # One part's fragments and word chunks are what Pagefind wrote: copied as they are.
    shutil.copytree(parts[0], out, ignore=lambda folder, names: _bundle_data(folder, parts[0], names, len(parts) == 1))
    # Millions of short-lived lists, none in a cycle: the collector would walk
    # every object of the build (the whole corpus) again and again for nothing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 1) as pool:
            return _join(parts, metas, first, out, _Writer(out, first, pool))
    finally:
        if collecting:
            gc.enable()


def _join(parts: list[Path], metas: list, language: str, out: Path, writer: _Writer) -> list[list[str]]:
    offsets = list(itertools.accumulate((len(m[PAGES]) for m in metas[:-1]), initial=0))
    if len(parts) == 1:
        # Pagefind's own chunks, already cut by its rule. Its filters and meta are
        # written again all the same: it lists a filter's values in no fixed order,
        # and the same pages must make the same bytes at every build.
        pages, chunks = metas[0][PAGES], metas[0][CHUNKS]
    else:
        pages = [page for part, meta in zip(parts, metas, strict=True) for page in _copy_fragments(part, meta, writer)]
        chunks = _chunks(parts, metas, offsets, writer)
    filters = _filters(parts, metas, offsets, writer)
    fields = sorted({f for m in metas for f in m[FIELDS]})
    meta_name = writer.cbor(".", ".pf_meta", [metas[0][VERSION], pages, chunks, filters, [], fields], "pagefind.")
    writer.wait()
    entry = json.loads((parts[0] / ENTRY).read_text(encoding="utf-8"))
    entry["languages"][language].update(hash=meta_name, page_count=len(pages))
    (out / ENTRY).write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return [r[:2] for r in chunks]


def _bundle_data(folder: str, root: Path, names: list[str], keep_words: bool) -> list[str]:
    if Path(folder) != root:
        return []
    data = ("filter", ENTRY) if keep_words else ("index", "filter", "fragment", ENTRY)
    return [n for n in names if n in data or n.endswith(".pf_meta")]


def _copy_fragments(part: Path, meta, writer: _Writer) -> list[list]:
    """Each page's fragment under its name, or a longer one if another part took it."""
    pages = []
    for name, word_count in meta[PAGES]:
        data = (part / "fragment" / f"{name}.pf_fragment").read_bytes()
        key = f"fragment/{name.split('_', 1)[1]}"
        if key in writer.taken:
            name = writer.name(data, "fragment")
        else:
            writer.taken.add(key)
        target = writer.out / "fragment" / f"{name}.pf_fragment"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        pages.append([name, word_count])
    return pages


def _words(part: Path, meta, offset: int):
    """(word, pages, extra) of one part in word order. A word's pages are in page
    order, each numbered by its distance from the one before (the first from
    0): adding the part's offset to the first renumbers them all."""
    for _, _, name in meta[CHUNKS]:
        for word, pages, extra in read(part / "index" / f"{name}.pf_index")[0]:
            pages[0][0] += offset
            yield word, pages, extra


def _joined_words(parts, metas, offsets):
    streams = [_words(p, m, o) for p, m, o in zip(parts, metas, offsets, strict=True)]
    # Rust orders strings by UTF-8 bytes, Python by code points: the same order.
    for word, same in itertools.groupby(heapq.merge(*streams, key=itemgetter(0)), key=itemgetter(0)):
        same = list(same)
        if len(same) == 1:
            yield list(same[0])
            continue
        pages: list = []
        last = 0  # the number of the last page so far
        for _, more, _ in same:  # parts in order, so their pages come after
            more[0][0] -= last
            last += sum(page[0] for page in more)
            pages += more
        yield [word, pages, [x for _, _, extra in same for x in extra]]


def _chunks(parts, metas, offsets, writer: _Writer) -> list[list[str]]:
    ranges: list[list[str]] = []
    chunk: list = []
    size = 0
    for entry in _joined_words(parts, metas, offsets):
        chunk.append(entry)
        size += sum(len(locs) + len(meta_locs) + 1 for _, locs, meta_locs in entry[1])
        if size >= CHUNK_SIZE:
            ranges.append([chunk[0][0], chunk[-1][0], writer.cbor("index", ".pf_index", [chunk])])
            chunk, size = [], 0
    if chunk:
        ranges.append([chunk[0][0], chunk[-1][0], writer.cbor("index", ".pf_index", [chunk])])
    for before, after in itertools.pairwise(ranges):
        before[1], after[0] = _prefixes(before, after[0])
    return ranges


def _prefixes(before: list[str], first: str) -> tuple[str, str]:
    """The shortest ends that still tell two neighbouring chunks apart, as Pagefind
    writes them; an end that would sort before its own chunk's start stays whole."""
    start, last = before[0], before[1]
    common = len(os.path.commonprefix([last, first]))
    end = last[:common + 1]
    return (end if end >= start else last), first[:common + 1]


def _filters(parts, metas, offsets, writer: _Writer) -> list[list[str]]:
    joined: dict[str, dict[str, list[int]]] = {}
    for part, meta, offset in zip(parts, metas, offsets, strict=True):
        for filter_name, name in meta[FILTERS]:
            _, values = read(part / "filter" / f"{name}.pf_filter")
            into = joined.setdefault(filter_name, {})
            for value, pages in values:
                into.setdefault(value, []).extend(p + offset for p in pages)
    return [[name, writer.cbor("filter", ".pf_filter", [name, [[v, p] for v, p in sorted(values.items())]])]
            for name, values in sorted(joined.items())]


def warm_prefix(bundle: Path, word: str, most: int = WARM_MOST) -> str | None:
    """A prefix whose words all lie in the chunk that holds `word`, with the
    most page entries up to `most`; None if that chunk has no such prefix.

    A fresh engine runs its first searches three times slower than later ones
    (the browser compiles its code for speed once it runs hot). The query side
    searches this prefix a few times as soon as the engine is up: it reads only
    the chunk that the engine's first search ("zs") already fetched, so warming
    up costs the reader no download.
    """
    _, name = language(bundle)
    chunks = read(bundle / f"pagefind.{name}.pf_meta")[CHUNKS]
    home = next((c for c in chunks if c[0] <= word and (word <= c[1] or word.startswith(c[1]))), None)
    if home is None:
        return None
    words = [(w, len(pages)) for w, pages, _ in read(bundle / "index" / f"{home[2]}.pf_index")[0]]
    first, last = words[0][0], words[-1][0]
    entries: dict[str, int] = {}
    for w, count in words:
        for length in range(2, min(len(w), 8) + 1):
            entries[w[:length]] = entries.get(w[:length], 0) + count
    # Inside the chunk: neither its first nor its last word has the prefix, so
    # every word that has it (they sort together) lies between them.
    inside = [(count, -len(p), p) for p, count in entries.items()
              if count <= most and not first.startswith(p) and not last.startswith(p) and first < p < last]
    return max(inside)[2] if inside else None  # the busiest; of equals, the shortest
