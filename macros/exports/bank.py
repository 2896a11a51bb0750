"""The questions an export holds, each with its type's ``export(q)`` data.

Only questions of learning pages are exported (the stages a rep's progress
counts, ``record.format.LEARNING_STAGES``): the trainers' format page holds
demonstration questions that are not part of any course. Those left out are
named in the report, with the reason.

A format maps each question by the *shape* of its data (``shape``), so the
exports name no question type; the type's Chinese name comes from the
registry.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..assessments import types as question_types
from ..bank.data import Bank
from ..content.frontmatter import read_all
from ..content.learning_path import nav_sections
from ..content.pages import STAGE_NAMES
from ..record.format import LEARNING_STAGES

CHOICE, ORDER, MATCH = "choice", "order", "match"
ROLE_PLAY_SCENES = 3     # as python -m macros check counts role-plays


@dataclass(frozen=True)
class Entry:
    """One question as the exports see it."""

    id: str
    type: str            # the type's name (from the data file)
    label: str           # its Chinese name, from the registry
    chapter: str         # 所属章节: "二、岗前培训 / 异议的处理"
    quiz: str            # id of the quiz that defines it
    shuffle: bool        # the quiz shuffles options
    prompt: str          # Markdown
    explanation: str     # Markdown
    data: dict | None    # the type's export(q)
    scenes: int = 0      # a role-play's number of scenes (0: not a role-play)

    @property
    def shape(self) -> str | None:
        return shape(self.data)


def shape(data) -> str | None:
    """What kind of flat question ``export(q)`` data describes (None: no flat form
    or a shape no format knows)."""
    if not isinstance(data, dict):
        return None
    if isinstance(data.get("options"), list) and isinstance(data.get("correct"), list):
        return CHOICE
    if isinstance(data.get("items"), list):
        return ORDER
    if isinstance(data.get("pairs"), list):
        return MATCH
    return None


@dataclass
class Selection:
    entries: list[Entry]
    left_out: list[tuple[str, str, str]]   # (question id, type label, reason)


def chapter_of(page: str, metas: dict[str, dict]) -> str:
    meta = metas.get(page, {})
    stage = STAGE_NAMES.get(meta.get("stage", ""), "")
    title = str(meta.get("title") or page)
    return title if not stage or title == stage else f"{stage} / {title}"


def select(bank: Bank, docs_dir: Path, nav: list | None = None) -> Selection:
    """Every question defined on a learning page, pages in the order of the
    navigation (``nav`` of mkdocs.yml), questions in their file's order."""
    metas = read_all(docs_dir)
    labels = question_types.labels()
    entries, left_out = [], []
    order = {page: n for n, page in enumerate(p for s in nav_sections(nav or []) for p in s.pages)}
    for page, data in sorted(bank.pages.items(), key=lambda item: (order.get(item[0], len(order)), item[0])):
        stage = metas.get(page, {}).get("stage")
        for quiz in data.data.quizzes:
            for q in quiz.questions:
                label = labels.get(q.type, q.type)
                if stage not in LEARNING_STAGES:
                    left_out.append((q.id, label, f"页面 {page} 不是学习页面(阶段 {stage})，题目是示例"))
                    continue
                scenes = len(getattr(q, "scenes", None) or ())
                entries.append(Entry(q.id, q.type, label, chapter_of(page, metas), quiz.id, quiz.shuffle,
                                     q.prompt, q.explanation, question_types.get(q.type).export(q),
                                     scenes if scenes >= ROLE_PLAY_SCENES else 0))
    return Selection(entries, left_out)


@dataclass
class Outcome:
    """What one format holds: counts by type label, and what it could not hold."""

    name: str
    file: str
    written: Counter = field(default_factory=Counter)
    skipped: list[tuple[Entry, str]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.written.values())


def not_held(entry: Entry) -> str:
    """Why no format's writer takes this question."""
    if entry.data is None:
        return f"{entry.label}没有平铺的形式(没有选项表和唯一的答案，只能在手册里作答)"
    return f"{entry.label}的导出数据没有已知的形式({', '.join(sorted(entry.data))})"
