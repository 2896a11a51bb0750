"""The assessment runtime in real Chromium, on the engine fixture site
(tests/fixtures/engine): answering, feedback, scores, saving, keyboard use,
instant navigation, file://, storage failures, and accessibility."""

from __future__ import annotations

import http.server
import json
import threading
from pathlib import Path

import pytest

from conftest import SwitchableHandler, make_site, run_mkdocs_build


def question(page, qid: str):
    return page.locator(f'[data-question="{qid}"]')


def option(page, qid: str, text: str):
    return question(page, qid).locator(".hb-option", has_text=text).locator("input")


def check(page, qid: str):
    question(page, qid).get_by_role("button", name="提交本题").click()


def feedback(page, qid: str) -> str:
    return question(page, qid).locator(".hb-feedback").inner_text()


def order_answer(page, qid: str, items: list[str]):
    """Choose the position of each item (items listed in the right order)."""
    for position, text in enumerate(items, start=1):
        question(page, qid).locator(".hb-order__item", has_text=text).locator("select").select_option(str(position))


def match_answer(page, qid: str, pairs: dict[str, str]):
    for left, right in pairs.items():
        question(page, qid).locator(".hb-match__row", has_text=left).locator("select").select_option(label=right)


def answer_all_right(page, except_multiple: bool = False):
    """Answer the six fixture questions right (the multiple choice wrong if asked)."""
    option(page, "fx-single", "正确选项甲").check()
    check(page, "fx-single")
    for text in (["多选错一"] if except_multiple else ["多选对一", "多选对二"]):
        option(page, "fx-multiple", text).check()
    check(page, "fx-multiple")
    option(page, "fx-tf", "对").check()
    check(page, "fx-tf")
    order_answer(page, "fx-order", ["第一步骤", "第二步骤", "第三步骤"])
    check(page, "fx-order")
    match_answer(page, "fx-match", {"左一": "右一", "左二": "右二"})
    check(page, "fx-match")
    question(page, "fx-scene").get_by_role("button", name="好的回应", exact=True).click()
    question(page, "fx-scene").get_by_role("button", name="请求成交", exact=True).click()


def saved(page, key: str) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem(window.Handbook.prefix + '{key}')") or "null")


@pytest.fixture
def practice(page, engine_url):
    page.goto(engine_url + "practice.html")
    page.wait_for_selector('[data-quiz="fx-practice"] .hb-check')
    return page


# ---------------------------------------------------------------- answering

def test_wrong_answer_shows_feedback_explanation_and_the_right_option(practice):
    page = practice
    option(page, "fx-single", "错误选项乙").check()
    check(page, "fx-single")
    text = feedback(page, "fx-single")
    assert "✗ 回答错误" in text
    assert "乙错了 FEEDBACKWRONG" in text                 # feedback on the chosen option
    assert "单选解析 EXPLAINSINGLE" in text               # explanation
    assert question(page, "fx-single").locator(".hb-option", has_text="正确选项甲").inner_text().endswith("✓ 正确答案")
    link = question(page, "fx-single").get_by_role("link", name="回到讲解这部分内容的章节")
    assert link.get_attribute("href") == "#lesson"
    # The feedback is in a live region, so screen readers announce it.
    assert question(page, "fx-single").locator(".hb-feedback").get_attribute("aria-live") == "polite"
    assert question(page, "fx-single").locator("input").first.is_disabled()


def test_right_answer_and_unanswered_check(practice):
    page = practice
    check(page, "fx-tf")
    assert feedback(page, "fx-tf") == "请先作答再提交。"
    option(page, "fx-tf", "对").check()
    check(page, "fx-tf")
    assert "✓ 回答正确" in feedback(page, "fx-tf")


def test_all_types_scored_and_passed(practice):
    page = practice
    answer_all_right(page)
    score = page.locator('[data-quiz="fx-practice"] .hb-quiz__score').inner_text()
    assert score == "得分 100%（答对 6 / 6 题），已通过，及格线 60%。"
    assert page.locator('[data-quiz="fx-practice"]').get_attribute("data-state") == "passed"
    record = saved(page, "quiz:fx-practice")
    assert record["best"] == 100 and record["passed"] is True and record["attempts"] == 1


