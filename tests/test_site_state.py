"""What the build's steps share: after the hand-off to MkDocs a post-build step
still reads any generated file, as it is served."""

from __future__ import annotations

from pathlib import Path

from plan_factory import plan
from vanban.site import build as core
from vanban.site.listings import url_of

ROOT = Path(__file__).resolve().parent.parent


def _site(tmp_path: Path) -> core.Site:
    path = tmp_path / "plans" / "2023" / "5-kh-duk.md"
    path.parent.mkdir(parents=True)
    path.write_text(plan("Thực hiện Chỉ thị số 06-CT/TU.", so_hieu="5-KH/ĐUK", ngay_ban_hanh="2023-05-02"),
                    encoding="utf-8")
    return core.build(tmp_path / "plans", core.Options(identity={"ten": "Đảng ủy Khối"}), base=tmp_path)


def test_a_post_build_step_reads_a_generated_file_after_the_hand_off(tmp_path):
    site = _site(tmp_path)
    feed = site.files["feed/atom.xml"]
    assert site.served("feed/atom.xml", tmp_path / "none") == feed  # still held: no folder read

    out = tmp_path / "site"
    handed = dict(site.hand_off())
    assert handed["feed/atom.xml"] == feed and "van-ban/2023/05-kh-duk.md" in handed
    assert set(site.files) == set(handed) and not any(site.files.values())  # the names only
    assert site.parts == {}
    for uri, content in handed.items():  # what MkDocs writes
        target = out / url_of(uri) / "index.html" if uri.endswith(".md") else out / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(f"<html>{uri}</html>".encode() if uri.endswith(".md")
                           else content.encode() if isinstance(content, str) else content)

    assert site.served("feed/atom.xml", out) == feed
    assert site.served("van-ban/2023/05-kh-duk.md", out) == b"<html>van-ban/2023/05-kh-duk.md</html>"
    assert site.served("index.md", out) == b"<html>index.md</html>"
