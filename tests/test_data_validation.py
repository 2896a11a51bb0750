"""The data format's rules: one valid and one invalid case per rule, with the
exact one-line message a trainer reads (file:line: problem)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from macros.errors import HandbookErrors
from macros.bank.loader import load_bank

PAGE = """---
title: 页面
stage: pre-job
audience: [新业务员]
minutes: 1
---

## 讲解 {#lesson}
"""

VALID = """\
quizzes:
  - id: demo
    title: 自测
    questions:
      - id: q-single
        type: single
        prompt: 题干
        answer: 对的
        distractors: [错的一, 错的二]
        explanation: 解析
        link: "#lesson"
"""


def bank_errors(tmp_path: Path, data: str, page: str = "demo.md", extra: dict | None = None) -> list[str]:
    """Load a one-page project; return the error lines ([] when valid)."""
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "docs" / page).write_text(PAGE, encoding="utf-8")
    files = {f"quizzes/{page[:-3]}.yml": data, **(extra or {})}
    for rel, text in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    try:
        load_bank(tmp_path)
    except HandbookErrors as errors:
        return [str(e) for e in errors.errors]
    return []


def variant(old: str, new: str) -> str:
    assert old in VALID
    return VALID.replace(old, new)


def test_valid_file_loads(tmp_path):
    assert bank_errors(tmp_path, VALID) == []


@pytest.mark.parametrize("data, message", [
    (variant("        explanation: 解析", "        explaination: 解析"),
     "quizzes/demo.yml:10: 问题 q-single: 不认识的字段“explaination”(是否拼写错误?)"),
    (variant("        prompt: 题干\n", ""),
     "quizzes/demo.yml:5: 问题 q-single: 缺少“题干”(prompt)"),
    (variant("type: single", "type: choice"),
     "quizzes/demo.yml:5: 问题 q-single: 题型“choice”不存在，可用的题型：single、multiple、truefalse、ordering、matching、scenario"),
    (variant("id: q-single", "id: Q_Single"),
     "quizzes/demo.yml:5: 问题 Q_Single: “编号”“Q_Single”格式不对：只能用小写英文字母、数字和连字符，例如 obj-kinds-1"),
    (variant("    title: 自测\n", "    title: 自测\n    mode: exam\n"),
     "quizzes/demo.yml:4: 测验 demo: “模式”的取值“exam”无效，应为 practice、test 之一"),
    (variant("        distractors: [错的一, 错的二]", "        distractors: []"),
     "quizzes/demo.yml:9: 问题 q-single: “干扰项”至少需要 1 项"),
    (variant("  - id: demo\n", "  - id: demo\n    pass_mark: 150\n"),
     "quizzes/demo.yml:3: 测验 demo: “及格线（百分比）”的数值超出允许范围"),
])
def test_schema_errors_name_file_line_and_problem(tmp_path, data, message):
    assert bank_errors(tmp_path, data) == [message]


def test_yaml_syntax_error_is_one_line(tmp_path):
    data = variant("        prompt: 题干", "        prompt: 注意: 题干")
    assert bank_errors(tmp_path, data) == [
        "quizzes/demo.yml:7: YAML 格式错误：这一行的冒号位置不对(文字中含英文冒号时，请给整段文字加引号)"]


def test_duplicate_key_is_reported(tmp_path):
    data = variant("        prompt: 题干\n", "        prompt: 题干\n        prompt: 又一个\n")
    assert bank_errors(tmp_path, data) == [
        "quizzes/demo.yml:8: 字段“prompt”重复出现(同一层级每个字段只能写一次)"]


def test_single_choice_needs_exactly_one_answer(tmp_path):
    data = variant("        answer: 对的", "        answer: [对的, 也对]")
    assert bank_errors(tmp_path, data) == [
        "quizzes/demo.yml:8: 问题 q-single: 单选题必须恰好有 1 个正确选项(现有 2 个)"]


def test_multiple_choice_needs_at_least_one_answer(tmp_path):
    good = variant("type: single", "type: multiple").replace("answer: 对的", "answer: [对的]")
    assert bank_errors(tmp_path, good) == []
    bad = good.replace("answer: [对的]", "answer: []")
    assert bank_errors(tmp_path, bad) == ["quizzes/demo.yml:8: 问题 q-single: “正确答案”至少需要 1 项"]


def test_options_must_be_distinct(tmp_path):
    data = variant("distractors: [错的一, 错的二]", "distractors: [对的, 错的二]")
    assert bank_errors(tmp_path, data) == ["quizzes/demo.yml:9: 问题 q-single: 选项“对的”重复出现"]


ORDERING = """\
quizzes:
  - id: demo
    title: 自测
    questions:
      - id: q-order
        type: ordering
        prompt: 排序
        items: [一, 二, 三]
        explanation: 解析
        link: "#lesson"
