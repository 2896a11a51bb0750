"""配对题 matching: match each left item with one on the right."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..fields import Markdown, Strict
from ..html import esc, inline_html, stable_shuffle, token
from .base import QuestionBase

NAME = "matching"
LABEL = "配对题"
HINT = "（为左边每一项选择对应内容）"
ORDER = 50
EXAMPLE = """\
- id: man-1
  type: matching
  prompt: 为每个字母选出它的含义。
  pairs:
    - {left: M, right: 购买能力}
    - {left: A, right: 决定权}
    - {left: N, right: 需求}
  explanation: MAN 原则的三个字母。
  link: "#man"
"""


class Pair(Strict):
    left: Markdown = Field(title="左列")
    right: Markdown = Field(title="右列（与左列对应）")


class Matching(QuestionBase):
    """配对题：为左列每一项选出右列中对应的一项。"""

    type: Literal["matching"] = Field(title="题型", description="matching：配对题")
    pairs: list[Pair] = Field(min_length=2, title="正确的配对")
    distractors: list[Markdown] = Field(default_factory=list, title="干扰项",
                                        description="右列中多出来、不与任何左列配对的选项。")


Model = Matching


PARTS = [(Pair, "配对 pairs 中的一项")]


def check(q: Matching) -> list[tuple[str, tuple]]:
    problems = []
    lefts = [p.left for p in q.pairs]
    rights = [p.right for p in q.pairs] + list(q.distractors)
    if len(set(lefts)) != len(lefts):
        problems.append(("配对题左列有重复项", ("pairs",)))
    if len(set(rights)) != len(rights):
        problems.append(("配对题右列(含干扰项)有重复项，配对无法唯一确定", ("pairs",)))
    return problems


def render(q: Matching, dom: str) -> tuple[str, dict]:
    rights = [(p.right, token(q.id, "r", p.right)) for p in q.pairs]
    rights += [(d, token(q.id, "r", d)) for d in q.distractors]
    options = "".join(f'<option value="{tok}">{esc(text)}</option>'
                      for text, tok in stable_shuffle(rights, q.id + "/r"))
    correct, rows = {}, []
    for pair in stable_shuffle(q.pairs, q.id + "/l"):
        left = token(q.id, "l", pair.left)
        correct[left] = token(q.id, "r", pair.right)
        field = f"{dom}-{left}"
        rows.append(
            f'<li class="hb-match__row"><label for="{field}">{inline_html(pair.left)}</label>'
            f'<select id="{field}" data-token="{left}"><option value="">请选择</option>{options}</select></li>'
        )
    return f'<ul class="hb-match">{"".join(rows)}</ul>', {"correct": correct}


def export(q: Matching) -> dict:
    return {"pairs": [[p.left, p.right] for p in q.pairs], "distractors": list(q.distractors)}
