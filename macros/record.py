"""The learner record: what the browser keeps, what a rep exports, what a
trainer imports.

Nothing is sent anywhere. The browser keeps progress in localStorage (see
``docs/assets/javascripts/handbook.js`` for the keys); this module makes the
build-time side:

- ``build_catalog``: the handbook's structure (sections, pages, quizzes with
  their question ids and content hashes, checklists) written to
  ``assets/javascripts/catalog.js``. The pages 我的进度, 错题本 and 班级成绩
  (``record.js``) read it; other pages never load it.
- ``write_banks``: each quiz's rendered HTML as ``assets/quizzes/<id>.js``,
  so 错题本 can show a question and let the rep retry it on the spot, also
  from file:// where fetch() is not allowed.
- ``LearnerRecord``: the exported file's format (version 1). It is the
  single definition: ``python -m macros export-schema`` writes
  ``schema/learner-record.schema.json`` from it, and the 班级成绩 page
  documents its fields from it.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
from datetime import datetime, timezone
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .learning_path import nav_sections
from .loader import built_url, rebase_link

FORMAT_NAME = "handbook-learner-record"
FORMAT_VERSION = 1
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


class LearnerRecord(Exact):
    """学员从“我的进度”导出的学习记录文件(.json)。"""

    format: Literal["handbook-learner-record"] = Field(title="文件类型", description="固定为 handbook-learner-record。")
    version: Literal[1] = Field(title="格式版本", description="本说明对应版本 1；格式改变时版本号加一。")
    exported_at: datetime = Field(title="导出时间")
    handbook: HandbookInfo = Field(title="手册")
    learner: Learner = Field(title="学员")
    summary: Summary = Field(title="总体进度")
    pages: list[PageRecord] = Field(title="页面")
    quizzes: list[QuizRecord] = Field(title="测验")
    checklists: list[ChecklistRecord] = Field(title="检查清单")
    mistakes: list[str] = Field(title="错题本", description="最近一次答错的题目编号。")


RECORD_SECTIONS: list[tuple[type[BaseModel], str]] = [
    (LearnerRecord, "学习记录文件"),
    (HandbookInfo, "手册 handbook"),
    (Learner, "学员 learner"),
    (Summary, "总体进度 summary"),
    (PageRecord, "页面 pages 中的一项"),
    (QuizRecord, "测验 quizzes 中的一项"),
    (Answer, "作答 answers 中的一项"),
    (ChecklistRecord, "清单 checklists 中的一项"),
]


# --------------------------------------------------------------------------
# Build-time catalogue of the handbook
# --------------------------------------------------------------------------

def page_key(src: str) -> str:
    """A page's stable key: its path without suffix or trailing ``index``.

    ``pre-job/objections.md`` → ``pre-job/objections``; ``pre-job/index.md`` →
    ``pre-job``; ``index.md`` → ``""``. The browser derives the same key from
    the page's URL (``pageKey`` in handbook.js), whatever the URL style.
    """
    key = re.sub(r"\.(md|html)$", "", src)
    key = re.sub(r"(^|/)index$", "", key)
    return key.strip("/")


def build_version(root: Path) -> tuple[str, str | None]:
    """(label, ISO time) of the commit the site is built from.

    From git rather than the clock, so two builds of one commit are identical
    (the offline copy on tablets is then not re-downloaded for nothing).
    Without git: ("未提交的本地版本", None).
    """
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%h %cs %cI"], cwd=root, capture_output=True,
                             text=True, timeout=10, check=True).stdout.split()
    except (OSError, subprocess.SubprocessError):
        out = []
    if len(out) != 3:
        return "未提交的本地版本", None
    when = datetime.fromisoformat(out[2]).astimezone(timezone.utc).isoformat().replace("+00:00", "Z")
    return f"{out[1]} · {out[0]}", when


def plain_text(fragment_html: str, limit: int = PROMPT_CHARS) -> str:
    text = html.unescape(re.sub(r"<[^>]+>", "", fragment_html))
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def build_catalog(*, title: str, version: tuple[str, str | None], nav: list, metas: dict[str, dict], urls: dict[str, str],
                  placed: dict, quizzes: dict, checklists: dict, bank_questions: dict,
                  pass_default: int, hash_of, prompt_html) -> dict:
    """The structure 我的进度, 错题本 and 班级成绩 need, as plain data.

    ``quizzes`` / ``checklists``: id → model as placed (quizzes with their drawn
    questions resolved); ``placed``: (collection, id) → page src;
    ``bank_questions``: question id → (page data, quiz, question) of the quiz
    that defines it; ``hash_of`` / ``prompt_html`` come from render.py.
    """
    pages: dict[str, dict] = {}
    for src, meta in metas.items():
        if src not in urls:
            continue
        pages[page_key(src)] = {"title": meta.get("title") or src, "url": urls[src],
                                "minutes": meta.get("minutes"), "quizzes": [], "checklists": []}
    sections = []
    for section in nav_sections(nav):
        keys = [page_key(p) for p in section.pages
                if p in metas and metas[p].get("stage") in LEARNING_STAGES and page_key(p) in pages]
        if keys:
            sections.append({"title": section.title, "pages": keys})
            for key in keys:
                pages[key]["section"] = section.title
    quiz_out = {}
    for ident, quiz in quizzes.items():
        key = page_key(placed[("quizzes", ident)])
        pages[key]["quizzes"].append(ident)
        quiz_out[ident] = {"title": quiz.title, "page": key, "mode": quiz.mode,
                           "pass": quiz.pass_mark or pass_default,
                           "questions": [[q.id, hash_of(q)] for q in quiz.questions]}
    check_out = {}
    for ident, checklist in checklists.items():
        key = page_key(placed[("checklists", ident)])
        pages[key]["checklists"].append(ident)
        check_out[ident] = {"title": checklist.title, "page": key,
                            "items": [item.id for group in checklist.groups for item in group.items]}
    questions = {}
    for qid, (data, home, question) in bank_questions.items():
        if home.id not in quiz_out:
            continue
        link = rebase_link(question.link, data.page, "index.md")
        questions[qid] = {"text": plain_text(prompt_html(question.prompt)), "quiz": home.id,
                          "url": built_url(link)}
    return {"format": 1, "title": title, "build": version[0], "built": version[1],
            "sections": sections, "pages": pages, "quizzes": quiz_out, "checklists": check_out,
            "questions": questions}


CATALOG_PATH = "assets/javascripts/catalog.js"
BANK_DIR = "assets/quizzes"


def write_catalog(site: Path, catalog: dict) -> Path:
    path = site / CATALOG_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(catalog, ensure_ascii=False, separators=(",", ":"))
    path.write_text(f"window.HandbookCatalog={data};\n", encoding="utf-8")
    return path


def write_banks(site: Path, rendered: dict[str, str]) -> None:
    """One script per quiz: its rendered HTML, for retrying a question in 错题本."""
    target = site / BANK_DIR
    target.mkdir(parents=True, exist_ok=True)
    for ident, markup in rendered.items():
        data = json.dumps(markup, ensure_ascii=False)
        (target / f"{ident}.js").write_text(
            f"(window.HandbookBank=window.HandbookBank||{{}})[{json.dumps(ident)}]={data};\n", encoding="utf-8")


# --------------------------------------------------------------------------
# Schema
# --------------------------------------------------------------------------

RECORD_SCHEMA_PATH = Path("schema") / "learner-record.schema.json"


def record_schema_text() -> str:
    from .schema import model_schema, schema_json

    return schema_json(model_schema(LearnerRecord, "learner-record.schema.json"))
