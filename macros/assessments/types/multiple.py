"""多选题 multiple: one or more right options; all must be picked."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import ChoiceOrText, QuestionBase, check_choices, export_choices, render_choices

NAME = "multiple"
LABEL = "多选题"
HINT = "（可多选）"
ORDER = 20
EXAMPLE = """\
- id: kit-1
  type: multiple
  prompt: 拜访前要带上哪些东西？
  answer: [产品资料, 订货单]
  distractors: [私人物品]
  explanation: 拜访用品清单见本节。
  link: "#kit"
"""


class MultipleChoice(QuestionBase):
    """多选题：一个或多个正确答案，全部选对才算对。"""

    type: Literal["multiple"] = Field(title="题型", description="multiple：多选题")
    answer: list[ChoiceOrText] = Field(min_length=1, title="正确答案", description="至少一个。")
    distractors: list[ChoiceOrText] = Field(min_length=1, title="干扰项")


Model = MultipleChoice


def check(q: MultipleChoice) -> list[tuple[str, tuple]]:
    return check_choices(q)


def render(q: MultipleChoice, dom: str) -> tuple[str, dict]:
    return render_choices(q, dom, "checkbox")


def export(q: MultipleChoice) -> dict:
    return export_choices(q, multiple=True)


def measure(questions: list[MultipleChoice], rules, minimum: int) -> tuple[str, str | None]:
    """The number of right options varies: "pick three of five" must not pass."""
    from collections import Counter

    n = len(questions)
    if n == 0:
        return "多选题：无", None
    counts = Counter(len(q.answer) for q in questions)
    figure = "多选题正确项个数：" + "，".join(f"{k} 个 {v / n:.0%}" for k, v in sorted(counts.items())) + f"({n} 题)"
    if n < minimum:
        return figure + f"，不足 {minimum} 题不检查", None
    common, times = counts.most_common(1)[0]
    if times / n > rules.multiple_count_max:
        return figure, (f"多选题中 {times / n:.0%} 的题都是 {common} 个正确项，最多 {rules.multiple_count_max:.0%}："
                        f"请让一些题的正确项多一个或少一个")
    return figure, None
