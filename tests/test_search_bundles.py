"""Pagefind bundles built in parts and joined (search/bundles.py): the joined
bundle holds exactly what one Pagefind run over every page would have held."""

from __future__ import annotations

import gzip
import itertools
import json
from pathlib import Path

import cbor2
import pytest

from plan_factory import plan
from vanban import forked
from vanban.graph.corpus import load
from vanban.search import bundles
from vanban.search import index as search_index

# --- Small bundles written by hand: exact results ----------------------------


def _file(path: Path, value) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(bundles.SIGNATURE + cbor2.dumps(value)))


def bundle(folder: Path, pages: list[str], chunks_: list[list], filters: dict[str, dict[str, list[int]]],
           language: str = "vi", sorts: list | None = None) -> Path:
    """A bundle as Pagefind 1.5 writes it: `pages` are fragment names; each chunk
    is a list of [word, [[page distance, locs, meta locs], …], extra]."""
    ranges = []
    for n, words in enumerate(chunks_):
        _file(folder / "index" / f"{language}_c{n}.pf_index", [words])
        ranges.append([words[0][0], words[-1][0], f"{language}_c{n}"])
    for name in pages:
        (folder / "fragment").mkdir(parents=True, exist_ok=True)
        (folder / "fragment" / f"{name}.pf_fragment").write_bytes(gzip.compress(b"pagefind_dcd" + name.encode()))
    meta_filters = []
    for name, values in filters.items():
        _file(folder / "filter" / f"{language}_f{name}.pf_filter", [name, [[v, p] for v, p in values.items()]])
        meta_filters.append([name, f"{language}_f{name}"])
    _file(folder / f"pagefind.{language}_m.pf_meta",
          ["1.5.2", [[p, 10 + i] for i, p in enumerate(pages)], ranges, meta_filters, sorts or [], ["title"]])
    (folder / bundles.ENTRY).write_text(json.dumps(
        {"version": "1.5.2", "languages": {language: {"hash": f"{language}_m", "wasm": None, "page_count": len(pages)}}}))
    (folder / "pagefind.js").write_text("// engine")
    return folder


def wordless(folder: Path) -> Path:
    """A part whose one page has no word: joined after another, it changes no chunk."""
    return bundle(folder, ["vi_q0"], [], {})


def contents(folder: Path) -> dict:
    meta = bundles.read(next(folder.glob("pagefind.*.pf_meta")))
    words = [w for _, _, name in meta[bundles.CHUNKS] for w in bundles.read(folder / "index" / f"{name}.pf_index")[0]]
    filters = {n: dict(bundles.read(folder / "filter" / f"{h}.pf_filter")[1]) for n, h in meta[bundles.FILTERS]}
    fragments = [gzip.decompress((folder / "fragment" / f"{h}.pf_fragment").read_bytes())[12:].decode()
                 for h, _ in meta[bundles.PAGES]]
    entry = json.loads((folder / bundles.ENTRY).read_text())
    return {"pages": fragments, "counts": [c for _, c in meta[bundles.PAGES]], "words": words, "filters": filters,
            "ranges": [r[:2] for r in meta[bundles.CHUNKS]], "fields": meta[bundles.FIELDS],
            "entry": entry["languages"]["vi"]["page_count"], "meta": entry["languages"]["vi"]["hash"]}


def test_pages_follow_part_after_part_and_a_shared_word_gathers_its_pages(tmp_path):
    a = bundle(tmp_path / "a", ["vi_p0", "vi_p1"], [[
        ["dan", [[0, [1], []], [1, [4, 5], []]], []],
        ["van", [[1, [2], []]], []],
    ]], {"loai": {"Chỉ thị": [0], "Kế hoạch": [1]}})
    b = bundle(tmp_path / "b", ["vi_q0", "vi_q1", "vi_q2"], [[
        ["an", [[2, [7], []]], []],
        ["dan", [[0, [3], []], [2, [9], [1]]], []],
    ]], {"loai": {"Kế hoạch": [0, 2]}, "nam": {"2023": [1]}})
    bundles.join([a, b], tmp_path / "out")
    got = contents(tmp_path / "out")
    assert got["pages"] == ["vi_p0", "vi_p1", "vi_q0", "vi_q1", "vi_q2"]
    assert got["counts"] == [10, 11, 10, 11, 12]
    # Pages 0, 1 of a; 2 and 4 of b (its 0 and 2): distances 0, 1, then 1, 2.
    assert got["words"] == [
        ["an", [[4, [7], []]], []],
        ["dan", [[0, [1], []], [1, [4, 5], []], [1, [3], []], [2, [9], [1]]], []],
        ["van", [[1, [2], []]], []],
    ]
    assert got["filters"] == {"loai": {"Chỉ thị": [0], "Kế hoạch": [1, 2, 4]}, "nam": {"2023": [3]}}
    assert got["ranges"] == [["an", "van"]]
    assert got["fields"] == ["title"]
    assert got["entry"] == 5
    assert (tmp_path / "out" / "pagefind.js").read_text() == "// engine"
    assert (tmp_path / "out" / "pagefind-entry.json").exists()
    assert got["meta"].startswith("vi_") and (tmp_path / "out" / f"pagefind.{got['meta']}.pf_meta").exists()


