def test_real_site_builds_and_shows_the_seed_plan(real_site):
    html = real_site.html("van-ban/2023/114-kh-duk/index.html")
    assert "Số 114-KH/ĐUK" in html
    assert "Phạm Hữu Dự" in html
