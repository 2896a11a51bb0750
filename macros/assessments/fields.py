"""Field types shared by every model of the data format."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

# Names the browser's objects already have: an id like this would read the
# object's own property instead of the learner's record.
RESERVED_IDS = {"constructor", "prototype"}


def _not_reserved(value: str) -> str:
    if value in RESERVED_IDS:
        raise PydanticCustomError("reserved_id", "编号“{value}”是浏览器保留的名字，请换一个(例如加上模块名)",
                                  {"value": value})
    return value


ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Id = Annotated[str, Field(pattern=ID_PATTERN, min_length=2, max_length=60,
                          title="编号",
                          description="稳定的编号：小写英文字母、数字和连字符，例如 obj-kinds-1。"
                                      "全站唯一；学员的答题记录按编号保存，发布后不要修改。"),
              AfterValidator(_not_reserved)]
# One line of text that must say something (a form's label, a decision).
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Markdown = Annotated[str, Field(min_length=1, description="可以使用 Markdown 格式。")]
InventoryId = Annotated[str, Field(pattern=r"^(P[0-7]|S[1-7]|V[1-6]|A[1-3])$",
                                   title="培训计划条目",
                                   description="INVENTORY.md 中的条目编号，例如 S6。")]


class Strict(BaseModel):
    """Unknown fields are errors: a typo such as ``explaination`` must not pass."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