def test_chunks_close_at_pagefinds_size_and_keep_short_distinct_ends(tmp_path, monkeypatch):
    monkeypatch.setattr(bundles, "CHUNK_SIZE", 4)
    page = [[0, [1, 2], []]]  # 3 towards the size
    a = bundle(tmp_path / "a", ["vi_p0"], [[
        ["apple", page, []], ["apricot", page, []], ["banana", page, []], ["cath", page, []], ["cathartic", page, []],
    ]], {})
    bundles.join([a, wordless(tmp_path / "b")], tmp_path / "out")  # two parts: the chunks are written anew
    got = contents(tmp_path / "out")
    # Two words (6 ≥ 4) close a chunk; ends cut to one letter past what two
    # neighbours share, except an end that would sort before its start ("a").
    assert got["ranges"] == [["apple", "apricot"], ["b", "cath"], ["catha", "cathartic"]]
    assert [w[0] for w in got["words"]] == ["apple", "apricot", "banana", "cath", "cathartic"]


def test_an_end_that_would_sort_before_its_chunk_start_stays_whole(tmp_path, monkeypatch):
    page = [[0, [1], []]]  # 2 towards the size
    a = bundle(tmp_path / "a", ["vi_p0"], [[["zrvien", page, []], ["zrvizq", page, []], ["zrvoi", page, []]]], {})
    monkeypatch.setattr(bundles, "CHUNK_SIZE", 4)
    bundles.join([a, wordless(tmp_path / "b")], tmp_path / "out")
    # "zrvi" would end the first chunk before its start "zrvien": the whole word stays.
    assert contents(tmp_path / "out")["ranges"] == [["zrvien", "zrvizq"], ["zrvo", "zrvoi"]]


def test_a_fragment_name_taken_by_an_earlier_part_gets_a_longer_one(tmp_path):
    a = bundle(tmp_path / "a", ["vi_same"], [[["x", [[0, [1], []]], []]]], {})
    b = bundle(tmp_path / "b", ["vi_same"], [[["y", [[0, [1], []]], []]]], {})
    (b / "fragment" / "vi_same.pf_fragment").write_bytes(gzip.compress(b"pagefind_dcd" + b"other page"))
    bundles.join([a, b], tmp_path / "out")
    got = contents(tmp_path / "out")
    assert got["pages"] == ["vi_same", "other page"]
    assert len(set(p.name for p in (tmp_path / "out" / "fragment").iterdir())) == 2


def test_parts_in_two_languages_or_with_sort_keys_are_refused(tmp_path):
    a = bundle(tmp_path / "a", ["vi_p0"], [[["x", [[0, [1], []]], []]]], {})
    en = bundle(tmp_path / "en", ["en_p0"], [[["x", [[0, [1], []]], []]]], {}, language="en")
    with pytest.raises(ValueError, match="ngôn ngữ"):
        bundles.join([a, en], tmp_path / "out")
    sorted_ = bundle(tmp_path / "s", ["vi_p0"], [[["x", [[0, [1], []]], []]]], {}, sorts=[["date", "vi_s"]])
    with pytest.raises(ValueError, match="sort"):
        bundles.join([sorted_], tmp_path / "out2")


def test_a_file_that_is_not_pagefinds_is_refused(tmp_path):
    path = tmp_path / "x.pf_index"
    path.write_bytes(gzip.compress(b"something else"))
    with pytest.raises(ValueError, match="Pagefind"):
        bundles.read(path)


# --- Real Pagefind runs: parts joined equal one run ---------------------------

BODIES = [
    "Công tác dân vận năm {n}; Đảng ủy Khối thực hiện Chỉ thị số 07-CT/TU, ngày 06/5/2021 của Ban Thường vụ Tỉnh ủy.",
    "Văn hóa văn nghệ {n}: hội diễn ở khóm {n}, hòa giải ở cơ sở, vận động người dân.",
    "Kế hoạch {n} về tuyên truyền; Đảng uỷ phối hợp Mặt trận, đoàn thể.",
]


def _documents(tmp_path: Path, n: int):
    plans = tmp_path / "plans"
    for i in range(n):
        path = plans / "2023" / f"{i + 1}-kh-duk.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(plan(BODIES[i % 3].format(n=i + 1), so_hieu=f"{i + 1}-KH/ĐUK",
                             trich_yeu=f"Kế hoạch số {i + 1}", ngay_ban_hanh="2023-02-10"), encoding="utf-8")
    corpus = load(plans, tmp_path)
    assert not corpus.problems
    return corpus.published


