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
  name and version, storage prefix, pass marks), emitted into the runtime.

``catalog`` writes the handbook's structure for the record pages.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..schema_json import model_schema, schema_json

FORMAT_NAME = "handbook-learner-record"
FORMAT_VERSION = 1
# Every key the browser keeps is this prefix + a name (see the runtime's store).
STORAGE_PREFIX = "handbook:v1:"
# Stages whose pages count towards a rep's progress (not the glossary, the
# offline page, the trainers' pages or the record pages themselves).
LEARNING_STAGES = {"interview", "pre-job", "trial", "hiring", "probation", "on-job",
                   "review", "visits", "agents"}
PROMPT_CHARS = 90


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


class Summary(Exact):
    """总体进度，便于培训师一眼看全。"""

    pages_total: int = Field(ge=0, title="学习页面总数")
    pages_read: int = Field(ge=0, title="已读完的页面数")
    quizzes_total: int = Field(ge=0, title="测验总数")
    quizzes_passed: int = Field(ge=0, title="已通过的测验数")
    checklists_total: int = Field(ge=0, title="检查清单总数")
    checklists_done: int = Field(ge=0, title="已全部勾完的清单数")
    mistakes: int = Field(ge=0, title="错题本中的题数")


class PageRecord(Exact):
    """一个学习页面的阅读情况。"""

    page: str = Field(title="页面编号", description="页面在手册中的路径，例如 pre-job/objections。")
    title: str = Field(title="页面标题")
    section: str = Field(title="所属阶段或板块")
    visited_at: datetime | None = Field(None, title="最近打开时间")
    read_at: datetime | None = Field(None, title="读完时间", description="学员第一次读到页面末尾的时间；未读完为 null。")


class Answer(Exact):
    """一道题最近一次的作答结果。"""

    question: str = Field(title="题目编号")
    correct: bool = Field(title="是否答对")
    answered_at: datetime = Field(title="作答时间")


class QuizRecord(Exact):
    """一个测验的成绩。"""

    id: str = Field(title="测验编号")
    title: str = Field(title="测验标题")
    page: str = Field(title="所在页面")
    section: str = Field(title="所属阶段或板块")
    mode: Literal["practice", "test"] = Field(title="模式", description="practice 练习，test 考试。")
    pass_mark: int = Field(ge=0, le=100, title="及格线(%)")
    questions: int = Field(ge=0, title="题数")
    best: int | None = Field(None, ge=0, le=100, title="最好成绩(%)", description="未完成过为 null。")
    last: int | None = Field(None, ge=0, le=100, title="最近一次成绩(%)")
    passed: bool = Field(title="是否通过", description="最好成绩达到及格线。")
    attempts: int = Field(ge=0, title="完成次数")
    finished_at: datetime | None = Field(None, title="最近完成时间")
    answers: list[Answer] = Field(default_factory=list, title="各题作答", description="每题最近一次的结果。")


class ChecklistRecord(Exact):
    """一份检查清单的完成情况。"""

    id: str = Field(title="清单编号")
    title: str = Field(title="清单标题")
    page: str = Field(title="所在页面")
    items: int = Field(ge=0, title="项目数")
    done: int = Field(ge=0, title="已勾选项目数")
    updated_at: datetime | None = Field(None, title="最近勾选时间")


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
    mistakes: list[str] = Field(title="错题本", description="最近一次答错的题目编号。")
    templates: list[TemplateRecord] = Field(
        default_factory=list, title="工作表格",
        description="在本设备上填写过的工作表格(可选；较早版本导出的文件没有这一项)。")


RECORD_SECTIONS: list[tuple[type[BaseModel], str]] = [
    (LearnerRecord, "学习记录文件"),
    (HandbookInfo, "手册 handbook"),
    (Learner, "学员 learner"),
    (Summary, "总体进度 summary"),
    (PageRecord, "页面 pages 中的一项"),
    (QuizRecord, "测验 quizzes 中的一项"),
    (Answer, "作答 answers 中的一项"),
    (ChecklistRecord, "清单 checklists 中的一项"),
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
            "passMarks": pass_marks}