"""


def test_ordering_needs_three_items(tmp_path):
    assert bank_errors(tmp_path, ORDERING) == []
    assert bank_errors(tmp_path, ORDERING.replace("[一, 二, 三]", "[一, 二]")) == [
        "quizzes/demo.yml:8: 问题 q-order: 排序题至少需要 3 个步骤(现有 2 个)"]


MATCHING = """\
quizzes:
  - id: demo
    title: 自测
    questions:
      - id: q-match
        type: matching
        prompt: 配对
        pairs:
          - {left: 甲, right: 一}
          - {left: 乙, right: 二}
        explanation: 解析
        link: "#lesson"
"""


def test_matching_pairs_must_be_complete_and_unambiguous(tmp_path):
    assert bank_errors(tmp_path, MATCHING) == []
    assert bank_errors(tmp_path, MATCHING.replace("{left: 乙, right: 二}", "{left: 乙}")) == [
        "quizzes/demo.yml:10: 问题 q-match: 缺少“右列（与左列对应）”(right)"]
    assert bank_errors(tmp_path, MATCHING.replace("right: 二", "right: 一")) == [
        "quizzes/demo.yml:8: 问题 q-match: 配对题右列(含干扰项)有重复项，配对无法唯一确定"]


SCENARIO = """\
quizzes:
  - id: demo
    title: 自测
    questions:
      - id: q-scene
        type: scenario
        prompt: 情景
        explanation: 解析
        link: "#lesson"
        start: one
        scenes:
          - id: one
            customer: 太贵了
            choices:
              - {text: 好, feedback: 顾客点头, next: two}
              - {text: 坏, feedback: 顾客走了, end: fail}
          - id: two
            customer: 那就买吧
            choices:
              - {text: 成交, feedback: 成交了, end: success}
              - {text: 再想想, feedback: 走了, end: fail}
