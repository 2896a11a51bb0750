"""单选题 single: one right option among distractors."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Choice, ChoiceOrText, QuestionBase, answers_of, check_choices, export_choices, render_choices

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
    return export_choices(q)
