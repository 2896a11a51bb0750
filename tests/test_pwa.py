"""The installable offline web app, in real Chromium on 127.0.0.1: everything
works offline after one visit, updates are safe and download only what
changed, and the app installs under a sub-path (as on GitHub Pages)."""

from __future__ import annotations

import http.server
import json
import shutil
import threading
from pathlib import Path

import pytest
from PIL import Image

from conftest import SwitchableHandler, free_port, make_site, run_mkdocs_build
from test_offline import all_pages
from test_search import search

STATUS = """() => new Promise(resolve => {
    const worker = navigator.serviceWorker.controller;
    if (!worker) return resolve(null);
    const channel = new MessageChannel();
    channel.port1.onmessage = e => resolve(e.data);
    worker.postMessage({type: 'STATUS'}, [channel.port2]);
})"""


def wait_until_cached(page) -> dict:
    """Wait for the worker to control the page and hold every file."""
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=60000)
    for _ in range(120):
        status = page.evaluate(STATUS)
        if status and status["cached"] == status["files"]:
            return status
        page.wait_for_timeout(500)
    raise AssertionError(f"not fully cached: {status}")


def test_everything_works_offline_after_one_visit(context, site_dir: Path, site_url: str):
    page = context.new_page()
    page.goto(site_url + "index.html")
    status = wait_until_cached(page)
    assert status["files"] > 40
    context.set_offline(True)
    for rel in all_pages(site_dir):
        page.goto(site_url + rel)
        assert page.locator("h1").first.is_visible(), rel
    page.goto(site_url + "index.html")
    assert "pre-job/objections.html" in search(page, "异议处理", site_url)[:5]
    page.goto(site_url + "pre-job/five-s.html")
    quiz = page.locator('[data-quiz="five-s"]')
    first = quiz.locator('[data-type="single"]').first
    first.locator(".hb-option input").first.check()
    first.get_by_role("button", name="提交本题").click()
    assert "回答" in first.locator(".hb-feedback").inner_text()
    page.goto(site_url + "offline.html")
    page.wait_for_selector('[data-offline-status][data-state="complete"]')
    assert "本设备已保存全部内容" in page.locator(".hb-offline__text").inner_text()


@pytest.fixture
def switchable(tmp_path):
    """One origin serving builds that tests switch between; records requests."""
    port = free_port()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), SwitchableHandler)
    server.log = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server, f"http://127.0.0.1:{port}/"
    server.shutdown()


def build_engine(tmp_path: Path, name: str, url: str, edit=None) -> Path:
    project = make_site(tmp_path / name, "engine")
    if edit:
        edit(project)
    result = run_mkdocs_build(project, project / "site", url)
    assert result.returncode == 0, result.stderr
    return project / "site"


def precache(site: Path) -> dict:
    text = (site / "sw.js").read_text(encoding="utf-8")
    return json.loads(text.split("const FILES = ", 1)[1].split(";", 1)[0])


def test_update_is_offered_applied_and_downloads_only_what_changed(context, tmp_path, switchable):
    server, url = switchable
    v1 = build_engine(tmp_path, "v1", url)

    def change_plain_page(project: Path):
        page = project / "docs" / "plain.md"
        page.write_text(page.read_text(encoding="utf-8") + "\n第二版新增的一句话。\n", encoding="utf-8")

    v2 = build_engine(tmp_path, "v2", url, change_plain_page)
    server.root = v1
    page = context.new_page()
    page.goto(url + "plain.html")
    wait_until_cached(page)

    server.root, server.log[:] = v2, []
    page.reload()
    page.get_by_role("button", name="手册已更新，点击刷新").wait_for(timeout=60000)
    # Until the reader accepts, the old build is served whole: no mixing.
    assert "第二版新增的一句话" not in page.locator("article").inner_text()
    page.goto(url + "practice.html")
    page.goto(url + "plain.html")
    assert "第二版新增的一句话" not in page.locator("article").inner_text()
    fetched = {p.lstrip("/") for p in server.log} - {"sw.js", "plain.html", "practice.html"}
    old, new = precache(v1), precache(v2)
    changed = {p for p in new if old.get(p, [None])[0] != new[p][0]}
    assert "plain.html" in changed and "assets/javascripts/bundle.a5f9d56c.min.js" not in changed
    assert fetched <= changed, f"unchanged files downloaded again: {sorted(fetched - changed)}"

    page.get_by_role("button", name="手册已更新，点击刷新").click()
    page.wait_for_function("() => !!document.body && document.body.innerText.includes('第二版新增的一句话')", timeout=30000)
    assert page.evaluate(STATUS)["version"] in (v2 / "sw.js").read_text(encoding="utf-8")
    names = page.evaluate("caches.keys()")
    assert len([n for n in names if n.startswith("handbook:/:")]) == 1, names   # old cache deleted


def test_installable_under_a_sub_path(context, tmp_path):
    port = free_port()
    url = f"http://127.0.0.1:{port}/handbook/"
    site = build_engine(tmp_path, "sub", url)
    root = tmp_path / "host"
    shutil.copytree(site, root / "handbook")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), SwitchableHandler)
    server.root = root
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page = context.new_page()
        page.goto(url + "index.html")
        html = (root / "handbook" / "index.html").read_text(encoding="utf-8")
        link = html.split('<link rel="manifest" href="', 1)[1].split('"', 1)[0]
        manifest = json.loads((root / "handbook" / "site.webmanifest").read_text(encoding="utf-8"))
        assert link == "site.webmanifest"       # relative: also right in the offline zip
        assert manifest["display"] == "standalone" and manifest["start_url"] == "./index.html"
        assert manifest["scope"] == "./" and manifest["name"] and manifest["short_name"] == "培训手册"
        for icon in manifest["icons"]:
            width, height = map(int, icon["sizes"].split("x"))
            assert Image.open(root / "handbook" / icon["src"]).size == (width, height)
        assert page.locator('link[rel="apple-touch-icon"]').count() == 1
        wait_until_cached(page)
        scope = page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.scope)")
        assert scope == url
    finally:
        server.shutdown()