def _by_url(folder: Path) -> dict:
    """Every word's pages by URL (page numbers differ between builds), filters, ranges."""
    meta = bundles.read(next(folder.glob("pagefind.*.pf_meta")))
    urls = [json.loads(gzip.decompress((folder / "fragment" / f"{h}.pf_fragment").read_bytes())[12:])["url"]
            for h, _ in meta[bundles.PAGES]]
    words = {}
    for _, _, name in meta[bundles.CHUNKS]:
        for word, pages, extra in bundles.read(folder / "index" / f"{name}.pf_index")[0]:
            numbers = itertools.accumulate(p[0] for p in pages)
            words[word] = (sorted((urls[n], p[1], p[2]) for n, p in zip(numbers, pages, strict=True)), extra)
    filters = {name: {v: sorted(urls[p] for p in ps) for v, ps in bundles.read(folder / "filter" / f"{h}.pf_filter")[1]}
               for name, h in meta[bundles.FILTERS]}
    counts = dict(zip(urls, (c for _, c in meta[bundles.PAGES]), strict=True))
    return {"words": words, "filters": filters, "counts": counts, "ranges": [r[:2] for r in meta[bundles.CHUNKS]],
            "fields": meta[bundles.FIELDS]}


def test_an_index_built_in_parts_holds_what_one_run_holds(tmp_path, monkeypatch):
    documents = _documents(tmp_path, 12)
    monkeypatch.setenv("VANBAN_SEARCH_SHARD_SIZE", "2")  # 6 shards
    runs = search_index.parts(documents, search_index.shard_count(len(documents)))
    assert len(runs) == 1
    search_index.write(documents, tmp_path / "one")
    monkeypatch.setenv("VANBAN_SEARCH_PART_SIZE", "4")
    runs = search_index.parts(documents, search_index.shard_count(len(documents)))
    # Three runs of two whole shards each, their pages written by worker processes.
    assert [sorted({s for _, s in run}) for run in runs] == [[0, 1], [2, 3], [4, 5]]
    monkeypatch.setattr(forked, "AT_LEAST", 1)
    monkeypatch.setattr(forked.os, "cpu_count", lambda: 2)
    search_index.write(documents, tmp_path / "three")
    one, three = _by_url(tmp_path / "one" / "pagefind"), _by_url(tmp_path / "three" / "pagefind")
    assert len(one["counts"]) == 13  # the documents and the sentinel page
    assert one == three


def test_a_single_part_is_written_as_pagefind_wrote_it(tmp_path):
    """Joining one run's bundle changes no word, page, chunk range or filter."""
    documents = _documents(tmp_path, 5)
    records = [search_index.record(d, tmp_path / "site") for d in documents] + [search_index.SENTINEL]
    search_index._scratch(records, tmp_path / "pages")
    search_index._run(search_index._write(tmp_path / "pages", tmp_path / "pagefind"))
    bundles.join([tmp_path / "pagefind"], tmp_path / "joined")
    original, joined = contents(tmp_path / "pagefind"), contents(tmp_path / "joined")
    assert {k: v for k, v in joined.items() if k != "meta"} == {k: v for k, v in original.items() if k != "meta"}


def test_a_single_part_keeps_pagefinds_chunks_and_fragments_and_its_filters_are_written_in_order(tmp_path):
    documents = _documents(tmp_path, 5)
    records = [search_index.record(d, tmp_path / "site") for d in documents] + [search_index.SENTINEL]
    search_index._scratch(records, tmp_path / "pages")
    search_index._run(search_index._write(tmp_path / "pages", tmp_path / "pagefind"))
    ranges = bundles.join([tmp_path / "pagefind"], tmp_path / "joined")
    for folder in ("index", "fragment"):
        files = sorted(p.name for p in (tmp_path / "pagefind" / folder).iterdir())
        assert files == sorted(p.name for p in (tmp_path / "joined" / folder).iterdir())
        assert all((tmp_path / "pagefind" / folder / f).read_bytes() == (tmp_path / "joined" / folder / f).read_bytes()
                   for f in files)
    meta = bundles.read(next((tmp_path / "joined").glob("pagefind.*.pf_meta")))
    assert ranges == [chunk[:2] for chunk in meta[bundles.CHUNKS]] and ranges
    for _, name in meta[bundles.FILTERS]:
        values = [v for v, _ in bundles.read(tmp_path / "joined" / "filter" / f"{name}.pf_filter")[1]]
        assert values == sorted(values)
    # Pagefind's bundle of the same pages again: the same bytes once joined.
    search_index._run(search_index._write(tmp_path / "pages", tmp_path / "again"))
    bundles.join([tmp_path / "again"], tmp_path / "joined-again")
    def tree(folder):
        return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}

    assert tree(tmp_path / "joined") == tree(tmp_path / "joined-again")