def test_failing_score_and_retry_only_the_wrong_ones(practice):
    page = practice
    answer_all_right(page)
    page.get_by_role("button", name="全部重做").click()
    option(page, "fx-single", "错误选项丙").check()
    check(page, "fx-single")
    option(page, "fx-multiple", "多选对一").check()
    check(page, "fx-multiple")
    option(page, "fx-tf", "错").check()
    check(page, "fx-tf")
    order_answer(page, "fx-order", ["第二步骤", "第一步骤", "第三步骤"])
    check(page, "fx-order")
    assert "✗ 正确位次：第 1 位" in question(page, "fx-order").inner_text()
    match_answer(page, "fx-match", {"左一": "右干扰", "左二": "右二"})
    check(page, "fx-match")
    assert "✗ 正确答案：右一" in question(page, "fx-match").inner_text()
    question(page, "fx-scene").get_by_role("button", name="坏的回应", exact=True).click()
    score = page.locator('[data-quiz="fx-practice"] .hb-quiz__score').inner_text()
    assert score.startswith("得分 0%（答对 0 / 6 题），未通过") and "历史最好成绩 100%" in score
    assert "这段对话没有成功" in question(page, "fx-scene").inner_text()
    # Retry the wrong ones: all six reopen; fix one and it is kept right.
    page.get_by_role("button", name="只重做错题").click()
    assert question(page, "fx-single").locator(".hb-feedback").inner_text() == ""
    option(page, "fx-single", "正确选项甲").check()
    check(page, "fx-single")
    assert page.locator('[data-quiz="fx-practice"] .hb-quiz__score').inner_text() == "已答 1 / 6 题"


def test_retry_wrong_keeps_the_right_ones(practice):
    page = practice
    answer_all_right(page, except_multiple=True)
    assert "答对 5 / 6 题" in page.locator('[data-quiz="fx-practice"] .hb-quiz__score').inner_text()
    page.get_by_role("button", name="只重做错题").click()
    assert "✓ 回答正确" in feedback(page, "fx-single")          # kept
    assert feedback(page, "fx-multiple") == ""                  # reopened
    assert page.locator('[data-quiz="fx-practice"] .hb-quiz__score').inner_text() == "已答 5 / 6 题"


def test_test_mode_scores_after_submitting(page, engine_url):
    page.goto(engine_url + "exam.html")
    quiz = page.locator('[data-quiz="fx-exam"]')
    assert quiz.get_by_role("button", name="提交本题").count() == 0
    option(page, "fx-exam-1", "考一对").check()
    quiz.get_by_role("button", name="交卷").click()
    assert "还有 2 题未作答" in quiz.locator(".hb-quiz__score").inner_text()
    option(page, "fx-exam-2", "错").check()
    option(page, "fx-exam-3", "考三错").check()
    quiz.get_by_role("button", name="仍然交卷").click()
    assert quiz.locator(".hb-quiz__score").inner_text() == "得分 67%（答对 2 / 3 题），已通过，及格线 60%。"
    assert "✗ 回答错误" in feedback(page, "fx-exam-3")
    assert "考三解析" in feedback(page, "fx-exam-3")
    page.reload()
    assert page.locator('[data-quiz="fx-exam"] .hb-quiz__score').inner_text().startswith("得分 67%")


def test_test_mode_keeps_unsubmitted_answers_on_reload(page, engine_url):
    page.goto(engine_url + "exam.html")
    option(page, "fx-exam-1", "考一错").check()
    page.reload()
    assert option(page, "fx-exam-1", "考一错").is_checked()
    assert feedback(page, "fx-exam-1") == ""                 # nothing revealed before submitting


# ---------------------------------------------------------------- saving

def test_reload_keeps_answers_and_results(practice):
    page = practice
    answer_all_right(page)
    page.reload()
    page.wait_for_selector('[data-quiz="fx-practice"] .hb-verdict')
    assert page.locator('[data-quiz="fx-practice"] .hb-quiz__score').inner_text().startswith("得分 100%")
    assert option(page, "fx-multiple", "多选对二").is_checked()
    assert "顾客第二句话" in question(page, "fx-scene").inner_text()
    assert "对话成功结束" in question(page, "fx-scene").inner_text()


