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
    return {"options": [label for _, label in OPTIONS], "correct": [0 if q.answer else 1], "feedback": [None, None]}
