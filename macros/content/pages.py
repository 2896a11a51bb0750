"""Front matter of handbook pages: the model and its validation.

Every module page declares its stage, audience, reading time, learning
objectives and the inventory ids it covers. The site renders the objectives
box from it, and tests check inventory coverage against it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import HandbookError

Stage = Literal[
    "home", "interview", "pre-job", "trial", "hiring", "probation", "on-job",
    "review", "visits", "agents", "reference", "trainers", "progress",
]
Audience = Literal["新业务员", "培训师", "客户经理"]

STAGE_NAMES: dict[str, str] = {
    "home": "首页",
    "interview": "一、面试",
    "pre-job": "二、岗前培训",
    "trial": "三、试岗",
    "hiring": "四、录用",
    "probation": "五、试用期培训",
    "on-job": "六、岗后培训",
    "review": "七、绩效评估",
    "visits": "终端拜访管理",
    "agents": "代理商管理",
    "reference": "参考",
    "trainers": "培训师指南",
    "progress": "我的进度",
}

INVENTORY_IDS = (
    [f"P{i}" for i in range(8)] + [f"S{i}" for i in range(1, 8)]
    + [f"V{i}" for i in range(1, 7)] + [f"A{i}" for i in range(1, 4)]
)


class PageMeta(BaseModel):
    """Front matter of a handbook module page."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    title: str = Field(min_length=1, description="页面标题")
    stage: Stage = Field(description="所属阶段")
    audience: list[Audience] = Field(min_length=1, description="读者")
    minutes: int = Field(ge=1, le=120, description="预计阅读分钟数")
    objectives: list[str] = Field(default_factory=list, description="学习目标")
    covers: list[str] = Field(default_factory=list, description="覆盖的培训计划条目编号")
    # Keys MkDocs / Material themselves understand.
    description: str | None = None
    hide: list[str] = Field(default_factory=list)
    search: dict | None = None
    template: str | None = None


FIELD_NAMES_ZH = {
    "title": "标题 title", "stage": "阶段 stage", "audience": "读者 audience",
    "minutes": "阅读分钟数 minutes", "objectives": "学习目标 objectives",
    "covers": "覆盖条目 covers",
}


def _front_matter_line(markdown_source: str, key: str) -> int | None:
    """1-based line of ``key:`` in the front matter, if present."""
    for number, line in enumerate(markdown_source.splitlines(), start=1):
        if line.startswith(f"{key}:"):
            return number
    return None


def _explain(error: dict) -> str:
    kind = error["type"]
    if kind == "missing":
        return "缺少这一项"
    if kind == "extra_forbidden":
        return "不认识这一项(是否拼写错误?)"
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return f"取值 “{error.get('input')}” 不在允许范围内，应为 {expected}"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return "应填写整数"
    if kind in ("greater_than_equal", "less_than_equal"):
        return "数值超出范围(1–120)"
    if kind in ("list_type",):
        return "应写成列表，例如 [新业务员]"
    if kind in ("too_short", "string_too_short"):
        return "不能为空"
    return error.get("msg", "格式不正确")


def validate_page_meta(path: str, meta: dict, markdown_source: str = "") -> PageMeta:
    """Check a page's front matter; raise HandbookError naming the first problem."""
    try:
        parsed = PageMeta.model_validate(meta)
    except ValidationError as exc:
        # Unknown keys first: usually a typo, and they have a line to point at.
        errors = sorted(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")
        first = errors[0]
        key = str(first["loc"][0]) if first["loc"] else ""
        line = _front_matter_line(markdown_source, key) if markdown_source else None
        label = FIELD_NAMES_ZH.get(key, key)
        raise HandbookError(path, f"页面信息“{label}”：{_explain(first)}", line) from None
    unknown = [c for c in parsed.covers if c not in INVENTORY_IDS]
    if unknown:
        line = _front_matter_line(markdown_source, "covers")
        raise HandbookError(
            path, f"页面信息“覆盖条目 covers”：未知的条目编号 {', '.join(unknown)}", line
        )
    return parsed