@pytest.fixture
def page_without_worker(browser):
    """A page whose site may change between loads: with the offline worker
    blocked, each load shows the build being served (test_pwa.py covers the
    worker's own update rules)."""
    ctx = browser.new_context(viewport={"width": 768, "height": 1024}, service_workers="block")
    yield ctx.new_page()
    ctx.close()


@pytest.fixture
def rebuilds(tmp_path):
    """Build the engine site, edited by a function, and serve it on one origin."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), SwitchableHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()

    def build(name: str, edit=None) -> str:
        project = make_site(tmp_path / name, "engine")
        if edit:
            path = project / "quizzes" / "practice.yml"
            path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
        result = run_mkdocs_build(project, project / "site")
        assert result.returncode == 0, result.stderr
        server.root = project / "site"
        return f"http://127.0.0.1:{server.server_address[1]}/practice.html"

    yield build
    server.shutdown()


def test_editing_one_question_resets_only_it(page_without_worker, rebuilds):
    page = page_without_worker
    page.goto(rebuilds("v1"))
    answer_all_right(page)
    page.goto(rebuilds("v2", lambda t: t.replace("多选题题干", "多选题题干（已修改）")))
    assert feedback(page, "fx-multiple") == ""               # edited: open again
    assert not option(page, "fx-multiple", "多选对一").is_checked()
    assert "✓ 回答正确" in feedback(page, "fx-single")      # untouched: kept
    assert "✓ 回答正确" in feedback(page, "fx-scene")
    assert page.locator(".hb-quiz__score").inner_text() == "已答 5 / 6 题"


def test_reordering_questions_resets_nothing(page_without_worker, rebuilds):
    page = page_without_worker
    page.goto(rebuilds("v1"))
    answer_all_right(page)

    def move_single_to_end(text: str) -> str:
        head, rest = text.split("      - id: fx-single\n", 1)
        single, tail = rest.split("      - id: fx-multiple\n", 1)
        return head + "      - id: fx-multiple\n" + tail + "      - id: fx-single\n" + single

    page.goto(rebuilds("v2", move_single_to_end))
    assert page.locator("[data-question]").first.get_attribute("data-question") == "fx-multiple"
    assert page.locator(".hb-quiz__score").inner_text().startswith("得分 100%")
    assert page.locator(".hb-verdict", has_text="回答正确").count() == 6


def test_checklist_state_persists(page, engine_url):
    page.goto(engine_url + "tools.html")
    checklist = page.locator('[data-checklist="fx-list"]')
    checklist.get_by_label("第一项").check()
    checklist.get_by_label("第三项").check()
    assert checklist.locator(".hb-checklist__progress").inner_text() == "已完成 2 / 3 项"
    page.reload()
    assert page.locator('[data-item="fx-item-1"] input').is_checked()
    assert not page.locator('[data-item="fx-item-2"] input').is_checked()
    assert page.locator(".hb-checklist__progress").inner_text() == "已完成 2 / 3 项"
    page.once("dialog", lambda d: d.accept())
    page.locator('[data-checklist="fx-list"]').get_by_role("button", name="清除").click()
    assert page.locator(".hb-checklist__progress").inner_text() == "已完成 0 / 3 项"


def test_form_totals_and_saved_entries(page, engine_url):
    page.goto(engine_url + "tools.html")
    form = page.locator('[data-form="fx-form"]')
    form.get_by_label("姓名").fill("张三")
    form.get_by_label("积极性：本人评分").select_option("5")
    form.get_by_label("责任心：本人评分").select_option("3")
    form.get_by_label("积极性：客户经理评分").select_option("3")
    form.get_by_label("录用", exact=True).check()
    assert form.locator('.hb-form__total[data-rater="本人"] output').inner_text() == "8 / 10"
    assert form.locator('.hb-form__total[data-rater="客户经理"] output').inner_text() == "3 / 10"
    page.reload()
    form = page.locator('[data-form="fx-form"]')
    assert form.get_by_label("姓名").input_value() == "张三"
    assert form.get_by_label("录用", exact=True).is_checked()
    assert form.locator('.hb-form__total[data-rater="本人"] output').inner_text() == "8 / 10"


# ---------------------------------------------------------------- keyboard

def tab_to(page, locator, limit: int = 400):
    """Press Tab until ``locator`` has focus (fails if it never does)."""
    for _ in range(limit):
        if locator.evaluate_all("els => els.includes(document.activeElement)"):
            return
        page.keyboard.press("Tab")
    raise AssertionError("element never received focus by Tab")


def choose_radio(page, qid: str, text: str):
    """Tab into a radio group (Tab stops once per group), then arrow to ``text``."""
    radios = question(page, qid).locator("input[type=radio]")
    tab_to(page, radios)
    target = option(page, qid, text)
    for _ in range(radios.count()):
        if target.evaluate("el => el === document.activeElement"):
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    assert target.is_checked()


def test_every_question_type_by_keyboard_alone(practice):
    page = practice
    # single: Tab to the radio group, arrows choose, Space confirms, Enter on the button.
    choose_radio(page, "fx-single", "正确选项甲")
    tab_to(page, question(page, "fx-single").get_by_role("button", name="提交本题"))
    page.keyboard.press("Enter")
    assert "✓ 回答正确" in feedback(page, "fx-single")
    # multiple: Space toggles each checkbox reached by Tab.
    for text in ("多选对一", "多选对二"):
        tab_to(page, option(page, "fx-multiple", text))
        page.keyboard.press("Space")
    tab_to(page, question(page, "fx-multiple").get_by_role("button", name="提交本题"))
    page.keyboard.press("Enter")
    assert "✓ 回答正确" in feedback(page, "fx-multiple")
    # true/false
    choose_radio(page, "fx-tf", "对")
    tab_to(page, question(page, "fx-tf").get_by_role("button", name="提交本题"))
    page.keyboard.press("Enter")
    assert "✓ 回答正确" in feedback(page, "fx-tf")
    # ordering and matching: selects operated with arrow keys, no drag and drop.
    for position, text in enumerate(["第一步骤", "第二步骤", "第三步骤"], start=1):
        select = question(page, "fx-order").locator(".hb-order__item", has_text=text).locator("select")
        tab_to(page, select)
        for _ in range(position):
            page.keyboard.press("ArrowDown")
        assert select.input_value() == str(position)
    tab_to(page, question(page, "fx-order").get_by_role("button", name="提交本题"))
    page.keyboard.press("Enter")
    assert "✓ 回答正确" in feedback(page, "fx-order")
    for left, right in {"左一": "右一", "左二": "右二"}.items():
        select = question(page, "fx-match").locator(".hb-match__row", has_text=left).locator("select")
        tab_to(page, select)
        for _ in range(5):
            if select.evaluate("s => s.selectedOptions[0].textContent") == right:
                break
            page.keyboard.press("ArrowDown")
        assert select.evaluate("s => s.selectedOptions[0].textContent") == right
    tab_to(page, question(page, "fx-match").get_by_role("button", name="提交本题"))
    page.keyboard.press("Enter")
    assert "✓ 回答正确" in feedback(page, "fx-match")
    # scenario: buttons, Enter.
    tab_to(page, question(page, "fx-scene").get_by_role("button", name="好的回应", exact=True))
    page.keyboard.press("Enter")
    tab_to(page, question(page, "fx-scene").get_by_role("button", name="请求成交", exact=True))
    page.keyboard.press("Enter")
    assert page.locator(".hb-quiz__score").inner_text().startswith("得分 100%")


# ---------------------------------------------------------------- navigation, file://, storage

def test_quiz_works_after_instant_navigation(page, engine_url):
    page.goto(engine_url + "plain.html")
    page.evaluate("window.__sameDocument = true")
    page.locator(".md-content").get_by_role("link", name="练习").click()
    page.wait_for_selector('[data-quiz="fx-practice"] .hb-check')
    assert page.evaluate("window.__sameDocument === true"), "instant navigation did not happen"
    option(page, "fx-tf", "对").check()
    check(page, "fx-tf")
    assert "✓ 回答正确" in feedback(page, "fx-tf")


def test_quiz_works_from_disk(page, engine_site: Path):
    page.goto((engine_site / "practice.html").as_uri())
    answer_all_right(page)
    assert page.locator(".hb-quiz__score").inner_text().startswith("得分 100%")
    page.reload()
    assert page.locator(".hb-quiz__score").inner_text().startswith("得分 100%")
    assert page.requests.external == []


def test_disabled_storage_still_works_and_says_so_once(context, engine_url):
    context.add_init_script("""
        Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
    """)
    page = context.new_page()
    page.goto(engine_url + "tools.html")
    assert page.locator(".hb-notice").count() == 1
    assert "不会被保存" in page.locator(".hb-notice").inner_text()
    page.goto(engine_url + "practice.html")
    answer_all_right(page)
    assert page.locator(".hb-quiz__score").inner_text().startswith("得分 100%")
    assert page.locator(".hb-notice").count() == 1


def test_full_storage_and_corrupted_values_never_break_a_quiz(page, engine_url):
    page.goto(engine_url + "practice.html")
    page.evaluate("""() => {
        localStorage.setItem('handbook:v1:quiz:fx-practice', '{not json');
        localStorage.setItem('handbook:v1:checklist:fx-list', '[1,2,3]');
    }""")
    page.reload()
    option(page, "fx-tf", "对").check()
    check(page, "fx-tf")
    assert "✓ 回答正确" in feedback(page, "fx-tf")
    page.add_init_script("""const real = Storage.prototype.setItem;
        Storage.prototype.setItem = function (k, v) {     // the probe passes, then the disk is full
            if (k.endsWith('probe')) return real.call(this, k, v);
            throw new DOMException('full', 'QuotaExceededError'); };""")
    page.goto(engine_url + "tools.html")
    assert page.locator(".hb-notice").count() == 0
    page.locator('[data-item="fx-item-1"] input').check()
    assert page.locator(".hb-checklist__progress").inner_text() == "已完成 1 / 3 项"
    page.locator('[data-item="fx-item-2"] input').check()
    assert page.locator(".hb-notice").count() == 1      # storage full: said once
    assert page.locator(".hb-checklist__progress").inner_text() == "已完成 2 / 3 项"
    assert page.js_errors == []


# ---------------------------------------------------------------- accessibility

def axe_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, context={"include": [[".md-content"]]},
                        options={"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]})
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in results.response["violations"]]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_no_violations_before_and_after_answering(browser, engine_url, scheme):
    ctx = browser.new_context(viewport={"width": 768, "height": 1024}, color_scheme=scheme)
    page = ctx.new_page()
    try:
        page.goto(engine_url + "practice.html")
        page.wait_for_selector(".hb-check")
        assert axe_violations(page) == []
        answer_all_right(page)
        page.get_by_role("button", name="全部重做").click()
        option(page, "fx-single", "错误选项乙").check()
        check(page, "fx-single")
        option(page, "fx-tf", "对").check()
        check(page, "fx-tf")
        assert axe_violations(page) == []
        page.goto(engine_url + "tools.html")
        assert axe_violations(page) == []
    finally:
        ctx.close()


def test_touch_targets_are_at_least_44px(practice):
    page = practice
    sizes = page.evaluate("""() => Array.from(document.querySelectorAll(
        '.hb-option, .hb-quiz select, .hb-quiz button, .hb-scene__choice')).map(e => e.getBoundingClientRect().height)""")
    assert sizes and min(sizes) >= 44


def test_print_button_prints_only_that_form_on_a4(page, engine_url):
    page.goto(engine_url + "tools.html")
    page.evaluate("window.print = () => {}")                 # no dialog in tests
    page.locator('[data-form="fx-form"]').get_by_role("button", name="打印").click()
    page.emulate_media(media="print")
    assert page.locator('[data-form="fx-form"]').is_visible()
    assert not page.locator('[data-checklist="fx-list"]').is_visible()
    assert not page.locator(".md-content h2").first.is_visible()
    assert not page.locator('[data-form="fx-form"] .hb-tools').is_visible()   # no buttons on paper
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
