"""The learner record in real Chromium, on the real handbook: 我的进度 after
quizzes on several pages, navigation marks, 继续学习, 错题本 filling and
clearing, the exported file against its checked-in schema, the printable
report, reset, the trainer's 班级成绩 with three reps' files and CSV, and
bad files and bad local data."""

from __future__ import annotations

import csv
import io
import json
import time
from pathlib import Path

import jsonschema
import pytest

from answering import answer, answer_quiz, question_ids
from conftest import ROOT
from macros.record.format import RECORD_SCHEMA_PATH, record_schema_text

SCHEMA = json.loads((ROOT / RECORD_SCHEMA_PATH).read_text(encoding="utf-8"))
OBJECTIONS = "pre-job/objections.html"


def validate(record: dict) -> None:
    jsonschema.validate(record, SCHEMA, format_checker=jsonschema.FormatChecker())


def stored(page, key: str):
    raw = page.evaluate(f"localStorage.getItem(window.Handbook.prefix + '{key}')")   # "handbook:v1:/:" here
    return json.loads(raw) if raw else None


def open_quiz_page(page, url: str, rel: str, quiz: str):
    page.goto(url + rel)
    page.wait_for_selector(f'[data-quiz="{quiz}"][data-state]')    # the runtime has set it up


def dashboard(page, url: str):
    page.goto(url + "progress/index.html")
    page.wait_for_selector(".hb-record__section")
    return page


def row(page, key: str):
    return page.locator(f'.hb-record__table tr[data-page="{key}"]')


