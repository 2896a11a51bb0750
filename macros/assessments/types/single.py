"""单选题 single: one right option among distractors."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Choice, ChoiceOrText, QuestionBase, answers_of, check_choices, export_choices, habit_score, render_choices

NAME = "single"
LABEL = "单选题"
ORDER = 10
EXAMPLE = """\
- id: obj-price-1
  type: single
  prompt: 顾客说“太贵了”，最先该做什么？
  answer: 先弄清顾客是和什么比较觉得贵
  distractors:
    - text: 马上降价
      feedback: 没弄清原因就让价，利润和信誉都受损。
    - 强调产品质量好
  explanation: 异议背后的原因不同，对策不同，先问清楚。
  link: "#price"
"""


class SingleChoice(QuestionBase):
    """单选题：一个正确答案，其余为干扰项。"""

    type: Literal["single"] = Field(title="题型", description="single：单选题")
    answer: ChoiceOrText | list[ChoiceOrText] = Field(title="正确答案", description="恰好一个。")
    distractors: list[ChoiceOrText] = Field(min_length=1, title="干扰项",
                                            description="看似合理但错误的选项，每项最好写明为什么错。")


Model = SingleChoice


PARTS = [(Choice, "选项(带反馈时)")]


def check(q: SingleChoice) -> list[tuple[str, tuple]]:
    answers = answers_of(q)
    problems = [] if len(answers) == 1 else [(f"单选题必须恰好有 1 个正确选项(现有 {len(answers)} 个)", ("answer",))]
    return problems + check_choices(q)


def render(q: SingleChoice, dom: str) -> tuple[str, dict]:
    return render_choices(q, dom, "radio")


def export(q: SingleChoice) -> dict:
    return export_choices(q, multiple=False)


def measure(questions: list[SingleChoice], rules, minimum: int) -> tuple[str, str | None]:
    """Always picking the longest or the shortest option must not pass."""
    n = len(questions)
    if n == 0:
        return "单选题：无", None
    longest, shortest = habit_score(questions, max), habit_score(questions, min)
    figure = f"单选题“总选最长”得 {longest / n:.0%}，“总选最短”得 {shortest / n:.0%}({n} 题)"
    if n < minimum:
        return figure + f"，不足 {minimum} 题不检查", None
    for name, score in (("最长", longest), ("最短", shortest)):
        if score / n > rules.habit_max:
            return figure, (f"单选题中总选{name}的选项能得 {score / n:.0%}，最多 {rules.habit_max:.0%}："
                            f"请让一些正确答案写得{'简短' if name == '最长' else '完整'}些，或把干扰项写得更像真话")
    return figure, None
