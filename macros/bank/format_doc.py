"""The trainers' reference of the data format, generated from the models.

``format_reference()`` returns Markdown: one table per model, one row per
field (name, what to write, required or not, meaning). It is built from the
pydantic models, so the page cannot drift from what the validator accepts.
"""

from __future__ import annotations

import re
from datetime import datetime
import types
import typing
from typing import Literal, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..assessments import models
from ..assessments import types as question_types
from ..fieldkit import models as kit

# The order and the Chinese heading of each model in the reference.
def _sections() -> list[tuple[type[BaseModel], str]]:
    questions = []
    for kind in question_types.TYPES.values():
        questions += [(kind.model, kind.heading), *kind.parts]
    return [
        (models.DataFile, "数据文件"),
        (models.Quiz, "测验 quizzes"),
        *questions,
        (models.Checklist, "检查清单 checklists"),
        (models.ChecklistGroup, "清单分组"),
        (models.ChecklistItem, "检查项"),
        (models.Form, "评估表 forms"),
        (models.Level, "评分等级 scale"),
        (models.Grade, "总分等级 grades"),
        (models.CriteriaGroup, "评定维度"),
        (models.Criterion, "评定项目"),
        (models.LookupTool, "判断工具 lookup"),
        (models.Dimension, "判断项"),
        (models.ToolOption, "判断项的选项"),
        (models.Outcome, "结论"),
        (models.RangeTool, "区间工具 range"),
        (models.Band, "区间"),
        (models.CumulativeTool, "累计占比工具 cumulative"),
        (models.ShareClass, "级别 classes 中的一项"),
        (models.ExampleRow, "示例数据中的一行"),
        (kit.Listing, "列表 lists"),
        (kit.Row, "列表或卡片的一行"),
        (kit.Card, "口袋卡 cards"),
        (kit.CardSide, "卡片的一面"),
        (kit.Template, "工作表格 templates"),
        (kit.TemplateField, "填写栏"),
        (kit.TemplateTable, "逐行填写的表格"),
        (kit.Calculator, "计算器 calculators"),
        (kit.CalcInput, "输入项"),
        (kit.CalcStep, "计算步骤"),
        (kit.CalcExample, "算例"),
        (kit.CalcAdvice, "计算器的提示"),
        (kit.OnePager, "阶段一页纸 onepagers"),
    ]


# The order and the Chinese heading of each model in the reference.
SECTIONS: list[tuple[type[BaseModel], str]] = _sections()

TYPE_NAMES = {str: "文字", int: "整数", float: "数字", bool: "true / false", dict: "对照表",
              datetime: "日期时间(ISO 8601，例如 2026-11-26T09:30:00Z)"}


def anchor_of(model: type[BaseModel]) -> str:
    return f"fmt-{model.__name__.lower()}"


def describe_type(annotation, sections=None) -> str:
    """A trainer's words for a field's type."""
    sections = SECTIONS if sections is None else sections
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is typing.Annotated:
        return describe_type(args[0], sections)
    if origin in (typing.Union, types.UnionType):
        parts = [describe_type(a, sections) for a in args if a is not type(None)]
        return " 或 ".join(dict.fromkeys(parts))
    if origin is Literal:
        return " / ".join(f"`{a}`" for a in args)
    if origin is list:
        return f"列表：{describe_type(args[0], sections)}" if args else "列表"
    if origin is dict:
        return "对照表"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        heading = dict(sections).get(annotation, annotation.__name__)
        return f"[{heading}](#{anchor_of(annotation)})"
    return TYPE_NAMES.get(annotation, getattr(annotation, "__name__", str(annotation)))


def describe_field(info: FieldInfo) -> str:
    text = " ".join(t for t in (info.title, info.description) if t)
    for meta in info.metadata:                     # constraints from Annotated types
        if getattr(meta, "pattern", None):
            text += "(格式：小写英文字母、数字、连字符)"
    return text.replace("|", "\\|").replace("\n", " ")


def model_table(model: type[BaseModel], sections=None) -> str:
    rows = ["| 字段 | 写什么 | 必填 | 说明 |", "| --- | --- | --- | --- |"]
    for name, info in model.model_fields.items():
        required = "必填" if info.is_required() else "可选"
        kind = describe_type(info.annotation, sections)
        rows.append(f"| `{name}` | {kind} | {required} | {describe_field(info)} |")
    return "\n".join(rows)


def format_reference(sections=None) -> str:
    """Markdown of every model's fields, in the order trainers meet them.

    ``sections`` defaults to the data-file models; the learner record's page
    passes ``record.RECORD_SECTIONS``.
    """
    sections = SECTIONS if sections is None else sections
    parts = []
    for model, heading in sections:
        anchor = anchor_of(model)
        doc = (model.__doc__ or "").strip().split("\n")[0]
        intro = f"{doc}\n\n" if re.search(r"[\u4e00-\u9fff]", doc) else ""
        parts.append(f"### {heading} {{#{anchor}}}\n\n{intro}{model_table(model, sections)}")
    return "\n\n".join(parts)


def documented_models() -> set[type[BaseModel]]:
    return {model for model, _ in SECTIONS}
