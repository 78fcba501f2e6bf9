"""Search tokens: what a word is indexed as, what a query word asks for, and the
numbers and text a document page gives the index."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vanban.model.text import fold, tone_key
from vanban.search import tokens
from vanban.search.citations import cited
from vanban.search.extract import article_text


def matches(query_word: str, doc_word: str) -> bool:
    """How the engine matches: the query token is a prefix of the indexed token."""
    return tokens.token(doc_word).startswith(tokens.query_token(query_word))


@pytest.mark.parametrize(("word", "expected"), [
    ("dan", "danzql"),
    ("Dân", "danzq1cnk"),
    ("vận", "vanzq1cj1l"),
    ("văn", "vanzq1bnl"),
    ("Đảng", "dangzq0dr1k"),
    ("ĐẢNG", "dangzq0dr1u"),
    ("ủy", "uyzqr0l"),
    ("uỷ", "uyzqr1l"),
    ("hòa", "hoazqf1l"),
    ("hoà", "hoazqf2l"),
    ("2023", "2023zql"),
    ("CTr", "ctrzqm01"),
    ("Zalo", "zzalozqk"),
    ("naïve", "zx6e61c3af7665zq"),
])
def test_token(word, expected):
    assert tokens.token(word) == expected
    assert tokens.decode(expected) == word


@pytest.mark.parametrize(("query", "doc_word", "found"), [
    ("dân", "dân", True),
    ("dân", "Dân", True),
    ("DÂN", "dân", True),
    ("dan", "dân", True),
    ("dan", "Dan", True),
    ("dan", "đàn", True),
    ("dan", "dang", False),  # a fold is a whole word, never a prefix
    ("vận", "văn", False),
    ("vận", "vấn", False),
    ("vận", "van", False),
    ("văn", "vận", False),
    ("dang", "Đảng", True),
    ("dang", "đang", True),
    ("đảng", "đang", False),
    ("ủy", "uỷ", True),
    ("Uỷ", "ủy", True),
    ("hoà", "hòa", True),
    ("hòa", "hoà", True),
    ("thuỷ", "thủy", True),
    ("hòa", "hóa", False),
    ("quý", "quý", True),
    ("đi", "di", False),
    ("di", "đi", True),
    ("pizza", "pizza", True),
    ("piz", "pizza", False),
])
def test_query_word_matches(query, doc_word, found):
    assert matches(query, doc_word) is found


@pytest.mark.parametrize(("canonical", "key"), [
    ("114-KH/ĐUK", "114khduk"),
    ("114/KH-ĐUK", "114khduk"),
    ("06-CT/TU", "06cttu"),
    ("30/2020/NĐ-CP", "302020ndcp"),
    ("1286/QĐ-UBND", "1286qdubnd"),
])
def test_number_key(canonical, key):
    assert tokens.number_key(canonical) == key


def test_type_numeral_key():
    assert tokens.type_numeral_key("Chỉ thị", "06") == "chithi06"


def test_text_round_trip_keeps_punctuation_apart_from_words():
    text = "Chỉ thị số 06-CT/TU, ngày 06/5/2021 của Ban Thường vụ Tỉnh uỷ."
    encoded = tokens.encode_text(text)
    assert tokens.decode_text(encoded) == text
    # Pagefind splits a word with a mark attached into stray parts: none is.
    assert all(w.isalnum() or not any(c.isalnum() for c in w) for w in encoded.split())
    assert encoded.split()[3:6] == ["06zql", tokens.GLUE + "-", "ctzqgu"]


@given(st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyzAĂÂĐÊÔƠƯ0123456789 àáảãạằắẳẵặầấẩẫậ-/.,", max_size=40))
def test_any_text_round_trips(text):
    assert tokens.decode_text(tokens.encode_text(text)) == " ".join(tokens.clean(text).split())


@given(st.text(alphabet="aăâdđeêioôơuưyzqàảạủỷ", min_size=1, max_size=6),
       st.text(alphabet="aăâdđeêioôơuưyzqàảạủỷ", min_size=1, max_size=6))
def test_a_word_is_found_only_by_itself_or_its_fold(query, word):
    """No query token reaches a word of another fold or other diacritics."""
    if matches(query, word):
        assert fold(query) == fold(word)
        assert query == fold(query) or tone_key(query) == tone_key(word)


def test_cited_numbers():
    text = ("Thực hiện Chỉ thị số 06-CT/TU, ngày 06/5/2021; Nghị định 30/2020/NĐ-CP và "
            "Quyết định số 1286/QĐ-UBND ngày 27/02/2023 và Kế hoạch 114-KH/ĐUK.")
    assert cited(text) == ["06-CT/TU", "114-KH/ĐUK", "30/2020/NĐ-CP", "1286/QĐ-UBND"]


def test_article_text_is_the_document_only():
    page = """<html><nav>Trang chủ menu</nav><header>Đầu trang</header>
    <article class="md-content__inner"><div class="vb-van-ban">
    <article class="vb-ban-goc vb-dang"><h1><span>KẾ HOẠCH</span> Công tác dân vận</h1>
    <p class="vb-hanh-dong"><button>In văn bản</button></p>
    <p>Nội dung &amp; <strong>phần</strong> chính.</p><ul><li>Một</li><li>Hai</li></ul>
    <p class="vb-chu-ky-trong" aria-hidden="true"></p></article>
    <aside>Thuộc tính</aside></div></article><footer>Chân trang</footer></html>"""
    assert article_text(page) == "KẾ HOẠCH Công tác dân vận\nNội dung & phần chính.\nMột\nHai"
    assert article_text("<html><body>Không phải văn bản</body></html>") is None


def test_later_occurrences_of_a_word_form_are_set_apart():
    content, shapes = tokens.index_text("dân dân Dân, văn\nDÂN dân-dân", 0, keep=2)
    assert content.split() == ["danzqy001cn", "danzqy001cn", "zrdanzqy001cn", tokens.GLUE + ",", "vanzqy001bn",
                               tokens.GLUE, "zrdanzqy001cn", "zrdanzqy001cn", tokens.GLUE + "-", "zrdanzqy001cn",
                               tokens.GLUE]
    assert tokens.decode_content(content, shapes) == "dân dân Dân, văn DÂN dân-dân"


@pytest.mark.parametrize(("word", "shard", "expected"), [
    ("danzq1cnk", 0, "danzqy001cnk"),
    ("danzq1cnk", 41, "danzqy151cnk"),
    ("zrdanzq1cnl", 5, "zrdanzqy051cnl"),  # a later occurrence
    ("zzqzql", 1, "zzqzqy01l"),  # "zq" written: its escaped z is not the separator
    ("zx6e61c3af7665zq", 2, "zx6e61c3af7665zqy02"),
    ("zn114khdukzq", 3, "zn114khdukzq"),  # hidden keys carry no tag
    ("zuchithi06zq", 3, "zuchithi06zq"),
    (tokens.GLUE + ",", 3, tokens.GLUE + ","),
])
def test_shard_tag(word, shard, expected):
    assert tokens.tag(word, tokens.shard_tag(shard)) == expected
    assert tokens.untag(expected.removeprefix(tokens.REPEAT)) == word.removeprefix(tokens.REPEAT)


@given(st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyzAĐÔƠƯ0123 àảạằậ-/.,", max_size=40),
       st.integers(min_value=0, max_value=36 * 36 - 1))
def test_tagged_text_reads_the_same_and_a_word_stays_found_in_its_shard(text, shard):
    encoded = tokens.encode_text(text)
    tagged = tokens.tag_text(encoded, shard)
    assert tokens.decode_text(tagged) == tokens.decode_text(encoded)
    for word, tok in zip(encoded.split(), tagged.split(), strict=True):
        if tokens.WORD.fullmatch(word) and not word.startswith(tokens.HIDDEN):
            query = tokens.query_token(tokens.decode(word))
            assert tok.startswith(tokens.tag(query, tokens.shard_tag(shard)))


def test_shard_tags_are_three_characters():
    assert [tokens.shard_tag(i) for i in (0, 35, 36, 1295)] == ["y00", "y0z", "y10", "yzz"]
    with pytest.raises(ValueError):
        tokens.shard_tag(1296)


@given(st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyzAĐÔƠƯ0123 àảạằậ-/.,\n\u2063", max_size=80),
       st.integers(min_value=0, max_value=36 * 36 - 1), st.integers(min_value=1, max_value=4))
def test_index_text_is_the_tagged_text_without_case_and_with_repeats_set_apart(text, shard, keep):
    content, _ = tokens.index_text(text, shard, keep)
    full = tokens.tag_text(tokens.encode_text(text), shard)
    seen: dict[str, int] = {}
    for one, other in zip(content.split(), full.split(), strict=True):
        bare = one.removeprefix(tokens.REPEAT)
        assert other.startswith(bare)  # the case and glue letters come last
        key = tokens._match_part(bare)
        if key is not None:
            seen[key] = seen.get(key, 0) + 1
            assert one.startswith(tokens.REPEAT) == (seen[key] > keep)


@given(st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyzAĐÔƠƯ0123 àảạằậ-/.,\nΩïCTr", max_size=80),
       st.integers(min_value=0, max_value=36 * 36 - 1))
def test_index_content_and_shapes_give_back_the_text(text, shard):
    content, shapes = tokens.index_text(text, shard)
    assert tokens.decode_content(content, shapes) == " ".join(tokens.clean(text).split())
    assert len(tokens.read_shapes(shapes)) == sum(tokens.shows_a_word(w) for w in content.split())


def test_index_words_carry_no_case_and_shapes_say_it():
    content, shapes = tokens.index_text("Dân dân DÂN 06-CTr naïve", 0)
    assert content.split() == ["danzqy001cn", "danzqy001cn", "danzqy001cn", "06zqy00", tokens.GLUE + "-",
                               "ctrzqy00", "zx6e61c3af7665zqy00", tokens.GLUE]
    assert shapes == "bac" + "a" + "h201" + "a"
    assert tokens.read_shapes(tokens.SHAPES_PREFIX + shapes) == [
        ("k", False), ("l", False), ("u", False), ("l", False), ("m01", True), ("l", False)]


def test_every_line_ends_so_that_pagefind_adds_no_full_stop():
    """Pagefind ends a block with "." unless its last item is a mark it counts as one
    (seen in its fragments: "*" became "*.", "TỈNH" "TỈNH."); GLUE is such an item."""
    content, _ = tokens.index_text("ĐẢNG ỦY KHỐI TỈNH\n*\nSố 114-KH/ĐUK, ngày 06/5/2021.", 0)
    assert [line.split()[-1] for line in content.split("\n")] == [tokens.GLUE, tokens.GLUE, tokens.GLUE + "."]
    assert tokens.encode_text("*").split() == ["*", tokens.GLUE]
