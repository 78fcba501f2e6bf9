"""Citations kept on disk between runs (vanban.citation_cache): a second run
answers from the file, and nothing in the file can change what is found."""

import json

import pytest

from vanban import citation_cache, citations

TEXTS = [
    "Thực hiện Chỉ thị số 06-CT/TU, ngày 06/5/2021 của Ban Thường vụ Tỉnh ủy.",
    "Căn cứ Quyết định số 1493/QĐ-TTg và Kế hoạch số 114-KH/ĐUK.",
    "Không dẫn chiếu văn bản nào.",
]


@pytest.fixture(autouse=True)
def fresh():
    citations.forget_primed()
    citations._find.cache_clear()
    citation_cache._read.clear()
    yield
    citations.forget_primed()
    citations._find.cache_clear()


def direct(text, markdown=True):
    return citations._find.__wrapped__(text, markdown)


def test_a_second_run_reads_the_file_and_finds_the_same(tmp_path, monkeypatch):
    citations.prime(TEXTS, project=tmp_path)
    first = [citations.find_citations(t) for t in TEXTS]
    assert first == [list(direct(t)) for t in TEXTS]
    stored = citation_cache.path(tmp_path)
    assert stored.parent == tmp_path / ".cache" / "vanban"
    assert len(json.loads(stored.read_text(encoding="utf-8"))) == 3

    citations.forget_primed()
    citations._find.cache_clear()
    monkeypatch.setattr(citations, "_find", lambda *a: pytest.fail("parsed again"))
    citations.prime(TEXTS, project=tmp_path)
    assert [citations.find_citations(t) for t in TEXTS] == first


def test_plain_text_and_markdown_are_kept_apart(tmp_path):
    text = "`Chỉ thị số 06-CT/TU`"  # code in Markdown, words in plain text
    citations.prime([text], project=tmp_path)
    citations.prime([text], markdown=False, project=tmp_path)
    citations.forget_primed()
    citations.prime([text], project=tmp_path)
    citations.prime([text], markdown=False, project=tmp_path)
    assert citations.find_citations(text) == []
    assert [c.number for c in citations.find_citations(text, markdown=False)] == ["06-CT/TU"]


@pytest.mark.parametrize("content", [
    "{not json",
    "[1, 2, 3]",
    '{"KEY": [["Chỉ thị", "06-CT/TU", "TU", null, null, 0, 9999]]}',  # a span past the text
    '{"KEY": [["Chỉ thị", "06-CT/TU", "TU", null, null, "0", "5"]]}',  # offsets that are not numbers
    '{"KEY": [["Chỉ thị"]]}',  # too few fields
    '{"KEY": "06-CT/TU"}',
    '{"KEY": [[1, 2, 3, 4, 5, 0, 5]]}',  # numbers for names
])
def test_a_file_that_is_not_sound_is_parsed_around(tmp_path, content):
    text = TEXTS[0]
    target = citation_cache.path(tmp_path)
    target.parent.mkdir(parents=True)
    target.write_text(content.replace("KEY", citation_cache.key(text, True)), encoding="utf-8")
    citations.prime([text], project=tmp_path)
    assert citations.find_citations(text) == list(direct(text))


def test_files_of_another_parser_version_are_removed(tmp_path):
    folder = tmp_path / ".cache" / "vanban"
    folder.mkdir(parents=True)
    (folder / "citations-0123456789abcdef.json").write_text("{}", encoding="utf-8")
    citations.prime(TEXTS, project=tmp_path)
    assert sorted(p.name for p in folder.iterdir()) == [citation_cache.path(tmp_path).name]


def test_the_version_follows_the_parser_source():
    assert set(citation_cache._SOURCES) >= {"citations", "citation_grammar", "citation_text"}
    assert len(citation_cache.version()) == 16


def test_a_folder_that_cannot_be_written_changes_nothing(tmp_path):
    (tmp_path / ".cache").write_text("a file where the folder would be", encoding="utf-8")
    citations.prime(TEXTS, project=tmp_path)
    assert [citations.find_citations(t) for t in TEXTS] == [list(direct(t)) for t in TEXTS]


def test_entries_of_texts_gone_are_dropped_once_they_outnumber_the_rest(tmp_path):
    gone = {f"{i:032x}": [] for i in range(1200)}
    target = citation_cache.path(tmp_path)
    target.parent.mkdir(parents=True)
    target.write_text(json.dumps(gone), encoding="utf-8")
    citations.prime(TEXTS, project=tmp_path)
    assert len(json.loads(target.read_text(encoding="utf-8"))) == 3
