"""排序题 ordering: put the steps in order (a position per step, no dragging)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..fields import Markdown
from ..html import inline_html, stable_shuffle, token
from .base import QuestionBase

NAME = "ordering"
LABEL = "排序题"
HINT = "（为每一项选择位次）"
ORDER = 40
EXAMPLE = """\
- id: steps-1
  type: ordering
  prompt: 把推销的步骤排好顺序。
  items: [寻找客户, 接近客户, 产品介绍, 促成交易]
  explanation: 先找到人，再接近，再介绍，最后促成。
  link: "#steps"
"""


class Ordering(QuestionBase):
    """排序题：把步骤排成正确的顺序（用下拉框选择位次，不需要拖动）。"""

    type: Literal["ordering"] = Field(title="题型", description="ordering：排序题")
    items: list[Markdown] = Field(title="按正确顺序列出的步骤",
                                  description="至少 3 项；页面上会打乱顺序显示。")


Model = Ordering


def check(q: Ordering) -> list[tuple[str, tuple]]:
    problems = []
    if len(q.items) < 3:
        problems.append((f"排序题至少需要 3 个步骤(现有 {len(q.items)} 个)", ("items",)))
    if len(set(q.items)) != len(q.items):
        problems.append(("排序题的步骤不能重复", ("items",)))
    return problems


def render(q: Ordering, dom: str) -> tuple[str, dict]:
    tokens = [token(q.id, item) for item in q.items]
    positions = "".join(f'<option value="{i}">第 {i} 位</option>' for i in range(1, len(q.items) + 1))
    rows = []
    for item, tok in stable_shuffle(list(zip(q.items, tokens)), q.id):
        field = f"{dom}-{tok}"
        rows.append(
            f'<li class="hb-order__item"><label for="{field}">{inline_html(item)}</label>'
            f'<select id="{field}" data-token="{tok}"><option value="">选择位次</option>{positions}</select></li>'
        )
    return f'<ul class="hb-order">{"".join(rows)}</ul>', {"correct": tokens}


def export(q: Ordering) -> dict:
    return {"items": list(q.items)}