def export(page, url: str, name: str | None = "张三") -> dict:
    dashboard(page, url)
    if name is not None:
        page.fill("#hb-learner-name", name)
    with page.expect_download() as download:
        page.get_by_role("button", name="导出学习记录（JSON）").click()
    path = download.value.path()
    assert download.value.suggested_filename.startswith(f"学习记录-{name}-")
    return json.loads(Path(path).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def answered(browser, site_url) -> dict:
    """Done once, for real: objections answered with its first two questions
    wrong (14/16 = 88%, passed), closing all right, five-s opened and scrolled
    but not read to the end. Returns the device's storage afterwards."""
    ctx = browser.new_context(viewport={"width": 768, "height": 1024})
    page = ctx.new_page()
    try:
        open_quiz_page(page, site_url, OBJECTIONS, "objections")
        wrong = question_ids(page, "objections")[:2]
        answer_quiz(page, "objections", wrong=wrong)
        open_quiz_page(page, site_url, "pre-job/closing.html", "closing")
        answer_quiz(page, "closing")
        open_quiz_page(page, site_url, "pre-job/five-s.html", "five-s")
        page.evaluate("window.scrollTo(0, 1500)")
        page.wait_for_function(                              # position saved once scrolling settles
            "() => (JSON.parse(localStorage.getItem(window.Handbook.prefix + 'last') || '{}').a || '') !== ''")
        storage = page.evaluate("Object.fromEntries(Object.entries(localStorage))")
    finally:
        ctx.close()
    return {"storage": storage, "wrong": wrong}


@pytest.fixture
def two_quizzes(page, site_url, answered):
    """A fresh page on a device holding ``answered``'s record."""
    page.goto(site_url + "404.html")
    page.evaluate("s => Object.entries(s).forEach(([k, v]) => localStorage.setItem(k, v))", answered["storage"])
    page.wrong = answered["wrong"]
    return page


# ---------------------------------------------------------------- 我的进度

def test_dashboard_shows_progress_from_several_pages(two_quizzes, site_url):
    page = dashboard(two_quizzes, site_url)
    assert row(page, "pre-job/objections").locator('[data-quiz="objections"]').inner_text() == "88% ✓ 通过"
    assert row(page, "pre-job/closing").locator('[data-quiz="closing"]').inner_text() == "100% ✓ 通过"
    assert row(page, "pre-job/five-s").locator('[data-quiz="five-s"]').inner_text() == "未做"
    # Answering the quiz at the end of the page means the rep got to the end.
    assert row(page, "pre-job/objections").locator('[data-cell="read"]').inner_text().startswith("已读完")
    assert row(page, "pre-job/five-s").locator('[data-cell="read"]').inner_text() == "已打开，未读完"
    assert row(page, "interview").locator('[data-cell="read"]').inner_text() == "未读"
    # Stage pages hold two quizzes: both named.
    assert row(page, "pre-job").locator('[data-quiz="stage-pre-job"]').inner_text() == "岗前培训结业测试 · 未做"
    meters = page.locator(".hb-meter").all_inner_texts()
    assert any(m.startswith("通过的测验") and m.endswith("2 / 31") for m in meters), meters
    assert page.get_by_role("link", name="错题本（2 题）").is_visible()
    assert page.js_errors == []


def test_continue_learning_returns_to_the_page_and_section(two_quizzes, site_url):
    page = dashboard(two_quizzes, site_url)
    resume = page.locator(".hb-resume")
    assert resume.inner_text() == "继续学习《销售中的 5S 原则》"
    href = resume.get_attribute("href")
    assert href.startswith(site_url + "pre-job/five-s.html#"), href
    # The home page offers the same.
    page.goto(site_url)
    link = page.locator("[data-continue] a")
    assert link.inner_text() == "继续学习《销售中的 5S 原则》"
    link.click()
    page.wait_for_url("**/pre-job/five-s.html#*")
    anchor = page.url.split("#", 1)[1]
    page.locator(f'h2[id="{anchor}"], h3[id="{anchor}"]').wait_for(state="attached")    # a heading of five-s


def test_navigation_marks_passed_modules_only(two_quizzes, site_url):
    page = two_quizzes
    page.set_viewport_size({"width": 1280, "height": 900})   # the sidebar shows from 1220 px
    page.goto(site_url + "glossary.html")
    marked = page.locator("a.md-nav__link:has(.hb-navmark)")
    hrefs = sorted(h.split("/")[-1] for h in marked.evaluate_all("els => els.map(e => e.href)"))
    assert hrefs == ["closing.html", "objections.html"]
    assert marked.first.locator(".hb-sr").inner_text() == "（测验已通过）"
    # On a passed page, its table of contents carries no marks.
    page.goto(site_url + "pre-job/closing.html")
    assert page.locator(".md-nav--secondary .hb-navmark").count() == 0
    # ...and its own entry, drawn as a label on tablets and phones, has the mark.
    assert page.locator("label.md-nav__link--active .hb-navmark").count() == 1
    assert page.locator('.md-nav--primary a.md-nav__link[href$="objections.html"] .hb-navmark').count() == 1
    # Pages stay light: the record code loads only on the record pages.
    loaded = [u for u in page.requests.urls if "catalog.js" in u or "record.js" in u or "/assets/quizzes/" in u]
    assert loaded == []


def test_a_pass_marks_the_navigation_at_once(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    open_quiz_page(page, site_url, "visits/time.html", "time")
    link = page.locator('a.md-nav__link[href$="time.html"]').first
    assert link.locator(".hb-navmark").count() == 0
    answer_quiz(page, "time")
    link.locator(".hb-navmark").wait_for()


# ---------------------------------------------------------------- 错题本

def test_mistakes_fill_show_explanations_and_clear(two_quizzes, site_url):
    page = two_quizzes
    first, second = page.wrong
    page.goto(site_url + "progress/mistakes.html")
    page.wait_for_selector("[data-review] [data-question]")
    assert page.locator(".hb-record__status").inner_text() == "错题本中有 2 道题。"
    shown = page.locator("[data-review] [data-question]").evaluate_all("els => els.map(e => e.dataset.question)")
    assert shown == [first, second]
    q = page.locator(f'[data-review] [data-question="{first}"]')
    assert "✗ 你的选择（错误）" in q.inner_text()                # the rep's own answer
    assert "解析" in q.locator(".hb-explain").inner_text()
    # The section link leads to the module page, not to this one.
    href = q.get_by_role("link", name="回到讲解这部分内容的章节").get_attribute("href")
    assert href.startswith(site_url + OBJECTIONS + "#"), href
    page.goto(href)
    assert page.locator(f'[id="{href.split("#")[1]}"]').count() == 1

    # Retry in place: right → leaves the book.
    page.goto(site_url + "progress/mistakes.html")
    q = page.locator(f'[data-review] [data-question="{first}"]')
    q.get_by_role("button", name="重做这题").click()
    answer(page, "objections", first, right=True)
    assert "答对了！刷新页面后，这道题会移出错题本。" in q.inner_text()
    assert page.locator(".hb-record__status").inner_text() == "错题本中还有 1 道题，本次已答对 1 道（刷新页面后移出）。"
    # A retry never changes the quiz's own score.
    assert stored(page, "quiz:objections")["best"] == 88
    page.reload()
    page.wait_for_selector("[data-review] [data-question]")
    assert page.locator("[data-review] [data-question]").count() == 1

    # Answered right back on its page: the book is empty.
    open_quiz_page(page, site_url, OBJECTIONS, "objections")
    page.get_by_role("button", name="只重做错题").click()
    answer(page, "objections", second, right=True)
    page.goto(site_url + "progress/mistakes.html")
    page.wait_for_selector(".hb-record__status")
    assert page.locator(".hb-record__status").inner_text() == "错题本是空的。做完各模块的自测题后，答错的题会出现在这里。"
    assert page.js_errors == []


def test_wrong_answers_in_a_stage_test_reach_the_mistakes(page, site_url):
    open_quiz_page(page, site_url, "pre-job/index.html", "pre-job")
    ids = question_ids(page, "stage-pre-job")
    for qid in ids:
        answer(page, "stage-pre-job", qid, right=qid != ids[0], submit=False)
    page.get_by_role("button", name="交卷").click()
    page.goto(site_url + "progress/mistakes.html")
    page.wait_for_selector("[data-review] [data-question]")
    assert page.locator("[data-review] [data-question]").evaluate_all("els => els.map(e => e.dataset.question)") == [ids[0]]


def test_mistakes_work_from_disk(browser, site_dir):
    ctx = browser.new_context(viewport={"width": 768, "height": 1024})
    page = ctx.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        root = site_dir.as_uri() + "/"
        page.goto(root + OBJECTIONS)
        page.wait_for_selector('[data-quiz="objections"] .hb-check')
        qid = question_ids(page, "objections")[0]
        answer(page, "objections", qid, right=False)
        page.goto(root + "progress/mistakes.html")
        q = page.locator(f'[data-review] [data-question="{qid}"]')
        q.get_by_role("button", name="重做这题").click()
        answer(page, "objections", qid, right=True)
        assert "答对了" in q.inner_text()
        assert errors == []
    finally:
        ctx.close()


# ---------------------------------------------------------------- export, print, reset

def test_export_validates_against_the_checked_in_schema(two_quizzes, site_url):
    page = two_quizzes
    record = export(page, site_url, "张三")
    validate(record)
    assert record["learner"] == {"name": "张三"}
    catalog = page.evaluate("window.HandbookCatalog")
    assert record["handbook"]["build"] == catalog["build"]
    objections = next(q for q in record["quizzes"] if q["id"] == "objections")
    assert (objections["best"], objections["passed"], objections["attempts"]) == (88, True, 1)
    assert len(objections["answers"]) == 16
    assert sorted(a["question"] for a in objections["answers"] if not a["correct"]) == sorted(page.wrong)
    assert sorted(record["mistakes"]) == sorted(page.wrong)
    assert record["summary"]["quizzes_passed"] == 2
    # The name is kept on the device for next time.
    page.reload()
    page.wait_for_selector("#hb-learner-name")
    assert page.input_value("#hb-learner-name") == "张三"


def test_export_asks_for_a_name_first(page, site_url):
    dashboard(page, site_url)
    page.get_by_role("button", name="导出学习记录（JSON）").click()
    assert page.locator("#hb-learner-name-hint").inner_text() == "请先填写姓名，培训师才能分辨这是谁的记录。"
    assert page.evaluate("document.activeElement.id") == "hb-learner-name"
    assert page.get_attribute("#hb-learner-name", "aria-invalid") == "true"


def test_record_schema_is_current():
    assert (ROOT / RECORD_SCHEMA_PATH).read_text(encoding="utf-8") == record_schema_text(), \
        "run: python -m macros export-schema"


def test_printed_report_is_the_record_only_on_a4(two_quizzes, site_url):
    page = dashboard(two_quizzes, site_url)
    page.fill("#hb-learner-name", "张三")
    page.evaluate("window.print = () => {}")
    page.get_by_role("button", name="打印报告").click()
    page.emulate_media(media="print")
    head = page.locator(".hb-report-head")
    assert head.is_visible()
    assert "学员：张三" in head.inner_text()
    assert not page.locator(".hb-record__actions").is_visible()
    assert not page.locator("#hb-learner-name").is_visible()
    assert not page.get_by_role("heading", name="交给培训师").is_visible()
    assert row(page, "pre-job/objections").is_visible()
    assert page.pdf(format="A4").startswith(b"%PDF")
    # Printing from the browser's own menu gives the same report.
    page.emulate_media(media="screen")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.get_by_role("heading", name="交给培训师").is_visible()
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    assert not page.get_by_role("heading", name="交给培训师").is_visible()
    assert page.locator(".hb-report-head").is_visible()


def test_reset_asks_first_and_then_clears_everything(two_quizzes, site_url):
    page = dashboard(two_quizzes, site_url)
    page.once("dialog", lambda d: d.dismiss())
    page.get_by_role("button", name="清除我的学习数据").click()
    assert stored(page, "quiz:objections")["best"] == 88
    messages = []
    page.once("dialog", lambda d: (messages.append(d.message), d.accept()))
    page.get_by_role("button", name="清除我的学习数据").click()
    assert "无法恢复" in messages[0] and "导出" in messages[0]
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('handbook:'))") == []
    status = page.locator(".hb-record__actions .hb-record__status")
    assert status.inner_text() == "已清除这台设备上的全部学习记录。"
    assert page.evaluate("document.activeElement.className") == "hb-record__status"   # focus not lost
    assert row(page, "pre-job/objections").locator('[data-quiz="objections"]').inner_text() == "未做"


def test_bad_local_data_never_breaks_a_page(page, site_url):
    page.goto(site_url)
    page.evaluate("""() => {
        const set = (k, v) => localStorage.setItem(k, v);
        set('handbook:v1:quiz:objections', '{broken');
        set('handbook:v1:quiz:closing', JSON.stringify({best: 'abc', attempts: -3, q: {x: {h: 1, ok: 'yes', t: 'soon'}}}));
        set('handbook:v1:page:pre-job/closing', '[1, 2]');
        set('handbook:v1:last', JSON.stringify({u: 5}));
        set('handbook:v1:review', JSON.stringify({q: 'nonsense'}));
        set('handbook:v1:checklist:v2-daily', JSON.stringify({items: ['a']}));
        set('handbook:v0:quiz:objections', 'from an older handbook');
        set('handbook:v2:quiz:objections', JSON.stringify({future: true}));
    }""")
    dashboard(page, site_url)
    notice = page.locator(".hb-notice").inner_text()
    assert "有 2 条学习记录无法读取" in notice and "没有删除" in notice
    assert row(page, "pre-job/closing").locator('[data-quiz="closing"]').inner_text() == "未做"
    assert page.locator(".hb-resume").inner_text() == "从第一阶段开始学习"
    record = export(page, site_url, "李四")
    validate(record)
    for rel in ("", "progress/mistakes.html", OBJECTIONS, "pre-job/closing.html"):
        page.goto(site_url + rel)
        page.wait_for_load_state("networkidle")
    # The quiz still works on top of the corrupted value, and older/newer keys are untouched.
    open_quiz_page(page, site_url, OBJECTIONS, "objections")
    answer(page, "objections", question_ids(page, "objections")[0], right=True)
    assert "回答正确" in page.locator('[data-quiz="objections"] .hb-feedback').first.inner_text()
    assert page.evaluate("localStorage.getItem('handbook:v0:quiz:objections')") == "from an older handbook"
    assert page.js_errors == []


# ---------------------------------------------------------------- 班级成绩

@pytest.fixture(scope="module")
def three_reps(browser, site_url, tmp_path_factory) -> list[Path]:
    """Three reps' real exports: objections answered with 0, 2 and 5 wrong."""
    folder = tmp_path_factory.mktemp("reps")
    files = []
    for name, wrong_count in (("张三", 0), ("李四", 2), ("王五", 5)):
        ctx = browser.new_context(viewport={"width": 768, "height": 1024})
        page = ctx.new_page()
        try:
            open_quiz_page(page, site_url, OBJECTIONS, "objections")
            answer_quiz(page, "objections", wrong=question_ids(page, "objections")[:wrong_count])
            record = export(page, site_url, name)
        finally:
            ctx.close()
        path = folder / f"{name}.json"
        path.write_text(json.dumps(record, ensure_ascii=False, indent=2), encoding="utf-8")
        files.append(path)
    return files


def class_page(page, url: str):
    page.goto(url + "trainers/class.html")
    page.wait_for_selector("#hb-class-files", state="attached")
    return page


def test_class_view_shows_three_reps(page, site_url, three_reps):
    class_page(page, site_url).set_input_files("#hb-class-files", [str(p) for p in three_reps])
    page.wait_for_selector(".hb-class__table")
    assert page.locator(".hb-class__messages").inner_text().strip() == "已打开 3 名学员的记录。"
    heads = page.locator(".hb-class__table thead th").all_inner_texts()
    assert heads == ["测验", "李四", "王五", "张三", "通过人数"]        # sorted by pinyin
    cells = page.locator('.hb-class__table tr[data-quiz="objections"] td').all_inner_texts()
    assert cells == ["88% ✓", "69% ✗", "100% ✓", "2 / 3"]
    closing = page.locator('.hb-class__table tr[data-quiz="closing"] td').all_inner_texts()
    assert closing == ["未做", "未做", "未做", "0 / 3"]
    # Most missed: the first two questions were wrong for 李四 and 王五.
    first = page.locator(".hb-class__missed li").first
    assert first.locator(".hb-class__count").inner_text().strip() == "答错 2 人 / 作答 3 人"
    assert page.locator(".hb-class__missed li").count() == 5
    assert first.get_by_role("link").get_attribute("href").startswith(site_url + OBJECTIONS + "#")
    assert page.js_errors == []


def test_class_csv_has_a_bom_and_round_trips_chinese(page, site_url, three_reps):
    class_page(page, site_url).set_input_files("#hb-class-files", [str(p) for p in three_reps])
    with page.expect_download() as download:
        page.get_by_role("button", name="导出表格（CSV，可用 Excel 打开）").click()
    data = Path(download.value.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    header, body = rows[0], {r[0]: dict(zip(rows[0], r)) for r in rows[1:]}
    assert header[:3] == ["学员", "导出时间", "手册版本"]
    assert set(body) == {"张三", "李四", "王五"}
    assert body["王五"]["自测：异议的处理（%）"] == "69"
    assert body["王五"]["自测：异议的处理：是否通过"] == "未通过"
    assert body["张三"]["自测：异议的处理：是否通过"] == "通过"
    assert body["李四"]["自测：成交：达成最后的交易：是否通过"] == "未做"


def test_class_view_accepts_dropped_files(page, site_url, three_reps):
    class_page(page, site_url)
    texts = [p.read_text(encoding="utf-8") for p in three_reps[:2]]
    page.evaluate("""(texts) => {
        const dt = new DataTransfer();
        texts.forEach((t, i) => dt.items.add(new File([t], 'rep' + i + '.json', {type: 'application/json'})));
        document.querySelector('.hb-drop').dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));
    }""", texts)
    page.wait_for_selector(".hb-class__table")
    assert page.locator(".hb-class__table thead th").all_inner_texts() == ["测验", "李四", "张三", "通过人数"]


BAD_FILES = {
    "corrupted.json": ('{"format": "handbook-learner-record", "version": 1, "learn',
                       "不是有效的 JSON 文件，可能已损坏或没有下载完整。"),
    "foreign.json": (json.dumps({"quizzes": [{"id": "objections"}]}),
                     "不是本手册导出的学习记录。请让学员在“我的进度”页点“导出学习记录”。"),
    "future.json": (None, "由较新版本的手册导出（格式版本 2），本页只能读取版本 1。请先更新手册（刷新或重新安装）再打开。"),
    "tampered.json": (None, "学习记录不完整或被改动过：第 1 个测验的最好成绩(%)不是 0–100 的整数。"),
    "nameless.json": (None, "学习记录不完整或被改动过：学员的姓名不能为空。"),
}


def test_bad_files_get_a_clear_message_and_the_good_ones_still_load(page, site_url, three_reps, tmp_path):
    good = json.loads(three_reps[0].read_text(encoding="utf-8"))
    variants = {
        "future.json": {**good, "version": 2},
        "tampered.json": {**good, "quizzes": [{**good["quizzes"][0], "best": 150}, *good["quizzes"][1:]]},
        "nameless.json": {**good, "learner": {"name": ""}},
    }
    paths = []
    for name, (text, _message) in BAD_FILES.items():
        data = text if text is not None else json.dumps(variants[name], ensure_ascii=False)
        (tmp_path / name).write_text(data, encoding="utf-8")
        paths.append(tmp_path / name)
        # The page and the schema agree: every bad file fails the schema too.
        with pytest.raises((jsonschema.ValidationError, json.JSONDecodeError)):
            validate(json.loads(data))
    class_page(page, site_url).set_input_files("#hb-class-files", [str(p) for p in paths] + [str(three_reps[1])])
    page.wait_for_selector(".hb-class__table")
    errors = page.locator(".hb-class__errors li").all_inner_texts()
    assert errors == [f"{name}：{message}" for name, (_t, message) in BAD_FILES.items()]
    assert page.locator(".hb-class__table thead th").all_inner_texts() == ["测验", "李四", "通过人数"]
    assert page.js_errors == []


def test_the_same_rep_twice_keeps_the_newer_file(page, site_url, three_reps, tmp_path):
    older = json.loads(three_reps[0].read_text(encoding="utf-8"))
    older["exported_at"] = "2026-01-01T08:00:00Z"
    older["quizzes"][0]["best"] = 10
    (tmp_path / "old.json").write_text(json.dumps(older, ensure_ascii=False), encoding="utf-8")
    class_page(page, site_url).set_input_files("#hb-class-files", [str(three_reps[0]), str(tmp_path / "old.json")])
    page.wait_for_selector(".hb-class__table")
    assert "张三 的记录打开了不止一份，只保留了导出时间最新的一份。" in page.locator(".hb-class__errors").inner_text()
    assert page.locator('.hb-class__table tr[data-quiz="objections"] td').first.inner_text() == "100% ✓"


# ---------------------------------------------------------------- accessibility

@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_record_pages_have_no_axe_violations(browser, site_url, three_reps, scheme):
    from test_engine_browser import axe_violations

    ctx = browser.new_context(viewport={"width": 768, "height": 1024}, color_scheme=scheme)
    page = ctx.new_page()
    problems = {}
    try:
        open_quiz_page(page, site_url, OBJECTIONS, "objections")
        answer_quiz(page, "objections", wrong=question_ids(page, "objections")[:3])
        for rel, ready in (("progress/index.html", ".hb-record__section"),
                           ("progress/mistakes.html", "[data-review] [data-question]")):
            page.goto(site_url + rel)
            page.wait_for_selector(ready)
            problems[rel] = axe_violations(page)
        class_page(page, site_url).set_input_files("#hb-class-files", [str(p) for p in three_reps])
        page.wait_for_selector(".hb-class__table")
        problems["class"] = axe_violations(page)
    finally:
        ctx.close()
    assert {k: v for k, v in problems.items() if v} == {}


def test_record_controls_are_tablet_sized_and_keyboard_reachable(page, site_url, three_reps):
    dashboard(page, site_url)
    sizes = page.evaluate("""() => Array.from(document.querySelectorAll(
        '.hb-record button, .hb-record a.md-button, #hb-learner-name')).map(e => e.getBoundingClientRect().height)""")
    assert sizes and min(sizes) >= 44
    # The file picker is a real input, reached with Tab, its label looks like a button.
    class_page(page, site_url)
    page.focus("#hb-class-files")
    outline = page.evaluate("getComputedStyle(document.querySelector('.hb-drop__pick')).outlineStyle")
    assert outline != "none"


def test_answers_saved_by_an_earlier_version_are_ignored_safely(page, site_url):
    """A question whose content changed since it was answered, a quiz that no
    longer exists and a retry of an unknown question: none of them count."""
    page.goto(site_url + OBJECTIONS)
    qid = question_ids(page, "objections")[0]
    page.evaluate("""(qid) => {
        const now = Date.now();
        localStorage.setItem('handbook:v1:quiz:objections', JSON.stringify({
            q: {[qid]: {h: '0ld0ld0ld0', r: ['x'], ok: false, t: now}}, best: 50, score: 50, passed: false, attempts: 1, last: now}));
        localStorage.setItem('handbook:v1:quiz:a-removed-quiz', JSON.stringify({q: {gone: {h: 'a', r: ['x'], ok: false, t: now}}, best: 10}));
        localStorage.setItem('handbook:v1:review', JSON.stringify({q: {'no-such-question': {h: 'b', r: ['x'], ok: false, t: now, z: 'x'}}}));
    }""", qid)
    page.goto(site_url + "progress/mistakes.html")
    page.wait_for_selector(".hb-record__status")
    assert page.locator(".hb-record__status").inner_text().startswith("错题本是空的")
    record = export(page, site_url, "张三")
    validate(record)
    objections = next(q for q in record["quizzes"] if q["id"] == "objections")
    assert (objections["best"], objections["passed"], objections["answers"]) == (50, False, [])
    assert "a-removed-quiz" not in [q["id"] for q in record["quizzes"]]
    # On its page the changed question simply asks to be answered again.
    open_quiz_page(page, site_url, OBJECTIONS, "objections")
    assert page.locator(f'[data-quiz="objections"] [data-question="{qid}"] .hb-check').is_visible()
    assert page.js_errors == []


def test_record_pages_work_after_instant_navigation(two_quizzes, site_url):
    """Reached through Material's instant navigation (no full page load), the
    record pages still load their code and draw themselves."""
    page = two_quizzes
    page.goto(site_url)
    page.locator(".md-content").get_by_role("link", name="我的进度").first.click()
    page.wait_for_selector(".hb-record__section")
    assert page.evaluate("performance.getEntriesByType('navigation')[0].name").endswith("/")   # no reload happened
    page.get_by_role("link", name="错题本（2 题）").click()
    page.wait_for_selector("[data-review] [data-question]")
    assert page.locator("[data-review] [data-question]").count() == 2
    # the record views' own stylesheet is in effect on the page reached last
    assert page.locator("link[data-hb-record]").count() == 1
    assert page.evaluate("getComputedStyle(document.querySelector('.hb-record__status')).fontWeight") == "700"
    assert page.js_errors == []


# ---------------------------------------------------------------- no jump when a view is drawn

SHIFTS = """window.__shifts = [];
new PerformanceObserver((list) => { for (const e of list.getEntries())
    if (!e.hadRecentInput) window.__shifts.push([Math.round(e.value * 1000) / 1000,
        e.sources.map((s) => s.node ? (s.node.className || s.node.nodeName) : "").join(" ")]); })
  .observe({ type: "layout-shift", buffered: true });"""


@pytest.mark.parametrize("rel, view, slow", [
    ("progress/index.html", "dashboard", ""), ("progress/index.html", "dashboard", "record.css"),
    ("progress/index.html", "dashboard", "record.js"), ("progress/review.html", "review", ""),
    ("progress/review.html", "review", "record.css"), ("progress/review.html", "review", "review.js")])
@pytest.mark.parametrize("width", [412, 768])
def test_the_text_under_a_record_view_does_not_jump_when_it_is_drawn(browser, site_url, rel, view, width, slow):
    """The views are drawn by script after the page is shown (on a slow
    tablet, a second or more later). The text under them stays where it was
    drawn first: no layout shift. The CPU is slowed 4× as on Lighthouse's
    phone, so the view appears after the first paint, as it does on a tablet;
    on a poor connection one of the view's files arrives a second after the
    others (its stylesheet, or its code)."""
    ctx = browser.new_context(viewport={"width": width, "height": 823}, locale="zh-CN", service_workers="block")
    try:
        page = ctx.new_page()
        ctx.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
        page.add_init_script(SHIFTS)
        if slow:     # the browser goes on loading and drawing while this one file waits
            page.route("**/" + slow, lambda route: (time.sleep(1), route.continue_()))
        page.goto(site_url + rel)
        page.wait_for_function(f"""() => {{ const v = document.querySelector('[data-record="{view}"]');
            return v && !v.querySelector('.hb-record__nojs') && v.children.length > 0; }}""")
        page.wait_for_timeout(500)
        assert page.evaluate("window.__shifts") == []
    finally:
        ctx.close()
