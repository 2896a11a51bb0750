"""Pydantic's validation errors, told in a trainer's words (Chinese), with
the line they point at."""

from __future__ import annotations

import re

from pydantic import BaseModel, ValidationError

from ..assessments import models
from ..assessments import types as question_types
from ..fieldkit import models as fieldkit_models
from .yaml_lines import LineDict, line_of, node_at


def _submodels() -> list[type[BaseModel]]:
    """Question types' models first, then the rest (a later title wins)."""
    found: list[type[BaseModel]] = []
    for kind in question_types.TYPES.values():
        found += [*(part for part, _ in kind.parts), kind.model]
    return found + fieldkit_models.MODELS + [
        obj for obj in vars(models).values()
        if isinstance(obj, type) and issubclass(obj, BaseModel) and obj not in (BaseModel, models.Strict)]


FIELD_TITLES = {**{name: title for model in _submodels()
                   for name, info in model.model_fields.items()
                   for title in [info.title] if title},
                "id": "编号", "type": "题型"}

CONTAINERS = {
    "quizzes": "测验", "questions": "问题", "scenes": "场景", "checklists": "清单",
    "items": "检查项", "forms": "表格", "criteria": "评定项目", "tools": "工具",
    **fieldkit_models.CONTAINERS, "steps": "计算步骤", "inputs": "输入项",
}
# Parts of a pydantic location that name a union branch, not a field.
BRANCH_NAMES = {"str", "Choice", "list[union[str,Choice]]", "function-after", "bool", "int",
                "lookup", "range"}


def _clean_loc(loc: tuple) -> tuple:
    return tuple(p for p in loc if not (isinstance(p, str) and (p in BRANCH_NAMES or "[" in p or "-" in p and
                                                                 p.split("-")[0] in ("constrained", "function"))))


def _context(raw: LineDict, loc: tuple) -> str:
    """“问题 obj-3: ” for the innermost element with an id along ``loc``."""
    label = ""
    chain = node_at(raw, loc)
    parts = [p for p in loc if not (isinstance(p, str) and p in question_types.TYPES)]
    container = None
    for part, node in zip(parts, chain[1:]):
        if isinstance(part, str) and part in CONTAINERS:
            container = CONTAINERS[part]
        elif isinstance(part, int) and container and isinstance(node, dict):
            ident = node.get("id")
            label = f"{container} {ident}" if ident else f"{container}(第 {part + 1} 个)"
            container = None
        else:
            container = None
    return f"{label}: " if label else ""


def _explain_one(error: dict) -> str:
    kind = error["type"]
    loc = _clean_loc(error["loc"])
    name = next((p for p in reversed(loc) if isinstance(p, str)), "")
    label = f"“{FIELD_TITLES.get(name, name)}”" if name else ""
    ctx = error.get("ctx", {})
    value = error.get("input")
    if kind == "missing":
        return f"缺少{label}({name})"
    if kind == "extra_forbidden":
        return f"不认识的字段“{name}”(是否拼写错误?)"
    if kind == "union_tag_invalid":
        return f"题型“{ctx.get('tag')}”不存在，可用的题型：{'、'.join(question_types.names())}"
    if kind == "union_tag_not_found":
        return f"缺少题型 type({'、'.join(question_types.names())})"
    if kind == "string_pattern_mismatch" and "covers" in loc:
        return f"“{value}”不是培训计划条目编号(应为 P0–P7、S1–S7、V1–V6、A1–A3 之一，例如 S6)"
    if kind == "string_pattern_mismatch":
        return f"{label}“{value}”格式不对：只能用小写英文字母、数字和连字符，例如 obj-kinds-1"
    if kind == "reserved_id":
        return error["msg"]
    if kind == "finite_number":
        return f"{label}应为普通的数字(不能是 .inf 或 .nan)"
    if kind in ("float_parsing", "float_type"):
        return f"{label}应为数字"
    if kind == "literal_error":
        expected = "、".join(re.findall(r"'([^']*)'", str(ctx.get("expected", "")))) or ctx.get("expected")
        return f"{label}的取值“{value}”无效，应为 {expected} 之一"
    if kind == "too_short":
        return f"{label}至少需要 {ctx.get('min_length')} 项"
    if kind == "string_too_short":
        shortest = ctx.get("min_length", 1)
        return f"{label}不能为空" if shortest <= 1 else f"{label}太短(至少 {shortest} 个字符)"
    if kind == "string_too_long":
        return f"{label}太长(最多 {ctx.get('max_length')} 个字符)"
    if kind in ("bool_parsing", "bool_type"):
        return f"{label}应为 true(对)或 false(错)"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"{label}应为整数"
    if kind in ("less_than_equal", "greater_than_equal", "less_than", "greater_than"):
        return f"{label}的数值超出允许范围"
    if kind == "list_type":
        return f"{label}应写成列表(每项以“- ”开头)"
    if kind == "string_type":
        return f"{label}应为一段文字"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"{label}格式不对：应为带字段的对象(如 text: …)"
    return f"{label}格式不正确"


def explain_validation(exc: ValidationError, raw: LineDict) -> tuple[str, int | None]:
    errors = exc.errors()
    # Prefer errors that are about the data, not a union branch that did not fit.
    errors.sort(key=lambda e: (e["type"] != "extra_forbidden", len(e["loc"]) - len(_clean_loc(e["loc"]))))
    first = errors[0]
    loc = _clean_loc(first["loc"])
    return _context(raw, loc) + _explain_one(first), line_of(raw, loc)
