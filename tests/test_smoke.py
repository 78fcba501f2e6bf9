def test_real_site_builds_and_shows_the_seed_plan(real_site):
    html = real_site.html("van-ban/2023/114-kh-duk/index.html")
    assert 'Số <span class="vb-so-hieu">114-KH/ĐUK</span>' in html  # one unit on any screen
    assert "Phạm Hữu Dự" in html
