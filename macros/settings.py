"""The handbook's site settings (``extra:`` in mkdocs.yml), typed and checked
once per build. A wrong value stops the build with ``mkdocs.yml:LINE: 问题``.

Pages see these as variables ({{ company }}, {{ pass_mark }}); the code reads
them from ``SiteSettings``, never from the raw config.
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import HandbookError

CONFIG_FILE = "mkdocs.yml"
LABELS = {"company": "公司名称 company", "pass_mark": "及格线 pass_mark", "bank_rules": "题库规则 bank_rules"}
# The variables pages may use; the trainers' guide documents them.
PAGE_VARIABLES = ("company", "pass_mark")


class BankRules(BaseModel):
    """How far the question bank may lean towards a test-taking habit.

    A rep who always answers 错, or always picks the shortest option, must not
    pass by habit; ``python -m macros check`` prints the figures."""

    model_config = ConfigDict(extra="forbid", strict=True)

    true_share_min: float = Field(0.35, ge=0, le=1, title="判断题答案为“对”的最低比例")
    true_share_max: float = Field(0.65, ge=0, le=1, title="判断题答案为“对”的最高比例")
    habit_max: float = Field(0.35, ge=0, le=1, title="单选题“总选最长/最短”的最高得分")
    multiple_count_max: float = Field(0.5, ge=0, le=1, title="多选题同一正确项个数的最高比例")
    min_questions: int = Field(10, ge=1, title="全库计算比例所需的最少题数(某题型少于此数不检查)")
    min_questions_in_test: int = Field(2, ge=1, title="阶段测试中计算比例所需的最少题数")


class SiteSettings(BaseModel):
    """The ``extra:`` keys the handbook reads (other keys belong to the theme)."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True, strict=True)

    company: str = Field(min_length=1, max_length=40, title="公司名称")
    pass_mark: int = Field(80, ge=1, le=100, title="默认及格线(%)")
    bank_rules: BankRules = Field(default_factory=BankRules, title="题库规则")


def _line_of(config_text: str, key: str) -> int | None:
    """Line of ``key:`` inside the ``extra:`` block of mkdocs.yml."""
    inside = False
    for number, line in enumerate(config_text.splitlines(), start=1):
        if re.match(r"^extra:\s*(#.*)?$", line):
            inside = True
        elif inside and re.match(r"^\S", line):
            inside = False
        elif inside and re.match(rf"^\s+{re.escape(key)}\s*:", line):
            return number
    return None


def _problem(error: dict) -> str:
    kind = error["type"]
    if kind == "missing":
        return "没有填写"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"应为 1–100 的整数(现为 “{error.get('input')}”)"
    if kind in ("greater_than_equal", "less_than_equal"):
        low, high = error.get("ctx", {}).get("ge", 1), error.get("ctx", {}).get("le", 100)
        if kind == "greater_than_equal" and "le" not in error.get("ctx", {}):
            return f"不能小于 {low}(现为 {error.get('input')})"
        return f"应在 {low}–{high} 之间(现为 {error.get('input')})"
    if kind == "string_type":
        return "应为一段文字"
    if kind == "string_too_short":
        return "不能为空"
    if kind == "string_too_long":
        return "太长(最多 40 个字)"
    if kind == "extra_forbidden":
        return f"不认识的设置 “{error['loc'][-1]}”(是否拼写错误?)"
    if kind in ("float_type", "float_parsing"):
        return f"应为 0–1 之间的小数(现为 “{error.get('input')}”)"
    return "取值不正确"


def load_settings(extra: dict, project_dir: Path | str) -> SiteSettings:
    """Check ``extra`` (as MkDocs read it); raise HandbookError at its line."""
    try:
        return SiteSettings.model_validate(dict(extra or {}))
    except ValidationError as exc:
        first = exc.errors()[0]
        key = str(first["loc"][0]) if first["loc"] else ""
        try:
            text = (Path(project_dir) / CONFIG_FILE).read_text(encoding="utf-8")
        except OSError:
            text = ""
        line = _line_of(text, key) or next((n for n, row in enumerate(text.splitlines(), 1)
                                            if row.startswith("extra:")), None)
        label = LABELS.get(key, key) + "".join(f".{part}" for part in first["loc"][1:])
        raise HandbookError(CONFIG_FILE, f"extra.{label}：{_problem(first)}", line) from None
