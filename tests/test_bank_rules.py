"""The bank's rules against test-taking habits: each with a failing fixture and
its exact message, the thresholds from mkdocs.yml, and the figures ``check``
prints for the real bank."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from macros.bank.loader import load_bank
from macros.errors import HandbookErrors

PAGE = """---
title: 规则
stage: pre-job
audience: [新业务员]
minutes: 1
---

## 讲解 {#lesson}
"""


def truefalse(i: int, answer: bool) -> dict:
    return {"id": f"tf-{i}", "type": "truefalse", "prompt": f"判断第 {i} 句话是否正确。", "answer": answer,
            "explanation": "这是一段足够长的解析文字，说明为什么。", "link": "#lesson"}


def single(i: int, answer: str, distractors: list[str]) -> dict:
    return {"id": f"sc-{i}", "type": "single", "prompt": f"单选第 {i} 题", "answer": answer,
            "distractors": distractors, "explanation": "这是一段足够长的解析文字，说明为什么。", "link": "#lesson"}


def multiple(i: int, right: int) -> dict:
    return {"id": f"mc-{i}", "type": "multiple", "prompt": f"多选第 {i} 题",
            "answer": [f"对的说法{i}-{k}" for k in range(right)],
            "distractors": [f"错的说法{i}-{k}" for k in range(5 - right)],
            "explanation": "这是一段足够长的解析文字，说明为什么。", "link": "#lesson"}


def balanced_truefalse(start: int = 100) -> list[dict]:
    return [truefalse(start + i, i % 2 == 0) for i in range(10)]


def project(tmp_path: Path, questions: list[dict], tests: list[dict] = (), config: str | None = None) -> Path:
    (tmp_path / "docs" / "pre-job").mkdir(parents=True)
    (tmp_path / "quizzes" / "pre-job").mkdir(parents=True)
    (tmp_path / "docs" / "pre-job" / "rules.md").write_text(PAGE, encoding="utf-8")
    data = {"quizzes": [{"id": "rules-quiz", "title": "规则", "questions": questions}, *tests]}
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    (tmp_path / "quizzes" / "pre-job" / "rules.yml").write_text(text, encoding="utf-8")
    if config:
        (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    return tmp_path


def problems(root: Path) -> list[str]:
    try:
        load_bank(root)
    except HandbookErrors as error:
        return [str(e) for e in error.errors]
    return []


def line_of(root: Path, text: str) -> int:
    lines = (root / "quizzes" / "pre-job" / "rules.yml").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


def test_a_balanced_bank_passes(tmp_path):
    questions = balanced_truefalse() + [single(1, "长一些的正确说法", ["短说法", "另一个较长的错误说法"])]
    assert problems(project(tmp_path, questions)) == []


def test_truefalse_keyed_one_way_fails(tmp_path):
    root = project(tmp_path, [truefalse(i, False) for i in range(10)])
    assert problems(root) == [
        "quizzes/: 全部题目: 判断题答案为“对”的占 0%(0/10)，应在 35%–65% 之间：总答“错”就能得 100%。"
        "请把一些题改写成相反的说法(并改 answer 和解析)"]


def test_truefalse_balance_within_a_stage_test(tmp_path):
    questions = [truefalse(i, i > 5) for i in range(1, 11)]
    stage = {"id": "rules-test", "title": "阶段测试", "mode": "test", "draw": ["tf-1", "tf-2"]}
    root = project(tmp_path, questions, [stage])
    line = line_of(root, "id: rules-test")
    assert problems(root) == [
        f"quizzes/pre-job/rules.yml:{line}: 测验 rules-test: 判断题答案为“对”的占 0%(0/2)，应在 35%–65% 之间："
        "总答“错”就能得 100%。请把一些题改写成相反的说法(并改 answer 和解析)"]


def test_always_the_shortest_option_fails(tmp_path):
    questions = [single(i, "短", ["一个长得多的错误说法", "另一个也很长的错误说法"]) for i in range(10)]
    assert problems(project(tmp_path, questions + balanced_truefalse())) == [
        "quizzes/: 全部题目: 单选题中总选最短的选项能得 100%，最多 35%：请让一些正确答案写得完整些，或把干扰项写得更像真话"]


def test_always_the_longest_option_fails_and_ties_are_shared(tmp_path):
    # answer tied with one distractor for longest in every question: 10 × ½ = 50%
    questions = [single(i, "正确的长说法", ["错误的长说法", "短"]) for i in range(10)]
    assert problems(project(tmp_path, questions + balanced_truefalse())) == [
        "quizzes/: 全部题目: 单选题中总选最长的选项能得 50%，最多 35%：请让一些正确答案写得简短些，或把干扰项写得更像真话"]


def test_the_same_number_of_right_options_fails(tmp_path):
    questions = [multiple(i, 3) for i in range(8)] + [multiple(8, 2), multiple(9, 2)]
    assert problems(project(tmp_path, questions + balanced_truefalse())) == [
        "quizzes/: 全部题目: 多选题中 80% 的题都是 3 个正确项，最多 50%：请让一些题的正确项多一个或少一个"]


def test_a_catch_all_option_fails_at_its_line(tmp_path):
    root = project(tmp_path, [single(1, "以上都对", ["一个错误说法"])] + balanced_truefalse())
    line = line_of(root, "distractors:")
    assert problems(root) == [f"quizzes/pre-job/rules.yml:{line}: 问题 sc-1: 选项“以上都对”是“以上都对/都不对”一类的万能选项："
                              "它考的是猜题技巧，请换成一个具体的说法"]


def test_a_repeated_prompt_fails_at_its_line(tmp_path):
    twice = [truefalse(1, True), {**truefalse(2, False), "prompt": "判断第 1 句话是否正确。"}]
    root = project(tmp_path, twice)
    lines = [i for i, line in enumerate((root / "quizzes/pre-job/rules.yml").read_text(encoding="utf-8").splitlines(), 1)
             if "判断第 1 句话" in line]
    assert problems(root) == [f"quizzes/pre-job/rules.yml:{lines[1]}: 问题 tf-2: 题干与 tf-1(quizzes/pre-job/rules.yml:{lines[0]}) "
                              "完全相同(同一道题只写一次，阶段测试用 draw 抽取)"]


def test_thresholds_come_from_mkdocs_yml(tmp_path):
    config = "site_name: x\nextra:\n  company: 公司\n  bank_rules:\n    true_share_min: 0.0\n"
    assert problems(project(tmp_path, [truefalse(i, False) for i in range(10)], config=config)) == []


def test_a_wrong_threshold_is_a_clear_error(tmp_path):
    config = "site_name: x\nextra:\n  company: 公司\n  bank_rules:\n    habit_maximum: 0.3\n"
    root = project(tmp_path, balanced_truefalse(), config=config)
    with pytest.raises(Exception) as raised:
        load_bank(root)
    assert str(raised.value) == "mkdocs.yml:4: extra.题库规则 bank_rules.habit_maximum：不认识的设置 “habit_maximum”(是否拼写错误?)"


def test_check_prints_the_figures_of_the_real_bank():
    result = subprocess.run([sys.executable, "-m", "macros", "check"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    figures = result.stdout.split("防猜题规则", 1)[1]
    assert "全部题目：单选题“总选最长”得 " in figures and "多选题正确项个数：" in figures
    assert "判断题答案为“对” 50%(20/40)" in figures


# --------------------------------------------------------------------------
# The cumulative-share (ABC) tool
# --------------------------------------------------------------------------

from macros.assessments import models
from macros.assessments.rules import check_tool, classify_by_share


def share_tool(**changes) -> models.CumulativeTool:
    data = {"id": "abc", "type": "cumulative", "title": "分级", "item": "代理商", "measure": "进货额",
            "classes": [{"title": "A", "up_to": 60, "text": "a"}, {"title": "B", "up_to": 90, "text": "b"},
                        {"title": "C", "up_to": 100, "text": "c"}]}
    return models.CumulativeTool.model_validate({**data, **changes})


def test_the_row_that_crosses_a_boundary_keeps_the_higher_class():
    rows = [("甲", 1750), ("乙", 1300), ("丙", 600), ("丁", 500), ("戊", 400), ("己", 250), ("庚", 150), ("辛", 50)]
    result = classify_by_share(rows, share_tool().classes)
    assert [(r["name"], round(r["cumulative"]), r["class"]) for r in result] == [
        ("甲", 35, "A"), ("乙", 61, "A"), ("丙", 73, "B"), ("丁", 83, "B"), ("戊", 91, "B"),
        ("己", 96, "C"), ("庚", 99, "C"), ("辛", 100, "C")]


def test_share_classes_must_rise_to_100():
    bad = share_tool(classes=[{"title": "A", "up_to": 60, "text": "a"}, {"title": "B", "up_to": 50, "text": "b"}])
    assert check_tool(bad) == [("第 2 个级别的累计占比 50% 应大于上一级的 60%", ("classes", 1, "up_to")),
                               ("最后一个级别应累计到 100%(现为 50%)", ("classes", 1, "up_to"))]
    assert check_tool(share_tool()) == []


def test_the_real_tool_reproduces_the_pages_example():
    from macros.bank.loader import load_bank

    bank = load_bank(ROOT)
    tool = next(t for pd in bank.pages.values() for t in pd.data.tools if t.id == "abc-classifier")
    page = (ROOT / "docs" / "agents" / "classes.md").read_text(encoding="utf-8")
    table = [line.split("|")[1:-1] for line in page.splitlines() if line.strip().startswith("| ") and "万元" in line]
    expected = [(cells[1].strip(), cells[4].strip(), cells[5].strip()) for cells in table]
    result = classify_by_share([(r.name, r.value) for r in tool.example], tool.classes)
    assert [(r["name"], f"{round(r['cumulative'])}%", r["class"]) for r in result] == expected


def test_a_long_role_play_needs_a_way_back():
    from macros.assessments.types import scenario

    def scene(i, last=False):
        nxt = {"end": "success"} if last else {"next": f"s{i + 1}"}
        return {"id": f"s{i}", "customer": f"第 {i} 句", "choices": [
            {"text": "好", "feedback": "好", **nxt}, {"text": "差", "feedback": "差", "end": "fail"}]}
    data = {"id": "rp", "type": "scenario", "prompt": "题", "explanation": "解析", "link": "#a", "start": "s0",
            "scenes": [scene(0), scene(1), scene(2, last=True)]}
    assert scenario.check(scenario.Scenario.model_validate(data)) == [
        ("三幕以上的角色扮演至少要有一处回应没说好时进入另一幕(写 next)，而不是直接结束："
         "让顾客再推一次，给学员挽回的机会", ("scenes",))]
    data["scenes"][1]["choices"][1] = {"text": "差", "feedback": "顾客更不满了", "next": "s2"}
    assert scenario.check(scenario.Scenario.model_validate(data)) == []


def weighted_form(weights, grades=None):
    criteria = [{"id": f"c-{i}", "title": f"项 {i}", "weight": w} for i, w in enumerate(weights)]
    data = {"id": "form-x", "title": "表", "scale": [{"value": 1, "label": "差"}, {"value": 5, "label": "好"}],
            "groups": [{"title": "组", "criteria": criteria}]}
    if grades is not None:
        data["grades"] = grades
    return models.Form.model_validate(data)


def test_form_weights_add_up_to_100_and_grades_descend():
    from macros.assessments.rules import check_form

    assert check_form(weighted_form([30, 20])) == [("各评定项目的权重合计应为 100(现为 50)", ("groups",))]
    assert check_form(weighted_form([60, 40], [{"min": 60, "label": "合格"}, {"min": 80, "label": "优秀"}])) == [
        ("总分等级 grades 应从高到低排列，分数各不相同，最后一级从 0 分起", ("grades",))]
    assert check_form(weighted_form([60, 40], [{"min": 80, "label": "优秀"}, {"min": 0, "label": "其他"}])) == []
