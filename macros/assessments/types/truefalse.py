"""判断题 truefalse: a statement that is right or wrong."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..html import esc
from .base import QuestionBase

NAME = "truefalse"
LABEL = "判断题"
ORDER = 30
SCAFFOLD = True                  # new data files start with this example
MEASURED_IN = ("bank", "test")   # "always 错" is checked in every stage test too
OPTIONS = (("t", "对"), ("f", "错"))
EXAMPLE = """\
- id: visit-time-1
  type: truefalse
  prompt: 这是一道示例题，请换成本模块真正的题目。
  answer: true
  explanation: 写出解析：为什么对、为什么错。
  link: "#part-1"
"""


class TrueFalse(QuestionBase):
    """判断题。"""

    type: Literal["truefalse"] = Field(title="题型", description="truefalse：判断题")
    answer: bool = Field(title="正确答案", description="true 表示“对”，false 表示“错”。")


Model = TrueFalse


def check(q: TrueFalse) -> list[tuple[str, tuple]]:
    return []


def render(q: TrueFalse, dom: str) -> tuple[str, dict]:
    options = "".join(
        f'<label class="hb-option"><input type="radio" name="{esc(dom)}" value="{value}">'
        f"<span>{label}</span></label>"
        for value, label in OPTIONS
    )
    return f'<div class="hb-options">{options}</div>', {"correct": ["t" if q.answer else "f"]}


def export(q: TrueFalse) -> dict:
    return {"options": [label for _, label in OPTIONS], "correct": [0 if q.answer else 1], "feedback": [None, None],
            "multiple": False}


def measure(questions: list[TrueFalse], rules, minimum: int) -> tuple[str, str | None]:
    """How many are keyed 对: always answering 对 (or 错) must not pass."""
    n, true = len(questions), sum(1 for q in questions if q.answer)
    if n == 0:
        return "判断题：无", None
    figure = f"判断题答案为“对” {true / n:.0%}({true}/{n})"
    if n < minimum:
        return figure + f"，不足 {minimum} 题不检查", None
    low, high = rules.true_share_min, rules.true_share_max
    if low <= true / n <= high:
        return figure, None
    habit = "错" if true / n < low else "对"
    return figure, (f"判断题答案为“对”的占 {true / n:.0%}({true}/{n})，应在 {low:.0%}–{high:.0%} 之间："
                    f"总答“{habit}”就能得 {max(true, n - true) / n:.0%}。请把一些题改写成相反的说法(并改 answer 和解析)")
