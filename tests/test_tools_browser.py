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


def test_abc_classifier_classifies_by_share(page, site_url):
    page.goto(site_url + "agents/classes.html")
    tool = page.locator('[data-tool="abc-classifier"]')
    box = tool.get_by_label("进货额占总销售额的比例（%）")
    result = tool.locator(".hb-tool__result")
    for share, expected in (("65", "A 级代理商"), ("25", "B 级代理商"), ("5", "C 级代理商"),
                            ("15", "介于 C 级和 B 级之间"), ("100", "A 级代理商")):
        box.fill(share)
        assert result.inner_text().startswith(expected), share
    box.fill("120")
    assert result.inner_text() == "请输入 0～100 之间的数值。"


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
