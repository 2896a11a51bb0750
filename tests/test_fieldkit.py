"""The field kit (macros/fieldkit/): pocket cards, work templates, calculators,
the one visit kit, stage one-pagers and the whole handbook as a PDF.

- models and rules, each with a failing fixture and its exact file:line message;
- the formula language: unknown names, syntax errors, division by zero at the
  worked example's inputs, a worked example that does not match its formula;
- in Chromium: every calculator gives its page's worked example, a template's
  rows survive a reload and are in the learner export, printing a card or a
  template shows only it, at its paper size;
- the PDF: page count, every nav title, CJK fonts embedded, no answer key.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, run_mkdocs_build
from macros.bank.loader import load_bank
from macros.errors import HandbookErrors
from macros.fieldkit import expr
from macros.settings import BankRules

PAGE = """---
title: 随身工具
stage: visits
audience: [客户经理]
minutes: 1
---

## 讲解 {#lesson}
"""

CALC = {
    "id": "fx-calc", "title": "订货", "link": "#lesson",
    "inputs": [{"name": "last", "label": "上次库存", "unit": "台", "max": 100},
               {"name": "now", "label": "本次库存", "unit": "台", "max": 100}],
    "steps": [{"name": "sold", "label": "销量", "formula": "last - now", "digits": 0},
              {"name": "share", "label": "占比", "formula": "now / sold * 100", "digits": 0}],
    "example": {"inputs": {"last": 30, "now": 10}, "results": {"sold": 20, "share": 50}},
}


def bank_errors(tmp_path: Path, data: dict) -> list[str]:
    """Load a one-page bank holding ``data``; the errors as printed, or []."""
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "docs" / "kit.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "quizzes").mkdir(exist_ok=True)
    (tmp_path / "quizzes" / "kit.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                                                  encoding="utf-8")
    try:
        load_bank(tmp_path, tmp_path / "docs", BankRules(min_questions=1000))
    except HandbookErrors as errors:
        return [str(e) for e in errors.errors]
    return []


def calc(**changes) -> dict:
    out = json.loads(json.dumps(CALC))
    for path, value in changes.items():
        node, *keys = path.split("__")
        if not keys:
            out[node] = value
            continue
        target = out[node]
        for key in keys[:-1]:
            target = target[int(key)] if key.isdigit() else target[key]
        last = keys[-1] if keys else None
        if last is None:
            out[node] = value
        else:
            target[int(last) if last.isdigit() else last] = value
    return out


def line_of(tmp_path: Path, text: str) -> int:
    lines = (tmp_path / "quizzes" / "kit.yml").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


# --------------------------------------------------------------------------
# The formula language
# --------------------------------------------------------------------------

@pytest.mark.parametrize("formula, message", [
    ("a +", "公式不完整：最后缺少数字或名称"),
    ("(a + b", "缺少 “)”(公式在这里就结束了)"),
    ("a + b)", "第 6 个字符处有多出的右括号 “)”(是否少了运算符或括号?)"),
    ("a % b", "第 3 个字符 “%” 不能用在公式里(可用 + − × ÷ 和括号，以及 min、max、round、ceil、floor、abs、if 函数)"),
    ("a b", "第 3 个字符处有多出的 “b”(是否少了运算符或括号?)"),
    ("* a", "第 1 个字符 “*” 的位置应该是数字、名称或左括号"),
    ("sqrt(a)", "不认识的函数 “sqrt”(可用的函数：min、max、round、ceil、floor、abs、if)"),
    ("round(a, 1, 2)", "函数 round 需要 1～2 个参数(现有 3 个)"),
    ("", "公式是空的"),
])
def test_bad_syntax_is_refused_with_a_chinese_reason(formula, message):
    with pytest.raises(expr.FormulaError) as caught:
        expr.parse(formula)
    assert str(caught.value) == message


def test_formulas_parse_evaluate_and_write_out_their_working():
    tree = expr.parse("ceil(sold × factor − stock) + max(0, -2) * (1 + 1)")
    assert expr.names(tree) == ["sold", "factor", "stock"]
    values = {"sold": 22, "factor": 1.5, "stock": 8}
    assert expr.evaluate(tree, values) == 25
    assert expr.show(tree, values) == "向上取整(22 × 1.5 − 8) + 取大(0, −2) × (1 + 1)"
    assert expr.show(expr.parse("a - (b - c)"), labels={"a": "甲", "b": "乙", "c": "丙"}) == "甲 − (乙 − 丙)"
    assert expr.evaluate(expr.parse("if(a >= 10, a * 2, 0)"), {"a": 10}) == 20
    assert expr.evaluate(expr.parse("round(2.5) + round(-2.5) + round(1.005, 2)"), {}) == pytest.approx(1.01)
    assert expr.number(6000) == "6,000" and expr.number(-0.001) == "0" and expr.number(36.0) == "36"
    with pytest.raises(expr.FormulaError, match="除数为 0"):
        expr.evaluate(expr.parse("a / (b - b)"), {"a": 1, "b": 2})


def test_the_eval_free_interpreter_is_the_only_one():
    """No eval, no new Function in the browser code of the field kit."""
    code = (ROOT / "macros" / "fieldkit" / "runtime" / "fieldkit.js").read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", code, flags=re.S)            # comments may name them
    assert not re.search(r"\beval\s*\(|new\s+Function|setTimeout\s*\(\s*['\"]", code)
    assert "eval(" not in (ROOT / "macros" / "fieldkit" / "expr.py").read_text(encoding="utf-8")


# --------------------------------------------------------------------------
# Rules, with file:line
# --------------------------------------------------------------------------

def test_a_good_calculator_passes(tmp_path):
    assert bank_errors(tmp_path, {"calculators": [CALC]}) == []


def test_an_unknown_name_stops_at_its_line(tmp_path):
    errors = bank_errors(tmp_path, {"calculators": [calc(steps__1__formula="now / sould * 100")]})
    line = line_of(tmp_path, "now / sould")
    assert errors == [f"quizzes/kit.yml:{line}: 计算器 fx-calc: 步骤 share 的公式 “now / sould * 100” 中的 “sould” "
                      f"不是输入项或前面的步骤(可用：last、now、sold)"]


def test_a_later_step_cannot_be_used_early(tmp_path):
    errors = bank_errors(tmp_path, {"calculators": [calc(steps__0__formula="share - now")]})
    line = line_of(tmp_path, "share - now")
    assert errors == [f"quizzes/kit.yml:{line}: 计算器 fx-calc: 步骤 sold 的公式 “share - now” 中的 “share” "
                      f"不是输入项或前面的步骤(它是后面的步骤，只能用前面算出的结果)(可用：last、now)"]


def test_bad_syntax_stops_at_its_line(tmp_path):
    errors = bank_errors(tmp_path, {"calculators": [calc(steps__0__formula="(last - now")]})
    line = line_of(tmp_path, "(last - now")
    assert errors == [f"quizzes/kit.yml:{line}: 计算器 fx-calc: 步骤 sold 的公式 “(last - now” 有误："
                      f"缺少 “)”(公式在这里就结束了)"]


def test_division_by_zero_at_the_example_stops_at_the_formula(tmp_path):
    data = calc(example={"inputs": {"last": 10, "now": 10}, "results": {"sold": 0, "share": 0}})
    errors = bank_errors(tmp_path, {"calculators": [data]})
    line = line_of(tmp_path, "now / sold * 100")
    assert errors == [f"quizzes/kit.yml:{line}: 计算器 fx-calc: 按算例的输入计算步骤 share(“占比”)时除数为 0：10 ÷ 0 × 100"]


def test_a_worked_example_must_match_its_formula(tmp_path):
    errors = bank_errors(tmp_path, {"calculators": [calc(example__results__share=40)]})
    line = line_of(tmp_path, "share: 40")
    assert errors == [f"quizzes/kit.yml:{line}: 计算器 fx-calc: 算例中“占比”写的是 40，按公式算出的是 50"]


def test_example_inputs_are_checked(tmp_path):
    errors = bank_errors(tmp_path, {"calculators": [calc(example__inputs__last=300)]})
    line = line_of(tmp_path, "last: 300")
    assert errors == [f"quizzes/kit.yml:{line}: 计算器 fx-calc: 算例中“上次库存”= 300，超出范围 0～100"]
    errors = bank_errors(tmp_path, {"calculators": [calc(example__inputs={"last": 30})]})
    assert len(errors) == 1 and errors[0].endswith("计算器 fx-calc: 算例缺少输入项 now(“本次库存”)的取值")


def test_names_must_be_unique_and_not_functions(tmp_path):
    data = calc(steps__0__name="now")
    errors = bank_errors(tmp_path, {"calculators": [data]})
    assert errors[0].endswith("计算器 fx-calc: 名称 now 重复(输入项和计算步骤的名称都不能相同)")
    errors = bank_errors(tmp_path, {"calculators": [calc(steps__0__name="max")]})
    assert errors[0].endswith("计算器 fx-calc: 名称 max 与函数同名，请换一个")


ADVICE = [{"when": "share > 40", "text": "库存偏多，先消化再补货。"}]


def test_advice_conditions_are_checked_at_their_line(tmp_path):
    assert bank_errors(tmp_path, {"calculators": [calc(advice=ADVICE)]}) == []
    errors = bank_errors(tmp_path, {"calculators": [calc(advice=[{"when": "shar > 40", "text": "甲"}])]})
    line = line_of(tmp_path, "shar > 40")
    assert errors == [f"quizzes/kit.yml:{line}: 计算器 fx-calc: 第 1 条提示的条件 “shar > 40” 中的 “shar” "
                      f"不是输入项或计算步骤(可用：last、now、sold、share)"]
    errors = bank_errors(tmp_path, {"calculators": [calc(advice=[{"when": "share + 40", "text": "甲"}])]})
    assert errors == [f"quizzes/kit.yml:{line_of(tmp_path, 'share + 40')}: 计算器 fx-calc: "
                      f"第 1 条提示的条件 “share + 40” 应是一个比较，例如 p3 > 30"]
    errors = bank_errors(tmp_path, {"calculators": [calc(advice=[{"when": "share > 40 /", "text": "甲"}])]})
    assert len(errors) == 1 and "第 1 条提示的条件 “share > 40 /” 有误：" in errors[0]
    errors = bank_errors(tmp_path, {"calculators": [calc(advice=[{"when": "sold / (now - 10) > 1", "text": "甲"}])]})
    assert errors == [f"quizzes/kit.yml:{line_of(tmp_path, 'sold / (now - 10)')}: 计算器 fx-calc: "
                      f"按算例的输入判断第 1 条提示的条件时除数为 0：20 ÷ (10 − 10) > 1"]


def test_the_worked_example_lists_the_advice_it_triggers():
    from macros.fieldkit import models
    from macros.fieldkit.render import render_calculator

    html = render_calculator(models.Calculator.model_validate(calc(advice=ADVICE)))
    assert '<ul class="hb-calc__advice" aria-label="提示"><li>库存偏多，先消化再补货。</li></ul>' in html
    assert "当 占比 &gt; 40 时提示：库存偏多，先消化再补货。" in html
    quiet = calc(advice=[{"when": "share > 60", "text": "甲"}], advice_ok="正常")
    assert "<li>正常</li>" in render_calculator(models.Calculator.model_validate(quiet))


def card(**sides) -> dict:
    base = {"id": "fx-card", "title": "卡", "front": {"heading": "正面", "rows": ["一行"]},
            "back": {"heading": "背面", "rows": [{"term": "甲", "text": "乙"}]}}
    base.update(sides)
    return base


def test_a_card_source_must_exist(tmp_path):
    errors = bank_errors(tmp_path, {"cards": [card(back={"heading": "背面", "source": "tool:no-such-tool"})]})
    line = line_of(tmp_path, "source: tool:no-such-tool")
    assert errors == [f"quizzes/kit.yml:{line}: 口袋卡 fx-card: 背面引用的工具 no-such-tool 不存在"]


def test_a_card_side_must_fit_on_a6(tmp_path):
    rows = [f"第 {i} 条要点，写得比较长的一句话，用来占满卡片" for i in range(14)]
    errors = bank_errors(tmp_path, {"cards": [card(front={"heading": "正面", "rows": rows})]})
    line = line_of(tmp_path, "front:")
    assert errors == [f"quizzes/kit.yml:{line}: 口袋卡 fx-card: 正面内容太多，A6 卡片印不下(现有 14 条、{sum(len(r) for r in rows)} 字；"
                      f"一面最多 12 条、420 字)"]


def test_a_card_with_a_misspelt_field(tmp_path):
    data = card()
    data["fornt"] = data.pop("front")
    errors = bank_errors(tmp_path, {"cards": [data]})
    assert len(errors) == 1 and "口袋卡 fx-card: " in errors[0]
    assert "不认识的字段“fornt”" in errors[0] or "缺少“正面”(front)" in errors[0]


def test_a_choice_needs_options(tmp_path):
    template = {"id": "fx-tpl", "title": "表", "fields": [{"label": "等级", "kind": "choice"}]}
    errors = bank_errors(tmp_path, {"templates": [template]})
    line = line_of(tmp_path, "label: 等级")
    assert errors == [f"quizzes/kit.yml:{line}: 工作表格 fx-tpl: 栏目“等级”是选择(choice)，至少要写 2 个选项 options"]


def test_a_template_link_must_resolve(tmp_path):
    template = {"id": "fx-tpl", "title": "表", "link": "#no-such", "fields": ["姓名"]}
    errors = bank_errors(tmp_path, {"templates": [template]})
    line = line_of(tmp_path, "link: '#no-such'")
    assert errors == [f"quizzes/kit.yml:{line}: 工作表格 fx-tpl: 学习链接“#no-such”中的锚点 #no-such 在 docs/kit.md 中不存在"]


def test_a_one_pager_closes_with_something_that_exists(tmp_path):
    page = {"id": "fx-op", "title": "一页纸", "goal": "目的", "week1": ["做"], "judged": ["评"], "closes": ["no-such-form"]}
    errors = bank_errors(tmp_path, {"onepagers": [page]})
    line = line_of(tmp_path, "- no-such-form")
    assert errors == [f"quizzes/kit.yml:{line}: 阶段一页纸 fx-op: 结束本阶段的 no-such-form 不是任何测验、评估表或检查清单的编号"]


def test_ids_are_shared_with_the_rest_of_the_bank(tmp_path):
    errors = bank_errors(tmp_path, {"cards": [card()], "templates": [{"id": "fx-card", "title": "表", "fields": ["姓名"]}]})
    assert len(errors) == 1 and "工作表格编号 fx-card 已在 quizzes/kit.yml:" in errors[0]


def test_a_broken_formula_stops_the_build(project_copy, tmp_path):
    data = project_copy / "quizzes" / "visits" / "retail-visit.yml"
    text = data.read_text(encoding="utf-8").replace("formula: sold * factor - stock_now", "formula: sold * factr - stock_now")
    data.write_text(text, encoding="utf-8")
    line = next(i for i, l in enumerate(text.splitlines(), 1) if "factr" in l)
    result = run_mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode == 1
    assert (f"quizzes/visits/retail-visit.yml:{line}: 计算器 reorder: 步骤 order 的公式 “sold * factr - stock_now” "
            f"中的 “factr” 不是输入项或前面的步骤(可用：last_stock、received、stock_now、factor、sold)") in result.stderr
    assert "Traceback" not in result.stderr


def test_check_prints_the_field_kit_counts():
    result = subprocess.run([sys.executable, "-m", "macros", "check"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    found = re.search(r"随身工具：口袋卡 (\d+) 张，工作表格 (\d+) 张，计算器 (\d+) 个，阶段一页纸 (\d+) 份，列表 (\d+) 个", result.stdout)
    assert found, result.stdout
    cards, templates, calculators, onepagers, lists = map(int, found.groups())
    assert cards >= 6 and templates >= 8 and calculators >= 4 and onepagers == 7 and lists >= 1


# --------------------------------------------------------------------------
# The built site: one visit kit, cards from the page's data, one-pagers linked
# --------------------------------------------------------------------------

VISIT_KIT_PAGES = ["pre-job/sales-steps.html", "visits/daily-routine.html", "visits/retail-visit.html",
                   "visits/visit-notes.html"]


def test_one_visit_kit_on_every_page_that_lists_it(site_dir):
    lists = set()
    for page in VISIT_KIT_PAGES:
        found = re.findall(r'<span class="hb-items" data-list="visit-kit">(.*?)</span>',
                           (site_dir / page).read_text(encoding="utf-8"))
        assert len(found) == 1, page
        lists.add(found[0])
    assert len(lists) == 1
    data = yaml.safe_load((ROOT / "quizzes" / "visits" / "retail-visit.yml").read_text(encoding="utf-8"))
    items = next(l for l in data["lists"] if l["id"] == "visit-kit")["items"]
    assert lists.pop() == "、".join(items)


def test_cards_show_the_data_their_pages_use(site_dir):
    prospects = yaml.safe_load((ROOT / "quizzes" / "pre-job" / "prospects.yml").read_text(encoding="utf-8"))
    tool = next(t for t in prospects["tools"] if t["id"] == "man-classifier")
    cards = (site_dir / "field-kit" / "cards.html").read_text(encoding="utf-8")
    page = (site_dir / "pre-job" / "prospects.html").read_text(encoding="utf-8")
    for outcome in tool["outcomes"]:
        assert outcome["text"] in cards and outcome["text"] in page
    card_ids = re.findall(r'data-card="([^"]+)"', cards)
    assert len(card_ids) >= 6 and len(set(card_ids)) == len(card_ids)
    for ident in card_ids:                  # each card also on its own page
        homes = [p for p in site_dir.rglob("*.html") if p.name != "cards.html"
                 and f'data-card="{ident}"' in p.read_text(encoding="utf-8")]
        assert len(homes) == 1, ident


def test_closing_card_agrees_with_its_page(site_dir):
    page = (site_dir / "pre-job" / "closing.html").read_text(encoding="utf-8")
    data = yaml.safe_load((ROOT / "quizzes" / "pre-job" / "closing.yml").read_text(encoding="utf-8"))
    card = data["cards"][0]
    for row in card["front"]["rows"]:
        assert re.search(rf"<h3[^>]*>{re.escape(row['term'])}", page), row["term"]   # A 利益汇总法 … G 哀兵策略法


def test_the_learning_path_links_every_one_pager(site_dir):
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="([^"]+#op-[a-z-]+-title)"', home)
    assert len(links) == 7
    for link in links:
        target, anchor = link.split("#")
        assert f'id="{anchor}"' in (site_dir / target).read_text(encoding="utf-8")


# --------------------------------------------------------------------------
# In Chromium
# --------------------------------------------------------------------------

CALCULATOR_PAGES = {"reorder": "visits/retail-visit.html", "rebate": "agents/dealings.html",
                    "price-compensation": "agents/dealings.html", "time-split": "visits/time.html"}


@pytest.mark.parametrize("ident", sorted(CALCULATOR_PAGES))
def test_each_calculator_gives_its_pages_worked_example(page, site_url, ident):
    page.goto(site_url + CALCULATOR_PAGES[ident])
    root = page.locator(f'[data-calculator="{ident}"]')
    page.wait_for_selector(f'[data-calculator="{ident}"][data-ready]')
    worked = root.locator(".hb-calc__worked .hb-calc__step").all_inner_texts()
    assert worked
    program = json.loads(root.get_attribute("data-program"))
    for name, value in program["example"].items():     # typed in, as a rep would
        root.locator(f'input[data-input="{name}"]').fill(str(value))
    assert root.locator(".hb-calc__result .hb-calc__step").all_inner_texts() == worked
    assert page.js_errors == []


def test_the_reorder_example_is_the_pages_own():
    page = (ROOT / "docs" / "visits" / "retail-visit.md").read_text(encoding="utf-8")
    assert "期间销量 = 10 + 20 − 8 = 22 台；建议订货量 = 22 × 1.5 − 8 = 25 台" in page
    dealings = (ROOT / "docs" / "agents" / "dealings.md").read_text(encoding="utf-8")
    assert "300 × 20 = 6,000 元" in dealings


def test_a_calculator_says_what_is_wrong(page, site_url):
    page.goto(site_url + "visits/time.html")
    root = page.locator('[data-calculator="time-split"]')
    page.wait_for_selector('[data-calculator="time-split"][data-ready]')
    assert root.locator(".hb-calc__result").inner_text() == "输入全部数值后，这里显示结果和算式。"
    for name in ("t1", "t2", "t3", "t4"):
        root.locator(f'input[data-input="{name}"]').fill("0")
    assert root.locator(".hb-calc__result").inner_text() == "无法计算T1 占比：除数为 0。请检查输入的数值。"
    root.locator('input[data-input="t1"]').fill("90")
    assert root.locator(".hb-calc__result").inner_text() == "T1 拜访客户：请输入 0～80 之间的数值。"


def test_the_time_split_says_what_the_four_rules_say(page, site_url):
    """V1's worksheet: a week's hours per T1–T4, the shares, and the rules that apply."""
    page.goto(site_url + "visits/time.html")
    root = page.locator('[data-calculator="time-split"]')
    page.wait_for_selector('[data-calculator="time-split"][data-ready]')
    worked = root.locator(".hb-calc__worked .hb-calc__advice li").all_inner_texts()
    assert [t[:5] for t in worked] == ["第一条原则", "第二条原则", "第三条原则", "第四条原则"]
    for name, value in {"t1": 18, "t2": 4, "t3": 20, "t4": 8}.items():
        root.locator(f'input[data-input="{name}"]').fill(str(value))
    assert root.locator(".hb-calc__result .hb-calc__advice li").all_inner_texts() == worked
    for name, value in {"t1": 30, "t2": 8, "t3": 12, "t4": 0}.items():     # 小王's week after the change
        root.locator(f'input[data-input="{name}"]').fill(str(value))
    result = root.locator(".hb-calc__result")
    assert result.locator(".hb-calc__step").all_inner_texts()[1:] == [
        "T1 占比 = 30 ÷ 50 × 100 = 60 %", "T2 占比 = 8 ÷ 50 × 100 = 16 %",
        "T3 占比 = 12 ÷ 50 × 100 = 24 %", "T4 占比 = 0 ÷ 50 × 100 = 0 %"]
    assert result.locator(".hb-calc__advice li").all_inner_texts() == [
        "四类时间的比例都在参考线以内。保持现在的安排，旺季前再记录一周核对一次。"]
    root.locator('input[data-input="t3"]').fill("20")        # T3 back to 20 of 58 hours (34%)
    assert [t[:5] for t in result.locator(".hb-calc__advice li").all_inner_texts()] == ["第三条原则"]
    assert page.js_errors == []


def test_template_rows_survive_a_reload_and_are_exported(page, site_url):
    from macros.record.format import LearnerRecord

    page.goto(site_url + "visits/retail-visit.html")
    page.wait_for_selector('[data-template="visit-record"][data-ready]')
    root = page.locator('[data-template="visit-record"]')
    root.locator('[data-field="1"] input').fill("城东家电卖场")
    table = root.locator('[data-table="0"]')
    assert table.locator("tbody tr").count() == 5
    for _ in range(2):
        table.get_by_role("button", name="加一行").click()
    assert table.locator("tbody tr").count() == 7
    table.locator('input[name="t0-r6-c0"]').fill("P70D20TL-D4")
    table.locator('input[name="t0-r6-c3"]').fill("8")
    root.locator('[data-note="1"] textarea').fill("周五前答复返利到账时间")
    assert "已保存在这台设备上" in root.locator(".hb-template__status").inner_text()
    page.reload()
    page.wait_for_selector('[data-template="visit-record"][data-ready]')
    table = root.locator('[data-table="0"]')
    assert table.locator("tbody tr").count() == 7
    assert table.locator('input[name="t0-r6-c0"]').input_value() == "P70D20TL-D4"
    assert root.locator('[data-field="1"] input').input_value() == "城东家电卖场"
    # the learner export (我的进度) carries it, in the format LearnerRecord defines
    page.goto(site_url + "progress/")
    page.wait_for_function("window.HandbookRecord && window.HandbookRecord.shared")
    page.evaluate("window.Handbook.store.set('learner', {name: '小王'})")
    record = page.evaluate("window.HandbookRecord.shared.snapshot()")
    assert page.evaluate("(r) => window.HandbookRecordCheck(r)", record) is None
    LearnerRecord.model_validate(record)
    (template,) = record["templates"]
    assert template["id"] == "visit-record" and template["title"] == "拜访记录表" and template["page"] == "visits/retail-visit"
    assert {"label": "终端名称", "value": "城东家电卖场"} in template["fields"]
    stock = template["tables"][0]
    assert stock["title"] == "库存与订单（按型号）" and stock["rows"] == [["P70D20TL-D4", "", "", "8", "", "", ""]]
    assert template["tables"][1]["rows"] == []
    assert {"label": "问题、承诺和答复期限", "value": "周五前答复返利到账时间"} in template["notes"]
    assert page.js_errors == []


def test_clearing_a_template_asks_first(page, site_url):
    page.goto(site_url + "visits/daily-routine.html")
    page.wait_for_selector('[data-template="daily-report"][data-ready]')
    root = page.locator('[data-template="daily-report"]')
    root.locator('[data-field="0"] input').fill("小李")
    page.once("dialog", lambda d: d.dismiss())
    root.get_by_role("button", name="清除").click()
    assert root.locator('[data-field="0"] input').input_value() == "小李"
    page.once("dialog", lambda d: d.accept())
    root.get_by_role("button", name="清除").click()
    assert root.locator('[data-field="0"] input').input_value() == ""
    page.reload()
    page.wait_for_selector('[data-template="daily-report"][data-ready]')
    assert root.locator('[data-field="0"] input').input_value() == ""


def pdf_pages(path: Path) -> tuple[int, tuple[int, int]]:
    """Sheets, and the first sheet's size in whole millimetres."""
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
    return pages, (round(width / 72 * 25.4), round(height / 72 * 25.4))