def test_a_part_that_fails_among_several_stops_the_build(tmp_path, monkeypatch):
    documents = _documents(tmp_path, 6)
    monkeypatch.setenv("VANBAN_SEARCH_PART_SIZE", "2")
    real, calls = search_index._write, []

    async def second_fails(pages, bundle):
        calls.append(bundle.name)
        if bundle.name == "bundle-1":
            raise RuntimeError("Pagefind dừng giữa chừng")
        await real(pages, bundle)

    monkeypatch.setattr(search_index, "_write", second_fails)
    with pytest.raises(RuntimeError, match="Pagefind dừng giữa chừng"):
        search_index.write(documents, tmp_path / "site")
    assert calls == ["bundle-0", "bundle-1", "bundle-1"]  # the failing one tried twice, the next one never
    assert not (tmp_path / "site" / search_index.BUNDLE).exists()


def test_more_parts_than_shards_split_the_documents_in_order(monkeypatch):
    monkeypatch.setenv("VANBAN_SEARCH_PART_SIZE", "2")
    runs = search_index.parts(list("abcde"), 1)
    assert runs == [[("a", 0), ("b", 0)], [("c", 0), ("d", 0)], [("e", 0)]]
    assert search_index.parts([], 1) == [[]]


def test_a_pagefind_run_that_fails_once_is_made_again(tmp_path, monkeypatch):
    documents = _documents(tmp_path, 3)
    real, calls = search_index._write, []

    async def flaky(pages, bundle):
        calls.append(bundle)
        await real(pages, bundle)
        if len(calls) == 1:  # the first run leaves a bundle that is not whole
            (bundle / bundles.ENTRY).write_text("")

    monkeypatch.setattr(search_index, "_write", flaky)
    search_index.write(documents, tmp_path / "site")
    assert len(calls) == 2
    assert _by_url(tmp_path / "site" / "pagefind")["counts"].keys() == {
        "/van-ban/2023/01-kh-duk/", "/van-ban/2023/02-kh-duk/", "/van-ban/2023/03-kh-duk/", "/_/"}


def test_a_pagefind_run_that_fails_twice_stops_the_build(tmp_path, monkeypatch):
    documents = _documents(tmp_path, 2)

    async def broken(pages, bundle):
        raise RuntimeError("Pagefind không chạy")

    monkeypatch.setattr(search_index, "_write", broken)
    with pytest.raises(RuntimeError, match="Pagefind không chạy"):
        search_index.write(documents, tmp_path / "site")


def test_a_bundle_without_its_meta_file_is_not_whole(tmp_path):
    part = bundle(tmp_path / "a", ["vi_p0"], [[["x", [[0, [1], []]], []]]], {})
    assert bundles.language(part) == ("vi", "vi_m")
    (part / "pagefind.vi_m.pf_meta").unlink()
    with pytest.raises(ValueError, match="thiếu tệp"):
        bundles.language(part)
    (part / bundles.ENTRY).write_text("{")
    with pytest.raises(ValueError, match="không đọc được"):
        bundles.language(part)


# --- The warm-up prefix ---------------------------------------------------------


def _word(name: str, pages: int) -> list:
    return [name, [[1, [1], []] for _ in range(pages)], []]


def test_the_warm_up_prefix_lies_inside_the_chunk_of_the_first_search(tmp_path):
    chunks_ = [
        [_word("van", 3), _word("zraa", 2)],
        [_word("zrya", 40), _word("zryb", 30), _word("zs", 1), _word("ztba1", 50), _word("ztba2", 60),
         _word("ztke1", 5), _word("zx00", 1)],
        [_word("zxff", 2)],
    ]
    folder = bundle(tmp_path / "b", ["vi_1"], chunks_, {})
    # "zt" (115 entries) is the busiest prefix wholly inside; "zr" and "zx" run into the neighbours.
    assert bundles.warm_prefix(folder, "zs") == "zt"
    assert bundles.warm_prefix(folder, "zs", most=100) == "ztba2"  # "ztba" (110) over the cap: the next busiest
    assert bundles.warm_prefix(folder, "zs", most=10) == "ztk"  # of equal prefixes, the shortest
    assert bundles.warm_prefix(folder, "zs", most=0) is None


def test_no_warm_up_prefix_without_room_inside_the_chunk(tmp_path):
    folder = bundle(tmp_path / "b", ["vi_1"], [[_word("zs", 1)], [_word("zt1", 5)]], {})
    assert bundles.warm_prefix(folder, "zs") is None
    assert bundles.warm_prefix(folder, "aa") is None  # in no chunk at all
