import unicodedata

import pytest

from vanban.model.text import clean, fold, normalize_tones, tone_key


@pytest.mark.parametrize("raw, expected", [
    (unicodedata.normalize("NFD", "Đảng ủy"), "Đảng ủy"),  # NFD in, NFC out
    ("114\u200b-KH/ĐUK", "114-KH/ĐUK"),  # zero-width space removed
    ("\ufeffKế hoạch", "Kế hoạch"),  # BOM removed
    ("Số\u00a0114", "Số 114"),  # non-breaking space
    ("\u00d0ảng", "Đảng"),  # Eth for Đ
])
def test_clean(raw, expected):
    assert clean(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("Đảng ủy Khối", "dang uy khoi"),
    ("ĐUK", "duk"),
    ("dân vận", "dan van"),
    ("Tỉnh uỷ", "tinh uy"),
    (unicodedata.normalize("NFD", "Hòa"), "hoa"),
])
def test_fold(raw, expected):
    assert fold(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("Tỉnh uỷ", "Tỉnh ủy"),
    ("hoà bình", "hòa bình"),
    ("thuỷ lợi", "thủy lợi"),
    ("khoẻ", "khỏe"),
    ("quý", "quý"),  # qu + y: the tone stays on y
    ("khuỷu", "khuỷu"),  # not the end of the syllable
    ("hoặc", "hoặc"),  # ă is not a tone
    ("HUYỆN UỶ ĐỊNH HOÁ", "HUYỆN ỦY ĐỊNH HÓA"),
])
def test_normalize_tones(raw, expected):
    assert normalize_tones(raw) == expected


def test_tone_key_unifies_spellings_but_keeps_diacritics():
    assert tone_key("Đảng uỷ") == tone_key("Đảng ủy") == "đảng ủy"
    assert tone_key("vận") != tone_key("văn")


def test_decode_utf8_says_where_the_first_wrong_byte_is():
    from vanban.model.text import NotUtf8, decode_utf8
    assert decode_utf8("Kế hoạch".encode()) == "Kế hoạch"
    assert decode_utf8(b"\xef\xbb\xbfab", bom=True) == "ab"
    assert decode_utf8(b"\xef\xbb\xbfab") == "\ufeffab"
    with pytest.raises(NotUtf8) as err:
        decode_utf8(b"\xef\xbb\xbfdong 1\nab\xff", bom=True)
    assert (err.value.line, err.value.column, err.value.offset, err.value.byte) == (2, 3, 12, 0xFF)