"""


@pytest.mark.parametrize("old, new, message", [
    ("next: two}", "next: three}",
     "quizzes/demo.yml:15: 问题 q-scene: 场景 one 的第 1 个回应指向不存在的场景 three"),
    ("{text: 成交, feedback: 成交了, end: success}", "{text: 成交, feedback: 成交了, next: one}",
     "quizzes/demo.yml:11: 问题 q-scene: 场景 one 会回到自身形成循环，对话无法结束"),
    ("{text: 坏, feedback: 顾客走了, end: fail}", "{text: 坏, feedback: 顾客走了}",
     "quizzes/demo.yml:16: 问题 q-scene: 场景 one 的第 2 个回应必须写 next(下一幕)或 end(结束)二者之一"),
    ("end: success}", "end: fail}",
     "quizzes/demo.yml:11: 问题 q-scene: 情景题至少要有一条以 end: success 结束的路径"),
    ("start: one", "start: two",
     "quizzes/demo.yml:12: 问题 q-scene: 场景 one 从第一幕出发无法到达"),
])
def test_scenario_links_resolve_and_every_path_ends(tmp_path, old, new, message):
    assert bank_errors(tmp_path, SCENARIO) == []
    assert message in bank_errors(tmp_path, SCENARIO.replace(old, new))


@pytest.mark.parametrize("link, message", [
    ("other.md#lesson", "quizzes/demo.yml:11: 问题 q-single: 学习链接“other.md#lesson”指向的页面 docs/other.md 不存在"),
    ("#lessons", "quizzes/demo.yml:11: 问题 q-single: 学习链接“#lessons”中的锚点 #lessons 在 docs/demo.md 中不存在"),
    ("https://example.com", "quizzes/demo.yml:11: 问题 q-single: 学习链接“https://example.com”应为手册内的相对链接，例如 objections.md#taiji"),
])
def test_section_links_resolve(tmp_path, link, message):
    assert bank_errors(tmp_path, variant('link: "#lesson"', f'link: "{link}"')) == [message]


def test_ids_are_unique_across_the_site(tmp_path):
    other = VALID.replace("id: demo", "id: demo-2").replace("prompt: 题干", "prompt: 另一道题干")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "other.md").write_text(PAGE, encoding="utf-8")
    assert bank_errors(tmp_path, VALID, extra={"quizzes/other.yml": other}) == [
        "quizzes/other.yml:5: 问题编号 q-single 已在 quizzes/demo.yml:5 使用过(编号必须全站唯一)"]


def test_data_file_needs_its_page(tmp_path):
    lost = VALID.replace("demo", "lost").replace("q-single", "q-lost").replace("prompt: 题干", "prompt: 另一道题干")
    assert bank_errors(tmp_path, VALID, extra={"quizzes/lost.yml": lost}) == [
        "quizzes/lost.yml:1: 没有对应的页面 docs/lost.md(数据文件必须与页面同路径)"]


def test_form_levels_must_be_on_the_scale(tmp_path):
    form = """\
    forms:
      - id: form-a
        title: 表
        scale: [{value: 1, label: 差}, {value: 5, label: 好}]
        groups:
          - title: 组
            criteria:
              - {id: c-1, title: 项, levels: {1: 差的表现, 5: 好的表现}}
    """
    assert bank_errors(tmp_path, form) == []
    assert bank_errors(tmp_path, form.replace("5: 好的表现", "4: 好的表现")) == [
        "quizzes/demo.yml:8: 表格 form-a: 评定项目 c-1 的等级 4 不在评分等级 scale 中"]


LOOKUP = """\
tools:
  - id: tool-a
    type: lookup
    title: 工具
    dimensions:
      - id: dim-x
        label: 甲
        options: [{value: X, label: 有}, {value: x, label: 无}]
    outcomes:
      - {when: [X], title: 有, text: 做甲}
      - {when: [x], title: 无, text: 做乙}
"""


def test_lookup_tool_answers_every_combination_once(tmp_path):
    assert bank_errors(tmp_path, LOOKUP) == []
    assert bank_errors(tmp_path, LOOKUP.replace("      - {when: [x], title: 无, text: 做乙}\n", "")) == [
        "quizzes/demo.yml:9: 工具 tool-a: 缺少这些组合的结论：x"]
    assert bank_errors(tmp_path, LOOKUP.replace("when: [x]", "when: [X]")) == [
        "quizzes/demo.yml:11: 工具 tool-a: 条件 X 重复出现(第 1 条已有)",
        "quizzes/demo.yml:9: 工具 tool-a: 缺少这些组合的结论：x"]


RANGE = """\
tools:
  - id: tool-b
    type: range
    title: 工具
    label: 比例
    bands:
      - {min: 0, max: 50, title: 低, text: 少}
      - {min: 50, max: 100, title: 高, text: 多}
"""


def test_range_tool_bands_tile_the_scale(tmp_path):
    assert bank_errors(tmp_path, RANGE) == []
    assert bank_errors(tmp_path, RANGE.replace("{min: 50, max: 100", "{min: 60, max: 100")) == [
        "quizzes/demo.yml:8: 工具 tool-b: 第 2 个区间应从 50 开始、且上限大于下限"]
    assert bank_errors(tmp_path, RANGE.replace("max: 100", "max: 90")) == [
        "quizzes/demo.yml:6: 工具 tool-b: 区间最后到 90，没有覆盖到最大值 100"]


def test_an_unreadable_file_does_not_cause_follow_on_errors(tmp_path):
    stage = VALID.replace("id: demo", "id: stage").replace("      - id: q-single", "      - id: q-other") + \
        "    draw: [q-single]\n"
    broken = VALID.replace("        prompt: 题干\n", "        prompt: 题干: 冒号\n")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "stage.md").write_text(PAGE, encoding="utf-8")
    assert bank_errors(tmp_path, broken, extra={"quizzes/stage.yml": stage}) == [
        "quizzes/demo.yml:7: YAML 格式错误：这一行的冒号位置不对(文字中含英文冒号时，请给整段文字加引号)"]
