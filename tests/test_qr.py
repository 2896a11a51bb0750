"""QR hand-off of the learner record, device to device, no network
(macros/record/runtime/handoff.js): 给培训师扫码 on 我的进度, 扫码导入 and
粘贴文字码 on 班级成绩, in Chromium against the built site.

The codes a rep's device draws are screenshotted and decoded with the
vendored jsQR (the file the site ships), then fed to 班级成绩 out of order
through its camera path (a fake camera and BarcodeDetector) or as a real
video the vendored decoder reads; the class view must show the rep exactly
as a file import of the same record does."""

from __future__ import annotations

import base64
import hashlib
import json
import random
import re
import zlib
from pathlib import Path

import pytest

from conftest import ROOT

VENDOR = ROOT / "docs" / "assets" / "vendor"
SCAN_DONE = "已导入 {} 的记录。可以接着扫下一位学员。"

# A device used for weeks: every quiz answered (about one answer in four
# wrong), checklists partly ticked, pages read; the review cards follow from
# the answers when 我的进度 opens.
FILL = """([name, seed, every]) => {
  const C = window.HandbookCatalog, S = window.Handbook.store, now = Date.now(), day = 86400000;
  Object.keys(C.quizzes).forEach((id, k) => {
    if (k % every) return;
    const meta = C.quizzes[id], q = {};
    let right = 0;
    meta.questions.forEach(([qid, h], j) => {
      const ok = (j * 7 + k + seed) % 4 !== 0;
      right += ok;
      q[qid] = {h: h, ok: ok, t: now - ((j + k + seed) % 20 + 1) * day - j * 1000};
    });
    const pct = Math.round(100 * right / Math.max(1, meta.questions.length));
    S.set("quiz:" + id, {q: q, best: pct, score: pct, attempts: 1 + (k + seed) % 3, last: now - day});
  });
  Object.keys(C.checklists).forEach((id, k) => {
    const items = {};
    C.checklists[id].items.forEach((item, j) => { if ((j + k + seed) % 3) items[item] = true; });
    S.set("checklist:" + id, {items: items, t: now - day});
  });
  C.sections.forEach(s => s.pages.forEach((p, j) => S.set("page:" + p, (j + seed) % 2 ? {v: now - 2 * day, r: now - day} : {v: now - 2 * day})));
  S.set("learner", {name: name});
}"""

# Decode a PNG (base64) with the vendored jsQR, loaded into the page.
DECODE = """async (png) => {
  const img = new Image();
  img.src = "data:image/png;base64," + png;
  await img.decode();
  const c = document.createElement("canvas");
  c.width = img.naturalWidth; c.height = img.naturalHeight;
  const x = c.getContext("2d");
  x.drawImage(img, 0, 0);
  const found = window.jsQR(x.getImageData(0, 0, c.width, c.height).data, c.width, c.height);
  return found ? found.data : null;
}"""

# A camera that is a canvas, and a BarcodeDetector that "sees" the texts in
# window.__codes one per frame (the test puts them there in shuffled order).
FAKE_CAMERA = """(() => {
  const streams = window.__streams = [];
  navigator.mediaDevices.getUserMedia = async () => {
    const c = document.createElement("canvas");
    c.width = 64; c.height = 48;
    const x = c.getContext("2d");
    let n = 0;
    const paint = () => { x.fillStyle = n++ % 2 ? "#333" : "#666"; x.fillRect(0, 0, 64, 48); };
    paint();
    setInterval(paint, 50);
    const s = c.captureStream(20);
    streams.push(s);
    return s;
  };
  window.__codes = [];
  window.__detected = 0;
  window.BarcodeDetector = class {
    static async getSupportedFormats() { return ["qr_code"]; }
    async detect() {
      const t = window.__codes.shift();
      if (t) window.__detected++;
      return t ? [{rawValue: t}] : [];
    }
  };
})()"""

