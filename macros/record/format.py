"""The learner record: what the browser keeps, what a rep exports, what a
trainer imports.

Nothing is sent anywhere. The browser keeps progress in localStorage (see
``macros/webapp/runtime/handbook.js`` for the keys). This module is the one
definition of the record:

- ``LearnerRecord``: the exported file's format (version 1).
  ``python -m macros export-schema`` writes ``schema/learner-record.schema.json``
  from it, the 班级成绩 page documents its fields from it, and the build emits
  its JSON Schema into the record pages' script, which checks every imported
  file against it (``record/runtime/schema.js``).
- ``contract()``: the constants the browser shares with the build (format
  name and version, storage prefix, pass marks, the spaced-review key),
  emitted into the runtime.

``catalog`` writes the handbook's structure for the record pages.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..review import STORE_KEY as REVIEW_KEY
from ..schema_json import model_schema, schema_json

FORMAT_NAME = "handbook-learner-record"
FORMAT_VERSION = 1
# The format part of every key the browser keeps: a key is this prefix + the
# site's path + ":" + a name, "handbook:v1:/handbook-a/:quiz:objections" (the
# path is the site root's, computed in the browser: webapp/runtime/handbook.js).
STORAGE_PREFIX = "handbook:v1:"
# Stages whose pages count towards a rep's progress (not the glossary, the
# offline page, the trainers' pages or the record pages themselves).
LEARNING_STAGES = {"interview", "pre-job", "trial", "hiring", "probation", "on-job",
                   "review", "visits", "agents"}
PROMPT_CHARS = 90
# No count in a record comes near this (pages, quizzes, questions, attempts):
# larger numbers (1e308) are nonsense, not progress.
COUNT_MAX = 100_000
# How far after the moment of import a time in a record may lie (clocks differ).
CLOCK_SLACK = timedelta(days=1)

Count = Annotated[int, Field(ge=0, le=COUNT_MAX)]
Id = Annotated[str, Field(min_length=1)]


def clean_name(name: str) -> str:
    """A learner's name as the class view compares it (record/runtime/core.js
    cleanName): NFC, without control and invisible format characters
    (zero-width spaces and joiners, direction marks, BOM), inner white space
    as one space, trimmed, so two files of 张三 are one 张三."""
    name = unicodedata.normalize("NFC", name)
    name = "".join(c for c in name if unicodedata.category(c) not in ("Cc", "Cf"))
    return re.sub(r"\s+", " ", name).strip()


# --------------------------------------------------------------------------
# The exported file (format version 1)
# --------------------------------------------------------------------------

class Exact(BaseModel):
    model_config = ConfigDict(extra="forbid")


class HandbookInfo(Exact):
    """导出记录的手册版本。"""

    title: str = Field(title="手册名称")
    build: str = Field(title="手册版本", description="构建时的版本号(提交编号和日期)；培训师据此判断学员用的是不是最新版。")
    built_at: datetime | None = Field(None, title="构建时间")


class Learner(Exact):
    """学员本人。"""

    name: str = Field(min_length=1, max_length=40, title="姓名", description="学员在“我的进度”页填写，只保存在本设备。")

    @field_validator("name", mode="before")
    @classmethod
    def _clean(cls, value):
        return clean_name(value) if isinstance(value, str) else value


class Summary(Exact):
    """总体进度，便于培训师一眼看全。"""

    pages_total: Count = Field(title="学习页面总数")
    pages_read: Count = Field(title="已读完的页面数")
    quizzes_total: Count = Field(title="测验总数")
    quizzes_passed: Count = Field(title="已通过的测验数")
    checklists_total: Count = Field(title="检查清单总数")
    checklists_done: Count = Field(title="已全部勾完的清单数")
    mistakes: Count = Field(title="错题本中的题数")


class PageRecord(Exact):
    """一个学习页面的阅读情况。"""

    page: Id = Field(title="页面编号", description="页面在手册中的路径，例如 pre-job/objections。")
    title: str = Field(title="页面标题")
    section: str = Field(title="所属阶段或板块")
    visited_at: datetime | None = Field(None, title="最近打开时间")
    read_at: datetime | None = Field(None, title="读完时间", description="学员第一次读到页面末尾的时间；未读完为 null。")


class Answer(Exact):
    """一道题最近一次的作答结果。"""

    question: Id = Field(title="题目编号")
    correct: bool = Field(title="是否答对")
    answered_at: datetime = Field(title="作答时间")


class QuizRecord(Exact):
    """一个测验的成绩。"""

    id: Id = Field(title="测验编号")
    title: str = Field(title="测验标题")
    page: str = Field(title="所在页面")
    section: str = Field(title="所属阶段或板块")
    mode: Literal["practice", "test"] = Field(title="模式", description="practice 练习，test 考试。")
    pass_mark: int = Field(ge=0, le=100, title="及格线(%)")
    questions: Count = Field(title="题数")
    best: int | None = Field(None, ge=0, le=100, title="最好成绩(%)", description="未完成过为 null。")
    last: int | None = Field(None, ge=0, le=100, title="最近一次成绩(%)")
    passed: bool = Field(title="是否通过", description="最好成绩达到及格线。")
    attempts: Count = Field(title="完成次数")
    finished_at: datetime | None = Field(None, title="最近完成时间")
    answers: list[Answer] = Field(default_factory=list, title="各题作答", description="每题最近一次的结果。")

    @model_validator(mode="after")
    def _agree(self):
        if self.passed != (self.best is not None and self.best >= self.pass_mark):
            raise ValueError("“是否通过”与最好成绩和及格线不符")
        if self.best is not None and self.last is not None and self.last > self.best:
            raise ValueError("最近一次成绩高于最好成绩")
        return self


class ChecklistRecord(Exact):
    """一份检查清单的完成情况。"""

    id: Id = Field(title="清单编号")
    title: str = Field(title="清单标题")
    page: str = Field(title="所在页面")
    items: Count = Field(title="项目数")
    done: Count = Field(title="已勾选项目数")
    updated_at: datetime | None = Field(None, title="最近勾选时间")

    @model_validator(mode="after")
    def _agree(self):
        if self.done > self.items:
            raise ValueError("已勾选项目数多于项目数")
        return self


class ReviewCard(Exact):
    """一道题的复习安排(间隔复习算法 FSRS 的卡片)。"""

    question: str = Field(title="题目编号")
    quiz: str = Field(title="所属测验", description="题目所在的模块测验。")
    hash: str = Field(title="题目内容哈希", description="最近一次作答时题目内容的哈希；题目内容改动后，这道题重新开始安排。")
    state: Literal["new", "learning", "review", "relearning"] = Field(title="卡片阶段", description="FSRS 的卡片状态。")
    due: datetime = Field(title="下次复习时间", json_schema_extra={"x-future": True})   # may lie ahead
    last_review: datetime = Field(title="最近作答时间")
    last_grade: Literal["again", "hard", "good", "easy"] = Field(
        title="最近一次评分", description="again 答错；hard 答对但点了“猜的”；good 答对、点了“不太确定”或没有点；easy 答对且点了“有把握”。")
    stability: float = Field(ge=0, title="记忆稳定度(天)", description="FSRS 估计的记忆能保持的天数。")
    difficulty: float = Field(ge=1, le=10, title="难度(1–10)")
    reps: int = Field(ge=1, title="作答次数")
    lapses: int = Field(ge=0, title="FSRS 遗忘次数", description="FSRS 记的 lapses：第一次作答以后每答错一次加一。")
    forgotten: int = Field(ge=0, title="遗忘次数", description="答对以后、下一次又答错的次数；班级成绩页据此列出全班最常遗忘的题。")
    scheduled_days: int = Field(ge=0, title="间隔天数", description="最近一次作答到下次复习的天数。")


class StageRetention(Exact):
    """一个阶段的复习保持率。"""

    section: str = Field(title="阶段或板块")
    reviewed: int = Field(ge=0, title="复习过的题数", description="统计期内再次作答(复习)过的题。")
    sure: int = Field(ge=0, title="答对且有把握的题数", description="其中最近一次答对并点了“有把握”的题。")
    retention: int | None = Field(None, ge=0, le=100, title="保持率(%)", description="答对且有把握的题数占复习过的题数的比例；没有复习过的题为 null。")


class ReviewRecord(Exact):
    """间隔复习(今日复习)的安排和保持率。"""

    daily_cap: int = Field(ge=1, le=200, title="每天复习题数上限")
    due_today: int = Field(ge=0, title="导出当天待复习的题数")
    retention_days: int = Field(ge=1, title="保持率的统计天数", description="保持率只看最近这么多天内的复习。")
    cards: list[ReviewCard] = Field(title="各题的复习安排",
                                    description="导出的文件中，做过的每一道题一张卡片；给培训师扫码时只带答对后又答错过的题"
                                                "(班级成绩只用这些，其余的复习安排留在学员的设备上)。")
    retention: list[StageRetention] = Field(title="各阶段的保持率")


class TemplateValue(Exact):
    """工作表格中的一个填写栏。"""

    label: str = Field(title="栏目")
    value: str = Field(title="填写的内容")


class TemplateTable(Exact):
    """工作表格中逐行填写的一个表格。"""

    title: str = Field(title="小标题")
    columns: list[str] = Field(title="列")
    rows: list[list[str]] = Field(title="各行", description="每行按列的顺序；空行不导出。")


class TemplateRecord(Exact):
    """学员在平板上填写的一张工作表格(拜访记录表、拜访日报等)。"""

    id: str = Field(title="表格编号")
    title: str = Field(title="表格标题")
    page: str | None = Field(None, title="所在页面")
    updated_at: datetime | None = Field(None, title="最近填写时间")
    fields: list[TemplateValue] = Field(default_factory=list, title="表头填写栏")
    tables: list[TemplateTable] = Field(default_factory=list, title="逐行填写的表格")
    notes: list[TemplateValue] = Field(default_factory=list, title="大段填写栏")


class LearnerRecord(Exact):
    """学员从“我的进度”导出的学习记录文件(.json)。"""

    format: Literal[FORMAT_NAME] = Field(title="文件类型", description=f"固定为 {FORMAT_NAME}。")
    version: Literal[FORMAT_VERSION] = Field(title="格式版本", description="本说明对应版本 1；格式改变时版本号加一。")
    exported_at: datetime = Field(title="导出时间")
    handbook: HandbookInfo = Field(title="手册")
    learner: Learner = Field(title="学员")
    summary: Summary = Field(title="总体进度")
    pages: list[PageRecord] = Field(title="页面")
    quizzes: list[QuizRecord] = Field(title="测验")
    checklists: list[ChecklistRecord] = Field(title="检查清单")
    mistakes: list[Id] = Field(title="错题本", description="最近一次答错的题目编号。")
    review: ReviewRecord | None = Field(None, title="间隔复习",
                                        description="较早版本的手册导出的文件没有这一项，照样可以打开。")
    templates: list[TemplateRecord] = Field(
        default_factory=list, title="工作表格",
        description="在本设备上填写过的工作表格(可选；较早版本导出的文件没有这一项)。")

    @model_validator(mode="after")
    def _agree(self):
        """What the class view (record/runtime/classview.js nonsense()) also
        refuses: repeated entries, a summary that disagrees with the lists,
        times after the moment of checking (+ CLOCK_SLACK)."""
        for name, key in (("pages", "page"), ("quizzes", "id"), ("checklists", "id")):
            ids = [getattr(x, key) for x in getattr(self, name)]
            if len(ids) != len(set(ids)):
                raise ValueError(f"{type(self).model_fields[name].title}中有重复的编号")
        s, wanted = self.summary, {
            "pages_total": len(self.pages), "pages_read": sum(p.read_at is not None for p in self.pages),
            "quizzes_total": len(self.quizzes), "quizzes_passed": sum(q.passed for q in self.quizzes),
            "checklists_total": len(self.checklists),
            "checklists_done": sum(bool(c.items) and c.done == c.items for c in self.checklists),
            "mistakes": len(self.mistakes)}
        for field, value in wanted.items():
            if getattr(s, field) != value:
                raise ValueError(f"总体进度的{Summary.model_fields[field].title}与明细不符")
        latest = datetime.now(timezone.utc) + CLOCK_SLACK
        times = [self.exported_at, self.handbook.built_at]
        times += [t for p in self.pages for t in (p.visited_at, p.read_at)]
        times += [t for q in self.quizzes for t in (q.finished_at, *(a.answered_at for a in q.answers))]
        times += [c.updated_at for c in self.checklists]
        for t in times:
            if t is not None and (t if t.tzinfo else t.replace(tzinfo=timezone.utc)) > latest:
                raise ValueError("记录中有晚于今天的时间")
        return self


RECORD_SECTIONS: list[tuple[type[BaseModel], str]] = [
    (LearnerRecord, "学习记录文件"),
    (HandbookInfo, "手册 handbook"),
    (Learner, "学员 learner"),
    (Summary, "总体进度 summary"),
    (PageRecord, "页面 pages 中的一项"),
    (QuizRecord, "测验 quizzes 中的一项"),
    (Answer, "作答 answers 中的一项"),
    (ChecklistRecord, "清单 checklists 中的一项"),
    (ReviewRecord, "间隔复习 review"),
    (ReviewCard, "复习安排 cards 中的一项"),
    (StageRetention, "保持率 retention 中的一项"),
    (TemplateRecord, "工作表格 templates 中的一项"),
    (TemplateValue, "填写栏"),
    (TemplateTable, "逐行填写的表格"),
]


# --------------------------------------------------------------------------
# Schema
# --------------------------------------------------------------------------

RECORD_SCHEMA_PATH = Path("schema") / "learner-record.schema.json"


def record_schema() -> dict:
    return model_schema(LearnerRecord, "learner-record.schema.json")


def record_schema_text() -> str:
    return schema_json(record_schema())


def contract(pass_marks: dict[str, int]) -> dict:
    """What the browser runtime reads instead of repeating literals."""
    return {"format": FORMAT_NAME, "version": FORMAT_VERSION, "prefix": STORAGE_PREFIX,
            "passMarks": pass_marks, "reviewKey": REVIEW_KEY}