def print_one(page, selector: str, button: str) -> None:
    """Click the section's print button (the dialog stubbed out) and look as a printer does."""
    page.evaluate("window.print = function () {}")
    page.locator(selector).get_by_role("button", name=button, exact=True).click()
    page.emulate_media(media="print")


def save_pdf(page, out: Path) -> None:
    """Print as Chromium would (this ends the print: afterprint undoes print-one)."""
    page.pdf(path=str(out), prefer_css_page_size=True, print_background=True)


def test_printing_a_card_gives_one_a6_sheet_front_and_back(page, site_url, tmp_path):
    page.goto(site_url + "field-kit/cards.html")
    page.wait_for_selector('[data-card="card-closing"][data-ready]')
    print_one(page, '[data-card="card-closing"]', "打印这张卡")
    assert page.locator('[data-card="card-closing"] .hb-card__side--back').is_visible()
    assert not page.locator('[data-card="card-man"]').is_visible()
    assert not page.locator("article h1").is_visible()
    save_pdf(page, tmp_path / "card.pdf")
    pages, size = pdf_pages(tmp_path / "card.pdf")
    assert (pages, size) == (2, (105, 148))                          # A6, front and back
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(tmp_path / "card.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    front, back = text.split("\f")[:2]
    assert "A 利益汇总法" in front and "G 哀兵策略法" in front and "步骤 5" in back
    assert "MAN 原则" not in text


def test_printing_a_template_gives_only_it_on_a4(page, site_url, tmp_path):
    page.goto(site_url + "visits/retail-visit.html")
    page.wait_for_selector('[data-template="visit-record"][data-ready]')
    page.locator('[data-template="visit-record"] [data-field="1"] input').fill("城东家电卖场")
    print_one(page, '[data-template="visit-record"]', "打印空白表")
    assert page.locator('[data-template="visit-record"]').is_visible()
    assert not page.locator('[data-calculator="reorder"]').is_visible()
    assert not page.locator("article h1").is_visible()
    color = page.locator('[data-template="visit-record"] [data-field="1"] input').evaluate("e => getComputedStyle(e).color")
    assert color == "rgba(0, 0, 0, 0)"                             # a blank copy: what was typed is not printed
    save_pdf(page, tmp_path / "blank.pdf")
    pages, size = pdf_pages(tmp_path / "blank.pdf")
    assert size == (297, 210) and pages == 1                         # A4 landscape, one sheet
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(tmp_path / "blank.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "拜访记录表" in text and "库存与订单" in text and "建议订货量计算器" not in text


# --------------------------------------------------------------------------
# The whole handbook as one PDF
# --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def handbook_pdf(site_dir, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "handbook.pdf"
    result = subprocess.run([sys.executable, "-m", "macros", "pdf", str(site_dir), str(out)], cwd=ROOT,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    assert re.search(r"handbook\.pdf: \d+ 个页面，共 \d+ 页", result.stdout)
    return out


def pdf_text(path: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          check=True, timeout=300).stdout
    return text.split("\f")


def nav_titles(site_dir: Path) -> list[str]:
    from macros.fieldkit.pdf import nav_entries

    return [e.title for e in nav_entries(ROOT, site_dir)]


def test_the_pdf_holds_every_page_in_nav_order(handbook_pdf, site_dir):
    pages, size = pdf_pages(handbook_pdf)
    assert size == (210, 297) and pages > 150                                      # A4
    sheets = pdf_text(handbook_pdf)
    assert len([s for s in sheets if s.strip()]) >= pages - 2
    assert "销售业务员培训手册" in sheets[0] and "格兰仕" in sheets[0]
    contents = "".join(sheets[1:4])
    assert "目录" in contents
    titles = nav_titles(site_dir)
    assert len(titles) == 37
    whole = re.sub(r"\s+", "", "".join(sheets))
    for title in titles:
        assert re.sub(r"\s+", "", title) in whole, title
    # the contents give each page's sheet: its title is on it
    flat = [re.sub(r"\s+", "", s) for s in sheets]
    numbers = re.findall(r"^(.+?)\s*\.*\s*(\d+)$", "\n".join(sheets[1:4]), re.M)
    checked = 0
    for title, number in numbers:
        title = re.sub(r"\s+", "", title)
        if title in {re.sub(r"\s+", "", t) for t in titles}:
            assert title in flat[int(number) - 1], (title, number)
            checked += 1
    assert checked >= 10


def test_the_pdf_embeds_its_chinese_fonts(handbook_pdf):
    fonts = subprocess.run(["pdffonts", str(handbook_pdf)], capture_output=True, text=True, check=True).stdout
    cjk = [line for line in fonts.splitlines() if "CJK" in line]
    assert cjk, fonts
    for line in cjk:
        assert re.search(r"CID Type 0C.*Identity-H\s+yes\s+yes\s+yes", line), line     # embedded, subset, ToUnicode
    assert "Type 3" not in fonts


def test_the_pdf_has_no_answer_key(handbook_pdf, site_dir):
    from macros.bank.loader import load_bank as load
    from macros.fieldkit.pdf import ARTICLE, compose

    document, _ = compose(site_dir, ROOT)
    assert "data-key=" not in document and "<script" not in document
    text = re.sub(r"\s+", "", "".join(pdf_text(handbook_pdf)))
    # what the built pages show (their text, without attributes such as the encoded key)
    import html as html_module

    shown = "".join(html_module.unescape(re.sub(r"<[^>]+>", "", ARTICLE.search(p.read_text(encoding="utf-8")).group(1)))
                    for p in site_dir.rglob("*.html") if ARTICLE.search(p.read_text(encoding="utf-8")))
    pages = re.sub(r"\s+", "", shown)
    bank = load(ROOT)
    secret = []
    for _, _, question in bank.questions().values():
        explanation = re.sub(r"\s+", "", question.explanation)
        if explanation[:40] not in pages:            # words found only in the answer key
            secret.append(explanation[:40])
    assert len(secret) > 50
    leaked = [s for s in secret if s in text]
    assert leaked == []



def test_quiz_sheets_on_paper_can_be_answered_with_a_pen(site_dir):
    """On paper a drop-down cannot open: a matching question lists its choices
    as A, B, C…, an ordering question has a blank per item, options get a box."""
    from macros.fieldkit.pdf import compose

    document, _ = compose(site_dir, ROOT)
    questions = re.findall(r'<li class="hb-question".*?</fieldset>', document, re.S)
    assert len(questions) > 200
    sheet = "".join(questions)
    assert "<select" not in sheet and 'type="radio"' not in sheet and 'type="checkbox"' not in sheet
    page = (site_dir / "interview" / "index.html").read_text(encoding="utf-8")
    matching = re.search(r'data-question="p1-type-emphasis".*?<select[^>]*>(.*?)</select>', page, re.S).group(1)
    choices = [t for v, t in re.findall(r'<option value="([^"]*)">(.*?)</option>', matching) if v]
    assert len(choices) == 4
    listed = re.search(r'data-question="p1-type-emphasis".*?<ol class="pdf-choices">(.*?)</ol>', document, re.S).group(1)
    assert re.findall(r"<li>(.*?)</li>", listed) == choices
    single = re.search(r'data-question="p1-purpose".*?<div class="hb-options pdf-options">(.*?)</div>', document, re.S)
    assert single.group(1).count('<span class="pdf-box">○</span>') == 4
    order = re.search(r'data-question="p1-pipeline-order".*?<ul class="hb-order">(.*?)</ul>', document, re.S).group(1)
    assert order.count('<span class="pdf-blank">第＿＿位</span>') == 7