# A camera that films the codes: a canvas stream showing each PNG in turn
# (window.__frames), read by the vendored jsQR (no BarcodeDetector here).
FILMED_CAMERA = """(() => {
  delete window.BarcodeDetector;
  window.__frames = [];
  const streams = window.__streams = [];
  navigator.mediaDevices.getUserMedia = async () => {
    const c = document.createElement("canvas");
    c.width = 480; c.height = 480;
    const x = c.getContext("2d");
    const imgs = await Promise.all(window.__frames.map(src => { const i = new Image(); i.src = src; return i.decode().then(() => i); }));
    let n = 0;
    const paint = () => {
      x.fillStyle = "#fff"; x.fillRect(0, 0, 480, 480);
      if (imgs.length) x.drawImage(imgs[Math.floor(n++ / 8) % imgs.length], 30, 30);     // whole pixels, as filmed square on
    };
    paint();
    setInterval(paint, 100);
    const s = c.captureStream(10);
    streams.push(s);
    return s;
  };
})()"""

REFUSED_CAMERA = """navigator.mediaDevices.getUserMedia = async () => {
  throw new DOMException("Permission denied", "NotAllowedError"); }"""


def wait_status(page, pattern: str, timeout: float = 30000) -> str:
    """The 扫码导入 dialog's status line, once it matches ``pattern``."""
    page.wait_for_function("(p) => { const s = document.getElementById('hb-handoff-status'); "
                           "return !!s && new RegExp(p).test(s.textContent); }", arg=pattern, timeout=timeout)
    return page.locator("#hb-handoff-status").inner_text()


def dashboard(page, url: str):
    page.goto(url + "progress/index.html")
    page.wait_for_selector(".hb-record__section")
    page.wait_for_function("() => /今天/.test((document.querySelector('.hb-review-link') || {}).textContent || '')")
    return page


def fill_device(page, url: str, name: str, seed: int = 0, every: int = 1):
    """Fill this device's store: every quiz answered, or every n-th."""
    page.goto(url + "progress/index.html")
    page.wait_for_function("() => !!window.HandbookCatalog && !!window.Handbook")
    page.evaluate(FILL, [name, seed, every])
    return dashboard(page, url)


def open_codes(page) -> int:
    page.get_by_role("button", name="给培训师扫码").click()
    page.wait_for_selector("#hb-handoff-show .hb-handoff__svg")
    return int(page.locator(".hb-handoff__code").get_attribute("data-parts"))


def codes_shown(page, decode: bool = False) -> list[str]:
    """Every code of the open 给培训师扫码 dialog, stepping with 下一张;
    with decode, each read back from a screenshot by the vendored jsQR."""
    n = int(page.locator(".hb-handoff__code").get_attribute("data-parts"))
    if decode:
        page.add_script_tag(url=page.url.split("progress/")[0] + "assets/vendor/jsqr/jsQR.min.js")
    texts = []
    for i in range(n):
        if n > 1:
            assert page.locator(".hb-handoff__part").inner_text() == f"第 {i + 1}/{n} 张"
        code = page.locator(".hb-handoff__code").get_attribute("data-code")
        if decode:
            png = page.locator(".hb-handoff__svg").screenshot()
            text = page.evaluate(DECODE, base64.b64encode(png).decode())
            assert text == code, f"part {i + 1} did not scan back"
        texts.append(code)
        if n > 1:
            page.get_by_role("button", name="下一张").click()
    return texts


