"""Spaced review (今日复习, issue 18) in real Chromium with a moved clock:
confidence after an answer, FSRS grades and due dates, the 今日复习 page
one question at a time, the due line on the home page and 我的进度, due
questions across reload, instant navigation and file://, an edited question
starting afresh, storage blocked or full, keyboard only, axe in light and
dark, the export against the checked-in schema, a class of three, the
vendored scheduler's recorded hash and the page's weight.

The clock: every time the review code reads comes from window.Handbook.now();
an init script makes it return the real time plus a shift of whole days
(``Clock.move``), so a card answered now with an interval of N days is due
on the page from day N on, whatever the hour."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import jsonschema
import pytest

from answering import answer, question_ids, quiz_key
from conftest import ROOT, make_site, run_mkdocs_build, serve
from macros.record.format import RECORD_SCHEMA_PATH

SCHEMA = json.loads((ROOT / RECORD_SCHEMA_PATH).read_text(encoding="utf-8"))
OBJECTIONS = "pre-job/objections.html"
REVIEW = "progress/review.html"
DAY = 86_400_000
VENDOR = ROOT / "docs" / "assets" / "vendor" / "ts-fsrs"

CLOCK = """(() => {
  let h;
  window.__hbShift = 0;
  Object.defineProperty(window, 'Handbook', { configurable: true, get() { return h; },
    set(v) { v.now = () => Date.now() + window.__hbShift; h = v; } });
})();"""
BLOCKED = """Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });"""
FULL = """const real = Storage.prototype.setItem;
Storage.prototype.setItem = function (k, v) {          // the probe passes, then the disk is full
  if (k.endsWith('probe')) return real.call(this, k, v);
  throw new DOMException('full', 'QuotaExceededError'); };"""


class Clock:
    """Days added to window.Handbook.now() in every page of a context, from now on."""

    def __init__(self, context):
        self.context = context
        self.days = 0
        context.add_init_script(CLOCK)

    def move(self, days: float, page=None) -> None:
        self.days = days
        script = f"window.__hbShift = {int(days * DAY)};"
        self.context.add_init_script(script)
        for p in self.context.pages:
            p.evaluate(script)


def new_page(context):
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    return page


@pytest.fixture
def ctx(browser):
    context = browser.new_context(viewport={"width": 768, "height": 1024}, locale="zh-CN", timezone_id="Asia/Shanghai")
    context.clock_ = Clock(context)
    yield context
    context.close()


@pytest.fixture
def page(ctx):
    return new_page(ctx)


def schedule(page) -> dict:
    raw = page.evaluate("localStorage.getItem(Handbook.prefix + 'schedule')")
    return json.loads(raw)["c"] if raw else {}


def wait_card(page, qid: str, grade: int | None = None, reps: int = 1) -> dict:
    """The stored card of qid once the scheduler has written it."""
    page.wait_for_function("""([q, g, r]) => {
        const s = JSON.parse(localStorage.getItem(Handbook.prefix + 'schedule') || '{}');
        return s.c && s.c[q] && s.c[q].r >= r && (g === null || s.c[q].g === g);
    }""", arg=[qid, grade, reps])
    return schedule(page)[qid]


def days(card: dict) -> float:
    return (card["due"] - card["lr"]) / DAY


def open_quiz(page, url: str, rel: str = OBJECTIONS, quiz: str = "objections"):
    page.goto(url + rel)
    page.wait_for_selector(f'[data-quiz="{quiz}"][data-state]')


def review_page(page, url: str):
    page.goto(url + REVIEW)
    page.wait_for_selector('[data-record="review"] .hb-record__status:not(:empty)')
    return page.locator('[data-record="review"]')


def status(page) -> str:
    return page.locator('[data-record="review"] .hb-record__status').inner_text()


def shown(page) -> list[str]:
    return page.locator(".hb-review__slot [data-question]").evaluate_all("els => els.map(e => e.dataset.question)")


def next_question(page):
    page.locator(".hb-review__slot [data-question]").wait_for()
    return page.locator(".hb-review__slot [data-question]").get_attribute("data-question")


def rate(page, qid: str, label: str):
    page.locator(f'[data-question="{qid}"] .hb-confidence').get_by_role("button", name=label, exact=True).click()


def of_type(page, quiz: str, kind: str) -> list[str]:
    key = quiz_key(page, quiz)
    return [q for q in question_ids(page, quiz) if key[q]["type"] == kind]


# ---------------------------------------------------------------- grades and due dates

def test_confidence_and_answers_set_the_next_review(page, ctx, site_url):
    open_quiz(page, site_url)
    sure, guess, plain, unsure, wrong = of_type(page, "objections", "single")[:1] + of_type(page, "objections", "multiple")[:2] \
        + of_type(page, "objections", "truefalse")[:2]
    for qid in (sure, guess, plain, unsure):
        answer(page, "objections", qid, right=True)
    answer(page, "objections", wrong, right=False)
    # Asked once, after a right answer only; one tap; the choice is said in the live feedback.
    group = page.locator(f'[data-question="{sure}"] .hb-confidence')
    assert group.get_attribute("role") == "group"
    assert group.get_attribute("aria-labelledby") and "有把握吗" in group.locator(".hb-confidence__ask").inner_text()
    assert page.locator(f'[data-question="{wrong}"] .hb-confidence').count() == 0
    assert group.locator("xpath=ancestor::*[@aria-live='polite']").count() == 1
    rate(page, sure, "有把握")
    assert group.get_by_role("button", name="有把握").get_attribute("aria-pressed") == "true"
    assert group.locator(".hb-confidence__said").inner_text() == "已记下：有把握。"
    rate(page, guess, "有把握")                 # a change of mind grades the same answer again
    rate(page, guess, "猜的")
    rate(page, unsure, "不太确定")
    cards = {q: wait_card(page, q) for q in (plain, wrong)}
    cards[sure] = wait_card(page, sure, grade=4)
    cards[guess] = wait_card(page, guess, grade=2)
    cards[unsure] = wait_card(page, unsure, grade=3)
    assert {q: (c["g"], days(c), c["r"]) for q, c in cards.items()} == {
        sure: (4, 8, 1), guess: (2, 2, 1), plain: (3, 3, 1), unsure: (3, 3, 1), wrong: (1, 1, 1)}

    clock = ctx.clock_
    clock.move(1)                                          # tomorrow: only the wrong answer
    review_page(page, site_url)
    assert status(page) == "今天要复习 1 题，这是第 1 题。"
    assert shown(page) == [wrong]
    clock.move(2)                                          # the guess comes before the sure one
    review_page(page, site_url)
    assert status(page) == "今天要复习 2 题，这是第 1 题。"
    clock.move(7)
    review_page(page, site_url)
    assert status(page) == "今天要复习 4 题，这是第 1 题。"
    clock.move(8)
    review_page(page, site_url)
    assert status(page) == "今天要复习 5 题，这是第 1 题。"
    assert page.errors == []


def test_stage_tests_and_mistake_retries_are_scheduled(page, site_url):
    open_quiz(page, site_url, "pre-job/index.html", "pre-job")
    ids = question_ids(page, "stage-pre-job")
    for qid in ids:
        answer(page, "stage-pre-job", qid, right=qid != ids[0], submit=False)
    page.get_by_role("button", name="交卷").click()
    assert wait_card(page, ids[0])["g"] == 1
    assert all(wait_card(page, q)["g"] == 3 for q in ids[1:])
    assert page.locator(".hb-confidence").count() == 0           # a test asks nothing more
    page.goto(site_url + "progress/mistakes.html")
    q = page.locator(f'[data-review] [data-question="{ids[0]}"]')
    q.get_by_role("button", name="重做这题").click()
    answer(page, page.evaluate("(q) => HandbookCatalog.questions[q].quiz", ids[0]), ids[0], right=True)
    q.locator(".hb-confidence").get_by_role("button", name="有把握").click()
    card = wait_card(page, ids[0], grade=4, reps=2)
    assert (card["f"], days(card)) == (0, 4)                  # wrong, then right and sure: nothing forgotten
    assert page.errors == []


def test_answers_given_before_the_scheduler_are_taken_in(page, ctx, site_url):
    """Answers stored by a handbook without spaced review (or on a page
    closed at once) get cards the first time the scheduler runs."""
    open_quiz(page, site_url)
    ids = question_ids(page, "objections")[:2]
    hashes = {q: page.locator(f'[data-question="{q}"]').get_attribute("data-hash") for q in ids}
    page.evaluate("""([ids, h]) => {
        const t = Date.now() - 3 * 86400000;
        localStorage.setItem(Handbook.prefix + 'quiz:objections', JSON.stringify({q: {
            [ids[0]]: {h: h[ids[0]], r: ['x'], ok: false, t}, [ids[1]]: {h: h[ids[1]], r: ['x'], ok: true, t}}}));
    }""", [ids, hashes])
    review_page(page, site_url)
    assert status(page) == "今天要复习 2 题，这是第 1 题。"
    assert shown(page) == [ids[0]]
    assert {q: c["g"] for q, c in schedule(page).items()} == {ids[0]: 1, ids[1]: 3}


# ---------------------------------------------------------------- 今日复习

def test_review_page_one_question_at_a_time(page, ctx, site_url):
    open_quiz(page, site_url)
    first, second, third = question_ids(page, "objections")[:3]
    for qid in (first, second, third):
        answer(page, "objections", qid, right=False)
        wait_card(page, qid)
    ctx.clock_.move(1)
    review_page(page, site_url)
    assert status(page) == "今天要复习 3 题，这是第 1 题。"
    assert shown(page) == [first]
    assert not page.get_by_role("button", name="下一题").is_visible()
    slot = page.locator(".hb-review__slot")
    assert slot.locator(".hb-quiz__title").inner_text() == "来自《自测：异议的处理》"
    answer(page, "objections", first, right=True)
    feedback = slot.locator(".hb-feedback").inner_text()
    assert "回答正确" in feedback and "解析" in feedback
    assert "重做这题" not in slot.inner_text() and "错题本" not in slot.inner_text()
    assert re.fullmatch(r"下次复习：\d+月\d+日（3 天后）", page.locator(".hb-review__next").inner_text())
    rate(page, first, "有把握")
    page.wait_for_function("document.querySelector('.hb-review__next').textContent.includes('天后')")
    wait_card(page, first, grade=4, reps=2)
    assert re.fullmatch(r"下次复习：\d+月\d+日（\d+ 天后）", page.locator(".hb-review__next").inner_text())
    page.get_by_role("button", name="下一题").click()
    assert next_question(page) == second and status(page) == "今天要复习 3 题，这是第 2 题。"
    answer(page, "objections", second, right=False)
    assert re.fullmatch(r"下次复习：明天（\d+月\d+日）", page.locator(".hb-review__next").inner_text())
    assert "回答错误" in slot.locator(".hb-feedback").inner_text() and slot.locator(".hb-explain").count() == 1
    page.get_by_role("button", name="下一题").click()
    assert next_question(page) == third
    answer(page, "objections", third, right=True)
    page.get_by_role("button", name="完成今天的复习").click()
    assert status(page) == "今天的复习完成了：复习了 3 题，答对 2 题。"
    assert page.evaluate("document.activeElement.classList.contains('hb-record__status')")
    # Answered here, right: out of 错题本 too, as a retry there would be.
    page.goto(site_url + "progress/mistakes.html")
    page.wait_for_selector("[data-review] [data-question]")
    assert page.locator("[data-review] [data-question]").evaluate_all("els => els.map(e => e.dataset.question)") == [second]
    # The rest of today: nothing; the page says when the next review is.
    review_page(page, site_url)
    assert status(page) == "今天没有待复习的题。"
    assert re.search(r"下一次复习在明天（\d+月\d+日），共 1 题。", page.locator('[data-record="review"]').inner_text())
    assert page.errors == []


def test_the_daily_cap_defaults_to_20_and_the_rep_can_change_it(page, ctx, site_url):
    page.goto(site_url + REVIEW)
    page.wait_for_selector('[data-record="review"] .hb-record__status:not(:empty)')
    page.evaluate("""() => {
        const C = window.HandbookCatalog, c = {}, t = Date.now() - 5 * 86400000;
        Object.keys(C.questions).filter(q => C.questions[q].quiz === 'objections' || C.questions[q].quiz === 'closing')
          .forEach((q, i) => {
            const h = C.quizzes[C.questions[q].quiz].questions.find(p => p[0] === q)[1];
            c[q] = {h, due: t + 86400000 + i, lr: t, g: 1, s: 0.2, d: 7, e: 0, sd: 1, ls: 0, r: 1, l: 0, st: 2, p: 0};
          });
        localStorage.setItem(Handbook.prefix + 'schedule', JSON.stringify({c}));
    }""")
    assert len(schedule(page)) > 20
    review_page(page, site_url)
    assert status(page) == "今天要复习 20 题，这是第 1 题。"
    assert page.locator("#hb-review-cap").input_value() == "20"
    page.get_by_label("每天最多复习").fill("3")
    page.get_by_label("每天最多复习").press("Enter")
    page.wait_for_function("document.querySelector('.hb-record__status').textContent.startsWith('今天要复习 3 题')")
    assert page.evaluate("document.activeElement.id") == "hb-review-cap"
    qid = next_question(page)
    answer(page, page.evaluate("(q) => HandbookCatalog.questions[q].quiz", qid), qid, right=True)
    page.reload()
    page.wait_for_selector('[data-record="review"] .hb-record__status:not(:empty)')
    assert status(page) == "今天要复习 2 题，这是第 1 题。"              # the cap counts today's reviews
    page.goto(site_url)
    assert page.locator(".hb-due").inner_text() == "今天有 2 题待复习"
    assert page.errors == []


def test_home_and_progress_say_how_many_are_due_and_the_nav_marks_nothing(page, ctx, site_url):
    page.set_viewport_size({"width": 1280, "height": 900})     # the sidebar shows from 1220 px
    page.goto(site_url)
    assert not page.locator(".hb-due").is_visible()                 # nothing answered yet
    open_quiz(page, site_url)
    qid = question_ids(page, "objections")[0]
    answer(page, "objections", qid, right=False)
    wait_card(page, qid)
    page.goto(site_url)
    page.wait_for_timeout(300)
    assert not page.locator(".hb-due").is_visible()                 # due tomorrow, not today
    ctx.clock_.move(1)
    page.goto(site_url)
    link = page.locator(".hb-due a")
    link.wait_for()
    assert link.inner_text() == "今天有 1 题待复习"
    assert link.evaluate("a => a.href") == site_url + REVIEW
    page.goto(site_url + "progress/index.html")
    dash = page.locator(".hb-record__go .hb-review-link")
    page.wait_for_function("document.querySelector('.hb-review-link').textContent.startsWith('今天有')")
    assert dash.inner_text() == "今天有 1 题待复习"
    assert dash.get_attribute("href") == site_url + REVIEW
    # The navigation shows 今日复习 as a plain entry: no count, no mark.
    entry = page.locator('.md-nav--primary a.md-nav__link[href$="review.html"]')
    assert entry.inner_text().strip() == "今日复习"
    assert page.locator(".md-nav .hb-navmark").count() == 0
    assert page.errors == []


def test_due_questions_survive_reload_and_instant_navigation(page, ctx, site_url):
    open_quiz(page, site_url)
    qid = question_ids(page, "objections")[0]
    answer(page, "objections", qid, right=False)
    wait_card(page, qid)
    ctx.clock_.move(1)
    page.goto(site_url)
    page.locator(".hb-due a").click()                     # Material's instant navigation
    page.wait_for_selector(".hb-review__slot [data-question]")
    assert page.evaluate("performance.getEntriesByType('navigation')[0].name").endswith("/")   # no reload happened
    assert shown(page) == [qid]
    loaded = [u.split("/")[-1] for u in page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")]
    assert "review.js" in loaded and "record.js" not in loaded
    page.reload()
    page.wait_for_selector(".hb-review__slot [data-question]")
    assert shown(page) == [qid]
    answer(page, "objections", qid, right=True)
    page.locator(".hb-review__next").wait_for()
    assert page.errors == []


def test_review_works_from_disk(page, ctx, site_dir):
    root = site_dir.as_uri() + "/"
    page.goto(root + OBJECTIONS)
    page.wait_for_selector('[data-quiz="objections"] .hb-check')
    qid = question_ids(page, "objections")[0]
    answer(page, "objections", qid, right=False)
    wait_card(page, qid)
    ctx.clock_.move(1)
    page.goto(root + "index.html")
    page.locator(".hb-due a").wait_for()
    assert page.locator(".hb-due a").inner_text() == "今天有 1 题待复习"
    page.locator(".hb-due a").click()
    page.wait_for_url("**/progress/review.html")
    page.wait_for_selector(".hb-review__slot [data-question]")
    assert shown(page) == [qid]
    answer(page, "objections", qid, right=True)
    assert "下次复习" in page.locator(".hb-review__next").inner_text()
    assert page.errors == []


@pytest.fixture
def engine_builds(tmp_path):
    """The engine fixture site with a 今日复习 page, built as edited, served on one origin."""
    from conftest import SwitchableHandler
    import http.server
    import threading

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), SwitchableHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()

    def build(name: str, edit=None) -> str:
        project = make_site(tmp_path / name, "engine")
        (project / "docs" / "review.md").write_text(
            "---\ntitle: 今日复习\nstage: progress\naudience: [新业务员]\nminutes: 5\n---\n\n"
            '{{ learner_record("review") }}\n', encoding="utf-8")
        config = project / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8") + "  - review.md\n", encoding="utf-8")
        if edit:
            path = project / "quizzes" / "practice.yml"
            path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
        result = run_mkdocs_build(project, project / "site")
        assert result.returncode == 0, result.stderr
        server.root = project / "site"
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield build
    server.shutdown()


def test_editing_one_question_resets_only_its_card(browser, engine_builds):
    from test_engine_browser import answer_all_right

    context = browser.new_context(viewport={"width": 768, "height": 1024}, service_workers="block",
                                  timezone_id="Asia/Shanghai")
    clock = Clock(context)
    page = new_page(context)
    try:
        url = engine_builds("v1")
        page.goto(url + "practice.html")
        answer_all_right(page)
        for qid in ("fx-single", "fx-multiple", "fx-tf", "fx-order", "fx-match", "fx-scene"):
            wait_card(page, qid)
        before = schedule(page)

        def edit(text: str) -> str:                        # one prompt edited, fx-single moved to the end
            text = text.replace("多选题题干", "多选题题干（已修改）")
            head, rest = text.split("      - id: fx-single\n", 1)
            single, tail = rest.split("      - id: fx-multiple\n", 1)
            return head + "      - id: fx-multiple\n" + tail + "      - id: fx-single\n" + single

        url = engine_builds("v2", edit)
        clock.move(30)
        page.goto(url + "review.html")
        page.wait_for_selector('[data-record="review"] .hb-record__status:not(:empty)')
        assert status(page) == "今天要复习 5 题，这是第 1 题。"
        after = schedule(page)
        assert "fx-multiple" not in after                          # edited: starts afresh
        assert after == {q: c for q, c in before.items() if q != "fx-multiple"}    # the others: untouched
        assert page.errors == []
    finally:
        context.close()


# ---------------------------------------------------------------- storage

def test_blocked_storage_reviews_in_memory_and_says_so_once(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, timezone_id="Asia/Shanghai")   # header logo shown
    context.add_init_script(BLOCKED)
    clock = Clock(context)
    page = new_page(context)
    try:
        open_quiz(page, site_url)
        qid = of_type(page, "objections", "truefalse")[0]
        answer(page, "objections", qid, right=False)
        clock.move(1)                                              # the same page session, a day later
        page.locator("a.md-header__button.md-logo").click()       # instant navigation keeps the memory
        link = page.locator(".hb-due a")
        link.wait_for()
        assert link.inner_text() == "今天有 1 题待复习"
        link.click()
        page.wait_for_selector(".hb-review__slot [data-question]")
        assert page.evaluate("performance.getEntriesByType('navigation')[0].name").endswith(OBJECTIONS)
        assert shown(page) == [qid]
        answer(page, "objections", qid, right=True)
        rate(page, qid, "有把握")
        page.wait_for_function("document.querySelector('.hb-review__next').textContent.includes('天后')")
        notices = page.locator('[data-record="review"] .hb-notice')
        assert notices.count() == 1 and "不会被保存" in notices.inner_text()
        assert page.locator(".hb-notice").count() == 1
        assert page.errors == []
    finally:
        context.close()


def test_full_storage_reviews_go_on_and_say_so_once(page, ctx, site_url):
    open_quiz(page, site_url)
    ids = question_ids(page, "objections")[:2]
    for qid in ids:
        answer(page, "objections", qid, right=False)
        wait_card(page, qid)
    ctx.clock_.move(1)
    ctx.add_init_script(FULL)
    review_page(page, site_url)
    assert page.locator(".hb-notice").count() == 0
    answer(page, "objections", ids[0], right=True)
    assert "下次复习" in page.locator(".hb-review__next").inner_text()
    assert page.locator(".hb-notice").count() == 1                 # full: said once
    page.get_by_role("button", name="下一题").click()
    assert next_question(page) == ids[1]
    answer(page, "objections", ids[1], right=True)
    rate(page, ids[1], "猜的")
    page.wait_for_function("document.querySelector('.hb-review__next').textContent.includes('天后')")
    assert page.locator(".hb-notice").count() == 1
    assert "不会被保存" in page.locator('[data-record="review"] > .hb-notice').inner_text()
    assert page.errors == []


# ---------------------------------------------------------------- keyboard, accessibility

def test_keyboard_only(page, ctx, site_url):
    open_quiz(page, site_url)
    qid = "obj-but-same"
    right = quiz_key(page, "objections")[qid]["correct"][0]
    q = page.locator(f'[data-question="{qid}"]')
    q.locator(f'input[value="{right}"]').focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "提交本题"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.classList.contains('hb-feedback')")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.confidence") == "sure"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")                                        # 不太确定
    assert q.get_by_role("button", name="不太确定").get_attribute("aria-pressed") == "true"
    wait_card(page, qid, grade=3)
    # 今日复习: from the daily cap into the question, answered, rated, next.
    other = of_type(page, "objections", "truefalse")
    other = [x for x in other if x != qid][0]
    answer(page, "objections", other, right=False)
    wait_card(page, other)
    ctx.clock_.move(3)
    review_page(page, site_url)
    page.locator("#hb-review-cap").focus()
    first = next_question(page)
    want = quiz_key(page, "objections")[first]["correct"][0]
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") != ""
    while page.evaluate("document.activeElement.value") != want:
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")                                        # 提交本题
    assert page.evaluate("document.activeElement.classList.contains('hb-feedback')")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")                                        # 有把握
    page.wait_for_function("document.querySelector('.hb-review__next').textContent.includes('天后')")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('hb-review__go')"):
            break
    page.keyboard.press("Enter")                                        # 下一题
    page.locator(".hb-review__slot [data-question]").wait_for()
    second = next_question(page)
    assert second != first
    assert page.evaluate("(q) => document.querySelector(`[data-question='${q}']`).contains(document.activeElement)", second)
    assert page.errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_review_pages_have_no_axe_violations(browser, site_url, class_files, scheme):
    from test_engine_browser import axe_violations

    context = browser.new_context(viewport={"width": 768, "height": 1024}, color_scheme=scheme, timezone_id="Asia/Shanghai")
    clock = Clock(context)
    page = new_page(context)
    problems = {}
    try:
        open_quiz(page, site_url)
        ids = question_ids(page, "objections")[:3]
        answer(page, "objections", ids[0], right=True)
        answer(page, "objections", ids[1], right=False)
        answer(page, "objections", ids[2], right=False)
        rate(page, ids[0], "猜的")
        problems["quiz with confidence"] = axe_violations(page)
        clock.move(1)
        page.goto(site_url)
        page.locator(".hb-due a").wait_for()
        problems["home"] = axe_violations(page)
        review_page(page, site_url)
        page.locator(".hb-review__slot [data-question]").wait_for()
        problems["review before"] = axe_violations(page)
        answer(page, "objections", ids[1], right=True)
        rate(page, ids[1], "有把握")
        problems["review after right"] = axe_violations(page)
        page.get_by_role("button", name="下一题").click()
        answer(page, "objections", ids[2], right=False)
        problems["review after wrong"] = axe_violations(page)
        page.get_by_role("button", name="完成今天的复习").click()
        problems["review done"] = axe_violations(page)
        page.goto(site_url + "progress/index.html")
        page.wait_for_selector(".hb-review-link")
        problems["progress"] = axe_violations(page)
        clock.move(8)       # the trainer reads the files after the reps' reviews
        page.goto(site_url + "trainers/class.html")
        page.set_input_files("#hb-class-files", [str(p) for p in class_files])
        page.wait_for_selector(".hb-class__forgotten li")
        problems["class"] = axe_violations(page)
    finally:
        context.close()
    assert {k: v for k, v in problems.items() if v} == {}


# ---------------------------------------------------------------- the record

def validate(record: dict) -> None:
    jsonschema.validate(record, SCHEMA, format_checker=jsonschema.FormatChecker())


def export(page, url: str, name: str) -> dict:
    page.goto(url + "progress/index.html")
    page.wait_for_function("document.querySelector('.hb-review-link') && "
                           "document.querySelector('.hb-review-link').textContent !== '今日复习'")
    page.fill("#hb-learner-name", name)
    with page.expect_download() as download:
        page.get_by_role("button", name="导出学习记录（JSON）").click()
    return json.loads(Path(download.value.path()).read_text(encoding="utf-8"))


def review_all(page, url: str, right: dict[str, bool], sure: bool = True) -> None:
    """Answer every question due on 今日复习, right or wrong as asked."""
    review_page(page, url)
    n = len(right)
    assert status(page) == f"今天要复习 {n} 题，这是第 1 题。"
    for i in range(n):
        qid = next_question(page)
        answer(page, "objections", qid, right=right[qid])
        if right[qid] and sure:
            rate(page, qid, "有把握")
            wait_card(page, qid, grade=4, reps=2)
        else:
            wait_card(page, qid, reps=2)
        page.get_by_role("button", name="下一题" if i + 1 < n else "完成今天的复习").click()


def rep_record(browser, url: str, name: str, forget: int) -> dict:
    """A rep who answers four objections questions right and sure, then eight
    days later reviews them on 今日复习, forgetting the first ``forget``."""
    context = browser.new_context(viewport={"width": 768, "height": 1024}, timezone_id="Asia/Shanghai")
    clock = Clock(context)
    page = new_page(context)
    try:
        open_quiz(page, url)
        ids = question_ids(page, "objections")[:4]
        for qid in ids:
            answer(page, "objections", qid, right=True)
            rate(page, qid, "有把握")
            wait_card(page, qid, grade=4)
        clock.move(8)
        review_all(page, url, {q: i >= forget for i, q in enumerate(ids)})
        record = export(page, url, name)
        assert page.errors == []
        record["_ids"] = ids
        return record
    finally:
        context.close()


def test_export_carries_the_schedule_and_retention(browser, site_url):
    record = rep_record(browser, site_url, "张三", forget=1)
    ids = record.pop("_ids")
    validate(record)
    review = record["review"]
    assert review["daily_cap"] == 20 and review["retention_days"] == 30
    cards = {c["question"]: c for c in review["cards"]}
    assert set(cards) == set(ids)
    assert (cards[ids[0]]["last_grade"], cards[ids[0]]["forgotten"], cards[ids[0]]["reps"]) == ("again", 1, 2)
    assert all(cards[q]["last_grade"] == "easy" and cards[q]["forgotten"] == 0 for q in ids[1:])
    assert all(c["quiz"] == "objections" and c["state"] == "review" for c in cards.values())
    pre_job = next(r for r in review["retention"] if r["section"] == "二、岗前培训")
    assert pre_job == {"section": "二、岗前培训", "reviewed": 4, "sure": 3, "retention": 75}
    assert [r["retention"] for r in review["retention"] if r["section"] != "二、岗前培训"] == [None] * (len(review["retention"]) - 1)
    # Files from before spaced review still pass.
    validate({k: v for k, v in record.items() if k != "review"})
    # A tampered card is refused by the schema, as the class page refuses it.
    bad = json.loads(json.dumps(record))
    bad["review"]["cards"][0]["difficulty"] = 42
    with pytest.raises(jsonschema.ValidationError):
        validate(bad)


@pytest.fixture(scope="module")
def class_files(browser, site_url, tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("review-reps")
    files = []
    for name, forget in (("张三", 0), ("李四", 1), ("王五", 2)):
        record = rep_record(browser, site_url, name, forget)
        record.pop("_ids")
        path = folder / f"{name}.json"
        path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        files.append(path)
    return files


def test_class_of_three_shows_retention_and_the_most_forgotten(browser, site_url, class_files):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, timezone_id="Asia/Shanghai")
    Clock(context).move(8)      # the day the reps reviewed: a class view refuses reviews dated after today
    page = new_page(context)
    try:
        page.goto(site_url + "trainers/class.html")
        page.set_input_files("#hb-class-files", [str(p) for p in class_files])
        page.wait_for_selector(".hb-class__table")
        assert page.locator(".hb-class__messages").inner_text().strip() == "已打开 3 名学员的记录。"
        overall = page.locator(".hb-class__summary.hb-class__retention")
        assert overall.locator("th").inner_text() == "复习保持率（近 30 天）"
        assert overall.locator("td").all_inner_texts() == ["75%（3 / 4）", "50%（2 / 4）", "100%（4 / 4）", ""]   # 李四 王五 张三
        stage = page.locator(".hb-class__retention:not(.hb-class__summary)")
        assert stage.count() == 1 and stage.locator("th").inner_text() == "本阶段复习保持率"
        forgotten = page.locator(".hb-class__forgotten li")
        assert forgotten.count() == 2
        first = forgotten.first
        assert first.locator(".hb-class__count").inner_text().strip() == "2 人答对后又答错，共 2 次"
        assert forgotten.nth(1).locator(".hb-class__count").inner_text().strip() == "1 人答对后又答错，共 1 次"
        assert first.get_by_role("link").get_attribute("href").startswith(site_url + OBJECTIONS + "#")
        with page.expect_download() as download:
            page.get_by_role("button", name="导出表格（CSV，可用 Excel 打开）").click()
        text = Path(download.value.path()).read_bytes().decode("utf-8-sig")
        assert "复习保持率（%）" in text.splitlines()[0]
        assert page.errors == []
    finally:
        page.context.close()


# ---------------------------------------------------------------- the scheduler's file and weight

def recorded(field: str) -> str:
    text = (VENDOR / "README.txt").read_text(encoding="utf-8")
    return re.search(rf"^{re.escape(field)}: (\S+)", text, re.M).group(1)


def test_vendored_scheduler_matches_its_recorded_hash(site_dir):
    code = (VENDOR / "ts-fsrs.min.js").read_bytes()
    assert hashlib.sha256(code).hexdigest() == recorded("ts-fsrs.min.js SHA-256")
    version = re.match(r"ts-fsrs (\d+\.\d+\.\d+) \(MIT", (VENDOR / "README.txt").read_text(encoding="utf-8")).group(1)
    assert code.startswith(f"/*! ts-fsrs {version} | MIT License".encode())
    assert "MIT License" in (VENDOR / "LICENSE").read_text(encoding="utf-8")
    # Shipped as it is (no minifier of ours touches it), and the browser loads this file.
    assert (site_dir / "assets/vendor/ts-fsrs/ts-fsrs.min.js").read_bytes() == code
    from macros import review

    assert (site_dir / review.LIBRARY).is_file()


def test_review_page_code_is_under_15_kb_gzip_beyond_the_quiz_runtime(site_dir):
    import sys

    sys.path.insert(0, str(ROOT / "tools"))
    from bench import review_weight

    files = review_weight(site_dir)
    assert set(files) == {"assets/javascripts/review.js", "assets/javascripts/schedule.js",
                          "assets/vendor/ts-fsrs/ts-fsrs.min.js"}
    assert sum(files.values()) <= 15 * 1024, files


def test_other_pages_load_the_scheduler_only_once_something_is_answered(page, site_url):
    def scheduler_loaded() -> bool:
        names = page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
        return any(n.endswith(("/schedule.js", "/ts-fsrs.min.js")) for n in names)

    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    assert not scheduler_loaded()                       # a new rep's home page: nothing to count
    open_quiz(page, site_url)
    page.wait_for_load_state("networkidle")
    assert not scheduler_loaded()                       # a quiz page before any answer
    qid = question_ids(page, "objections")[0]
    answer(page, "objections", qid, right=True)
    wait_card(page, qid)
    assert scheduler_loaded()
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    assert scheduler_loaded() and not page.locator(".hb-due").is_visible()    # counted: none due today


def test_the_page_loads_only_its_own_code(page, site_url):
    review_page(page, site_url)
    page.wait_for_load_state("networkidle")
    loaded = {u.split("?")[0].rsplit("/", 1)[-1] for u in page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")}
    assert {"assessments.js", "catalog.js", "review.js", "schedule.js", "ts-fsrs.min.js"} <= loaded
    assert "record.js" not in loaded
    assert status(page) == "今天没有待复习的题。"
    assert "先去各模块做一做自测题" in page.locator('[data-record="review"]').inner_text()


def test_reset_clears_the_schedule_too(page, site_url):
    open_quiz(page, site_url)
    for qid in question_ids(page, "objections")[:5]:
        answer(page, "objections", qid, right=False)
        wait_card(page, qid)
    page.goto(site_url + "progress/index.html")
    page.wait_for_function("document.querySelector('.hb-review-link') && "
                           "document.querySelector('.hb-review-link').textContent !== '今日复习'")
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="清除我的学习数据").click()
    keys = page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('handbook:'))")
    assert "handbook:v1:/:schedule" not in keys and not any(k.startswith("handbook:v1:/:quiz:") for k in keys)
    review_page(page, site_url)
    assert status(page) == "今天没有待复习的题。"
