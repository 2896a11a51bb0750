"""The decision tools on the real handbook pages: the source's rules, from data."""

from __future__ import annotations


def test_man_classifier_gives_the_source_strategy(page, site_url):
    page.goto(site_url + "pre-job/prospects.html")
    tool = page.locator('[data-tool="man-classifier"]')
    result = tool.locator(".hb-tool__result")
    assert result.inner_text() == "逐项选择后，这里显示结论和对策。"
    tool.get_by_label("购买能力（M）").select_option("M")
    tool.get_by_label("购买决定权（A）").select_option("a")
    tool.get_by_label("需求（N）").select_option("N")
    assert "M+a+N" in result.inner_text() and "有决定权的人" in result.inner_text()
    tool.get_by_label("购买能力（M）").select_option("m")
    tool.get_by_label("需求（N）").select_option("n")
    assert "m+a+n：非客户" in result.inner_text() and "停止接触" in result.inner_text()
    assert result.get_attribute("aria-live") == "polite"


def test_abc_classifier_classifies_the_pages_worked_example(page, site_url):
    """The page's worked example, typed in row by row, gives the page's classes:
    the agent that crosses 60% (乙, 61%) is still A, the one crossing 90% (戊) is B."""
    page.goto(site_url + "agents/classes.html")
    tool = page.locator('[data-tool="abc-classifier"]')
    result = tool.locator(".hb-tool__result")
    assert result.inner_text() == "填入至少两行的名称和数值，这里按累计占比分级。"
    agents = [("辛五金电器", "50"), ("甲商贸", "1750"), ("丙家电", "600"), ("乙电器", "1300"),
              ("戊商行", "400"), ("庚家电", "150"), ("丁电器行", "500"), ("己电器", "250")]
    rows = tool.locator(".hb-share__input tbody tr")
    for i, (name, value) in enumerate(agents):
        rows.nth(i).get_by_label("代理商名称").fill(name)
        rows.nth(i).get_by_label("进货额（万元）").fill(value)
    table = [r.locator("td").all_inner_texts() for r in result.locator("tbody tr").all()]
    assert table == [
        ["1", "甲商贸", "1750", "35%", "35%", "A 级"], ["2", "乙电器", "1300", "26%", "61%", "A 级"],
        ["3", "丙家电", "600", "12%", "73%", "B 级"], ["4", "丁电器行", "500", "10%", "83%", "B 级"],
        ["5", "戊商行", "400", "8%", "91%", "B 级"], ["6", "己电器", "250", "5%", "96%", "C 级"],
        ["7", "庚家电", "150", "3%", "99%", "C 级"], ["8", "辛五金电器", "50", "1%", "100%", "C 级"]]
    assert result.locator(".hb-tool__verdict").all_inner_texts() == [
        "A 级：2 家，合计占 61%", "B 级：3 家，合计占 30%", "C 级：3 家，合计占 9%"]
    tool.get_by_role("button", name="加一行").click()
    assert rows.count() == 9 and page.evaluate("document.activeElement.dataset.name") == ""
    rows.nth(8).get_by_label("代理商名称").fill("壬电器")
    assert result.inner_text() == "每一行都要有名称和不小于 0 的数值。"


def test_abc_example_button_and_the_page_table_agree(page, site_url):
    page.goto(site_url + "agents/classes.html")
    tool = page.locator('[data-tool="abc-classifier"]')
    tool.get_by_role("button", name="填入本页示例").click()
    shown = [r.locator("td").all_inner_texts() for r in tool.locator(".hb-tool__result tbody tr").all()]
    example = page.locator("#example ~ .admonition table, .admonition.example table").first
    page_rows = [r.locator("td").all_inner_texts() for r in example.locator("tbody tr").all()]
    assert [(r[1], r[4], r[5]) for r in shown] == [(r[1], r[4], r[5]) for r in page_rows]


def test_tools_read_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "pre-job/prospects.html")
    rules = page.locator('[data-tool="man-classifier"] details')
    rules.locator("summary").click()
    assert rules.locator("tbody tr").count() == 8
    page.goto(site_url + "pre-job/objections.html")
    assert "打开浏览器的 JavaScript 后才能提交答案" in page.locator(".hb-quiz").first.inner_text()
    assert page.locator(".hb-option").count() > 10
    context.close()


def test_trial_evaluation_totals_by_its_own_weights(page, site_url):
    """Sales ratings weighted 30/20/15/15/10/10 give a 100-point total and its
    grade; the attitude, ability and values ratings do not count."""
    page.goto(site_url + "trial/index.html")
    form = page.locator('[data-form="p3-trial-eval"]')
    total = form.locator(".hb-form__total output")
    assert total.inner_text() == "0 / 100（还有 6 项未评）"
    ratings = {"p3-ev-sales": "5", "p3-ev-visits": "3", "p3-ev-terminal": "3", "p3-ev-feedback": "4",
               "p3-ev-reports": "5", "p3-ev-skills": "2"}
    for criterion, value in ratings.items():
        form.locator(f'tr[data-criterion="{criterion}"] select').select_option(value)
    # 5/5·30 + 3/5·20 + 3/5·15 + 4/5·15 + 5/5·10 + 2/5·10 = 30 + 12 + 9 + 12 + 10 + 4 = 77
    assert total.inner_text() == "77 / 100 · 合格"
    form.locator('tr[data-criterion="p3-ev-rejection"] select').select_option("1")
    assert total.inner_text() == "77 / 100 · 合格"
    form.locator('tr[data-criterion="p3-ev-visits"] select').select_option("5")
    assert total.inner_text() == "85 / 100 · 优秀"
    page.reload()
    assert form.locator(".hb-form__total output").inner_text() == "85 / 100 · 优秀"
    assert "80 分以上优秀，60 分以上合格，不合格" in form.locator(".hb-form__grading").inner_text()


def test_pre_job_signoff_is_a_trainer_form(page, site_url):
    page.goto(site_url + "pre-job/index.html")
    form = page.locator('[data-form="p2-signoff"]')
    assert form.locator("select[data-rater]").count() >= 10
    assert form.locator(".hb-form__decision input").count() == 3
    assert form.locator(".hb-form__sign").all_inner_texts()[0].startswith("业务员签字")