def export_json(page) -> dict:
    with page.expect_download() as download:
        page.get_by_role("button", name="导出学习记录（JSON）").click()
    return json.loads(Path(download.value.path()).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def handed(browser, site_url, tmp_path_factory) -> dict:
    """Two reps' devices: 赵六 (every quiz of the handbook done) and 孙七
    (every fourth): their codes (赵六's decoded from screenshots), text codes
    and JSON exports."""
    folder = tmp_path_factory.mktemp("handoff")
    out = {}
    for name, seed, every in (("赵六", 0, 1), ("孙七", 1, 4)):
        ctx = browser.new_context(viewport={"width": 768, "height": 1024}, locale="zh-CN")
        page = ctx.new_page()
        try:
            fill_device(page, site_url, name, seed, every)
            record = export_json(page)
            path = folder / f"{name}.json"
            path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
            n = open_codes(page)
            parts = codes_shown(page, decode=(name == "赵六"))
            text = page.locator("#hb-handoff-code").input_value()
            out[name] = {"parts": parts, "n": n, "text": text, "file": path, "record": record}
        finally:
            ctx.close()
    return out


def class_page(page, url: str):
    page.goto(url + "trainers/class.html")
    page.wait_for_selector("#hb-class-files", state="attached")
    page.wait_for_function("() => !!window.HandbookCatalog && !!window.HandbookRecord")
    return page


def class_table(page) -> str:
    page.wait_for_selector(".hb-class__table")
    return page.locator(".hb-class__table").inner_text()


def file_import(page, url: str, path: Path) -> str:
    class_page(page, url).set_input_files("#hb-class-files", str(path))
    return class_table(page)


def paste(page, text: str) -> str:
    """What the trainer reads once the page has dealt with the pasted text
    (a complete set is read after a moment: 正在读取记录…… until then)."""
    page.fill("#hb-handoff-paste", text)
    page.get_by_role("button", name="导入文字码").click()
    page.wait_for_function("() => !document.querySelector('#hb-handoff-status').textContent.includes('正在读取记录')")
    return page.locator("#hb-handoff-status").inner_text()


def open_paste(page):
    page.get_by_role("button", name="粘贴文字码").click()
    page.wait_for_selector("#hb-handoff-scan[open]")


# ---------------------------------------------------------------- round trip

def test_a_full_record_needs_several_codes_each_big_and_scannable(handed):
    zhao = handed["赵六"]
    # 2026-12: every quiz of the handbook done is about 10 codes (5.7 KB compressed: of the review
    # cards only the forgotten travel); every fourth quiz, fewer.
    assert 2 <= zhao["n"] <= 12 and 2 <= handed["孙七"]["n"] < zhao["n"], (zhao["n"], handed["孙七"]["n"])
    print(f"\nQR hand-off: a full record is {zhao['n']} codes, text code {len(zhao['text'])} characters; "
          f"every fourth quiz {handed['孙七']['n']} codes")
    for text in zhao["parts"]:
        assert re.fullmatch(r"HBREC1:[ZJ]:\d{1,2}/\d{1,2}:[0-9A-F]{8}:[0-9A-F]{4}:[0-9A-Z $%*+\-./:]+", text)
        assert len(text) <= 970                    # version 20, error correction M, alphanumeric
    ids = {p.split(":")[3] for p in zhao["parts"]}
    assert len(ids) == 1 and ids != {handed["孙七"]["parts"][0].split(":")[3]}
    assert [p.split(":")[2] for p in zhao["parts"]] == [f"{i}/{zhao['n']}" for i in range(1, zhao["n"] + 1)]


def test_codes_scanned_out_of_order_import_the_rep_as_the_file_does(browser, site_url, handed):
    zhao = handed["赵六"]
    ctx = browser.new_context(viewport={"width": 768, "height": 1024}, locale="zh-CN")
    try:
        page = ctx.new_page()
        page.add_init_script(FAKE_CAMERA)
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        class_page(page, site_url)
        shuffled = zhao["parts"][:]
        random.Random(19).shuffle(shuffled)
        shuffled.insert(1, shuffled[0])                                   # seen twice
        page.get_by_role("button", name="扫码导入").click()
        page.wait_for_selector("#hb-handoff-scan[open] video.hb-handoff__video:not([hidden])")
        assert page.locator("#hb-handoff-status").inner_text() == "摄像头已打开，请对准二维码。"
        page.evaluate("codes => { window.__codes.push(...codes); }", shuffled)
        assert wait_status(page, "已导入", 60000) == SCAN_DONE.format("赵六")
        assert page.evaluate("window.__detected") == len(shuffled)
        # Done: the camera is off.
        assert page.evaluate("window.__streams.every(s => s.getTracks().every(t => t.readyState === 'ended'))")
        scanned = class_table(page)
        assert page.locator(".hb-class__table thead th").all_inner_texts() == ["测验", "赵六", "通过人数"]
        page.keyboard.press("Escape")
        assert page.evaluate("document.activeElement.textContent") == "扫码导入"    # focus back on the button
        assert errors == []
    finally:
        ctx.close()
    ctx = browser.new_context(viewport={"width": 768, "height": 1024}, locale="zh-CN")
    try:
        assert file_import(ctx.new_page(), site_url, zhao["file"]) == scanned
    finally:
        ctx.close()
    # And the record is the export, field for field (exported_at apart).
    assert zhao["record"]["review"]["cards"], "the review state travels too"


def test_the_camera_path_reads_filmed_codes_with_the_vendored_decoder(browser, site_url, handed):
    """No BarcodeDetector (as in Chromium on Linux): jsQR is loaded only now
    and reads the codes from video frames."""
    ctx = browser.new_context(viewport={"width": 768, "height": 1024}, locale="zh-CN")
    try:
        page = ctx.new_page()
        page.add_init_script(FILMED_CAMERA)
        requested = []
        page.on("request", lambda r: requested.append(r.url))
        class_page(page, site_url)
        assert not any("jsQR" in u or "qrcodegen" in u or "handoff.js" in u for u in requested)
        # The frames: the other rep's codes, drawn here by the generator the site ships.
        page.evaluate("""async (parts) => {
          await new Promise((ok, bad) => { const s = document.createElement('script');
            s.src = window.Handbook.base + '../vendor/qrcodegen/qrcodegen.min.js'; s.onload = ok; s.onerror = bad; document.head.appendChild(s); });
          const g = window.qrcodegen;
          window.__frames = parts.map(p => {
            const qr = g.QrCode.encodeSegments([g.QrSegment.makeAlphanumeric(p)], g.QrCode.Ecc.MEDIUM, 1, 20, -1, false);
            const m = 4, scale = 4, c = document.createElement('canvas');
            c.width = c.height = (qr.size + 2 * m) * scale;
            const x = c.getContext('2d');
            x.fillStyle = '#fff'; x.fillRect(0, 0, c.width, c.height); x.fillStyle = '#000';
            for (let y = 0; y < qr.size; y++) for (let i = 0; i < qr.size; i++) if (qr.getModule(i, y)) x.fillRect((i + m) * scale, (y + m) * scale, scale, scale);
            return c.toDataURL();
          });
        }""", handed["孙七"]["parts"][::-1])
        page.get_by_role("button", name="扫码导入").click()
        assert wait_status(page, "已导入", 120000) == SCAN_DONE.format("孙七")
        assert any(u.endswith("assets/vendor/jsqr/jsQR.min.js") for u in requested)
        assert page.locator(".hb-class__table thead th").all_inner_texts() == ["测验", "孙七", "通过人数"]
        assert page.evaluate("window.__streams.every(s => s.getTracks().every(t => t.readyState === 'ended'))")
    finally:
        ctx.close()


def test_the_generator_loads_only_when_asked(page, site_url, handed):
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    fill_device(page, site_url, "赵六")
    assert not any("qrcodegen" in u or "handoff.js" in u or "jsQR" in u for u in requested)
    open_codes(page)
    assert any(u.endswith("assets/vendor/qrcodegen/qrcodegen.min.js") for u in requested)
    assert any(u.endswith("assets/javascripts/handoff.js") for u in requested)
    assert not any("jsQR" in u for u in requested)
    # Big, black on white with a quiet zone of 4 modules, crisp.
    box = page.locator(".hb-handoff__svg").bounding_box()
    assert box["width"] >= 300 and box["width"] == box["height"]
    view = page.locator(".hb-handoff__svg").get_attribute("viewBox").split()
    path = page.locator(".hb-handoff__svg path").get_attribute("d")
    assert min(int(x) for x in re.findall(r"M(\d+) ", path)) == 4 and int(view[2]) <= 97 + 8
    assert page.evaluate("getComputedStyle(document.querySelector('.hb-handoff__svg')).imageRendering") == "pixelated"
    # Closing returns focus to the button; the sequence stops.
    page.get_by_role("button", name="关闭").click()
    assert page.evaluate("document.activeElement.textContent") == "给培训师扫码"


def test_a_sequence_is_stepped_by_keyboard_and_announced(page, site_url):
    fill_device(page, site_url, "赵六")
    n = open_codes(page)
    assert n > 1
    assert page.evaluate("document.activeElement.textContent") == "下一张"
    page.keyboard.press("Enter")
    assert page.locator(".hb-handoff__part").inner_text() == f"第 2/{n} 张"
    assert page.locator(".hb-handoff__part").get_attribute("aria-live") == "polite"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    assert page.locator(".hb-handoff__part").inner_text() == f"第 {n}/{n} 张"     # wraps round
    label = page.locator(".hb-handoff__svg").get_attribute("aria-label")
    assert label == f"赵六 的学习记录二维码，第 {n}/{n} 张"
    page.get_by_role("button", name="自动翻页").click()
    page.wait_for_function(f"() => document.querySelector('.hb-handoff__part').textContent === '第 1/{n} 张'", timeout=5000)
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.textContent") == "给培训师扫码"


# ---------------------------------------------------------------- what a trainer sees

def test_missing_duplicate_damaged_foreign_and_mixed_parts(page, site_url, handed, tmp_path):
    zhao, sun = handed["赵六"]["parts"], handed["孙七"]["parts"]
    n, m = len(zhao), len(sun)
    class_page(page, site_url)
    open_paste(page)
    assert paste(page, zhao[-1]) == f"已收到 1/{n}：缺第 {'、'.join(str(i) for i in range(1, n))} 张"
    assert paste(page, zhao[-1]).startswith(f"第 {n}/{n} 张已经收到过。已收到 1/{n}")
    # A flipped character: the part's checksum fails, it is not taken.
    *head, data = zhao[0].split(":", 5)
    flipped = ":".join(head) + ":" + data[:5] + ("1" if data[5] != "1" else "2") + data[6:]
    damaged = "这张码不完整或被改动过（校验不符），没有收下。请重新扫描这一张，或让学员重新复制文字码。"
    assert paste(page, flipped) == damaged
    assert page.locator("#hb-handoff-status").evaluate("e => e.classList.contains('hb-bad-text')")
    foreign = "这不是本手册的学习记录码。请让学员在“我的进度”点“给培训师扫码”。"
    assert paste(page, "https://example.com") == foreign
    assert paste(page, "HBREC9:Z:1/1:00000000:0000:ABC") == "这张码来自较新版本的手册，本页无法读取。请先更新手册（刷新或重新安装）再导入。"
    # Another rep's part: kept apart.
    assert paste(page, sun[0]) == f"已收到 1/{m}：缺第 {'、'.join(str(i) for i in range(2, m + 1))} 张（另一份记录，分开收集）"
    # A forged part with a good part checksum but someone else's data: the whole checksum fails.
    p = zhao[0].split(":", 5)
    chunk = sun[0].split(":", 5)[5][:len(p[5])]
    fhead = ":".join(p[:4]) + ":"
    forged = fhead + f"{zlib.crc32((fhead + chunk).encode()) & 0xFFFF:04X}:" + chunk
    assert paste(page, "\n".join(zhao[1:-1] + [forged])) == "各张码拼起来校验不符，记录可能被改动过。请重新扫描全部几张。"
    assert page.locator(".hb-class__table").count() == 0
    # The good parts, several pasted at once with words around them.
    assert paste(page, "赵六的码：\n" + "\n\n".join(zhao) + "\n谢谢") == SCAN_DONE.format("赵六")
    assert page.locator(".hb-class__table thead th").all_inner_texts() == ["测验", "赵六", "通过人数"]
    assert page.js_errors == []


def test_a_record_the_checks_refuse_gets_the_file_import_message(page, site_url, handed, tmp_path):
    bad = json.loads(json.dumps(handed["赵六"]["record"]))
    bad["summary"]["pages_read"] = 99
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    class_page(page, site_url).set_input_files("#hb-class-files", str(path))
    page.wait_for_selector(".hb-class__errors li")
    by_file = page.locator(".hb-class__errors li").inner_text()
    assert by_file.startswith("bad.json：学习记录不完整或被改动过：")
    open_paste(page)
    text = page.evaluate("json => window.HandbookHandoff.encode(json).then(c => c.text)", json.dumps(bad, ensure_ascii=False))
    status = paste(page, text)
    assert status == by_file.split("：", 1)[1]
    assert page.locator(".hb-class__errors li").inner_text() == "扫码导入：" + by_file.split("：", 1)[1]


def test_the_text_code_is_copied_and_pasted(browser, site_url, handed):
    ctx = browser.new_context(viewport={"width": 768, "height": 1024}, locale="zh-CN")
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    try:
        page = ctx.new_page()
        fill_device(page, site_url, "孙七", 1, 4)
        open_codes(page)
        page.get_by_role("button", name="复制").click()
        page.wait_for_function("() => /已复制/.test(document.querySelector('#hb-handoff-show .hb-handoff__status').textContent)")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == page.locator("#hb-handoff-code").input_value()
        assert copied.startswith("HBREC1:") and " " not in copied and ":1/1:" in copied
        class_page(page, site_url)
        open_paste(page)
        assert paste(page, copied) == SCAN_DONE.format("孙七")
        assert page.locator(".hb-class__table thead th").all_inner_texts() == ["测验", "孙七", "通过人数"]
        assert class_table(page) == file_import(ctx.new_page(), site_url, handed["孙七"]["file"])
    finally:
        ctx.close()


def test_without_compression_streams_the_code_is_plain_and_still_imports(browser, site_url):
    ctx = browser.new_context(viewport={"width": 768, "height": 1024}, locale="zh-CN")
    ctx.add_init_script("delete window.CompressionStream;")
    try:
        page = ctx.new_page()
        fill_device(page, site_url, "周八", 2, 8)
        open_codes(page)
        text = page.locator("#hb-handoff-code").input_value()
        assert text.startswith("HBREC1:J:1/1:")
        class_page(page, site_url)
        open_paste(page)
        assert paste(page, text) == SCAN_DONE.format("周八")
    finally:
        ctx.close()


def test_camera_refused_is_explained(browser, site_url):
    ctx = browser.new_context(viewport={"width": 768, "height": 1024}, locale="zh-CN")
    try:
        page = ctx.new_page()
        page.add_init_script(REFUSED_CAMERA)
        class_page(page, site_url)
        page.get_by_role("button", name="扫码导入").click()
        assert wait_status(page, "许可") == (
            "没有得到使用摄像头的许可。请在浏览器的网站设置中允许本网站使用摄像头，或改用文件或文字码。")
    finally:
        ctx.close()


def test_from_disk_the_camera_is_explained_and_the_text_route_works(browser, site_dir, handed):
    ctx = browser.new_context(viewport={"width": 768, "height": 1024}, locale="zh-CN")
    try:
        page = ctx.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto((site_dir / "trainers" / "class.html").as_uri())
        page.wait_for_selector("#hb-class-files", state="attached")
        page.get_by_role("button", name="扫码导入").click()
        page.wait_for_selector("#hb-handoff-scan[open]")
        off = page.locator(".hb-handoff__off")
        assert off.is_visible()
        assert off.inner_text().startswith("摄像头只能在已安装的手册应用或发布的网站（https）中使用")
        assert not page.locator(".hb-handoff__start").is_visible()
        assert page.evaluate("document.activeElement.id") == "hb-handoff-paste"
        assert paste(page, handed["赵六"]["text"]) == SCAN_DONE.format("赵六")
        assert page.locator(".hb-class__table thead th").all_inner_texts() == ["测验", "赵六", "通过人数"]
        # The rep's side works from disk too.
        page.goto((site_dir / "progress" / "index.html").as_uri())
        page.wait_for_selector(".hb-record__section")
        page.fill("#hb-learner-name", "赵六")
        page.get_by_role("button", name="给培训师扫码").click()
        page.wait_for_selector("#hb-handoff-show .hb-handoff__svg")
        assert page.locator("#hb-handoff-code").input_value().startswith("HBREC1:")
        assert errors == []
    finally:
        ctx.close()


# ---------------------------------------------------------------- vendored files

@pytest.mark.parametrize("folder, name, banner", [
    ("qrcodegen", "qrcodegen.min.js", "/*! QR Code generator library {v} (npm nayuki-qr-code-generator) | MIT License"),
    ("jsqr", "jsQR.min.js", "/*! jsQR {v} | Apache License 2.0"),
])
def test_vendored_qr_files_match_their_readme(site_dir, folder, name, banner):
    readme = (VENDOR / folder / "README.txt").read_text(encoding="utf-8")
    recorded = re.search(rf"^{re.escape(name)} SHA-256: ([0-9a-f]{{64}})$", readme, re.M).group(1)
    code = (VENDOR / folder / name).read_bytes()
    assert hashlib.sha256(code).hexdigest() == recorded
    version = re.match(r"\S.*? (\d+\.\d+\.\d+) \(", readme).group(1)
    assert code.startswith(banner.format(v=version).encode())
    assert (VENDOR / folder / "LICENSE").is_file()
    assert (site_dir / "assets" / "vendor" / folder / name).read_bytes() == code      # shipped as is
    precached = (site_dir / "sw.js").read_text(encoding="utf-8")
    assert f'"assets/vendor/{folder}/{name}"' in precached and '"assets/javascripts/handoff.js"' in precached


# ---------------------------------------------------------------- accessibility

@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_both_pages_with_the_dialog_open_have_no_axe_violations(browser, site_url, scheme):
    from test_access import assert_visible_ring
    from test_engine_browser import axe_violations

    ctx = browser.new_context(viewport={"width": 768, "height": 1024}, color_scheme=scheme, locale="zh-CN")
    problems = {}
    try:
        page = ctx.new_page()
        page.add_init_script(FAKE_CAMERA)
        fill_device(page, site_url, "赵六")
        open_codes(page)
        problems["progress"] = axe_violations(page)
        page.keyboard.press("Tab")                                  # 下一张 → 自动翻页, by keyboard
        assert page.evaluate("document.activeElement.textContent") == "自动翻页"
        assert_visible_ring(page, f"自动翻页 ({scheme})")
        sizes = page.evaluate("""() => Array.from(document.querySelectorAll('#hb-handoff-show button'))
            .map(b => b.getBoundingClientRect().height)""")
        assert sizes and min(sizes) >= 44
        page.keyboard.press("Escape")
        class_page(page, site_url)
        page.get_by_role("button", name="扫码导入").click()
        page.wait_for_selector("#hb-handoff-scan[open] video:not([hidden])")
        problems["class"] = axe_violations(page)
        page.keyboard.press("Tab")
        assert_visible_ring(page, f"扫码导入 dialog ({scheme})")
        sizes = page.evaluate("""() => Array.from(document.querySelectorAll('#hb-handoff-scan button, .hb-class__handoff button'))
            .filter(b => !b.hidden).map(b => b.getBoundingClientRect().height)""")
        assert sizes and min(sizes) >= 44
        page.keyboard.press("Escape")
        assert page.evaluate("window.__streams.every(s => s.getTracks().every(t => t.readyState === 'ended'))")
    finally:
        ctx.close()
    assert {k: v for k, v in problems.items() if v} == {}


SPACES = """async () => {
    const H = window.HandbookHandoff, out = {codes: 0, naiveHits: 0, clean: true, trimmedOk: true, endsInSpace: 0};
    for (let seed = 1; seed <= 40; seed++) {
        let json = "", x = seed;
        for (let i = 0; i < 2500; i++) { x = (x * 48271) % 2147483647; json += String.fromCharCode(33 + x % 90); }
        const code = await H.encode(json), n = code.parts.length, size = Math.ceil(code.data.length / n);
        const datas = code.parts.map(p => p.split(":").slice(5).join(":"));
        out.codes += n;
        for (let i = 1; i < n; i++) if (code.data[i * size - 1] === " " || code.data[i * size] === " ") out.naiveHits++;
        if (!datas.every((d, i) => i === n - 1 || (d.slice(-1) !== " " && datas[i + 1][0] !== " "))) out.clean = false;
        if (datas.join("") !== code.data) out.clean = false;
        if (!code.parts.every(p => !!H.parse("  " + p + " \\n").part)) out.trimmedOk = false;
        if (code.data.slice(-1) === " ") out.endsInSpace++;
    }
    return out;
}"""


def test_parts_survive_scanners_and_apps_that_trim_spaces(page, site_url):
    """base45 has a space: no part is cut next to one (an even cut would be,
    now and then), so a part whose ends were trimmed still passes its check."""
    class_page(page, site_url)
    page.get_by_role("button", name="粘贴文字码").click()
    page.wait_for_function("() => !!window.HandbookHandoff")
    got = page.evaluate(SPACES)
    assert got["codes"] >= 80 and got["naiveHits"] >= 1, got          # the case arises
    assert (got["clean"], got["trimmedOk"], got["endsInSpace"]) == (True, True, 0), got
