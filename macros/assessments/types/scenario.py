"""情景题 scenario: a role-play. The customer speaks, the rep picks a reply,
each reply leads to an outcome or the next scene; reaching a success end is
right."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..fields import Id, Markdown, Strict
from ..html import esc, inline_html
from .base import QuestionBase

NAME = "scenario"
LABEL = "情景题"
ORDER = 60
EXAMPLE = """\
- id: price-talk
  type: scenario
  prompt: 顾客嫌贵，你来应对。
  start: s1
  scenes:
    - id: s1
      customer: 这台比别家贵两百。
      choices:
        - text: 您是和哪一款比的？
          feedback: 先问清比较对象。
          next: s2
        - text: 那我给您便宜两百。
          feedback: 一开口就让价，顾客会觉得还能再压。
          end: fail
    - id: s2
      customer: 和隔壁那款比。
      choices:
        - text: 那款是单层门，我们是双层保温，每天省的电……
          feedback: 用价值解释差价。
          end: success
        - text: 隔壁那款质量不行。
          feedback: 贬低竞品让顾客反感。
          end: fail
  explanation: 价格异议先问比较对象，再讲价值。
  link: "#price"
"""


class SceneChoice(Strict):
    text: Markdown = Field(title="业务员的回应")
    feedback: Markdown = Field(title="结果", description="这样回应之后发生了什么（顾客的反应或说明）。")
    next: Id | None = Field(None, title="下一幕", description="接着进入的场景编号；与 end 二选一。")
    end: Literal["success", "fail"] | None = Field(
        None, title="结束", description="对话到此结束：success 成功，fail 失败；与 next 二选一。")


class Scene(Strict):
    id: Id
    situation: Markdown | None = Field(None, title="场景说明")
    customer: Markdown = Field(title="顾客的话")
    choices: list[SceneChoice] = Field(min_length=2, title="可选的回应")


class Scenario(QuestionBase):
    """情景题 / 角色扮演：顾客说一句话，业务员选择回应，每个回应引出结果或下一幕。
    走到 success 结局算答对。"""

    type: Literal["scenario"] = Field(title="题型", description="scenario：情景题（角色扮演）")
    start: Id = Field(title="第一幕的编号")
    scenes: list[Scene] = Field(min_length=1, title="场景")


Model = Scenario


PARTS = [(Scene, "场景 scenes 中的一幕"), (SceneChoice, "场景中的一个回应")]


def check(q: Scenario) -> list[tuple[str, tuple]]:
    """Links resolve, every path ends, no loops, no unreachable scene, a way to succeed.

    One depth-first pass over the scene graph (iterative: linear in scenes and
    replies, however many paths there are, and no recursion limit).
    """
    problems: list[tuple[str, tuple]] = []
    scenes = {s.id: s for s in q.scenes}
    if len(scenes) != len(q.scenes):
        problems.append(("情景题中有重复的场景编号", ("scenes",)))
    if q.start not in scenes:
        return problems + [(f"第一幕 start: {q.start} 不存在", ("start",))]
    for si, scene in enumerate(q.scenes):
        for ci, choice in enumerate(scene.choices):
            where = ("scenes", si, "choices", ci)
            if (choice.next is None) == (choice.end is None):
                problems.append((f"场景 {scene.id} 的第 {ci + 1} 个回应必须写 next(下一幕)或 end(结束)二者之一", where))
            elif choice.next is not None and choice.next not in scenes:
                problems.append((f"场景 {scene.id} 的第 {ci + 1} 个回应指向不存在的场景 {choice.next}", where))
    if problems:
        return problems
    state: dict[str, int] = {}          # 1: on the current path, 2: finished
    succeeds = any(c.end == "success" for s in q.scenes for c in s.choices)
    stack = [(q.start, iter([c.next for c in scenes[q.start].choices if c.next]))]
    state[q.start] = 1
    while stack:
        scene_id, children = stack[-1]
        child = next(children, None)
        if child is None:
            state[scene_id] = 2
            stack.pop()
        elif state.get(child) == 1:
            problems.append((f"场景 {child} 会回到自身形成循环，对话无法结束", ("scenes",)))
        elif child not in state:
            state[child] = 1
            stack.append((child, iter([c.next for c in scenes[child].choices if c.next])))
    for si, scene in enumerate(q.scenes):
        if scene.id not in state:
            problems.append((f"场景 {scene.id} 从第一幕出发无法到达", ("scenes", si)))
    reachable_success = any(c.end == "success" for s in q.scenes if s.id in state for c in s.choices)
    if not (succeeds and reachable_success):
        problems.append(("情景题至少要有一条以 end: success 结束的路径", ("scenes",)))
    if len(q.scenes) >= 3 and not any(sum(1 for c in s.choices if c.next) >= 2 for s in q.scenes):
        problems.append(("三幕以上的角色扮演至少要有一处回应没说好时进入另一幕(写 next)，而不是直接结束："
                         "让顾客再推一次，给学员挽回的机会", ("scenes",)))
    return problems


def _scene_key(scene: Scene) -> dict:
    return {
        "situation": inline_html(scene.situation) if scene.situation else "",
        "customer": inline_html(scene.customer),
        "choices": [
            {"text": inline_html(c.text), "feedback": inline_html(c.feedback),
             "next": c.next, "end": c.end}
            for c in scene.choices
        ],
    }


def render(q: Scenario, dom: str) -> tuple[str, dict]:
    """Only the opening scene is in the page; the rest is in the key."""
    first = next(s for s in q.scenes if s.id == q.start)
    situation = f'<p class="hb-scene__situation">{inline_html(first.situation)}</p>' if first.situation else ""
    choices = "".join(
        f'<li><button type="button" class="hb-scene__choice" data-choice="{i}" disabled>{inline_html(c.text)}</button></li>'
        for i, c in enumerate(first.choices)
    )
    body = (
        f'<div class="hb-scenario" data-start="{esc(q.start)}">'
        f'<div class="hb-scene">{situation}'
        f'<p class="hb-scene__customer"><strong>顾客：</strong>{inline_html(first.customer)}</p>'
        f'<ul class="hb-scene__choices">{choices}</ul></div></div>'
    )
    return body, {"start": q.start, "scenes": {s.id: _scene_key(s) for s in q.scenes}}


def export(q: Scenario) -> None:
    """A branching dialogue has no flat form (no option list, no single key)."""
    return None
